package factor

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/topicmill/topicmill/sparse"
	"gonum.org/v1/gonum/mat"
)

// randomSparse returns an m × n matrix with about density·m·n positive entries.
func randomSparse(m, n int, density float64, seed uint64) *sparse.CSR {
	rng := rand.New(rand.NewPCG(seed, 1))
	b := sparse.NewBuilder(n)
	for i := 0; i < m; i++ {
		var cols []int32
		var vals []float64
		for j := 0; j < n; j++ {
			if rng.Float64() < density {
				cols = append(cols, int32(j))
				vals = append(vals, rng.Float64()+0.01)
			}
		}
		b.AppendRow(cols, vals)
	}
	return b.Build()
}

// planted returns non-negative W (m × k) and H (k × n) with about a third of
// their entries exactly zero.
func planted(m, n, k int, seed uint64) (W, H *mat.Dense) {
	rng := rand.New(rand.NewPCG(seed, 2))
	draw := func(r, c int) *mat.Dense {
		d := mat.NewDense(r, c, nil)
		for i := 0; i < r; i++ {
			for j := 0; j < c; j++ {
				if rng.Float64() > 0.33 {
					d.Set(i, j, rng.Float64())
				}
			}
		}
		return d
	}
	return draw(m, k), draw(k, n)
}

func denseOf(X *sparse.CSR) *mat.Dense {
	d := mat.NewDense(X.Rows, X.Cols, nil)
	for i := 0; i < X.Rows; i++ {
		cols, vals := X.Row(i)
		for p, c := range cols {
			d.Set(i, int(c), vals[p])
		}
	}
	return d
}

// refFrobenius is ½‖X − WH‖²_F computed densely.
func refFrobenius(X *sparse.CSR, W, H *mat.Dense) float64 {
	var R mat.Dense
	R.Mul(W, H)
	R.Sub(denseOf(X), &R)
	n := mat.Norm(&R, 2)
	return 0.5 * n * n
}

// refKL is Σ x·log(x/y) − x + y over all entries, y = WH, computed densely.
func refKL(X *sparse.CSR, W, H *mat.Dense) float64 {
	var Y mat.Dense
	Y.Mul(W, H)
	D := denseOf(X)
	s := 0.0
	for i := 0; i < X.Rows; i++ {
		for j := 0; j < X.Cols; j++ {
			x, y := D.At(i, j), Y.At(i, j)
			if x > 0 {
				s += x * math.Log(x/y)
			}
			s += y - x
		}
	}
	return s
}

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
