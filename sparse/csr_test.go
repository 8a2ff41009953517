package sparse

import (
	"math"
	"reflect"
	"strings"
	"testing"
)

func TestBuilder(t *testing.T) {
	type row struct {
		cols []int32
		vals []float64
	}
	cases := []struct {
		name string
		cols int
		rows []row
		want CSR
	}{
		{"empty", 3, nil, CSR{Rows: 0, Cols: 3, RowPtr: []int{0}}},
		{"empty rows", 2, []row{{}, {}}, CSR{Rows: 2, Cols: 2, RowPtr: []int{0, 0, 0}}},
		{"unsorted", 5, []row{{[]int32{4, 0, 2}, []float64{4, 1, 3}}},
			CSR{Rows: 1, Cols: 5, RowPtr: []int{0, 3}, ColInd: []int32{0, 2, 4}, Val: []float64{1, 3, 4}}},
		{"duplicates summed", 4, []row{{[]int32{3, 1, 3, 1, 3}, []float64{1, 2, 3, 4, 5}}},
			CSR{Rows: 1, Cols: 4, RowPtr: []int{0, 2}, ColInd: []int32{1, 3}, Val: []float64{6, 9}}},
		{"zeros dropped", 4, []row{{[]int32{2, 1, 0}, []float64{0, -1, 0}}, {[]int32{3}, []float64{0}}},
			CSR{Rows: 2, Cols: 4, RowPtr: []int{0, 1, 1}, ColInd: []int32{1}, Val: []float64{-1}}},
		{"several rows", 3, []row{{[]int32{2}, []float64{1}}, {}, {[]int32{1, 0}, []float64{2, 3}}},
			CSR{Rows: 3, Cols: 3, RowPtr: []int{0, 1, 1, 3}, ColInd: []int32{2, 0, 1}, Val: []float64{1, 3, 2}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			b := NewBuilder(c.cols)
			for _, r := range c.rows {
				b.AppendRow(r.cols, r.vals)
			}
			got := b.Build()
			if got.Rows != c.want.Rows || got.Cols != c.want.Cols || !reflect.DeepEqual(got.RowPtr, c.want.RowPtr) ||
				len(got.Val) != len(c.want.Val) || (len(got.Val) > 0 && (!reflect.DeepEqual(got.ColInd, c.want.ColInd) || !reflect.DeepEqual(got.Val, c.want.Val))) {
				t.Fatalf("got %+v, want %+v", *got, c.want)
			}
			if err := got.Validate(false); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func TestBuilderPanics(t *testing.T) {
	for name, f := range map[string]func(b *Builder){
		"length mismatch": func(b *Builder) { b.AppendRow([]int32{0}, nil) },
		"column too big":  func(b *Builder) { b.AppendRow([]int32{3}, []float64{1}) },
		"negative column": func(b *Builder) { b.AppendRow([]int32{-1}, []float64{1}) },
	} {
		t.Run(name, func(t *testing.T) {
			defer func() {
				if recover() == nil {
					t.Fatal("no panic")
				}
			}()
			f(NewBuilder(3))
		})
	}
}

func TestTransposeAndAt(t *testing.T) {
	a := randomSparse(37, 23, 0.2, 11)
	d := dense(a)
	at := a.T()
	if err := at.Validate(true); err != nil {
		t.Fatal(err)
	}
	if at.Rows != a.Cols || at.Cols != a.Rows || at.NNZ() != a.NNZ() {
		t.Fatalf("transpose is %d × %d with %d entries", at.Rows, at.Cols, at.NNZ())
	}
	for i := range a.Rows {
		for j := range a.Cols {
			if a.At(i, j) != d.At(i, j) || at.At(j, i) != d.At(i, j) {
				t.Fatalf("(%d, %d): At %v, transpose %v, want %v", i, j, a.At(i, j), at.At(j, i), d.At(i, j))
			}
		}
	}
	if !reflect.DeepEqual(at.T(), a) {
		t.Fatal("transposing twice does not give the matrix back")
	}
}

func TestAtOutOfRangePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("no panic")
		}
	}()
	randomSparse(2, 2, 1, 1).At(2, 0)
}

func TestValidate(t *testing.T) {
	good := func() *CSR {
		return &CSR{Rows: 2, Cols: 3, RowPtr: []int{0, 2, 3}, ColInd: []int32{0, 2, 1}, Val: []float64{1, 2, 3}}
	}
	cases := []struct {
		name        string
		edit        func(a *CSR)
		nonNegative bool
		want        string // "" for no error
	}{
		{"good", func(*CSR) {}, true, ""},
		{"negative allowed", func(a *CSR) { a.Val[1] = -2 }, false, ""},
		{"negative", func(a *CSR) { a.Val[1] = -2 }, true, "entry (0, 2) is negative"},
		{"NaN", func(a *CSR) { a.Val[2] = math.NaN() }, false, "entry (1, 1) is NaN"},
		{"Inf", func(a *CSR) { a.Val[0] = math.Inf(1) }, false, "entry (0, 0) is +Inf"},
		{"unsorted", func(a *CSR) { a.ColInd[0], a.ColInd[1] = 2, 0 }, false, "row 0: column index 0 out of order"},
		{"repeated column", func(a *CSR) { a.ColInd[1] = 0 }, false, "row 0: column index 0 out of order"},
		{"column out of range", func(a *CSR) { a.ColInd[2] = 3 }, false, "row 1: column index 3"},
		{"short RowPtr", func(a *CSR) { a.RowPtr = a.RowPtr[:2] }, false, "malformed"},
		{"RowPtr end", func(a *CSR) { a.RowPtr[2] = 2 }, false, "malformed"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := good()
			c.edit(a)
			err := a.Validate(c.nonNegative)
			if c.want == "" {
				if err != nil {
					t.Fatalf("unexpected error %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}
