package cluster

import (
	"math"
	"reflect"
	"testing"
)

func TestTallyScores(t *testing.T) {
	var tl Tally
	for _, p := range [][2]string{
		{"ham", "ham"}, {"ham", "ham"}, {"ham", "ham"}, {"ham", "spam"},
		{"spam", "spam"}, {"spam", "ham"}, {"", "spam"}, {"ham", ""},
	} {
		tl.Add(p[0], p[1])
	}
	c := tl.Score()
	if c.Documents != 6 || math.Abs(c.Accuracy-4.0/6) > 1e-12 {
		t.Errorf("documents %d accuracy %v, want 6 and 4/6", c.Documents, c.Accuracy)
	}
	if !reflect.DeepEqual(c.Confusion, [][]int{{3, 1}, {1, 1}}) {
		t.Errorf("confusion %v", c.Confusion)
	}
	ham, spam := c.Labels[0], c.Labels[1]
	if ham.Label != "ham" || math.Abs(ham.Precision-0.75) > 1e-12 || math.Abs(ham.Recall-0.75) > 1e-12 {
		t.Errorf("ham %+v, want precision and recall 0.75", ham)
	}
	if math.Abs(spam.Precision-0.5) > 1e-12 || math.Abs(spam.Recall-0.5) > 1e-12 || math.Abs(spam.F1-0.5) > 1e-12 {
		t.Errorf("spam %+v, want 0.5 each", spam)
	}
	if math.Abs(c.MacroF1-(0.75+0.5)/2) > 1e-12 {
		t.Errorf("macro F1 %v, want 0.625", c.MacroF1)
	}
}
