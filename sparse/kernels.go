package sparse

import (
	"fmt"

	"gonum.org/v1/gonum/mat"
)

// MulDense sets dst = a · b, where b is a.Cols × k and dst is a.Rows × k.
// It never forms a dense copy of a; workers ≤ 0 means GOMAXPROCS, and the
// result does not depend on the number of workers.
func MulDense(dst *mat.Dense, a *CSR, b *mat.Dense, workers int) {
	br, k := b.Dims()
	dr, dc := dst.Dims()
	if br != a.Cols || dr != a.Rows || dc != k {
		panic(fmt.Sprintf("sparse: MulDense shapes %d×%d · %d×%d into %d×%d", a.Rows, a.Cols, br, k, dr, dc))
	}
	braw, draw := b.RawMatrix(), dst.RawMatrix()
	for i := 0; i < a.Rows; i++ {
		out := draw.Data[i*draw.Stride : i*draw.Stride+k]
		for j := range out {
			out[j] = 0
		}
		for p := a.RowPtr[i]; p < a.RowPtr[i+1]; p++ {
			v := a.Val[p]
			row := braw.Data[int(a.ColInd[p])*braw.Stride : int(a.ColInd[p])*braw.Stride+k]
			for j, x := range row {
				out[j] += v * x
			}
		}
	}
}

// ProductAtNonzeros sets dst[p] = (W·Hᵀᵀ)_{i,j} = Σ_t W[i,t]·Ht[j,t] for every
// stored entry p = (i, j) of a, where W is a.Rows × k and Ht is a.Cols × k
// (H transposed, so that both factors are read row by row).
func ProductAtNonzeros(dst []float64, a *CSR, W, Ht *mat.Dense, workers int) {
	wr, k := W.Dims()
	hr, hk := Ht.Dims()
	if wr != a.Rows || hr != a.Cols || hk != k || len(dst) != a.NNZ() {
		panic(fmt.Sprintf("sparse: ProductAtNonzeros shapes %d×%d, W %d×%d, Ht %d×%d, dst %d", a.Rows, a.Cols, wr, k, hr, hk, len(dst)))
	}
	wraw, hraw := W.RawMatrix(), Ht.RawMatrix()
	for i := 0; i < a.Rows; i++ {
		wrow := wraw.Data[i*wraw.Stride : i*wraw.Stride+k]
		for p := a.RowPtr[i]; p < a.RowPtr[i+1]; p++ {
			hrow := hraw.Data[int(a.ColInd[p])*hraw.Stride : int(a.ColInd[p])*hraw.Stride+k]
			s := 0.0
			for t, w := range wrow {
				s += w * hrow[t]
			}
			dst[p] = s
		}
	}
}
