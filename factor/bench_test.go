package factor

import (
	"context"
	"math"
	"math/rand/v2"
	"sync"
	"testing"
	"time"

	"github.com/topicmill/topicmill/sparse"
	"gonum.org/v1/gonum/mat"
)

const benchK = 20

var benchX = sync.OnceValue(func() *sparse.CSR { return textLike(30000, 20000, 0.002, 42) })

// textLike returns an m × n matrix of density about d whose row lengths
// follow a Zipf-like law (a few very common terms, many rare ones), with
// uniformly placed columns and values in (0, 1].
func textLike(m, n int, d float64, seed uint64) *sparse.CSR {
	rng := rand.New(rand.NewPCG(seed, 3))
	weights := make([]float64, m)
	total := 0.0
	for i := range weights {
		weights[i] = math.Pow(float64(i+1), -0.8)
		total += weights[i]
	}
	want := d * float64(m) * float64(n)
	b := sparse.NewBuilder(n)
	cols := make([]int32, 0, n)
	vals := make([]float64, 0, n)
	for i := 0; i < m; i++ {
		l := min(n, max(1, int(want*weights[i]/total)))
		cols, vals = cols[:0], vals[:0]
		for q := 0; q < l; q++ {
			cols = append(cols, int32(rng.IntN(n)))
			vals = append(vals, 1-rng.Float64())
		}
		b.AppendRow(cols, vals)
	}
	return b.Build()
}

func benchFit(b *testing.B, loss Loss) {
	X := benchX()
	b.ReportAllocs()
	b.ResetTimer()
	var res *Result
	for i := 0; i < b.N; i++ {
		var err error
		res, err = NMF{K: benchK, Loss: loss}.Fit(context.Background(), X)
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(res.Iterations), "iterations")
	b.ReportMetric(res.Objective, "objective")
	b.ReportMetric(float64(res.Trace[0].Elapsed.Milliseconds()), "init-ms")
	b.Logf("final objective %.6f in %d iterations", res.Objective, res.Iterations)
}

// BenchmarkFitFrobenius is a whole default fit on a text-like matrix.
func BenchmarkFitFrobenius(b *testing.B) { benchFit(b, Frobenius) }

// BenchmarkFitKL is a whole default KL fit on a text-like matrix.
func BenchmarkFitKL(b *testing.B) { benchFit(b, KullbackLeibler) }

// BenchmarkInit times the NNDSVDA start (randomized SVD and all).
func BenchmarkInit(b *testing.B) {
	X := benchX()
	Xt := X.T()
	s, _ := NMF{K: benchK}.resolve()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if _, _, err := initialize(context.Background(), X, Xt, s); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkIteration times one Frobenius iteration and reports it as a
// multiple of the two sparse products (X·Hᵀ and Xᵀ·W) it contains.
func BenchmarkIteration(b *testing.B) { benchIteration(b, benchX()) }

// BenchmarkRealIteration is BenchmarkIteration on the 20news matrix.
func BenchmarkRealIteration(b *testing.B) { benchIteration(b, loadReal(b)) }

func benchIteration(b *testing.B, X *sparse.CSR) {
	s, _ := NMF{K: benchK}.resolve()
	Xt := X.T()
	W, Ht, err := initialize(context.Background(), X, Xt, s)
	if err != nil {
		b.Fatal(err)
	}
	res, err := fitFrobenius(context.Background(), X, Xt, W, Ht, settings{NMF: NMF{K: benchK, MaxIter: 1}, workers: s.workers}, time.Now())
	if err != nil {
		b.Fatal(err)
	}
	st := newFrobState(X, Xt, res.W, transposeDense(res.H), s)
	A, C := mat.NewDense(X.Rows, benchK, nil), mat.NewDense(X.Cols, benchK, nil)
	products := func() {
		sparse.MulDense(A, X, st.Hy, s.workers)
		sparse.MulDense(C, st.Xt, st.Wy, s.workers)
	}
	products()
	st.iterate(0.5)
	b.ReportAllocs()
	b.ResetTimer()
	// Iterations and products alternate, so that load from other processes
	// on a shared machine weighs on both alike.
	var iter, prod time.Duration
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		st.iterate(0.5)
		iter += time.Since(t0)
		b.StopTimer()
		t0 = time.Now()
		products()
		prod += time.Since(t0)
		b.StartTimer()
	}
	b.ReportMetric(float64(iter)/float64(prod), "iter/products")
	b.ReportMetric(float64(prod.Milliseconds())/float64(b.N), "products-ms")
}

// BenchmarkIterationKL times one KL iteration (W and H sweeps, no objective).
func BenchmarkIterationKL(b *testing.B) {
	X := benchX()
	s, _ := NMF{K: benchK, Loss: KullbackLeibler}.resolve()
	Xt := X.T()
	W, Ht, err := initialize(context.Background(), X, Xt, s)
	if err != nil {
		b.Fatal(err)
	}
	st := newKLState(X, Xt, W, Ht, s, true)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		st.iterate()
	}
}
