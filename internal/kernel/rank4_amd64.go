package kernel

import "golang.org/x/sys/cpu"

// useFMA says whether Rank4 runs its AVX2/FMA assembly kernel.
var useFMA = cpu.X86.HasAVX2 && cpu.X86.HasFMA

// rank4FMA is Rank4's AVX2/FMA kernel (rank4_amd64.s): dst[i] =
// fma(a3, x3[i], fma(a2, x2[i], fma(a1, x1[i], fma(a0, x0[i], dst[i])))).
//
//go:noescape
func rank4FMA(dst, x []float64, stride int, a *[4]float64)

// coordFMA is Coord's AVX2/FMA kernel (coord_amd64.s) for len(ft) a
// multiple of 4, with four partial sums of the squared changes.
//
//go:noescape
func coordFMA(ft, ct, qt, dj, dl []float64, stride int, p *CoordStep) float64
