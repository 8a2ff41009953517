package sparse

import (
	"fmt"
	"slices"
)

// SelectColumns returns the sub-matrix of a made of the columns cols, in
// that order: column p of the result is column cols[p] of a. A column may be
// named more than once (a bootstrap sample) and the result has len(cols)
// columns and all of a's rows; stored zeros are kept as stored. For X (terms
// × documents) it is the matrix of a subset of the documents. It panics on
// an index out of range, as a mistake of the caller.
func (a *CSR) SelectColumns(cols []int) *CSR {
	// next[c]…next[c+1] are the positions in the result of column c of a,
	// ascending.
	next := make([]int, a.Cols+1)
	for _, c := range cols {
		if c < 0 || c >= a.Cols {
			panic(fmt.Sprintf("sparse: SelectColumns: column %d out of range [0, %d)", c, a.Cols))
		}
		next[c+1]++
	}
	for c := range a.Cols {
		next[c+1] += next[c]
	}
	pos := make([]int32, len(cols))
	fill := slices.Clone(next[:a.Cols])
	increasing := true
	for p, c := range cols {
		pos[fill[c]] = int32(p)
		fill[c]++
		if p > 0 && c <= cols[p-1] {
			increasing = false
		}
	}
	nnz := 0
	for _, c := range a.ColInd {
		nnz += next[c+1] - next[c]
	}
	out := &CSR{Rows: a.Rows, Cols: len(cols), RowPtr: make([]int, a.Rows+1),
		ColInd: make([]int32, 0, nnz), Val: make([]float64, 0, nnz)}
	var row []entry
	for i := range a.Rows {
		start := len(out.ColInd)
		cs, vs := a.Row(i)
		for q, c := range cs {
			for _, p := range pos[next[c]:next[c+1]] {
				out.ColInd = append(out.ColInd, p)
				out.Val = append(out.Val, vs[q])
			}
		}
		if !increasing {
			row = sortRow(row[:0], out.ColInd[start:], out.Val[start:])
		}
		out.RowPtr[i+1] = len(out.ColInd)
	}
	return out
}

// entry is one stored entry of a row, for sorting.
type entry struct {
	col int32
	val float64
}

// sortRow sorts the parallel slices cols and vals by column, using buf as
// scratch, and returns buf for reuse.
func sortRow(buf []entry, cols []int32, vals []float64) []entry {
	for q, c := range cols {
		buf = append(buf, entry{c, vals[q]})
	}
	slices.SortFunc(buf, func(x, y entry) int { return int(x.col) - int(y.col) })
	for q, e := range buf {
		cols[q], vals[q] = e.col, e.val
	}
	return buf
}
