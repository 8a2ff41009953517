package factor

import (
	"math"
	"testing"
)

// FuzzSettings feeds arbitrary numbers to the solver settings the command
// line's flags fill (--l1-w, --l2-w, --l1-h, --l2-h, --tol, --max-iter):
// WithDefaults must never panic, must refuse exactly the values that are
// not finite and non-negative, and what it accepts must be usable.
func FuzzSettings(f *testing.F) {
	f.Add(0.0, 0.0, 0.0, 0.0, 0.0, 0)
	f.Add(math.Inf(1), 0.0, 0.0, 0.0, 0.0, 0)
	f.Add(0.0, 0.0, 0.0, math.NaN(), 1e-4, 10)
	f.Add(0.1, 0.2, 0.3, 0.4, -1.0, -5)
	f.Fuzz(func(t *testing.T, l1w, l2w, l1h, l2h, tol float64, maxIter int) {
		nmf := NMF{K: 2, L1W: l1w, L2W: l2w, L1H: l1h, L2H: l2h, Tol: tol, MaxIter: maxIter}
		ok := func(x float64) bool { return x >= 0 && !math.IsInf(x, 1) }
		want := ok(l1w) && ok(l2w) && ok(l1h) && ok(l2h) && ok(tol) && maxIter >= 0
		got, err := nmf.WithDefaults()
		if (err == nil) != want {
			t.Fatalf("WithDefaults(%+v) error = %v, want accepted = %v", nmf, err, want)
		}
		if err == nil && (got.MaxIter <= 0 || !(got.Tol > 0)) {
			t.Fatalf("accepted settings resolve to MaxIter %d, Tol %v", got.MaxIter, got.Tol)
		}
	})
}
