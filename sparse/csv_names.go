package sparse

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strings"
)

// CSVNames are the names a dense CSV table gives its rows and columns; a
// slice is nil when the table has none.
type CSVNames struct {
	Rows []string // the first field of each line, with ReadNamedCSV's rowNames
	Cols []string // the header's fields (without the row names' own title)
}

// ReadNamedCSV reads a dense CSV table as ReadDenseCSV does and returns the
// names it gives: the header's fields name the columns, and with rowNames
// the first field of every line names its row (and is not a number of the
// matrix; the header's first field, the row names' title, is dropped).
// The header is recognised as ReadDenseCSV recognises it, from the fields
// after the row names. Errors name lines and columns of the file as
// written.
func (o ReadOptions) ReadNamedCSV(r io.Reader, rowNames bool) (*CSR, CSVNames, error) {
	br := bufio.NewReader(r)
	if b, _ := br.Peek(len(utf8BOM)); string(b) == utf8BOM {
		br.Discard(len(utf8BOM))
	}
	cr := csv.NewReader(br)
	cr.FieldsPerRecord = -1
	cr.TrimLeadingSpace = true
	skip := 0
	if rowNames {
		skip = 1
	}

	// The numbers go on to ReadDenseCSV, one record a line; lines[i] is the
	// file's line of the i-th line it reads.
	pr, pw := io.Pipe()
	type read struct {
		x   *CSR
		err error
	}
	done := make(chan read, 1)
	go func() {
		x, err := o.ReadDenseCSV(pr)
		pr.CloseWithError(errors.New("matrix read")) // stops the writer if the reader gave up early
		done <- read{x, err}
	}()
	var (
		names CSVNames
		lines []int
	)
	werr := func() error {
		cw := csv.NewWriter(pw)
		for first := true; ; first = false {
			rec, err := cr.Read()
			if errors.Is(err, io.EOF) {
				break
			}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return &ParseError{Format: "csv", Line: pe.Line, Err: pe.Err}
			}
			if err != nil {
				return &ParseError{Format: "csv", Err: err}
			}
			line, _ := cr.FieldPos(0)
			if len(rec) <= skip {
				return &ParseError{Format: "csv", Line: line, Err: errors.New("no numbers after the row name")}
			}
			if first && isHeader(rec[skip:]) {
				names.Cols = make([]string, len(rec)-skip)
				for i, f := range rec[skip:] {
					names.Cols[i] = strings.TrimSpace(f)
				}
			} else if rowNames {
				names.Rows = append(names.Rows, strings.TrimSpace(rec[0]))
			}
			lines = append(lines, line)
			if err := cw.Write(rec[skip:]); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	}()
	pw.CloseWithError(werr) // nil: EOF for the reader
	res := <-done
	var pe *ParseError
	switch {
	case errors.As(werr, &pe):
		return nil, CSVNames{}, werr // the file itself is not CSV
	case errors.As(res.err, &pe):
		fixed := *pe
		if pe.Line > 0 && pe.Line <= len(lines) {
			fixed.Line = lines[pe.Line-1]
		}
		if fixed.Column > 0 {
			fixed.Column += skip
		}
		return nil, CSVNames{}, &fixed
	case res.err != nil:
		return nil, CSVNames{}, res.err
	case werr != nil:
		return nil, CSVNames{}, werr
	}
	if names.Rows != nil && len(names.Rows) != res.x.Rows {
		return nil, CSVNames{}, &ParseError{Format: "csv", Err: fmt.Errorf("%d row names for %d rows", len(names.Rows), res.x.Rows)}
	}
	return res.x, names, nil
}
