package recommend

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"gonum.org/v1/gonum/floats"
)

// Fold is the score of one fold of a cross-validation.
type Fold struct {
	RMSE, MAE   float64
	FitSeconds  float64 // numbering the training ids and fitting
	Train, Test int     // ratings
	Unknown     int     // test ratings of a user or item the training part lacks
}

// Evaluation is the result of Evaluate: every fold and the means.
type Evaluation struct {
	Folds                        []Fold
	RMSE, MAE, FitSecondsPerFold float64
}

// Evaluate runs k-fold cross-validation as Surprise's KFold does: the
// ratings are shuffled once by seed and cut into folds contiguous runs of
// sizes ⌊n/folds⌋ + (f < n mod folds); fold f is tested on run f after a
// fit on the others (ids numbered afresh, as a new fit sees them).
// Predictions are clipped to opts.Scale, or to the range of all the ratings
// when it is zero; unknown users and items get Predict's fallback.
func Evaluate(ctx context.Context, r *Ratings, opts Options, folds int, seed uint64) (*Evaluation, error) {
	if folds < 2 || folds > r.Len() {
		return nil, fmt.Errorf("%d folds of %d ratings: want 2 to %d: %w", folds, r.Len(), r.Len(), ErrInvalid)
	}
	if opts.Scale.IsZero() {
		opts.Scale = Scale{floats.Min(r.Value), floats.Max(r.Value)}
	}
	n := r.Len()
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	rand.New(rand.NewPCG(seed, 0x666f6c6473)).Shuffle(n, func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
	ev := &Evaluation{}
	lo := 0
	for f := range folds {
		hi := lo + n/folds
		if f < n%folds {
			hi++
		}
		train := append(append(make([]int, 0, n-(hi-lo)), perm[:lo]...), perm[hi:]...)
		start := time.Now()
		m, err := Fit(ctx, r.Subset(train), opts)
		if err != nil {
			return nil, err
		}
		fold := Fold{FitSeconds: time.Since(start).Seconds(), Train: len(train), Test: hi - lo}
		for _, t := range perm[lo:hi] {
			u, i := m.lookup(r.Users[r.User[t]], r.Items[r.Item[t]])
			if u < 0 || i < 0 {
				fold.Unknown++
			}
			e := m.Scale.clip(m.score(u, i)) - r.Value[t]
			fold.RMSE += e * e
			fold.MAE += math.Abs(e)
		}
		fold.RMSE = math.Sqrt(fold.RMSE / float64(fold.Test))
		fold.MAE /= float64(fold.Test)
		ev.Folds = append(ev.Folds, fold)
		ev.RMSE += fold.RMSE / float64(folds)
		ev.MAE += fold.MAE / float64(folds)
		ev.FitSecondsPerFold += fold.FitSeconds / float64(folds)
		lo = hi
	}
	return ev, nil
}
