package recommend

import (
	"cmp"
	"flag"
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/topicmill/topicmill/internal/atomicfile"
)

// plantedFile, when set, makes TestWritePlanted write a MovieLens-like
// ratings file there (go test ./recommend -run TestWritePlanted -planted FILE).
var plantedFile = flag.String("planted", "", "write a MovieLens-like planted ratings CSV to this file")

// plant describes a planted ratings set: r = μ + b_u + b_i + s·(p_u·q_i − k) + ε
// with p, q ≥ 0 of rank k (entries Exp(1), so p·q − k has mean 0 and s sets
// its spread to interSD), ε ~ N(0, noise²), for users ×
// items with each user rating a share of the items, more popular items
// more often.
type plant struct {
	users, items, k int
	mean, userSD    float64
	itemSD, interSD float64
	noise           float64
	minPerUser      int     // every user rates at least this many items
	perUser         float64 // mean ratings per user (a Pareto tail above minPerUser)
	zipf            float64 // item popularity ∝ 1/rank^zipf
	integer         bool    // round to whole stars and clip to [1, 5], as MovieLens
	seed            uint64
}

// generate returns the ratings and the noise-free value of each (clipped to
// [1, 5] when integer): the best any model can predict.
func (p plant) generate() (*Ratings, []float64) {
	rng := rand.New(rand.NewPCG(p.seed, 1))
	gamma := func() float64 { return -math.Log(1 - rng.Float64()) } // Exp(1): non-negative, skewed
	P, Q := make([]float64, p.users*p.k), make([]float64, p.items*p.k)
	for i := range P {
		P[i] = gamma()
	}
	for i := range Q {
		Q[i] = gamma()
	}
	scale := p.interSD / math.Sqrt(3*float64(p.k)) // p·q, a sum of k products of Exp(1), has variance 3k
	bu, bi := make([]float64, p.users), make([]float64, p.items)
	for u := range bu {
		bu[u] = p.userSD * rng.NormFloat64()
	}
	for i := range bi {
		bi[i] = p.itemSD * rng.NormFloat64()
	}
	weight := make([]float64, p.items)
	for i := range weight {
		weight[i] = 1 / math.Pow(float64(i+1), p.zipf)
	}
	var b ratingsBuilder
	var clean []float64
	key := make([]float64, p.items)
	order := make([]int, p.items)
	for u := range p.users {
		n := p.minPerUser
		if extra := p.perUser - float64(p.minPerUser); extra > 0 {
			// Pareto with shape 2 and mean extra: heavy-tailed activity.
			n += int(extra * (1/math.Sqrt(1-rng.Float64()) - 1))
		}
		n = min(n, p.items)
		// Weighted sampling without replacement (Efraimidis–Spirakis keys).
		for i := range key {
			key[i] = math.Log(rng.Float64()) / weight[i]
			order[i] = i
		}
		slices.SortFunc(order, func(a, c int) int { return cmp.Compare(key[c], key[a]) })
		for _, i := range order[:n] {
			pq := 0.0
			for t := range p.k {
				pq += P[u*p.k+t] * Q[i*p.k+t]
			}
			truth := p.mean + bu[u] + bi[i] + scale*(pq-float64(p.k))
			v := truth + p.noise*rng.NormFloat64()
			if p.integer {
				truth = min(max(truth, 1), 5)
				v = min(max(math.Round(v), 1), 5)
			}
			b.add(strconv.Itoa(u+1), strconv.Itoa(i+1), v)
			clean = append(clean, truth)
		}
	}
	return &b.r, clean
}

// movieLensLike is about the size and shape of MovieLens 100K: 943 users,
// 1,682 items, about 100,000 whole-star ratings, every user with 20 or more.
var movieLensLike = plant{
	users: 943, items: 1682, k: 10, mean: 3.55, userSD: 0.4, itemSD: 0.5, interSD: 1.0, noise: 0.6,
	minPerUser: 20, perUser: 106, zipf: 0.9, integer: true, seed: 100,
}

// TestWritePlanted writes the MovieLens-like planted set as CSV (user,
// item, rating) when -planted names a file, and reports the RMSE of the
// noise-free values against it (the floor of any model's error).
func TestWritePlanted(t *testing.T) {
	if *plantedFile == "" {
		t.Skip("no -planted FILE")
	}
	r, clean := movieLensLike.generate()
	err := atomicfile.Write(*plantedFile, func(w io.Writer) error {
		fmt.Fprintln(w, "user,item,rating")
		for n := range r.Len() {
			fmt.Fprintf(w, "%s,%s,%g\n", r.Users[r.User[n]], r.Items[r.Item[n]], r.Value[n])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s: %d ratings, %d users, %d items, noise-free RMSE %.4f", *plantedFile, r.Len(), len(r.Users), len(r.Items), rmseOf(r.Value, clean))
}

// rmseOf is the root mean square difference of two equally long slices.
func rmseOf(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += (a[i] - b[i]) * (a[i] - b[i])
	}
	return math.Sqrt(s / float64(len(a)))
}
