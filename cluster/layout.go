package cluster

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// Similarity returns the k×k cosine similarities of W's columns: how much two
// topics share their words, for the report's map of the topics. The diagonal
// is 1 and the matrix exactly symmetric; a zero column is 0 to every other.
func Similarity(W *mat.Dense) [][]float64 {
	raw := W.RawMatrix()
	k := raw.Cols
	// Upper triangle of the Gram matrix WᵀW, accumulated row by row of W.
	gram := make([]float64, k*k)
	for r := 0; r < raw.Rows; r++ {
		row := raw.Data[r*raw.Stride : r*raw.Stride+k]
		for a, wa := range row {
			if wa == 0 {
				continue
			}
			g := gram[a*k : a*k+k]
			for b := a; b < k; b++ {
				g[b] += wa * row[b]
			}
		}
	}
	sim := make([][]float64, k)
	for a := range sim {
		sim[a] = make([]float64, k)
	}
	for a := 0; a < k; a++ {
		sim[a][a] = 1
		for b := a + 1; b < k; b++ {
			s := 0.0
			if d := math.Sqrt(gram[a*k+a] * gram[b*k+b]); d > 0 {
				s = max(-1, min(1, gram[a*k+b]/d))
			}
			sim[a][b], sim[b][a] = s, s
		}
	}
	return sim
}

// Layout2D places k topics in the plane so that their distances follow the
// dissimilarities 1 − sim (classical multidimensional scaling: the two leading
// eigenvectors of the double-centred squared dissimilarities). Each axis is
// oriented so that its first clearly non-zero coordinate is positive, which
// makes the picture deterministic. It panics if sim is not square.
func Layout2D(sim [][]float64) [][2]float64 {
	k := len(sim)
	pts := make([][2]float64, k)
	if k < 2 {
		return pts
	}
	// B = -½·J·D²·J with J the centring matrix.
	d2 := mat.NewSymDense(k, nil)
	for a := range sim {
		if len(sim[a]) != k {
			panic("cluster: Layout2D: similarity matrix is not square")
		}
		for b := a; b < k; b++ {
			d := 1 - (sim[a][b]+sim[b][a])/2
			d2.SetSym(a, b, d*d)
		}
	}
	rowMean := make([]float64, k)
	all := 0.0
	for a := 0; a < k; a++ {
		for b := 0; b < k; b++ {
			rowMean[a] += d2.At(a, b)
		}
		all += rowMean[a]
		rowMean[a] /= float64(k)
	}
	all /= float64(k * k)
	B := mat.NewSymDense(k, nil)
	for a := 0; a < k; a++ {
		for b := a; b < k; b++ {
			B.SetSym(a, b, -0.5*(d2.At(a, b)-rowMean[a]-rowMean[b]+all))
		}
	}
	var eig mat.EigenSym
	if !eig.Factorize(B, true) {
		panic("cluster: Layout2D: eigendecomposition failed")
	}
	values := eig.Values(nil) // ascending
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	for axis := 0; axis < 2; axis++ {
		col := k - 1 - axis
		scale := math.Sqrt(max(values[col], 0))
		if scale == 0 {
			continue // a degenerate axis: every coordinate stays 0
		}
		big := 0.0
		for a := 0; a < k; a++ {
			big = max(big, math.Abs(vecs.At(a, col)))
		}
		sign := 1.0
		for a := 0; a < k; a++ {
			if v := vecs.At(a, col); math.Abs(v) > 1e-9*big {
				sign = math.Copysign(1, v)
				break
			}
		}
		for a := 0; a < k; a++ {
			pts[a][axis] = sign * scale * vecs.At(a, col)
		}
	}
	return pts
}
