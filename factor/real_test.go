package factor

import (
	"context"
	"os"
	"testing"

	"github.com/topicmill/topicmill/sparse"
)

// realMatrix is the 20news TF-IDF matrix (terms × documents) that the
// scikit-learn comparison of issue 4 runs on; it is not in the repository and
// the benchmarks that use it skip when it is absent.
const realMatrix = "/tmp/X20news.mtx"

func loadReal(tb testing.TB) *sparse.CSR {
	f, err := os.Open(realMatrix)
	if err != nil {
		tb.Skipf("no %s: %v", realMatrix, err)
	}
	defer f.Close()
	X, err := sparse.ReadMatrixMarket(f)
	if err != nil {
		tb.Fatal(err)
	}
	return X
}

// benchReal fits the real matrix at default settings, logs the trace and
// reports the time at which the objective first reached target (the
// scikit-learn reference's final objective on the same file).
func benchReal(b *testing.B, loss Loss, target float64) {
	X := loadReal(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := NMF{K: 20, Loss: loss}.Fit(context.Background(), X)
		if err != nil {
			b.Fatal(err)
		}
		reached := -1.0
		for _, it := range res.Trace {
			b.Logf("it %3d  %.6f  %v", it.N, it.Objective, it.Elapsed)
			if reached < 0 && it.Objective <= target {
				reached = it.Elapsed.Seconds()
			}
		}
		b.ReportMetric(float64(res.Iterations), "iterations")
		b.ReportMetric(res.Objective, "objective")
		b.Logf("final objective %.6f", res.Objective)
		b.ReportMetric(res.Trace[0].Elapsed.Seconds(), "init-s")
		b.ReportMetric(reached, "reach-s")
	}
}

// BenchmarkRealFrobenius fits 20news with k = 20 (scikit-learn 'cd': 8962.999540).
func BenchmarkRealFrobenius(b *testing.B) { benchReal(b, Frobenius, 8962.999540) }

// BenchmarkRealKL fits 20news with k = 20 (scikit-learn 'mu': 576399.80).
func BenchmarkRealKL(b *testing.B) { benchReal(b, KullbackLeibler, 576399.80) }
