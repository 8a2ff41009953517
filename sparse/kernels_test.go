package sparse

import (
	"fmt"
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// dense returns a as a gonum dense matrix, the reference for the kernels.
func dense(a *CSR) *mat.Dense {
	d := mat.NewDense(max(a.Rows, 1), max(a.Cols, 1), nil)
	for i := range a.Rows {
		cols, vals := a.Row(i)
		for p, c := range cols {
			d.Set(i, int(c), vals[p])
		}
	}
	return d
}

// parallelAlways makes every kernel call in the test use goroutines.
func parallelAlways(t *testing.T) {
	old := minParallelWork
	minParallelWork = 0
	t.Cleanup(func() { minParallelWork = old })
}

var kernelShapes = []struct{ rows, cols int }{{1, 1}, {7, 3}, {40, 60}, {123, 45}}

// kernelCases runs f for each shape, k and worker count, with a random
// sparse matrix that has empty rows and columns.
func kernelCases(t *testing.T, f func(t *testing.T, a *CSR, k, workers int)) {
	parallelAlways(t)
	for si, s := range kernelShapes {
		a := randomSparse(s.rows, s.cols, 0.3, uint64(si))
		for _, k := range []int{1, 3, 17, 20} {
			for _, w := range []int{1, 2, 7, 0} {
				t.Run(fmt.Sprintf("%dx%d/k=%d/w=%d", s.rows, s.cols, k, w), func(t *testing.T) { f(t, a, k, w) })
			}
		}
	}
}

func closeTo(got, want float64) bool {
	return math.Abs(got-want) <= 1e-12*(1+math.Abs(want))
}

func TestMulDense(t *testing.T) {
	kernelCases(t, func(t *testing.T, a *CSR, k, workers int) {
		b := randomDense(a.Cols, k, 7)
		var want mat.Dense
		want.Mul(dense(a), b)
		got := mat.NewDense(a.Rows, k, nil)
		got.Apply(func(_, _ int, _ float64) float64 { return math.NaN() }, got) // must be overwritten
		MulDense(got, a, b, workers)
		if !mat.EqualApprox(got, &want, 1e-12) {
			t.Fatalf("MulDense differs from the dense product:\n%v\nwant\n%v", mat.Formatted(got), mat.Formatted(&want))
		}
		// Aᵀ·c through the stored transpose.
		c := randomDense(a.Rows, k, 8)
		var wantT mat.Dense
		wantT.Mul(dense(a).T(), c)
		gotT := mat.NewDense(a.Cols, k, nil)
		MulDense(gotT, a.T(), c, workers)
		if !mat.EqualApprox(gotT, &wantT, 1e-12) {
			t.Fatalf("MulDense on the transpose differs from Aᵀ·c")
		}
	})
}

func TestProductAtNonzeros(t *testing.T) {
	kernelCases(t, func(t *testing.T, a *CSR, k, workers int) {
		w, ht := randomDense(a.Rows, k, 9), randomDense(a.Cols, k, 10)
		var wh mat.Dense
		wh.Mul(w, ht.T())
		got := make([]float64, a.NNZ())
		ProductAtNonzeros(got, a, w, ht, workers)
		for i := range a.Rows {
			for p := a.RowPtr[i]; p < a.RowPtr[i+1]; p++ {
				if want := wh.At(i, int(a.ColInd[p])); !closeTo(got[p], want) {
					t.Fatalf("entry (%d, %d) = %v, want %v", i, a.ColInd[p], got[p], want)
				}
			}
		}
	})
}

// TestKernelsSameForAnyWorkers checks that the worker count does not change a
// single bit of the result, on a matrix with text-like skewed rows.
func TestKernelsSameForAnyWorkers(t *testing.T) {
	parallelAlways(t)
	a := textLike(300, 500, 40, 1)
	for _, k := range []int{1, 3, 17, 20} {
		b := randomDense(a.Cols, k, 1)
		w := randomDense(a.Rows, k, 2)
		var mul1 *mat.Dense
		var dot1 []float64
		for _, workers := range []int{1, 2, 7} {
			mul := mat.NewDense(a.Rows, k, nil)
			MulDense(mul, a, b, workers)
			dot := make([]float64, a.NNZ())
			ProductAtNonzeros(dot, a, w, b, workers)
			if mul1 == nil {
				mul1, dot1 = mul, dot
				continue
			}
			if !mat.Equal(mul, mul1) || !slices.Equal(dot, dot1) {
				t.Fatalf("k=%d: %d workers give a different result from 1", k, workers)
			}
		}
	}
}

// TestMulDenseStride checks views whose stride is wider than k.
func TestMulDenseStride(t *testing.T) {
	a := randomSparse(20, 30, 0.4, 3)
	big := randomDense(a.Cols, 9, 4)
	b := big.Slice(0, a.Cols, 2, 7).(*mat.Dense)
	dstBig := mat.NewDense(a.Rows, 8, nil)
	dst := dstBig.Slice(0, a.Rows, 1, 6).(*mat.Dense)
	MulDense(dst, a, b, 2)
	var want mat.Dense
	want.Mul(dense(a), b)
	if !mat.EqualApprox(dst, &want, 1e-12) {
		t.Fatal("MulDense on strided views differs from the dense product")
	}
	if dstBig.At(3, 0) != 0 || dstBig.At(3, 6) != 0 {
		t.Fatal("MulDense wrote outside the destination view")
	}
}

func TestKernelShapePanics(t *testing.T) {
	a := randomSparse(4, 5, 0.5, 1)
	cases := map[string]func(){
		"MulDense b rows":   func() { MulDense(mat.NewDense(4, 2, nil), a, mat.NewDense(4, 2, nil), 1) },
		"MulDense dst cols": func() { MulDense(mat.NewDense(4, 3, nil), a, mat.NewDense(5, 2, nil), 1) },
		"Product dst length": func() {
			ProductAtNonzeros(make([]float64, a.NNZ()+1), a, mat.NewDense(4, 2, nil), mat.NewDense(5, 2, nil), 1)
		},
		"Product Ht rows": func() {
			ProductAtNonzeros(make([]float64, a.NNZ()), a, mat.NewDense(4, 2, nil), mat.NewDense(4, 2, nil), 1)
		},
		"Product k mismatch": func() {
			ProductAtNonzeros(make([]float64, a.NNZ()), a, mat.NewDense(4, 2, nil), mat.NewDense(5, 3, nil), 1)
		},
	}
	for name, f := range cases {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Fatal("no panic on a shape mismatch")
				}
			}()
			f()
		})
	}
}

// TestBlocksCoverRows checks that the row blocks tile the rows in order and
// that no block holds much more than its share of the cost.
func TestBlocksCoverRows(t *testing.T) {
	a := textLike(2000, 300, 30, 5)
	total := a.NNZ() + a.Rows
	longest := 0
	for i := range a.Rows {
		longest = max(longest, a.RowPtr[i+1]-a.RowPtr[i]+1)
	}
	for _, n := range []int{1, 2, 7, 16} {
		prev := 0
		for c := range n {
			lo, hi := blockStart(a, n, c), blockStart(a, n, c+1)
			if lo != prev || hi < lo {
				t.Fatalf("n=%d: block %d is [%d, %d) after %d", n, c, lo, hi, prev)
			}
			if cost := a.RowPtr[hi] + hi - a.RowPtr[lo] - lo; cost > total/n+longest {
				t.Errorf("n=%d: block %d costs %d, share %d", n, c, cost, total/n)
			}
			prev = hi
		}
		if prev != a.Rows {
			t.Fatalf("n=%d: blocks end at row %d of %d", n, prev, a.Rows)
		}
	}
}
