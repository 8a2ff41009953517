package pipeline

import (
	"fmt"
	"math"

	"github.com/topicmill/topicmill/cluster"
	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/report"
)

// summarize turns the fitted factors into the report's view of the run.
func summarize(cfg Config, vec *Vectorized, fit *factor.Result, as []cluster.Assignment) *report.Run {
	_, k := fit.W.Dims()
	n := len(vec.Docs)
	labels := make([]string, n)
	hasLabels := false
	for j, d := range vec.Docs {
		labels[j] = d.Label
		hasLabels = hasLabels || d.Label != ""
	}
	wn, _ := cluster.Normalize(fit.W, fit.H)
	topIDs, topWeights := cluster.TopTerms(wn, cfg.TopTerms)
	diverse, _ := cluster.TopTerms(wn, cluster.DiversityTerms)
	coherence, nnz := make([]float64, k), 0
	if vec.X != nil {
		coherence = topicCoherence(vec, topIDs)
		nnz = vec.X.NNZ()
	} else {
		for t := range coherence {
			coherence[t] = math.NaN() // a reduced run has no matrix
		}
	}
	reps := cluster.Representatives(representable(vec, as), k, cfg.Representatives)
	majority, share := cluster.Majority(labels, as, k)
	similarity := cluster.Similarity(fit.W)

	sizes := make([]int, k)
	unassigned := 0
	for _, a := range as {
		if a.Topic < 0 {
			unassigned++
			continue
		}
		sizes[a.Topic]++
	}
	params := cfg.Parameters()
	params["k"] = fmt.Sprint(k)
	if vec.Columns != nil {
		params["fitted-on"] = fmt.Sprintf("%d of %d documents", len(vec.Columns), n)
	}
	run := &report.Run{
		Version:    Version,
		Corpus:     cfg.Source,
		Parameters: params,
		Account:    vec.Account.String(),
		Documents:  n,
		Terms:      vec.Vocab.Len(),
		NonZeros:   nnz,
		Loss:       params["loss"],
		Objective:  fit.Objective,
		TopicMap:   cluster.Layout2D(similarity),
		Similarity: similarity,
		Tree:       topicTree(fit.W, fit.H, similarity, vec.Vocab, cfg.TopTerms),
		Unassigned: unassigned,
		Coherence:  mean(coherence),
		Diversity:  cluster.Diversity(diverse),
	}
	run.Trace = TracePoints(fit.Trace)
	for t := 0; t < k; t++ {
		topic := report.Topic{
			ID:            t,
			Size:          sizes[t],
			Share:         float64(sizes[t]) / float64(n),
			Coherence:     coherence[t],
			MajorityLabel: majority[t],
			LabelShare:    share[t],
		}
		for r, id := range topIDs[t] {
			topic.Terms = append(topic.Terms, report.TopicTerm{Term: vec.Vocab.Surface[id], Stem: vec.Vocab.Terms[id], Weight: topWeights[t][r]})
		}
		for _, j := range reps[t] {
			d := vec.Docs[j]
			topic.Representatives = append(topic.Representatives, report.DocRef{ID: d.ID, Label: d.Label, Confidence: as[j].Confidence, Snippet: d.Snippet})
		}
		run.Topics = append(run.Topics, topic)
	}
	if hasLabels {
		if s, err := cluster.Score(labels, cluster.Topics(as)); err == nil {
			run.Scores = &report.Scores{
				NMI: s.NMI, ARI: s.ARI, Purity: s.Purity, Accuracy: s.Accuracy,
				Labeled: s.Labeled, Unlabeled: s.Unlabeled,
				Labels: s.Labels, Clusters: s.Clusters, Contingency: s.Contingency,
			}
		}
	}
	return run
}

// topicCoherence is the NPMI coherence of each topic's top terms (term ids
// by topic) over the corpus's documents.
func topicCoherence(vec *Vectorized, topIDs [][]int) []float64 {
	return cluster.Coherence(topIDs, func(term int) []int32 {
		cols, _ := vec.X.Row(term)
		return cols
	}, vec.X.Cols)
}

// mean returns the average of xs (0 for none).
func mean(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := 0.0
	for _, x := range xs {
		s += x
	}
	return s / float64(len(xs))
}

// TracePoints converts a factorization's trace for the report and trace.csv.
func TracePoints(trace []factor.Iteration) []report.TracePoint {
	points := make([]report.TracePoint, len(trace))
	for i, it := range trace {
		points[i] = report.TracePoint{Iteration: it.N, Objective: it.Objective, Elapsed: it.Elapsed}
	}
	return points
}

// representable returns the assignments among which a topic's example
// documents are chosen: all of them, or for a run fitted on a sample only
// the sample's (the others' snippets are not kept: 240 MB for a million
// documents), the rest marked unassigned.
func representable(vec *Vectorized, as []cluster.Assignment) []cluster.Assignment {
	if vec.Columns == nil {
		return as
	}
	out := make([]cluster.Assignment, len(as))
	for j := range out {
		out[j] = cluster.Assignment{Topic: -1, Second: -1}
	}
	for _, j := range vec.Columns {
		out[j] = as[j]
	}
	return out
}

// duplicateTopics is the cosine similarity of two topics' term weights
// above which they count as the same topic.
const duplicateTopics = 0.999

// topicWarnings names the pairs of topics that came out the same, which
// happens when the corpus has fewer distinct documents (or themes) than k:
// every document identical gives k copies of one topic.
func topicWarnings(similarity [][]float64) []string {
	var out []string
	same := 0
	for a := range similarity {
		for b := a + 1; b < len(similarity); b++ {
			if similarity[a][b] > duplicateTopics {
				same++
				if same <= 3 {
					out = append(out, fmt.Sprintf("topics %d and %d are the same (cosine %.4f)", a, b, similarity[a][b]))
				}
			}
		}
	}
	if same > 0 {
		out = append(out, fmt.Sprintf("%d pairs of topics are the same: the corpus seems to hold fewer distinct documents or themes than k = %d; try a smaller --k", same, len(similarity)))
	}
	return out
}
