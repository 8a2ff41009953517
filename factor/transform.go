package factor

import (
	"context"
	"fmt"
	"math"

	"github.com/topicmill/topicmill/internal/kernel"
	"github.com/topicmill/topicmill/internal/parallel"
	"github.com/topicmill/topicmill/sparse"
	"gonum.org/v1/gonum/mat"
)

// Transform solves H (k × n') for the columns of Xnew (m × n', the rows of W)
// with W fixed, by the fit's solver run on each column until its change is
// negligible (relative squared change below Tol²) or MaxIter sweeps.
func (f NMF) Transform(ctx context.Context, W *mat.Dense, Xnew *sparse.CSR) (*mat.Dense, error) {
	s, err := f.resolve()
	if err != nil {
		return nil, err
	}
	m, k := W.Dims()
	if Xnew.Rows != m {
		return nil, fmt.Errorf("factor: transform: X has %d rows, W has %d", Xnew.Rows, m)
	}
	if err := Xnew.Validate(true); err != nil {
		return nil, fmt.Errorf("factor: transform input: %w", err)
	}
	Xt := Xnew.T()
	n := Xt.Rows
	Ht := mat.NewDense(n, k, nil)
	wsum := make([]float64, k)
	colSums(wsum, W)
	total := kernel.Sum(wsum)
	// Start every column at the constant that matches its total mass.
	for j := 0; j < n; j++ {
		a, b := Xt.RowPtr[j], Xt.RowPtr[j+1]
		c := kernel.Sum(Xt.Val[a:b]) / math.Max(total, math.SmallestNonzeroFloat64)
		for t := 0; t < k; t++ {
			Ht.Set(j, t, c)
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	tol2 := s.Tol * s.Tol
	if s.Loss == KullbackLeibler {
		transformKL(Ht, W, Xt, wsum, s, tol2)
	} else {
		C := mat.NewDense(n, k, nil)
		sparse.MulDense(C, Xt, W, s.workers)
		G := mat.NewDense(k, k, nil)
		var sc kernel.Scratch
		kernel.Gram(G, W, s.workers, &sc)
		kernel.ForRows(Ht, C, G, s.workers, &sc, func(f, c, q, qf []float64) {
			for it := 0; it < s.MaxIter; it++ {
				if kernel.HALSRow(f, c, q, qf, 1, s.L1H, s.L2H) <= tol2*sqSum(f) {
					break
				}
			}
		})
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return transposeDense(Ht), nil
}

// transformKL runs coordinate-descent sweeps on each row of Ht (one column of
// H) independently until its relative squared change is below tol2.
func transformKL(Ht, W *mat.Dense, Xt *sparse.CSR, wsum []float64, s settings, tol2 float64) {
	h, w := Ht.RawMatrix(), W.RawMatrix()
	k := h.Cols
	v := make([]float64, Xt.NNZ())
	sparse.ProductAtNonzeros(v, Xt, Ht, W, s.workers)
	maxRow := 0
	for j := 0; j < Xt.Rows; j++ {
		maxRow = max(maxRow, Xt.RowPtr[j+1]-Xt.RowPtr[j])
	}
	bufs := make([][]float64, s.workers)
	for i := range bufs {
		bufs[i] = make([]float64, kernel.KLBufLen(maxRow, k))
	}
	parallel.Blocks(Xt.Rows, kernel.BlockRows, s.workers, func(wk, _, lo, hi int) {
		for j := lo; j < hi; j++ {
			a, b := Xt.RowPtr[j], Xt.RowPtr[j+1]
			row := h.Data[j*h.Stride : j*h.Stride+k]
			for it := 0; it < s.MaxIter; it++ {
				change := kernel.KLRow(row, Xt.ColInd[a:b], Xt.Val[a:b], v[a:b], w.Data, w.Stride, wsum, s.L1H, s.L2H, bufs[wk])
				if change <= tol2*sqSum(row) {
					break
				}
			}
		}
	})
}

func sqSum(f []float64) float64 {
	s := 0.0
	for _, x := range f {
		s += x * x
	}
	return s
}
