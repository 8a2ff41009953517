package cluster

import "gonum.org/v1/gonum/mat"

// TopTerms returns, for each topic (column of W), the n term ids (rows of W)
// with the largest weights, in decreasing order of weight with ties broken by
// increasing id, together with those weights; fewer when W has fewer rows.
func TopTerms(W *mat.Dense, n int) (ids [][]int, weights [][]float64) {
	m, k := W.Dims()
	raw := W.RawMatrix()
	n = max(0, min(n, m))
	ids = make([][]int, k)
	weights = make([][]float64, k)
	for t := 0; t < k; t++ {
		top := topN{n: n, heap: make([]int, 0, n), before: func(a, b int) bool {
			wa, wb := raw.Data[a*raw.Stride+t], raw.Data[b*raw.Stride+t]
			return wa > wb || (wa == wb && a < b)
		}}
		for i := 0; i < m; i++ {
			top.offer(i)
		}
		ids[t] = top.sorted()
		weights[t] = make([]float64, len(ids[t]))
		for r, i := range ids[t] {
			weights[t][r] = raw.Data[i*raw.Stride+t]
		}
	}
	return ids, weights
}
