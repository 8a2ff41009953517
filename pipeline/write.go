package pipeline

import (
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/topicmill/topicmill/cluster"
	"github.com/topicmill/topicmill/corpus"
	"github.com/topicmill/topicmill/internal/atomicfile"
	"github.com/topicmill/topicmill/internal/parallel"
	"github.com/topicmill/topicmill/report"
	"github.com/topicmill/topicmill/sparse"
)

// Output file names inside a run's folder.
const (
	MatrixFile      = "X.mtx"
	TermsFile       = "terms.parquet"
	DocsFile        = "docs.parquet"
	TopicsFile      = "topics.parquet"
	AssignmentsFile = "assignments.parquet"
	DocTopicsFile   = "doc_topics.parquet"
	ReportFile      = "report.html"
	ModelFile       = "model.json"
	ModelWFile      = "model_w.bin"
	ClassifyFile    = "classification.parquet"
	ConfusionFile   = "confusion.parquet"
	ProblemsFile    = "problems.parquet"
	TraceFile       = "trace.csv"
)

// Write puts the matrix, the vocabulary and the document list into dir:
// what `topicmill vectorize` produces; cfg's parameters go into the Parquet
// metadata.
func (v *Vectorized) Write(dir string, cfg Config) error {
	meta := report.NewMeta(Version, cfg.Parameters())
	return writeSet(dir, corpusOutputs, func(st *staging) error {
		return parallel.Do(
			func() error {
				return atomicfile.Write(st.path(MatrixFile), func(w io.Writer) error {
					return sparse.WriteMatrixMarket(w, v.X, cfg.Workers)
				})
			},
			func() error { return v.writeTables(st, meta) },
		)
	})
}

// writeTables writes terms.parquet, docs.parquet and problems.parquet, at
// the same time.
func (v *Vectorized) writeTables(st *staging, meta report.Meta) error {
	return parallel.Do(
		func() error { return writeProblems(st, v.Problems, meta) },
		func() error {
			terms := make([]report.TermRow, v.Vocab.Len())
			for i := range terms {
				terms[i] = report.TermRow{ID: int32(i), Term: v.Vocab.Terms[i], Surface: v.Vocab.Surface[i], DF: v.Vocab.DF[i], IDF: v.Weights.IDF[i]}
			}
			return report.WriteTerms(st.path(TermsFile), terms, meta)
		},
		func() error {
			docs := make([]report.DocRow, len(v.Docs))
			for j, d := range v.Docs {
				docs[j] = report.DocRow{Column: int32(j), ID: d.ID, Path: d.Path, Label: d.Label, Tokens: int32(d.Tokens), Date: d.date()}
			}
			return report.WriteDocs(st.path(DocsFile), docs, meta)
		},
	)
}

// Write puts every output of a run into dir: the Parquet tables, the
// objective trace, the HTML report and the saved model. They appear
// together: a failure while writing leaves dir's earlier outputs as they
// were.
func (r *Result) Write(dir string) error {
	return writeSet(dir, corpusOutputs, r.write)
}

// write writes the outputs of a run into a staging folder.
func (r *Result) write(st *staging) error {
	meta := report.NewMeta(Version, r.Report.Parameters)
	vec := r.Vectorized
	if err := vec.writeTables(st, meta); err != nil {
		return err
	}
	var topics []report.TopicTermRow
	for _, t := range r.Report.Topics {
		for rank, term := range t.Terms {
			topics = append(topics, report.TopicTermRow{Topic: int32(t.ID), Rank: int32(rank), Term: term.Term, Stem: term.Stem, Weight: term.Weight})
		}
	}
	if err := report.WriteTopics(st.path(TopicsFile), topics, meta); err != nil {
		return err
	}
	rows := make([]report.AssignmentRow, len(r.Assignments))
	ids := make([]string, len(r.Assignments))
	for j, a := range r.Assignments {
		ids[j] = vec.Docs[j].ID
		rows[j] = assignmentRow(vec.Docs[j], a)
	}
	if err := report.WriteAssignments(st.path(AssignmentsFile), rows, meta); err != nil {
		return err
	}
	if err := report.WriteDocTopics(st.path(DocTopicsFile), ids, r.Fit.H, meta); err != nil {
		return err
	}
	if err := report.WriteTree(st.path(TreeFile), r.Report.Tree, meta); err != nil {
		return err
	}
	if len(r.Report.OverTime) > 0 {
		if err := report.WriteTopicsOverTime(st.path(OverTimeFile), r.Report.OverTime, meta); err != nil {
			return err
		}
	}
	if err := WriteTrace(st.path(TraceFile), r.Report.Trace); err != nil {
		return err
	}
	if err := r.Model.Save(st.path(ModelFile)); err != nil {
		return err
	}
	if err := report.WriteHTML(st.path(ReportFile), r.Report); err != nil {
		return err
	}
	return nil
}

// Summary prints the console summary of a run: one line per topic, the
// scores against the labels when there are labels.
func (r *Result) Summary(w io.Writer) error {
	return report.Summary(w, r.Report)
}

// WriteTrace writes the objective per iteration as CSV: iteration,
// objective, seconds since the start of the factorization.
func WriteTrace(path string, trace []report.TracePoint) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		if _, err := io.WriteString(w, "iteration,objective,seconds\n"); err != nil {
			return err
		}
		for _, p := range trace {
			if _, err := fmt.Fprintf(w, "%d,%s,%s\n", p.Iteration, strconv.FormatFloat(p.Objective, 'g', -1, 64), strconv.FormatFloat(p.Elapsed.Seconds(), 'f', 6, 64)); err != nil {
				return err
			}
		}
		return nil
	})
}

// assignmentRow is a document's row of assignments.parquet.
func assignmentRow(d DocInfo, a cluster.Assignment) report.AssignmentRow {
	return report.AssignmentRow{DocID: d.ID, Path: d.Path, Label: d.Label, Topic: int32(a.Topic), Weight: a.Weight, Confidence: a.Confidence, SecondTopic: int32(a.Second), Date: d.date()}
}

// date is the document's date for a nullable column: nil when unknown.
func (d DocInfo) date() *time.Time {
	if d.Date.IsZero() {
		return nil
	}
	t := d.Date.UTC()
	return &t
}

// writeProblems writes problems.parquet: every document skipped or changed
// on reading, so that none is lost without a trace.
func writeProblems(st *staging, problems []corpus.Problem, meta report.Meta) error {
	rows := make([]report.ProblemRow, len(problems))
	for i, p := range problems {
		rows[i] = report.ProblemRow{Path: p.Path, Reason: string(p.Reason), Skipped: p.Reason.IsSkip()}
		if p.Err != nil {
			rows[i].Detail = p.Err.Error()
		}
	}
	return report.WriteProblems(st.path(ProblemsFile), rows, meta)
}
