package cluster

import (
	"fmt"
	"math"
	"slices"
)

// MaxConsensusItems bounds the items of a Consensus: its pair table and
// the distances of Cophenetic take 12 bytes a pair, 150 MB at this size.
const MaxConsensusItems = 5000

// Consensus counts, over several clusterings of the same items, how often
// each pair of items falls in one cluster: the consensus matrix of Brunet,
// Tamayo, Golub & Mesirov (2004, "Metagenes and molecular pattern discovery
// using matrix factorization"), the mean of the runs' connectivity matrices.
// Entries near 0 or 1 mean the runs agree; a k whose consensus is crisp is
// a k the data supports.
type Consensus struct {
	n, runs  int
	together []int32 // packed upper triangle, pair (i, j) with i < j
}

// NewConsensus starts an empty consensus of n items; it fails if n is
// above MaxConsensusItems.
func NewConsensus(n int) (*Consensus, error) {
	if n > MaxConsensusItems {
		return nil, fmt.Errorf("consensus of %d items: at most %d", n, MaxConsensusItems)
	}
	return &Consensus{n: n, together: make([]int32, n*(n-1)/2)}, nil
}

// Items is the number of items; Runs the number of clusterings added.
func (c *Consensus) Items() int { return c.n }

// Runs is the number of clusterings added.
func (c *Consensus) Runs() int { return c.runs }

// Add counts one clustering: labels[i] is item i's cluster, and an item
// with a negative label (unassigned) is together with no other. It panics
// if labels does not have one entry per item.
func (c *Consensus) Add(labels []int) {
	if len(labels) != c.n {
		panic(fmt.Sprintf("consensus of %d items: clustering of %d", c.n, len(labels)))
	}
	c.runs++
	order := make([]int, 0, c.n)
	for i, l := range labels {
		if l >= 0 {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return labels[a] - labels[b] })
	for lo := 0; lo < len(order); {
		hi := lo + 1
		for hi < len(order) && labels[order[hi]] == labels[order[lo]] {
			hi++
		}
		// order[lo:hi] is one cluster, in increasing item order.
		for x := lo; x < hi; x++ {
			i := order[x]
			base := c.pair(i, i+1) - (i + 1)
			for _, j := range order[x+1 : hi] {
				c.together[base+j]++
			}
		}
		lo = hi
	}
}

// At is the share of the clusterings that put items i and j together (1
// for i = j).
func (c *Consensus) At(i, j int) float64 {
	if i == j {
		return 1
	}
	if i > j {
		i, j = j, i
	}
	if c.runs == 0 {
		return 0
	}
	return float64(c.together[c.pair(i, j)]) / float64(c.runs)
}

// pair is the packed index of (i, j), i < j.
func (c *Consensus) pair(i, j int) int { return packed(c.n, i, j) }

// packed is the index of (i, j), i < j, in the upper triangle of an n × n
// matrix stored row by row.
func packed(n, i, j int) int { return i*n - i*(i+1)/2 + j - i - 1 }

// Cophenetic is the cophenetic correlation of the consensus (Brunet et
// al.): the Pearson correlation between the distances 1 − consensus and
// the heights at which average-linkage clustering on them first joins each
// pair. It is 1 for a consensus of runs that all agree, and falls as the
// runs disagree; it is 1 also when every distance is equal (the tree then
// reproduces them exactly), and NaN for fewer than two items or no run.
// Tied distances (common: with R runs a consensus takes R + 1 values) are
// joined lowest items first, so the tree, and ρ, are deterministic.
//
// The tree is built by the nearest-neighbour chain in O(n²) time. Under
// average linkage a merge's height is the mean distance between the two
// clusters' items, so the sums the correlation needs follow from the
// merges alone: no matrix of cophenetic distances is formed.
func (c *Consensus) Cophenetic() float64 {
	n := c.n
	if n < 2 || c.runs == 0 {
		return math.NaN()
	}
	d := make([]float64, len(c.together))
	for p, t := range c.together {
		d[p] = 1 - float64(t)/float64(c.runs)
	}
	return cophenetic(n, d)
}

// cophenetic is the cophenetic correlation of average linkage on the
// packed upper triangle d of an n × n distance matrix, which it overwrites.
func cophenetic(n int, d []float64) float64 {
	var sd, sdd float64
	for _, v := range d {
		sd += v
		sdd += v * v
	}
	var sc, scc float64 // Σ cophenetic, Σ cophenetic² (= Σ distance·cophenetic)
	for _, m := range averageLinkage(n, func(i, j int) *float64 {
		if i > j {
			i, j = j, i
		}
		return &d[packed(n, i, j)]
	}) {
		pairs := float64(m.pairs)
		sc += m.height * pairs
		scc += m.height * m.height * pairs
	}
	p := float64(len(d))
	vd, vc := p*sdd-sd*sd, p*scc-sc*sc
	if vd <= 1e-12*p*p {
		return 1
	}
	return (p*scc - sd*sc) / math.Sqrt(vd*max(vc, 0))
}

// merge is one join of average-linkage clustering: the height at which it
// happens and how many item pairs it joins.
type merge struct {
	height float64
	pairs  int
}

// averageLinkage clusters n items by average linkage, given their
// distances through dist (a pointer into a table it updates in place by the
// Lance-Williams rule, for i ≠ j), and returns the merges in the order the
// nearest-neighbour chain finds them. Ties go to the lower item.
func averageLinkage(n int, dist func(i, j int) *float64) []merge {
	size := make([]int, n)
	active := make([]bool, n)
	for i := range size {
		size[i], active[i] = 1, true
	}
	merges := make([]merge, 0, n-1)
	chain := make([]int, 0, n)
	for next := 0; len(merges) < n-1; {
		if len(chain) == 0 {
			for !active[next] {
				next++
			}
			chain = append(chain, next)
		}
		a := chain[len(chain)-1]
		prev := -1
		if len(chain) > 1 {
			prev = chain[len(chain)-2]
		}
		// The nearest active cluster to a; the previous link of the chain
		// wins a tie, which keeps the chain from cycling.
		b, best := prev, math.Inf(1)
		if prev >= 0 {
			best = *dist(a, prev)
		}
		for x := 0; x < n; x++ {
			if x != a && active[x] {
				if v := *dist(a, x); v < best {
					b, best = x, v
				}
			}
		}
		if b != prev {
			chain = append(chain, b)
			continue
		}
		chain = chain[:len(chain)-2]
		merges = append(merges, merge{height: best, pairs: size[a] * size[b]})
		// The union takes the lower index; the other goes out.
		keep, drop := min(a, b), max(a, b)
		sk, sd := float64(size[keep]), float64(size[drop])
		for x := 0; x < n; x++ {
			if active[x] && x != keep && x != drop {
				dk := dist(keep, x)
				*dk = (sk**dk + sd**dist(drop, x)) / (sk + sd)
			}
		}
		size[keep] += size[drop]
		active[drop] = false
	}
	return merges
}
