package corpus

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// readCSV reads a CSV file with a header row naming its columns; a row that
// does not parse or lacks the text column is reported as a bad record.
func (r *run) readCSV(file string) error {
	f, err := os.Open(file)
	if err != nil {
		return inputError(file, "cannot open: %v", err)
	}
	defer f.Close()
	cr := csv.NewReader(bufio.NewReaderSize(f, 64<<10))
	cr.LazyQuotes = true
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err != nil {
		return inputError(file, "no CSV header row: %v", err)
	}
	col := map[string]int{}
	for i, name := range header {
		name = strings.TrimSpace(strings.TrimPrefix(name, "\uFEFF"))
		if _, dup := col[name]; !dup {
			col[name] = i
		}
	}
	text, ok := col[r.opts.TextField]
	if !ok {
		return inputError(file, "no column %q in the CSV header %q", r.opts.TextField, header)
	}
	field := func(row []string, name string) string {
		if i, ok := col[name]; ok && i < len(row) {
			return row[i]
		}
		return ""
	}
	for {
		row, err := cr.Read()
		if err == io.EOF {
			return nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			r.problem(fmt.Sprintf("%s:%d", file, pe.StartLine), ReasonBadRecord, err)
			continue
		}
		if err != nil {
			return &ReadError{Path: file, Err: err}
		}
		line, _ := cr.FieldPos(0)
		if text >= len(row) {
			r.problem(fmt.Sprintf("%s:%d", file, line), ReasonBadRecord,
				fmt.Errorf("%d fields, no column %q", len(row), r.opts.TextField))
			continue
		}
		rec := record{text: row[text], id: field(row, r.opts.IDField), label: field(row, r.opts.LabelField), date: field(row, r.opts.DateField)}
		if err := r.emitRecord(file, line, rec, false); err != nil {
			return err
		}
	}
}
