package cluster

import (
	"reflect"
	"testing"
)

func TestRepresentatives(t *testing.T) {
	as := []Assignment{
		{Topic: 0, Confidence: 0.5},
		{Topic: 1, Confidence: 0.9},
		{Topic: 0, Confidence: 0.8},
		{Topic: -1},
		{Topic: 0, Confidence: 0.8},
		{Topic: 0, Confidence: 0.3},
		{Topic: 7, Confidence: 1}, // outside k: ignored
	}
	tests := []struct {
		k, n int
		want [][]int
	}{
		{3, 2, [][]int{{2, 4}, {1}, {}}},
		{2, 10, [][]int{{2, 4, 0, 5}, {1}}},
		{2, 0, [][]int{{}, {}}},
	}
	for _, tc := range tests {
		if got := Representatives(as, tc.k, tc.n); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("k=%d n=%d: %v, want %v", tc.k, tc.n, got, tc.want)
		}
	}
}

func TestMajorityAndLabelMap(t *testing.T) {
	labels := []string{"b", "a", "a", "", "spam", "ham", "x", "x"}
	topics := []int{0, 0, 0, 0, 1, 1, -1, 3}
	as := make([]Assignment, len(topics))
	for i, tp := range topics {
		as[i].Topic = tp
	}
	label, share := Majority(labels, as, 4)
	wantLabel := []string{"a", "ham", "", "x"} // topic 1 ties: the first label in order
	wantShare := []float64{2.0 / 3, 0.5, 0, 1}
	if !reflect.DeepEqual(label, wantLabel) || !reflect.DeepEqual(share, wantShare) {
		t.Errorf("Majority = %q %v, want %q %v", label, share, wantLabel, wantShare)
	}
	if got := LabelMap(labels, as, 4); !reflect.DeepEqual(got, wantLabel) {
		t.Errorf("LabelMap = %q, want %q", got, wantLabel)
	}
	// Topic 3 lies outside k = 2 and is left out.
	if got := LabelMap(labels, as, 2); !reflect.DeepEqual(got, []string{"a", "ham"}) {
		t.Errorf("LabelMap(k=2) = %q", got)
	}
}
