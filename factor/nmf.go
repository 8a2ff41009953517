// Package factor computes non-negative matrix factorizations X ≈ W·H of
// sparse non-negative matrices: the Frobenius loss by accelerated HALS
// (Gillis & Glineur 2012) with extrapolation (Ang & Gillis 2019), the
// generalized Kullback-Leibler divergence by cyclic coordinate descent with
// one safeguarded Newton step per entry (Hsieh & Dhillon 2011), started from
// NNDSVD variants computed with a randomized SVD, or from random factors.
//
// X is m × n, W is m × k and H is k × n. Memory is O(nnz + (m+n)·k): no dense
// m × n matrix is ever formed.
//
// An NMF value holds the settings; Fit factors a matrix (FitT when its
// transpose is at hand). A fit can start from given factors (W0, H0) and
// hold one of them fixed (Fixed); Transform, which solves H for new columns
// with W fixed, is that case. Shapes are checked where they enter: an error
// wrapping ErrShape names the dimensions. The kernels behind the solvers
// live in internal/kernel, shared with the other solvers of the module.
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

// Factor names one of the two factors of X ≈ W·H.
type Factor int

// The factors a fit can hold fixed.
const (
	// NoFactor fits both W and H, the default.
	NoFactor Factor = iota
	// FactorW holds W at W0 and fits H alone.
	FactorW
	// FactorH holds H at H0 and fits W alone.
	FactorH
)

// String returns "none", "W" or "H".
func (f Factor) String() string {
	switch f {
	case NoFactor:
		return "none"
	case FactorW:
		return "W"
	case FactorH:
		return "H"
	}
	return fmt.Sprintf("Factor(%d)", int(f))
}

// NMF holds the settings of a factorization; the zero value (plus K) is the documented default.
type NMF struct {
	K       int     // number of topics (components), 1 ≤ K ≤ min(m, n) when Init chooses the start; 0 takes k from W0 or H0
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
	// WarmUp is, for a KL fit from Init, the number of Frobenius HALS
	// iterations run from the initialisation first (≤ 0: none); their
	// iterations are not in the trace. Topic runs use 15: see
	// pipeline.DefaultWarmUp.
	WarmUp int

	// W0 (m × k) and H0 (k × n), when set, are the starting factors in place
	// of Init. With both set the fit starts from them; with one set, the
	// other starts as the best factor for it (solved as with the given one
	// fixed). They are copied, never changed. The KL solver raises a start
	// that makes WH zero at a non-zero of X to a small floor, as it does
	// Init's; any other start is used exactly.
	W0, H0 *mat.Dense
	// Fixed holds one factor at its start (W0 for FactorW, H0 for FactorH,
	// which must be set) and fits the other alone. Its columns (for W) or
	// rows (for H) are then independent problems, each solved by the loss's
	// own coordinate updates until its relative squared change falls below
	// Tol² or MaxIter sweeps: Transform is a fit with W fixed.
	Fixed Factor
	// Anchor, when its Strength is positive, pulls chosen columns of W
	// towards targets (guided topics); the zero value anchors nothing.
	Anchor Anchor
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
	Iterations int        // outer iterations done; with a fixed factor, the most sweeps any column (row) took
	Converged  bool       // whether the tolerance was met before MaxIter (with a fixed factor: by every column or row)
	Trace      []Iteration
}

// ErrShape reports matrices whose shapes do not fit together, or a K that
// does not fit the matrix; the error wrapping it gives the dimensions.
var ErrShape = errors.New("factor: shape mismatch")

// settings is NMF with its defaults resolved.
type settings struct {
	NMF
	workers int
	pull    *pull // the resolved Anchor, nil when it is not active
}

// WithDefaults returns the settings with every zero field replaced by its
// default (loss, init, iterations, tolerance), or an error for an unknown
// loss, init or fixed factor, or a negative, NaN or infinite penalty, a
// negative or NaN Tol or a negative MaxIter: what a fit would run with.
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
	switch s.Fixed {
	case NoFactor, FactorW, FactorH:
	default:
		return s, fmt.Errorf("factor: unknown fixed factor %v", f.Fixed)
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
	}{{"L1W", s.L1W}, {"L2W", s.L2W}, {"L1H", s.L1H}, {"L2H", s.L2H}, {"Anchor.Strength", s.Anchor.Strength}} {
		if !(p.value >= 0) || math.IsInf(p.value, 1) {
			return s, fmt.Errorf("factor: penalty %s must be a finite non-negative number, got %v", p.name, p.value)
		}
	}
	return s, nil
}

// Fit factors the m × n non-negative matrix X as W·H with k topics. It
// builds X's transpose, which the start and both solvers read; FitT takes
// one already built.
func (f NMF) Fit(ctx context.Context, X *sparse.CSR) (*Result, error) {
	return f.FitT(ctx, X, nil)
}

// FitT is Fit given Xt = X.T() (nil: built here), for callers that factor
// one matrix several times (a sweep over k, several seeds) or hold its
// transpose already. Xt must hold X's entries transposed; its shape is
// checked.
func (f NMF) FitT(ctx context.Context, X, Xt *sparse.CSR) (*Result, error) {
	start := time.Now()
	s, err := f.resolve()
	if err != nil {
		return nil, err
	}
	if err := X.Validate(true); err != nil {
		return nil, fmt.Errorf("factor: input: %w", err)
	}
	if Xt == nil {
		Xt = X.T()
	} else {
		if Xt.Rows != X.Cols || Xt.Cols != X.Rows || Xt.NNZ() != X.NNZ() {
			return nil, fmt.Errorf("%w: Xt is %d × %d with %d entries, X is %d × %d with %d", ErrShape, Xt.Rows, Xt.Cols, Xt.NNZ(), X.Rows, X.Cols, X.NNZ())
		}
		if err := Xt.Validate(true); err != nil {
			return nil, fmt.Errorf("factor: input transpose: %w", err)
		}
	}
	if err := s.checkStart(X.Rows, X.Cols); err != nil {
		return nil, err
	}
	return s.fit(ctx, X, Xt, start)
}

// checkStart resolves K from the starting factors and checks their shapes
// and entries and the fixed factor against an m × n matrix.
func (s *settings) checkStart(m, n int) error {
	if s.K == 0 {
		if s.W0 != nil {
			_, s.K = s.W0.Dims()
		} else if s.H0 != nil {
			s.K, _ = s.H0.Dims()
		}
	}
	if s.W0 == nil && s.H0 == nil {
		if s.K < 1 || s.K > min(m, n) {
			return fmt.Errorf("%w: k out of range: k = %d, matrix is %d × %d", ErrShape, s.K, m, n)
		}
	} else if s.K < 1 {
		return fmt.Errorf("%w: k out of range: k = %d", ErrShape, s.K)
	}
	for _, F := range []struct {
		name string
		M    *mat.Dense
		r, c int
		dims string
	}{{"W0", s.W0, m, s.K, "m × k"}, {"H0", s.H0, s.K, n, "k × n"}} {
		if F.M == nil {
			continue
		}
		if r, c := F.M.Dims(); r != F.r || c != F.c {
			return fmt.Errorf("%w: %s is %d × %d, want %d × %d (%s)", ErrShape, F.name, r, c, F.r, F.c, F.dims)
		}
		if err := checkEntries(F.name, F.M); err != nil {
			return err
		}
	}
	if err := s.Anchor.check(m, s.K, s.Fixed); err != nil {
		return err
	}
	s.pull = s.Anchor.resolve(s.K)
	switch {
	case s.Fixed == FactorW && s.W0 == nil:
		return errors.New("factor: Fixed is W but W0 is not set")
	case s.Fixed == FactorH && s.H0 == nil:
		return errors.New("factor: Fixed is H but H0 is not set")
	}
	return nil
}

// checkEntries reports the first entry of F that is negative, NaN or infinite.
func checkEntries(name string, F *mat.Dense) error {
	raw := F.RawMatrix()
	for i := 0; i < raw.Rows; i++ {
		for j, v := range raw.Data[i*raw.Stride : i*raw.Stride+raw.Cols] {
			if !(v >= 0) || math.IsInf(v, 1) {
				return fmt.Errorf("factor: %s[%d, %d] is %v, want a finite non-negative number", name, i, j, v)
			}
		}
	}
	return nil
}

// fit runs a checked fit: it makes the start (W0 and H0, or Init, or the
// one solved from the other) and hands it to the solver.
func (s settings) fit(ctx context.Context, X, Xt *sparse.CSR, start time.Time) (*Result, error) {
	var W, Ht *mat.Dense
	fromInit := s.W0 == nil && s.H0 == nil
	if fromInit {
		var err error
		if W, Ht, err = initialize(ctx, X, Xt, s); err != nil {
			return nil, err
		}
		if s.pull != nil { // anchored columns start at their targets, H is solved for them
			s.pull.start(W)
			Ht = nil
		}
	}
	if s.W0 != nil {
		W = mat.DenseCopyOf(s.W0)
	}
	if s.H0 != nil {
		Ht = transposeDense(s.H0)
	}
	if fromInit && s.Loss == KullbackLeibler && s.pull == nil && s.Fixed == NoFactor && s.WarmUp > 0 {
		var err error
		if W, Ht, err = s.warmUp(ctx, X, Xt, W, Ht); err != nil {
			return nil, err
		}
	}
	switch {
	case s.Fixed == FactorW:
		return s.fitFixed(ctx, s.problemH(Xt, W, Ht), start)
	case s.Fixed == FactorH:
		return s.fitFixed(ctx, s.problemW(X, W, Ht), start)
	case W == nil: // H0 alone: W starts as the best W for it
		p := s.problemW(X, nil, Ht)
		if _, _, err := p.solve(ctx); err != nil {
			return nil, err
		}
		W = p.F
	case Ht == nil: // W0 alone: H starts as the best H for it
		p := s.problemH(Xt, W, nil)
		if _, _, err := p.solve(ctx); err != nil {
			return nil, err
		}
		Ht = p.F
	}
	if s.Loss == KullbackLeibler {
		return fitKL(ctx, X, Xt, W, Ht, s, fromInit, start)
	}
	return fitFrobenius(ctx, X, Xt, W, Ht, s, start)
}

// warmUp runs s.WarmUp Frobenius iterations from (W, Ht) and returns the
// best pair they reached, the start of a KL fit (see DefaultWarmUp).
func (s settings) warmUp(ctx context.Context, X, Xt *sparse.CSR, W, Ht *mat.Dense) (*mat.Dense, *mat.Dense, error) {
	f := s
	f.Loss, f.MaxIter, f.Tol, f.Progress = Frobenius, s.WarmUp, DefaultTolFrobenius, nil
	res, err := fitFrobenius(ctx, X, Xt, W, Ht, f, time.Now())
	if err != nil {
		return nil, nil, err
	}
	return res.W, transposeDense(res.H), nil
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
