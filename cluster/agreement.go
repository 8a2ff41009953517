package cluster

import "fmt"

// Agreement is the adjusted Rand index of two clusterings of the same items
// (a[i] and b[i] are item i's clusters; -1, unassigned, is a cluster like
// any other): 1 when they agree on every pair, about 0 for chance. A k
// sweep calls it stability when a and b are two fits' topics. It fails if
// the lengths differ.
func Agreement(a, b []int) (float64, error) {
	if len(a) != len(b) {
		return 0, fmt.Errorf("agreement: %d items against %d", len(a), len(b))
	}
	ia, ib := newIntIDs(a), newIntIDs(b)
	ra, rb := make([]int, len(a)), make([]int, len(b))
	for i := range a {
		ra[i], rb[i] = ia.id(a[i]), ib.id(b[i])
	}
	counts := make([][]int, len(ia.seen))
	for r := range counts {
		counts[r] = make([]int, len(ib.seen))
	}
	for i := range ra {
		counts[ra[i]][rb[i]]++
	}
	rows, cols := marginals(counts, len(ib.seen))
	return ari(counts, rows, cols, len(a)), nil
}
