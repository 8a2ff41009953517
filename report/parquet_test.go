package report

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

// testMeta is the footer metadata every test file is written with.
var testMeta = NewMeta("v0.0.0-test", map[string]string{"k": "3", "loss": "frobenius"})

// openParquet opens a Parquet file for inspection and closes it with the test.
func openParquet(t *testing.T, path string) *parquet.File {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	return pf
}

// checkFile asserts a file's columns ("name TYPE" in order), that every
// column chunk is zstd-compressed, that every row is required, and that the
// footer holds exactly testMeta.
func checkFile(t *testing.T, path string, wantRows int64, wantColumns []string) {
	t.Helper()
	pf := openParquet(t, path)
	if got := pf.NumRows(); got != wantRows {
		t.Errorf("%s: %d rows, want %d", path, got, wantRows)
	}
	var cols []string
	for _, f := range pf.Schema().Fields() {
		if !f.Required() && f.Name() != "date" { // dates are the one nullable column
			t.Errorf("%s: column %s is not required", path, f.Name())
		}
		cols = append(cols, f.Name()+" "+f.Type().String())
	}
	if !reflect.DeepEqual(cols, wantColumns) {
		t.Errorf("%s: columns\n got %q\nwant %q", path, cols, wantColumns)
	}
	chunks := 0
	for _, rg := range pf.Metadata().RowGroups {
		for _, c := range rg.Columns {
			chunks++
			if c.MetaData.Codec != format.Zstd {
				t.Errorf("%s: column %v compressed with %v, want ZSTD", path, c.MetaData.PathInSchema, c.MetaData.Codec)
			}
		}
	}
	if wantRows > 0 && chunks == 0 {
		t.Errorf("%s: no column chunks", path)
	}
	got := map[string]string{}
	for _, kv := range pf.Metadata().KeyValueMetadata {
		got[kv.Key] = kv.Value
	}
	want := map[string]string{"topicmill.version": "v0.0.0-test", "topicmill.k": "3", "topicmill.loss": "frobenius"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: metadata %v, want %v", path, got, want)
	}
}

// roundTrip writes rows with write, reads them back with parquet-go and
// checks rows, columns, codec and metadata.
func roundTrip[T any](t *testing.T, write func(string, []T, Meta) error, rows []T, columns []string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "out.parquet")
	if err := write(path, rows, testMeta); err != nil {
		t.Fatal(err)
	}
	got, err := parquet.ReadFile[T](path)
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	if len(got) != len(rows) || (len(rows) > 0 && !reflect.DeepEqual(got, rows)) {
		t.Errorf("rows\n got %+v\nwant %+v", got, rows)
	}
	checkFile(t, path, int64(len(rows)), columns)
}

func TestWriteTables(t *testing.T) {
	topicsCols := []string{"topic INT(32,true)", "rank INT(32,true)", "term STRING", "stem STRING", "weight DOUBLE"}
	assignCols := []string{"doc_id STRING", "path STRING", "label STRING", "topic INT(32,true)", "weight DOUBLE", "confidence DOUBLE", "second_topic INT(32,true)", "date TIMESTAMP(isAdjustedToUTC=true,unit=MICROS)"}
	termsCols := []string{"id INT(32,true)", "term STRING", "surface STRING", "df INT(32,true)", "idf DOUBLE"}
	docsCols := []string{"column INT(32,true)", "id STRING", "path STRING", "label STRING", "tokens INT(32,true)", "date TIMESTAMP(isAdjustedToUTC=true,unit=MICROS)"}
	tests := []struct {
		name string
		run  func(t *testing.T)
	}{
		{"topics", func(t *testing.T) {
			roundTrip(t, WriteTopics, []TopicTermRow{
				{0, 0, "computer", "comput", 0.5},
				{0, 1, "space", "space", 0.25},
				{1, 0, "jesus", "jesus", 0.125},
			}, topicsCols)
		}},
		{"topics empty", func(t *testing.T) { roundTrip(t, WriteTopics, nil, topicsCols) }},
		{"assignments", func(t *testing.T) {
			roundTrip(t, WriteAssignments, []AssignmentRow{
				{"a", "sci/a.txt", "sci", 1, 0.75, 0.6, 0, &fixtureDate},
				{"b", "b.txt", "", -1, 0, 0, -1, nil},
				{"ü<\"x>", "rec/ü.txt", "rec", 0, 1e-300, 1, 2, nil},
			}, assignCols)
		}},
		{"terms", func(t *testing.T) {
			roundTrip(t, WriteTerms, []TermRow{
				{0, "comput", "computer", 12, 1.5},
				{1, "space", "space", 3, 2.25},
			}, termsCols)
		}},
		{"docs", func(t *testing.T) {
			roundTrip(t, WriteDocs, []DocRow{
				{0, "a", "sci/a.txt", "sci", 17, nil},
				{1, "b", "b.txt", "", 0, &fixtureDate},
			}, docsCols)
		}},
		{"docs many row groups", func(t *testing.T) {
			rows := make([]DocRow, rowGroupRows+10)
			for i := range rows {
				rows[i] = DocRow{Column: int32(i), ID: "d", Label: []string{"x", "y", ""}[i%3], Tokens: int32(i % 7)}
			}
			roundTrip(t, WriteDocs, rows, docsCols)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, tt.run)
	}
}

func TestNewMeta(t *testing.T) {
	got := NewMeta("1.2.3", map[string]string{"k": "20", "min-df": "2"})
	want := Meta{"topicmill.version": "1.2.3", "topicmill.k": "20", "topicmill.min-df": "2"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("NewMeta = %v, want %v", got, want)
	}
}
