package pipeline

import (
	"context"
	"fmt"

	"github.com/topicmill/topicmill/cluster"
	"github.com/topicmill/topicmill/corpus"
	"github.com/topicmill/topicmill/tokenize"
	"github.com/topicmill/topicmill/vocab"
)

// Assigned is one new document placed in a saved model's topics.
type Assigned struct {
	Doc        DocInfo
	Assignment cluster.Assignment
	Predicted  string // the topic's label when the model was fitted on labeled documents
}

// AssignBatchSize is how many documents Assign solves at once: memory stays
// bounded by it, whatever the size of the source.
const AssignBatchSize = 4096

// Assign streams the documents of source through the model in batches and
// calls visit with each one's topic, in reading order.
func (m *Model) Assign(ctx context.Context, source string, opts corpus.Options, visit func(Assigned) error) (corpus.Stats, error) {
	return m.assign(ctx, source, opts, AssignBatchSize, visit)
}

// assign is Assign with the batch size as a parameter.
func (m *Model) assign(ctx context.Context, source string, opts corpus.Options, batchSize int, visit func(Assigned) error) (corpus.Stats, error) {
	analyzer, err := tokenize.New(m.Analyzer)
	if err != nil {
		return corpus.Stats{}, fmt.Errorf("model analyzer: %w", err)
	}
	session := analyzer.NewSession(tokenize.NewDictionary(m.Vocabulary.Terms...))
	solver := m.solver()
	w := m.topicsW()
	known := m.Vocabulary.Len()

	var (
		docs    []DocInfo
		bags    []vocab.Bag
		ids     []int32
		counter vocab.Counter
	)
	flush := func() error {
		if len(docs) == 0 {
			return nil
		}
		h, err := solver.Transform(ctx, w, m.Weighting.Matrix(bags))
		if err != nil {
			return err
		}
		for j, a := range cluster.Assign(w, h) {
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
	stats, err := corpus.Read(ctx, source, opts, func(d corpus.Document) error {
		ids = session.Terms(d.Text, ids[:0])
		kept := ids[:0]
		for _, id := range ids {
			if int(id) < known {
				kept = append(kept, id)
			}
		}
		docs = append(docs, DocInfo{ID: d.ID, Path: d.Path, Label: d.Label, Date: d.Date, Tokens: len(kept), Snippet: snippet(d.Text)})
		bags = append(bags, counter.Bag(kept))
		if len(docs) == batchSize {
			return flush()
		}
		return nil
	})
	if err != nil {
		return stats, err
	}
	return stats, flush()
}
