package kernel

import (
	"github.com/topicmill/topicmill/internal/parallel"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// Gram sets dst (k × k) = Fᵀ·F for F (r × k), summing fixed row blocks in
// order. Each block is copied column by column, so that its entries are dot
// products of long columns (SIMD) rather than sums of short row axpys.
func Gram(dst *mat.Dense, F *mat.Dense, workers int, sc *Scratch) {
	r, k := F.Dims()
	raw := F.RawMatrix()
	nb := NumBlocks(r)
	buf := sc.Zeroed(nb*k*k + workers*BlockRows*k)
	partial := buf[:nb*k*k]
	parallel.Blocks(r, BlockRows, workers, func(w, b, lo, hi int) {
		p := partial[b*k*k : (b+1)*k*k]
		n := hi - lo
		cols := buf[nb*k*k+w*BlockRows*k : nb*k*k+w*BlockRows*k+n*k]
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

// CrossProd sets dst (a × c) = At·B for At (a × r, each row a long vector)
// and B (r × c), summing fixed row blocks of B in order; like Gram, each
// block of B is copied column by column so that the entries are SIMD dots of
// long vectors.
func CrossProd(dst, At, B *mat.Dense, workers int, sc *Scratch) {
	a, r := At.Dims()
	_, c := B.Dims()
	ra, rb := At.RawMatrix(), B.RawMatrix()
	nb, ac := NumBlocks(r), a*c
	buf := sc.Zeroed(nb*ac + workers*BlockRows*c)
	parallel.Blocks(r, BlockRows, workers, func(w, b, lo, hi int) {
		p := buf[b*ac : (b+1)*ac]
		n := hi - lo
		bcols := buf[nb*ac+w*BlockRows*c : nb*ac+w*BlockRows*c+n*c]
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

// SubMul sets W (r × c) ← W − Atᵀ·C for At (a × r, each row a long vector)
// and C (a × c), block by block with W's columns copied out, so that the
// updates are SIMD axpys of long vectors rather than short row axpys.
func SubMul(W, At, C *mat.Dense, workers int, sc *Scratch) {
	a, r := At.Dims()
	_, c := W.Dims()
	ra, rw, rc := At.RawMatrix(), W.RawMatrix(), C.RawMatrix()
	buf := sc.Zeroed(workers * BlockRows * c)
	parallel.Blocks(r, BlockRows, workers, func(w, _, lo, hi int) {
		n := hi - lo
		wcols := buf[w*BlockRows*c : w*BlockRows*c+n*c]
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

// Dot returns Σ A∘B over two matrices of the same shape, summing fixed row blocks in order.
func Dot(A, B *mat.Dense, workers int, sc *Scratch) float64 {
	r, k := A.Dims()
	a, b := A.RawMatrix(), B.RawMatrix()
	partial := sc.Zeroed(NumBlocks(r))
	parallel.Blocks(r, BlockRows, workers, func(_, blk, lo, hi int) {
		s := 0.0
		for i := lo; i < hi; i++ {
			ra, rb := a.Data[i*a.Stride:i*a.Stride+k], b.Data[i*b.Stride:i*b.Stride+k]
			for t, v := range ra {
				s += v * rb[t]
			}
		}
		partial[blk] = s
	})
	return Sum(partial)
}
