package factor

import (
	"context"
	"errors"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/topicmill/topicmill/sparse"
	"gonum.org/v1/gonum/mat"
)

var losses = []Loss{Frobenius, KullbackLeibler}

func TestObjectiveNeverIncreasesAndMatchesDense(t *testing.T) {
	X := randomSparse(50, 40, 0.2, 7)
	for _, loss := range losses {
		for _, init := range []Init{NNDSVDA, NNDSVD, NNDSVDAR, Random} {
			for _, pen := range []float64{0, 0.05} {
				name := string(loss) + "/" + string(init)
				f := NMF{K: 5, Loss: loss, Init: init, Seed: 3, MaxIter: 60, Tol: 1e-12, L1W: pen, L2H: pen}
				res, err := f.Fit(context.Background(), X)
				if err != nil {
					t.Fatalf("%s: %v", name, err)
				}
				checkFinite(t, name+" W", res.W)
				checkFinite(t, name+" H", res.H)
				for i := 1; i < len(res.Trace); i++ {
					prev, cur := res.Trace[i-1].Objective, res.Trace[i].Objective
					if cur > prev*(1+1e-12) {
						t.Errorf("%s pen %v: objective rose at iteration %d: %v → %v", name, pen, i, prev, cur)
					}
				}
				if len(res.Trace) != res.Iterations+1 || res.Trace[0].N != 0 {
					t.Errorf("%s: trace of %d for %d iterations", name, len(res.Trace), res.Iterations)
				}
				want := refFrobenius(X, res.W, res.H)
				if loss == KullbackLeibler {
					want = refKL(X, res.W, res.H)
				}
				var Ht mat.Dense
				Ht.CloneFrom(res.H.T())
				want += penalty(res.W, pen, 0) + penalty(&Ht, 0, pen)
				if d := relDiff(res.Objective, want); d > 1e-9 {
					t.Errorf("%s pen %v: objective %v, dense reference %v", name, pen, res.Objective, want)
				}
			}
		}
	}
}

func TestPlantedRecovery(t *testing.T) {
	W0, H0 := planted(60, 40, 4, 11)
	var P mat.Dense
	P.Mul(W0, H0)
	X := FromDense(&P)
	res, err := NMF{K: 4, MaxIter: 3000, Tol: 1e-300}.Fit(context.Background(), X)
	if err != nil {
		t.Fatal(err)
	}
	rel := math.Sqrt(2*refFrobenius(X, res.W, res.H)) / mat.Norm(&P, 2)
	if rel > 1e-6 {
		t.Errorf("relative error %v after %d iterations", rel, res.Iterations)
	}
}

// TestKKT checks min(F, ∇F) ≈ 0 elementwise at the end of a long fit,
// relative to the scale of the gradient's parts.
func TestKKT(t *testing.T) {
	X := randomSparse(40, 30, 0.3, 5)
	D := denseOf(X)
	for _, loss := range losses {
		res, err := NMF{K: 3, Loss: loss, MaxIter: 3000, Tol: 1e-14}.Fit(context.Background(), X)
		if err != nil {
			t.Fatal(err)
		}
		var Y mat.Dense
		Y.Mul(res.W, res.H)
		// ∇W = (Y − X)Hᵀ for Frobenius, (1 − X/Y)Hᵀ for KL; split as P − N.
		Pm, Nm := mat.NewDense(40, 30, nil), mat.NewDense(40, 30, nil)
		for i := 0; i < 40; i++ {
			for j := 0; j < 30; j++ {
				if loss == Frobenius {
					Pm.Set(i, j, Y.At(i, j))
					Nm.Set(i, j, D.At(i, j))
				} else {
					Pm.Set(i, j, 1)
					Nm.Set(i, j, D.At(i, j)/Y.At(i, j))
				}
			}
		}
		var gp, gn mat.Dense
		gp.Mul(Pm, res.H.T())
		gn.Mul(Nm, res.H.T())
		worst := 0.0
		for i := 0; i < 40; i++ {
			for s := 0; s < 3; s++ {
				g := gp.At(i, s) - gn.At(i, s)
				scale := gp.At(i, s) + gn.At(i, s)
				v := math.Min(res.W.At(i, s)*scale/mat.Max(res.W), g) / scale
				worst = math.Max(worst, math.Abs(v))
			}
		}
		if worst > 1e-4 {
			t.Errorf("%s: KKT violation %v after %d iterations", loss, worst, res.Iterations)
		}
	}
}

func TestWorkersDeterministic(t *testing.T) {
	X := randomSparse(700, 600, 0.02, 9)
	for _, loss := range losses {
		var got [2]*Result
		for i, w := range []int{1, 2} {
			res, err := NMF{K: 6, Loss: loss, Seed: 4, MaxIter: 15, Workers: w}.Fit(context.Background(), X)
			if err != nil {
				t.Fatal(err)
			}
			got[i] = res
		}
		if !mat.Equal(got[0].W, got[1].W) || !mat.Equal(got[0].H, got[1].H) || got[0].Objective != got[1].Objective {
			t.Errorf("%s: results differ between 1 and 2 workers", loss)
		}
	}
}

func TestTransform(t *testing.T) {
	W0, H0 := planted(50, 30, 4, 21)
	var P mat.Dense
	P.Mul(W0, H0)
	X := FromDense(&P)
	for _, loss := range losses {
		H, err := NMF{K: 4, Loss: loss, MaxIter: 5000, Tol: 1e-12}.Transform(context.Background(), W0, X)
		if err != nil {
			t.Fatal(err)
		}
		var D mat.Dense
		D.Sub(H, H0)
		if rel := mat.Norm(&D, 2) / mat.Norm(H0, 2); rel > 1e-5 {
			t.Errorf("%s: H recovered to relative error %v", loss, rel)
		}
	}
}

func TestEdgeCases(t *testing.T) {
	b := sparse.NewBuilder(6)
	b.AppendRow(nil, nil)
	b.AppendRow([]int32{2}, []float64{3})
	b.AppendRow(nil, nil)
	b.AppendRow(nil, nil)
	single := b.Build()
	cases := []struct {
		name string
		X    *sparse.CSR
		k    int
	}{
		{"one non-zero, k=1", single, 1},
		{"one non-zero, k=3", single, 3},
		{"zero rows and columns", randomSparse(30, 20, 0.05, 3), 4},
		{"all zero", FromDense(mat.NewDense(5, 4, nil)), 2},
	}
	for _, c := range cases {
		for _, loss := range losses {
			for _, init := range []Init{NNDSVDA, NNDSVD, Random} {
				res, err := NMF{K: c.k, Loss: loss, Init: init, MaxIter: 30}.Fit(context.Background(), c.X)
				if err != nil {
					t.Fatalf("%s %s: %v", c.name, loss, err)
				}
				checkFinite(t, c.name+" W", res.W)
				checkFinite(t, c.name+" H", res.H)
				if math.IsNaN(res.Objective) || math.IsInf(res.Objective, 0) {
					t.Errorf("%s %s %s: objective %v", c.name, loss, init, res.Objective)
				}
			}
		}
	}
	// The single non-zero is fitted exactly.
	res, _ := NMF{K: 1}.Fit(context.Background(), single)
	var Y mat.Dense
	Y.Mul(res.W, res.H)
	if math.Abs(Y.At(1, 2)-3) > 1e-9 || res.Objective > 1e-12 {
		t.Errorf("single entry fitted as %v, objective %v", Y.At(1, 2), res.Objective)
	}
}

func TestErrors(t *testing.T) {
	good := randomSparse(10, 8, 0.5, 1)
	nan := randomSparse(10, 8, 0.5, 1)
	nan.Val[3] = math.NaN()
	neg := randomSparse(10, 8, 0.5, 1)
	neg.Val[0] = -1
	cases := []struct {
		name string
		f    NMF
		X    *sparse.CSR
		want string
	}{
		{"NaN", NMF{K: 2}, nan, "is NaN"},
		{"negative", NMF{K: 2}, neg, "negative"},
		{"k too large", NMF{K: 9}, good, "k = 9"},
		{"k zero", NMF{K: 0}, good, "k = 0"},
		{"loss", NMF{K: 2, Loss: "l3"}, good, "unknown loss"},
		{"init", NMF{K: 2, Init: "svd"}, good, "unknown init"},
	}
	for _, c := range cases {
		_, err := c.f.Fit(context.Background(), c.X)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want it to mention %q", c.name, err, c.want)
		}
	}
	_, err := NMF{K: 2}.Fit(context.Background(), nan)
	i := 0
	for nan.RowPtr[i+1] <= 3 {
		i++
	}
	j := int(nan.ColInd[3])
	if want := "(" + itoa(i) + ", " + itoa(j) + ")"; !strings.Contains(err.Error(), want) {
		t.Errorf("NaN error %q does not name entry %s", err, want)
	}
	if _, err := (NMF{K: 2}).Fit(context.Background(), good); err != nil {
		t.Errorf("good input: %v", err)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestCancel(t *testing.T) {
	X := randomSparse(40, 30, 0.2, 2)
	for _, loss := range losses {
		ctx, cancel := context.WithCancel(context.Background())
		calls := 0
		f := NMF{K: 3, Loss: loss, MaxIter: 100, Tol: 1e-300, Progress: func(Iteration) {
			calls++
			if calls == 3 {
				cancel()
			}
		}}
		if _, err := f.Fit(ctx, X); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: error %v, want context.Canceled", loss, err)
		}
	}
}
