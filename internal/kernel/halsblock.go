package kernel

import "gonum.org/v1/gonum/floats"

// halsBlock is a block of rows of a factor F with the same rows of C = X·G,
// updated together by HALS so that every inner loop runs over the whole
// block: one coordinate of all its rows at a time, then a rank-1 update of
// F·Q, as long SIMD axpys instead of one short axpy per entry.
type halsBlock struct {
	f, c   []float64 // first row of the block in F and in C
	fs, cs int       // their strides
	rows   int       // rows in the block
	k      int
	q      []float64 // symmetric k × k Gram matrix, row-major
}

// run does up to sweeps Gauss-Seidel sweeps over the block, stopping once a
// sweep changes the block by less than halsInnerEps times its first sweep,
// and returns ⟨F, C⟩ and ⟨F, F·Q⟩ of the block after the update. ws holds at
// least 3·rows·k + 4·rows floats of scratch, in which F, C and F·Q are kept
// column by column. Coordinates go in groups of four: each one's gradient
// adds the pending changes of the group's earlier ones to its column of F·Q,
// and F·Q takes the group's four changes in one pass (Rank4).
func (b halsBlock) run(ws []float64, sweeps int, l1, l2 float64) RowSums {
	r, k, q := b.rows, b.k, b.q
	fc, cc, qf := ws[:r*k], ws[r*k:2*r*k], ws[2*r*k:3*r*k]
	dl := ws[3*r*k : 3*r*k+4*r]
	for t := 0; t < k; t++ {
		ft, ct := fc[t*r:t*r+r], cc[t*r:t*r+r]
		for i := range ft {
			ft[i] = b.f[i*b.fs+t]
			ct[i] = b.c[i*b.cs+t]
		}
	}
	b.product(qf, fc)
	first := 0.0
	for it := 0; it < sweeps; it++ {
		change := 0.0
		for g := 0; g < k; g += 4 {
			size := min(4, k-g)
			pending := false
			for j := 0; j < size; j++ {
				t := g + j
				dj := dl[j*r : j*r+r]
				d := q[t*k+t] + l2
				if d <= 0 {
					clear(dj)
					continue
				}
				step := CoordStep{L1: l1, L2: l2, ID: 1 / d}
				if pending {
					for l := 0; l < j; l++ {
						step.C[l] = q[(g+l)*k+t]
					}
				}
				ft := fc[t*r : t*r+r]
				moved := Coord(ft, cc[t*r:t*r+r], qf[t*r:t*r+r], dj, dl, r, &step)
				if moved == 0 {
					continue
				}
				if moved-moved != 0 { // NaN or Inf: put bad entries at the floor and start F·Q afresh
					for i, v := range ft {
						if !(v >= HALSFloor && v-v == 0) {
							ft[i] = HALSFloor
						}
					}
					b.product(qf, fc)
					clear(dl[:j*r+r])
					pending = false
					continue
				}
				change += moved
				pending = true
			}
			if pending {
				b.apply(qf, g, size, dl)
			}
		}
		if it == 0 {
			first = change
		} else if change <= halsInnerEps*halsInnerEps*first {
			break
		}
	}
	var sum RowSums
	for t := 0; t < k; t++ {
		ft := fc[t*r : t*r+r]
		sum.Cross += floats.Dot(ft, cc[t*r:t*r+r])
		sum.Quad += floats.Dot(ft, qf[t*r:t*r+r])
		for i, v := range ft {
			b.f[i*b.fs+t] = v
		}
	}
	return sum
}

// apply adds Σⱼ xⱼ ⊗ Q[g+j, :] over the size ≤ 4 column-major columns xⱼ of
// x (stride rows) to the column-major rows × k matrix qf: one Rank4 pass per
// column of qf for a full group, rank-1 updates for a short last group.
func (b halsBlock) apply(qf []float64, g, size int, x []float64) {
	r, k, q := b.rows, b.k, b.q
	if size < 4 {
		for j := 0; j < size; j++ {
			b.rank1(qf, q[(g+j)*k:(g+j)*k+k], x[j*r:j*r+r])
		}
		return
	}
	var a [4]float64
	for u := 0; u < k; u++ {
		for j := range a {
			a[j] = q[(g+j)*k+u]
		}
		Rank4(qf[u*r:u*r+r], x, r, &a)
	}
}

// product sets the column-major rows × k matrix qf to F·Q for the
// column-major block fc of F.
func (b halsBlock) product(qf, fc []float64) {
	r, k := b.rows, b.k
	clear(qf)
	for g := 0; g < k; g += 4 {
		b.apply(qf, g, min(4, k-g), fc[g*r:])
	}
}

// rank1 adds x ⊗ qt to the column-major rows × k matrix qf.
func (b halsBlock) rank1(qf, qt, x []float64) {
	r := b.rows
	for u, a := range qt {
		floats.AddScaled(qf[u*r:u*r+r], a, x)
	}
}
