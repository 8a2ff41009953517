package kernel

// CoordStep holds what one HALS coordinate update needs besides the block's
// columns. Its layout is read by the assembly kernel: keep the field order.
type CoordStep struct {
	// C holds the coefficients Q[g+j, t] of the group's pending changes,
	// zero for the coordinate itself and those after it.
	C [3]float64
	// L1 and L2 are the penalties; ID is 1/(Q[t,t] + L2).
	L1, L2, ID float64
}

// Coord updates one column ft of a HALS block in place (coordinate t of every
// row of the block, stored contiguously): with g = qt + Σⱼ C[j]·dl[j·stride:]
// − ct + L1 + L2·f it sets f = max(f − g·ID, HALSFloor),
// writes the changes to dj and returns their squared sum. dj may be one of
// the three columns of dl, as long as its coefficient is zero. The AVX2/FMA
// kernel takes the entries in fours where the CPU has one (same choice as
// Rank4); the rest, and all on other CPUs, go through the loop below.
func Coord(ft, ct, qt, dj, dl []float64, stride int, p *CoordStep) float64 {
	n := len(ft)
	ct, qt, dj = ct[:n], qt[:n], dj[:n]
	d0, d1, d2 := dl[:n], dl[stride:stride+n], dl[2*stride:2*stride+n]
	moved, i := 0.0, 0
	if useFMA && n >= 4 {
		i = n &^ 3
		moved = coordFMA(ft[:i], ct, qt, dj, dl, stride, p)
	}
	c0, c1, c2, l1, l2, id := p.C[0], p.C[1], p.C[2], p.L1, p.L2, p.ID
	for ; i < n; i++ {
		v := ft[i]
		g := qt[i] + c0*d0[i] + c1*d1[i] + c2*d2[i] - ct[i] + l1 + l2*v
		// max, not a branch: about half the entries of a sparse factor sit at the floor.
		nv := max(v-g*id, HALSFloor)
		delta := nv - v
		ft[i] = nv
		dj[i] = delta
		moved += delta * delta
	}
	return moved
}
