package cluster

import "math"

// Hungarian solves the rectangular assignment problem: it pairs rows with
// columns of the r×c weights, each used at most once, in min(r, c) pairs of
// maximal total weight, and returns for each row its column or -1 (only when
// r > c). It runs in O(min(r,c)²·max(r,c)) time (shortest augmenting paths
// with potentials). It panics unless the weights are finite and all rows
// of equal length.
func Hungarian(weights [][]float64) []int {
	r := len(weights)
	c := 0
	if r > 0 {
		c = len(weights[0])
	}
	for _, row := range weights {
		if len(row) != c {
			panic("cluster: Hungarian: ragged weight matrix")
		}
		for _, w := range row {
			if math.IsNaN(w) || math.IsInf(w, 0) {
				panic("cluster: Hungarian: weight is not finite")
			}
		}
	}
	match := make([]int, r)
	for i := range match {
		match[i] = -1
	}
	// Costs are negated weights: minimum cost is maximum weight. The
	// solver wants no more rows than columns, so a tall matrix is solved
	// transposed.
	if r <= c {
		for j, i := range minCostAssign(r, c, func(i, j int) float64 { return -weights[i][j] }) {
			if i >= 0 {
				match[i] = j
			}
		}
		return match
	}
	for i, j := range minCostAssign(c, r, func(j, i int) float64 { return -weights[i][j] }) {
		match[i] = j
	}
	return match
}

// minCostAssign assigns each of n rows to a distinct one of m ≥ n columns at
// minimum total cost(i, j) and returns for each column its row or -1. It is
// the classical O(n²m) Hungarian algorithm with row and column potentials,
// adding one row at a time along a shortest augmenting path.
func minCostAssign(n, m int, cost func(i, j int) float64) []int {
	// Index 0 of the column arrays is a virtual column that holds the row
	// being added; rows and columns are 1-based inside.
	u := make([]float64, n+1)
	v := make([]float64, m+1)
	row := make([]int, m+1) // row[j]: the row assigned to column j, 0 if none
	way := make([]int, m+1) // previous column on the shortest path
	minv := make([]float64, m+1)
	used := make([]bool, m+1)
	for i := 1; i <= n; i++ {
		row[0] = i
		j0 := 0
		for j := range minv {
			minv[j] = math.Inf(1)
			used[j] = false
		}
		for row[j0] != 0 {
			used[j0] = true
			i0, delta, j1 := row[j0], math.Inf(1), 0
			for j := 1; j <= m; j++ {
				if used[j] {
					continue
				}
				if cur := cost(i0-1, j-1) - u[i0] - v[j]; cur < minv[j] {
					minv[j], way[j] = cur, j0
				}
				if minv[j] < delta {
					delta, j1 = minv[j], j
				}
			}
			for j := 0; j <= m; j++ {
				if used[j] {
					u[row[j]] += delta
					v[j] -= delta
				} else {
					minv[j] -= delta
				}
			}
			j0 = j1
		}
		for j0 != 0 {
			j1 := way[j0]
			row[j0] = row[j1]
			j0 = j1
		}
	}
	out := make([]int, m)
	for j := 1; j <= m; j++ {
		out[j-1] = row[j] - 1
	}
	return out
}
