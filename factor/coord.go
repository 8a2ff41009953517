package factor

// coordStep holds what one HALS coordinate update needs besides the block's
// columns: c, the coefficients of the group's pending changes (zero for the
// coordinate itself and those after it), the penalties and 1/Q[t,t]+l2.
type coordStep struct {
	c          [3]float64
	l1, l2, id float64
}

// coord updates one column ft of a HALS block in place: with g = qt +
// Σⱼ c[j]·dl[j·stride:] − ct + l1 + l2·f it sets f = max(f − g·id, halsFloor),
// writes the changes to dj and returns their squared sum. dj may be one of
// the three columns of dl, as long as its coefficient is zero. The AVX2/FMA
// kernel takes the entries in fours where the CPU has one (same choice as
// rank4); the rest, and all on other CPUs, go through the loop below.
func coord(ft, ct, qt, dj, dl []float64, stride int, p *coordStep) float64 {
	n := len(ft)
	ct, qt, dj = ct[:n], qt[:n], dj[:n]
	d0, d1, d2 := dl[:n], dl[stride:stride+n], dl[2*stride:2*stride+n]
	moved, i := 0.0, 0
	if useFMA && n >= 4 {
		i = n &^ 3
		moved = coordFMA(ft[:i], ct, qt, dj, dl, stride, p)
	}
	c0, c1, c2, l1, l2, id := p.c[0], p.c[1], p.c[2], p.l1, p.l2, p.id
	for ; i < n; i++ {
		v := ft[i]
		g := qt[i] + c0*d0[i] + c1*d1[i] + c2*d2[i] - ct[i] + l1 + l2*v
		// max, not a branch: about half the entries of a sparse factor sit at the floor.
		nv := max(v-g*id, halsFloor)
		delta := nv - v
		ft[i] = nv
		dj[i] = delta
		moved += delta * delta
	}
	return moved
}
