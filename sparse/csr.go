// Package sparse holds the compressed sparse row (CSR) matrix that carries a
// corpus (X, terms × documents), a builder for it, and the parallel kernels
// that the factorization needs: CSR × dense, CSRᵀ × dense (through the stored
// transpose) and the product W·H evaluated only at the non-zeros; column
// (document) selection; and the readers and writers that move matrices in
// and out (MatrixMarket, dense CSV).
package sparse

import (
	"fmt"
	"math"
)

// CSR is a sparse matrix in compressed sparse row form: the non-zeros of row
// i are ColInd[RowPtr[i]:RowPtr[i+1]] with values Val[RowPtr[i]:RowPtr[i+1]],
// columns strictly increasing within a row.
type CSR struct {
	Rows, Cols int
	RowPtr     []int
	ColInd     []int32
	Val        []float64
}

// Dims returns the number of rows and columns.
func (a *CSR) Dims() (rows, cols int) { return a.Rows, a.Cols }

// NNZ returns the number of stored entries.
func (a *CSR) NNZ() int { return len(a.Val) }

// At returns the entry at row i, column j (zero when it is not stored).
func (a *CSR) At(i, j int) float64 {
	if i < 0 || i >= a.Rows || j < 0 || j >= a.Cols {
		panic(fmt.Sprintf("sparse: index (%d, %d) out of range for %d × %d", i, j, a.Rows, a.Cols))
	}
	lo, hi := a.RowPtr[i], a.RowPtr[i+1]
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		switch c := int(a.ColInd[mid]); {
		case c < j:
			lo = mid + 1
		case c > j:
			hi = mid
		default:
			return a.Val[mid]
		}
	}
	return 0
}

// Row returns the column indices and values of row i; the slices alias the matrix.
func (a *CSR) Row(i int) ([]int32, []float64) {
	lo, hi := a.RowPtr[i], a.RowPtr[i+1]
	return a.ColInd[lo:hi], a.Val[lo:hi]
}

// T returns the transpose as a new CSR matrix (equivalently, the CSC form of a).
func (a *CSR) T() *CSR {
	t := &CSR{
		Rows:   a.Cols,
		Cols:   a.Rows,
		RowPtr: make([]int, a.Cols+1),
		ColInd: make([]int32, len(a.ColInd)),
		Val:    make([]float64, len(a.Val)),
	}
	for _, c := range a.ColInd {
		t.RowPtr[c+1]++
	}
	for j := 0; j < a.Cols; j++ {
		t.RowPtr[j+1] += t.RowPtr[j]
	}
	next := make([]int, a.Cols)
	copy(next, t.RowPtr[:a.Cols])
	for i := 0; i < a.Rows; i++ {
		for p := a.RowPtr[i]; p < a.RowPtr[i+1]; p++ {
			c := a.ColInd[p]
			q := next[c]
			t.ColInd[q] = int32(i)
			t.Val[q] = a.Val[p]
			next[c]++
		}
	}
	return t
}

// Validate checks the structure (pointers, sorted in-range column indices)
// and reports the first entry that is NaN, infinite or negative when
// nonNegative is set, naming its row and column.
func (a *CSR) Validate(nonNegative bool) error {
	if len(a.RowPtr) != a.Rows+1 || a.RowPtr[0] != 0 || a.RowPtr[a.Rows] != len(a.Val) || len(a.ColInd) != len(a.Val) {
		return fmt.Errorf("sparse: malformed %d × %d CSR matrix", a.Rows, a.Cols)
	}
	for i := 0; i < a.Rows; i++ {
		prev := int32(-1)
		for p := a.RowPtr[i]; p < a.RowPtr[i+1]; p++ {
			c, v := a.ColInd[p], a.Val[p]
			if c <= prev || int(c) >= a.Cols {
				return fmt.Errorf("sparse: row %d: column index %d out of order or range", i, c)
			}
			prev = c
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("sparse: entry (%d, %d) is %v", i, c, v)
			}
			if nonNegative && v < 0 {
				return fmt.Errorf("sparse: entry (%d, %d) is negative (%v)", i, c, v)
			}
		}
	}
	return nil
}
