package kernel

import "gonum.org/v1/gonum/floats"

// Rank4 adds a[0]·x₀ + a[1]·x₁ + a[2]·x₂ + a[3]·x₃ to dst, where xⱼ is
// x[j·stride : j·stride+len(dst)]: four coordinates' changes applied in one
// pass over dst, so that dst is loaded and stored once instead of four times.
// It runs the AVX2/FMA kernel where the CPU has one (a fused multiply-add
// per term, in order j = 0…3) and rank4Go otherwise; the choice depends on
// the CPU only, never on the number of workers.
func Rank4(dst, x []float64, stride int, a *[4]float64) {
	n := len(dst)
	if n == 0 {
		return
	}
	_ = x[3*stride+n-1] // bounds check for the kernel
	if useFMA {
		rank4FMA(dst, x, stride, a)
		return
	}
	rank4Go(dst, x, stride, a)
}

// rank4Go is the portable Rank4: four gonum SIMD axpys.
func rank4Go(dst, x []float64, stride int, a *[4]float64) {
	n := len(dst)
	for j, aj := range a {
		floats.AddScaled(dst, aj, x[j*stride:j*stride+n])
	}
}
