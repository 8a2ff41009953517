package report

import (
	"fmt"
	"time"
)

// sampleRun is a small labeled run with four topics (one of them empty),
// a trace, timings and a map, the kind of Run the pipeline hands over.
func sampleRun() *Run {
	terms := [][]string{
		{"space", "orbit", "nasa", "launch", "shuttle", "moon", "satellite", "mission", "rocket", "earth"},
		{"god", "jesus", "church", "bible", "faith", "christian", "belief", "religion", "sin", "prayer"},
		{"car", "engine", "dealer", "ford", "oil", "brake", "tire", "drive", "mile", "speed"},
		{"hockey", "team", "game", "season", "player", "goal", "play", "league", "coach", "score"},
	}
	sizes := []int{412, 1234, 377, 0}
	labels := []string{"sci.space", "soc.religion.christian", "rec.autos", "rec.sport.hockey"}
	run := &Run{
		Version:    "v0.3.0",
		Corpus:     "testdata/news",
		Started:    time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC),
		Parameters: map[string]string{"k": "4", "loss": "frobenius", "init": "nndsvda", "seed": "1", "max-iter": "200", "min-df": "2"},
		Account:    "read 2,031 documents, skipped 3 (2 binary, 1 too large)",
		Documents:  2028,
		Terms:      11873,
		NonZeros:   240113,
		Timings: []Timing{
			{"read", 310 * time.Millisecond}, {"tokenize", 1240 * time.Millisecond},
			{"tfidf", 95 * time.Millisecond}, {"factor", 2710 * time.Millisecond}, {"cluster", 42 * time.Millisecond},
		},
		Loss:       "frobenius",
		Objective:  1843.2071,
		TopicMap:   [][2]float64{{-0.4, 0.3}, {0.5, 0.1}, {-0.1, -0.5}, {0.3, 0.6}},
		Similarity: [][]float64{{1, 0.05, 0.2, 0.1}, {0.05, 1, 0.03, 0.04}, {0.2, 0.03, 1, 0.3}, {0.1, 0.04, 0.3, 1}},
		Unassigned: 5,
	}
	for i := 0; i <= 40; i++ {
		run.Trace = append(run.Trace, TracePoint{Iteration: i, Objective: 1843.2071 + 40000/float64(1+i*i), Elapsed: time.Duration(i) * 60 * time.Millisecond})
	}
	total := 0
	for _, s := range sizes {
		total += s
	}
	for id, words := range terms {
		t := Topic{ID: id, Size: sizes[id], Share: float64(sizes[id]) / float64(run.Documents), Coherence: 0.31 - 0.07*float64(id),
			MajorityLabel: labels[id], LabelShare: 0.9 - 0.1*float64(id)}
		for r, w := range words {
			t.Terms = append(t.Terms, TopicTerm{Term: w, Stem: w[:max(3, len(w)-1)], Weight: 0.9 / float64(r+1)})
		}
		if sizes[id] > 0 {
			for d := 0; d < 3; d++ {
				t.Representatives = append(t.Representatives, DocRef{
					ID: fmt.Sprintf("%s/%d", labels[id], 50000+d*17), Label: labels[id], Confidence: 0.95 - 0.1*float64(d),
					Snippet: fmt.Sprintf("In article <%d@example.com> someone writes about %s and %s: this is the start of a long post that goes on and on about %s.", d, words[0], words[1], words[2]),
				})
			}
		} else {
			t.MajorityLabel, t.LabelShare = "", 0
		}
		run.Topics = append(run.Topics, t)
	}
	run.Scores = &Scores{
		NMI: 0.6127, ARI: 0.5431, Purity: 0.8012, Accuracy: 0.7788,
		Labeled: 2023, Unlabeled: 5,
		Labels:   labels,
		Clusters: []int{0, 1, 2, 3, -1},
		Contingency: [][]int{
			{380, 12, 20, 0, 1},
			{10, 1190, 3, 0, 2},
			{22, 30, 354, 0, 1},
			{0, 2, 0, 0, 1},
		},
	}
	return run
}
