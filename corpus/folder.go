package corpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"syscall"
)

// textExts are the extensions read when Options.Include is empty (besides none at all).
var textExts = map[string]bool{".txt": true, ".text": true, ".md": true, ".markdown": true, ".rst": true, ".eml": true}

// readFolder walks root in sorted order on its own goroutine while the
// files it has found so far are read (on several goroutines, handing the
// documents on in walk order), so reading does not wait for the whole walk.
func (r *run) readFolder(root string, info fs.FileInfo) error {
	steps, stop := make(chan step, 256), make(chan struct{})
	go func() {
		defer close(steps)
		r.walkDir(root, "", "", []fs.FileInfo{info}, func(s step) bool {
			select {
			case steps <- s:
				return true
			case <-stop:
				return false
			}
		})
	}()
	defer close(stop)
	return r.readSteps(steps)
}

// step is one thing a folder read does, in walk order: read a file, or
// report a problem met while walking.
type step struct {
	full, id, label string // the file (full path, id, label) or the problem's path
	problem         Reason // "" for a file to read
	err             error  // the problem's error
}

// walkDir lists the folder dir (rel from the root, named label) and its
// sub-folders as steps handed to emit in walk order; ancestors are the
// folders above it, to detect symlink loops. It stops, returning false, as
// soon as emit returns false.
func (r *run) walkDir(dir, rel, label string, ancestors []fs.FileInfo, emit func(step) bool) bool {
	problem := func(p string, reason Reason, err error) bool {
		return emit(step{full: p, problem: reason, err: err})
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return problem(dir, ReasonUnreadable, err)
	}
	for _, e := range entries {
		name := e.Name()
		full, id := filepath.Join(dir, name), path.Join(rel, name)
		if strings.HasPrefix(name, ".") { // a hidden folder is one skip, unlisted
			if (e.IsDir() || r.wanted(name)) && !problem(full, ReasonHidden, nil) {
				return false
			}
			continue
		}
		mode := e.Type()
		var info fs.FileInfo
		if mode&fs.ModeSymlink != 0 {
			if info, err = os.Stat(full); err != nil {
				if r.wanted(name) && !problem(full, symlinkReason(err), err) {
					return false
				}
				continue
			}
			mode = info.Mode().Type()
		}
		if mode.IsDir() {
			if info == nil {
				if info, err = e.Info(); err != nil {
					if !problem(full, ReasonUnreadable, err) {
						return false
					}
					continue
				}
			}
			if enclosing(ancestors, info) {
				if !problem(full, ReasonSymlinkLoop, errors.New("leads back to an enclosing folder")) {
					return false
				}
				continue
			}
			if !r.walkDir(full, id, name, append(ancestors, info), emit) {
				return false
			}
			continue
		}
		if !r.wanted(name) {
			continue
		}
		if !mode.IsRegular() {
			if !problem(full, ReasonUnreadable, fmt.Errorf("not a regular file (%v)", mode)) {
				return false
			}
			continue
		}
		if !emit(step{full: full, id: id, label: label}) {
			return false
		}
	}
	return true
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
