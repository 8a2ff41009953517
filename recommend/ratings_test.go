package recommend

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// writeFile writes content to name in a fresh folder and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// writeParquet writes rows of (user string, item int64, rating float32) to a Parquet file.
func writeParquet(t *testing.T, rows any) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "r.parquet")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	switch rows := rows.(type) {
	case []parquetRating:
		err = parquet.Write(f, rows)
	case []parquetNamed:
		err = parquet.Write(f, rows)
	}
	if err != nil {
		t.Fatal(err)
	}
	return path
}

type parquetRating struct {
	User   string  `parquet:"user"`
	Item   int64   `parquet:"item"`
	Rating float32 `parquet:"rating"`
}

type parquetNamed struct {
	UserID  int32   `parquet:"userId"`
	MovieID string  `parquet:"movieId"`
	Stars   float64 `parquet:"stars,optional"`
}

// TestReadFormats reads the same three ratings from every accepted layout.
func TestReadFormats(t *testing.T) {
	want := &Ratings{
		Users: []string{"ann", "bob"}, Items: []string{"7", "9"},
		User: []int32{0, 0, 1}, Item: []int32{0, 1, 0}, Value: []float64{4, 2.5, 1},
	}
	named := ReadOptions{UserCol: "userId", ItemCol: "movieId", RatingCol: "stars"}
	cases := []struct {
		name string
		path func(t *testing.T) string
		opts ReadOptions
	}{
		{"csv", func(t *testing.T) string {
			return writeFile(t, "r.csv", "user,item,rating\nann,7,4\nann,9,2.5\nbob,7,1\n")
		}, ReadOptions{}},
		{"csv BOM CRLF quoted, columns in another order", func(t *testing.T) string {
			return writeFile(t, "r.csv", "\uFEFFrating,ts,item,user\r\n4,1,7,ann\r\n2.5,2,9,\"ann\"\r\n 1 ,3,7, bob\r\n")
		}, ReadOptions{}},
		{"csv named columns", func(t *testing.T) string {
			return writeFile(t, "r.csv", "userId,movieId,stars,timestamp\nann,7,4,1\nann,9,2.5,2\nbob,7,1,3\n")
		}, named},
		{"tsv by position with timestamps (MovieLens u.data)", func(t *testing.T) string {
			return writeFile(t, "u.data", "ann\t7\t4\t881250949\nann\t9\t2.5\t881250950\r\n\nbob\t7\t1\t881250951\n")
		}, ReadOptions{}},
		{"tsv with a header", func(t *testing.T) string {
			return writeFile(t, "r.tsv", "item\tuser\trating\n7\tann\t4\n9\tann\t2.5\n7\tbob\t1\n")
		}, ReadOptions{}},
		{"parquet", func(t *testing.T) string {
			return writeParquet(t, []parquetRating{{"ann", 7, 4}, {"ann", 9, 2.5}, {"bob", 7, 1}})
		}, ReadOptions{Scale: Scale{1, 5}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := Read(c.path(t), c.opts)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("got %+v, want %+v", got, want)
			}
		})
	}
}

// TestReadErrors checks that every unusable input is an error that names
// the file and the line, and wraps ErrInput.
func TestReadErrors(t *testing.T) {
	scale := ReadOptions{Scale: Scale{1, 5}}
	cases := []struct {
		name, file, content string
		opts                ReadOptions
		line                int
		want                string
	}{
		{"out of scale", "r.csv", "user,item,rating\na,x,4\na,y,5.5\n", scale, 3, "rating 5.5 is outside the scale 1,5"},
		{"below scale", "r.csv", "user,item,rating\na,x,0\n", scale, 2, "rating 0 is outside the scale 1,5"},
		{"duplicate pair", "r.csv", "user,item,rating\na,x,4\nb,x,3\na,x,2\n", ReadOptions{}, 4, `user "a" rated item "x" twice (first on line 2)`},
		{"empty user", "r.csv", "user,item,rating\na,x,4\n ,y,3\n", ReadOptions{}, 3, "empty user"},
		{"empty item", "r.tsv", "a\tx\t4\na\t\t3\n", ReadOptions{}, 2, "empty item"},
		{"empty rating", "r.csv", "user,item,rating\na,x,\n", ReadOptions{}, 2, "empty rating"},
		{"non-numeric rating", "r.csv", "user,item,rating\na,x,4\na,y,four\n", ReadOptions{}, 3, `rating "four" is not a number`},
		{"NaN rating", "r.csv", "user,item,rating\na,x,NaN\n", ReadOptions{}, 2, `rating "NaN" is not a number`},
		{"named rating column in the message", "r.csv", "u,i,stars\na,x,+Inf\n", ReadOptions{UserCol: "u", ItemCol: "i", RatingCol: "stars"}, 2, `stars "+Inf" is not a number`},
		{"missing column", "r.csv", "user,item,score\na,x,4\n", ReadOptions{}, 1, `no column "rating"`},
		{"short line", "r.csv", "user,item,rating\na,x,4\na,y\n", ReadOptions{}, 3, "2 fields"},
		{"short tsv line", "r.tsv", "a\tx\t4\na\ty\n", ReadOptions{}, 2, "2 tab-separated fields"},
		{"tsv header not naming the columns", "r.tsv", "uid\tiid\tscore\na\tx\t4\n", ReadOptions{}, 1, `score" is not a number`},
		{"bad quoting", "r.csv", "user,item,rating\na,\"x,4\n", ReadOptions{}, 2, "quote"},
		{"empty file", "r.csv", "", ReadOptions{}, 0, "want a header row"},
		{"header only", "r.csv", "user,item,rating\r\n", ReadOptions{}, 0, "no ratings"},
		{"not parquet", "r.parquet", "user,item,rating\n", ReadOptions{}, 0, "not a Parquet file"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, c.file, c.content)
			_, err := Read(path, c.opts)
			var le *LineError
			if !errors.As(err, &le) || !errors.Is(err, ErrInput) {
				t.Fatalf("err = %v, want a *LineError wrapping ErrInput", err)
			}
			if le.Line != c.line || le.Path != path || !strings.Contains(err.Error(), c.want) {
				t.Errorf("err = %v (line %d), want line %d and %q", err, le.Line, c.line, c.want)
			}
		})
	}
	t.Run("parquet", func(t *testing.T) {
		path := writeParquet(t, []parquetNamed{{1, "m1", 4}, {2, "m1", 9}})
		_, err := Read(path, ReadOptions{UserCol: "userId", ItemCol: "movieId", RatingCol: "stars", Scale: Scale{1, 5}})
		var le *LineError
		if !errors.As(err, &le) || le.Line != 2 || !strings.Contains(err.Error(), "stars 9 is outside the scale 1,5") {
			t.Errorf("err = %v, want line 2 out of scale", err)
		}
		if _, err := Read(path, ReadOptions{}); err == nil || !strings.Contains(err.Error(), `no column "user"`) {
			t.Errorf("default columns: err = %v", err)
		}
	})
	if _, err := Read(filepath.Join(t.TempDir(), "missing.csv"), ReadOptions{}); !errors.Is(err, ErrInput) || !errors.Is(err, os.ErrNotExist) {
		t.Errorf("missing file: %v", err)
	}
}

// TestReadPairs reads pairs without a rating column, repeats allowed.
func TestReadPairs(t *testing.T) {
	got, err := ReadPairs(writeFile(t, "p.csv", "item,user\nx,a\nx,a\ny,zed\n"), ReadOptions{})
	want := []Pair{{"a", "x", 2}, {"a", "x", 3}, {"zed", "y", 4}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("ReadPairs = %v, %v; want %v", got, err, want)
	}
	if _, err := ReadPairs(writeFile(t, "p.csv", "user,item\na,\n"), ReadOptions{}); err == nil || !strings.Contains(err.Error(), ":2: empty item") {
		t.Errorf("empty item: %v", err)
	}
}

// TestParseScale reads scales and refuses malformed ones.
func TestParseScale(t *testing.T) {
	cases := []struct {
		in   string
		want Scale
		ok   bool
	}{
		{"1,5", Scale{1, 5}, true},
		{" 0.5 , 10 ", Scale{0.5, 10}, true},
		{"-10,10", Scale{-10, 10}, true},
		{"", Scale{}, true},
		{"5,1", Scale{}, false},
		{"1", Scale{}, false},
		{"1,x", Scale{}, false},
		{"-Inf,5", Scale{}, false},
	}
	for _, c := range cases {
		got, err := ParseScale(c.in)
		if got != c.want || (err == nil) != c.ok {
			t.Errorf("ParseScale(%q) = %v, %v; want %v, ok %v", c.in, got, err, c.want, c.ok)
		}
	}
}
