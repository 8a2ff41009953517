package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/topicmill/topicmill/internal/atomicfile"
)

// The tables topicmill factor writes beside W and H, each as Parquet and
// as CSV (the same columns, a header line, numbers in Go's shortest
// round-trip form); the Parquet footer holds the factorization's settings.
//
//	assignments.parquet / .csv   one row per column of the matrix, in order
//	  column        INT32   0-based column of the matrix
//	  name          STRING  the column's name from the CSV header ("" without one)
//	  factor        INT32   the column's factor: argmax of its column of H, W's columns at unit norm; -1 for a zero column
//	  weight        DOUBLE  that entry of H (rescaled)
//	  confidence    DOUBLE  its share of the column's rescaled H
//	  second_factor INT32   the runner-up factor; -1 when there is none
//
//	top_rows.parquet / .csv      one row per (factor, rank): a factor's heaviest rows
//	  factor        INT32
//	  rank          INT32   0 = the factor's heaviest row
//	  row           INT32   0-based row of the matrix
//	  name          STRING  the row's name (--row-names; "" without)
//	  weight        DOUBLE  the row's weight in the factor (W's column at unit norm)

// FactorAssignmentRow is one row of the assignments table of topicmill
// factor: a column of the matrix and its factor.
type FactorAssignmentRow struct {
	Column       int32   `parquet:"column"`
	Name         string  `parquet:"name"`
	Factor       int32   `parquet:"factor"`
	Weight       float64 `parquet:"weight"`
	Confidence   float64 `parquet:"confidence"`
	SecondFactor int32   `parquet:"second_factor"`
}

// TopRowRow is one row of top_rows: one of a factor's heaviest rows.
type TopRowRow struct {
	Factor int32   `parquet:"factor"`
	Rank   int32   `parquet:"rank"`
	Row    int32   `parquet:"row"`
	Name   string  `parquet:"name"`
	Weight float64 `parquet:"weight"`
}

// WriteFactorAssignments writes the assignments of topicmill factor as
// Parquet, atomically.
func WriteFactorAssignments(path string, rows []FactorAssignmentRow, meta Meta) error {
	return writeTable(path, rows, meta)
}

// WriteTopRows writes the top rows of topicmill factor as Parquet,
// atomically.
func WriteTopRows(path string, rows []TopRowRow, meta Meta) error {
	return writeTable(path, rows, meta)
}

// WriteFactorAssignmentsCSV writes the assignments of topicmill factor as
// CSV, atomically.
func WriteFactorAssignmentsCSV(path string, rows []FactorAssignmentRow) error {
	return writeCSV(path, []string{"column", "name", "factor", "weight", "confidence", "second_factor"}, len(rows), func(i int, rec []string) []string {
		r := rows[i]
		return append(rec, csvInt(r.Column), r.Name, csvInt(r.Factor), csvFloat(r.Weight), csvFloat(r.Confidence), csvInt(r.SecondFactor))
	})
}

// WriteTopRowsCSV writes the top rows of topicmill factor as CSV,
// atomically.
func WriteTopRowsCSV(path string, rows []TopRowRow) error {
	return writeCSV(path, []string{"factor", "rank", "row", "name", "weight"}, len(rows), func(i int, rec []string) []string {
		r := rows[i]
		return append(rec, csvInt(r.Factor), csvInt(r.Rank), csvInt(r.Row), r.Name, csvFloat(r.Weight))
	})
}

// writeCSV writes a header and n records, record(i, buf) appending the
// fields of the i-th to buf, as one CSV file at path, atomically.
func writeCSV(path string, header []string, n int, record func(i int, buf []string) []string) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		cw := csv.NewWriter(w)
		if err := cw.Write(header); err != nil {
			return err
		}
		buf := make([]string, 0, len(header))
		for i := range n {
			if err := cw.Write(record(i, buf[:0])); err != nil {
				return err
			}
		}
		cw.Flush()
		return cw.Error()
	})
}

func csvInt(v int32) string     { return strconv.Itoa(int(v)) }
func csvFloat(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
