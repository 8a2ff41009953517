package pipeline

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/topicmill/topicmill/factor"
)

// TestSeedWordsGuideTopics fits the demo corpus (6 subjects × 50 documents,
// k = 6) with and without two seed topics whose words a plain fit leaves
// out of every topic's top 10 (its space topic leads with orbital, launch,
// astronomers; its cooking one with cast, iron, little): seeded, topics 0
// and 1 hold every known seed word in their top 10.
func TestSeedWordsGuideTopics(t *testing.T) {
	file := filepath.Join(t.TempDir(), "seeds.txt")
	text := "# two guided topics\ncomet, asteroid, rocket, telescope, zeppelin\n\npasta, dough, flour, butter\n"
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	seeds, err := ReadSeedWords(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(seeds) != 2 || len(seeds[0]) != 5 || seeds[1][3] != "butter" {
		t.Fatalf("ReadSeedWords = %q", seeds)
	}
	stems := [][]string{{"comet", "asteroid", "rocket", "telescop"}, {"pasta", "dough", "flour", "butter"}}
	cases := []struct {
		name   string
		seeds  [][]string
		guided bool // every seed stem in its topic's top 10
	}{
		{"plain", nil, false},
		{"seeded", seeds, true},
	}
	for _, c := range cases {
		res, err := Run(context.Background(), Config{Source: demo, NMF: factor.NMF{K: 6}, Seeds: c.seeds})
		if err != nil {
			t.Fatal(err)
		}
		for line, want := range stems {
			// The topic holding most of the line's stems in its top 10.
			best, bestHeld := -1, -1
			for _, topic := range res.Report.Topics {
				held := 0
				for _, term := range topic.Terms {
					if slices.Contains(want, term.Stem) {
						held++
					}
				}
				if held > bestHeld {
					best, bestHeld = topic.ID, held
				}
			}
			t.Logf("%s: seed line %d: topic %d holds %d of %d seed stems in its top 10", c.name, line, best, bestHeld, len(want))
			if got := bestHeld == len(want); got != c.guided {
				t.Errorf("%s: seed line %d: the best topic (%d) holds %d of %v in its top 10", c.name, line, best, bestHeld, want)
			}
			if c.guided && best != line {
				t.Errorf("%s: seed line %d is topic %d, want %d", c.name, line, best, line)
			}
		}
		if c.guided {
			if got := res.Seeds[0].Unknown; !slices.Equal(got, []string{"zeppelin"}) {
				t.Errorf("unknown seed words %q, want [zeppelin]", got)
			}
			if got := res.Seeds[1].Terms; !slices.Equal(got, stems[1]) {
				t.Errorf("seed terms %q, want %q", got, stems[1])
			}
			if res.Report.Scores.Accuracy != 1 {
				t.Errorf("seeded accuracy %v, want 1 (as unseeded)", res.Report.Scores.Accuracy)
			}
		}
	}
}

// TestSeedLineWithNoKnownWordIsRefused: a seed topic none of whose words
// is in the vocabulary cannot be guided, and the run says so.
func TestSeedLineWithNoKnownWordIsRefused(t *testing.T) {
	_, err := Run(context.Background(), Config{Source: demo, NMF: factor.NMF{K: 6}, Seeds: [][]string{{"rocket"}, {"zeppelin", "the"}}})
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("Run = %v, want ErrInvalid", err)
	}
}
