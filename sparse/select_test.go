package sparse

import (
	"reflect"
	"testing"
)

// TestSelectColumns checks SelectColumns against the entries of the matrix
// read one by one, for subsets, orders and repeats of its columns.
func TestSelectColumns(t *testing.T) {
	// a is
	//	1 0 2 0
	//	0 3 0 4
	//	0 0 0 0
	//	5 6 7 8
	b := NewBuilder(4)
	b.AppendRow([]int32{0, 2}, []float64{1, 2})
	b.AppendRow([]int32{1, 3}, []float64{3, 4})
	b.AppendRow(nil, nil)
	b.AppendRow([]int32{0, 1, 2, 3}, []float64{5, 6, 7, 8})
	a := b.Build()
	for _, tc := range []struct {
		name string
		cols []int
		want CSR
	}{
		{"all", []int{0, 1, 2, 3}, *a},
		{"none", []int{}, CSR{Rows: 4, Cols: 0, RowPtr: []int{0, 0, 0, 0, 0}, ColInd: []int32{}, Val: []float64{}}},
		{"subset", []int{1, 2}, CSR{Rows: 4, Cols: 2, RowPtr: []int{0, 1, 2, 2, 4},
			ColInd: []int32{1, 0, 0, 1}, Val: []float64{2, 3, 6, 7}}},
		{"reversed", []int{3, 2, 1, 0}, CSR{Rows: 4, Cols: 4, RowPtr: []int{0, 2, 4, 4, 8},
			ColInd: []int32{1, 3, 0, 2, 0, 1, 2, 3}, Val: []float64{2, 1, 4, 3, 8, 7, 6, 5}}},
		{"repeated", []int{2, 0, 2}, CSR{Rows: 4, Cols: 3, RowPtr: []int{0, 3, 3, 3, 6},
			ColInd: []int32{0, 1, 2, 0, 1, 2}, Val: []float64{2, 1, 2, 7, 5, 7}}},
		{"empty column only", []int{1}, CSR{Rows: 4, Cols: 1, RowPtr: []int{0, 0, 1, 1, 2},
			ColInd: []int32{0, 0}, Val: []float64{3, 6}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := a.SelectColumns(tc.cols)
			if err := got.Validate(false); err != nil {
				t.Fatal(err)
			}
			if got.Rows != tc.want.Rows || got.Cols != tc.want.Cols || !reflect.DeepEqual(got.RowPtr, tc.want.RowPtr) ||
				!reflect.DeepEqual(got.ColInd, tc.want.ColInd) || !reflect.DeepEqual(got.Val, tc.want.Val) {
				t.Fatalf("got %+v, want %+v", *got, tc.want)
			}
			for i := range a.Rows {
				for p, c := range tc.cols {
					if g, w := got.At(i, p), a.At(i, c); g != w {
						t.Fatalf("(%d, %d) = %v, want a(%d, %d) = %v", i, p, g, i, c, w)
					}
				}
			}
		})
	}
}

// TestSelectColumnsRandom checks a random selection with repeats on a larger
// matrix entry by entry, and that a's transpose selects the same documents
// as rows.
func TestSelectColumnsRandom(t *testing.T) {
	a := randomSparse(40, 90, 0.1, 7)
	cols := []int{89, 3, 3, 50, 0, 17, 88, 3, 42}
	got := a.SelectColumns(cols)
	if err := got.Validate(false); err != nil {
		t.Fatal(err)
	}
	at := a.T()
	for p, c := range cols {
		if _, want := at.Row(c); !reflect.DeepEqual(colValues(got, p), append([]float64(nil), want...)) {
			t.Fatalf("column %d (a's %d) = %v, want %v", p, c, colValues(got, p), want)
		}
	}
}

// colValues returns the stored values of column j of a, by row.
func colValues(a *CSR, j int) []float64 {
	var out []float64
	for i := range a.Rows {
		if v := a.At(i, j); v != 0 {
			out = append(out, v)
		}
	}
	return out
}

// TestSelectColumnsPanics checks that an index out of range panics.
func TestSelectColumnsPanics(t *testing.T) {
	a := &CSR{Rows: 1, Cols: 2, RowPtr: []int{0, 0}}
	for _, cols := range [][]int{{2}, {-1}, {0, 5}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Fatalf("SelectColumns(%v) did not panic", cols)
				}
			}()
			a.SelectColumns(cols)
		}()
	}
}
