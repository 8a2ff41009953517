package report

import "fmt"

// sweep.parquet, one row per k of a sweep, in increasing k; a measure that
// was not taken is null. Its footer metadata holds the sweep's parameters
// and "topicmill.recommended_k", "topicmill.rule" and "topicmill.reason".
//
//	k            INT32   the number of topics (factors)
//	objective    DOUBLE  the first fit's final objective (a matrix: the least of the fits')
//	coherence    DOUBLE  mean NPMI of the first fit's topics (null for a matrix)
//	coherence_se DOUBLE  its standard error
//	stability    DOUBLE  mean ARI between the assignments of every pair of fits (null with one seed)
//	cophenetic   DOUBLE  cophenetic correlation of the fits' consensus (null with one seed or too many columns)
//	nmi, ari     DOUBLE  the first fit against the labels (null without labels)
//	iterations   DOUBLE  mean iterations of a fit
//	seconds      DOUBLE  mean wall seconds of a fit
//	recommended  BOOLEAN whether this is the recommended k

// SweepRow is one row of sweep.parquet: the measures of one k.
type SweepRow struct {
	K           int32    `parquet:"k"`
	Objective   float64  `parquet:"objective"`
	Coherence   *float64 `parquet:"coherence,optional"`
	CoherenceSE *float64 `parquet:"coherence_se,optional"`
	Stability   *float64 `parquet:"stability,optional"`
	Cophenetic  *float64 `parquet:"cophenetic,optional"`
	NMI         *float64 `parquet:"nmi,optional"`
	ARI         *float64 `parquet:"ari,optional"`
	Iterations  float64  `parquet:"iterations"`
	Seconds     float64  `parquet:"seconds"`
	Recommended bool     `parquet:"recommended"`
}

// SweepRows turns a sweep's points into rows of sweep.parquet.
func SweepRows(s *Sweep) []SweepRow {
	nullable := func(v float64) *float64 {
		if !measured(v) {
			return nil
		}
		return &v
	}
	rows := make([]SweepRow, len(s.Points))
	for i, p := range s.Points {
		rows[i] = SweepRow{
			K: int32(p.K), Objective: p.Objective,
			Coherence: nullable(p.Coherence), CoherenceSE: nullable(p.CoherenceSE),
			Stability: nullable(p.Stability), Cophenetic: nullable(p.Cophenetic),
			NMI: nullable(p.NMI), ARI: nullable(p.ARI),
			Iterations: p.Iterations, Seconds: p.Seconds,
			Recommended: p.K == s.Recommended,
		}
	}
	return rows
}

// WriteSweep writes sweep.parquet atomically, the recommendation in its
// footer beside the parameters.
func WriteSweep(path string, s *Sweep) error {
	meta := NewMeta(s.Version, s.Parameters)
	meta["topicmill.recommended_k"] = fmt.Sprint(s.Recommended)
	meta["topicmill.rule"] = s.Rule
	meta["topicmill.reason"] = s.Reason
	return writeTable(path, SweepRows(s), meta)
}
