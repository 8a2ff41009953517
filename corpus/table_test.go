package corpus

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
)

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// readAll returns the documents of a one-file source as "id|label|date|text"
// and the problems as "file:line: reason".
func readAll(t *testing.T, source string, opts Options) (docs, problems []string, st Stats, err error) {
	t.Helper()
	opts.OnProblem = func(p Problem) {
		problems = append(problems, filepath.Base(p.Path)+": "+string(p.Reason))
	}
	st, err = Read(context.Background(), source, opts, func(d Document) error {
		date := ""
		if !d.Date.IsZero() {
			date = d.Date.UTC().Format(time.RFC3339)
		}
		if d.Path != source {
			t.Errorf("document %s: path %q, want %q", d.ID, d.Path, source)
		}
		docs = append(docs, d.ID+"|"+d.Label+"|"+date+"|"+d.Text)
		return nil
	})
	return docs, problems, st, err
}

func TestReadJSONL(t *testing.T) {
	lines := []string{
		`{"id": "a", "text": "first post", "label": "space", "date": "2024-03-01"}`,
		`{"text": "no id here", "date": "2024-03-01T10:00:00+02:00"}`,
		``,
		`not json`,
		`{"id": "x", "body": "no text field"}`,
		`{"id": 42, "text": "numeric id", "label": null}`,
		`{"text": "caf` + "\xe9" + `"}`,
		`{"text": "bad date", "date": "March 1"}`,
		`{"text": ["array"]}`,
		`{"text": "   "}`,
		`{"id": "last", "text": "no newline at the end"}`,
	}
	src := writeFile(t, "posts.jsonl", strings.Join(lines, "\n"))
	docs, problems, st, err := readAll(t, src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "documents", docs, []string{
		"a|space|2024-03-01T00:00:00Z|first post",
		"posts.jsonl:2||2024-03-01T08:00:00Z|no id here",
		"42|||numeric id",
		"posts.jsonl:7|||café",
		"last|||no newline at the end",
	})
	equal(t, "problems", problems, []string{
		"posts.jsonl:4: bad-record",
		"posts.jsonl:5: bad-record",
		"posts.jsonl:7: repaired-encoding",
		"posts.jsonl:8: bad-record",
		"posts.jsonl:9: bad-record",
		"posts.jsonl:10: empty",
	})
	if want := "read 5 documents, skipped 5 (bad-record 4, empty 1), repaired encoding in 1"; st.String() != want {
		t.Errorf("stats %q, want %q", st, want)
	}
}

func TestReadJSONLFieldsAndLimits(t *testing.T) {
	src := writeFile(t, "d.ndjson", `{"key": "k1", "body": "h\u00e9llo", "group": "g"}`+"\n"+`{"key": "k2", "body": "ok", "group": "g"}`+"\n")
	opts := Options{TextField: "body", IDField: "key", LabelField: "group", MaxBytes: 2}
	docs, problems, _, err := readAll(t, src, opts)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "documents", docs, []string{"k1|g||h", "k2|g||ok"})
	equal(t, "problems", problems, []string{"d.ndjson:1: truncated"})

	long := writeFile(t, "long.jsonl", `{"text": "`+strings.Repeat("word ", 40000)+`"}`)
	docs, _, _, err = readAll(t, long, Options{})
	if err != nil || len(docs) != 1 || len(docs[0]) != len("long.jsonl:1|||")+200000 {
		t.Errorf("a line longer than the read buffer: %d docs, err %v", len(docs), err)
	}
}

func TestReadCSV(t *testing.T) {
	content := "\uFEFFid,label,text,date\n" +
		"1,space,orbit,2024-01-02\n" +
		"2,autos,\"engine, wheels\nand brakes\",\n" +
		"3,autos\n" +
		"4,space,a \"lazy\" quote,\n" +
		",space,no id,\n" +
		"6,space,caf\xe9,\n" +
		"7,space,\"unterminated\n"
	src := writeFile(t, "docs.csv", content)
	docs, problems, st, err := readAll(t, src, Options{})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "documents", docs, []string{
		"1|space|2024-01-02T00:00:00Z|orbit",
		"2|autos||engine, wheels\nand brakes",
		"4|space||a \"lazy\" quote",
		"docs.csv:7|space||no id",
		"6|space||café",
		"7|space||unterminated\n", // LazyQuotes: an open quote runs to the end of the file
	})
	equal(t, "problems", problems, []string{
		"docs.csv:5: bad-record",
		"docs.csv:8: repaired-encoding",
	})
	if st.Read != 6 || st.Skipped[ReasonBadRecord] != 1 || st.Repaired != 1 {
		t.Errorf("stats %v", st)
	}
	if _, err := Read(context.Background(), src, Options{TextField: "body"}, func(Document) error { return nil }); !errors.Is(err, ErrInput) || !strings.Contains(err.Error(), `no column "body"`) {
		t.Errorf("missing text column: %v", err)
	}
}

func TestReadParquet(t *testing.T) {
	type row struct {
		ID    string  `parquet:"id"`
		Text  *string `parquet:"text,optional"`
		Label string  `parquet:"label"`
		Date  int32   `parquet:"date,date"`
		Extra int64   `parquet:"extra"`
	}
	str := func(s string) *string { return &s }
	rows := []row{
		{ID: "a", Text: str("first"), Label: "x", Date: 19723},
		{ID: "", Text: str("second"), Label: "y"},
		{ID: "c", Text: nil, Label: "x"},
		{ID: "d", Text: str(" "), Label: "y"},
		{ID: "e", Text: str("fifth " + strings.Repeat("long ", 100)), Label: "x", Date: 1},
	}
	src := filepath.Join(t.TempDir(), "docs.parquet")
	f, err := os.Create(src)
	if err != nil {
		t.Fatal(err)
	}
	w := parquet.NewGenericWriter[row](f, parquet.MaxRowsPerRowGroup(2), parquet.PageBufferSize(64))
	if _, err := w.Write(rows); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	docs, problems, st, err := readAll(t, src, Options{MaxBytes: 10})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "documents", docs, []string{
		"a|x|2024-01-01T00:00:00Z|first",
		"docs.parquet:2|y|1970-01-01T00:00:00Z|second",
		"e|x|1970-01-02T00:00:00Z|fifth long",
	})
	equal(t, "problems", problems, []string{"docs.parquet:3: bad-record", "docs.parquet:4: empty", "docs.parquet:5: truncated"})
	if st.Read != 3 || st.SkippedTotal() != 2 || st.Truncated != 1 {
		t.Errorf("stats %v", st)
	}
	for _, opts := range []Options{{TextField: "nope"}, {TextField: "extra"}, {DateField: "extra"}} {
		if _, err := Read(context.Background(), src, opts, func(Document) error { return nil }); !errors.Is(err, ErrInput) {
			t.Errorf("%+v: error %v, want ErrInput", opts, err)
		}
	}
	if _, err := Read(context.Background(), writeFile(t, "x.parquet", "not parquet at all"), Options{}, func(Document) error { return nil }); !errors.Is(err, ErrInput) {
		t.Errorf("not a Parquet file: %v", err)
	}
}

// TestReadJSONLOddLines reads JSONL files with a byte-order mark, CRLF line
// endings and a text that is not a string.
func TestReadJSONLOddLines(t *testing.T) {
	tests := []struct {
		name, content string
		docs          []string
		problems      []string // Problem.String with the folder left out
	}{
		{"BOM and CRLF", "\xef\xbb\xbf{\"id\": \"a\", \"text\": \"one\"}\r\n{\"id\": \"b\", \"text\": \"two\"}\r\n\r\n{\"id\": \"c\", \"text\": \"three\"}\r\n",
			[]string{"a|||one", "b|||two", "c|||three"}, nil},
		{"BOM before a blank first line", "\xef\xbb\xbf\r\n{\"text\": \"x\"}", []string{"f.jsonl:2|||x"}, nil},
		{"text a number", "{\"id\": \"a\", \"text\": 12345}\n{\"id\": \"b\", \"text\": true}\n{\"id\": 7, \"text\": \"ok\"}\n",
			[]string{"7|||ok"}, []string{`f.jsonl:1: bad-record: field "text": want a string, got 12345`, `f.jsonl:2: bad-record: field "text": want a string, got true`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := writeFile(t, "f.jsonl", tc.content)
			var docs, problems []string
			_, err := Read(context.Background(), src, Options{OnProblem: func(p Problem) {
				problems = append(problems, strings.TrimPrefix(p.String(), filepath.Dir(src)+"/"))
			}}, func(d Document) error {
				docs = append(docs, d.ID+"|"+d.Label+"||"+d.Text)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			equal(t, "documents", docs, tc.docs)
			equal(t, "problems", problems, tc.problems)
		})
	}
}
