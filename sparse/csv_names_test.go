package sparse

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestReadNamedCSV(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		rowNames bool
		rows     []string
		cols     []string
		dense    [][]float64
	}{
		{"header", "a,b,c\n1,0,2\n0,3,0\n", false, nil, []string{"a", "b", "c"}, [][]float64{{1, 0, 2}, {0, 3, 0}}},
		{"no header", "1,0\n0,3\n", false, nil, nil, [][]float64{{1, 0}, {0, 3}}},
		{"row names and header", "\ufeffgene, s1, s2\nTP53,1,0\n\nBRCA1, 0,2.5\n", true, []string{"TP53", "BRCA1"}, []string{"s1", "s2"}, [][]float64{{1, 0}, {0, 2.5}}},
		{"row names, no header", "g1,1,2\ng2,3,4\n", true, []string{"g1", "g2"}, nil, [][]float64{{1, 2}, {3, 4}}},
		{"quoted names", "\"name, full\",x\n\"a \"\"b\"\"\",7\n", true, []string{`a "b"`}, []string{"x"}, [][]float64{{7}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x, names, err := ReadOptions{NonNegative: true}.ReadNamedCSV(strings.NewReader(tc.in), tc.rowNames)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(names.Rows, tc.rows) || !reflect.DeepEqual(names.Cols, tc.cols) {
				t.Errorf("names %q, %q; want %q, %q", names.Rows, names.Cols, tc.rows, tc.cols)
			}
			if got := denseOf(x); !reflect.DeepEqual(got, tc.dense) {
				t.Errorf("matrix %v, want %v", got, tc.dense)
			}
		})
	}
}

func TestReadNamedCSVErrors(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		rowNames bool
		want     string // the error, as printed
	}{
		// Lines and columns are the file's: the blank line and the row names count.
		{"bad number", "gene,a,b\ng1,1,2\n\ng2,1,x\n", true, `csv line 4, column 3: bad number "x" in column "b"`},
		{"negative", "g1,1,-2\n", true, "csv line 1, column 3: entry (1, 2) is negative (-2)"},
		{"short line", "a,b\n1,2\n3\n", false, "csv line 3: 1 fields, want 2"},
		{"name only", "g1,1\ng2\n", true, "csv line 2: no numbers after the row name"},
		{"bad quoting", "a,b\n1,\"2\n", false, "csv line 2"},
		{"nothing", "", true, "csv: no rows of numbers"},
	}
	for _, tc := range tests {
		_, _, err := ReadOptions{NonNegative: true}.ReadNamedCSV(strings.NewReader(tc.in), tc.rowNames)
		var pe *ParseError
		if !errors.As(err, &pe) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want a ParseError with %q", tc.name, err, tc.want)
		}
	}
}

// denseOf returns x's entries as rows of numbers.
func denseOf(x *CSR) [][]float64 {
	out := make([][]float64, x.Rows)
	for i := range out {
		out[i] = make([]float64, x.Cols)
		cols, vals := x.Row(i)
		for p, j := range cols {
			out[i][j] = vals[p]
		}
	}
	return out
}
