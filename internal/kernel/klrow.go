package kernel

import (
	"math"

	"gonum.org/v1/gonum/floats"
)

// klShrink bounds a decreasing Newton step so that no (WH)_ij at a non-zero
// of X falls below klShrink times its value. With klShrink > 1/√2 the
// curvature over the step is at most 1/klShrink² times the curvature at its
// start, which makes every bounded step a strict decrease of the divergence
// and keeps WH positive wherever X is (so the divergence stays finite).
// Increasing steps need no bound: the curvature only falls as an entry grows.
const klShrink = 0.75

// KLBufLen is the length of the scratch KLRow needs for a row with nz non-zeros.
func KLBufLen(nz, k int) int { return nz * (k + 2) }

// KLRow does one sweep of coordinate descent over the k entries f of one row
// of a factor, minimising Σ_q [v_q − x_q·log v_q] + linear·f + l1·Σf + ½l2‖f‖²
// + ½Σ_t pull_t·(f_t − target_t)² where v_q = (WH) at the row's non-zeros
// (column indices cols into the other factor, values x) and linear = the
// column sums of the other factor. The last term anchors chosen entries
// (pull_t > 0) at their targets: it adds its gradient and curvature to each
// Newton step; nil pull and target leave it out. v is updated in place as f
// changes; buf is scratch of at least KLBufLen(len(cols), k). It returns the
// squared change of f.
//
// The other factor's rows are gathered column by column, so that each
// coordinate's gradient and curvature are a few contiguous vector operations
// (gonum's SIMD kernels) rather than one scalar loop with a division per term.
func KLRow(f []float64, cols []int32, x, v []float64, other []float64, stride int, linear []float64, l1, l2 float64, pull, target []float64, buf []float64) float64 {
	k, nz := len(f), len(cols)
	buf = buf[:KLBufLen(nz, k)]
	hs, u, xu := buf[:nz*k], buf[nz*k:nz*k+nz], buf[nz*k+nz:]
	for q, j := range cols {
		for t, o := range other[int(j)*stride : int(j)*stride+k] {
			hs[t*nz+q] = o
		}
	}
	x, v = x[:nz], v[:nz]
	change := 0.0
	for t := 0; t < k; t++ {
		ht := hs[t*nz : t*nz+nz]
		floats.DivTo(u, ht, v) // v > 0 wherever x > 0; x = 0 terms are zeroed below
		floats.MulTo(xu, x, u)
		g := linear[t] + l1 + l2*f[t] - floats.Sum(xu)
		h := l2 + floats.Dot(xu, u)
		if pull != nil {
			g += pull[t] * (f[t] - target[t])
			h += pull[t]
		}
		umax := 0.0
		for q, uq := range u {
			if uq > umax && x[q] != 0 {
				umax = uq
			}
		}
		if math.IsNaN(g) || math.IsNaN(h) {
			continue // a zero of X where WH is zero too: leave the entry
		}
		var d float64
		switch {
		case h > 0:
			d = -g / h
			if d < 0 && umax > 0 {
				d = math.Max(d, -(1-klShrink)/umax)
			}
		case g > 0:
			d = -f[t] // the objective is linear and increasing in this entry
		}
		nf := math.Max(f[t]+d, 0)
		if math.IsNaN(nf) || math.IsInf(nf, 0) {
			continue
		}
		delta := nf - f[t]
		if delta == 0 {
			continue
		}
		f[t] = nf
		change += delta * delta
		floats.AddScaled(v, delta, ht)
	}
	return change
}
