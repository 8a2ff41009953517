package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestCommittedCorpusMatchesGenerator regenerates the demo corpus and checks
// that testdata/demo is exactly what the generator writes, so the committed
// corpus never drifts from its source.
func TestCommittedCorpusMatchesGenerator(t *testing.T) {
	dir := t.TempDir()
	if err := write(dir, 2026); err != nil {
		t.Fatal(err)
	}
	committed := filepath.Join("..", "..", "testdata", "demo")
	n := 0
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		want, _ := os.ReadFile(path)
		got, err := os.ReadFile(filepath.Join(committed, rel))
		if err != nil {
			t.Errorf("%s: %v (run: go run ./tools/demogen)", rel, err)
			return nil
		}
		if string(got) != string(want) {
			t.Errorf("%s differs from the generator's output (run: go run ./tools/demogen)", rel)
		}
		n++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := len(subjects) * docsPerSubject; n != want {
		t.Errorf("generated %d documents, want %d", n, want)
	}
}
