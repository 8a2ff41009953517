package pipeline

import (
	"context"
	"fmt"

	"github.com/topicmill/topicmill/cluster"
	"github.com/topicmill/topicmill/corpus"
	"github.com/topicmill/topicmill/internal/parallel"
	"github.com/topicmill/topicmill/report"
	"github.com/topicmill/topicmill/tokenize"
	"github.com/topicmill/topicmill/vocab"
)

// Assigned is one new document placed in a saved model's topics.
type Assigned struct {
	Doc        DocInfo
	Assignment cluster.Assignment
	Predicted  string // the topic's label when the model was fitted on labeled documents
}

// AssignBatchSize is how many documents Assign solves at once by default:
// memory stays bounded by it, whatever the size of the source.
const AssignBatchSize = 4096

// AssignOptions say which documents to assign and how.
type AssignOptions struct {
	Source    string         // folder, .jsonl, .csv or .parquet file of documents
	Corpus    corpus.Options // what to read and how to clean it
	Workers   int            // goroutines for tokenizing and solving; ≤ 0 means GOMAXPROCS
	BatchSize int            // documents solved at once; 0 means AssignBatchSize
}

// Assign streams the documents of the source through the model in batches,
// tokenizing on every worker, and calls visit with each one's topic in
// reading order. The result does not depend on the number of workers.
func (m *Model) Assign(ctx context.Context, opts AssignOptions, visit func(Assigned) error) (corpus.Stats, error) {
	if opts.Workers < 0 || opts.BatchSize < 0 {
		return corpus.Stats{}, invalid(fmt.Errorf("workers %d, batch size %d: want ≥ 0", opts.Workers, opts.BatchSize))
	}
	analyzer, err := tokenize.New(m.Analyzer)
	if err != nil {
		return corpus.Stats{}, fmt.Errorf("model analyzer: %w: %w", err, ErrModel)
	}
	workers := parallel.Workers(opts.Workers)
	batchSize := opts.BatchSize
	if batchSize == 0 {
		batchSize = AssignBatchSize
	}
	known := m.Vocabulary.Len()
	bg := newBagger(analyzer, tokenize.NewDictionary(m.Vocabulary.Terms...), workers, known, nil)
	solver := m.solver(workers)
	w := m.topicsW()

	var (
		docs []DocInfo
		bags []vocab.Bag
	)
	flush := func() error {
		if len(docs) == 0 {
			return nil
		}
		h, err := solver.Transform(ctx, w, m.Weighting.Matrix(bags, workers))
		if err != nil {
			return err
		}
		for j, a := range cluster.Assign(w, h, workers) {
			out := Assigned{Doc: docs[j], Assignment: a}
			if a.Topic >= 0 {
				out.Predicted = m.TopicLabel[a.Topic]
			}
			if err := visit(out); err != nil {
				return err
			}
		}
		docs, bags = docs[:0], bags[:0]
		return nil
	}
	stats, err := bg.bag(ctx, opts.Source, opts.Corpus, func(d []DocInfo, b []vocab.Bag) error {
		docs = append(docs, d...)
		bags = append(bags, b...)
		if len(docs) >= batchSize {
			return flush()
		}
		return nil
	})
	if err != nil {
		return stats, err
	}
	return stats, flush()
}

// AssignSummary is the account of an assign: what was read, how many
// documents each topic received and, for labeled documents, how many got
// their own label.
type AssignSummary struct {
	Stats      corpus.Stats
	Sizes      []int // documents per topic
	Unassigned int   // documents with no known term
	Labeled    int   // documents with a label and a predicted label
	Agreed     int   // of those, how many were predicted their own label
	Out        string
}

// Accuracy is the share of labeled documents predicted their own label.
func (s *AssignSummary) Accuracy() float64 {
	if s.Labeled == 0 {
		return 0
	}
	return float64(s.Agreed) / float64(s.Labeled)
}

// AssignTo assigns the documents opts names with the model and streams the
// rows to the Parquet file out (the columns of assignments.parquet plus
// predicted), written atomically; it returns the tallies.
func (m *Model) AssignTo(ctx context.Context, opts AssignOptions, out string) (*AssignSummary, error) {
	sum := &AssignSummary{Sizes: make([]int, m.K), Out: out}
	meta := report.NewMeta(Version, map[string]string{"source": opts.Source})
	err := report.StreamPredictions(out, meta, func(emit func(report.PredictionRow) error) error {
		var err error
		sum.Stats, err = m.Assign(ctx, opts, func(a Assigned) error {
			sum.add(a)
			return emit(report.PredictionRow{AssignmentRow: assignmentRow(a.Doc, a.Assignment), Predicted: a.Predicted})
		})
		return err
	})
	if err != nil {
		return nil, err
	}
	return sum, nil
}

// add counts one assigned document.
func (s *AssignSummary) add(a Assigned) {
	if a.Assignment.Topic >= 0 {
		s.Sizes[a.Assignment.Topic]++
	} else {
		s.Unassigned++
	}
	if a.Doc.Label != "" && a.Predicted != "" {
		s.Labeled++
		if a.Doc.Label == a.Predicted {
			s.Agreed++
		}
	}
}
