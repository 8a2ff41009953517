//go:build !amd64

package kernel

// useFMA is false off amd64: Rank4 runs rank4Go.
const useFMA = false

// rank4FMA is never called off amd64.
func rank4FMA(dst, x []float64, stride int, a *[4]float64) { rank4Go(dst, x, stride, a) }

// coordFMA is never called off amd64.
func coordFMA(ft, ct, qt, dj, dl []float64, stride int, p *CoordStep) float64 { return 0 }
