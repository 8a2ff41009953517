package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
)

// binaryProbe is how many leading bytes are searched for a NUL to call a file binary.
const binaryProbe = 8 << 10

// textExts are the extensions read when Options.Include is empty (besides none at all).
var textExts = map[string]bool{".txt": true, ".text": true, ".md": true, ".markdown": true, ".rst": true, ".eml": true}

// readFolder walks root in sorted order and reads every wanted file.
func (r *run) readFolder(root string, info fs.FileInfo) error {
	return r.walkDir(root, "", "", []fs.FileInfo{info})
}

// walkDir reads the folder dir (rel from the root, named label) and its
// sub-folders; ancestors are the folders above it, to detect symlink loops.
func (r *run) walkDir(dir, rel, label string, ancestors []fs.FileInfo) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		r.problem(dir, ReasonUnreadable, err)
		return nil
	}
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		full, id := filepath.Join(dir, name), path.Join(rel, name)
		mode := e.Type()
		var info fs.FileInfo
		if mode&fs.ModeSymlink != 0 {
			if info, err = os.Stat(full); err != nil {
				if r.wanted(name) {
					r.problem(full, symlinkReason(err), err)
				}
				continue
			}
			mode = info.Mode().Type()
		}
		if mode.IsDir() {
			if info == nil {
				if info, err = e.Info(); err != nil {
					r.problem(full, ReasonUnreadable, err)
					continue
				}
			}
			if enclosing(ancestors, info) {
				r.problem(full, ReasonSymlinkLoop, errors.New("leads back to an enclosing folder"))
				continue
			}
			if err := r.walkDir(full, id, name, append(ancestors, info)); err != nil {
				return err
			}
			continue
		}
		if !r.wanted(name) {
			continue
		}
		if !mode.IsRegular() {
			r.problem(full, ReasonUnreadable, fmt.Errorf("not a regular file (%v)", mode))
			continue
		}
		if err := r.readFile(full, id, label); err != nil {
			return err
		}
	}
	return nil
}

// symlinkReason classifies the error of following a symbolic link.
func symlinkReason(err error) Reason {
	switch {
	case errors.Is(err, syscall.ELOOP):
		return ReasonSymlinkLoop
	case errors.Is(err, fs.ErrNotExist):
		return ReasonBrokenSymlink
	default:
		return ReasonUnreadable
	}
}

// enclosing reports whether dir is one of the folders above it.
func enclosing(ancestors []fs.FileInfo, dir fs.FileInfo) bool {
	for _, a := range ancestors {
		if os.SameFile(a, dir) {
			return true
		}
	}
	return false
}

// wanted applies Include (default: text-like names) and Exclude to a base name.
func (r *run) wanted(name string) bool {
	for _, p := range r.opts.Exclude {
		if ok, _ := path.Match(p, name); ok {
			return false
		}
	}
	if len(r.opts.Include) == 0 {
		ext := path.Ext(name)
		return ext == "" || textExts[strings.ToLower(ext)]
	}
	for _, p := range r.opts.Include {
		if ok, _ := path.Match(p, name); ok {
			return true
		}
	}
	return false
}

// readFile reads one document file into the reused buffer and hands it on.
func (r *run) readFile(full, id, label string) error {
	data, size, err := r.slurp(full)
	if err != nil {
		r.problem(full, ReasonUnreadable, err)
		return nil
	}
	if bytes.IndexByte(data[:min(len(data), binaryProbe)], 0) >= 0 {
		r.problem(full, ReasonBinary, errors.New("NUL byte in the first 8 KiB"))
		return nil
	}
	keep := r.oversize(full, size)
	if keep < 0 {
		return nil
	}
	truncated := keep < len(data)
	text, repaired := RepairUTF8(string(cutAtRune(data, keep)))
	return r.finish(full, Document{ID: id, Path: full, Label: label, Text: text}, repaired, truncated)
}

// slurp reads at most MaxBytes+1 bytes of a file into r.buf and returns them
// with the file's full size.
func (r *run) slurp(name string) ([]byte, int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	limit := r.opts.MaxBytes + 1
	want := min(info.Size()+1, limit)
	if int64(cap(r.buf)) < want {
		r.buf = make([]byte, 0, want)
	}
	buf := r.buf[:0]
	for int64(len(buf)) < limit {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow: the file grew since Stat
		}
		n, err := f.Read(buf[len(buf):min(int64(cap(buf)), limit)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, err
		}
	}
	r.buf = buf
	return buf, max(info.Size(), int64(len(buf))), nil
}
