package recommend

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/topicmill/topicmill/internal/kernel"
	"github.com/topicmill/topicmill/internal/parallel"
	"github.com/topicmill/topicmill/sparse"
)

// ErrInvalid marks fit settings that cannot be used.
var ErrInvalid = errors.New("invalid recommender settings")

// The defaults of Options.
const (
	DefaultK          = 10
	DefaultIterations = 15
	DefaultL2         = 0.06
	DefaultL2Bias     = 5
)

// rowSweeps bounds the HALS sweeps of one row's solve; kernel.HALSRow stops
// sooner once a sweep moves the row little.
const rowSweeps = 20

// Options are the settings of a fit; a zero field takes its default.
type Options struct {
	K          int     // factors per user and per item
	Iterations int     // alternations: every user's row, then every item's
	L2         float64 // penalty ½·L2·n·‖p‖² on a row with n ratings, users and items alike
	L2Bias     float64 // penalty ½·L2Bias·b² on every bias
	NoBias     bool    // predict p·q alone (the lecture's X ≈ WH), without the mean and biases
	Scale      Scale   // predictions are clipped to it; zero: the range of the ratings fitted
	Seed       uint64  // seeds the starting item factors
	Workers    int     // goroutines (0: one per core); the fit is the same for any number
}

// WithDefaults returns the options with zero fields set to their defaults,
// or an error wrapping ErrInvalid.
func (o Options) WithDefaults() (Options, error) {
	if o.K == 0 {
		o.K = DefaultK
	}
	if o.Iterations == 0 {
		o.Iterations = DefaultIterations
	}
	if o.L2 == 0 {
		o.L2 = DefaultL2
	}
	if o.L2Bias == 0 {
		o.L2Bias = DefaultL2Bias
	}
	switch {
	case o.K < 1:
		return o, fmt.Errorf("k = %d, want at least 1: %w", o.K, ErrInvalid)
	case o.Iterations < 1:
		return o, fmt.Errorf("iterations = %d, want at least 1: %w", o.Iterations, ErrInvalid)
	case !(o.L2 > 0) || math.IsInf(o.L2, 0):
		return o, fmt.Errorf("L2 = %v, want a positive number: %w", o.L2, ErrInvalid)
	case !(o.L2Bias > 0) || math.IsInf(o.L2Bias, 0):
		return o, fmt.Errorf("L2Bias = %v, want a positive number: %w", o.L2Bias, ErrInvalid)
	case o.Workers < 0:
		return o, fmt.Errorf("workers = %d, want 0 or more: %w", o.Workers, ErrInvalid)
	case !o.Scale.IsZero() && !(o.Scale.Min < o.Scale.Max):
		return o, fmt.Errorf("scale %v: want MIN < MAX: %w", o.Scale, ErrInvalid)
	}
	return o, nil
}

// Fit fits the masked model r̂ = μ + b_u + b_i + p_u·q_i (or p_u·q_i alone
// with NoBias) to the observed ratings only, with p, q ≥ 0, minimizing
//
//	½ Σ_observed (r − r̂)² + ½·L2 Σ_u n_u‖p_u‖² + ½·L2 Σ_i n_i‖q_i‖² + ½·L2Bias (Σ b_u² + Σ b_i²)
//
// by alternating exact row solves: each user's (b_u, p_u) with the items
// fixed, then each item's with the users fixed. μ is the mean rating.
func Fit(ctx context.Context, r *Ratings, opts Options) (*Model, error) {
	opts, err := opts.WithDefaults()
	if err != nil {
		return nil, err
	}
	if r.Len() == 0 {
		return nil, fmt.Errorf("no ratings to fit: %w", ErrInvalid)
	}
	R := byUser(r)
	m := &Model{
		Format: modelFormat,
		K:      opts.K,
		Biased: !opts.NoBias,
		Scale:  opts.Scale,
		L2:     opts.L2, L2Bias: opts.L2Bias, Iterations: opts.Iterations, Seed: opts.Seed,
		Users: r.Users, Items: r.Items,
		P:        make([]float64, len(r.Users)*opts.K),
		Q:        make([]float64, len(r.Items)*opts.K),
		UserBias: make([]float64, len(r.Users)),
		ItemBias: make([]float64, len(r.Items)),
		Rated:    R,
	}
	m.Mean = floats.Sum(r.Value) / float64(r.Len())
	if m.Scale.IsZero() {
		m.Scale = Scale{floats.Min(r.Value), floats.Max(r.Value)}
	}
	// Item factors start uniform in [0, a): p·q starts near the mean
	// rating without biases, near zero with them (the biases carry it).
	a := 2 * math.Sqrt(m.Mean/float64(opts.K))
	if m.Biased {
		a = 0.1
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x7265636f6d6d656e))
	for i := range m.Q {
		m.Q[i] = a * rng.Float64()
	}
	s := newSolver(m, opts.Workers, max(maxRow(R), 1))
	Rt := R.T()
	for range opts.Iterations {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		s.rows(R, m.P, m.Q, m.UserBias, m.ItemBias)
		s.rows(Rt, m.Q, m.P, m.ItemBias, m.UserBias)
		if m.Biased {
			s.mean = m.offset(R, s.workers)
			m.Mean = s.mean
		}
	}
	m.TrainRMSE = m.rmse(R, s.workers)
	m.prepare()
	return m, nil
}

// byUser returns the ratings as a users × items CSR matrix (zeros kept:
// a rating of 0 is a rating).
func byUser(r *Ratings) *sparse.CSR {
	R := &sparse.CSR{Rows: len(r.Users), Cols: len(r.Items), RowPtr: make([]int, len(r.Users)+1),
		ColInd: make([]int32, r.Len()), Val: make([]float64, r.Len())}
	for _, u := range r.User {
		R.RowPtr[u+1]++
	}
	for u := range len(r.Users) {
		R.RowPtr[u+1] += R.RowPtr[u]
	}
	next := append([]int(nil), R.RowPtr[:len(r.Users)]...)
	for n, u := range r.User {
		R.ColInd[next[u]], R.Val[next[u]] = r.Item[n], r.Value[n]
		next[u]++
	}
	for u := range len(r.Users) {
		cols, vals := R.Row(u)
		sortRow(cols, vals)
	}
	return R
}

// sortRow sorts one row's entries by column (insertion sort: rows arrive
// nearly sorted and are short).
func sortRow(cols []int32, vals []float64) {
	for i := 1; i < len(cols); i++ {
		for j := i; j > 0 && cols[j] < cols[j-1]; j-- {
			cols[j], cols[j-1] = cols[j-1], cols[j]
			vals[j], vals[j-1] = vals[j-1], vals[j]
		}
	}
}

// maxRow returns the most entries in a row or a column of R.
func maxRow(R *sparse.CSR) int {
	most := 0
	for u := range R.Rows {
		most = max(most, R.RowPtr[u+1]-R.RowPtr[u])
	}
	perCol := make([]int, R.Cols)
	for _, c := range R.ColInd {
		perCol[c]++
		most = max(most, perCol[c])
	}
	return most
}

// solver holds the settings of a fit and one workspace per worker.
type solver struct {
	k          int
	mean       float64
	biased     bool
	l2, l2Bias float64
	workers    int
	ws         []workspace
}

// workspace is one worker's memory for a row solve.
type workspace struct {
	a, y        []float64 // the other side's factor rows at the row's entries, and the targets
	gram        mat.Dense
	q, c, s, qf []float64
	sc          kernel.Scratch
}

func newSolver(m *Model, workers, most int) *solver {
	k := m.K
	s := &solver{k: k, mean: m.Mean, biased: m.Biased, l2: m.L2, l2Bias: m.L2Bias, workers: parallel.Workers(workers)}
	s.ws = make([]workspace, s.workers)
	for w := range s.ws {
		s.ws[w] = workspace{
			a: make([]float64, most*k), y: make([]float64, most),
			q: make([]float64, k*k), c: make([]float64, k), s: make([]float64, k), qf: make([]float64, k),
		}
		s.ws[w].gram.SetRawMatrix(blas64.General{Rows: k, Cols: k, Stride: k, Data: make([]float64, k*k)})
	}
	return s
}

// rows solves every row of F (and its bias in bf) against its entries in R
// and the other side's factors G and biases bg, parallel over fixed blocks
// of rows; each row's solve depends on nothing else, so the result does not
// depend on the number of workers.
func (s *solver) rows(R *sparse.CSR, F, G, bf, bg []float64) {
	parallel.Blocks(R.Rows, kernel.BlockRows, s.workers, func(w, _, lo, hi int) {
		ws := &s.ws[w]
		for u := lo; u < hi; u++ {
			cols, vals := R.Row(u)
			s.row(ws, cols, vals, F[u*s.k:(u+1)*s.k], &bf[u], G, bg)
		}
	})
}

// row solves min over b and f ≥ 0 of
// ½ Σ_j (y_j − b − g_j·f)² + ½·l2·n‖f‖² + ½·l2Bias·b², y_j = r_j − μ − bg_j,
// for one row with n entries. Eliminating b (its optimum is
// b = (Σy − s·f)/(n + l2Bias), s = Σ g_j) leaves a non-negative least
// squares problem in f with the Gram matrix GᵀG − s·sᵀ/(n + l2Bias) (still
// positive semi-definite) and the linear term Gᵀy − s·Σy/(n + l2Bias), which
// kernel.HALSRow solves by coordinate descent.
func (s *solver) row(ws *workspace, cols []int32, vals []float64, f []float64, b *float64, G, bg []float64) {
	k, n := s.k, len(cols)
	if n == 0 {
		for t := range f {
			f[t] = kernel.HALSFloor
		}
		*b = 0
		return
	}
	a, y := ws.a[:n*k], ws.y[:n]
	clear(ws.c)
	clear(ws.s)
	sumY := 0.0
	for j, c := range cols {
		g := G[int(c)*k : int(c)*k+k]
		copy(a[j*k:], g)
		y[j] = vals[j]
		if s.biased {
			y[j] -= s.mean + bg[c]
		}
		sumY += y[j]
		floats.AddScaled(ws.c, y[j], g)
		floats.Add(ws.s, g)
	}
	var A mat.Dense
	A.SetRawMatrix(blas64.General{Rows: n, Cols: k, Stride: k, Data: a})
	kernel.Gram(&ws.gram, &A, 1, &ws.sc)
	copy(ws.q, ws.gram.RawMatrix().Data)
	d := float64(n) + s.l2Bias
	if s.biased {
		for t := range k {
			floats.AddScaled(ws.q[t*k:t*k+k], -ws.s[t]/d, ws.s)
		}
		floats.AddScaled(ws.c, -sumY/d, ws.s)
	}
	for t := range f {
		f[t] = max(f[t], kernel.HALSFloor)
		ws.qf[t] = floats.Dot(ws.q[t*k:t*k+k], f)
	}
	kernel.HALSRow(f, ws.c, ws.q, ws.qf, rowSweeps, 0, s.l2*float64(n))
	if s.biased {
		*b = (sumY - floats.Dot(ws.s, f)) / d
	}
}
