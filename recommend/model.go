package recommend

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/topicmill/topicmill/internal/kernel"
	"github.com/topicmill/topicmill/internal/parallel"
	"github.com/topicmill/topicmill/sparse"
)

// ErrUnknown marks a user or item that the model was not fitted on, where
// an answer needs it (Top, Similar); Predict answers anyway.
var ErrUnknown = errors.New("not in the model")

// Model is a fitted recommender: the offset μ, the biases, the
// non-negative user factors P (users × K) and item factors Q (items × K),
// row-major, and the ratings it was fitted on (for Top and item-kNN). Save
// writes it as recommender.json beside recommender.bin (the numbers, as
// little-endian binary), tied together by a checksum.
type Model struct {
	Format     int         `json:"format"`
	K          int         `json:"k"`
	Biased     bool        `json:"biased"`
	Mean       float64     `json:"mean"`
	Scale      Scale       `json:"scale"`
	L2         float64     `json:"l2"`
	L2Bias     float64     `json:"l2_bias"`
	Iterations int         `json:"iterations"`
	Seed       uint64      `json:"seed"`
	TrainRMSE  float64     `json:"train_rmse"`
	Users      []string    `json:"users"`
	Items      []string    `json:"items"`
	NumRatings int         `json:"ratings"`   // entries of Rated, for reading the binary file
	DataFile   string      `json:"data_file"` // the binary file, in the model's folder
	Checksum   string      `json:"checksum"`  // SHA-256 of the JSON without this field, then the binary file
	P, Q       []float64   `json:"-"`         // user and item factors, row-major
	UserBias   []float64   `json:"-"`         // b_u (zeros without biases)
	ItemBias   []float64   `json:"-"`         // b_i (zeros without biases)
	Rated      *sparse.CSR `json:"-"`         // users × items, the ratings fitted

	users, items map[string]int32
	// The average user's and item's factors and biases, for unknown ones.
	meanP, meanQ               []float64
	meanUserBias, meanItemBias float64
}

// prepare maps the ids to their numbers and averages the factors and
// biases of the users and of the items.
func (m *Model) prepare() {
	average := func(F []float64, rows int) []float64 {
		mean := make([]float64, m.K)
		for r := range rows {
			floats.Add(mean, F[r*m.K:(r+1)*m.K])
		}
		floats.Scale(1/float64(max(rows, 1)), mean)
		return mean
	}
	m.meanP, m.meanQ = average(m.P, len(m.Users)), average(m.Q, len(m.Items))
	m.meanUserBias = floats.Sum(m.UserBias) / float64(max(len(m.Users), 1))
	m.meanItemBias = floats.Sum(m.ItemBias) / float64(max(len(m.Items), 1))
	m.users = make(map[string]int32, len(m.Users))
	for u, id := range m.Users {
		m.users[id] = int32(u)
	}
	m.items = make(map[string]int32, len(m.Items))
	for i, id := range m.Items {
		m.items[id] = int32(i)
	}
}

// lookup returns the numbers of a user and an item, -1 when unknown.
func (m *Model) lookup(user, item string) (int, int) {
	u, i := -1, -1
	if n, ok := m.users[user]; ok {
		u = int(n)
	}
	if n, ok := m.items[item]; ok {
		i = int(n)
	}
	return u, i
}

// Prediction is a predicted rating. An unknown user or item (flagged) is
// taken to be the average one: its factors and bias are the means of the
// known users' (items'), so that the prediction is μ plus the known biases
// plus the average interaction.
type Prediction struct {
	User, Item               string
	Rating                   float64 // clipped to the scale
	UnknownUser, UnknownItem bool
}

// Predict predicts the rating of item by user: μ + b_u + b_i + p_u·q_i (or
// p_u·q_i without biases), clipped to the scale.
func (m *Model) Predict(user, item string) Prediction {
	u, i := m.lookup(user, item)
	return Prediction{User: user, Item: item, Rating: m.Scale.clip(m.score(u, i)), UnknownUser: u < 0, UnknownItem: i < 0}
}

// score is the unclipped prediction for user u and item i (-1: unknown,
// the average one).
func (m *Model) score(u, i int) float64 {
	p, q, bu, bi := m.meanP, m.meanQ, m.meanUserBias, m.meanItemBias
	if u >= 0 {
		p, bu = m.P[u*m.K:(u+1)*m.K], m.UserBias[u]
	}
	if i >= 0 {
		q, bi = m.itemRow(i), m.ItemBias[i]
	}
	v := floats.Dot(p, q)
	if m.Biased {
		v += m.Mean + bu + bi
	}
	return v
}

// RankWeights returns the lecture's item-kNN weights of the n nearest
// neighbours, 0.5·(1 − rank/Σranks) for ranks 1…n, normalised to sum to 1
// (for n = 3 they already do: 5/12, 4/12, 3/12); n = 1 gives the one
// neighbour all the weight.
func RankWeights(n int) []float64 {
	if n == 1 {
		return []float64{1}
	}
	w := make([]float64, n)
	total := float64(n * (n + 1) / 2)
	for r := range w {
		w[r] = 0.5 * (1 - float64(r+1)/total)
	}
	floats.Scale(1/floats.Sum(w), w)
	return w
}

// PredictKNN predicts the rating of item by user as the rank-weighted mean
// (RankWeights) of the user's ratings of the n items most similar to it
// (cosine of the item factors) among those the user rated, other than the
// item itself; fewer when the user rated fewer. An unknown user or item, or
// a user with no other rating, gets Predict's answer, flagged as Predict
// flags it.
func (m *Model) PredictKNN(user, item string, n int) Prediction {
	u, i := m.lookup(user, item)
	if u < 0 || i < 0 || n < 1 {
		return m.Predict(user, item)
	}
	type neighbour struct {
		sim, rating float64
		item        int32
	}
	var nb []neighbour
	cols, vals := m.Rated.Row(u)
	qi := m.itemRow(i)
	for p, j := range cols {
		if int(j) != i {
			nb = append(nb, neighbour{Cosine(qi, m.itemRow(int(j))), vals[p], j})
		}
	}
	if len(nb) == 0 {
		return m.Predict(user, item)
	}
	slices.SortFunc(nb, func(a, b neighbour) int {
		return cmp.Or(cmp.Compare(b.sim, a.sim), cmp.Compare(a.item, b.item))
	})
	nb = nb[:min(n, len(nb))]
	v := 0.0
	for r, w := range RankWeights(len(nb)) {
		v += w * nb[r].rating
	}
	return Prediction{User: user, Item: item, Rating: m.Scale.clip(v)}
}

// itemRow returns item i's factors.
func (m *Model) itemRow(i int) []float64 { return m.Q[i*m.K : (i+1)*m.K] }

// Scored is an item with a score: a predicted rating or a similarity.
type Scored struct {
	Item  string
	Score float64
}

// Top returns the n items the user has not rated with the highest
// predictions, best first (ties by item order); the scores are clipped to
// the scale, the order is that of the unclipped predictions. An unknown
// user is an error wrapping ErrUnknown.
func (m *Model) Top(user string, n int) ([]Scored, error) {
	u, ok := m.users[user]
	if !ok {
		return nil, fmt.Errorf("user %q: %w", user, ErrUnknown)
	}
	cols, _ := m.Rated.Row(int(u))
	rated := make([]bool, len(m.Items))
	for _, j := range cols {
		rated[j] = true
	}
	scores := make([]float64, len(m.Items))
	var cand []int
	for i := range m.Items {
		if !rated[i] {
			scores[i] = m.score(int(u), i)
			cand = append(cand, i)
		}
	}
	return m.best(cand, scores, n, m.Scale.clip), nil
}

// Similar returns the n items whose factors are most similar to item's by
// cosine similarity, most similar first (ties by item order). An unknown
// item is an error wrapping ErrUnknown.
func (m *Model) Similar(item string, n int) ([]Scored, error) {
	i, ok := m.items[item]
	if !ok {
		return nil, fmt.Errorf("item %q: %w", item, ErrUnknown)
	}
	qi := m.itemRow(int(i))
	scores := make([]float64, len(m.Items))
	var cand []int
	for j := range m.Items {
		if j != int(i) {
			scores[j] = Cosine(qi, m.itemRow(j))
			cand = append(cand, j)
		}
	}
	return m.best(cand, scores, n, func(v float64) float64 { return v }), nil
}

// best returns the n candidates of highest score, ties by index, with
// their scores passed through show.
func (m *Model) best(cand []int, scores []float64, n int, show func(float64) float64) []Scored {
	slices.SortStableFunc(cand, func(a, b int) int { return cmp.Compare(scores[b], scores[a]) })
	cand = cand[:min(max(n, 0), len(cand))]
	out := make([]Scored, len(cand))
	for r, i := range cand {
		out[r] = Scored{Item: m.Items[i], Score: show(scores[i])}
	}
	return out
}

// Cosine returns the cosine similarity a·b / (‖a‖·‖b‖), 0 when either is zero.
func Cosine(a, b []float64) float64 {
	na, nb := floats.Norm(a, 2), floats.Norm(b, 2)
	if na == 0 || nb == 0 {
		return 0
	}
	return floats.Dot(a, b) / (na * nb)
}

// CosineSimilarity returns the matrix of cosine similarities between the
// rows of F (as the lecture's item-item similarity of the rows of W).
func CosineSimilarity(F *mat.Dense) *mat.Dense {
	r, _ := F.Dims()
	S := mat.NewDense(r, r, nil)
	for i := range r {
		for j := range r {
			S.Set(i, j, Cosine(F.RawRowView(i), F.RawRowView(j)))
		}
	}
	return S
}

// offset returns the μ that minimizes the loss for the other parameters:
// the mean of r − b_u − b_i − p·q over the ratings R, summed over fixed
// blocks of users.
func (m *Model) offset(R *sparse.CSR, workers int) float64 {
	partial := make([]float64, kernel.NumBlocks(R.Rows))
	parallel.Blocks(R.Rows, kernel.BlockRows, workers, func(_, b, lo, hi int) {
		for u := lo; u < hi; u++ {
			cols, vals := R.Row(u)
			p := m.P[u*m.K : (u+1)*m.K]
			for n, i := range cols {
				partial[b] += vals[n] - m.UserBias[u] - m.ItemBias[i] - floats.Dot(p, m.itemRow(int(i)))
			}
		}
	})
	return kernel.Sum(partial) / float64(max(R.NNZ(), 1))
}

// rmse is the root mean square error of the clipped predictions on the
// ratings R (users × items of this model), summed over fixed blocks of
// users.
func (m *Model) rmse(R *sparse.CSR, workers int) float64 {
	partial := make([]float64, kernel.NumBlocks(R.Rows))
	parallel.Blocks(R.Rows, kernel.BlockRows, workers, func(_, b, lo, hi int) {
		for u := lo; u < hi; u++ {
			cols, vals := R.Row(u)
			for p, i := range cols {
				e := m.Scale.clip(m.score(u, int(i))) - vals[p]
				partial[b] += e * e
			}
		}
	})
	return math.Sqrt(kernel.Sum(partial) / float64(max(R.NNZ(), 1)))
}
