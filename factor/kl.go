package factor

import (
	"context"
	"fmt"
	"math"
	"time"

	"github.com/topicmill/topicmill/internal/kernel"
	"github.com/topicmill/topicmill/internal/parallel"
	"github.com/topicmill/topicmill/sparse"
	"gonum.org/v1/gonum/mat"
)

// klInitFloor raises entries of the starting factors below this fraction of
// sqrt(mean(X)/k), so that WH is positive at every non-zero of X and the
// divergence of the start is finite (NNDSVD leaves exact zeros).
const klInitFloor = 1e-4

// klState holds a KL fit: WH at the non-zeros in the order of X (v) and of
// Xᵀ (vt), with perm mapping Xᵀ's entries to X's.
type klState struct {
	X, Xt   *sparse.CSR
	s       settings
	W, Ht   *mat.Dense
	v, vt   []float64
	perm    []int32     // int32: the non-zeros of X fit int32 column indexes (half of []int at 88 M entries)
	xlogx   float64     // Σ x·log x − x over the non-zeros
	bufs    [][]float64 // scratch per goroutine
	sumW    []float64   // column sums of W
	sumH    []float64   // column sums of Ht
	partial []float64
}

// newKLState prepares a KL fit of X (with Xt = Xᵀ) from the starting W and
// Ht, which it keeps and changes. A start from Init is raised to a positive
// floor; any other only when WH is zero at some non-zero of X (where the
// divergence would be infinite).
func newKLState(X, Xt *sparse.CSR, W, Ht *mat.Dense, s settings, fromInit bool) *klState {
	k := s.K
	st := &klState{X: X, Xt: Xt, s: s, W: W, Ht: Ht,
		v: make([]float64, X.NNZ()), vt: make([]float64, X.NNZ()),
		sumW: make([]float64, k), sumH: make([]float64, k),
		partial: make([]float64, kernel.NumBlocks(X.Rows)),
	}
	st.perm = transposePerm(X)
	mean := kernel.Sum(X.Val) / (float64(X.Rows) * float64(X.Cols))
	floor := klInitFloor * math.Sqrt(mean/float64(k))
	if !fromInit {
		sparse.ProductAtNonzeros(st.v, X, W, Ht, s.workers)
	}
	if fromInit || !positiveAtNonzeros(X, st.v) {
		raiseTo(W, floor)
		raiseTo(Ht, floor)
		sparse.ProductAtNonzeros(st.v, X, W, Ht, s.workers)
	}
	for _, x := range X.Val {
		if x > 0 {
			st.xlogx += x*math.Log(x) - x
		}
	}
	maxRow := 0
	for _, A := range []*sparse.CSR{X, st.Xt} {
		for i := 0; i < A.Rows; i++ {
			maxRow = max(maxRow, A.RowPtr[i+1]-A.RowPtr[i])
		}
	}
	st.bufs = make([][]float64, s.workers)
	for i := range st.bufs {
		st.bufs[i] = make([]float64, kernel.KLBufLen(maxRow, k))
	}
	return st
}

// positiveAtNonzeros reports whether v > 0 wherever X is positive.
func positiveAtNonzeros(X *sparse.CSR, v []float64) bool {
	for p, x := range X.Val {
		if x > 0 && !(v[p] > 0) {
			return false
		}
	}
	return true
}

// fitKL runs cyclic coordinate descent from W and Ht.
func fitKL(ctx context.Context, X, Xt *sparse.CSR, W, Ht *mat.Dense, s settings, fromInit bool, start time.Time) (*Result, error) {
	st := newKLState(X, Xt, W, Ht, s, fromInit)
	res := &Result{}
	tr := tracer{s: s, start: start, res: res}
	obj := st.objective()
	tr.record(0, obj)
	for it := 1; it <= s.MaxIter; it++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		st.iterate()
		if tr.record(it, st.objective()) {
			break
		}
	}
	res.W = W
	res.H = transposeDense(Ht)
	res.Objective = res.Trace[len(res.Trace)-1].Objective
	return res, nil
}

// iterate updates W given H, then H given W, by one sweep each.
func (st *klState) iterate() {
	s := st.s
	colSums(st.sumH, st.Ht)
	st.sweep(st.X, st.W, st.Ht, st.v, st.sumH, s.L1W, s.L2W, s.pull)
	for q, p := range st.perm {
		st.vt[q] = st.v[p]
	}
	colSums(st.sumW, st.W)
	st.sweep(st.Xt, st.Ht, st.W, st.vt, st.sumW, s.L1H, s.L2H, nil)
	for q, p := range st.perm {
		st.v[p] = st.vt[q]
	}
}

// sweep updates every row of F (A.Rows × k) by one coordinate-descent sweep
// against the other factor O, with v = F·Oᵀ at the non-zeros of A, and F's
// rows pulled towards an anchor p's targets when p is not nil.
func (st *klState) sweep(A *sparse.CSR, F, O *mat.Dense, v, linear []float64, l1, l2 float64, p *pull) {
	f, o := F.RawMatrix(), O.RawMatrix()
	k := f.Cols
	parallel.Blocks(A.Rows, kernel.BlockRows, st.s.workers, func(w, _, lo, hi int) {
		for i := lo; i < hi; i++ {
			a, b := A.RowPtr[i], A.RowPtr[i+1]
			strength, target := p.row(i)
			kernel.KLRow(f.Data[i*f.Stride:i*f.Stride+k], A.ColInd[a:b], A.Val[a:b], v[a:b], o.Data, o.Stride, linear, l1, l2, strength, target, st.bufs[w])
		}
	})
}

// objective returns the KL divergence Σ x·log(x/v) − x + Σ(WH) plus penalties (and the anchor's),
// with Σ(WH) over all entries = (column sums of W)·(column sums of Ht).
func (st *klState) objective() float64 {
	X := st.X
	parallel.Blocks(X.Rows, kernel.BlockRows, st.s.workers, func(_, b, lo, hi int) {
		s := 0.0
		for p := X.RowPtr[lo]; p < X.RowPtr[hi]; p++ {
			if x := X.Val[p]; x > 0 {
				s += x * math.Log(st.v[p])
			}
		}
		st.partial[b] = s
	})
	colSums(st.sumW, st.W)
	colSums(st.sumH, st.Ht)
	total := 0.0
	for t, a := range st.sumW {
		total += a * st.sumH[t]
	}
	d := st.xlogx - kernel.Sum(st.partial) + total
	s := st.s
	d += penalty(st.W, s.L1W, s.L2W) + penalty(st.Ht, s.L1H, s.L2H)
	if s.pull != nil {
		d += s.pull.penalty(st.W)
	}
	return d
}

// transposePerm returns, for each stored entry of X.T() in order, the index of
// the same entry in X. It panics past 2³¹ − 1 entries (26 GB of X), which the
// int32 indexes of sparse.CSR cannot address either.
func transposePerm(X *sparse.CSR) []int32 {
	if X.NNZ() > math.MaxInt32 {
		panic(fmt.Sprintf("factor: %d non-zeros do not fit int32 indexes", X.NNZ()))
	}
	next := make([]int, X.Cols+1)
	for _, c := range X.ColInd {
		next[c+1]++
	}
	for j := 0; j < X.Cols; j++ {
		next[j+1] += next[j]
	}
	perm := make([]int32, X.NNZ())
	for p, c := range X.ColInd {
		perm[next[c]] = int32(p)
		next[c]++
	}
	return perm
}

// colSums sets dst[t] = Σ_i F[i, t], summing rows in order.
func colSums(dst []float64, F *mat.Dense) {
	raw := F.RawMatrix()
	clear(dst)
	for i := 0; i < raw.Rows; i++ {
		for t, v := range raw.Data[i*raw.Stride : i*raw.Stride+raw.Cols] {
			dst[t] += v
		}
	}
}

// raiseTo sets every entry of F below floor to floor.
func raiseTo(F *mat.Dense, floor float64) {
	raw := F.RawMatrix()
	for i := 0; i < raw.Rows; i++ {
		row := raw.Data[i*raw.Stride : i*raw.Stride+raw.Cols]
		for t, v := range row {
			row[t] = math.Max(v, floor)
		}
	}
}
