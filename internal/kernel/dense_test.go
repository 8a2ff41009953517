package kernel

import (
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestGram checks Gram against mat's product FᵀF, over several row blocks
// and worker counts, with zero entries and a partial last block.
func TestGram(t *testing.T) {
	for _, tc := range []struct{ rows, k, workers int }{
		{1, 1, 1}, {5, 3, 2}, {2*BlockRows + 17, 7, 2}, {BlockRows, 20, 1},
	} {
		rng := rand.New(rand.NewPCG(11, uint64(tc.rows)))
		F := randDense(tc.rows, tc.k, rng)
		F.Set(0, 0, 0)
		var want mat.Dense
		want.Mul(F.T(), F)
		got := mat.NewDense(tc.k, tc.k, nil)
		var sc Scratch
		Gram(got, F, tc.workers, &sc)
		for s := 0; s < tc.k; s++ {
			for u := 0; u < tc.k; u++ {
				if relDiff(got.At(s, u), want.At(s, u)) > 1e-12 {
					t.Fatalf("%d×%d: Gram[%d,%d] = %v, want %v", tc.rows, tc.k, s, u, got.At(s, u), want.At(s, u))
				}
			}
		}
	}
}

// TestCrossProdSubMul checks CrossProd (At·B) and SubMul (W − Atᵀ·C) against
// mat's products, over several row blocks and worker counts, on strided views.
func TestCrossProdSubMul(t *testing.T) {
	for _, tc := range []struct{ rows, a, c, workers int }{
		{1, 1, 1, 1}, {5, 3, 2, 2}, {2*BlockRows + 17, 9, 4, 2}, {BlockRows, 20, 25, 1},
	} {
		rng := rand.New(rand.NewPCG(13, uint64(tc.rows)))
		At := randDense(tc.a+2, tc.rows, rng).Slice(1, tc.a+1, 0, tc.rows).(*mat.Dense)
		B := randDense(tc.rows, tc.c, rng)
		var want mat.Dense
		want.Mul(At, B)
		got := mat.NewDense(tc.a, tc.c, nil)
		var sc Scratch
		CrossProd(got, At, B, tc.workers, &sc)
		C := randDense(tc.a, tc.c, rng)
		var wantW, AC mat.Dense
		AC.Mul(At.T(), C)
		wantW.Sub(B, &AC)
		SubMul(B, At, C, tc.workers, &sc)
		for _, p := range []struct {
			name      string
			got, want *mat.Dense
		}{{"CrossProd", got, &want}, {"SubMul", B, &wantW}} {
			r, c := p.want.Dims()
			for i := 0; i < r; i++ {
				for j := 0; j < c; j++ {
					if d := p.got.At(i, j) - p.want.At(i, j); d > 1e-12 || d < -1e-12 {
						t.Fatalf("%+v: %s[%d,%d] = %v, want %v", tc, p.name, i, j, p.got.At(i, j), p.want.At(i, j))
					}
				}
			}
		}
	}
}
