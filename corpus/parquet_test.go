package corpus

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// writeParquetDocs writes n documents (id, text, label) to a Parquet file
// with small pages and returns its bytes.
func writeParquetDocs(t testing.TB, n int) []byte {
	t.Helper()
	type row struct {
		ID    string `parquet:"id"`
		Text  string `parquet:"text"`
		Label string `parquet:"label"`
	}
	rows := make([]row, n)
	for i := range rows {
		rows[i] = row{ID: fmt.Sprintf("d%03d", i), Text: fmt.Sprintf("document %d about %s", i, strings.Repeat("orbits ", i%7+1)), Label: []string{"a", "b"}[i%2]}
	}
	var buf bytes.Buffer
	w := parquet.NewGenericWriter[row](&buf, parquet.PageBufferSize(256), parquet.MaxRowsPerRowGroup(40))
	if _, err := w.Write(rows); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestReadParquetDamagedPages damages the data pages of a Parquet file whose
// footer is intact, byte ranges at many places: the read never panics, and
// when it fails the error is a *ReadError naming the file that wraps ErrInput.
func TestReadParquetDamagedPages(t *testing.T) {
	good := writeParquetDocs(t, 100)
	footer := int(uint32(good[len(good)-8]) | uint32(good[len(good)-7])<<8 | uint32(good[len(good)-6])<<16 | uint32(good[len(good)-5])<<24)
	data := len(good) - 8 - footer // the pages are good[4:data]
	dir := t.TempDir()
	failed := 0
	for k := range 40 {
		at := 4 + (data-4)*k/40
		bad := bytes.Clone(good)
		for i := at; i < min(at+12, data); i++ {
			bad[i] ^= 0x5a + byte(k)
		}
		src := filepath.Join(dir, fmt.Sprintf("damaged%02d.parquet", k))
		if err := os.WriteFile(src, bad, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Read(context.Background(), src, Options{}, func(Document) error { return nil })
		if err == nil {
			continue // the damage fell where a value can take any bytes
		}
		failed++
		var re *ReadError
		if !errors.Is(err, ErrInput) || !errors.As(err, &re) || re.Path != src || !strings.Contains(err.Error(), src) {
			t.Errorf("damage at byte %d: error %v (%T), want a *ReadError for %s wrapping ErrInput", at, err, err, src)
		}
	}
	if failed == 0 {
		t.Error("no damaged copy failed to read")
	}
	t.Logf("%d of 40 damaged copies refused", failed)
}

// FuzzReadParquet reads damaged copies of a small Parquet corpus: no input
// panics, and every failure is an input error naming the file.
func FuzzReadParquet(f *testing.F) {
	f.Add(writeParquetDocs(f, 30))
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		src := filepath.Join(dir, "f.parquet")
		if err := os.WriteFile(src, data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := Read(context.Background(), src, Options{}, func(Document) error { return nil })
		if err != nil && (!errors.Is(err, ErrInput) || !strings.Contains(err.Error(), src)) {
			t.Fatalf("error %v is not an input error naming %s", err, src)
		}
	})
}

// writeParquet writes rows to a Parquet file in a temporary folder and
// returns its path.
func writeParquet[T any](t *testing.T, rows []T) string {
	t.Helper()
	var buf bytes.Buffer
	w := parquet.NewGenericWriter[T](&buf)
	if _, err := w.Write(rows); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return writeFile(t, "d.parquet", buf.String())
}
