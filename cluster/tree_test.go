package cluster

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestTree(t *testing.T) {
	tests := []struct {
		name string
		sim  [][]float64
		want []Merge
	}{
		{
			// Distances 0–1 .1, 0–2 .8, 0–3 .9, 1–2 .7, 1–3 .8, 2–3 .4: the
			// pair {0,1} meets {2,3} at the mean of their four distances, 0.8.
			name: "average linkage",
			sim: [][]float64{
				{1, 0.9, 0.2, 0.1},
				{0.9, 1, 0.3, 0.2},
				{0.2, 0.3, 1, 0.6},
				{0.1, 0.2, 0.6, 1},
			},
			want: []Merge{{0, 1, 0.1, 2}, {2, 3, 0.4, 2}, {4, 5, 0.8, 4}},
		},
		{
			name: "ties go to the smallest ids",
			sim:  [][]float64{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
			want: []Merge{{0, 1, 1, 2}, {2, 3, 1, 3}},
		},
		{
			name: "one topic has no merges",
			sim:  [][]float64{{1}},
			want: []Merge{},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Tree(tc.sim)
			if len(got) != len(tc.want) {
				t.Fatalf("got %d merges %v, want %v", len(got), got, tc.want)
			}
			for i, m := range got {
				w := tc.want[i]
				if m.A != w.A || m.B != w.B || m.Size != w.Size || math.Abs(m.Distance-w.Distance) > 1e-12 {
					t.Errorf("merge %d = %+v, want %+v", i, m, w)
				}
			}
		})
	}
}

// TestTreePlantedTopics builds W from four topics over twelve words, two of
// which (1 and 3) share eight of their ten words: they merge first.
func TestTreePlantedTopics(t *testing.T) {
	const m = 12
	W := mat.NewDense(m, 4, nil)
	words := [][]int{
		{0, 1, 2},                        // topic 0
		{2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, // topic 1
		{0, 1, 11},                       // topic 2
		{3, 4, 5, 6, 7, 8, 9, 10, 0, 1},  // topic 3: eight words of topic 1
	}
	for topic, ws := range words {
		for _, w := range ws {
			W.Set(w, topic, 1)
		}
	}
	got := Tree(Similarity(W))
	if got[0].A != 1 || got[0].B != 3 {
		t.Fatalf("first merge joins %d and %d, want 1 and 3 (merges %v)", got[0].A, got[0].B, got)
	}
	if want := 1 - 0.8; math.Abs(got[0].Distance-want) > 1e-12 {
		t.Errorf("first merge at distance %v, want %v", got[0].Distance, want)
	}
}

func TestCutAndLeaves(t *testing.T) {
	merges := []Merge{{0, 1, 0.1, 2}, {2, 3, 0.4, 2}, {4, 5, 0.8, 4}}
	cuts := []struct {
		n    int
		want []int
	}{
		{4, []int{0, 1, 2, 3}},
		{3, []int{0, 0, 1, 2}},
		{2, []int{0, 0, 1, 1}},
		{1, []int{0, 0, 0, 0}},
		{9, []int{0, 1, 2, 3}}, // more groups than topics: every topic alone
	}
	for _, c := range cuts {
		if got := Cut(merges, c.n); !slices.Equal(got, c.want) {
			t.Errorf("Cut(%d) = %v, want %v", c.n, got, c.want)
		}
	}
	leaves := Leaves(merges)
	want := [][]int{{0}, {1}, {2}, {3}, {0, 1}, {2, 3}, {0, 1, 2, 3}}
	for i := range want {
		if !slices.Equal(leaves[i], want[i]) {
			t.Errorf("Leaves[%d] = %v, want %v", i, leaves[i], want[i])
		}
	}
}

func TestMergeTopics(t *testing.T) {
	// Topic 0 has mass 3 in H, topic 1 mass 1: their merged column is
	// ¾·w₀ + ¼·w₁ and the merged row their sum.
	W := mat.NewDense(2, 3, []float64{
		1, 0, 5,
		0, 1, 5,
	})
	H := mat.NewDense(3, 2, []float64{
		1, 2,
		1, 0,
		0, 0,
	})
	W2, H2 := MergeTopics(W, H, [][]int{{0, 1}, {2}})
	wantW := []float64{0.75, 5, 0.25, 5}
	wantH := []float64{2, 2, 0, 0}
	if got := W2.RawMatrix().Data; !slices.Equal(got, wantW) {
		t.Errorf("W2 = %v, want %v", got, wantW)
	}
	if got := H2.RawMatrix().Data; !slices.Equal(got, wantH) {
		t.Errorf("H2 = %v, want %v", got, wantH)
	}
	// A massless topic alone keeps its column (the plain mean of one).
	if got := NodeColumns(W, H, [][]int{{2}, {1, 2}}).RawMatrix().Data; !slices.Equal(got, []float64{5, 0, 5, 1}) {
		t.Errorf("NodeColumns = %v, want [5 0 5 1]", got)
	}
}
