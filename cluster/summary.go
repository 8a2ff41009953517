package cluster

// Representatives returns, for each of k topics, up to n indices of the
// documents assigned to it, by decreasing Confidence with ties by increasing
// index: the documents that show best what a topic is about. Unassigned
// documents and topics outside [0, k) are ignored.
func Representatives(as []Assignment, k, n int) [][]int {
	n = max(n, 0)
	before := func(a, b int) bool {
		ca, cb := as[a].Confidence, as[b].Confidence
		return ca > cb || (ca == cb && a < b)
	}
	tops := make([]topN, k)
	for t := range tops {
		tops[t] = topN{n: n, before: before}
	}
	for i, a := range as {
		if a.Topic >= 0 && a.Topic < k {
			tops[a.Topic].offer(i)
		}
	}
	reps := make([][]int, k)
	for t := range tops {
		reps[t] = tops[t].sorted()
	}
	return reps
}

// Majority returns, for each of k topics, the most common label among the
// labeled documents assigned to it (ties go to the label first in sorted
// order) and that label's share of them; "" and 0 for a topic without labeled
// documents. It panics if labels and as differ in length.
func Majority(labels []string, as []Assignment, k int) (label []string, share []float64) {
	if len(labels) != len(as) {
		panic("cluster: Majority: labels and assignments differ in length")
	}
	t := tabulate(labels, Topics(as))
	label = make([]string, k)
	share = make([]float64, k)
	for c, topic := range t.clusters {
		if topic < 0 || topic >= k {
			continue
		}
		best, size := 0, 0
		for r, row := range t.counts {
			size += row[c]
			if row[c] > t.counts[best][c] {
				best = r
			}
		}
		label[topic] = t.labels[best]
		share[topic] = float64(t.counts[best][c]) / float64(size)
	}
	return label, share
}

// LabelMap maps each of k topics to the label a saved model predicts for a
// new document assigned to it: the topic's majority label among the labeled
// training documents (spam or ham, which newsgroup), "" where a topic has no
// labeled document and so predicts nothing.
func LabelMap(labels []string, as []Assignment, k int) []string {
	label, _ := Majority(labels, as, k)
	return label
}
