package pipeline

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/report"
)

// writtenDemoRun fits the demo corpus (6 subjects × 50 documents) with k
// topics and writes the run into a temporary folder.
func writtenDemoRun(t *testing.T, k int) (*Result, string) {
	t.Helper()
	res, err := Run(context.Background(), Config{Source: demo, NMF: factor.NMF{K: k}})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "run")
	if err := res.Write(out); err != nil {
		t.Fatal(err)
	}
	return res, out
}

// TestTopicTreeTable checks topic_tree.parquet of a run: 2k-1 nodes, each
// merging into a later node at its parent's height, the topics' words
// those of topics.parquet.
func TestTopicTreeTable(t *testing.T) {
	const k = 6
	res, out := writtenDemoRun(t, k)
	rows, err := parquet.ReadFile[report.TreeRow](filepath.Join(out, TreeFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2*k-1 {
		t.Fatalf("%d rows, want %d", len(rows), 2*k-1)
	}
	topics := make([]int32, len(rows))
	for i, r := range rows {
		if int(r.Child) != i {
			t.Errorf("row %d is node %d", i, r.Child)
		}
		if i == len(rows)-1 {
			if r.Parent != -1 || r.Topics != k {
				t.Errorf("root: parent %d, %d topics, want -1 and %d", r.Parent, r.Topics, k)
			}
			continue
		}
		p := rows[r.Parent]
		if r.Parent <= r.Child || r.Distance != p.Height || r.Height > p.Height {
			t.Errorf("node %d: parent %d, distance %v (parent's height %v), height %v", i, r.Parent, r.Distance, p.Height, r.Height)
		}
		topics[r.Parent] += r.Topics
		if i < k {
			var want []string
			for _, w := range res.Report.Topics[i].Terms {
				want = append(want, w.Term)
			}
			if r.Topics != 1 || r.Height != 0 || !slices.Equal(r.Words, want) {
				t.Errorf("topic %d: %d topics, height %v, words %v, want its topic's words %v", i, r.Topics, r.Height, r.Words, want)
			}
		}
	}
	for i := k; i < len(rows); i++ {
		if topics[i] != rows[i].Topics {
			t.Errorf("node %d: children hold %d topics, row says %d", i, topics[i], rows[i].Topics)
		}
	}
}
