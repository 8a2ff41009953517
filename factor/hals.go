package factor

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// HALS parameters (Gillis & Glineur 2012): at most ⌊1 + halsAlpha·ρ⌋ inner
// sweeps per factor update, where ρ is the cost of the sparse product relative
// to one sweep, stopping a row's sweeps once its change falls below
// halsInnerEps times the change of its first sweep.
const (
	halsAlpha    = 0.5
	halsInnerEps = 0.01
	// halsFloor keeps every entry strictly positive, so no column of a factor dies.
	halsFloor = 1e-16
)

// innerSweeps returns the accelerated-HALS sweep count for a factor with rows
// rows, when the product feeding it touches nnz non-zeros and the other factor
// has others rows (Gillis & Glineur's ρ = 1 + (nnz + others·k)/(rows·(k+1))).
func innerSweeps(nnz, rows, others, k int) int {
	rho := 1 + float64(nnz+others*k)/float64(rows*(k+1))
	return int(math.Floor(1 + halsAlpha*rho))
}

// halsUpdate improves F (r × k) with up to sweeps HALS sweeps for the problem
// min_{F ≥ 0} ½‖X − F·Gᵀ‖² + l1·ΣF + ½l2·‖F‖², given C = X·G (r × k) and the
// Gram matrix Q = GᵀG (k × k). Rows are independent, so they are updated in
// parallel, each with its own early stop.
func halsUpdate(F, C, Q *mat.Dense, sweeps int, l1, l2 float64, workers int, sc *scratch) {
	forRows(F, C, Q, workers, sc, func(f, c, q []float64) { halsRow(f, c, q, sweeps, l1, l2) })
}

// forRows calls fn on every row f of F with the same row c of C and the
// packed k × k matrix q, parallel over fixed row blocks.
func forRows(F, C, Q *mat.Dense, workers int, sc *scratch, fn func(f, c, q []float64)) {
	_, k := F.Dims()
	f, c, q := F.RawMatrix(), C.RawMatrix(), Q.RawMatrix()
	qd := sc.zeroed(k * k)
	for s := 0; s < k; s++ {
		copy(qd[s*k:s*k+k], q.Data[s*q.Stride:s*q.Stride+k])
	}
	forBlocks(f.Rows, workers, func(_, lo, hi int) {
		for i := lo; i < hi; i++ {
			fn(f.Data[i*f.Stride:i*f.Stride+k], c.Data[i*c.Stride:i*c.Stride+k], qd)
		}
	})
}

// halsRow runs the Gauss-Seidel sweeps of halsUpdate on one row f, given its
// row c of X·G and the k × k Gram matrix q (row-major), and returns the
// squared change of its last sweep.
func halsRow(f, c, q []float64, sweeps int, l1, l2 float64) float64 {
	k := len(f)
	first, change := 0.0, 0.0
	for it := 0; it < sweeps; it++ {
		change = 0.0
		for t := 0; t < k; t++ {
			qt := q[t*k : t*k+k]
			d := qt[t] + l2
			if d <= 0 {
				continue
			}
			g := l1 - c[t] + l2*f[t]
			for s, v := range f {
				g += qt[s] * v
			}
			nv := f[t] - g/d
			if !(nv >= halsFloor) { // also catches NaN
				nv = halsFloor
			}
			delta := nv - f[t]
			change += delta * delta
			f[t] = nv
		}
		if it == 0 {
			first = change
		} else if change <= halsInnerEps*halsInnerEps*first {
			break
		}
	}
	return change
}
