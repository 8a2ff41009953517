package cluster

import (
	"math"
	"math/rand/v2"
	"testing"
)

func TestHungarian(t *testing.T) {
	tests := []struct {
		name    string
		weights [][]float64
		want    []int
	}{
		{"empty", nil, []int{}},
		{"no columns", [][]float64{{}, {}}, []int{-1, -1}},
		{"1×1", [][]float64{{-3}}, []int{0}},
		{"anti-diagonal", [][]float64{{1, 9}, {8, 2}}, []int{1, 0}},
		{"greedy fails", [][]float64{{10, 9}, {9, 1}}, []int{1, 0}},
		{"wide", [][]float64{{1, 5, 2}}, []int{1}},
		{"tall", [][]float64{{1}, {5}, {2}}, []int{-1, 0, -1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Hungarian(tc.weights)
			if len(got) != len(tc.want) {
				t.Fatalf("got %v, want %v", got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Fatalf("got %v, want %v", got, tc.want)
				}
			}
		})
	}
}

// TestHungarianBruteForce checks the total of random square and rectangular
// problems, some with many ties, against trying every matching.
func TestHungarianBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for trial := 0; trial < 300; trial++ {
		r, c := 1+rng.IntN(6), 1+rng.IntN(6)
		w := make([][]float64, r)
		for i := range w {
			w[i] = make([]float64, c)
			for j := range w[i] {
				if trial%2 == 0 {
					w[i][j] = float64(rng.IntN(4)) // ties
				} else {
					w[i][j] = rng.NormFloat64() * 10
				}
			}
		}
		match := Hungarian(w)
		if len(match) != r {
			t.Fatalf("%d×%d: %d rows matched", r, c, len(match))
		}
		used := map[int]bool{}
		total, pairs := 0.0, 0
		for i, j := range match {
			if j < 0 {
				continue
			}
			if j >= c || used[j] {
				t.Fatalf("%v: invalid matching %v", w, match)
			}
			used[j] = true
			total += w[i][j]
			pairs++
		}
		if pairs != min(r, c) {
			t.Fatalf("%v: %d pairs in %v, want %d", w, pairs, match, min(r, c))
		}
		if best := bruteForceMax(w, 0, make([]bool, c), r-c); math.Abs(total-best) > 1e-9 {
			t.Fatalf("%v: total %v from %v, brute force %v", w, total, match, best)
		}
	}
}

// bruteForceMax is the best total of matching rows i.. to unused columns,
// where skips rows may (and must, when positive) stay unmatched.
func bruteForceMax(w [][]float64, i int, used []bool, skips int) float64 {
	if i == len(w) {
		return 0
	}
	best := math.Inf(-1)
	if skips > 0 {
		best = bruteForceMax(w, i+1, used, skips-1)
	}
	for j := range used {
		if !used[j] {
			used[j] = true
			best = max(best, w[i][j]+bruteForceMax(w, i+1, used, skips))
			used[j] = false
		}
	}
	return best
}

func TestHungarianPanics(t *testing.T) {
	for name, w := range map[string][][]float64{
		"ragged": {{1, 2}, {3}},
		"NaN":    {{1, math.NaN()}},
		"Inf":    {{math.Inf(1)}, {2}},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", name)
				}
			}()
			Hungarian(w)
		}()
	}
}
