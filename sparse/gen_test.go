package sparse

import (
	"math/rand/v2"
	"sync"

	"gonum.org/v1/gonum/mat"
)

// textLike returns a docs × terms matrix of term counts whose term
// frequencies follow Zipf's law and whose document lengths are skewed, as in
// a real corpus; the same seed gives the same matrix.
func textLike(docs, terms, meanLen int, seed uint64) *CSR {
	rng := rand.New(rand.NewPCG(seed, 1))
	zipf := rand.NewZipf(rng, 1.07, 2, uint64(terms-1))
	b := NewBuilder(terms)
	var cols []int32
	var vals []float64
	for range docs {
		n := int(rng.ExpFloat64() * float64(meanLen))
		cols, vals = cols[:0], vals[:0]
		for range n {
			// Scatter the Zipf ranks over the columns so frequent terms are
			// not all at the front.
			t := (zipf.Uint64()*7919 + 13) % uint64(terms)
			cols = append(cols, int32(t))
			vals = append(vals, 1)
		}
		b.AppendRow(cols, vals)
	}
	return b.Build()
}

// randomSparse returns an r × c matrix with about density·r·c non-zeros in
// (0, 1], with every row and column whose index is a multiple of 5 empty.
func randomSparse(r, c int, density float64, seed uint64) *CSR {
	rng := rand.New(rand.NewPCG(seed, 2))
	b := NewBuilder(c)
	var cols []int32
	var vals []float64
	for i := range r {
		cols, vals = cols[:0], vals[:0]
		for j := range c {
			if i%5 != 0 && j%5 != 0 && rng.Float64() < density {
				cols = append(cols, int32(j))
				vals = append(vals, 1-rng.Float64())
			}
		}
		b.AppendRow(cols, vals)
	}
	return b.Build()
}

// randomDense returns an r × c matrix with entries in [0, 1).
func randomDense(r, c int, seed uint64) *mat.Dense {
	rng := rand.New(rand.NewPCG(seed, 3))
	d := make([]float64, r*c)
	for i := range d {
		d[i] = rng.Float64()
	}
	return mat.NewDense(r, c, d)
}

// benchX is the benchmark corpus: 30,000 terms × 20,000 documents at about
// 0.2 % density, built once.
var benchX = sync.OnceValue(func() *CSR { return textLike(20000, 30000, 80, 42).T() })
