package factor

import (
	"context"
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// seedTarget is a 60 × 1 target with weight 1/√5 on rows 0–4: a topic of
// five seed words, far from any column a free fit finds in randomSparse.
func seedTarget() *mat.Dense {
	T := mat.NewDense(60, 1, nil)
	for i := 0; i < 5; i++ {
		T.Set(i, 0, 1/math.Sqrt(5))
	}
	return T
}

// distance returns ‖W[:, t] − T[:, 0]‖ / ‖T[:, 0]‖.
func distance(W *mat.Dense, t int, T *mat.Dense) float64 {
	m, _ := W.Dims()
	var d mat.VecDense
	d.SubVec(W.ColView(t), T.ColView(0))
	return mat.Norm(&d, 2) / math.Max(mat.Norm(T.Slice(0, m, 0, 1), 2), 1e-300)
}

func TestAnchorPullsColumnToTarget(t *testing.T) {
	X := randomSparse(60, 40, 0.3, 7)
	T := seedTarget()
	for _, loss := range []Loss{Frobenius, KullbackLeibler} {
		// Distance of the anchored column from its target after the fit, by
		// strength (‖X‖²/k ≈ 90 here): it falls as the strength grows
		// (measured: Frobenius 0.880, 0.0297, 0.000311; KL 0.911, 0.328, 0.00224).
		within := map[Loss][]float64{Frobenius: {0.95, 0.05, 0.001}, KullbackLeibler: {0.95, 0.4, 0.005}}[loss]
		cases := []struct {
			strength float64
			within   float64
		}{
			{1, within[0]},
			{100, within[1]},
			{1e4, within[2]},
		}
		prev := math.Inf(1)
		for _, c := range cases {
			nmf := NMF{K: 4, Loss: loss, MaxIter: 300, Anchor: Anchor{Columns: []int{2}, Target: T, Strength: c.strength}}
			res, err := nmf.Fit(context.Background(), X)
			if err != nil {
				t.Fatal(err)
			}
			d := distance(res.W, 2, T)
			t.Logf("%s strength %g: distance %.4g, objective %.6g, %d iterations", loss, c.strength, d, res.Objective, res.Iterations)
			if d > c.within || d > prev {
				t.Errorf("%s strength %g: anchored column %.4g from its target, want ≤ %g and ≤ %.4g (weaker anchor)", loss, c.strength, d, c.within, prev)
			}
			prev = d
			for i := 1; i < len(res.Trace); i++ {
				if a, b := res.Trace[i-1].Objective, res.Trace[i].Objective; b > a*(1+1e-12) {
					t.Errorf("%s strength %g: objective rose from %.10g to %.10g at iteration %d", loss, c.strength, a, b, i)
				}
			}
			// The objective is the loss plus the anchor's penalty.
			ref := refFrobenius(X, res.W, res.H)
			if loss == KullbackLeibler {
				ref = refKL(X, res.W, res.H)
			}
			dist := d * mat.Norm(T, 2)
			ref += 0.5 * c.strength * dist * dist
			if relDiff(res.Objective, ref) > 1e-8 {
				t.Errorf("%s strength %g: objective %.12g, dense reference %.12g", loss, c.strength, res.Objective, ref)
			}
		}
	}
}

func TestAnchorStrengthZeroIsUnanchored(t *testing.T) {
	X := randomSparse(60, 40, 0.3, 7)
	for _, loss := range []Loss{Frobenius, KullbackLeibler} {
		plain, err := NMF{K: 4, Loss: loss}.Fit(context.Background(), X)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range []Anchor{{}, {Columns: []int{1}, Target: seedTarget()}} {
			got, err := NMF{K: 4, Loss: loss, Anchor: a}.Fit(context.Background(), X)
			if err != nil {
				t.Fatal(err)
			}
			if !mat.Equal(got.W, plain.W) || !mat.Equal(got.H, plain.H) || got.Objective != plain.Objective || got.Iterations != plain.Iterations {
				t.Errorf("%s, anchor %+v: fit differs from the unanchored one (objective %v vs %v)", loss, a.Columns, got.Objective, plain.Objective)
			}
		}
	}
}

func TestAnchorRefused(t *testing.T) {
	X := randomSparse(60, 40, 0.3, 7)
	W0 := mat.NewDense(60, 4, nil)
	W0.Apply(func(_, _ int, _ float64) float64 { return 1 }, W0)
	cases := []struct {
		name  string
		nmf   NMF
		shape bool // the error wraps ErrShape
	}{
		{"negative strength", NMF{K: 4, Anchor: Anchor{Columns: []int{0}, Target: seedTarget(), Strength: -1}}, false},
		{"NaN strength", NMF{K: 4, Anchor: Anchor{Columns: []int{0}, Target: seedTarget(), Strength: math.NaN()}}, false},
		{"no target", NMF{K: 4, Anchor: Anchor{Columns: []int{0}, Strength: 1}}, true},
		{"target rows", NMF{K: 4, Anchor: Anchor{Columns: []int{0}, Target: mat.NewDense(59, 1, nil), Strength: 1}}, true},
		{"target columns", NMF{K: 4, Anchor: Anchor{Columns: []int{0, 1}, Target: seedTarget(), Strength: 1}}, true},
		{"column out of range", NMF{K: 4, Anchor: Anchor{Columns: []int{4}, Target: seedTarget(), Strength: 1}}, false},
		{"column repeated", NMF{K: 4, Anchor: Anchor{Columns: []int{1, 1}, Target: mat.NewDense(60, 2, nil), Strength: 1}}, false},
		{"negative target", NMF{K: 4, Anchor: Anchor{Columns: []int{0}, Target: mat.NewDense(60, 1, []float64{-1, 59: 0}), Strength: 1}}, false},
		{"fixed factor", NMF{K: 4, W0: W0, Fixed: FactorW, Anchor: Anchor{Columns: []int{0}, Target: seedTarget(), Strength: 1}}, false},
	}
	for _, c := range cases {
		_, err := c.nmf.Fit(context.Background(), X)
		if err == nil {
			t.Errorf("%s: no error", c.name)
			continue
		}
		if errors.Is(err, ErrShape) != c.shape {
			t.Errorf("%s: %v, wraps ErrShape = %v, want %v", c.name, err, errors.Is(err, ErrShape), c.shape)
		}
	}
}
