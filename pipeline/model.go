package pipeline

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"

	"gonum.org/v1/gonum/mat"

	"github.com/topicmill/topicmill/cluster"
	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/internal/atomicfile"
	"github.com/topicmill/topicmill/internal/checksum"
	"github.com/topicmill/topicmill/internal/parallel"
	"github.com/topicmill/topicmill/report"
	"github.com/topicmill/topicmill/sparse"
	"github.com/topicmill/topicmill/tfidf"
	"github.com/topicmill/topicmill/tokenize"
	"github.com/topicmill/topicmill/vocab"
)

// ModelFormat is the saved model's format version; LoadModel refuses others.
// Format 2 keeps W in a binary file beside the JSON and adds a checksum;
// format 3 saves the analyzer as its chain of word filters; format 4 adds
// the label classifier's log probabilities after W.
const ModelFormat = 4

// Model is a fitted topic model: everything needed to turn new documents
// into the same terms, weight them the same way and place them in the same
// topics, without the corpus it was fitted on. It is saved as two files in
// one folder: model.json (settings, vocabulary, labels) and model_w.bin (W
// as little-endian float64, row-major), tied together by a checksum.
type Model struct {
	Format     int               `json:"format"`
	Version    string            `json:"version"`
	Analyzer   tokenize.Config   `json:"analyzer"`
	Vocabulary *vocab.Vocabulary `json:"vocabulary"`
	Weighting  *tfidf.Model      `json:"weighting"`
	Loss       factor.Loss       `json:"loss"`
	L1H        float64           `json:"l1_h"`
	L2H        float64           `json:"l2_h"`
	Tol        float64           `json:"tol,omitempty"` // the run's stopping tolerance, which assign solves H to (0: factor's default)
	K          int               `json:"k"`
	W          []float64         `json:"-"`           // terms × topics, row-major; saved in WFile
	WFile      string            `json:"w_file"`      // W's file (then the classifier's log probabilities), in the model's folder
	Checksum   string            `json:"checksum"`    // SHA-256 of the JSON without this field, then W's bytes
	TopicLabel []string          `json:"topic_label"` // label each topic predicts; all "" without labels
	TopicTerms [][]string        `json:"topic_terms"` // each topic's top terms, as shown in reports
	// Classifier predicts labels from a document's terms; nil when the model
	// was fitted without labels. Its log probabilities follow W in WFile.
	Classifier *cluster.Classifier `json:"classifier,omitempty"`
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
		Format:     ModelFormat,
		Version:    Version,
		Analyzer:   vec.Config,
		Vocabulary: vec.Vocab,
		Weighting:  vec.Weights,
		Loss:       cfg.NMF.Loss,
		L1H:        cfg.NMF.L1H,
		L2H:        cfg.NMF.L2H,
		Tol:        cfg.NMF.Tol,
		K:          k,
		W:          w,
		WFile:      ModelWFile,
		TopicLabel: labels,
		TopicTerms: terms,
		Classifier: classifier(vec, parallel.Workers(cfg.Workers)),
	}
}

// classifier trains the label classifier of a run on its labeled
// documents, or returns nil when fewer than two labels occur or there is
// no matrix (a reduced run keeps its model's classifier).
func classifier(vec *Vectorized, workers int) *cluster.Classifier {
	if vec.X == nil {
		return nil
	}
	c, err := cluster.TrainClassifier(vec.X, vec.columnLabels(), workers)
	if err != nil {
		return nil
	}
	return c
}

// Save writes the model to path (its JSON) and W's file beside it, each
// atomically, with the checksum that ties them together.
func (m *Model) Save(path string) error {
	wbytes := m.wBytes()
	sum, err := m.checksum(wbytes)
	if err != nil {
		return err
	}
	m.Checksum = sum
	err = atomicfile.Write(filepath.Join(filepath.Dir(path), m.WFile), func(w io.Writer) error {
		_, err := w.Write(wbytes)
		return err
	})
	if err != nil {
		return err
	}
	return atomicfile.Write(path, func(w io.Writer) error {
		return json.NewEncoder(w).Encode(m)
	})
}

// wBytes is W, then the classifier's log probabilities if any, as
// little-endian float64s.
func (m *Model) wBytes() []byte {
	values := m.W
	if m.Classifier != nil {
		values = append(slices.Clone(values), m.Classifier.LogProb.RawMatrix().Data...)
	}
	b := make([]byte, 8*len(values))
	for i, v := range values {
		binary.LittleEndian.PutUint64(b[8*i:], math.Float64bits(v))
	}
	return b
}

// checksum is the SHA-256 of the model's JSON (without the checksum) and
// then W's bytes, in hex.
func (m *Model) checksum(wbytes []byte) (string, error) {
	c := *m
	c.Checksum = ""
	return checksum.Of(&c, wbytes)
}

// LoadModel reads a model written by Save, from its JSON file or from the
// folder holding it (a run's output folder), and checks that it is whole:
// the format version, the checksum, sizes and values.
func LoadModel(path string) (*Model, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		path = filepath.Join(path, ModelFile)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("load model: %w: %w", err, ErrModel)
	}
	defer f.Close()
	var m Model
	if err := json.NewDecoder(f).Decode(&m); err != nil {
		return nil, fmt.Errorf("load model %s: %w: %w", path, err, ErrModel)
	}
	if m.Format != ModelFormat {
		return nil, fmt.Errorf("load model %s: format %d, this topicmill reads format %d: %w", path, m.Format, ModelFormat, ErrModel)
	}
	if err := m.readW(filepath.Dir(path)); err != nil {
		return nil, fmt.Errorf("load model %s: %w: %w", path, err, ErrModel)
	}
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("load model %s: %w (damaged file?): %w", path, err, ErrModel)
	}
	return &m, nil
}

// readW reads W's file from dir and verifies the checksum.
func (m *Model) readW(dir string) error {
	if m.WFile == "" || m.WFile != filepath.Base(m.WFile) || m.Vocabulary == nil || m.K < 1 {
		return errors.New("no W file named, or sizes missing")
	}
	wpath := filepath.Join(dir, m.WFile)
	b, err := os.ReadFile(wpath)
	if err != nil {
		return err
	}
	terms, labels := m.Vocabulary.Len(), 0
	if m.Classifier != nil {
		labels = len(m.Classifier.Labels)
	}
	if want := 8 * terms * (m.K + labels); len(b) != want {
		return fmt.Errorf("%s holds %d bytes, want %d (%d terms × (%d topics + %d labels))", wpath, len(b), want, terms, m.K, labels)
	}
	sum, err := m.checksum(b)
	if err != nil {
		return err
	}
	if sum != m.Checksum {
		return fmt.Errorf("checksum mismatch: the model or %s is damaged or from another run", wpath)
	}
	values := make([]float64, len(b)/8)
	for i := range values {
		values[i] = math.Float64frombits(binary.LittleEndian.Uint64(b[8*i:]))
	}
	m.W = values[:terms*m.K]
	if m.Classifier != nil {
		m.Classifier.LogProb = mat.NewDense(terms, labels, values[terms*m.K:])
	}
	return nil
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
	if m.Classifier != nil {
		if err := m.Classifier.Check(m.Vocabulary.Len()); err != nil {
			return err
		}
	}
	if _, err := m.solver(0).WithDefaults(); err != nil {
		return err
	}
	total := 0.0
	for i, w := range m.W {
		if !(w >= 0) || math.IsInf(w, 0) {
			return fmt.Errorf("W entry %d is %v", i, w)
		}
		total += w
	}
	// An all-zero W would report every document as "no known term".
	if total == 0 {
		return errors.New("W is all zero")
	}
	return nil
}

// solver returns the settings that solve H for new documents with W fixed.
func (m *Model) solver(workers int) factor.NMF {
	return factor.NMF{K: m.K, Loss: m.Loss, L1H: m.L1H, L2H: m.L2H, Tol: m.Tol, Workers: workers}
}

// topicsW returns W as a matrix, terms × topics.
func (m *Model) topicsW() *mat.Dense {
	return mat.NewDense(m.Vocabulary.Len(), m.K, m.W)
}

// predict returns the predicted label of each document (column of X) and
// its probability, by the classifier; "" and 0 when the model has none.
func (m *Model) predict(X *sparse.CSR, workers int) ([]string, []float64) {
	if m.Classifier != nil {
		return m.Classifier.Predict(X, workers)
	}
	return make([]string, X.Cols), make([]float64, X.Cols)
}
