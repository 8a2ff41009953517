package cluster

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"

	"github.com/topicmill/topicmill/sparse"
)

// Classifier predicts a document's label from its TF-IDF column by
// multinomial naive Bayes over the model's terms: each label's term
// distribution is the additively smoothed sum of its training columns, and
// a document goes to the label with the highest log prior plus
// Σ x_t · log P(t | label). Measured against classifiers on the topic
// weights (docs/classify.md), it is the one that carries to documents the
// fit never saw: 20news-bydate train → test 0.843 where a softmax on k = 20
// topic shares gives 0.601 and the topic majority 0.479; sms-spam 70 → 30 %
// 0.982 with spam F1 0.931.
type Classifier struct {
	Labels   []string  `json:"labels"`
	LogPrior []float64 `json:"log_prior"` // log share of each label among the training documents
	Alpha    float64   `json:"alpha"`     // additive smoothing of the term sums
	// LogProb is terms × labels: log P(term | label). It is saved beside
	// the model's W, not in its JSON.
	LogProb *mat.Dense `json:"-"`
}

// ClassifierAlpha is the smoothing: 0.1 was best of 0.01, 0.1, 0.3 and 1 on
// both 20news-bydate and sms-spam (docs/classify.md).
const ClassifierAlpha = 0.1

// TrainClassifier fits a classifier on the columns of X (terms ×
// documents) whose labels are given; "" marks an unlabeled document, left
// out. It returns an error when fewer than two labels occur. It panics if
// labels does not have one entry per column.
func TrainClassifier(X *sparse.CSR, labels []string, workers int) (*Classifier, error) {
	if len(labels) != X.Cols {
		panic(fmt.Sprintf("cluster: %d labels for %d documents", len(labels), X.Cols))
	}
	var names []string
	for _, l := range labels {
		if l != "" {
			names = append(names, l)
		}
	}
	slices.Sort(names)
	names = slices.Compact(names)
	if len(names) < 2 {
		return nil, errors.New("cluster: a classifier needs documents of at least two labels")
	}
	index := make(map[string]int, len(names))
	for i, l := range names {
		index[l] = i
	}
	c := len(names)
	// Y is documents × labels, one-hot; X·Y sums each label's columns.
	Y := mat.NewDense(X.Cols, c, nil)
	prior := make([]float64, c)
	labeled := 0
	for j, l := range labels {
		if l != "" {
			Y.Set(j, index[l], 1)
			prior[index[l]]++
			labeled++
		}
	}
	sums := mat.NewDense(X.Rows, c, nil)
	sparse.MulDense(sums, X, Y, workers)
	total := make([]float64, c)
	raw := sums.RawMatrix()
	for i := range X.Rows {
		for l, v := range raw.Data[i*raw.Stride : i*raw.Stride+c] {
			total[l] += v
		}
	}
	for i := range X.Rows {
		row := raw.Data[i*raw.Stride : i*raw.Stride+c]
		for l := range row {
			row[l] = math.Log((row[l] + ClassifierAlpha) / (total[l] + ClassifierAlpha*float64(X.Rows)))
		}
	}
	for l := range prior {
		prior[l] = math.Log(prior[l] / float64(labeled))
	}
	return &Classifier{Labels: names, LogPrior: prior, Alpha: ClassifierAlpha, LogProb: sums}, nil
}

// Predict returns the label of each column of X (terms × documents, the
// model's terms) and its posterior probability. A document with no known
// term gets the most common label, with that label's share as confidence.
func (c *Classifier) Predict(X *sparse.CSR, workers int) (labels []string, confidence []float64) {
	terms, k := c.LogProb.Dims()
	if X.Rows != terms {
		panic(fmt.Sprintf("cluster: classifier for %d terms given %d", terms, X.Rows))
	}
	scores := mat.NewDense(X.Cols, k, nil)
	sparse.MulDense(scores, X.T(), c.LogProb, workers)
	labels, confidence = make([]string, X.Cols), make([]float64, X.Cols)
	for j := range X.Cols {
		row := scores.RawRowView(j)
		best, top := 0, math.Inf(-1)
		for l := range row {
			row[l] += c.LogPrior[l]
			if row[l] > top {
				best, top = l, row[l]
			}
		}
		sum := 0.0
		for _, s := range row {
			sum += math.Exp(s - top)
		}
		labels[j], confidence[j] = c.Labels[best], 1/sum
	}
	return labels, confidence
}

// Check reports a classifier whose sizes do not fit terms terms or whose
// numbers are not finite (a damaged saved model).
func (c *Classifier) Check(terms int) error {
	if len(c.Labels) < 2 || len(c.LogPrior) != len(c.Labels) || c.LogProb == nil {
		return errors.New("classifier: inconsistent sizes")
	}
	if r, k := c.LogProb.Dims(); r != terms || k != len(c.Labels) {
		return fmt.Errorf("classifier: %d × %d log probabilities for %d terms and %d labels", r, k, terms, len(c.Labels))
	}
	for _, v := range append(slices.Clone(c.LogPrior), c.LogProb.RawMatrix().Data...) {
		if math.IsNaN(v) || math.IsInf(v, 0) || v > 0 {
			return fmt.Errorf("classifier: log probability %v", v)
		}
	}
	return nil
}
