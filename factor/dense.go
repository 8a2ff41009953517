package factor

import (
	"github.com/topicmill/topicmill/sparse"
	"gonum.org/v1/gonum/mat"
)

// penalty returns L1·ΣF + ½L2·‖F‖²_F (serial: it is cheap next to an iteration).
func penalty(F *mat.Dense, l1, l2 float64) float64 {
	if l1 == 0 && l2 == 0 {
		return 0
	}
	raw := F.RawMatrix()
	r, k := F.Dims()
	s1, s2 := 0.0, 0.0
	for i := 0; i < r; i++ {
		for _, v := range raw.Data[i*raw.Stride : i*raw.Stride+k] {
			s1 += v
			s2 += v * v
		}
	}
	return l1*s1 + 0.5*l2*s2
}

// sqNorm returns Σ x² over the stored entries of X.
func sqNorm(X *sparse.CSR) float64 {
	s := 0.0
	for _, v := range X.Val {
		s += v * v
	}
	return s
}

// FromDense converts any matrix to CSR, dropping zeros, for callers holding dense data.
func FromDense(m mat.Matrix) *sparse.CSR {
	r, c := m.Dims()
	b := sparse.NewBuilder(c)
	cols := make([]int32, 0, c)
	vals := make([]float64, 0, c)
	for i := 0; i < r; i++ {
		cols, vals = cols[:0], vals[:0]
		for j := 0; j < c; j++ {
			if v := m.At(i, j); v != 0 {
				cols = append(cols, int32(j))
				vals = append(vals, v)
			}
		}
		b.AppendRow(cols, vals)
	}
	return b.Build()
}

// transposeDense returns Fᵀ as a new dense matrix (used to hand H back as k × n).
func transposeDense(F *mat.Dense) *mat.Dense {
	r, c := F.Dims()
	out := mat.NewDense(c, r, nil)
	out.Copy(F.T())
	return out
}
