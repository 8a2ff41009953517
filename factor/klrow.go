package factor

import "math"

// klShrink bounds a decreasing Newton step so that no (WH)_ij at a non-zero
// of X falls below klShrink times its value. With klShrink > 1/√2 the
// curvature over the step is at most 1/klShrink² times the curvature at its
// start, which makes every bounded step a strict decrease of the divergence
// and keeps WH positive wherever X is (so the divergence stays finite).
// Increasing steps need no bound: the curvature only falls as an entry grows.
const klShrink = 0.75

// klRow does one sweep of coordinate descent over the k entries f of one row
// of a factor, minimising Σ_q [v_q − x_q·log v_q] + linear·f + l1·Σf + ½l2‖f‖²
// where v_q = (WH) at the row's non-zeros (column indices cols into the other
// factor, values x) and linear = the column sums of the other factor. v is
// updated in place as f changes; buf is scratch of at least len(cols)·k.
// It returns the squared change of f.
func klRow(f []float64, cols []int32, x, v []float64, other []float64, stride int, linear []float64, l1, l2 float64, buf []float64) float64 {
	k, nz := len(f), len(cols)
	buf = buf[:nz*k]
	for q, j := range cols {
		copy(buf[q*k:q*k+k], other[int(j)*stride:int(j)*stride+k])
	}
	change := 0.0
	prev := -1 // the last changed coordinate
	delta := 0.0
	for t := 0; t < k; t++ {
		g := linear[t] + l1 + l2*f[t]
		h := l2
		umax := 0.0
		if delta != 0 {
			for q, xq := range x {
				hq, vq := buf[q*k+t], v[q]+delta*buf[q*k+prev]
				v[q] = vq
				if hq == 0 || xq == 0 {
					continue
				}
				u := hq / vq
				xu := xq * u
				g -= xu
				h += xu * u
				if u > umax {
					umax = u
				}
			}
		} else {
			for q, xq := range x {
				hq := buf[q*k+t]
				if hq == 0 || xq == 0 {
					continue
				}
				u := hq / v[q]
				xu := xq * u
				g -= xu
				h += xu * u
				if u > umax {
					umax = u
				}
			}
		}
		delta = 0
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
		delta = nf - f[t]
		f[t] = nf
		change += delta * delta
		prev = t
	}
	if delta != 0 {
		for q := range v[:nz] {
			v[q] += delta * buf[q*k+prev]
		}
	}
	return change
}
