package sparse

import (
	"fmt"
	"slices"
	"sort"
)

// Builder assembles a CSR matrix one row at a time, so that a corpus can be
// turned into a matrix while it streams by.
type Builder struct {
	m CSR
}

// NewBuilder returns a builder for a matrix with cols columns.
func NewBuilder(cols int) *Builder {
	return &Builder{m: CSR{Cols: cols, RowPtr: []int{0}}}
}

// newBuilderCap returns a builder with room for nnz entries.
func newBuilderCap(cols, nnz int) *Builder {
	b := NewBuilder(cols)
	b.m.ColInd, b.m.Val = make([]int32, 0, nnz), make([]float64, 0, nnz)
	return b
}

// AppendRow adds the next row from parallel slices of column indices and
// values, in any order; zeros are dropped and repeated columns are summed.
func (b *Builder) AppendRow(cols []int32, vals []float64) {
	if len(cols) != len(vals) {
		panic(fmt.Sprintf("sparse: AppendRow with %d columns and %d values", len(cols), len(vals)))
	}
	start := len(b.m.ColInd)
	for i, c := range cols {
		if c < 0 || int(c) >= b.m.Cols {
			panic(fmt.Sprintf("sparse: column %d out of range [0, %d)", c, b.m.Cols))
		}
		if vals[i] != 0 {
			b.m.ColInd = append(b.m.ColInd, c)
			b.m.Val = append(b.m.Val, vals[i])
		}
	}
	row := rowEntries{b.m.ColInd[start:], b.m.Val[start:]}
	if !slices.IsSorted(row.cols) {
		sort.Sort(row)
	}
	// Sum repeated columns in place.
	w := start
	for r := start; r < len(b.m.ColInd); r++ {
		if w > start && b.m.ColInd[w-1] == b.m.ColInd[r] {
			b.m.Val[w-1] += b.m.Val[r]
			continue
		}
		b.m.ColInd[w], b.m.Val[w] = b.m.ColInd[r], b.m.Val[r]
		w++
	}
	b.m.ColInd, b.m.Val = b.m.ColInd[:w], b.m.Val[:w]
	b.m.RowPtr = append(b.m.RowPtr, w)
	b.m.Rows++
}

// Build returns the matrix built so far; the builder must not be used afterwards.
func (b *Builder) Build() *CSR {
	m := b.m
	b.m = CSR{}
	return &m
}

type rowEntries struct {
	cols []int32
	vals []float64
}

func (r rowEntries) Len() int           { return len(r.cols) }
func (r rowEntries) Less(i, j int) bool { return r.cols[i] < r.cols[j] }
func (r rowEntries) Swap(i, j int) {
	r.cols[i], r.cols[j] = r.cols[j], r.cols[i]
	r.vals[i], r.vals[j] = r.vals[j], r.vals[i]
}
