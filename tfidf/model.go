package tfidf

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/topicmill/topicmill/vocab"
)

// Model is a fitted weighting: the choices (defaults resolved) and the idf of
// every vocabulary term, indexed by term id. It is saved as JSON with a model.
type Model struct {
	Weighting Weighting `json:"weighting"`
	IDF       []float64 `json:"idf"`
}

// Fit computes the idf of every term of v under w.
func Fit(w Weighting, v *vocab.Vocabulary) (*Model, error) {
	if err := w.Validate(); err != nil {
		return nil, fmt.Errorf("fit: %w", err)
	}
	m := &Model{Weighting: w.WithDefaults(), IDF: make([]float64, v.Len())}
	n := float64(v.NDocs)
	for i, df := range v.DF {
		switch m.Weighting.IDF {
		case IDFSmooth:
			m.IDF[i] = math.Log((1+n)/(1+float64(df))) + 1
		case IDFNone:
			m.IDF[i] = 1
		}
	}
	return m, nil
}

// Validate checks the weighting and that every idf is finite and positive.
func (m *Model) Validate() error {
	if err := m.Weighting.Validate(); err != nil {
		return err
	}
	for i, x := range m.IDF {
		if !(x > 0) || math.IsInf(x, 0) {
			return fmt.Errorf("tfidf: idf of term %d is %v, want a positive number", i, x)
		}
	}
	return nil
}

// UnmarshalJSON reads a model and validates it, so that a damaged saved model
// is refused at load rather than misweighting documents.
func (m *Model) UnmarshalJSON(data []byte) error {
	type plain Model // without this method
	var p plain
	if err := json.Unmarshal(data, &p); err != nil {
		return fmt.Errorf("tfidf: %w", err)
	}
	if err := (*Model)(&p).Validate(); err != nil {
		return err
	}
	*m = Model(p)
	return nil
}

// Column returns one document's weighted, normalised column: the bag's term
// ids and their weights, appended to terms[:0] and vals[:0] so that a caller
// looping over documents allocates nothing. It serves the corpus and new
// documents alike; an empty bag gives an empty (all-zero) column.
func (m *Model) Column(b vocab.Bag, terms []int32, vals []float64) ([]int32, []float64) {
	w := m.Weighting.WithDefaults()
	terms, vals = terms[:0], vals[:0]
	for i, t := range b.Terms {
		c := b.Counts[i]
		if c <= 0 {
			panic(fmt.Sprintf("tfidf: term %d has count %d in a bag", t, c))
		}
		var tf float64
		switch w.TF {
		case TFRaw:
			tf = float64(c)
		case TFSublinear:
			tf = 1 + math.Log(float64(c))
		case TFBinary:
			tf = 1
		default:
			panic(fmt.Sprintf("tfidf: Column with unvalidated tf %q", w.TF))
		}
		terms = append(terms, t)
		vals = append(vals, tf*m.IDF[t])
	}
	normalise(vals, w.Norm)
	return terms, vals
}

// normalise scales vals in place to unit l2 or l1 norm (or not at all).
func normalise(vals []float64, norm Norm) {
	var s float64
	switch norm {
	case NormL2:
		for _, x := range vals {
			s += x * x
		}
		s = math.Sqrt(s)
	case NormL1:
		for _, x := range vals {
			s += math.Abs(x)
		}
	case NormNone:
		return
	default:
		panic(fmt.Sprintf("tfidf: Column with unvalidated norm %q", norm))
	}
	if s == 0 {
		return
	}
	for i := range vals {
		vals[i] /= s
	}
}
