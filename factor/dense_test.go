package factor

import (
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestGram checks gram against mat's product FᵀF, over several row blocks
// and worker counts, with zero entries and a partial last block.
func TestGram(t *testing.T) {
	for _, tc := range []struct{ rows, k, workers int }{
		{1, 1, 1}, {5, 3, 2}, {2*blockRows + 17, 7, 2}, {blockRows, 20, 1},
	} {
		rng := rand.New(rand.NewPCG(11, uint64(tc.rows)))
		F := randDense(tc.rows, tc.k, rng)
		F.Set(0, 0, 0)
		var want mat.Dense
		want.Mul(F.T(), F)
		got := mat.NewDense(tc.k, tc.k, nil)
		var sc scratch
		gram(got, F, tc.workers, &sc)
		for s := 0; s < tc.k; s++ {
			for u := 0; u < tc.k; u++ {
				if relDiff(got.At(s, u), want.At(s, u)) > 1e-12 {
					t.Fatalf("%d×%d: gram[%d,%d] = %v, want %v", tc.rows, tc.k, s, u, got.At(s, u), want.At(s, u))
				}
			}
		}
	}
}
