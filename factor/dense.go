package factor

import (
	"github.com/topicmill/topicmill/internal/parallel"
	"github.com/topicmill/topicmill/sparse"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// scratch is reusable memory for the per-block partial sums of reductions,
// so that iterations allocate nothing.
type scratch struct{ buf []float64 }

// zeroed returns n zeroed floats, reusing the scratch memory.
func (s *scratch) zeroed(n int) []float64 {
	if cap(s.buf) < n {
		s.buf = make([]float64, n)
	}
	s.buf = s.buf[:n]
	clear(s.buf)
	return s.buf
}

// gram sets dst (k × k) = Fᵀ·F for F (r × k), summing fixed row blocks in
// order. Each block is copied column by column, so that its entries are dot
// products of long columns (SIMD) rather than sums of short row axpys.
func gram(dst *mat.Dense, F *mat.Dense, workers int, sc *scratch) {
	r, k := F.Dims()
	raw := F.RawMatrix()
	nb := numBlocks(r)
	buf := sc.zeroed(nb*k*k + workers*blockRows*k)
	partial := buf[:nb*k*k]
	parallel.Blocks(r, blockRows, workers, func(w, b, lo, hi int) {
		p := partial[b*k*k : (b+1)*k*k]
		n := hi - lo
		cols := buf[nb*k*k+w*blockRows*k : nb*k*k+w*blockRows*k+n*k]
		copyColumns(cols, raw, lo, hi)
		for s := 0; s < k; s++ {
			cs := cols[s*n : s*n+n]
			for t := s; t < k; t++ {
				p[s*k+t] = floats.Dot(cs, cols[t*n:t*n+n]) // upper triangle
			}
		}
	})
	d := dst.RawMatrix()
	for s := 0; s < k; s++ {
		for t := s; t < k; t++ {
			sum := 0.0
			for b := 0; b < nb; b++ {
				sum += partial[b*k*k+s*k+t]
			}
			d.Data[s*d.Stride+t] = sum
			d.Data[t*d.Stride+s] = sum
		}
	}
}

// crossProd sets dst (a × c) = At·B for At (a × r, each row a long vector)
// and B (r × c), summing fixed row blocks of B in order; like gram, each
// block of B is copied column by column so that the entries are SIMD dots of
// long vectors.
func crossProd(dst, At, B *mat.Dense, workers int, sc *scratch) {
	a, r := At.Dims()
	_, c := B.Dims()
	ra, rb := At.RawMatrix(), B.RawMatrix()
	nb, ac := numBlocks(r), a*c
	buf := sc.zeroed(nb*ac + workers*blockRows*c)
	parallel.Blocks(r, blockRows, workers, func(w, b, lo, hi int) {
		p := buf[b*ac : (b+1)*ac]
		n := hi - lo
		bcols := buf[nb*ac+w*blockRows*c : nb*ac+w*blockRows*c+n*c]
		copyColumns(bcols, rb, lo, hi)
		for s := 0; s < a; s++ {
			as := ra.Data[s*ra.Stride+lo : s*ra.Stride+hi]
			for t := 0; t < c; t++ {
				p[s*c+t] = floats.Dot(as, bcols[t*n:t*n+n])
			}
		}
	})
	d := dst.RawMatrix()
	for s := 0; s < a; s++ {
		for t := 0; t < c; t++ {
			sum := 0.0
			for b := 0; b < nb; b++ {
				sum += buf[b*ac+s*c+t]
			}
			d.Data[s*d.Stride+t] = sum
		}
	}
}

// subMul sets W (r × c) ← W − Atᵀ·C for At (a × r, each row a long vector)
// and C (a × c), block by block with W's columns copied out, so that the
// updates are SIMD axpys of long vectors rather than short row axpys.
func subMul(W, At, C *mat.Dense, workers int, sc *scratch) {
	a, r := At.Dims()
	_, c := W.Dims()
	ra, rw, rc := At.RawMatrix(), W.RawMatrix(), C.RawMatrix()
	buf := sc.zeroed(workers * blockRows * c)
	parallel.Blocks(r, blockRows, workers, func(w, _, lo, hi int) {
		n := hi - lo
		wcols := buf[w*blockRows*c : w*blockRows*c+n*c]
		copyColumns(wcols, rw, lo, hi)
		for t := 0; t < c; t++ {
			wt := wcols[t*n : t*n+n]
			for s := 0; s < a; s++ {
				floats.AddScaled(wt, -rc.Data[s*rc.Stride+t], ra.Data[s*ra.Stride+lo:s*ra.Stride+hi])
			}
			for i, v := range wt {
				rw.Data[(lo+i)*rw.Stride+t] = v
			}
		}
	})
}

// copyColumns writes rows lo…hi−1 of m column by column into dst
// (column s at dst[s·(hi−lo):]).
func copyColumns(dst []float64, m blas64.General, lo, hi int) {
	n := hi - lo
	for s := 0; s < m.Cols; s++ {
		col := dst[s*n : s*n+n]
		for i := range col {
			col[i] = m.Data[(lo+i)*m.Stride+s]
		}
	}
}

// dot returns Σ A∘B over two matrices of the same shape, summing fixed row blocks in order.
func dot(A, B *mat.Dense, workers int, sc *scratch) float64 {
	r, k := A.Dims()
	a, b := A.RawMatrix(), B.RawMatrix()
	partial := sc.zeroed(numBlocks(r))
	parallel.Blocks(r, blockRows, workers, func(_, blk, lo, hi int) {
		s := 0.0
		for i := lo; i < hi; i++ {
			ra, rb := a.Data[i*a.Stride:i*a.Stride+k], b.Data[i*b.Stride:i*b.Stride+k]
			for t, v := range ra {
				s += v * rb[t]
			}
		}
		partial[blk] = s
	})
	return sumOrdered(partial)
}

func sumOrdered(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}

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
