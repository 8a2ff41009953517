package pipeline

import (
	"errors"
	"testing"
)

// TestFindAndTopicsPerLabel checks, on the demo corpus (six subjects in
// six topics), that a word finds its subject's topic first and that each
// label's documents fall in topics as assignments.parquet says.
func TestFindAndTopicsPerLabel(t *testing.T) {
	res, out := writtenDemoRun(t, 6)
	model, err := LoadModel(out)
	if err != nil {
		t.Fatal(err)
	}
	finds := []struct{ word, stem, label string }{
		{"Galaxies", "galaxi", "space"},
		{"skillets", "skillet", "cooking"},
	}
	for _, f := range finds {
		stem, topics, err := model.Find(f.word)
		if err != nil {
			t.Fatalf("Find(%q): %v", f.word, err)
		}
		if stem != f.stem || len(topics) == 0 {
			t.Fatalf("Find(%q) = %q, %v; want stem %q and topics", f.word, stem, topics, f.stem)
		}
		top := res.Report.Topics[topics[0].Topic]
		if top.MajorityLabel != f.label || topics[0].Rank > 20 {
			t.Errorf("Find(%q): first topic %d (mostly %s), word at rank %d; want a %s topic", f.word, top.ID, top.MajorityLabel, topics[0].Rank, f.label)
		}
		for i := 1; i < len(topics); i++ {
			if topics[i].Weight > topics[i-1].Weight {
				t.Errorf("Find(%q): topics out of order: %v", f.word, topics)
			}
		}
	}
	for _, bad := range []string{"the", "zzzunknown", "two words"} {
		if _, _, err := model.Find(bad); !errors.Is(err, ErrInvalid) {
			t.Errorf("Find(%q) = %v, want ErrInvalid", bad, err)
		}
	}

	lt, err := TopicsPerLabel(out, model.K)
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"computing", "cooking", "finance", "football", "gardening", "space"}; len(lt.Labels) != len(want) {
		t.Fatalf("labels %v, want %v", lt.Labels, want)
	}
	for l, label := range lt.Labels {
		total := lt.Unassigned[l]
		for topic := 0; topic < lt.K; topic++ {
			total += lt.Counts[l][topic]
			want := 0
			for j, a := range res.Assignments {
				if a.Topic == topic && res.Vectorized.Docs[j].Label == label {
					want++
				}
			}
			if lt.Counts[l][topic] != want {
				t.Errorf("%s in topic %d: %d documents, want %d", label, topic, lt.Counts[l][topic], want)
			}
		}
		if total != 50 || lt.Documents[l] != 50 {
			t.Errorf("%s: %d documents counted, %d in all, want 50", label, total, lt.Documents[l])
		}
	}
}
