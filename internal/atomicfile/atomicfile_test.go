package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// dirEntries lists the names in dir, so a test can see temporary litter.
func dirEntries(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

func TestWrite(t *testing.T) {
	errBoom := errors.New("boom")
	tests := []struct {
		name     string
		existing string // content of path before the call; "" = no file
		write    func(w io.Writer) error
		wantErr  error  // nil = success
		want     string // content of path after the call; "" = no file
	}{
		{"new file", "", writeString("hello"), nil, "hello"},
		{"replaces existing file whole", strings.Repeat("old content ", 1000), writeString("new"), nil, "new"},
		{"large write", "", writeString(strings.Repeat("x", 1<<20)), nil, strings.Repeat("x", 1<<20)},
		{"error leaves no file", "", func(w io.Writer) error {
			io.WriteString(w, strings.Repeat("partial", 20000))
			return errBoom
		}, errBoom, ""},
		{"error leaves existing file untouched", "keep me", func(w io.Writer) error {
			io.WriteString(w, "partial")
			return errBoom
		}, errBoom, "keep me"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "out.txt")
			if tt.existing != "" {
				if err := os.WriteFile(path, []byte(tt.existing), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			err := Write(path, tt.write)
			if !errors.Is(err, tt.wantErr) || (err == nil) != (tt.wantErr == nil) {
				t.Fatalf("err = %v, want %v", err, tt.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), path) {
				t.Errorf("error %q does not name %s", err, path)
			}
			got, readErr := os.ReadFile(path)
			switch {
			case tt.want == "" && !os.IsNotExist(readErr):
				t.Errorf("file exists (err %v), want none", readErr)
			case tt.want != "" && string(got) != tt.want:
				t.Errorf("content %.40q (%d bytes), want %.40q (%d bytes)", got, len(got), tt.want, len(tt.want))
			}
			wantNames := []string(nil)
			if tt.want != "" {
				wantNames = []string{"out.txt"}
			}
			if tt.wantErr == nil {
				st, err := os.Stat(path)
				if err != nil {
					t.Fatal(err)
				}
				if st.Mode().Perm() != outputMode {
					t.Errorf("mode %v, want %v", st.Mode().Perm(), os.FileMode(outputMode))
				}
			}
			if names := dirEntries(t, dir); strings.Join(names, ",") != strings.Join(wantNames, ",") {
				t.Errorf("directory holds %q, want %q", names, wantNames)
			}
		})
	}
}

func TestWritePanicLeavesNoLitter(t *testing.T) {
	dir := t.TempDir()
	func() {
		defer func() { recover() }()
		Write(filepath.Join(dir, "out.txt"), func(w io.Writer) error { panic("bug") })
	}()
	if names := dirEntries(t, dir); len(names) != 0 {
		t.Errorf("directory holds %q after a panic, want nothing", names)
	}
}

func TestWriteMissingDir(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "out.txt")
	called := false
	err := Write(path, func(w io.Writer) error { called = true; return nil })
	if err == nil || called {
		t.Errorf("err = %v, write called = %v; want an error before writing", err, called)
	}
}

// writeString returns a write function that writes s.
func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error {
		_, err := io.WriteString(w, s)
		return err
	}
}

// TestWriteNeverReplacesANonRegularFile checks that a symbolic link is
// followed, and a named pipe and a character device made here are written
// through, never replaced by a regular file.
func TestWriteNeverReplacesANonRegularFile(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "target.txt")
	link := filepath.Join(dir, "link.txt")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("target.txt", link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(link); err != nil || st.Mode()&os.ModeSymlink == 0 {
		t.Errorf("link replaced: %v %v", st.Mode(), err)
	}
	if got, _ := os.ReadFile(target); string(got) != "new" {
		t.Errorf("target holds %q, want %q", got, "new")
	}

	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	got := make(chan string)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- string(b)
	}()
	if err := Write(fifo, writeString("through the pipe")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Errorf("pipe reader got %q", s)
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("named pipe replaced: %v %v", st.Mode(), err)
	}

	null := filepath.Join(dir, "mynull")
	if err := syscall.Mknod(null, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Logf("mknod (needs root): %v; device case not run", err)
		return
	}
	if err := Write(null, writeString("discarded")); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Lstat(null); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("device node replaced: %v %v", st.Mode(), err)
	}
	if names := dirEntries(t, dir); strings.Join(names, ",") != "link.txt,mynull,pipe,target.txt" {
		t.Errorf("directory holds %q", names)
	}
}
