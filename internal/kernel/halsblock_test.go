package kernel

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestHalsUpdateMatchesRows checks one blocked sweep against the row-by-row
// sweep HALSRow (the same Gauss-Seidel order, so the same iterate), and the
// sums it returns against ⟨F, C⟩ and ⟨F, F·Q⟩ computed afresh.
func TestHalsUpdateMatchesRows(t *testing.T) {
	for _, tc := range []struct {
		name         string
		rows, k      int
		l1, l2       float64
		workers      int
		negativeBias float64 // subtracted from C so that many entries hit the floor
	}{
		{"one partial block", 37, 4, 0, 0, 1, 0},
		{"several blocks, floor", 2*BlockRows + 11, 6, 0, 0, 2, 1.5},
		{"penalties", BlockRows + 3, 5, 0.3, 0.7, 2, 0.5},
		{"k = 1", 300, 1, 0.1, 0, 1, 0.2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(7, uint64(tc.rows)))
			F := randDense(tc.rows, tc.k, rng)
			C := randDense(tc.rows, tc.k, rng)
			for i := 0; i < tc.rows; i++ {
				for s := 0; s < tc.k; s++ {
					C.Set(i, s, 3*C.At(i, s)-tc.negativeBias)
				}
			}
			G := randDense(10, tc.k, rng)
			Q := mat.NewDense(tc.k, tc.k, nil)
			Q.Mul(G.T(), G)
			want := mat.DenseCopyOf(F)
			var sc Scratch
			ForRows(want, C, Q, 1, &sc, func(f, c, q, qf []float64) {
				HALSRow(f, c, q, qf, 1, tc.l1, tc.l2)
			})
			got := HALSUpdate(F, C, Q, 1, tc.l1, tc.l2, tc.workers, &sc)
			floor := 0
			for i := 0; i < tc.rows; i++ {
				for s := 0; s < tc.k; s++ {
					if g, w := F.At(i, s), want.At(i, s); math.Abs(g-w) > 1e-12*(1+math.Abs(w)) {
						t.Fatalf("F[%d,%d] = %v, row sweep gives %v", i, s, g, w)
					}
					if F.At(i, s) == HALSFloor {
						floor++
					}
				}
			}
			if tc.negativeBias > 1 && floor == 0 {
				t.Fatalf("no entry reached the floor; the case tests nothing")
			}
			var FQ mat.Dense
			FQ.Mul(F, Q)
			cross, quad := mat.Sum(mulElem(F, C)), mat.Sum(mulElem(F, &FQ))
			if relDiff(got.Cross, cross) > 1e-12 || relDiff(got.Quad, quad) > 1e-12 {
				t.Fatalf("sums (%v, %v), want (%v, %v)", got.Cross, got.Quad, cross, quad)
			}
		})
	}
}

func mulElem(A, B mat.Matrix) *mat.Dense {
	var D mat.Dense
	D.MulElem(A, B)
	return &D
}

// TestHalsUpdateNonFinite checks that an infinite entry of C never puts a
// NaN or Inf into F: the bad entries go to the floor.
func TestHalsUpdateNonFinite(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	F, C := randDense(50, 3, rng), randDense(50, 3, rng)
	C.Set(7, 1, math.Inf(1))
	C.Set(9, 2, math.Inf(-1))
	C.Set(20, 0, math.NaN())
	G := randDense(5, 3, rng)
	Q := mat.NewDense(3, 3, nil)
	Q.Mul(G.T(), G)
	var sc Scratch
	HALSUpdate(F, C, Q, 4, 0, 0, 1, &sc)
	checkFinite(t, "F", F)
}
