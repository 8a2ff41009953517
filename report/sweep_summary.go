package report

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// SweepSummary prints a sweep as a table, one line per k, and the k it
// recommends with the reason; a measure not taken shows as "-".
func SweepSummary(w io.Writer, s *Sweep) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	cols := sweepColumns(s)
	head := make([]string, len(cols))
	for i, c := range cols {
		head[i] = c.name
	}
	fmt.Fprintln(tw, strings.Join(head, "\t")+"\t")
	for _, p := range s.Points {
		cells := make([]string, len(cols))
		for i, c := range cols {
			cells[i] = c.format(p)
		}
		mark := ""
		if p.K == s.Recommended {
			mark = "  ◀"
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t")+"\t"+mark)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "recommended k = %d: %s\n", s.Recommended, s.Reason)
	return err
}

// sweepColumn is one measure of a sweep's table.
type sweepColumn struct {
	name   string
	format func(SweepPoint) string
}

// sweepColumns are the measures a sweep took, in the order shown.
func sweepColumns(s *Sweep) []sweepColumn {
	num := func(v float64, format string) string {
		if !measured(v) {
			return "-"
		}
		return fmt.Sprintf(format, v)
	}
	cols := []sweepColumn{
		{"k", func(p SweepPoint) string { return fmt.Sprint(p.K) }},
		{"objective", func(p SweepPoint) string { return num(p.Objective, "%.6g") }},
	}
	if !s.Matrix {
		cols = append(cols,
			sweepColumn{"coherence", func(p SweepPoint) string { return num(p.Coherence, "%.3f") }},
			sweepColumn{"± se", func(p SweepPoint) string { return num(p.CoherenceSE, "%.3f") }})
	}
	if s.Seeds > 1 {
		cols = append(cols,
			sweepColumn{"stability", func(p SweepPoint) string { return num(p.Stability, "%.3f") }},
			sweepColumn{"cophenetic", func(p SweepPoint) string { return num(p.Cophenetic, "%.3f") }})
	}
	if s.Labeled {
		cols = append(cols,
			sweepColumn{"NMI", func(p SweepPoint) string { return num(p.NMI, "%.3f") }},
			sweepColumn{"ARI", func(p SweepPoint) string { return num(p.ARI, "%.3f") }})
	}
	return append(cols,
		sweepColumn{"iterations", func(p SweepPoint) string { return num(p.Iterations, "%.0f") }},
		sweepColumn{"s/fit", func(p SweepPoint) string { return num(p.Seconds, "%.2f") }})
}
