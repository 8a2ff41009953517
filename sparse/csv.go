package sparse

import (
	"bufio"
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
// images or gene-expression tables can be factored like a corpus. A leading
// UTF-8 byte-order mark is passed over. The first line is a header when one
// of its fields is neither a number nor an error value (empty, NA, N/A,
// NULL, NaN, Inf or a spreadsheet code such as #N/A or #DIV/0!), so that a
// bad cell in the first row is an error as it is in any other. Every line
// must have as many fields as the first (a longer or a shorter one is an
// error), and errors are *ParseError naming the line and column. It accepts
// any finite value; ReadOptions.ReadDenseCSV can refuse negative ones.
func ReadDenseCSV(r io.Reader) (*CSR, error) {
	return ReadOptions{}.ReadDenseCSV(r)
}

// ReadDenseCSV reads a dense CSV table as the function of that name does,
// applying the options.
func (o ReadOptions) ReadDenseCSV(r io.Reader) (*CSR, error) {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(len(utf8BOM)); string(b) == utf8BOM {
		br.Discard(len(utf8BOM))
	}
	cr := csv.NewReader(br)
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
			if o.NonNegative && v < 0 {
				return nil, &ParseError{Format: "csv", Line: line, Column: j + 1, Err: fmt.Errorf("entry (%d, %d) is negative (%v)", b.m.Rows+1, j+1, v)}
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

// utf8BOM is the UTF-8 byte-order mark some tools write at the start of a CSV file.
const utf8BOM = "\uFEFF"

// isHeader reports whether a first line is a header: a field of it is
// neither a number nor an error value.
func isHeader(rec []string) bool {
	for _, f := range rec {
		f = strings.TrimSpace(f)
		if _, err := strconv.ParseFloat(f, 64); err != nil && !isErrorValue(f) {
			return true
		}
	}
	return false
}

// isErrorValue reports whether a field that is not a number is how a
// spreadsheet or a statistics tool writes a missing or failed one.
func isErrorValue(f string) bool {
	if f == "" || f[0] == '#' {
		return true
	}
	for _, v := range []string{"NA", "N/A", "NULL"} {
		if strings.EqualFold(f, v) {
			return true
		}
	}
	return false
}
