package cluster

import "math"

// Merge is one step of an agglomerative tree of k topics. Nodes 0 … k-1 are
// the topics; merge i creates node k+i, the union of nodes A and B (A < B),
// as scipy's linkage numbers them.
type Merge struct {
	A, B     int     // the nodes joined
	Distance float64 // their average-linkage cosine distance, 1 − similarity
	Size     int     // topics under the new node
}

// Tree joins k topics bottom-up by average linkage on the cosine distance
// 1 − sim of their term weights (sim as Similarity returns it): each step
// joins the two closest nodes, where the distance of two nodes is the mean
// distance of their topics, until one node is left. It returns the k − 1
// merges in order; ties go to the pair with the smallest node ids, so the
// tree is deterministic. It panics if sim is not square.
func Tree(sim [][]float64) []Merge {
	k := len(sim)
	// d holds the distances between the live nodes, indexed by slot; slot
	// s starts as topic s and, once merged into, holds the new node.
	d := make([][]float64, k)
	for a := range d {
		if len(sim[a]) != k {
			panic("cluster: Tree: similarity matrix is not square")
		}
		d[a] = make([]float64, k)
		for b := range d[a] {
			d[a][b] = 1 - (sim[a][b]+sim[b][a])/2
		}
	}
	node := make([]int, k) // node id held in each slot
	size := make([]int, k)
	live := make([]bool, k)
	for s := range node {
		node[s], size[s], live[s] = s, 1, true
	}
	merges := make([]Merge, 0, max(k-1, 0))
	for step := 0; step < k-1; step++ {
		ba, bb, best := -1, -1, math.Inf(1)
		for a := 0; a < k; a++ {
			for b := a + 1; live[a] && b < k; b++ {
				if !live[b] {
					continue
				}
				if d[a][b] < best || d[a][b] == best && pairBefore(node[a], node[b], node[ba], node[bb]) {
					ba, bb, best = a, b, d[a][b]
				}
			}
		}
		lo, hi := min(node[ba], node[bb]), max(node[ba], node[bb])
		merges = append(merges, Merge{A: lo, B: hi, Distance: best, Size: size[ba] + size[bb]})
		// Lance-Williams for average linkage: the new node's distance to c
		// is the size-weighted mean of its parts' distances.
		for c := 0; c < k; c++ {
			if live[c] && c != ba && c != bb {
				v := (float64(size[ba])*d[ba][c] + float64(size[bb])*d[bb][c]) / float64(size[ba]+size[bb])
				d[ba][c], d[c][ba] = v, v
			}
		}
		node[ba], size[ba], live[bb] = k+step, size[ba]+size[bb], false
	}
	return merges
}

// pairBefore orders node pairs by their smaller id, then their larger one;
// the pair (-1, -1) (none yet) comes after every pair.
func pairBefore(a, b, c, d int) bool {
	if c < 0 {
		return true
	}
	x, y := min(a, b), max(a, b)
	u, v := min(c, d), max(c, d)
	return x < u || x == u && y < v
}

// Cut returns, for each of the k topics, the group it falls in when the
// tree's first k − n merges are applied (1 ≤ n ≤ k): groups are numbered
// 0 … n-1 in order of their smallest topic, so topics that no merge touches
// keep their relative order.
func Cut(merges []Merge, n int) []int {
	k := len(merges) + 1
	n = max(1, min(n, k))
	parent := make([]int, k+len(merges))
	for i := range parent {
		parent[i] = i
	}
	for i, m := range merges[:k-n] {
		parent[m.A], parent[m.B] = k+i, k+i
	}
	root := func(x int) int {
		for parent[x] != x {
			x = parent[x]
		}
		return x
	}
	group := make([]int, k)
	ids := map[int]int{}
	for t := range group {
		r := root(t)
		g, ok := ids[r]
		if !ok {
			g = len(ids)
			ids[r] = g
		}
		group[t] = g
	}
	return group
}

// Leaves returns the topics under each node of the tree: node i < k is
// topic i alone, node k+i the union of merge i's nodes, topics ascending.
func Leaves(merges []Merge) [][]int {
	k := len(merges) + 1
	out := make([][]int, k+len(merges))
	for t := 0; t < k; t++ {
		out[t] = []int{t}
	}
	for i, m := range merges {
		out[k+i] = mergeSorted(out[m.A], out[m.B])
	}
	return out
}

// mergeSorted merges two ascending lists into a new one.
func mergeSorted(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0] < b[0] {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}
