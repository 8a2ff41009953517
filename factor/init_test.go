package factor

import (
	"context"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// refNNDSVD is NNDSVD written from the paper with gonum's exact dense SVD.
func refNNDSVD(D *mat.Dense, k int) (W, H *mat.Dense) {
	m, n := D.Dims()
	var svd mat.SVD
	svd.Factorize(D, mat.SVDThin)
	var U, V mat.Dense
	svd.UTo(&U)
	svd.VTo(&V)
	s := svd.Values(nil)
	W, H = mat.NewDense(m, k, nil), mat.NewDense(k, n, nil)
	for j := 0; j < k; j++ {
		x, y := mat.Col(nil, j, &U), mat.Col(nil, j, &V)
		pos := func(v []float64, sign float64) []float64 {
			out := make([]float64, len(v))
			for i, a := range v {
				out[i] = math.Max(sign*a, 0)
			}
			return out
		}
		norm := func(v []float64) float64 { return mat.Norm(mat.NewVecDense(len(v), v), 2) }
		var u, w []float64
		var sigma float64
		if j == 0 {
			u, w, sigma = pos(x, 1), pos(y, 1), 1
			if norm(u) == 0 {
				u, w = pos(x, -1), pos(y, -1)
			}
		} else {
			xp, yp, xn, yn := pos(x, 1), pos(y, 1), pos(x, -1), pos(y, -1)
			if mp, mn := norm(xp)*norm(yp), norm(xn)*norm(yn); mp > mn {
				u, w, sigma = xp, yp, mp
			} else {
				u, w, sigma = xn, yn, mn
			}
		}
		nu, nw := norm(u), norm(w)
		if j == 0 {
			nu, nw = 1, 1
		}
		l := math.Sqrt(s[j] * sigma)
		for i := range u {
			W.Set(i, j, l*u[i]/nu)
		}
		for i := range w {
			H.Set(j, i, l*w[i]/nw)
		}
	}
	for _, F := range []*mat.Dense{W, H} {
		for i, v := range F.RawMatrix().Data {
			if v < 1e-6 {
				F.RawMatrix().Data[i] = 0
			}
		}
	}
	return W, H
}

func TestNNDSVDMatchesDenseReference(t *testing.T) {
	X := randomSparse(14, 9, 0.6, 8)
	D := denseOf(X)
	mean := mat.Sum(D) / (14 * 9)
	for _, k := range []int{1, 3} {
		wantW, wantH := refNNDSVD(D, k)
		for _, init := range []Init{NNDSVD, NNDSVDA} {
			s, _ := NMF{K: k, Init: init, Seed: 1}.resolve()
			W, Ht, err := initialize(context.Background(), X, X.T(), s)
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range []struct {
				name      string
				got, want *mat.Dense
			}{{"W", W, wantW}, {"H", transposeDense(Ht), wantH}} {
				r, cc := c.want.Dims()
				for i := 0; i < r; i++ {
					for j := 0; j < cc; j++ {
						want := c.want.At(i, j)
						if init == NNDSVDA && want == 0 {
							want = mean
						}
						if got := c.got.At(i, j); math.Abs(got-want) > 1e-9 {
							t.Fatalf("k=%d %s %s[%d,%d] = %v, want %v", k, init, c.name, i, j, got, want)
						}
					}
				}
			}
		}
	}
}

// TestTruncatedSVD checks the randomized SVD's leading singular values
// against the exact ones on a planted rank-5 matrix, whose range the sketch captures.
func TestTruncatedSVD(t *testing.T) {
	W0, H0 := planted(200, 120, 5, 12)
	var P mat.Dense
	P.Mul(W0, H0)
	X := FromDense(&P)
	var svd mat.SVD
	svd.Factorize(denseOf(X), mat.SVDNone)
	exact := svd.Values(nil)
	_, got, _, err := truncatedSVD(X, X.T(), 5, newRNG(3), 1)
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range got {
		if relDiff(s, exact[i]) > 1e-9 {
			t.Errorf("σ%d = %v, exact %v", i, s, exact[i])
		}
	}
}
