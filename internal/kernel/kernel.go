// Package kernel holds the dense and per-row kernels of non-negative matrix
// factorization that more than one solver needs: Gram matrices and other
// blocked products of tall dense factors, the HALS (hierarchical alternating
// least squares) updates of a factor by blocks or by rows, with their
// AVX2/FMA inner loops (Rank4, Coord), and the coordinate-descent row update
// of the generalized Kullback-Leibler divergence (KLRow).
//
// The names follow the papers: a factor F (r × k) is updated against the
// other factor G through C = X·G (r × k) and the Gram matrix Q = GᵀG (k × k).
// Blocked loops run on parallel.Blocks over fixed blocks of BlockRows rows and
// sum one partial per block in block order, so every result has the same bits
// for any number of workers. Shapes are the caller's responsibility: the
// kernels sit in hot loops and check nothing that their callers (package
// factor's exported boundary) have checked already.
package kernel

// BlockRows is the fixed partition of rows into blocks: reductions sum one
// partial per block in block order, so results never depend on the number of
// workers.
const BlockRows = 256

// NumBlocks returns the number of blocks of BlockRows rows covering n rows.
func NumBlocks(n int) int { return (n + BlockRows - 1) / BlockRows }

// Scratch is reusable memory for the per-block partial sums and per-worker
// buffers of the blocked kernels, so that iterations allocate nothing. The
// zero value is ready to use; one Scratch serves one call at a time.
type Scratch struct{ buf []float64 }

// Zeroed returns n zeroed floats, reusing the scratch memory.
func (s *Scratch) Zeroed(n int) []float64 {
	if cap(s.buf) < n {
		s.buf = make([]float64, n)
	}
	s.buf = s.buf[:n]
	clear(s.buf)
	return s.buf
}

// Sum returns x₀ + x₁ + … added in index order (no pairwise or SIMD
// reordering), the reduction every blocked kernel uses.
func Sum(xs []float64) float64 {
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s
}
