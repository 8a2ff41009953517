package corpus

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// tree is a test folder: relative path -> content; "->target" makes a
// symbolic link, "|fifo" a named pipe, a trailing "/" an empty folder.
type tree map[string]string

func (tr tree) make(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	for rel, content := range tr {
		full := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		switch {
		case strings.HasSuffix(rel, "/"):
			err = os.MkdirAll(full, 0o755)
		case strings.HasPrefix(content, "->"):
			err = os.Symlink(content[2:], full)
		case content == "|fifo":
			err = syscall.Mkfifo(full, 0o644)
		default:
			err = os.WriteFile(full, []byte(content), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	return root
}

// collect reads source and returns the documents as "id|label|text" and the
// problems as "path-relative-to-root: reason".
func collect(t *testing.T, source string, opts Options) (docs, problems []string, st Stats, err error) {
	t.Helper()
	opts.OnProblem = func(p Problem) {
		rel := strings.TrimPrefix(filepath.ToSlash(p.Path), filepath.ToSlash(source)+"/")
		problems = append(problems, rel+": "+string(p.Reason))
	}
	st, err = Read(context.Background(), source, opts, func(d Document) error {
		docs = append(docs, d.ID+"|"+d.Label+"|"+d.Text)
		if d.Path == "" {
			t.Errorf("document %s has no path", d.ID)
		}
		return nil
	})
	return docs, problems, st, err
}

func equal(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot  %q\nwant %q", what, got, want)
	}
}

func TestReadFolder(t *testing.T) {
	main := tree{
		"SOURCE.txt":                  "about this corpus",
		"a.txt":                       "root document",
		"train/sci.space/1.txt":       "orbit and launch",
		"train/sci.space/2":           "no extension is text",
		"train/sci.space/pic.png":     "not text by name",
		"train/rec.autos/3.txt":       "engine\r\n",
		"train/rec.autos/readme.md":   "markdown counts",
		"test/sci.space/4.txt":        "moon",
		"b-binary.txt":                "abc\x00def",
		"c-cp1252.txt":                "caf\xe9 na\xefve \x93quoted\x94",
		"d-broken.txt":                "ok \xc3\xa9 then \xff end",
		"e-empty.txt":                 "",
		"f-blank.txt":                 " \n\t\n",
		"g-dangling.txt":              "->nowhere.txt",
		"h-self.txt":                  "->h-self.txt",
		"i-link.txt":                  "->test/sci.space/4.txt",
		"j-fifo.txt":                  "|fifo",
		"loop/5.txt":                  "inside loop",
		"loop/back":                   "->..",
		".hidden.txt":                 "hidden",
		".git/HEAD":                   "ref: main",
		"dir.txt/6.txt":               "a folder named like a file",
		"train/rec.autos/empty-dir/":  "",
		"train/sci.space/deep/7.text": "deeper folder is the label",
	}
	small := tree{"small.txt": "ab", "big.txt": "h\xc3\xa9llo"}
	tests := []struct {
		name     string
		tree     tree
		opts     Options
		docs     []string
		problems []string
		stats    string
	}{
		{
			name: "default",
			tree: main,
			docs: []string{
				"SOURCE.txt||about this corpus",
				"a.txt||root document",
				"c-cp1252.txt||café naïve “quoted”",
				"d-broken.txt||ok é then \uFFFD end",
				"dir.txt/6.txt|dir.txt|a folder named like a file",
				"i-link.txt||moon",
				"loop/5.txt|loop|inside loop",
				"test/sci.space/4.txt|sci.space|moon",
				"train/rec.autos/3.txt|rec.autos|engine\r\n",
				"train/rec.autos/readme.md|rec.autos|markdown counts",
				"train/sci.space/1.txt|sci.space|orbit and launch",
				"train/sci.space/2|sci.space|no extension is text",
				"train/sci.space/deep/7.text|deep|deeper folder is the label",
			},
			problems: []string{
				".git: hidden",
				".hidden.txt: hidden",
				"b-binary.txt: binary",
				"c-cp1252.txt: repaired-encoding",
				"d-broken.txt: repaired-encoding",
				"e-empty.txt: empty",
				"f-blank.txt: empty",
				"g-dangling.txt: broken-symlink",
				"h-self.txt: symlink-loop",
				"j-fifo.txt: unreadable",
				"loop/back: symlink-loop",
			},
			stats: "read 13 documents, skipped 9 (empty 2, hidden 2, symlink-loop 2, binary 1, broken-symlink 1, unreadable 1), repaired encoding in 2",
		},
		{
			name: "include and exclude",
			tree: main,
			opts: Options{Include: []string{"*.txt", "*.png"}, Exclude: []string{"SOURCE.txt", "[a-h]-*", "?.txt"}},
			docs: []string{
				"i-link.txt||moon",
				"train/sci.space/pic.png|sci.space|not text by name",
			},
			problems: []string{".git: hidden", ".hidden.txt: hidden", "j-fifo.txt: unreadable", "loop/back: symlink-loop"},
			stats:    "read 2 documents, skipped 4 (hidden 2, symlink-loop 1, unreadable 1)",
		},
		{
			name:     "oversize truncated at a rune boundary",
			tree:     small,
			opts:     Options{MaxBytes: 2},
			docs:     []string{"big.txt||h", "small.txt||ab"},
			problems: []string{"big.txt: truncated"},
			stats:    "read 2 documents, skipped 0, truncated 1",
		},
		{
			name:     "oversize skipped",
			tree:     small,
			opts:     Options{MaxBytes: 2, SkipOversize: true},
			docs:     []string{"small.txt||ab"},
			problems: []string{"big.txt: oversize"},
			stats:    "read 1 document, skipped 1 (oversize 1)",
		},
		{
			name:     "hidden folders count once, hidden files when wanted",
			tree:     tree{"a.txt": "seen", ".git/HEAD": "ref", ".git/objects/x": "blob", ".cache/": "", ".notes.md": "n", ".DS_Store": "\x00\x01", "d/.swp.txt": "s"},
			docs:     []string{"a.txt||seen"},
			problems: []string{".cache: hidden", ".git: hidden", ".notes.md: hidden", "d/.swp.txt: hidden"},
			stats:    "read 1 document, skipped 4 (hidden 4)",
		},
		{
			name:  "limit not reached",
			tree:  small,
			opts:  Options{MaxBytes: 6, SkipOversize: true},
			docs:  []string{"big.txt||héllo", "small.txt||ab"},
			stats: "read 2 documents, skipped 0",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := tc.tree.make(t)
			docs, problems, st, err := collect(t, root, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			equal(t, "documents", docs, tc.docs)
			equal(t, "problems", problems, tc.problems)
			if st.String() != tc.stats {
				t.Errorf("stats %q, want %q", st, tc.stats)
			}
		})
	}
}

func TestReadFolderUnreadablePermission(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root: chmod 000 does not stop reads (the FIFO case in TestReadFolder covers unreadable files)")
	}
	root := tree{"a.txt": "fine", "b.txt": "locked"}.make(t)
	if err := os.Chmod(filepath.Join(root, "b.txt"), 0); err != nil {
		t.Fatal(err)
	}
	docs, problems, _, err := collect(t, root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "documents", docs, []string{"a.txt||fine"})
	equal(t, "problems", problems, []string{"b.txt: unreadable"})
}

func TestReadInputErrors(t *testing.T) {
	tests := []struct {
		name   string
		source func(t *testing.T) string
		opts   Options
		msg    string
	}{
		{"missing root", func(t *testing.T) string { return filepath.Join(t.TempDir(), "nope") }, Options{}, "cannot open"},
		{"empty folder", func(t *testing.T) string { return t.TempDir() }, Options{}, "no documents found"},
		{"nothing included", func(t *testing.T) string { return tree{"a.png": "x"}.make(t) }, Options{}, "no documents found"},
		{"all skipped", func(t *testing.T) string { return tree{"a.txt": "", "b.txt": "\x00"}.make(t) }, Options{}, "all 2 documents skipped (binary 1, empty 1)"},
		{"headers only", func(t *testing.T) string { return tree{"a.txt": "From: x\nSubject: y\n\n"}.make(t) }, Options{Strip: StripHeaders}, "all 1 documents skipped (nothing-left-after-strip 1)"},
		{"unknown format", func(t *testing.T) string { return filepath.Join(tree{"a.txt": "x"}.make(t), "a.txt") }, Options{}, `unknown format ".txt"`},
		{"bad pattern", func(t *testing.T) string { return tree{"a.txt": "x"}.make(t) }, Options{Include: []string{"["}}, "bad pattern"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.source(t)
			_, err := Read(context.Background(), src, tc.opts, func(Document) error { return nil })
			if !errors.Is(err, ErrInput) {
				t.Fatalf("error %v does not wrap ErrInput", err)
			}
			if !strings.Contains(err.Error(), src) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("error %q should name %s and say %q", err, src, tc.msg)
			}
		})
	}
}

func TestReadStops(t *testing.T) {
	root := tree{"a.txt": "one", "b.txt": "two", "c.txt": "three"}.make(t)
	stop := errors.New("enough")
	n := 0
	st, err := Read(context.Background(), root, Options{}, func(Document) error {
		n++
		if n == 2 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 2 || st.Read != 2 {
		t.Errorf("visit error: got err %v after %d visits, stats %v", err, n, st)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, root, Options{}, func(Document) error { return nil }); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v", err)
	}
}

// TestReadStopsMidWalk stops a read whose folder walk is still handing out
// files: the error comes back and no walking or reading goroutine is left.
func TestReadStopsMidWalk(t *testing.T) {
	tr := tree{}
	for i := range 1200 {
		tr[fmt.Sprintf("d%d/%04d.txt", i%4, i)] = fmt.Sprintf("post %d", i)
	}
	root := tr.make(t)
	before := runtime.NumGoroutine()
	stop := errors.New("enough")
	n := 0
	st, err := Read(context.Background(), root, Options{}, func(Document) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || n != 3 || st.Read != 3 {
		t.Errorf("got err %v after %d visits, stats %v", err, n, st)
	}
	for deadline := time.Now().Add(2 * time.Second); runtime.NumGoroutine() > before; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines left running after the read, %d before", runtime.NumGoroutine(), before)
		}
	}
}

// BenchmarkReadFolder reads a generated tree of 2,000 posts of about 2 KB.
func BenchmarkReadFolder(b *testing.B) {
	root := b.TempDir()
	body := strings.Repeat("The launch window for the orbiter opens at dawn. ", 40)
	var bytes int64
	for i := range 2000 {
		dir := filepath.Join(root, "train", []string{"sci.space", "rec.autos", "talk.misc", "comp.graphics"}[i%4])
		if err := os.MkdirAll(dir, 0o755); err != nil {
			b.Fatal(err)
		}
		text := "From: someone@example.com\nSubject: post " + strings.Repeat("x", i%7) + "\n\n" + body + "\n-- \nsig\n"
		bytes += int64(len(text))
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%05d.txt", i)), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(bytes)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Read(context.Background(), root, Options{Strip: StripHeaders | StripQuotes | StripSignatures}, func(Document) error { return nil }); err != nil {
			b.Fatal(err)
		}
	}
}

// TestReadFolderOrderManyFiles checks that files read ahead on 1, 2, 3 and
// GOMAXPROCS goroutines (Options.Workers) reach visit, and problems
// OnProblem, in walk order, the same for each, with far more files than the
// read-ahead window and skips among them.
func TestReadFolderOrderManyFiles(t *testing.T) {
	tr := tree{}
	var want []string
	var wantProblems []string
	for i := range 500 {
		name := fmt.Sprintf("d%d/%04d.txt", i%3, i)
		switch i % 50 {
		case 7:
			tr[name] = "bin\x00ary"
		case 9:
			tr[name] = "  \n"
		default:
			tr[name] = fmt.Sprintf("post %d", i)
		}
	}
	for d := range 3 {
		for i := d; i < 500; i += 3 {
			name := fmt.Sprintf("d%d/%04d.txt", d, i)
			switch i % 50 {
			case 7, 9:
				wantProblems = append(wantProblems, name)
			default:
				want = append(want, name+"="+tr[name])
			}
		}
	}
	root := tr.make(t)
	for _, workers := range []int{1, 2, 3, 0} {
		var got, gotProblems []string
		_, err := Read(context.Background(), root, Options{Workers: workers, OnProblem: func(p Problem) {
			rel, _ := filepath.Rel(root, p.Path)
			gotProblems = append(gotProblems, filepath.ToSlash(rel))
		}}, func(d Document) error {
			got = append(got, d.ID+"="+d.Text)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%d workers: documents out of order or wrong: got %d, want %d; first %q", workers, len(got), len(want), got[:min(3, len(got))])
		}
		if strings.Join(gotProblems, "\n") != strings.Join(wantProblems, "\n") {
			t.Errorf("%d workers: problems %q, want %q", workers, gotProblems, wantProblems)
		}
	}
}
