package recommend

import (
	"math"
	"os"
	"reflect"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/topicmill/topicmill/sparse"
)

// The NMF lecture's TV shows (rows of testdata/tvshows.csv) and viewers (its columns).
var (
	shows   = []string{"F.R.I.E.N.D.S", "TBBT", "Black Mirror", "Modern Family", "Sacred Games", "GoT", "Quantico"}
	viewers = []string{"Jai", "PB", "Arnab", "Abhi", "Diya"}
)

// lectureW is the lecture's k = 2 show factors, rows in the order of shows.
var lectureW = mat.NewDense(7, 2, []float64{
	0.971, 1.929,
	1.699, 1.626,
	1.872, 0,
	0, 1.317,
	0.77, 0,
	2.219, 0.232,
	0.452, 0.543,
})

// tvRatings reads the lecture's table with its zeros as missing ratings.
func tvRatings(t *testing.T) *Ratings {
	t.Helper()
	f, err := os.Open("../testdata/tvshows.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	X, err := sparse.ReadDenseCSV(f) // shows × viewers, zeros dropped
	if err != nil {
		t.Fatal(err)
	}
	r := &Ratings{Users: viewers, Items: shows}
	for i := range X.Rows {
		cols, vals := X.Row(i)
		for n, u := range cols {
			r.User, r.Item, r.Value = append(r.User, u), append(r.Item, int32(i)), append(r.Value, vals[n])
		}
	}
	return r
}

// lectureModel is a model whose item factors are the lecture's W, over the
// lecture's ratings.
func lectureModel(t *testing.T) *Model {
	r := tvRatings(t)
	m := &Model{K: 2, Users: r.Users, Items: r.Items, Scale: Scale{1, 5},
		P: make([]float64, 2*len(r.Users)), Q: lectureW.RawMatrix().Data,
		UserBias: make([]float64, len(r.Users)), ItemBias: make([]float64, len(r.Items)), Rated: byUser(r)}
	m.prepare()
	return m
}

// TestLectureSimilarity reproduces the lecture's cosine similarities of
// the rows of W (its first and its Black Mirror rows, to its three
// decimals) and the three shows nearest to Black Mirror.
func TestLectureSimilarity(t *testing.T) {
	S := CosineSimilarity(lectureW)
	want := map[int][]float64{
		0: {1, 0.942, 0.45, 0.893, 0.45, 0.54, 0.974},
		2: {0.45, 0.722, 1, 0, 1, 0.995, 0.64},
	}
	for row, w := range want {
		for j, v := range w {
			if got := S.At(row, j); math.Abs(got-v) > 0.0005+1e-12 {
				t.Errorf("similarity of %s and %s = %.4f, the lecture's %v", shows[row], shows[j], got, v)
			}
		}
	}
	near, err := lectureModel(t).Similar("Black Mirror", 3)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, s := range near {
		names = append(names, s.Item)
	}
	if wantNames := []string{"Sacred Games", "GoT", "TBBT"}; !reflect.DeepEqual(names, wantNames) {
		t.Errorf("nearest to Black Mirror: %v, want %v", near, wantNames)
	}
}

// TestRankWeights checks the lecture's item-kNN weights.
func TestRankWeights(t *testing.T) {
	cases := []struct {
		n    int
		want []float64
	}{
		{1, []float64{1}},
		{2, []float64{2.0 / 3, 1.0 / 3}},
		{3, []float64{5.0 / 12, 4.0 / 12, 3.0 / 12}},
		{4, []float64{9.0 / 30, 8.0 / 30, 7.0 / 30, 6.0 / 30}},
	}
	for _, c := range cases {
		got := RankWeights(c.n)
		for r := range c.want {
			if math.Abs(got[r]-c.want[r]) > 1e-15 {
				t.Errorf("RankWeights(%d) = %v, want %v", c.n, got, c.want)
				break
			}
		}
	}
}

// TestLectureKNN predicts Jai's missing ratings from the three shows he
// rated that are nearest by the lecture's W, with weights 5/12, 4/12, 3/12.
func TestLectureKNN(t *testing.T) {
	m := lectureModel(t)
	cases := []struct {
		show string
		want float64
	}{
		// Black Mirror: nearest rated TBBT 4.7 (0.722), Quantico 2.1 (0.64), F.R.I.E.N.D.S 4.8 (0.45).
		{"Black Mirror", (5*4.7 + 4*2.1 + 3*4.8) / 12},
		// GoT: TBBT 4.7 (0.79), Quantico 2.1 (0.716), F.R.I.E.N.D.S 4.8 (0.54).
		{"GoT", (5*4.7 + 4*2.1 + 3*4.8) / 12},
		// Rated by Jai: its neighbours among his other ratings, itself left out:
		// Quantico 2.1 (0.974), TBBT 4.7 (0.942), Modern Family 4.6 (0.893).
		{"F.R.I.E.N.D.S", (5*2.1 + 4*4.7 + 3*4.6) / 12},
	}
	for _, c := range cases {
		got := m.PredictKNN("Jai", c.show, 3)
		if math.Abs(got.Rating-c.want) > 1e-12 || got.UnknownUser || got.UnknownItem {
			t.Errorf("Jai, %s: %+v, want %.4f", c.show, got, c.want)
		}
	}
	// Diya rated four shows, so n = 10 takes them all, with the weights of n = 4.
	// By similarity to Modern Family: F.R.I.E.N.D.S 2.1 (0.893), TBBT 4.4
	// (0.691), GoT 4.9 (0.104), Black Mirror 4.7 (0).
	got := m.PredictKNN("Diya", "Modern Family", 10)
	want := (9*2.1 + 8*4.4 + 7*4.9 + 6*4.7) / 30
	if math.Abs(got.Rating-want) > 1e-12 {
		t.Errorf("Diya, Modern Family, n = 10: %v, want %.4f", got.Rating, want)
	}
}
