package cluster

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestSimilarity(t *testing.T) {
	W := mat.NewDense(3, 4, []float64{
		1, 1, 0, 2,
		0, 1, 0, 0,
		0, 0, 0, 0,
	})
	r := 1 / math.Sqrt2
	want := [][]float64{
		{1, r, 0, 1},
		{r, 1, 0, r},
		{0, 0, 1, 0}, // a zero topic resembles nothing but itself
		{1, r, 0, 1},
	}
	got := Similarity(W)
	for a := range want {
		for b := range want[a] {
			if math.Abs(got[a][b]-want[a][b]) > 1e-15 {
				t.Errorf("sim[%d][%d] = %v, want %v", a, b, got[a][b], want[a][b])
			}
			if got[a][b] != got[b][a] {
				t.Errorf("sim[%d][%d] = %v but sim[%d][%d] = %v", a, b, got[a][b], b, a, got[b][a])
			}
		}
	}
}

func TestLayout2D(t *testing.T) {
	// Topics 0 and 1 are close, 2 is far from both: the dissimilarities
	// 0.1, 0.8, 0.75 form a triangle, which classical MDS reproduces exactly.
	sim := [][]float64{
		{1, 0.9, 0.2},
		{0.9, 1, 0.25},
		{0.2, 0.25, 1},
	}
	pts := Layout2D(sim)
	dist := func(a, b int) float64 {
		return math.Hypot(pts[a][0]-pts[b][0], pts[a][1]-pts[b][1])
	}
	for _, p := range []struct {
		a, b int
		want float64
	}{{0, 1, 0.1}, {0, 2, 0.8}, {1, 2, 0.75}} {
		if d := dist(p.a, p.b); math.Abs(d-p.want) > 1e-9 {
			t.Errorf("distance %d–%d = %v, want %v", p.a, p.b, d, p.want)
		}
	}
	if !(dist(0, 1) < dist(1, 2) && dist(1, 2) < dist(0, 2)) {
		t.Errorf("distances out of order: %v", pts)
	}
	// Deterministic orientation: the first non-zero coordinate of each axis
	// is positive.
	for axis := 0; axis < 2; axis++ {
		if pts[0][axis] < 0 {
			t.Errorf("axis %d starts negative: %v", axis, pts)
		}
	}
	// Degenerate sizes.
	if got := Layout2D(nil); len(got) != 0 {
		t.Errorf("Layout2D(nil) = %v", got)
	}
	if got := Layout2D([][]float64{{1}}); got[0] != [2]float64{} {
		t.Errorf("one topic at %v, want the origin", got[0])
	}
	two := Layout2D([][]float64{{1, 0.5}, {0.5, 1}})
	if two[0][0] <= 0 || math.Abs(two[0][0]-two[1][0]-0.5) > 1e-12 || two[0][1] != 0 || two[1][1] != 0 {
		t.Errorf("two topics at %v, want 0.5 apart on the first axis", two)
	}
}
