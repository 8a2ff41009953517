package cluster

import "slices"

// Tally counts true and predicted labels as documents stream by, for the
// classification scores of an assign.
type Tally struct {
	pairs map[[2]string]int // (true, predicted) → documents
}

// Add counts one document; documents without a true or predicted label are
// not counted.
func (t *Tally) Add(truth, predicted string) {
	if truth == "" || predicted == "" {
		return
	}
	if t.pairs == nil {
		t.pairs = map[[2]string]int{}
	}
	t.pairs[[2]string{truth, predicted}]++
}

// LabelScore is one label's precision, recall and F1.
type LabelScore struct {
	Label                 string
	Support               int // documents with this true label
	Predicted             int // documents predicted this label
	Correct               int
	Precision, Recall, F1 float64
}

// Classification is the score of predicted against true labels.
type Classification struct {
	Documents int
	Accuracy  float64
	MacroF1   float64      // mean F1 over the labels that occur as truth
	Labels    []LabelScore // in label order
	// Confusion[i][j] counts documents of true label Labels[i] predicted
	// Labels[j].
	Confusion [][]int
}

// Score returns the classification scores of what was added.
func (t *Tally) Score() Classification {
	var names []string
	for p := range t.pairs {
		names = append(names, p[0], p[1])
	}
	slices.Sort(names)
	names = slices.Compact(names)
	index := map[string]int{}
	for i, n := range names {
		index[n] = i
	}
	c := Classification{Confusion: make([][]int, len(names)), Labels: make([]LabelScore, len(names))}
	for i := range names {
		c.Confusion[i] = make([]int, len(names))
		c.Labels[i].Label = names[i]
	}
	correct := 0
	for p, n := range t.pairs {
		i, j := index[p[0]], index[p[1]]
		c.Confusion[i][j] += n
		c.Labels[i].Support += n
		c.Labels[j].Predicted += n
		c.Documents += n
		if i == j {
			c.Labels[i].Correct += n
			correct += n
		}
	}
	truths := 0
	for i := range c.Labels {
		s := &c.Labels[i]
		if s.Predicted > 0 {
			s.Precision = float64(s.Correct) / float64(s.Predicted)
		}
		if s.Support > 0 {
			s.Recall = float64(s.Correct) / float64(s.Support)
			truths++
		}
		if s.Precision+s.Recall > 0 {
			s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
		}
		if s.Support > 0 {
			c.MacroF1 += s.F1
		}
	}
	if truths > 0 {
		c.MacroF1 /= float64(truths)
	}
	if c.Documents > 0 {
		c.Accuracy = float64(correct) / float64(c.Documents)
	}
	return c
}
