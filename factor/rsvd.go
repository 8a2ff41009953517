package factor

import (
	"fmt"
	"math/rand/v2"

	"github.com/topicmill/topicmill/sparse"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/lapack/lapack64"
	"gonum.org/v1/gonum/mat"
)

// Randomized SVD parameters (Halko, Martinsson & Tropp 2011): the sketch has
// k + svdOversample columns and is refined by svdPowerIters power iterations,
// each re-orthonormalised, so the cost is 2·(svdPowerIters+1) sparse products
// of that width. Text has closely spaced trailing singular values (on 20news,
// σ₁₆…σ₂₀ = 4.96…4.72), and NNDSVD splits each singular vector into signed
// parts, so a loosely converged basis gives a different start: with 3 power
// iterations the 20news start was 9234 (scikit-learn's 9206) and HALS settled
// at 8963.36, above scikit-learn's 8962.9995; from 8 iterations on the start
// is within 0.05 % of scikit-learn's and HALS settles at 8962.6503 (12 reach
// it in 17 iterations, 8 in 29).
const (
	svdOversample = 10
	svdPowerIters = 12
)

// truncatedSVD returns the leading k singular triplets of X: U (m × k), the
// singular values s (descending) and V (n × k). It is deterministic for rng.
func truncatedSVD(X, Xt *sparse.CSR, k int, rng *rand.Rand, workers int) (U *mat.Dense, s []float64, V *mat.Dense, err error) {
	m, n := X.Rows, X.Cols
	l := min(k+svdOversample, m, n)
	omega := mat.NewDense(n, l, nil)
	raw := omega.RawMatrix()
	for i := range raw.Data {
		raw.Data[i] = rng.NormFloat64()
	}
	Q := mat.NewDense(m, l, nil)
	Z := mat.NewDense(n, l, nil)
	sparse.MulDense(Q, X, omega, workers)
	orthonormalize(Q, workers, 1)
	for q := 0; q < svdPowerIters; q++ {
		sparse.MulDense(Z, Xt, Q, workers)
		orthonormalize(Z, workers, 1)
		sparse.MulDense(Q, X, Z, workers)
		passes := 1
		if q == svdPowerIters-1 {
			passes = 2 // the final basis must be orthonormal to working precision
		}
		orthonormalize(Q, workers, passes)
	}
	// X ≈ Q·Qᵀ·X = Q·Bᵀ... with Z = Xᵀ·Q (n × l) = Uz·S·Vzᵀ, so X ≈ (Q·Vz)·S·Uzᵀ.
	sparse.MulDense(Z, Xt, Q, workers)
	var svd mat.SVD
	if !svd.Factorize(Z, mat.SVDThin) {
		return nil, nil, nil, fmt.Errorf("factor: SVD of the %d × %d sketch did not converge", n, l)
	}
	var uz, vz mat.Dense
	svd.UTo(&uz)
	svd.VTo(&vz)
	vals := svd.Values(nil)
	U = mat.NewDense(m, k, nil)
	U.Mul(Q, vz.Slice(0, l, 0, k))
	V = mat.NewDense(n, k, nil)
	V.Copy(uz.Slice(0, n, 0, k))
	return U, vals[:k], V, nil
}

// orthonormalize replaces the columns of A (r × c, r ≥ c) by an orthonormal
// basis of their span with passes rounds of Cholesky QR (A ← A·R⁻¹ with
// RᵀR = AᵀA: two parallel passes over A each). One round leaves an error of
// about cond(A)²·ε, enough between power iterations, which only need a
// well-conditioned basis; two (CholeskyQR2) are orthonormal to working
// precision. It falls back
// to a serial Householder QR when AᵀA is too ill-conditioned to factor; the
// Householder QR alone took 40 % of the 20news start.
func orthonormalize(A *mat.Dense, workers, passes int) {
	var sc scratch
	for pass := 0; pass < passes; pass++ {
		if !choleskyQRStep(A, workers, &sc) {
			householderQR(A)
			return
		}
	}
}

// choleskyQRStep sets A ← A·R⁻¹ where RᵀR = AᵀA, or reports false (leaving A
// as it was) when AᵀA is not numerically positive definite.
func choleskyQRStep(A *mat.Dense, workers int, sc *scratch) bool {
	_, c := A.Dims()
	G := mat.NewDense(c, c, nil)
	gram(G, A, workers, sc)
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
	forBlocksW(raw.Rows, workers, func(w, _, lo, hi int) {
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
