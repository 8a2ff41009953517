package pipeline

import (
	"fmt"

	"github.com/topicmill/topicmill/cluster"
	"github.com/topicmill/topicmill/internal/parallel"
	"github.com/topicmill/topicmill/report"
)

// Output file names of a factorization's tables (assignments.parquet is
// AssignmentsFile, with the columns of a matrix, not of a corpus).
const (
	AssignmentsCSVFile = "assignments.csv"
	TopRowsFile        = "top_rows.parquet"
	TopRowsCSVFile     = "top_rows.csv"
)

// writeTables writes, for a factored matrix, each column's factor (argmax
// of its column of H once W's columns are at unit norm, as a run assigns
// documents) and each factor's heaviest rows (W's columns at unit norm),
// named from the CSV, as Parquet and as CSV.
func (f *Factored) writeTables(st *staging, opts FactorOptions) error {
	nmf := f.NMF
	meta := report.NewMeta(Version, map[string]string{
		"source": opts.Matrix, "k": fmt.Sprint(nmf.K), "loss": string(nmf.Loss), "init": string(nmf.Init),
		"seed": fmt.Sprint(nmf.Seed), "max-iter": fmt.Sprint(nmf.MaxIter), "tol": fmt.Sprint(nmf.Tol),
	})
	name := func(names []string, i int) string {
		if i < len(names) {
			return names[i]
		}
		return ""
	}
	as := make([]report.FactorAssignmentRow, len(f.Assignments))
	for j, a := range f.Assignments {
		as[j] = report.FactorAssignmentRow{Column: int32(j), Name: name(f.Names.Cols, j), Factor: int32(a.Topic), Weight: a.Weight, Confidence: a.Confidence, SecondFactor: int32(a.Second)}
	}
	n := opts.TopRows
	if n == 0 {
		n = DefaultTopTerms
	}
	wn, _ := cluster.Normalize(f.Fit.W, f.Fit.H)
	ids, weights := cluster.TopTerms(wn, n)
	var top []report.TopRowRow
	for t := range ids {
		for r, i := range ids[t] {
			top = append(top, report.TopRowRow{Factor: int32(t), Rank: int32(r), Row: int32(i), Name: name(f.Names.Rows, i), Weight: weights[t][r]})
		}
	}
	return parallel.Do(
		func() error { return report.WriteFactorAssignments(st.path(AssignmentsFile), as, meta) },
		func() error { return report.WriteFactorAssignmentsCSV(st.path(AssignmentsCSVFile), as) },
		func() error { return report.WriteTopRows(st.path(TopRowsFile), top, meta) },
		func() error { return report.WriteTopRowsCSV(st.path(TopRowsCSVFile), top) },
	)
}
