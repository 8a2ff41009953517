package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestReadFolderInvalidNames reads files and folders whose names are not
// valid UTF-8: ID, Path and Label are valid UTF-8 with U+FFFD for each bad
// byte, names that collide so get "#2", and the repairs are counted.
func TestReadFolderInvalidNames(t *testing.T) {
	root := tree{
		"x\xffy.txt":         "first",
		"x\xfey.txt":         "second",
		"x\uFFFDy.txt":       "a name that holds U+FFFD",
		"d\xe9/a.txt":        "label of Latin-1 bytes",
		"ok/caf\xc3\xa9.txt": "valid UTF-8 name",
	}.make(t)
	var docs []string
	var problems []string
	st, err := Read(context.Background(), root, Options{OnProblem: func(p Problem) {
		if !utf8.ValidString(p.Path) {
			t.Errorf("problem path %q is not valid UTF-8", p.Path)
		}
		problems = append(problems, strings.TrimPrefix(p.String(), root+"/"))
	}}, func(d Document) error {
		for _, s := range []string{d.ID, d.Path, d.Label} {
			if !utf8.ValidString(s) {
				t.Errorf("document %q: %q is not valid UTF-8", d.ID, s)
			}
		}
		name, _, _ := strings.Cut(d.ID, "#")
		if want := filepath.Join(root, name); d.Path != want {
			t.Errorf("document %q: path %q, want %q", d.ID, d.Path, want)
		}
		docs = append(docs, d.ID+"|"+d.Label+"|"+d.Text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// sorted by the raw bytes: "d\xe9" < "ok" < "x\xef\xbf\xbd" (U+FFFD) < "x\xfe" < "x\xff"
	equal(t, "documents", docs, []string{
		"d\uFFFD/a.txt|d\uFFFD|label of Latin-1 bytes",
		"ok/café.txt|ok|valid UTF-8 name",
		"x\uFFFDy.txt||a name that holds U+FFFD",
		"x\uFFFDy.txt#2||second",
		"x\uFFFDy.txt#3||first",
	})
	equal(t, "problems", problems, []string{
		"d\uFFFD/a.txt: repaired-encoding: invalid UTF-8 in the name",
		"x\uFFFDy.txt: duplicate-id: id \"x\uFFFDy.txt\" is taken: now \"x\uFFFDy.txt#2\"",
		"x\uFFFDy.txt: repaired-encoding: invalid UTF-8 in the name",
		"x\uFFFDy.txt: duplicate-id: id \"x\uFFFDy.txt\" is taken: now \"x\uFFFDy.txt#3\"",
		"x\uFFFDy.txt: repaired-encoding: invalid UTF-8 in the name",
	})
	if want := "read 5 documents, skipped 0, repaired encoding in 3, renamed 2 duplicate ids"; st.String() != want {
		t.Errorf("stats %q, want %q", st, want)
	}
	if _, err := os.Stat(filepath.Join(root, "x\xffy.txt")); err != nil {
		t.Fatal(err) // the tree really holds the raw name
	}
}

// TestReadDuplicateIDs reads the same ids twice or more from each one-file
// format: every record is kept, later ones under "id#2", "id#3", skipping a
// suffixed id that is already taken, and the renames are counted.
func TestReadDuplicateIDs(t *testing.T) {
	ids := []string{"a", "b", "a", "a#2", "a", "b"}
	want := []string{"a", "b", "a#2", "a#2#2", "a#3", "b#2"}
	var jsonl, csv strings.Builder
	csv.WriteString("id,text\n")
	for i, id := range ids {
		jsonl.WriteString(`{"id": "` + id + `", "text": "doc ` + string(rune('0'+i)) + `"}` + "\n")
		csv.WriteString(id + ",doc " + string(rune('0'+i)) + "\n")
	}
	type row struct {
		ID   string `parquet:"id"`
		Text string `parquet:"text"`
	}
	var rows []row
	for i, id := range ids {
		rows = append(rows, row{id, "doc " + string(rune('0'+i))})
	}
	sources := map[string]string{
		"jsonl":   writeFile(t, "d.jsonl", jsonl.String()),
		"csv":     writeFile(t, "d.csv", csv.String()),
		"parquet": writeParquet(t, rows),
	}
	for name, src := range sources {
		t.Run(name, func(t *testing.T) {
			var got []string
			st, err := Read(context.Background(), src, Options{}, func(d Document) error {
				got = append(got, d.ID)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			equal(t, "ids", got, want)
			if st.Renamed != 4 || st.Read != 6 || !strings.HasSuffix(st.String(), "renamed 4 duplicate ids") {
				t.Errorf("stats %q", st)
			}
		})
	}
}
