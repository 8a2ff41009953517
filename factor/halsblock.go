package factor

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
// least 3·rows·k + rows floats of scratch, in which F, C and F·Q are kept
// column by column.
func (b halsBlock) run(ws []float64, sweeps int, l1, l2 float64) rowSums {
	r, k, q := b.rows, b.k, b.q
	fc, cc, qf, dl := ws[:r*k], ws[r*k:2*r*k], ws[2*r*k:3*r*k], ws[3*r*k:3*r*k+r]
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
		for t := 0; t < k; t++ {
			d := q[t*k+t] + l2
			if d <= 0 {
				continue
			}
			id := 1 / d
			ft, ct, qt := fc[t*r:t*r+r], cc[t*r:t*r+r], qf[t*r:t*r+r]
			moved := 0.0
			for i, v := range ft {
				// max, not a branch: about half the entries of a sparse factor sit at the floor.
				nv := max(v-(qt[i]-ct[i]+l1+l2*v)*id, halsFloor)
				delta := nv - v
				ft[i] = nv
				dl[i] = delta
				moved += delta * delta
			}
			if moved == 0 {
				continue
			}
			if moved-moved != 0 { // NaN or Inf: put bad entries at the floor and start F·Q afresh
				for i, v := range ft {
					if !(v >= halsFloor && v-v == 0) {
						ft[i] = halsFloor
					}
				}
				b.product(qf, fc)
				continue
			}
			change += moved
			b.rank1(qf, q[t*k:t*k+k], dl)
		}
		if it == 0 {
			first = change
		} else if change <= halsInnerEps*halsInnerEps*first {
			break
		}
	}
	var sum rowSums
	for t := 0; t < k; t++ {
		ft := fc[t*r : t*r+r]
		sum.cross += floats.Dot(ft, cc[t*r:t*r+r])
		sum.quad += floats.Dot(ft, qf[t*r:t*r+r])
		for i, v := range ft {
			b.f[i*b.fs+t] = v
		}
	}
	return sum
}

// product sets the column-major rows × k matrix qf to F·Q for the
// column-major block fc of F.
func (b halsBlock) product(qf, fc []float64) {
	r, k := b.rows, b.k
	clear(qf)
	for t := 0; t < k; t++ {
		b.rank1(qf, b.q[t*k:t*k+k], fc[t*r:t*r+r])
	}
}

// rank1 adds x ⊗ qt to the column-major rows × k matrix qf.
func (b halsBlock) rank1(qf, qt, x []float64) {
	r := b.rows
	for u, a := range qt {
		floats.AddScaled(qf[u*r:u*r+r], a, x)
	}
}
