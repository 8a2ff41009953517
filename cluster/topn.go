package cluster

import "slices"

// topN keeps the n best of the indices offered to it, best meaning first
// under the strict order before (a before b: a ranks higher). It is a heap
// whose root is the worst index kept, so each offer costs O(log n).
type topN struct {
	n      int
	before func(a, b int) bool
	heap   []int
}

// offer considers index i for the top n.
func (t *topN) offer(i int) {
	h := t.heap
	if len(h) < t.n {
		h = append(h, i)
		// Sift up: the worst index rises to the root.
		for c := len(h) - 1; c > 0; {
			p := (c - 1) / 2
			if !t.before(h[p], h[c]) {
				break
			}
			h[p], h[c] = h[c], h[p]
			c = p
		}
		t.heap = h
		return
	}
	if t.n == 0 || !t.before(i, h[0]) {
		return
	}
	h[0] = i
	// Sift down: move the new root below any worse child.
	for p := 0; ; {
		w := p
		for _, c := range [2]int{2*p + 1, 2*p + 2} {
			if c < len(h) && t.before(h[w], h[c]) {
				w = c
			}
		}
		if w == p {
			return
		}
		h[p], h[w] = h[w], h[p]
		p = w
	}
}

// sorted returns the kept indices, best first (empty, not nil, when none).
func (t *topN) sorted() []int {
	out := make([]int, len(t.heap))
	copy(out, t.heap)
	slices.SortFunc(out, func(a, b int) int {
		switch {
		case t.before(a, b):
			return -1
		case t.before(b, a):
			return 1
		}
		return 0
	})
	return out
}
