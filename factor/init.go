package factor

import (
	"context"
	"math"
	"math/rand/v2"

	"github.com/topicmill/topicmill/sparse"
	"gonum.org/v1/gonum/mat"
)

// nndsvdZero is scikit-learn's threshold below which NNDSVD entries count as zero.
const nndsvdZero = 1e-6

// initialize returns the starting W (m × k) and Ht = Hᵀ (n × k) chosen by
// s.Init, given Xt = Xᵀ.
func initialize(ctx context.Context, X, Xt *sparse.CSR, s settings) (W, Ht *mat.Dense, err error) {
	m, n, k := X.Rows, X.Cols, s.K
	rng := newRNG(s.Seed)
	mean := 0.0
	for _, v := range X.Val {
		mean += v
	}
	mean /= float64(m) * float64(n)
	if s.Init == Random {
		scale := math.Sqrt(mean / float64(k))
		Ht = mat.NewDense(n, k, nil)
		W = mat.NewDense(m, k, nil)
		fillAbsNormal(Ht.RawMatrix().Data, scale, rng)
		fillAbsNormal(W.RawMatrix().Data, scale, rng)
		return W, Ht, nil
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	U, sv, V, err := truncatedSVD(X, Xt, k, rng, s.workers)
	if err != nil {
		return nil, nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, nil, err
	}
	W, Ht = nndsvd(U, sv, V)
	switch s.Init {
	case NNDSVDA:
		fillZeros(W.RawMatrix().Data, func() float64 { return mean })
		fillZeros(Ht.RawMatrix().Data, func() float64 { return mean })
	case NNDSVDAR:
		small := func() float64 { return math.Abs(mean * rng.NormFloat64() / 100) }
		fillZeros(W.RawMatrix().Data, small)
		fillZeros(Ht.RawMatrix().Data, small)
	}
	return W, Ht, nil
}

// nndsvd builds the NNDSVD factors (Boutsidis & Gallopoulos 2008) from the
// leading singular triplets: each pair of singular vectors is split into its
// positive and negative parts and the dominant part is kept.
func nndsvd(U *mat.Dense, sv []float64, V *mat.Dense) (W, Ht *mat.Dense) {
	m, k := U.Dims()
	n, _ := V.Dims()
	W = mat.NewDense(m, k, nil)
	Ht = mat.NewDense(n, k, nil)
	x := make([]float64, m)
	y := make([]float64, n)
	for j := 0; j < k; j++ {
		mat.Col(x, j, U)
		mat.Col(y, j, V)
		if j == 0 {
			r := math.Sqrt(sv[0])
			for i, v := range x {
				W.Set(i, 0, r*math.Abs(v))
			}
			for i, v := range y {
				Ht.Set(i, 0, r*math.Abs(v))
			}
			continue
		}
		xp, xn := partNorms(x)
		yp, yn := partNorms(y)
		mp, mn := xp*yp, xn*yn
		sign, nx, ny, sigma := 1.0, xp, yp, mp
		if mn >= mp {
			sign, nx, ny, sigma = -1, xn, yn, mn
		}
		if sigma == 0 {
			continue
		}
		lbd := math.Sqrt(sv[j] * sigma)
		for i, v := range x {
			W.Set(i, j, lbd*math.Max(sign*v, 0)/nx)
		}
		for i, v := range y {
			Ht.Set(i, j, lbd*math.Max(sign*v, 0)/ny)
		}
	}
	for _, d := range [][]float64{W.RawMatrix().Data, Ht.RawMatrix().Data} {
		for i, v := range d {
			if v < nndsvdZero {
				d[i] = 0
			}
		}
	}
	return W, Ht
}

// newRNG returns the generator behind every random choice of a fit.
func newRNG(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x70b1cf4c7)) }

// partNorms returns the Euclidean norms of the positive and negative parts of x.
func partNorms(x []float64) (pos, neg float64) {
	for _, v := range x {
		if v > 0 {
			pos += v * v
		} else {
			neg += v * v
		}
	}
	return math.Sqrt(pos), math.Sqrt(neg)
}

func fillZeros(d []float64, value func() float64) {
	for i, v := range d {
		if v == 0 {
			d[i] = value()
		}
	}
}

func fillAbsNormal(d []float64, scale float64, rng *rand.Rand) {
	for i := range d {
		d[i] = scale * math.Abs(rng.NormFloat64())
	}
}
