package cluster

import (
	"math"
	"reflect"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestTopTerms(t *testing.T) {
	W := mat.NewDense(5, 2, []float64{
		1, 0,
		3, 0,
		3, 0,
		2, 0.5,
		3, 0,
	})
	tests := []struct {
		n       int
		ids     [][]int
		weights [][]float64
	}{
		{2, [][]int{{1, 2}, {3, 0}}, [][]float64{{3, 3}, {0.5, 0}}},
		{4, [][]int{{1, 2, 4, 3}, {3, 0, 1, 2}}, [][]float64{{3, 3, 3, 2}, {0.5, 0, 0, 0}}},
		{9, [][]int{{1, 2, 4, 3, 0}, {3, 0, 1, 2, 4}}, [][]float64{{3, 3, 3, 2, 1}, {0.5, 0, 0, 0, 0}}},
		{0, [][]int{{}, {}}, [][]float64{{}, {}}},
	}
	for _, tc := range tests {
		ids, weights := TopTerms(W, tc.n)
		if !reflect.DeepEqual(ids, tc.ids) || !reflect.DeepEqual(weights, tc.weights) {
			t.Errorf("n=%d: %v %v, want %v %v", tc.n, ids, weights, tc.ids, tc.weights)
		}
	}
}

func TestCoherence(t *testing.T) {
	// Four documents; postings of terms 0..4.
	post := [][]int32{
		{0, 1, 2},
		{0, 1},
		{3},
		{0, 1, 2, 3},
		{0, 1, 2, 3},
	}
	// P(0)=3/4, P(1)=1/2, P(0,1)=1/2: NPMI = ln((1/2)/(3/8)) / −ln(1/2) = ln(4/3)/ln2.
	n01 := math.Log(4.0/3) / math.Log(2)
	tests := []struct {
		top  []int
		want float64
	}{
		{[]int{0, 1}, n01},
		{[]int{0, 1, 2}, (n01 - 1 - 1) / 3}, // 2 never meets 0 or 1
		{[]int{3, 0}, 0},                    // 3 is in every document: independent of 0
		{[]int{3, 4}, 1},                    // together in every document
		{[]int{2}, 0},                       // no pair
		{nil, 0},
	}
	top := make([][]int, len(tests))
	for i, tc := range tests {
		top[i] = tc.top
	}
	got := Coherence(top, func(term int) []int32 { return post[term] }, 4)
	for i, tc := range tests {
		if math.Abs(got[i]-tc.want) > 1e-12 {
			t.Errorf("topic %v: coherence %v, want %v", tc.top, got[i], tc.want)
		}
	}
}
