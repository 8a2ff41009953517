package corpus

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"
)

func TestDateInPath(t *testing.T) {
	cases := []struct{ path, want string }{
		{"news/2024-03-05/story.txt", "2024-03-05"},
		{"archive/2024/03/05/post.txt", "2024-03-05"},
		{"archive/2024/03/post.txt", "2024-03-01"},
		{"mail/20240305-note.txt", "2024-03-05"},
		{"log_2023_12_31.txt", "2023-12-31"},
		{"2024-02-30/then-2024-01-07.txt", "2024-01-07"}, // no 30 February: the next date counts
		{"release-1.2024.txt", ""},
		{"id120240305.txt", ""}, // nine digits are no date
		{"sci.space/61234.txt", ""},
		{"2024-13-01.txt", ""},
	}
	for _, c := range cases {
		got := ""
		if d := dateInPath(c.path); !d.IsZero() {
			got = d.Format("2006-01-02")
		}
		if got != c.want {
			t.Errorf("dateInPath(%q) = %q, want %q", c.path, got, c.want)
		}
	}
}

func TestDateFrom(t *testing.T) {
	root := t.TempDir()
	files := map[string]time.Time{
		"2024/03/a.txt":    time.Date(2020, 1, 2, 3, 4, 5, 0, time.UTC),
		"2024/04/15/b.txt": time.Date(2021, 6, 7, 8, 9, 10, 0, time.UTC),
		"undated/c.txt":    time.Date(2022, 11, 12, 13, 14, 15, 0, time.UTC),
	}
	for name, mtime := range files {
		p := filepath.Join(root, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("some words here"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(p, mtime, mtime); err != nil {
			t.Fatal(err)
		}
	}
	cases := []struct {
		from DateSource
		want map[string]string
	}{
		{"", map[string]string{"2024/03/a.txt": "", "2024/04/15/b.txt": "", "undated/c.txt": ""}},
		{DateFromPath, map[string]string{"2024/03/a.txt": "2024-03-01T00:00:00Z", "2024/04/15/b.txt": "2024-04-15T00:00:00Z", "undated/c.txt": ""}},
		{DateFromMtime, map[string]string{"2024/03/a.txt": "2020-01-02T03:04:05Z", "2024/04/15/b.txt": "2021-06-07T08:09:10Z", "undated/c.txt": "2022-11-12T13:14:15Z"}},
	}
	for _, c := range cases {
		got := map[string]string{}
		_, err := Read(context.Background(), root, Options{DateFrom: c.from}, func(d Document) error {
			got[d.ID] = ""
			if !d.Date.IsZero() {
				got[d.ID] = d.Date.Format(time.RFC3339)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for id, want := range c.want {
			if got[id] != want {
				t.Errorf("date from %q: %s dated %q, want %q", c.from, id, got[id], want)
			}
		}
	}
	if err := DateSource("ctime").Validate(); err == nil {
		t.Error(`DateSource("ctime").Validate() = nil, want an error`)
	}
}
