package factor

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/topicmill/topicmill/internal/kernel"
	"github.com/topicmill/topicmill/internal/parallel"
	"github.com/topicmill/topicmill/sparse"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/lapack/lapack64"
	"gonum.org/v1/gonum/mat"
)

// Randomized block Krylov SVD parameters (Musco & Musco 2015): a block of
// k + svdOversample columns grows a Krylov basis of svdKrylovSteps+1 blocks
// in the document space, [Z₀, XᵀX·Z₀, …, (XᵀX)^q·Z₀] with Z₀ = Xᵀ·G, and
// Rayleigh–Ritz on that basis gives the singular triplets, so the cost is
// 2·svdKrylovSteps+2 sparse products of the block's width, one of width k,
// and block Gram–Schmidt against the basis. Text has closely spaced trailing
// singular values (on 20news, σ₁₆…σ₂₀ = 4.96…4.72), and NNDSVD splits each
// singular vector into signed parts, so a loosely converged basis gives a
// different start: plain power iteration with 3 steps gave a 20news start of
// 9234 (scikit-learn's 9206) and HALS settled at 8963.36, above
// scikit-learn's 8962.9995. With 25 × 7 columns σ₂₀ is 4.71527 (converged
// 4.71594; 12 power iterations on 30 columns, which cost more, gave 4.71055).
const (
	svdOversample  = 5
	svdKrylovSteps = 6
)

// svdDeflation is the fraction of a new Krylov column's norm below which its
// part outside the basis is rounding noise: the basis then holds an invariant
// subspace (X has low rank) and growing it further would only add noise.
const svdDeflation = 1e-6

// svdOrthogonality bounds the cosines between a new Krylov block and the
// basis (largest sum of |cosines| of one basis vector) that Rayleigh–Ritz
// tolerates without a second Gram–Schmidt pass; one pass left at most 3e-12
// on 20news and the generated benchmark matrix.
const svdOrthogonality = 1e-10

// truncatedSVD returns the leading k singular triplets of X: U (m × k), the
// singular values s (descending) and V (n × k). It is deterministic for rng.
func truncatedSVD(X, Xt *sparse.CSR, k int, rng *rand.Rand, workers int) (U *mat.Dense, s []float64, V *mat.Dense, err error) {
	m, n := X.Rows, X.Cols
	l, maxBlocks := k+svdOversample, svdKrylovSteps+1
	if l*maxBlocks >= min(m, n) {
		// The basis would span the whole space: take it in one block.
		l, maxBlocks = min(m, n), 1
	}
	G := mat.NewDense(m, l, nil)
	raw := G.RawMatrix()
	for i := range raw.Data {
		raw.Data[i] = rng.NormFloat64()
	}
	// basis holds the orthonormal blocks Z₀…Z_q; T = basisᵀ·XᵀX·basis is
	// filled block column by block column from the Gram–Schmidt coefficients
	// of XᵀX·Z_j against Z₀…Z_j (the lower part by symmetry: it is block
	// tridiagonal up to rounding).
	basis := mat.NewDense(maxBlocks*l, n, nil) // transposed: one row per vector
	T := mat.NewSymDense(maxBlocks*l, nil)
	W := mat.NewDense(n, l, nil)
	Y := mat.NewDense(m, l, nil)
	sparse.MulDense(W, Xt, G, workers)
	orthonormalize(W, workers, 2)
	blocks := 0
	var sc kernel.Scratch
	for blocks < maxBlocks {
		basis.Slice(blocks*l, (blocks+1)*l, 0, n).(*mat.Dense).Copy(W.T())
		blocks++
		prev := basis.Slice(0, blocks*l, 0, n).(*mat.Dense)
		sparse.MulDense(Y, X, W, workers)
		sparse.MulDense(W, Xt, Y, workers)
		C := mat.NewDense(blocks*l, l, nil)
		kernel.CrossProd(C, prev, W, workers, &sc)
		off := (blocks - 1) * l
		for p := 0; p < blocks*l; p++ {
			for c := max(p-off, 0); c < l; c++ {
				T.SetSym(p, off+c, C.At(p, c))
			}
		}
		if blocks == maxBlocks || !orthogonalizeAgainst(W, prev, C, workers, &sc) {
			break
		}
	}
	L := blocks * l
	var eig mat.EigenSym
	if !eig.Factorize(T.SliceSym(0, L).(*mat.SymDense), true) {
		return nil, nil, nil, fmt.Errorf("factor: eigendecomposition of the %d × %d Krylov projection did not converge", L, L)
	}
	vals := eig.Values(nil) // ascending
	var S mat.Dense
	eig.VectorsTo(&S)
	Sk := mat.NewDense(L, k, nil)
	s = make([]float64, k)
	for j := range s {
		c := L - 1 - j
		s[j] = math.Sqrt(max(vals[c], 0))
		for i := 0; i < L; i++ {
			Sk.Set(i, j, S.At(i, c))
		}
	}
	V = mat.NewDense(n, k, nil)
	V.Mul(basis.Slice(0, L, 0, n).T(), Sk)
	U = mat.NewDense(m, k, nil)
	sparse.MulDense(U, X, V, workers)
	for j, sj := range s {
		if sj > 0 {
			col := U.ColView(j).(*mat.VecDense)
			col.ScaleVec(1/sj, col)
		}
	}
	return U, s, V, nil
}

// orthogonalizeAgainst makes W orthonormal and orthogonal to the orthonormal
// rows of prevT by block Gram–Schmidt, given C = prevT·W, with CholeskyQR2
// for the block itself. A second Gram–Schmidt pass ("twice is enough") runs
// only when the first leaves cosines above svdOrthogonality with prevT, which
// one pass avoids unless W is nearly inside their span. It reports false,
// leaving W unusable, when some column of W lies in their span to within
// svdDeflation.
func orthogonalizeAgainst(W, prevT, C *mat.Dense, workers int, sc *kernel.Scratch) bool {
	before := columnNorms(W)
	kernel.SubMul(W, prevT, C, workers, sc)
	for j, v := range columnNorms(W) {
		if !(v > svdDeflation*before[j]) {
			return false
		}
	}
	orthonormalize(W, workers, 2)
	kernel.CrossProd(C, prevT, W, workers, sc)
	if mat.Norm(C, math.Inf(1)) > svdOrthogonality {
		kernel.SubMul(W, prevT, C, workers, sc)
		orthonormalize(W, workers, 2)
	}
	return true
}

// columnNorms returns the Euclidean norms of the columns of A.
func columnNorms(A *mat.Dense) []float64 {
	_, c := A.Dims()
	norms := make([]float64, c)
	for j := range norms {
		norms[j] = mat.Norm(A.ColView(j), 2)
	}
	return norms
}

// orthonormalize replaces the columns of A (r × c, r ≥ c) by an orthonormal
// basis of their span with passes rounds of Cholesky QR (A ← A·R⁻¹ with
// RᵀR = AᵀA: two parallel passes over A each). One round leaves an error of
// about cond(A)²·ε, enough inside block Gram–Schmidt, which repeats it on a
// nearly orthonormal block; two (CholeskyQR2) are orthonormal to working
// precision. It falls back to a serial Householder QR when AᵀA is too ill-conditioned to factor; the
// Householder QR alone took 40 % of the 20news start.
func orthonormalize(A *mat.Dense, workers, passes int) {
	var sc kernel.Scratch
	for pass := 0; pass < passes; pass++ {
		if !choleskyQRStep(A, workers, &sc) {
			householderQR(A)
			return
		}
	}
}

// choleskyQRStep sets A ← A·R⁻¹ where RᵀR = AᵀA, or reports false (leaving A
// as it was) when AᵀA is not numerically positive definite.
func choleskyQRStep(A *mat.Dense, workers int, sc *kernel.Scratch) bool {
	_, c := A.Dims()
	G := mat.NewDense(c, c, nil)
	kernel.Gram(G, A, workers, sc)
	var ch mat.Cholesky
	if !ch.Factorize(mat.NewSymDense(c, G.RawMatrix().Data)) {
		return false
	}
	var R, Rinv mat.TriDense
	ch.UTo(&R)
	if err := Rinv.InverseTri(&R); err != nil {
		return false
	}
	ri := mat.DenseCopyOf(&Rinv).RawMatrix()
	raw := A.RawMatrix()
	tmp := make([]float64, workers*c)
	parallel.Blocks(raw.Rows, kernel.BlockRows, workers, func(w, _, lo, hi int) {
		t := tmp[w*c : w*c+c]
		for i := lo; i < hi; i++ {
			row := raw.Data[i*raw.Stride : i*raw.Stride+c]
			clear(t)
			for s, v := range row {
				if v == 0 {
					continue
				}
				floats.AddScaled(t[s:], v, ri.Data[s*ri.Stride+s:s*ri.Stride+c])
			}
			copy(row, t)
		}
	})
	return true
}

// householderQR replaces the columns of A by an orthonormal basis of their
// span through LAPACK's geqrf and orgqr.
func householderQR(A *mat.Dense) {
	raw := A.RawMatrix()
	g := blas64.General{Rows: raw.Rows, Cols: raw.Cols, Stride: raw.Stride, Data: raw.Data}
	tau := make([]float64, raw.Cols)
	work := []float64{0}
	lapack64.Geqrf(g, tau, work, -1)
	lw := int(work[0])
	lapack64.Orgqr(g, tau, work, -1)
	lw = max(lw, int(work[0]))
	work = make([]float64, lw)
	lapack64.Geqrf(g, tau, work, lw)
	lapack64.Orgqr(g, tau, work, lw)
}
