package pipeline

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"io"

	"gonum.org/v1/gonum/mat"

	"github.com/topicmill/topicmill/cluster"
	"github.com/topicmill/topicmill/corpus"
	"github.com/topicmill/topicmill/internal/atomicfile"
	"github.com/topicmill/topicmill/internal/parallel"
	"github.com/topicmill/topicmill/report"
	"github.com/topicmill/topicmill/sparse"
	"github.com/topicmill/topicmill/tokenize"
	"github.com/topicmill/topicmill/vocab"
)

// Assigned is one new document placed in a saved model's topics.
type Assigned struct {
	Doc        DocInfo
	Assignment cluster.Assignment
	Predicted  string  // the label predicted when the model was fitted on labeled documents
	Confidence float64 // the model's probability for Predicted
}

// AssignedBatch is a run of consecutive documents assigned together, with
// their columns of X (terms × len(Docs), weighted as the model's corpus)
// and of H (k × len(Docs)).
type AssignedBatch struct {
	Docs []Assigned
	X    *sparse.CSR
	H    *mat.Dense
}

// AssignBatchSize is how many documents Assign solves at once by default:
// memory stays bounded by it, whatever the size of the source.
const AssignBatchSize = 4096

// AssignOptions say which documents to assign and how.
type AssignOptions struct {
	Source    string         // folder, .jsonl, .csv or .parquet file of documents
	Corpus    corpus.Options // what to read and how to clean it (Strip 0 means DefaultStrip)
	Shard     Shard          // which part of the source; the zero value is all of it
	Workers   int            // goroutines for tokenizing and solving; ≤ 0 means GOMAXPROCS
	BatchSize int            // documents solved at once; 0 means AssignBatchSize
}

// Shard names the part I of N (0 ≤ I < N) of a corpus: the documents whose
// ID hashes to I modulo N, so that N copies of assign against one model,
// each with its own I, split any corpus between them without talking to
// each other. The zero value is the whole corpus.
type Shard struct{ I, N int }

// ParseShard reads "I/N" (say "2/8"); "" is the whole corpus.
func ParseShard(s string) (Shard, error) {
	if s == "" {
		return Shard{}, nil
	}
	var sh Shard
	if _, err := fmt.Sscanf(s, "%d/%d", &sh.I, &sh.N); err != nil || fmt.Sprintf("%d/%d", sh.I, sh.N) != s {
		return Shard{}, invalid(fmt.Errorf("shard %q: want I/N, say 0/4", s))
	}
	return sh, sh.validate()
}

func (s Shard) validate() error {
	if s == (Shard{}) {
		return nil
	}
	if s.N < 1 || s.I < 0 || s.I >= s.N {
		return invalid(fmt.Errorf("shard %d/%d: want 0 ≤ I < N", s.I, s.N))
	}
	return nil
}

// holds reports whether the shard holds the document with this ID: by
// 64-bit FNV-1a of the ID, stable across runs, machines and versions.
func (s Shard) holds(id string) bool {
	if s.N <= 1 {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(id))
	return h.Sum64()%uint64(s.N) == uint64(s.I)
}

// Assign streams the documents of the source through the model in batches,
// tokenizing on every worker, and calls visit with each batch in reading
// order. The result does not depend on the number of workers.
func (m *Model) Assign(ctx context.Context, opts AssignOptions, visit func(*AssignedBatch) error) (corpus.Stats, error) {
	if opts.Workers < 0 || opts.BatchSize < 0 {
		return corpus.Stats{}, invalid(fmt.Errorf("workers %d, batch size %d: want ≥ 0", opts.Workers, opts.BatchSize))
	}
	if err := opts.Shard.validate(); err != nil {
		return corpus.Stats{}, err
	}
	analyzer, err := tokenize.New(m.Analyzer)
	if err != nil {
		return corpus.Stats{}, fmt.Errorf("model analyzer: %w: %w", err, ErrModel)
	}
	workers := parallel.Workers(opts.Workers)
	if opts.Corpus.Workers == 0 {
		opts.Corpus.Workers = opts.Workers
	}
	if opts.Corpus.Strip == 0 {
		opts.Corpus.Strip = DefaultStrip
	}
	batchSize := opts.BatchSize
	if batchSize == 0 {
		batchSize = AssignBatchSize
	}
	bg := newBagger(analyzer, tokenize.NewDictionary(m.Vocabulary.Terms...), workers, m.Vocabulary.Len(), nil)
	bg.keep = func(d corpus.Document) bool { return opts.Shard.holds(d.ID) }
	solver := m.solver(workers)
	w := m.topicsW()

	var (
		docs []DocInfo
		bags []vocab.Bag
	)
	// flush solves and hands on the first n pending documents.
	flush := func(n int) error {
		if n == 0 {
			return nil
		}
		x := m.Weighting.Matrix(bags[:n], workers)
		h, err := solver.Transform(ctx, w, x)
		if err != nil {
			return err
		}
		batch := &AssignedBatch{Docs: make([]Assigned, n), X: x, H: h}
		labels, confidence := m.predict(x, workers)
		for j, a := range cluster.Assign(w, h, workers) {
			batch.Docs[j] = Assigned{Doc: docs[j], Assignment: a, Predicted: labels[j], Confidence: confidence[j]}
		}
		docs, bags = append(docs[:0], docs[n:]...), append(bags[:0], bags[n:]...)
		return visit(batch)
	}
	stats, err := bg.bag(ctx, opts.Source, opts.Corpus, func(d []DocInfo, b []vocab.Bag) error {
		docs = append(docs, d...)
		bags = append(bags, b...)
		for len(docs) >= batchSize {
			if err := flush(batchSize); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return stats, err
	}
	return stats, flush(len(docs))
}

// AssignSummary is the account of an assign: what was read, how many
// documents each topic received and, for labeled documents, how well the
// predicted labels match.
type AssignSummary struct {
	Stats      corpus.Stats // what was read of the whole source (a shard reads it all and keeps its part)
	Assigned   int          // documents assigned (a shard's own)
	Sizes      []int        // documents per topic
	Unassigned int          // documents with no known term
	// Classification scores the predictions of the documents that carry a
	// label (Documents is 0 when none does, or the model has no labels).
	Classification cluster.Classification
	Problems       []corpus.Problem // every document skipped or changed on reading
	Out            string
	tally          cluster.Tally
}

// AssignTo assigns the documents opts names with the model and writes, in
// the folder out, assignments.parquet (the columns of a run's, plus the
// predicted label and its confidence) and doc_topics.parquet, streamed
// while the documents are read and appearing together; it returns the
// tallies.
func (m *Model) AssignTo(ctx context.Context, opts AssignOptions, out string) (*AssignSummary, error) {
	if err := checkNotRunFolder(out); err != nil {
		return nil, err
	}
	sum := &AssignSummary{Sizes: make([]int, m.K), Out: out}
	params := map[string]string{"source": opts.Source}
	if opts.Shard.N > 1 {
		params["shard"] = fmt.Sprintf("%d/%d", opts.Shard.I, opts.Shard.N)
	}
	meta := report.NewMeta(Version, params)
	problems := collectProblems(&opts.Corpus)
	err := writeSet(out, assignOutputs, func(st *staging) error {
		if err := m.streamAssign(ctx, opts, st, meta, sum); err != nil {
			return err
		}
		sum.Classification = sum.tally.Score()
		sum.Problems = *problems
		return parallel.Do(
			func() error { return writeClassification(st, sum.Classification, meta) },
			func() error { return writeProblems(st, sum.Problems, meta) },
		)
	})
	if err != nil {
		return nil, err
	}
	return sum, nil
}

// streamAssign assigns the documents and streams assignments.parquet and
// doc_topics.parquet into the staging folder, batch by batch, tallying sum.
func (m *Model) streamAssign(ctx context.Context, opts AssignOptions, st *staging, meta report.Meta, sum *AssignSummary) error {
	return atomicfile.Write(st.path(AssignmentsFile), func(wa io.Writer) error {
		return atomicfile.Write(st.path(DocTopicsFile), func(wd io.Writer) error {
			rows := report.NewTableWriter[report.PredictionRow](wa, meta)
			topics := report.NewDocTopicsWriter(wd, m.K, meta)
			var (
				buf []report.PredictionRow
				ids []string
				err error
			)
			sum.Stats, err = m.Assign(ctx, opts, func(b *AssignedBatch) error {
				buf, ids = buf[:0], ids[:0]
				for _, a := range b.Docs {
					sum.add(a)
					buf = append(buf, report.PredictionRow{AssignmentRow: assignmentRow(a.Doc, a.Assignment), Predicted: a.Predicted, PredictedConfidence: a.Confidence})
					ids = append(ids, a.Doc.ID)
				}
				if err := rows.Write(buf); err != nil {
					return err
				}
				return topics.Write(ids, b.H)
			})
			if err != nil {
				return err
			}
			return errors.Join(rows.Close(), topics.Close())
		})
	})
}

// add counts one assigned document.
func (s *AssignSummary) add(a Assigned) {
	s.Assigned++
	if a.Assignment.Topic >= 0 {
		s.Sizes[a.Assignment.Topic]++
	} else {
		s.Unassigned++
	}
	s.tally.Add(a.Doc.Label, a.Predicted)
}

// writeClassification writes classification.parquet and confusion.parquet
// when labeled documents were scored.
func writeClassification(st *staging, c cluster.Classification, meta report.Meta) error {
	if c.Documents == 0 {
		return nil
	}
	var scores []report.ClassificationRow
	var confusion []report.ConfusionRow
	for i, l := range c.Labels {
		scores = append(scores, report.ClassificationRow{Label: l.Label, Documents: int32(l.Support), Predicted: int32(l.Predicted), Correct: int32(l.Correct), Precision: l.Precision, Recall: l.Recall, F1: l.F1})
		for j, n := range c.Confusion[i] {
			if n > 0 {
				confusion = append(confusion, report.ConfusionRow{TrueLabel: l.Label, PredictedLabel: c.Labels[j].Label, Documents: int32(n)})
			}
		}
	}
	return parallel.Do(
		func() error { return report.WriteClassification(st.path(ClassifyFile), scores, meta) },
		func() error { return report.WriteConfusion(st.path(ConfusionFile), confusion, meta) },
	)
}
