package pipeline

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"

	"gonum.org/v1/gonum/mat"

	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/internal/atomicfile"
	"github.com/topicmill/topicmill/report"
	"github.com/topicmill/topicmill/tfidf"
	"github.com/topicmill/topicmill/tokenize"
	"github.com/topicmill/topicmill/vocab"
)

// modelFormat is the saved model's format version; LoadModel refuses others.
const modelFormat = 1

// Model is a fitted topic model: everything needed to turn new documents
// into the same terms, weight them the same way and place them in the same
// topics, without the corpus it was fitted on.
type Model struct {
	Format     int               `json:"format"`
	Version    string            `json:"version"`
	Analyzer   tokenize.Config   `json:"analyzer"`
	Vocabulary *vocab.Vocabulary `json:"vocabulary"`
	Weighting  *tfidf.Model      `json:"weighting"`
	Loss       factor.Loss       `json:"loss"`
	L1H        float64           `json:"l1_h"`
	L2H        float64           `json:"l2_h"`
	K          int               `json:"k"`
	W          []float64         `json:"w"`           // terms × topics, row-major
	TopicLabel []string          `json:"topic_label"` // label each topic predicts; all "" without labels
	TopicTerms [][]string        `json:"topic_terms"` // each topic's top terms, as shown in reports
}

// newModel keeps what assigning new documents needs from a finished run:
// the analyzer, vocabulary and weighting, W, and each topic's top terms and
// majority label (the label it predicts when classifying).
func newModel(cfg Config, vec *Vectorized, fit *factor.Result, run *report.Run) *Model {
	m, k := fit.W.Dims()
	w := make([]float64, 0, m*k)
	for i := 0; i < m; i++ {
		w = append(w, fit.W.RawRowView(i)...)
	}
	labels := make([]string, k)
	terms := make([][]string, k)
	for t, topic := range run.Topics {
		labels[t] = topic.MajorityLabel
		for _, term := range topic.Terms {
			terms[t] = append(terms[t], term.Term)
		}
	}
	return &Model{
		Format:     modelFormat,
		Version:    Version,
		Analyzer:   vec.Config,
		Vocabulary: vec.Vocab,
		Weighting:  vec.Weights,
		Loss:       cfg.NMF.Loss,
		L1H:        cfg.NMF.L1H,
		L2H:        cfg.NMF.L2H,
		K:          k,
		W:          w,
		TopicLabel: labels,
		TopicTerms: terms,
	}
}

// Save writes the model as JSON, atomically.
func (m *Model) Save(path string) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		return json.NewEncoder(w).Encode(m)
	})
}

// LoadModel reads a model written by Save and checks that it is whole.
func LoadModel(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load model: %w: %w", err, ErrModel)
	}
	defer f.Close()
	var m Model
	if err := json.NewDecoder(f).Decode(&m); err != nil {
		return nil, fmt.Errorf("load model %s: %w: %w", path, err, ErrModel)
	}
	if m.Format != modelFormat {
		return nil, fmt.Errorf("load model %s: format %d, this topicmill reads format %d: %w", path, m.Format, modelFormat, ErrModel)
	}
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("load model %s: %w (damaged file?): %w", path, err, ErrModel)
	}
	return &m, nil
}

// check verifies that a decoded model is whole: consistent sizes, a valid
// analyzer and solver, and a non-negative finite W.
func (m *Model) check() error {
	if m.Vocabulary == nil || m.Weighting == nil || m.K < 1 || len(m.W) != m.Vocabulary.Len()*m.K ||
		len(m.Weighting.IDF) != m.Vocabulary.Len() || len(m.TopicLabel) != m.K || len(m.TopicTerms) != m.K {
		return errors.New("inconsistent sizes")
	}
	if _, err := tokenize.New(m.Analyzer); err != nil {
		return err
	}
	if _, err := m.solver(0).WithDefaults(); err != nil {
		return err
	}
	for i, w := range m.W {
		if !(w >= 0) || math.IsInf(w, 0) {
			return fmt.Errorf("W entry %d is %v", i, w)
		}
	}
	return nil
}

// solver returns the settings that solve H for new documents with W fixed.
func (m *Model) solver(workers int) factor.NMF {
	return factor.NMF{K: m.K, Loss: m.Loss, L1H: m.L1H, L2H: m.L2H, Workers: workers}
}

// topicsW returns W as a matrix, terms × topics.
func (m *Model) topicsW() *mat.Dense {
	return mat.NewDense(m.Vocabulary.Len(), m.K, m.W)
}
