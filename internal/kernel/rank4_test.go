package kernel

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestRank4 checks rank4 against an FMA reference written out per entry
// (exact for the assembly kernel) and the portable rank4Go within rounding,
// for lengths that exercise the 8-, 4- and 1-wide parts of the kernel.
func TestRank4(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, n := range []int{1, 3, 4, 7, 8, 13, 256, 259} {
		stride := n + 5
		x := make([]float64, 3*stride+n)
		dst := make([]float64, n)
		for i := range x {
			x[i] = rng.NormFloat64()
		}
		for i := range dst {
			dst[i] = rng.NormFloat64()
		}
		a := [4]float64{rng.NormFloat64(), -0.25, rng.NormFloat64(), 3}
		fused := make([]float64, n)
		for i, v := range dst {
			for j, aj := range a {
				v = math.FMA(aj, x[j*stride+i], v)
			}
			fused[i] = v
		}
		portable := append([]float64(nil), dst...)
		rank4Go(portable, x, stride, &a)
		got := append([]float64(nil), dst...)
		Rank4(got, x, stride, &a)
		for i := range got {
			if useFMA && got[i] != fused[i] {
				t.Fatalf("n=%d: rank4[%d] = %v, fused reference %v", n, i, got[i], fused[i])
			}
			if math.Abs(got[i]-portable[i]) > 1e-14*(1+math.Abs(portable[i])) {
				t.Fatalf("n=%d: rank4[%d] = %v, rank4Go %v", n, i, got[i], portable[i])
			}
		}
	}
}
