package sparse

import (
	"bytes"
	"io"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

const benchK = 20

// reportThroughput reports the time per non-zero (each one a length-k
// multiply-add) and, as MB/s, the bytes of the matrix streamed per second.
func reportThroughput(b *testing.B, a *CSR) {
	b.SetBytes(int64(a.NNZ()*12 + (a.Rows+1)*8))
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(a.NNZ()), "ns/nnz")
}

// BenchmarkMulDense times X·Hᵀ (terms × documents times documents × k).
func BenchmarkMulDense(b *testing.B) {
	x := benchX()
	ht := randomDense(x.Cols, benchK, 1)
	dst := mat.NewDense(x.Rows, benchK, nil)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		MulDense(dst, x, ht, 0)
	}
	reportThroughput(b, x)
}

// BenchmarkMulDenseT times Xᵀ·W through the stored transpose.
func BenchmarkMulDenseT(b *testing.B) {
	xt := benchX().T()
	w := randomDense(xt.Cols, benchK, 1)
	dst := mat.NewDense(xt.Rows, benchK, nil)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		MulDense(dst, xt, w, 0)
	}
	reportThroughput(b, xt)
}

// BenchmarkProductAtNonzeros times (W·H) at the non-zeros of X.
func BenchmarkProductAtNonzeros(b *testing.B) {
	x := benchX()
	w := randomDense(x.Rows, benchK, 1)
	ht := randomDense(x.Cols, benchK, 2)
	dst := make([]float64, x.NNZ())
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		ProductAtNonzeros(dst, x, w, ht, 0)
	}
	reportThroughput(b, x)
}

// BenchmarkReadMatrixMarket reads the benchmark matrix, with TF-IDF-like
// values of 16-17 digits, from MatrixMarket text.
func BenchmarkReadMatrixMarket(b *testing.B) {
	x := *benchX()
	x.Val = make([]float64, len(x.Val))
	for i, v := range benchX().Val {
		x.Val[i] = math.Sqrt(v) / 7
	}
	var buf bytes.Buffer
	if err := WriteMatrixMarket(&buf, &x, 0); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(buf.Len()))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := ReadMatrixMarket(bytes.NewReader(buf.Bytes())); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(x.NNZ()), "ns/nnz")
}

// BenchmarkWriteMatrixMarket writes the benchmark matrix as MatrixMarket text.
func BenchmarkWriteMatrixMarket(b *testing.B) {
	x := benchX()
	b.ReportAllocs()
	for range b.N {
		if err := WriteMatrixMarket(io.Discard, x, 0); err != nil {
			b.Fatal(err)
		}
	}
	reportThroughput(b, x)
}
