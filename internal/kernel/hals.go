package kernel

import (
	"github.com/topicmill/topicmill/internal/parallel"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// halsInnerEps stops a row block's (or a row's) HALS sweeps once a sweep
// changes it by less than halsInnerEps times its first sweep (Gillis &
// Glineur 2012's ε).
const halsInnerEps = 0.01

// HALSFloor is the smallest value a HALS update leaves in a factor: every
// entry stays strictly positive, so no column of a factor dies.
const HALSFloor = 1e-16

// RowSums are the per-row quantities of a factor update, summed over rows in
// a fixed order: Cross = ⟨F, C⟩ and Quad = ⟨F, F·Q⟩ after the update, from
// which the objective ½‖X‖² − Cross + ½Quad follows without another pass
// over F.
type RowSums struct{ Cross, Quad float64 }

// HALSUpdate improves F (r × k) with up to sweeps HALS sweeps for the problem
// min_{F ≥ 0} ½‖X − F·Gᵀ‖² + l1·ΣF + ½l2·‖F‖², given C = X·G (r × k) and the
// Gram matrix Q = GᵀG (k × k). Rows are independent, so the fixed row blocks
// are updated in parallel, each by halsBlock with its own early stop.
func HALSUpdate(F, C, Q *mat.Dense, sweeps int, l1, l2 float64, workers int, sc *Scratch) RowSums {
	r, k := F.Dims()
	f, c, q := F.RawMatrix(), C.RawMatrix(), Q.RawMatrix()
	nb := NumBlocks(r)
	per := 3*BlockRows*k + 4*BlockRows
	buf := sc.Zeroed(k*k + workers*per + nb*2)
	qd := buf[:k*k]
	partial := buf[k*k+workers*per:]
	pack(qd, q)
	parallel.Blocks(r, BlockRows, workers, func(w, b, lo, hi int) {
		blk := halsBlock{
			f: f.Data[lo*f.Stride:], fs: f.Stride,
			c: c.Data[lo*c.Stride:], cs: c.Stride,
			rows: hi - lo, k: k, q: qd,
		}
		sum := blk.run(buf[k*k+w*per:k*k+(w+1)*per], sweeps, l1, l2)
		partial[2*b], partial[2*b+1] = sum.Cross, sum.Quad
	})
	var total RowSums
	for b := 0; b < nb; b++ {
		total.Cross += partial[2*b]
		total.Quad += partial[2*b+1]
	}
	return total
}

// pack copies the k × k matrix q into dst without stride, row by row.
func pack(dst []float64, q blas64.General) {
	for s := 0; s < q.Rows; s++ {
		copy(dst[s*q.Cols:(s+1)*q.Cols], q.Data[s*q.Stride:s*q.Stride+q.Cols])
	}
}

// ForRows calls fn on every row f of F with the same row c of C, the packed
// symmetric k × k matrix q and the row qf of F·Q, parallel over fixed row
// blocks.
func ForRows(F, C, Q *mat.Dense, workers int, sc *Scratch, fn func(f, c, q, qf []float64)) {
	r, k := F.Dims()
	f, c, q := F.RawMatrix(), C.RawMatrix(), Q.RawMatrix()
	buf := sc.Zeroed(k*k + workers*k)
	qd := buf[:k*k]
	pack(qd, q)
	parallel.Blocks(r, BlockRows, workers, func(w, _, lo, hi int) {
		qf := buf[k*k+w*k : k*k+w*k+k]
		for i := lo; i < hi; i++ {
			row := f.Data[i*f.Stride : i*f.Stride+k]
			// qf = Q·f from the rows of Q; entries at the floor add nothing that counts.
			clear(qf)
			for u, v := range row {
				if v > HALSFloor {
					floats.AddScaled(qf, v, qd[u*k:u*k+k])
				}
			}
			fn(row, c.Data[i*c.Stride:i*c.Stride+k], qd, qf)
		}
	})
}

// HALSRow runs Gauss-Seidel HALS sweeps on one row f (as a solve with the other factor fixed does, row
// by row with its own stop; HALSUpdate does the same per block), given its
// row c of X·G, the symmetric k × k Gram matrix q (row-major) and qf = q·f,
// and returns the squared change of its last sweep. It keeps qf up to date as
// entries change, so an entry that stays put (as most do at the floor of a
// sparse factor) costs O(1) instead of O(k), and qf = q·f on return.
func HALSRow(f, c, q, qf []float64, sweeps int, l1, l2 float64) float64 {
	k := len(f)
	c, qf = c[:k], qf[:k]
	first, change := 0.0, 0.0
	for it := 0; it < sweeps; it++ {
		change = 0.0
		for t := range f {
			qt := q[t*k : t*k+k]
			g := qf[t] - c[t] + l1 + l2*f[t]
			d := qt[t] + l2
			if d <= 0 {
				continue
			}
			nv := f[t] - g/d
			if !(nv >= HALSFloor) { // also catches NaN
				nv = HALSFloor
			}
			delta := nv - f[t]
			if delta == 0 {
				continue
			}
			f[t] = nv
			change += delta * delta
			floats.AddScaled(qf, delta, qt) // SIMD axpy: the hot loop of a sweep
		}
		if it == 0 {
			first = change
		} else if change <= halsInnerEps*halsInnerEps*first {
			break
		}
	}
	return change
}
