package cluster

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestConsensusAt(t *testing.T) {
	c, err := NewConsensus(4)
	if err != nil {
		t.Fatal(err)
	}
	c.Add([]int{0, 0, 1, -1})
	c.Add([]int{2, 0, 0, -1})
	tests := []struct {
		i, j int
		want float64
	}{
		{0, 0, 1}, {0, 1, 0.5}, {1, 0, 0.5}, {1, 2, 0.5}, {0, 2, 0},
		{2, 3, 0}, {3, 3, 1}, // unassigned: with no other item
	}
	for _, tc := range tests {
		if got := c.At(tc.i, tc.j); got != tc.want {
			t.Errorf("At(%d, %d) = %v, want %v", tc.i, tc.j, got, tc.want)
		}
	}
	if c.Runs() != 2 || c.Items() != 4 {
		t.Errorf("Runs, Items = %d, %d, want 2, 4", c.Runs(), c.Items())
	}
	if _, err := NewConsensus(MaxConsensusItems + 1); err == nil {
		t.Errorf("NewConsensus(%d) did not fail", MaxConsensusItems+1)
	}
}

func TestCophenetic(t *testing.T) {
	tests := []struct {
		name string
		runs [][]int
		want float64
	}{
		// d = 1 − consensus = (0.5, 1, 0.5) for pairs 01, 02, 12; average
		// linkage joins 0 and 1 at 0.5, then 2 at (1 + 0.5)/2 = 0.75, so the
		// cophenetic distances are (0.5, 0.75, 0.75): correlation 1/2.
		{"hand computed", [][]int{{0, 0, 1}, {0, 1, 1}}, 0.5},
		{"runs agree", [][]int{{0, 0, 1, 1, 2}, {1, 1, 0, 0, 2}, {2, 2, 1, 1, 0}}, 1},
		{"one cluster", [][]int{{0, 0, 0}}, 1},
		{"one item", [][]int{{0}}, math.NaN()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := NewConsensus(len(tc.runs[0]))
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range tc.runs {
				c.Add(r)
			}
			got := c.Cophenetic()
			if math.IsNaN(tc.want) != math.IsNaN(got) || !math.IsNaN(got) && math.Abs(got-tc.want) > 1e-12 {
				t.Errorf("Cophenetic = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestCopheneticNaive checks the nearest-neighbour chain and the sums taken
// from the merges against average linkage done the slow way, with an
// explicit matrix of cophenetic distances, on random distances (no ties, so
// the tree is unique).
func TestCopheneticNaive(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for _, n := range []int{3, 12, 40, 150} {
		d := make([]float64, n*(n-1)/2)
		for p := range d {
			d[p] = rng.Float64()
		}
		want := naiveCophenetic(n, func(i, j int) float64 { return d[packed(n, min(i, j), max(i, j))] })
		if got := cophenetic(n, slices.Clone(d)); math.Abs(got-want) > 1e-9 {
			t.Errorf("n %d: cophenetic = %.12f, naive %.12f", n, got, want)
		}
	}
}

// naiveCophenetic joins, again and again, the two clusters of least mean
// distance between their items and correlates the resulting cophenetic
// matrix with the distances d.
func naiveCophenetic(n int, d func(i, j int) float64) float64 {
	clusters := make([][]int, n)
	for i := range clusters {
		clusters[i] = []int{i}
	}
	coph := make([][]float64, n)
	for i := range coph {
		coph[i] = make([]float64, n)
	}
	for len(clusters) > 1 {
		ba, bb, best := 0, 1, math.Inf(1)
		for a := range clusters {
			for b := a + 1; b < len(clusters); b++ {
				s := 0.0
				for _, i := range clusters[a] {
					for _, j := range clusters[b] {
						s += d(i, j)
					}
				}
				if m := s / float64(len(clusters[a])*len(clusters[b])); m < best {
					ba, bb, best = a, b, m
				}
			}
		}
		for _, i := range clusters[ba] {
			for _, j := range clusters[bb] {
				coph[i][j], coph[j][i] = best, best
			}
		}
		clusters[ba] = append(clusters[ba], clusters[bb]...)
		clusters = append(clusters[:bb], clusters[bb+1:]...)
	}
	var xs, ys []float64
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			xs, ys = append(xs, d(i, j)), append(ys, coph[i][j])
		}
	}
	return pearson(xs, ys)
}

func pearson(xs, ys []float64) float64 {
	mx, my := 0.0, 0.0
	for i := range xs {
		mx += xs[i]
		my += ys[i]
	}
	mx /= float64(len(xs))
	my /= float64(len(ys))
	var sxy, sxx, syy float64
	for i := range xs {
		sxy += (xs[i] - mx) * (ys[i] - my)
		sxx += (xs[i] - mx) * (xs[i] - mx)
		syy += (ys[i] - my) * (ys[i] - my)
	}
	return sxy / math.Sqrt(sxx*syy)
}

func TestAgreement(t *testing.T) {
	tests := []struct {
		name string
		a, b []int
		want float64
	}{
		{"same", []int{0, 0, 1, 1, 2}, []int{0, 0, 1, 1, 2}, 1},
		{"relabelled", []int{0, 0, 1, 1, 2}, []int{5, 5, -1, -1, 3}, 1},
		// The "hand computed" case of TestScore, as two clusterings.
		{"hand computed", []int{0, 0, 0, 1, 1, 1}, []int{0, 0, 1, 1, 1, 1}, 12.0 / 37},
		// Σ C(nij,2) = 0, rows 2 + 2, columns 2 + 2 (C(2,2) each), C(4,2) = 6:
		// expected 2·2/6, max 2: ARI = (0 − 2/3)/(2 − 2/3) = −1/2.
		{"crossed", []int{0, 0, 1, 1}, []int{0, 1, 0, 1}, -0.5},
	}
	for _, tc := range tests {
		got, err := Agreement(tc.a, tc.b)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("%s: Agreement = %v, want %v", tc.name, got, tc.want)
		}
	}
	if _, err := Agreement([]int{0}, []int{0, 1}); err == nil {
		t.Error("Agreement of different lengths did not fail")
	}
}

// BenchmarkCophenetic is a consensus of 2000 items (a gene-expression set
// has tens to hundreds of samples; this is far beyond).
func BenchmarkCophenetic(b *testing.B) {
	const n = 2000
	rng := rand.New(rand.NewPCG(1, 2))
	c, _ := NewConsensus(n)
	labels := make([]int, n)
	for r := 0; r < 20; r++ {
		for i := range labels {
			labels[i] = rng.IntN(8)
		}
		c.Add(labels)
	}
	b.ReportAllocs()
	for b.Loop() {
		c.Cophenetic()
	}
}
