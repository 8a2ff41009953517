package sparse

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// ReadDenseCSV reads a dense table of numbers, comma-separated and one row of
// the matrix a line, into a CSR matrix with the zeros dropped, so that
// images or gene-expression tables can be factored like a corpus. A first
// line with any field that is not a number is taken as a header; every line
// must have as many fields as the first, and errors are *ParseError naming
// the line and column.
func ReadDenseCSV(r io.Reader) (*CSR, error) {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1 // checked here, to name the line
	cr.ReuseRecord = true
	cr.TrimLeadingSpace = true
	var (
		b      *Builder
		header []string
		cols   []int32
		vals   []float64
	)
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, &ParseError{Format: "csv", Line: pe.Line, Err: pe.Err} // pe.Column counts bytes, not fields
		}
		if err != nil {
			return nil, &ParseError{Format: "csv", Err: err}
		}
		line, _ := cr.FieldPos(0)
		if b == nil {
			b = NewBuilder(len(rec))
			if isHeader(rec) {
				header = make([]string, len(rec))
				for i, f := range rec {
					header[i] = strings.TrimSpace(f)
				}
				continue
			}
		}
		if len(rec) != b.m.Cols {
			return nil, &ParseError{Format: "csv", Line: line, Err: fmt.Errorf("%d fields, want %d", len(rec), b.m.Cols)}
		}
		cols, vals = cols[:0], vals[:0]
		for j, f := range rec {
			v, err := strconv.ParseFloat(strings.TrimSpace(f), 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				err := fmt.Errorf("bad number %q", f)
				if header != nil {
					err = fmt.Errorf("bad number %q in column %q", f, header[j])
				}
				return nil, &ParseError{Format: "csv", Line: line, Column: j + 1, Err: err}
			}
			if v != 0 {
				cols, vals = append(cols, int32(j)), append(vals, v)
			}
		}
		b.AppendRow(cols, vals)
	}
	if b == nil || b.m.Rows == 0 {
		return nil, &ParseError{Format: "csv", Err: errors.New("no rows of numbers")}
	}
	return b.Build(), nil
}

// isHeader reports whether any field of a first line is not a number.
func isHeader(rec []string) bool {
	for _, f := range rec {
		if _, err := strconv.ParseFloat(strings.TrimSpace(f), 64); err != nil {
			return true
		}
	}
	return false
}
