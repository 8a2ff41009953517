package kernel

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestHalsPortableMatchesFMA checks that the portable kernels (rank4Go and
// coord's Go loop) give the AVX2/FMA kernels' block sweeps within rounding.
func TestHalsPortableMatchesFMA(t *testing.T) {
	if !useFMA {
		t.Skip("no AVX2/FMA on this CPU: only the portable path runs")
	}
	rng := rand.New(rand.NewPCG(9, 10))
	rows, k := 2*BlockRows+13, 10
	F, C, G := randDense(rows, k, rng), randDense(rows, k, rng), randDense(12, k, rng)
	Q := mat.NewDense(k, k, nil)
	Q.Mul(G.T(), G)
	var sc Scratch
	run := func(fma bool) (*mat.Dense, RowSums) {
		defer func(old bool) { useFMA = old }(useFMA)
		useFMA = fma
		Fc := mat.DenseCopyOf(F)
		return Fc, HALSUpdate(Fc, C, Q, 3, 0.01, 0.1, 2, &sc)
	}
	fast, fs := run(true)
	slow, ss := run(false)
	for i := 0; i < rows; i++ {
		for s := 0; s < k; s++ {
			if g, w := fast.At(i, s), slow.At(i, s); math.Abs(g-w) > 1e-12*(1+math.Abs(w)) {
				t.Fatalf("F[%d,%d] = %v with FMA, %v portable", i, s, g, w)
			}
		}
	}
	if relDiff(fs.Cross, ss.Cross) > 1e-12 || relDiff(fs.Quad, ss.Quad) > 1e-12 {
		t.Fatalf("sums %v with FMA, %v portable", fs, ss)
	}
}
