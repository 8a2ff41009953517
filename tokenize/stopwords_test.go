package tokenize

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestReadStopWords(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name    string
		content string // "" with missing true: no file
		missing bool
		want    []string
		wantErr string
	}{
		{name: "words and comments", content: "# my list\nfoo\n\n  Bar  # trailing\n#baz\nqux", want: []string{"foo", "Bar", "qux"}},
		{name: "empty", content: "", want: nil},
		{name: "two words on a line", content: "foo\nbar baz\n", wantErr: ":2: 2 words"},
		{name: "missing", missing: true, wantErr: "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "_")+".txt")
			if !tt.missing {
				if err := os.WriteFile(path, []byte(tt.content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := ReadStopWords(path)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want one naming %s and containing %q", err, path, tt.wantErr)
				}
				return
			}
			if err != nil || !slices.Equal(got, tt.want) {
				t.Fatalf("ReadStopWords = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

func TestReadStopWordsFeedsConfig(t *testing.T) {
	path := filepath.Join(t.TempDir(), "stop.txt")
	if err := os.WriteFile(path, []byte("Space\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	words, err := ReadStopWords(path)
	if err != nil {
		t.Fatal(err)
	}
	a := mustNew(t, opts(Options{StopWords: words}))
	if got := a.Words("space shuttle"); !slices.Equal(got, []string{"shuttl"}) {
		t.Fatalf("Words = %q, want [shuttl]", got)
	}
}
