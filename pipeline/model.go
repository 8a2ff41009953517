package pipeline

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"gonum.org/v1/gonum/mat"

	"github.com/topicmill/topicmill/cluster"
	"github.com/topicmill/topicmill/factor"
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

// newModel keeps what assigning new documents needs from a finished run.
func newModel(cfg Config, vec *Vectorized, fit *factor.Result, as []cluster.Assignment) *Model {
	m, k := fit.W.Dims()
	w := make([]float64, 0, m*k)
	for i := 0; i < m; i++ {
		w = append(w, fit.W.RawRowView(i)...)
	}
	labels := make([]string, len(vec.Docs))
	for j, d := range vec.Docs {
		labels[j] = d.Label
	}
	wn, _ := cluster.Normalize(fit.W, fit.H)
	top, _ := cluster.TopTerms(wn, cfg.TopTerms)
	terms := make([][]string, k)
	for t, ids := range top {
		for _, id := range ids {
			terms[t] = append(terms[t], vec.Vocab.Surface[id])
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
		TopicLabel: cluster.LabelMap(labels, as, k),
		TopicTerms: terms,
	}
}

// Save writes the model as JSON, atomically.
func (m *Model) Save(path string) error {
	return report.WriteFileAtomic(path, func(w io.Writer) error {
		return json.NewEncoder(w).Encode(m)
	})
}

// LoadModel reads a model written by Save and checks that it is whole.
func LoadModel(path string) (*Model, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load model: %w", err)
	}
	defer f.Close()
	var m Model
	if err := json.NewDecoder(f).Decode(&m); err != nil {
		return nil, fmt.Errorf("load model %s: %w", path, err)
	}
	if m.Format != modelFormat {
		return nil, fmt.Errorf("load model %s: format %d, this topicmill reads format %d", path, m.Format, modelFormat)
	}
	if m.Vocabulary == nil || m.Weighting == nil || m.K < 1 || len(m.W) != m.Vocabulary.Len()*m.K ||
		len(m.Weighting.IDF) != m.Vocabulary.Len() || len(m.TopicLabel) != m.K {
		return nil, fmt.Errorf("load model %s: inconsistent sizes (damaged file?)", path)
	}
	return &m, nil
}

// topicsW returns W as a matrix, terms × topics.
func (m *Model) topicsW() *mat.Dense {
	return mat.NewDense(m.Vocabulary.Len(), m.K, m.W)
}
