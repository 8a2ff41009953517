package report

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func TestReadDocTopicsRoundTrip(t *testing.T) {
	for _, c := range []struct{ k, n int }{{1, 1}, {12, 2*docTopicsBatch + 7}} {
		ids, H := docTopicsFixture(c.k, c.n)
		path := filepath.Join(t.TempDir(), "doc_topics.parquet")
		if err := WriteDocTopics(path, ids, H, Meta{}); err != nil {
			t.Fatal(err)
		}
		gotIDs, gotH, err := ReadDocTopics(path)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(gotIDs, ids) {
			t.Errorf("k %d, n %d: ids differ", c.k, c.n)
		}
		for tp := 0; tp < c.k; tp++ {
			for j := 0; j < c.n; j++ {
				if gotH.At(tp, j) != H.At(tp, j) {
					t.Fatalf("k %d, n %d: H[%d][%d] = %v, want %v", c.k, c.n, tp, j, gotH.At(tp, j), H.At(tp, j))
				}
			}
		}
	}
	other := filepath.Join(t.TempDir(), "topics.parquet")
	if err := WriteTopics(other, []TopicTermRow{{Term: "a"}}, Meta{}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := ReadDocTopics(other); err == nil {
		t.Error("read topics.parquet as doc_topics")
	}
	if _, _, err := ReadDocTopics(filepath.Join(t.TempDir(), "none")); !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
}
