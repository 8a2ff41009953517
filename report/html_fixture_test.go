package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
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
		Coherence:  0.412,
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
		// The average-linkage tree of Similarity: {2,3} at 0.7, {0,2,3} at
		// 0.85, all four at 0.96.
		Tree: []TreeNode{
			{ID: 0, Parent: 5, Children: [2]int{-1, -1}, Topics: []int{0}, Terms: []string{"space", "orbit", "nasa", "launch", "shuttle"}},
			{ID: 1, Parent: 6, Children: [2]int{-1, -1}, Topics: []int{1}, Terms: []string{"god", "jesus", "church", "bible", "faith"}},
			{ID: 2, Parent: 4, Children: [2]int{-1, -1}, Topics: []int{2}, Terms: []string{"car", "engine", "dealer", "ford", "oil"}},
			{ID: 3, Parent: 4, Children: [2]int{-1, -1}, Topics: []int{3}, Terms: []string{"hockey", "team", "game", "season", "player"}},
			{ID: 4, Parent: 5, Children: [2]int{2, 3}, Height: 0.7, Topics: []int{2, 3}, Terms: []string{"car", "team", "game", "engine"}},
			{ID: 5, Parent: 6, Children: [2]int{0, 4}, Height: 0.85, Topics: []int{0, 2, 3}, Terms: []string{"space", "car", "team"}},
			{ID: 6, Parent: -1, Children: [2]int{1, 5}, Height: 0.96, Topics: []int{0, 1, 2, 3}, Terms: []string{"god", "space", "car"}},
		},
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

// wideRun is a run shaped like 20 newsgroups with k topics: enough topics,
// labels and long names to see how the map and the heat map hold up.
func wideRun(k int) *Run {
	vocab := strings.Fields(`space orbit nasa launch god jesus church bible car engine dealer ford hockey team game season
		windows file driver card israel jews arab armenian gun weapon firearm police key encryption chip clipper
		doctor disease patient medical sale offer shipping condition monitor apple mac drive scsi ide controller
		window server motif widget bike ride helmet motorcycle baseball pitcher hitter inning government president tax
		circuit voltage power electronics graphics image format jpeg`)
	labels := strings.Fields(`alt.atheism comp.graphics comp.os.ms-windows.misc comp.sys.ibm.pc.hardware comp.sys.mac.hardware
		comp.windows.x misc.forsale rec.autos rec.motorcycles rec.sport.baseball rec.sport.hockey sci.crypt sci.electronics
		sci.med sci.space soc.religion.christian talk.politics.guns talk.politics.mideast talk.politics.misc talk.religion.misc`)
	run := sampleRun()
	run.Topics, run.TopicMap, run.Similarity, run.Tree = nil, nil, nil, nil
	run.Parameters["k"] = strconv.Itoa(k)
	docs := 0
	for t := range k {
		size := 150 + (t*37%11)*60
		docs += size
		topic := Topic{ID: t, Size: size, Coherence: 0.05 + float64(t%7)*0.04, MajorityLabel: labels[t%len(labels)], LabelShare: 0.45 + float64(t%5)*0.1}
		for r := range 10 {
			topic.Terms = append(topic.Terms, TopicTerm{Term: vocab[(t*5+r)%len(vocab)], Stem: vocab[(t*5+r)%len(vocab)], Weight: 0.6 / float64(r+2)})
		}
		topic.Representatives = []DocRef{{ID: labels[t%len(labels)] + "/" + strconv.Itoa(51000+t), Label: labels[t%len(labels)], Confidence: 0.8, Snippet: "From: someone@example.com Subject: Re: " + topic.Terms[0].Term}}
		run.Topics = append(run.Topics, topic)
		a, r := float64(t)*2.39996, math.Sqrt(float64(t)+0.5)
		run.TopicMap = append(run.TopicMap, [2]float64{r * math.Cos(a), r * math.Sin(a)})
	}
	for i := range k {
		run.Topics[i].Share = float64(run.Topics[i].Size) / float64(docs)
		row := make([]float64, k)
		for j := range k {
			dx, dy := run.TopicMap[i][0]-run.TopicMap[j][0], run.TopicMap[i][1]-run.TopicMap[j][1]
			row[j] = math.Exp(-math.Hypot(dx, dy))
		}
		run.Similarity = append(run.Similarity, row)
	}
	run.Documents = docs
	n := min(k, len(labels))
	run.Scores.Labels = labels[:n]
	run.Scores.Clusters = nil
	for t := range k {
		run.Scores.Clusters = append(run.Scores.Clusters, t)
	}
	run.Scores.Clusters = append(run.Scores.Clusters, -1)
	run.Scores.Contingency = nil
	for l := range n {
		row := make([]int, k+1)
		for t := range k {
			row[t] = (l*7 + t*3) % 13
		}
		row[l] = 400 + l*9
		row[k] = l % 3
		run.Scores.Contingency = append(run.Scores.Contingency, row)
	}
	return run
}
