package cluster

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// assignW has column norms 5, 1 and 2, so scaling reorders H's entries.
var assignW = mat.NewDense(4, 3, []float64{
	4, 0, 0,
	3, 0, 0,
	0, 1, 0,
	0, 0, 2,
})

func TestAssign(t *testing.T) {
	// Columns of H are documents; the comment gives the rescaled column.
	H := mat.NewDense(3, 6, []float64{
		1, 0, 0, 1, 0.2, 2,
		3, 0, 2, 5, 1, 1,
		1, 0, 0, 0, 1, 0.5,
	})
	want := []Assignment{
		{Topic: 0, Weight: 5, Confidence: 0.5, Second: 1},        // [5 3 2]: raw argmax would be topic 1
		{Topic: -1, Weight: 0, Confidence: 0, Second: -1},        // empty document
		{Topic: 1, Weight: 2, Confidence: 1, Second: -1},         // [0 2 0]: only one non-zero
		{Topic: 0, Weight: 5, Confidence: 0.5, Second: 1},        // [5 5 0]: tie to the lower topic
		{Topic: 2, Weight: 2, Confidence: 0.5, Second: 0},        // [1 1 2]: runner-up tie to the lower topic
		{Topic: 0, Weight: 10, Confidence: 10.0 / 12, Second: 1}, // [10 1 1]
	}
	wBefore, hBefore := mat.DenseCopyOf(assignW), mat.DenseCopyOf(H)
	got := Assign(assignW, H, 0)
	checkAssignments(t, got, want)
	if !mat.Equal(assignW, wBefore) || !mat.Equal(H, hBefore) {
		t.Error("Assign modified its inputs")
	}
	// A view whose stride differs from its width must give the same result.
	big := mat.NewDense(3, 9, nil)
	view := big.Slice(0, 3, 2, 8).(*mat.Dense)
	view.Copy(H)
	checkAssignments(t, Assign(assignW, view, 0), want)

	if got := Topics(want); !slices.Equal(got, []int{0, -1, 1, 0, 2, 0}) {
		t.Errorf("Topics = %v", got)
	}
}

func TestAssignOneTopic(t *testing.T) {
	W := mat.NewDense(2, 1, []float64{3, 4})
	H := mat.NewDense(1, 3, []float64{2, 0, 0.5})
	checkAssignments(t, Assign(W, H, 0), []Assignment{
		{Topic: 0, Weight: 10, Confidence: 1, Second: -1},
		{Topic: -1, Second: -1},
		{Topic: 0, Weight: 2.5, Confidence: 1, Second: -1},
	})
}

func TestAssignManyBlocks(t *testing.T) {
	// More documents than one block: compare with a direct per-column argmax.
	rng := rand.New(rand.NewPCG(1, 2))
	const m, k, n = 7, 5, 3*assignBlock + 17
	W, H := randomDense(rng, m, k), randomDense(rng, k, n)
	for i := 0; i < n; i += 11 {
		for t := 0; t < k; t++ {
			H.Set(t, i, 0)
		}
	}
	Wn, Hn := Normalize(W, H)
	var wh, wnhn mat.Dense
	wh.Mul(W, H)
	wnhn.Mul(Wn, Hn)
	if !mat.EqualApprox(&wh, &wnhn, 1e-12) {
		t.Error("Wn·Hn differs from W·H")
	}
	for c := 0; c < k; c++ {
		if norm := mat.Norm(Wn.ColView(c), 2); math.Abs(norm-1) > 1e-12 {
			t.Errorf("column %d of Wn has norm %v", c, norm)
		}
	}
	got := Assign(W, H, 0)
	for i := 0; i < n; i++ {
		col := mat.Col(nil, i, Hn)
		want := Assignment{Topic: -1, Second: -1}
		sum := 0.0
		for t, v := range col {
			sum += v
			if v > 0 && (want.Topic < 0 || v > col[want.Topic]) {
				want.Topic = t
			}
		}
		for t, v := range col {
			if v > 0 && t != want.Topic && (want.Second < 0 || v > col[want.Second]) {
				want.Second = t
			}
		}
		if want.Topic >= 0 {
			want.Weight = col[want.Topic]
			want.Confidence = want.Weight / sum
		}
		if g := got[i]; g.Topic != want.Topic || g.Second != want.Second ||
			math.Abs(g.Weight-want.Weight) > 1e-12 || math.Abs(g.Confidence-want.Confidence) > 1e-12 {
			t.Fatalf("document %d: got %+v, want %+v", i, g, want)
		}
	}
}

func TestAssignShapeMismatchPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic for W 4×3, H 2×2")
		}
	}()
	Assign(assignW, mat.NewDense(2, 2, nil), 0)
}

func checkAssignments(t *testing.T, got, want []Assignment) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d assignments, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.Topic != w.Topic || g.Second != w.Second ||
			math.Abs(g.Weight-w.Weight) > 1e-12 || math.Abs(g.Confidence-w.Confidence) > 1e-12 {
			t.Errorf("document %d: got %+v, want %+v", i, g, w)
		}
	}
}

func randomDense(rng *rand.Rand, r, c int) *mat.Dense {
	d := mat.NewDense(r, c, nil)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			d.Set(i, j, rng.Float64())
		}
	}
	return d
}

func BenchmarkAssign(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 2))
	const m, k, n = 1000, 20, 1_000_000
	W, H := randomDense(rng, m, k), randomDense(rng, k, n)
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		Assign(W, H, 0)
	}
}

// TestAssignSameForAnyWorkers checks that the block partition, not the
// number of goroutines, decides the result.
func TestAssignSameForAnyWorkers(t *testing.T) {
	const k, n = 5, 3*assignBlock + 17
	rng := rand.New(rand.NewPCG(7, 8))
	W, H := randomDense(rng, 40, k), randomDense(rng, k, n)
	one := Assign(W, H, 1)
	for _, workers := range []int{2, 3, 8} {
		if got := Assign(W, H, workers); !reflect.DeepEqual(got, one) {
			t.Errorf("workers = %d: assignments differ from workers = 1", workers)
		}
	}
}
