package recommend

import (
	"context"
	"errors"
	"math"
	"reflect"
	"testing"
)

// sparsePlant is a planted rank-3 set with 95 % of the entries missing:
// 2,000 users × 1,000 items, each user rating 50 items (5 %), noise 0.1.
var sparsePlant = plant{
	users: 2000, items: 1000, k: 3, mean: 3, userSD: 0.3, itemSD: 0.3, interSD: 1, noise: 0.1,
	minPerUser: 50, perUser: 50, zipf: 0, seed: 7,
}

// smallPlant is a quick planted set for the tests of the solver's
// properties: 400 users × 300 items, 15 ratings each.
var smallPlant = plant{
	users: 400, items: 300, k: 3, mean: 3, userSD: 0.3, itemSD: 0.3, interSD: 1, noise: 0.1,
	minPerUser: 15, perUser: 15, seed: 8,
}

// objective is the fit's loss at the model's current factors.
func objective(m *Model) float64 {
	R := m.Rated
	loss := 0.0
	perItem := make([]int, R.Cols)
	for u := range R.Rows {
		cols, vals := R.Row(u)
		for p, i := range cols {
			e := m.score(u, int(i)) - vals[p]
			loss += e * e / 2
			perItem[i]++
		}
		loss += m.L2 / 2 * float64(len(cols)) * sumSquares(m.P[u*m.K:(u+1)*m.K])
	}
	for i, n := range perItem {
		loss += m.L2 / 2 * float64(n) * sumSquares(m.itemRow(i))
	}
	if m.Biased {
		loss += m.L2Bias / 2 * (sumSquares(m.UserBias) + sumSquares(m.ItemBias))
	}
	return loss
}

func sumSquares(x []float64) float64 {
	s := 0.0
	for _, v := range x {
		s += v * v
	}
	return s
}

// TestPlantedHeldOut cross-validates the 95 %-missing planted set and
// checks that the held-out error comes close to the noise level, with the
// planted rank and with more factors.
func TestPlantedHeldOut(t *testing.T) {
	r, clean := sparsePlant.generate()
	if frac := float64(r.Len()) / float64(sparsePlant.users*sparsePlant.items); frac != 0.05 {
		t.Fatalf("observed fraction %v, want 0.05", frac)
	}
	floor := rmseOf(r.Value, clean)
	cases := []struct {
		name    string
		opts    Options
		maxRMSE float64
	}{
		// The penalties suit noise 0.1 (the defaults suit MovieLens's, about 0.9).
		{"k = 3, as planted", Options{K: 3, L2: 0.001, L2Bias: 0.1, Iterations: 20}, 0.12},
		{"k = 6", Options{K: 6, L2: 0.003, L2Bias: 0.1, Iterations: 15}, 0.13},
	}
	for _, c := range cases {
		ev, err := Evaluate(context.Background(), r, c.opts, 5, 1)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s: held-out RMSE %.4f, MAE %.4f (noise %.4f), train %d test %d, %.3fs per fold",
			c.name, ev.RMSE, ev.MAE, floor, ev.Folds[0].Train, ev.Folds[0].Test, ev.FitSecondsPerFold)
		if ev.RMSE > c.maxRMSE || ev.RMSE < floor*0.9 {
			t.Errorf("%s: held-out RMSE %.4f, want within [%.3f, %.3f] (noise %.4f)", c.name, ev.RMSE, floor*0.9, c.maxRMSE, floor)
		}
	}
}

// TestFitDeterministic checks that the fit has the same bits for any
// number of workers and for the same seed, and differs for another seed.
func TestFitDeterministic(t *testing.T) {
	r, _ := smallPlant.generate()
	fit := func(workers int, seed uint64) *Model {
		m, err := Fit(context.Background(), r, Options{K: 4, Iterations: 5, Workers: workers, Seed: seed})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	base := fit(1, 3)
	for _, w := range []int{2, 3, 8} {
		m := fit(w, 3)
		if !reflect.DeepEqual(m.P, base.P) || !reflect.DeepEqual(m.Q, base.Q) ||
			!reflect.DeepEqual(m.UserBias, base.UserBias) || !reflect.DeepEqual(m.ItemBias, base.ItemBias) || m.TrainRMSE != base.TrainRMSE {
			t.Errorf("workers %d: the fit differs from 1 worker's", w)
		}
	}
	if other := fit(2, 4); reflect.DeepEqual(other.Q, base.Q) {
		t.Error("seeds 3 and 4 gave the same factors")
	}
}

// TestFitDescends checks that every alternation lowers the objective (each
// row solve is a descent step of the one objective), with and without
// biases, and that the factors stay non-negative.
func TestFitDescends(t *testing.T) {
	r, _ := smallPlant.generate()
	for _, noBias := range []bool{false, true} {
		prev := math.Inf(1)
		for it := 1; it <= 6; it++ {
			m, err := Fit(context.Background(), r, Options{K: 3, Iterations: it, NoBias: noBias})
			if err != nil {
				t.Fatal(err)
			}
			obj := objective(m)
			if obj > prev*(1+1e-12) {
				t.Errorf("no bias %v: objective %.6f after %d iterations, %.6f after %d", noBias, obj, it, prev, it-1)
			}
			prev = obj
			for _, v := range append(append([]float64(nil), m.P...), m.Q...) {
				if !(v > 0) {
					t.Fatalf("a factor entry is %v", v)
				}
			}
		}
	}
}

// TestOptionsInvalid checks that unusable settings are ErrInvalid.
func TestOptionsInvalid(t *testing.T) {
	r, _ := smallPlant.generate()
	for _, o := range []Options{
		{K: -1}, {Iterations: -2}, {L2: -1}, {L2: math.Inf(1)}, {L2Bias: math.NaN()}, {Workers: -1}, {Scale: Scale{5, 1}},
	} {
		if _, err := Fit(context.Background(), r, o); !errors.Is(err, ErrInvalid) {
			t.Errorf("Fit with %+v: err = %v, want ErrInvalid", o, err)
		}
	}
	if _, err := Fit(context.Background(), &Ratings{}, Options{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("Fit of no ratings: err = %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Fit(ctx, r, Options{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled Fit: err = %v", err)
	}
}

// TestPredictUnknown checks the fallbacks for users and items the model
// was not fitted on: the average user's (item's) factors and bias, flagged,
// clipped.
func TestPredictUnknown(t *testing.T) {
	r := &Ratings{
		Users: []string{"a", "b"}, Items: []string{"x", "y"},
		User: []int32{0, 0, 1}, Item: []int32{0, 1, 0}, Value: []float64{5, 3, 4},
	}
	m, err := Fit(context.Background(), r, Options{K: 1, Scale: Scale{1, 5}})
	if err != nil {
		t.Fatal(err)
	}
	// The average user and item: factors and biases averaged by hand.
	pBar := []float64{(m.P[0] + m.P[1]) / 2}
	qBar := []float64{(m.Q[0] + m.Q[1]) / 2}
	buBar, biBar := (m.UserBias[0]+m.UserBias[1])/2, (m.ItemBias[0]+m.ItemBias[1])/2
	cases := []struct {
		user, item string
		want       float64
		uu, ui     bool
	}{
		{"a", "nobody's", m.Mean + m.UserBias[0] + biBar + m.P[0]*qBar[0], false, true},
		{"new", "y", m.Mean + buBar + m.ItemBias[1] + pBar[0]*m.Q[1], true, false},
		{"new", "nobody's", m.Mean + buBar + biBar + pBar[0]*qBar[0], true, true},
		{"b", "y", m.Mean + m.UserBias[1] + m.ItemBias[1] + m.P[1]*m.Q[1], false, false},
	}
	for i := range cases {
		cases[i].want = min(max(cases[i].want, 1), 5)
	}
	for _, c := range cases {
		got := m.Predict(c.user, c.item)
		want := Prediction{User: c.user, Item: c.item, Rating: c.want, UnknownUser: c.uu, UnknownItem: c.ui}
		if math.Abs(got.Rating-want.Rating) > 1e-12 {
			t.Errorf("Predict(%q, %q) = %v, want %v", c.user, c.item, got.Rating, want.Rating)
		}
		got.Rating = want.Rating
		if got != want {
			t.Errorf("Predict(%q, %q) = %+v, want %+v", c.user, c.item, got, want)
		}
		if k := m.PredictKNN(c.user, c.item, 3); (c.uu || c.ui) && k != m.Predict(c.user, c.item) {
			t.Errorf("PredictKNN(%q, %q) = %+v, want %+v", c.user, c.item, k, want)
		}
	}
	m.Biased = false
	if got := m.Predict("new", "y"); got.Rating != max(pBar[0]*m.Q[1], 1) || !got.UnknownUser {
		t.Errorf("without biases: %+v, want the average user's p·q, flagged", got)
	}
	if _, err := m.Top("new", 3); !errors.Is(err, ErrUnknown) {
		t.Errorf("Top of an unknown user: %v", err)
	}
	if _, err := m.Similar("z", 3); !errors.Is(err, ErrUnknown) {
		t.Errorf("Similar of an unknown item: %v", err)
	}
}
