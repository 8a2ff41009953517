package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"github.com/parquet-go/parquet-go"

	"github.com/topicmill/topicmill/report"
)

// hostileCorpus writes a small corpus of odd but readable files (issue 10):
// a name with an invalid UTF-8 byte, UTF-16 with a BOM, a stray NUL, a
// hidden file, next to plain ones, so that every topic has words.
func hostileCorpus(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	utf16 := []byte{0xff, 0xfe}
	for _, r := range "rocket orbit moon launch telescope" {
		utf16 = append(utf16, byte(r), 0)
	}
	files := map[string][]byte{
		"a.txt":       []byte("rocket orbit moon launch telescope"),
		"b.txt":       []byte("garlic pasta oven sauce pepper"),
		"c.txt":       []byte("garlic pasta sauce oven basil"),
		"x\xffy.txt":  []byte("rocket moon orbit telescope comet"),
		"utf16.txt":   utf16,
		"nul.txt":     []byte("pasta garlic oven sauce pepper, a message that ends in one stray NUL byte as mail archives do\x00"),
		".hidden.txt": []byte("rocket pasta"),
		"d.txt":       []byte("rocket telescope comet orbit launch"),
		"e.txt":       []byte("basil pepper sauce pasta oven"),
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// TestHostileInputs runs the commands on odd input and checks the exit
// code, what the output names and what is left in --out.
func TestHostileInputs(t *testing.T) {
	corpus := hostileCorpus(t)
	out := t.TempDir()
	if err := topicmill(t, "run", corpus, "--k", "2", "--min-df", "1", "--max-df", "1", "--out", out, "-q"); err != nil {
		t.Fatal(err)
	}
	docs, err := parquet.ReadFile[report.DocRow](filepath.Join(out, "docs.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, d := range docs {
		if !utf8.ValidString(d.ID) || !utf8.ValidString(d.Path) {
			t.Errorf("docs.parquet holds invalid UTF-8: %q", d.ID)
		}
		ids[d.ID] = true
	}
	// The UTF-16 file and the one with a stray NUL are read as text (#6, #14);
	// the invalid name is read under a repaired one (#5).
	for _, id := range []string{"utf16.txt", "nul.txt", "x\uFFFDy.txt"} {
		if !ids[id] {
			t.Errorf("%s was not read (documents: %v)", id, ids)
		}
	}
	if len(docs) != 8 {
		t.Errorf("%d documents read, want 8 (all but the hidden file)", len(docs))
	}
	problems, err := parquet.ReadFile[report.ProblemRow](filepath.Join(out, "problems.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	hidden := false
	for _, p := range problems {
		hidden = hidden || (p.Reason == "hidden" && p.Skipped && strings.HasSuffix(p.Path, ".hidden.txt"))
	}
	if !hidden {
		t.Errorf("the hidden file is not in problems.parquet: %+v", problems)
	}

	// A CSV of numbers with a BOM is two rows, not a header and a row (#7).
	bom := filepath.Join(t.TempDir(), "bom.csv")
	if err := os.WriteFile(bom, []byte("\xef\xbb\xbf1,2,3\n4,5,6\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, _, err := captured(t, "factor", bom, "--k", "1", "--out", t.TempDir(), "--json")
	var f struct{ Rows, Cols int }
	if err != nil || json.Unmarshal([]byte(stdout), &f) != nil || f.Rows != 2 || f.Cols != 3 {
		t.Errorf("factor bom.csv: %q (err %v), want a 2 × 3 matrix", stdout, err)
	}

	// JSONL with a BOM and CRLF lines: every record (#8).
	jsonl := filepath.Join(t.TempDir(), "docs.jsonl")
	body := "\xef\xbb\xbf{\"id\":\"1\",\"text\":\"rocket orbit moon\"}\r\n{\"id\":\"2\",\"text\":\"pasta garlic oven\"}\r\n{\"id\":\"3\",\"text\":\"rocket moon launch\"}\r\n"
	if err := os.WriteFile(jsonl, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	vec := t.TempDir()
	if err := topicmill(t, "vectorize", jsonl, "--min-df", "1", "--max-df", "1", "--out", vec, "-q"); err != nil {
		t.Fatal(err)
	}
	if rows, err := parquet.ReadFile[report.DocRow](filepath.Join(vec, "docs.parquet")); err != nil || len(rows) != 3 {
		t.Errorf("BOM'd CRLF JSONL: %d documents (err %v), want 3", len(rows), err)
	}

	// --out naming a device is refused, and the device is left as it was (#1).
	null := filepath.Join(t.TempDir(), "mynull")
	if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Logf("mknod (needs root): %v; device case not run", err)
		return
	}
	err = topicmill(t, "assign", corpus, "--model", out, "--out", null, "-q")
	if err == nil || exitCode(err) != exitInput {
		t.Errorf("assign --out DEVICE: err = %v (exit %d), want exit 2", err, exitCode(err))
	}
	if st, err := os.Lstat(null); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("the device node was replaced: %v %v", st.Mode(), err)
	}
}
