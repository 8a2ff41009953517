package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// The kinds of output set, each the files one kind of command writes. A
// set replaces the files of its kind that it does not write itself (a
// vectorize into a run's folder removes that run's assignments and model,
// which no longer describe its docs.parquet), and never touches the files
// of another kind or a user's own.
var (
	// corpusOutputs are run's, vectorize's and reduce's.
	corpusOutputs = []string{MatrixFile, TermsFile, DocsFile, TopicsFile, AssignmentsFile, DocTopicsFile, ReportFile, ModelFile, ModelWFile, TraceFile, ProblemsFile, TreeFile, OverTimeFile}
	// assignOutputs are assign's.
	assignOutputs = []string{AssignmentsFile, DocTopicsFile, ProblemsFile, ClassifyFile, ConfusionFile}
	// factorOutputs are factor's.
	factorOutputs = []string{WFile, HFile, TraceFile, AssignmentsFile, AssignmentsCSVFile, TopRowsFile, TopRowsCSVFile}
	// sweepOutputs are sweep's.
	sweepOutputs = []string{SweepFile, SweepReportFile}
)

// staging holds a set of outputs in a hidden folder inside dir until every
// one is written; commit then moves them into dir together. A failure while
// writing leaves dir as it was.
type staging struct {
	dir, tmp string
	kind     []string // the outputs of the set's kind, replaced together
}

// newStaging creates dir if needed and a fresh staging folder inside it,
// for a set of the given kind.
func newStaging(dir string, kind []string) (*staging, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	tmp, err := os.MkdirTemp(dir, ".topicmill-staging-*")
	if err != nil {
		return nil, fmt.Errorf("output folder: %w", err)
	}
	return &staging{dir: dir, tmp: tmp, kind: kind}, nil
}

// path is where the output called name is written before commit.
func (s *staging) path(name string) string { return filepath.Join(s.tmp, name) }

// commit moves every staged file into dir, removes the outputs of an
// earlier set of the same kind that this one does not replace, and removes
// the staging folder. Only renames happen here: the writing is over.
func (s *staging) commit() error {
	entries, err := os.ReadDir(s.tmp)
	if err != nil {
		return err
	}
	written := map[string]bool{}
	for _, e := range entries {
		if err := os.Rename(filepath.Join(s.tmp, e.Name()), filepath.Join(s.dir, e.Name())); err != nil {
			return fmt.Errorf("write %s: %w", filepath.Join(s.dir, e.Name()), err)
		}
		written[e.Name()] = true
	}
	for _, name := range s.kind {
		if !written[name] {
			if err := os.Remove(filepath.Join(s.dir, name)); err != nil && !errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("remove stale %s: %w", filepath.Join(s.dir, name), err)
			}
		}
	}
	return os.Remove(s.tmp)
}

// abort removes the staging folder and what it holds.
func (s *staging) abort() { os.RemoveAll(s.tmp) }

// writeSet writes a set of outputs of the given kind into dir through a
// staging folder: all of them appear, or (on an error while writing) none
// and dir is left as it was. Should a rename fail at the very end, the
// files not yet moved are removed with the staging folder.
func writeSet(dir string, kind []string, write func(st *staging) error) error {
	st, err := newStaging(dir, kind)
	if err != nil {
		return err
	}
	if err := write(st); err != nil {
		st.abort()
		return err
	}
	if err := st.commit(); err != nil {
		st.abort()
		return err
	}
	return nil
}

// checkNotRunFolder refuses an output folder that holds a run's model: an
// assign or factor there would replace the run's assignments.parquet and
// leave a folder that mixes two kinds of output. Its error wraps ErrInvalid.
func checkNotRunFolder(dir string) error {
	if _, err := os.Stat(filepath.Join(dir, ModelFile)); err == nil {
		return invalid(fmt.Errorf("output folder %s holds a run's outputs (%s): choose another folder", dir, ModelFile))
	}
	return nil
}

// CheckOutputFolder checks, before any work, that dir can hold outputs: it
// is a folder (or can be made one) where a file can be created. Its error
// wraps ErrInvalid.
func CheckOutputFolder(dir string) error {
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		return invalid(fmt.Errorf("output folder %s is a file", dir))
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return invalid(fmt.Errorf("output folder: %w", err))
	}
	f, err := os.CreateTemp(dir, ".topicmill-check-*")
	if err != nil {
		return invalid(fmt.Errorf("output folder %s cannot be written: %w", dir, err))
	}
	f.Close()
	return os.Remove(f.Name())
}

// CheckOutputFile checks, before any work, that a file can be written at
// path: its folder exists and path is not a folder. Its error wraps
// ErrInvalid.
func CheckOutputFile(path string) error {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return invalid(fmt.Errorf("output %s is a folder", path))
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return invalid(fmt.Errorf("output %s: folder %s does not exist", path, dir))
	}
	return nil
}
