package factor

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"
)

// TestSettingsRefused checks that penalties, tolerances and iteration
// counts that no fit can use are refused before any work, by Fit,
// Transform and WithDefaults alike, naming the field, and are not shape
// errors.
func TestSettingsRefused(t *testing.T) {
	X := randomSparse(12, 9, 0.4, 6)
	W, _ := planted(12, 9, 3, 7)
	inf, nan := math.Inf(1), math.NaN()
	for _, tc := range []struct {
		name string
		f    NMF
		want string
	}{
		{"L1W Inf", NMF{K: 2, L1W: inf}, "penalty L1W must be a finite non-negative number, got +Inf"},
		{"L2W Inf", NMF{K: 2, L2W: inf}, "penalty L2W must be a finite non-negative number, got +Inf"},
		{"L1H Inf", NMF{K: 2, L1H: inf}, "penalty L1H"},
		{"L2H Inf", NMF{K: 2, L2H: inf}, "penalty L2H"},
		{"L2W -Inf", NMF{K: 2, L2W: -inf}, "penalty L2W"},
		{"L1H NaN", NMF{K: 2, L1H: nan}, "penalty L1H must be a finite non-negative number, got NaN"},
		{"L2H negative", NMF{K: 2, L2H: -1}, "penalty L2H must be a finite non-negative number, got -1"},
		{"Tol negative", NMF{K: 2, Tol: -1}, "Tol must be a finite non-negative number, got -1"},
		{"Tol NaN", NMF{K: 2, Tol: nan}, "Tol must be a finite non-negative number, got NaN"},
		{"Tol Inf", NMF{K: 2, Tol: inf}, "Tol must be"},
		{"MaxIter negative", NMF{K: 2, MaxIter: -5}, "MaxIter must not be negative, got -5"},
	} {
		_, err := tc.f.Fit(context.Background(), X)
		if err == nil || !strings.Contains(err.Error(), tc.want) || errors.Is(err, ErrShape) {
			t.Errorf("%s: Fit error %v, want one saying %q (not ErrShape)", tc.name, err, tc.want)
		}
		if _, err := tc.f.Transform(context.Background(), W, X); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Transform error %v, want one saying %q", tc.name, err, tc.want)
		}
		if _, err := tc.f.WithDefaults(); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: WithDefaults error %v, want one saying %q", tc.name, err, tc.want)
		}
	}
	// Zero still means the default.
	s, err := NMF{K: 2}.WithDefaults()
	if err != nil || s.MaxIter != DefaultMaxIter || s.Tol != DefaultTolFrobenius {
		t.Errorf("zero settings resolve to MaxIter %d, Tol %v, error %v", s.MaxIter, s.Tol, err)
	}
}
