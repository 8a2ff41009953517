package sparse

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// MulDense sets dst = a · b, where b is a.Cols × k and dst is a.Rows × k.
// It never forms a dense copy of a; workers ≤ 0 means GOMAXPROCS, and the
// result does not depend on the number of workers. Aᵀ·b is MulDense on a.T().
func MulDense(dst *mat.Dense, a *CSR, b *mat.Dense, workers int) {
	br, k := b.Dims()
	dr, dc := dst.Dims()
	if br != a.Cols || dr != a.Rows || dc != k {
		panic(fmt.Sprintf("sparse: MulDense shapes %d×%d · %d×%d into %d×%d", a.Rows, a.Cols, br, k, dr, dc))
	}
	braw, draw := b.RawMatrix(), dst.RawMatrix()
	w := workerCount(a, (len(a.Val)+a.Rows)*k, workers)
	if w == 1 {
		mulRows(draw, a, braw, k, 0, a.Rows)
		return
	}
	forRowBlocks(a, w, func(lo, hi int) { mulRows(draw, a, braw, k, lo, hi) })
}

// ProductAtNonzeros sets dst[p] = (W·Hᵀᵀ)_{i,j} = Σ_t W[i,t]·Ht[j,t] for every
// stored entry p = (i, j) of a, where W is a.Rows × k and Ht is a.Cols × k
// (H transposed, so that both factors are read row by row). workers ≤ 0
// means GOMAXPROCS, and the result does not depend on the number of workers.
func ProductAtNonzeros(dst []float64, a *CSR, W, Ht *mat.Dense, workers int) {
	wr, k := W.Dims()
	hr, hk := Ht.Dims()
	if wr != a.Rows || hr != a.Cols || hk != k || len(dst) != a.NNZ() {
		panic(fmt.Sprintf("sparse: ProductAtNonzeros shapes %d×%d, W %d×%d, Ht %d×%d, dst %d", a.Rows, a.Cols, wr, k, hr, hk, len(dst)))
	}
	wraw, hraw := W.RawMatrix(), Ht.RawMatrix()
	w := workerCount(a, (len(a.Val)+a.Rows)*k, workers)
	if w == 1 {
		dotRows(dst, a, wraw, hraw, k, 0, a.Rows)
		return
	}
	forRowBlocks(a, w, func(lo, hi int) { dotRows(dst, a, wraw, hraw, k, lo, hi) })
}
