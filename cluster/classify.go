package cluster

import (
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// Classifier predicts a document's label from its topic weights by
// multinomial logistic regression on the document's topic shares (its
// column of H under the unit-norm scaling of W's columns, divided by its
// sum): one weight per label and topic plus a bias per label, fitted on the
// labeled documents of a run with a small L2 penalty. It learns which mix of
// topics marks a label, where a topic's majority label knows only the
// strongest topic.
type Classifier struct {
	Labels []string `json:"labels"`
	// Weights holds one row per label: k topic weights, then the bias.
	Weights [][]float64 `json:"weights"`
	// Scale is the unit-norm scaling of W's columns the shares are read under.
	Scale []float64 `json:"scale"`
}

// classifierL2 is the L2 penalty on the topic weights, per document: enough
// to keep weights finite when a label is separable, small enough to leave
// the fit to the data.
const classifierL2 = 1e-4

// TrainClassifier fits a classifier on documents whose columns of H (k × n,
// with W the m × k topics) carry the given labels; "" marks an unlabeled
// document, left out. It returns an error when fewer than two labels occur.
func TrainClassifier(W, H *mat.Dense, labels []string) (*Classifier, error) {
	k, n := H.Dims()
	if len(labels) != n {
		panic(fmt.Sprintf("cluster: %d labels for %d documents", len(labels), n))
	}
	scale := columnNorms(W, H)
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
	var xs [][]float64
	var ys []int
	for j, l := range labels {
		if l == "" {
			continue
		}
		xs = append(xs, shares(H, j, scale, nil))
		ys = append(ys, index[l])
	}
	c := &Classifier{Labels: names, Scale: scale}
	c.Weights = fitSoftmax(xs, ys, len(names), k)
	return c, nil
}

// shares returns document j's topic shares under scale, in dst (k+1 long,
// its last entry the constant 1 of the bias); all zero for an empty column.
func shares(H *mat.Dense, j int, scale, dst []float64) []float64 {
	k, _ := H.Dims()
	dst = append(dst[:0], make([]float64, k+1)...)
	sum := 0.0
	for t := range k {
		if v := H.At(t, j) * scale[t]; v > 0 {
			dst[t] = v
			sum += v
		}
	}
	if sum > 0 {
		for t := range k {
			dst[t] /= sum
		}
	}
	dst[k] = 1
	return dst
}

// fitSoftmax minimises the mean cross-entropy of labels ys given features
// xs (each ending in the constant 1) plus classifierL2/2 times the squared
// topic weights (biases unpenalised), by Nesterov's accelerated gradient
// from zero with the step 1/L of the loss's gradient Lipschitz bound: the
// loss is convex, so the result does not depend on the start, and a fixed
// number of steps makes it deterministic.
func fitSoftmax(xs [][]float64, ys []int, labels, k int) [][]float64 {
	width := k + 1
	n := float64(len(xs))
	// The cross-entropy's Hessian is at most ½·max‖x‖² per label block.
	lip := classifierL2
	for _, x := range xs {
		sq := 0.0
		for _, v := range x {
			sq += v * v
		}
		lip = max(lip, sq/2+classifierL2)
	}
	step := 1 / lip
	p := make([]float64, labels)
	gradient := func(g, w []float64) {
		clear(g)
		for d, x := range xs {
			logSoftmax(p, w, x, width)
			for l := range labels {
				r := math.Exp(p[l])
				if l == ys[d] {
					r--
				}
				row := g[l*width : (l+1)*width]
				for f, v := range x {
					row[f] += r * v
				}
			}
		}
		for i := range g {
			g[i] /= n
			if (i+1)%width != 0 {
				g[i] += classifierL2 * w[i]
			}
		}
	}
	w := make([]float64, labels*width)
	prev, y, g := slices.Clone(w), slices.Clone(w), make([]float64, len(w))
	for it := 1; it <= softmaxSteps; it++ {
		gradient(g, y)
		copy(prev, w)
		for i := range w {
			w[i] = y[i] - step*g[i]
		}
		beta := float64(it-1) / float64(it+2)
		for i := range y {
			y[i] = w[i] + beta*(w[i]-prev[i])
		}
	}
	rows := make([][]float64, labels)
	for l := range rows {
		rows[l] = slices.Clone(w[l*width : (l+1)*width])
	}
	return rows
}

// softmaxSteps is the number of accelerated gradient steps: the fit's
// accuracy on 20news-bydate's training posts stops changing well before.
const softmaxSteps = 300

// logSoftmax sets p[l] to log P(label l | x) under weights w (labels rows
// of width entries, row-major).
func logSoftmax(p, w, x []float64, width int) {
	top := math.Inf(-1)
	for l := range p {
		s := 0.0
		for f, v := range x {
			s += w[l*width+f] * v
		}
		p[l] = s
		top = max(top, s)
	}
	sum := 0.0
	for _, s := range p {
		sum += math.Exp(s - top)
	}
	norm := top + math.Log(sum)
	for l := range p {
		p[l] -= norm
	}
}

// Predict returns the label of each column of H (k × n) and its
// probability.
func (c *Classifier) Predict(H *mat.Dense) (labels []string, confidence []float64) {
	k, n := H.Dims()
	if k != len(c.Scale) {
		panic(fmt.Sprintf("cluster: classifier for %d topics given %d", len(c.Scale), k))
	}
	flat := make([]float64, 0, len(c.Labels)*(k+1))
	for _, row := range c.Weights {
		flat = append(flat, row...)
	}
	labels, confidence = make([]string, n), make([]float64, n)
	p := make([]float64, len(c.Labels))
	var x []float64
	for j := range n {
		x = shares(H, j, c.Scale, x)
		logSoftmax(p, flat, x, k+1)
		best := 0
		for l := range p {
			if p[l] > p[best] {
				best = l
			}
		}
		labels[j], confidence[j] = c.Labels[best], math.Exp(p[best])
	}
	return labels, confidence
}

// Check reports a classifier whose sizes do not fit k topics or whose
// numbers are not finite (a damaged saved model).
func (c *Classifier) Check(k int) error {
	if len(c.Labels) < 2 || len(c.Weights) != len(c.Labels) || len(c.Scale) != k {
		return errors.New("classifier: inconsistent sizes")
	}
	for _, row := range c.Weights {
		if len(row) != k+1 {
			return errors.New("classifier: inconsistent sizes")
		}
		for _, v := range row {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("classifier: weight %v", v)
			}
		}
	}
	for _, s := range c.Scale {
		if !(s >= 0) || math.IsInf(s, 0) {
			return fmt.Errorf("classifier: scale %v", s)
		}
	}
	return nil
}
