package factor_test

import (
	"context"
	"fmt"

	"github.com/topicmill/topicmill/factor"
	"gonum.org/v1/gonum/mat"
)

// Example factors six words × four documents made of two planted topics,
// a = words 0–2 and b = words 3–5 (documents 2a, a + ½b, 2b and b), prints
// how much of each document's mass each topic explains, and then assigns a
// new document with the fitted W held fixed (Transform). The fit numbers
// the topics: here topic 1 is a and topic 0 is b.
func Example() {
	X := factor.FromDense(mat.NewDense(6, 4, []float64{
		2, 1, 0, 0,
		4, 2, 0, 0,
		2, 1, 0, 0,
		0, 0.5, 2, 1,
		0, 1, 4, 2,
		0, 0.5, 2, 1,
	}))
	nmf := factor.NMF{K: 2}
	res, err := nmf.Fit(context.Background(), X)
	if err != nil {
		fmt.Println(err)
		return
	}
	var WH mat.Dense
	WH.Mul(res.W, res.H)
	fmt.Printf("converged %v, ½‖X − WH‖² < 1e-9: %v\n", res.Converged, res.Objective < 1e-9)
	fmt.Printf("WH =\n%.1f\n", mat.Formatted(&WH))
	for j := 0; j < 4; j++ {
		fmt.Printf("document %d: %s\n", j, shares(res.W, res.H, j))
	}

	// A new document of words 3 and 4 only: topic b's words.
	Xnew := factor.FromDense(mat.NewDense(6, 1, []float64{0, 0, 0, 1, 2, 0}))
	Hnew, err := nmf.Transform(context.Background(), res.W, Xnew)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("new document: %s\n", shares(res.W, Hnew, 0))
	// Output:
	// converged true, ½‖X − WH‖² < 1e-9: true
	// WH =
	// ⎡2.0  1.0  0.0  0.0⎤
	// ⎢4.0  2.0  0.0  0.0⎥
	// ⎢2.0  1.0  0.0  0.0⎥
	// ⎢0.0  0.5  2.0  1.0⎥
	// ⎢0.0  1.0  4.0  2.0⎥
	// ⎣0.0  0.5  2.0  1.0⎦
	// document 0: topic 0   0% topic 1 100%
	// document 1: topic 0  33% topic 1  67%
	// document 2: topic 0 100% topic 1   0%
	// document 3: topic 0 100% topic 1   0%
	// new document: topic 0 100% topic 1   0%
}

// shares formats the part of column j of W·H that each topic explains:
// H[t, j] times the column sum of W's column t, as a percentage.
func shares(W, H *mat.Dense, j int) string {
	k, _ := H.Dims()
	mass := make([]float64, k)
	total := 0.0
	for t := range mass {
		mass[t] = H.At(t, j) * mat.Sum(W.ColView(t))
		total += mass[t]
	}
	s := ""
	for t, v := range mass {
		s += fmt.Sprintf(" topic %d %3.0f%%", t, 100*v/total)
	}
	return s[1:]
}
