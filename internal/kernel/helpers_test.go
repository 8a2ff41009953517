package kernel

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func checkFinite(t *testing.T, name string, F *mat.Dense) {
	t.Helper()
	for _, v := range F.RawMatrix().Data {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			t.Fatalf("%s has entry %v", name, v)
		}
	}
}

func relDiff(a, b float64) float64 {
	return math.Abs(a-b) / math.Max(math.Abs(b), 1e-300)
}

// randDense returns an r × c matrix of uniform values in [0, 1).
func randDense(r, c int, rng *rand.Rand) *mat.Dense {
	d := make([]float64, r*c)
	for i := range d {
		d[i] = rng.Float64()
	}
	return mat.NewDense(r, c, d)
}
