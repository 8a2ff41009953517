package kernel

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestCoord checks coord against the update written out per entry, for
// lengths that exercise the kernel and its tail, with dj aliasing the first
// column of dl (coefficient zero) and with entries driven to the floor.
func TestCoord(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{1, 3, 4, 9, 256, 258} {
		for _, alias := range []bool{false, true} {
			stride := n + 3
			ft, ct, qt := make([]float64, n), make([]float64, n), make([]float64, n)
			dl := make([]float64, 3*stride+n)
			for i := range ft {
				ft[i] = rng.Float64()
				ct[i] = 2*rng.Float64() - 0.5
				qt[i] = rng.Float64()
			}
			for i := range dl {
				dl[i] = rng.NormFloat64()
			}
			p := CoordStep{C: [3]float64{0.3, -0.2, 0.1}, L1: 0.05, L2: 0.2, ID: 1 / 1.7}
			dj := dl[3*stride:]
			if alias {
				p.C[0], dj = 0, dl[:n]
			}
			wantF, wantD, wantMoved := make([]float64, n), make([]float64, n), 0.0
			for i, v := range ft {
				g := qt[i] + p.C[0]*dl[i] + p.C[1]*dl[stride+i] + p.C[2]*dl[2*stride+i] - ct[i] + p.L1 + p.L2*v
				wantF[i] = math.Max(v-g*p.ID, HALSFloor)
				wantD[i] = wantF[i] - v
				wantMoved += wantD[i] * wantD[i]
			}
			moved := Coord(ft, ct, qt, dj, dl, stride, &p)
			if relDiff(moved, wantMoved) > 1e-13 {
				t.Fatalf("n=%d alias=%v: moved %v, want %v", n, alias, moved, wantMoved)
			}
			floor := 0
			for i := range ft {
				if math.Abs(ft[i]-wantF[i]) > 1e-14 || math.Abs(dj[i]-wantD[i]) > 1e-14 {
					t.Fatalf("n=%d alias=%v: entry %d: f %v delta %v, want %v %v", n, alias, i, ft[i], dj[i], wantF[i], wantD[i])
				}
				if ft[i] == HALSFloor {
					floor++
				}
			}
			if n >= 256 && floor == 0 {
				t.Fatalf("n=%d: no entry at the floor; the case tests nothing", n)
			}
		}
	}
}

// TestCoordNonFinite checks that a non-finite entry of C makes coord report
// a non-finite change on every length, so that the caller repairs the block.
func TestCoordNonFinite(t *testing.T) {
	for _, bad := range []float64{math.Inf(1), math.NaN()} {
		for _, n := range []int{4, 5} {
			ft, ct, qt := []float64{1, 1, 1, 1, 1}, make([]float64, 5), make([]float64, 5)
			ct[n-1] = bad
			dl := make([]float64, 3*5+5)
			p := CoordStep{ID: 1}
			if moved := Coord(ft[:n], ct, qt, dl[15:], dl, 5, &p); moved-moved == 0 {
				t.Fatalf("C entry %v (n=%d): moved %v is finite", bad, n, moved)
			}
		}
	}
}
