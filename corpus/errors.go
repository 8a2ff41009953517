package corpus

import (
	"errors"
	"fmt"
)

// ErrInput is wrapped by errors meaning the whole input is unusable (missing
// root, unknown format, empty corpus, no text, a damaged file), so a CLI can
// map it to exit code 2.
var ErrInput = errors.New("bad input")

// ReadError is an error at one place of an input, as encoding/csv's
// ParseError is: the file and the 1-based line (JSONL, CSV) or row
// (Parquet) it is about, 0 for the file as a whole.
type ReadError struct {
	Path string
	Line int
	Err  error
}

// Error renders the error as "path:line: err", or "path: err" for line 0.
func (e *ReadError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

// Unwrap returns the underlying error.
func (e *ReadError) Unwrap() error { return e.Err }

// inputError is a ReadError for the whole of source that wraps ErrInput.
func inputError(source, format string, args ...any) error {
	return &ReadError{Path: source, Err: fmt.Errorf("%w: %s", ErrInput, fmt.Sprintf(format, args...))}
}
