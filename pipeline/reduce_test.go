package pipeline

import (
	"errors"
	"math"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/topicmill/topicmill/report"
)

// TestReduce reduces a demo run of eight topics (the six subjects, two of
// them split) along its tree and by named groups, writes the result and
// checks it: every document keeps a topic, a merged topic holds its parts'
// documents, and the new model loads with the new k.
func TestReduce(t *testing.T) {
	const k = 8
	res, dir := writtenDemoRun(t, k)
	tests := []struct {
		name  string
		opts  ReduceOptions
		want  int     // topics after
		group [][]int // old topics of each new one, when known
		nmi   float64 // against the six subjects (the run's: 0.940)
	}{
		// Along the tree, 8 topics down to 6 are the six subjects again.
		{"to 6", ReduceOptions{Run: dir, To: 6}, 6, nil, 1},
		{"to 1", ReduceOptions{Run: dir, To: 1}, 1, [][]int{{0, 1, 2, 3, 4, 5, 6, 7}}, 0},
		{"merge", ReduceOptions{Run: dir, Merge: [][]int{{3, 7}, {1, 2}}}, 6, [][]int{{0}, {1, 2}, {3, 7}, {4}, {5}, {6}}, 0.834},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			red, err := Reduce(tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			if len(red.Report.Topics) != tc.want || red.Model.K != tc.want {
				t.Fatalf("%d topics, model k %d, want %d", len(red.Report.Topics), red.Model.K, tc.want)
			}
			if nmi := red.Report.Scores.NMI; math.Abs(nmi-tc.nmi) > 5e-4 {
				t.Errorf("NMI %.4f, want %.3f", nmi, tc.nmi)
			}
			// No document loses its topic, and a document's new topic holds
			// its old one, but for a few borderline ones: assignment scales
			// W's columns to unit norm, and a merged column (a mean of
			// different columns) has a smaller norm than its parts.
			moved := 0
			for j, a := range red.Assignments {
				old := res.Assignments[j]
				if (a.Topic < 0) != (old.Topic < 0) {
					t.Fatalf("document %d: topic %d before, %d after", j, old.Topic, a.Topic)
				}
				if tc.group != nil && old.Topic >= 0 && !slices.Contains(tc.group[a.Topic], old.Topic) {
					moved++
				}
			}
			if moved > len(red.Assignments)/100 {
				t.Errorf("%d documents of %d left their merged topic", moved, len(red.Assignments))
			}
			out := filepath.Join(t.TempDir(), "reduced")
			if err := red.Write(out); err != nil {
				t.Fatal(err)
			}
			m, err := LoadModel(out)
			if err != nil || m.K != tc.want {
				t.Fatalf("reduced model: %v, k %v", err, m)
			}
			if m.Classifier == nil {
				t.Error("the reduced model lost the run's label classifier")
			}
			rows, err := parquet.ReadFile[report.TreeRow](filepath.Join(out, TreeFile))
			if err != nil || len(rows) != 2*tc.want-1 {
				t.Errorf("reduced tree: %d rows, %v", len(rows), err)
			}
			if red.Report.Parameters["k"] != "" && red.Report.Parameters["reduced-from"] == "" {
				t.Error("the reduced run does not say what it came from")
			}
		})
	}
	// The tree's first merge is what reducing by one topic does.
	tree := res.Report.Tree[k]
	red, err := Reduce(ReduceOptions{Run: dir, To: k - 1})
	if err != nil {
		t.Fatal(err)
	}
	if got := red.Report.Parameters["merged"]; got != formatGroups([][]int{tree.Topics}) {
		t.Errorf("to k-1 merged %q, want the tree's first merge %v", got, tree.Topics)
	}
	for _, bad := range []ReduceOptions{
		{Run: dir},
		{Run: dir, To: 9},
		{Run: dir, To: 2, Merge: [][]int{{0, 1}}},
		{Run: dir, Merge: [][]int{{0}}},
		{Run: dir, Merge: [][]int{{0, 1}, {1, 2}}},
		{Run: dir, Merge: [][]int{{0, 8}}},
	} {
		if _, err := Reduce(bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("Reduce(%+v) = %v, want ErrInvalid", bad, err)
		}
	}
	if _, err := Reduce(ReduceOptions{Run: t.TempDir(), To: 2}); !errors.Is(err, ErrModel) {
		t.Errorf("reduce a folder with no run: %v, want ErrModel", err)
	}
}

func TestParseGroups(t *testing.T) {
	got, err := ParseGroups("3,7; 1 ,2")
	if err != nil || !slices.EqualFunc(got, [][]int{{3, 7}, {1, 2}}, slices.Equal) {
		t.Errorf("ParseGroups = %v, %v", got, err)
	}
	if _, err := ParseGroups("3,x"); !errors.Is(err, ErrInvalid) {
		t.Errorf("ParseGroups(3,x) = %v, want ErrInvalid", err)
	}
}
