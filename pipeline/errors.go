package pipeline

import (
	"errors"
	"fmt"
)

// The pipeline's own error values; a caller tells them apart with errors.Is
// (the command line maps each to exit status 2: unusable input or settings).
var (
	// ErrInvalid marks settings that cannot be used (a bad k, an unknown
	// loss, a penalty that is not finite).
	ErrInvalid = errors.New("invalid settings")
	// ErrNoTerms marks a corpus that leaves no term after tokenizing and
	// pruning.
	ErrNoTerms = errors.New("no terms")
	// ErrModel marks a saved model that cannot be used: missing, damaged or
	// of another format version.
	ErrModel = errors.New("unusable model")
)

// invalid wraps err as an ErrInvalid.
func invalid(err error) error {
	return fmt.Errorf("%w: %w", err, ErrInvalid)
}
