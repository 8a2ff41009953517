package cluster

import (
	"math"
	"testing"

	"github.com/topicmill/topicmill/sparse"
)

// csr builds a terms × documents CSR from dense rows.
func csr(rows [][]float64) *sparse.CSR {
	x := &sparse.CSR{Rows: len(rows), Cols: len(rows[0]), RowPtr: make([]int, len(rows)+1)}
	for i, row := range rows {
		for j, v := range row {
			if v != 0 {
				x.ColInd = append(x.ColInd, int32(j))
				x.Val = append(x.Val, v)
			}
		}
		x.RowPtr[i+1] = len(x.Val)
	}
	return x
}

// TestClassifierByHand checks the naive Bayes sums, smoothing and priors
// on three terms and four documents, and the prediction of new ones.
func TestClassifierByHand(t *testing.T) {
	// terms: ball, goal, vote; documents 0-2 sport, 3 politics, 4 unlabeled.
	X := csr([][]float64{
		{1, 2, 0, 0, 9},
		{1, 0, 1, 0, 9},
		{0, 0, 0, 3, 9},
	})
	c, err := TrainClassifier(X, []string{"sport", "sport", "sport", "politics", ""}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Labels) != 2 || c.Labels[0] != "politics" || c.Labels[1] != "sport" {
		t.Fatalf("labels %q", c.Labels)
	}
	a := ClassifierAlpha
	// sport sums: ball 3, goal 2, vote 0 (total 5); politics: 0, 0, 3.
	want := [3][2]float64{
		{math.Log(a / (3 + 3*a)), math.Log((3 + a) / (5 + 3*a))},
		{math.Log(a / (3 + 3*a)), math.Log((2 + a) / (5 + 3*a))},
		{math.Log((3 + a) / (3 + 3*a)), math.Log(a / (5 + 3*a))},
	}
	for i := range want {
		for l := range want[i] {
			if got := c.LogProb.At(i, l); math.Abs(got-want[i][l]) > 1e-12 {
				t.Errorf("log P(term %d | %s) = %v, want %v", i, c.Labels[l], got, want[i][l])
			}
		}
	}
	if math.Abs(c.LogPrior[0]-math.Log(0.25)) > 1e-12 || math.Abs(c.LogPrior[1]-math.Log(0.75)) > 1e-12 {
		t.Errorf("log priors %v, want log 0.25, log 0.75", c.LogPrior)
	}
	// New documents: a goal, a vote, nothing known.
	labels, conf := c.Predict(csr([][]float64{{0, 0, 0}, {1, 0, 0}, {0, 1, 0}}), 1)
	if labels[0] != "sport" || labels[1] != "politics" || labels[2] != "sport" {
		t.Errorf("predicted %q, want sport, politics, sport", labels)
	}
	s := math.Log(0.75) + want[1][1]
	p := math.Log(0.25) + want[1][0]
	if wantConf := 1 / (1 + math.Exp(p-s)); math.Abs(conf[0]-wantConf) > 1e-12 {
		t.Errorf("confidence of the goal document %v, want %v", conf[0], wantConf)
	}
	if math.Abs(conf[2]-0.75) > 1e-12 {
		t.Errorf("an empty document gets confidence %v, want the prior 0.75", conf[2])
	}
	if err := c.Check(3); err != nil {
		t.Errorf("Check: %v", err)
	}
	if err := c.Check(4); err == nil {
		t.Error("Check accepts a classifier for another vocabulary")
	}
	if _, err := TrainClassifier(X, []string{"a", "a", "", "", ""}, 1); err == nil {
		t.Error("a classifier from one label")
	}
}
