package cluster

import "gonum.org/v1/gonum/mat"

// MergeTopics merges groups of topics of X ≈ W·H into one topic each:
// group g's row of the new H is the sum of its topics' rows of H, and its
// column of the new W the mean of their columns of W weighted by their
// rows' mass in H (the sum of the row), so that the merged topic gives
// every term what its parts gave it in total. A group whose topics have no
// mass takes the plain mean of their columns. It panics if W's columns do
// not match H's rows, there are no groups, or a topic is out of range.
func MergeTopics(W, H *mat.Dense, groups [][]int) (W2, H2 *mat.Dense) {
	if _, k := W.Dims(); H.RawMatrix().Rows != k {
		panic("cluster: MergeTopics: W's columns do not match H's rows")
	}
	_, n := H.Dims()
	H2 = mat.NewDense(len(groups), n, nil)
	for g, topics := range groups {
		row := H2.RawRowView(g)
		for _, t := range topics {
			for j, h := range H.RawRowView(t) {
				row[j] += h
			}
		}
	}
	return mergeColumns(W, rowSums(H), groups), H2
}

// NodeColumns returns, for each node of a topic tree (Leaves' lists), the
// column of W its merged topic has (MergeTopics' W): a node's top words are
// its column's heaviest terms. It panics as MergeTopics does.
func NodeColumns(W, H *mat.Dense, leaves [][]int) *mat.Dense {
	if _, k := W.Dims(); H.RawMatrix().Rows != k {
		panic("cluster: NodeColumns: W's columns do not match H's rows")
	}
	return mergeColumns(W, rowSums(H), leaves)
}

// mergeColumns returns the mass-weighted mean of W's columns in each group.
func mergeColumns(W *mat.Dense, mass []float64, groups [][]int) *mat.Dense {
	m, _ := W.Dims()
	out := mat.NewDense(m, len(groups), nil)
	w, o := W.RawMatrix(), out.RawMatrix()
	for g, topics := range groups {
		total := 0.0
		for _, t := range topics {
			total += mass[t]
		}
		for _, t := range topics {
			weight := 1 / float64(len(topics))
			if total > 0 {
				weight = mass[t] / total
			}
			for i := 0; i < m; i++ {
				o.Data[i*o.Stride+g] += weight * w.Data[i*w.Stride+t]
			}
		}
	}
	return out
}

// rowSums returns the sum of each row of H.
func rowSums(H *mat.Dense) []float64 {
	k, _ := H.Dims()
	out := make([]float64, k)
	for t := range out {
		for _, h := range H.RawRowView(t) {
			out[t] += h
		}
	}
	return out
}
