// Package factor computes non-negative matrix factorizations X ≈ W·H of
// sparse non-negative matrices: the Frobenius loss by accelerated HALS
// (Gillis & Glineur 2012) with extrapolation (Ang & Gillis 2019), the
// generalized Kullback-Leibler divergence by cyclic coordinate descent with
// one safeguarded Newton step per entry (Hsieh & Dhillon 2011), started from
// NNDSVD variants computed with a randomized SVD, or from random factors.
//
// X is m × n, W is m × k and H is k × n. Memory is O(nnz + (m+n)·k): no dense
// m × n matrix is ever formed.
package factor

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/topicmill/topicmill/internal/parallel"
	"github.com/topicmill/topicmill/sparse"
	"gonum.org/v1/gonum/mat"
)

// Loss names the quantity a factorization minimises.
type Loss string

// The supported losses.
const (
	// Frobenius is ½‖X − WH‖²_F, the default (also selected by "").
	Frobenius Loss = "frobenius"
	// KullbackLeibler is the generalized divergence Σ x·log(x/(WH)) − x + (WH).
	KullbackLeibler Loss = "kullback-leibler"
)

// Init names how the factors are initialised.
type Init string

// The supported initialisations, as scikit-learn defines them.
const (
	// NNDSVDA is NNDSVD with its zeros replaced by the mean of X, the default (also selected by "").
	NNDSVDA Init = "nndsvda"
	// NNDSVD is non-negative double SVD (Boutsidis & Gallopoulos 2008); it keeps exact zeros.
	NNDSVD Init = "nndsvd"
	// NNDSVDAR is NNDSVD with its zeros replaced by small random values (mean/100 scaled).
	NNDSVDAR Init = "nndsvdar"
	// Random draws sqrt(mean(X)/k)·|N(0,1)| entries from the seed.
	Random Init = "random"
)

// Defaults used when the corresponding NMF field is zero.
const (
	// DefaultMaxIter bounds the number of outer iterations.
	DefaultMaxIter = 200
	// DefaultTolFrobenius stops a Frobenius fit when two successive
	// iterations each lower the objective by less than this fraction of its
	// value. scikit-learn's
	// 'cd' solver stops when its projected-gradient violation falls to 1e-4
	// of the first one; since the remaining gap shrinks like the square of
	// the gradient, that leaves about 1e-8 of the initial gap, and on text
	// (where the fit explains a small part of ‖X‖²) its last iterations lower
	// the objective by a few parts in 10⁹. 1e-8 therefore ends no worse than
	// scikit-learn; accelerated HALS gets there in few, cheap iterations.
	// It cannot be looser, nor be replaced by scikit-learn's own
	// projected-gradient rule: where 'cd' converges fast (the generated
	// 30k×20k matrix, 21 iterations) it ends within 7e-9 of the optimum,
	// which HALS reaches only when its gains are ~1e-8; where 'cd' is slow
	// (20news, 134 iterations) it stops 2e-5 above, which HALS passes while
	// gaining 3e-5 per iteration and with a violation still 3e-2 of its
	// first (1.3e-4 where it passes 'cd' on the generated matrix), so no one
	// threshold on either measure stops early on 20news and below 'cd' on both.
	DefaultTolFrobenius = 1e-8
	// DefaultTolKL stops a KL fit when two successive iterations each lower
	// the divergence by less than this fraction of its value. scikit-learn's
	// 'mu' solver stops when ten iterations lower sqrt(2·D) by less than 1e-4
	// of its first value, which on text leaves it far above the optimum;
	// coordinate descent passes 'mu''s final divergence while each iteration
	// still gains 3–6 parts in 10⁴ (20news: iteration 15 of a trace whose
	// per-iteration gain falls below 3e-4 at iteration 19; the generated
	// 30k×20k text-like matrix: iteration 13 of 15). So 3e-4 ends below 'mu'
	// with a margin of a few iterations; a smaller value buys a divergence
	// lower still, at about one iteration per 1e-5.
	DefaultTolKL = 3e-4
)

// NMF holds the settings of a factorization; the zero value (plus K) is the documented default.
type NMF struct {
	K       int     // number of topics (components), 1 ≤ K ≤ min(m, n)
	Loss    Loss    // "" means Frobenius
	Init    Init    // "" means NNDSVDA
	Seed    uint64  // seeds the randomized SVD and the random initialisations
	MaxIter int     // 0 means DefaultMaxIter; negative is an error
	Tol     float64 // stop when (f_{t−1} − f_t)/f_{t−1} < Tol twice in a row; 0 means DefaultTolFrobenius or DefaultTolKL; negative or NaN is an error
	// Penalties: the objective is the loss + L1W·ΣW + ½L2W·‖W‖²_F + L1H·ΣH + ½L2H·‖H‖²_F;
	// each must be finite and non-negative.
	L1W, L2W, L1H, L2H float64
	Workers            int             // ≤ 0 means GOMAXPROCS; results do not depend on it
	Progress           func(Iteration) // optional, called after each iteration
}

// Iteration is one point of a fit's trace.
type Iteration struct {
	N         int           // iteration number, 0 for the initialisation
	Objective float64       // penalized objective after the iteration
	Elapsed   time.Duration // since Fit was called
}

// Result is a fitted factorization.
type Result struct {
	W          *mat.Dense // m × k
	H          *mat.Dense // k × n
	Objective  float64    // final loss (½‖X−WH‖²_F or the KL divergence) plus the penalty terms, if any
	Iterations int        // outer iterations done
	Converged  bool       // whether the tolerance was met before MaxIter
	Trace      []Iteration
}

// ErrShape reports a K that does not fit the matrix.
var ErrShape = errors.New("factor: k out of range")

// settings is NMF with its defaults resolved.
type settings struct {
	NMF
	workers int
}

// WithDefaults returns the settings with every zero field replaced by its
// default (loss, init, iterations, tolerance), or an error for an unknown
// loss or init, a negative, NaN or infinite penalty, a negative or NaN Tol
// or a negative MaxIter: what a fit would run with.
func (f NMF) WithDefaults() (NMF, error) {
	s, err := f.resolve()
	return s.NMF, err
}

func (f NMF) resolve() (settings, error) {
	s := settings{NMF: f, workers: parallel.Workers(f.Workers)}
	switch s.Loss {
	case "":
		s.Loss = Frobenius
	case Frobenius, KullbackLeibler:
	default:
		return s, fmt.Errorf("factor: unknown loss %q", f.Loss)
	}
	switch s.Init {
	case "":
		s.Init = NNDSVDA
	case NNDSVDA, NNDSVD, NNDSVDAR, Random:
	default:
		return s, fmt.Errorf("factor: unknown init %q", f.Init)
	}
	if s.MaxIter < 0 {
		return s, fmt.Errorf("factor: MaxIter must not be negative, got %d", f.MaxIter)
	}
	if s.MaxIter == 0 {
		s.MaxIter = DefaultMaxIter
	}
	if !(s.Tol >= 0) || math.IsInf(s.Tol, 1) {
		return s, fmt.Errorf("factor: Tol must be a finite non-negative number, got %v", f.Tol)
	}
	if s.Tol == 0 {
		s.Tol = DefaultTolFrobenius
		if s.Loss == KullbackLeibler {
			s.Tol = DefaultTolKL
		}
	}
	for _, p := range []struct {
		name  string
		value float64
	}{{"L1W", s.L1W}, {"L2W", s.L2W}, {"L1H", s.L1H}, {"L2H", s.L2H}} {
		if !(p.value >= 0) || math.IsInf(p.value, 1) {
			return s, fmt.Errorf("factor: penalty %s must be a finite non-negative number, got %v", p.name, p.value)
		}
	}
	return s, nil
}

// Fit factors the m × n non-negative matrix X as W·H with k topics.
func (f NMF) Fit(ctx context.Context, X *sparse.CSR) (*Result, error) {
	start := time.Now()
	s, err := f.resolve()
	if err != nil {
		return nil, err
	}
	if err := X.Validate(true); err != nil {
		return nil, fmt.Errorf("factor: input: %w", err)
	}
	if s.K < 1 || s.K > min(X.Rows, X.Cols) {
		return nil, fmt.Errorf("%w: k = %d, matrix is %d × %d", ErrShape, s.K, X.Rows, X.Cols)
	}
	W, Ht, err := initialize(ctx, X, s)
	if err != nil {
		return nil, err
	}
	fit := fitFrobenius
	if s.Loss == KullbackLeibler {
		fit = fitKL
	}
	return fit(ctx, X, W, Ht, s, start)
}

// tracer records the trace and applies the stopping rule.
type tracer struct {
	s     settings
	start time.Time
	res   *Result
	small int // successive iterations that met the tolerance
}

// add appends iteration n with objective obj to the trace and reports it.
func (t *tracer) add(n int, obj float64) {
	it := Iteration{N: n, Objective: obj, Elapsed: time.Since(t.start)}
	t.res.Trace = append(t.res.Trace, it)
	t.res.Iterations = n
	if t.s.Progress != nil {
		t.s.Progress(it)
	}
}

// record adds iteration n and reports whether the stopping rule is met: two
// successive iterations each lowered the objective by less than Tol of its
// value (two, so that one short step, as after an extrapolation restart,
// does not end a fit that is still moving).
func (t *tracer) record(n int, obj float64) bool {
	t.add(n, obj)
	if n == 0 {
		return false
	}
	prev := t.res.Trace[len(t.res.Trace)-2].Objective
	t.small++
	if prev-obj > t.s.Tol*prev {
		t.small = 0
	}
	t.res.Converged = t.small >= 2
	return t.res.Converged
}
