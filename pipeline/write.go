package pipeline

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"

	"github.com/topicmill/topicmill/internal/atomicfile"
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
	TraceFile       = "trace.csv"
)

// Write puts the matrix, the vocabulary and the document list into dir:
// what `topicmill vectorize` produces.
func (v *Vectorized) Write(dir string, meta report.Meta) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return concurrently(
		func() error {
			return atomicfile.Write(filepath.Join(dir, MatrixFile), func(w io.Writer) error {
				return sparse.WriteMatrixMarket(w, v.X)
			})
		},
		func() error { return v.writeTables(dir, meta) },
	)
}

// writeTables writes terms.parquet and docs.parquet, at the same time.
func (v *Vectorized) writeTables(dir string, meta report.Meta) error {
	return concurrently(
		func() error {
			terms := make([]report.TermRow, v.Vocab.Len())
			for i := range terms {
				terms[i] = report.TermRow{ID: int32(i), Term: v.Vocab.Terms[i], Surface: v.Vocab.Surface[i], DF: v.Vocab.DF[i], IDF: v.Weights.IDF[i]}
			}
			return report.WriteTerms(filepath.Join(dir, TermsFile), terms, meta)
		},
		func() error {
			docs := make([]report.DocRow, len(v.Docs))
			for j, d := range v.Docs {
				docs[j] = report.DocRow{Column: int32(j), ID: d.ID, Path: d.Path, Label: d.Label, Tokens: int32(d.Tokens)}
			}
			return report.WriteDocs(filepath.Join(dir, DocsFile), docs, meta)
		},
	)
}

// concurrently runs every write on its own goroutine (files are few and
// each is written atomically, so they overlap their formatting, compression
// and fsync) and returns the first error in argument order, so that the
// error reported does not depend on scheduling.
func concurrently(writes ...func() error) error {
	errs := make([]error, len(writes))
	var wg sync.WaitGroup
	for i, write := range writes {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = write()
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Write puts every output of a run into dir: the Parquet tables, the
// objective trace, the HTML report and the saved model. Each file is
// written under a temporary name and renamed into place.
func (r *Result) Write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	meta := report.NewMeta(Version, r.Report.Parameters)
	vec := r.Vectorized
	if err := vec.writeTables(dir, meta); err != nil {
		return err
	}
	var topics []report.TopicTermRow
	for _, t := range r.Report.Topics {
		for rank, term := range t.Terms {
			topics = append(topics, report.TopicTermRow{Topic: int32(t.ID), Rank: int32(rank), Term: term.Term, Stem: term.Stem, Weight: term.Weight})
		}
	}
	if err := report.WriteTopics(filepath.Join(dir, TopicsFile), topics, meta); err != nil {
		return err
	}
	rows := make([]report.AssignmentRow, len(r.Assignments))
	ids := make([]string, len(r.Assignments))
	for j, a := range r.Assignments {
		d := vec.Docs[j]
		ids[j] = d.ID
		rows[j] = report.AssignmentRow{DocID: d.ID, Path: d.Path, Label: d.Label, Topic: int32(a.Topic), Weight: a.Weight, Confidence: a.Confidence, SecondTopic: int32(a.Second)}
	}
	if err := report.WriteAssignments(filepath.Join(dir, AssignmentsFile), rows, meta); err != nil {
		return err
	}
	if err := report.WriteDocTopics(filepath.Join(dir, DocTopicsFile), ids, r.Fit.H, meta); err != nil {
		return err
	}
	if err := WriteTrace(filepath.Join(dir, TraceFile), r.Report.Trace); err != nil {
		return err
	}
	if err := r.Model.Save(filepath.Join(dir, ModelFile)); err != nil {
		return err
	}
	if err := report.WriteHTML(filepath.Join(dir, ReportFile), r.Report); err != nil {
		return err
	}
	return nil
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
