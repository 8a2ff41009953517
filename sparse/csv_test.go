package sparse

import (
	"errors"
	"io"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestReadDenseCSV(t *testing.T) {
	cases := []struct {
		name, in string
		want     [][]float64
	}{
		{"no header", "1,0,2\n0,0,0\n-3.5,4e2,0\n", [][]float64{{1, 0, 2}, {0, 0, 0}, {-3.5, 400, 0}}},
		{"header", "a,b\n1,2\n3,0\n", [][]float64{{1, 2}, {3, 0}}},
		{"header with one numeric name", "height,2020\n1.5,7\n", [][]float64{{1.5, 7}}},
		{"spaces, quotes, CRLF, no final newline", " 1 , \"2\"\r\n3,4", [][]float64{{1, 2}, {3, 4}}},
		{"one column", "x\n5\n0\n6\n", [][]float64{{5}, {0}, {6}}},
		{"UTF-8 BOM before numbers", "\xef\xbb\xbf1,2,3\n4,5,6\n", [][]float64{{1, 2, 3}, {4, 5, 6}}},
		{"UTF-8 BOM before a header", "\xef\xbb\xbf\"a\",b\n1,2\n", [][]float64{{1, 2}}},
		{"header with an empty name", ",x,y\n0,1,2\n", [][]float64{{0, 1, 2}}},
		{"header with an error-value-like name", "NA,gene\n1,2\n", [][]float64{{1, 2}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := ReadDenseCSV(strings.NewReader(c.in))
			if err != nil {
				t.Fatal(err)
			}
			if err := a.Validate(false); err != nil {
				t.Fatal(err)
			}
			want := mat.NewDense(len(c.want), len(c.want[0]), nil)
			for i, row := range c.want {
				want.SetRow(i, row)
			}
			if a.Rows != len(c.want) || a.Cols != len(c.want[0]) || !mat.Equal(dense(a), want) {
				t.Fatalf("got %d × %d\n%v\nwant\n%v", a.Rows, a.Cols, mat.Formatted(dense(a)), mat.Formatted(want))
			}
			for _, v := range a.Val {
				if v == 0 {
					t.Fatal("a zero is stored")
				}
			}
		})
	}
}

func TestReadDenseCSVErrors(t *testing.T) {
	cases := []struct{ name, in, want string }{
		{"empty", "", "no rows of numbers"},
		{"header only", "a,b,c\n", "no rows of numbers"},
		{"bad value", "a,b\n1,2\n3,x\n", `csv line 3, column 2: bad number "x" in column "b"`},
		{"trailing comma", "1,2\n3,4\n5,6,\n", "csv line 3: 3 fields, want 2"},
		{"empty field", "1,2\n,4\n", `csv line 2, column 1: bad number ""`},
		{"NaN", "1,2\n3,NaN\n", `csv line 2, column 2: bad number "NaN"`},
		{"Inf in first row", "1,Inf\n", `csv line 1, column 2: bad number "Inf"`},
		{"#N/A in first row", "1,#N/A\n2,3\n", `csv line 1, column 2: bad number "#N/A"`},
		{"empty cell in first row", "1,,3\n4,5,6\n", `csv line 1, column 2: bad number ""`},
		{"NA in first row", "na,2\n3,4\n", `csv line 1, column 1: bad number "na"`},
		{"#DIV/0! after a BOM", "\xef\xbb\xbf#DIV/0!,2\n", `csv line 1, column 1: bad number "#DIV/0!"`},
		{"short row", "a,b,c\n1,2,3\n4,5\n", "csv line 3: 2 fields, want 3"},
		{"long row", "1,2\n3,4,5\n", "csv line 2: 3 fields, want 2"},
		{"bare quote", "1,2\n3,\"4\n", "csv line 2: extraneous or missing \" in quoted-field"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadDenseCSV(strings.NewReader(c.in))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}

// TestReadErrorPositions checks that both readers' errors are *ParseError
// with the position as fields, not only in the text.
func TestReadErrorPositions(t *testing.T) {
	cases := []struct {
		name, in     string
		read         func(io.Reader) (*CSR, error)
		line, column int
	}{
		{"csv bad number", "1,2\n3,x\n", ReadDenseCSV, 2, 2},
		{"csv short row", "1,2\n3\n", ReadDenseCSV, 2, 0},
		{"csv empty", "", ReadDenseCSV, 0, 0},
		{"matrix market bad value", "%%MatrixMarket matrix coordinate real general\n% c\n2 2 1\n1 1 x\n", ReadMatrixMarket, 4, 0},
		{"matrix market empty", "", ReadMatrixMarket, 0, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := c.read(strings.NewReader(c.in))
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("error %v (%T) is not a *ParseError", err, err)
			}
			if pe.Line != c.line || pe.Column != c.column || pe.Err == nil {
				t.Errorf("line %d, column %d, err %v; want line %d, column %d", pe.Line, pe.Column, pe.Err, c.line, c.column)
			}
		})
	}
}
