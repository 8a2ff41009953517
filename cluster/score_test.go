package cluster

import (
	"errors"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

func TestScore(t *testing.T) {
	ln2, ln3, ln15 := math.Log(2), math.Log(3), math.Log(1.5)
	tests := []struct {
		name                       string
		labels                     []string
		topics                     []int
		nmi, ari, purity, accuracy float64
		labeled, unlabeled         int
		rows                       []string
		cols                       []int
		table                      [][]int
	}{{
		name:   "perfect",
		labels: []string{"a", "a", "b", "b", "c"},
		topics: []int{0, 0, 1, 1, 2},
		nmi:    1, ari: 1, purity: 1, accuracy: 1, labeled: 5,
		rows: []string{"a", "b", "c"}, cols: []int{0, 1, 2},
		table: [][]int{{2, 0, 0}, {0, 2, 0}, {0, 0, 1}},
	}, {
		name:   "permuted perfect",
		labels: []string{"a", "a", "b", "b", "c"},
		topics: []int{2, 2, 0, 0, 1},
		nmi:    1, ari: 1, purity: 1, accuracy: 1, labeled: 5,
		rows: []string{"a", "b", "c"}, cols: []int{0, 1, 2},
		table: [][]int{{0, 0, 2}, {2, 0, 0}, {0, 1, 0}},
	}, {
		// Contingency a:[2 1], b:[0 3]; N=6, rows [3 3], columns [2 4].
		// MI = 2/6·ln(2/6 / (3/6·2/6)) + 1/6·ln(1/6 / (3/6·4/6)) + 3/6·ln(3/6 / (3/6·4/6))
		//    = ln2/3 − ln2/6 + ln1.5/2 = ln2/6 + ln1.5/2.
		// H(labels) = ln2, H(topics) = ln3 − 2/3·ln2; NMI = MI / ((H+H)/2).
		// ARI: Σ C(nij,2) = 1+0+3 = 4, Σ C(ai,2) = 6, Σ C(bj,2) = 7, C(6,2) = 15:
		// expected 6·7/15 = 2.8, max (6+7)/2 = 6.5, ARI = (4−2.8)/(6.5−2.8) = 12/37.
		name:   "hand computed",
		labels: []string{"a", "a", "a", "b", "b", "b"},
		topics: []int{0, 0, 1, 1, 1, 1},
		nmi:    (ln2/6 + ln15/2) / ((ln2 + ln3 - 2*ln2/3) / 2),
		ari:    12.0 / 37, purity: 5.0 / 6, accuracy: 5.0 / 6, labeled: 6,
		rows: []string{"a", "b"}, cols: []int{0, 1},
		table: [][]int{{2, 1}, {0, 3}},
	}, {
		// Unlabeled documents are left out; unassigned ones form cluster -1.
		// a:[1 1 0], b:[0 0 2]. MI = ¼ln2 + ¼ln2 + ½ln2 = ln2, H(labels) = ln2,
		// H(topics) = 1.5·ln2, NMI = 1/1.25 = 0.8.
		// ARI: Σ C(nij,2) = 1, rows 2, columns 1, C(4,2) = 6: (1−1/3)/(1.5−1/3) = 4/7.
		name:   "unlabeled and unassigned",
		labels: []string{"a", "a", "", "b", "b"},
		topics: []int{0, -1, 0, 1, 1},
		nmi:    0.8, ari: 4.0 / 7, purity: 1, accuracy: 0.75, labeled: 4, unlabeled: 1,
		rows: []string{"a", "b"}, cols: []int{-1, 0, 1},
		table: [][]int{{1, 1, 0}, {0, 0, 2}},
	}, {
		// One topic, three labels: accuracy matches c with the only topic.
		name:   "fewer topics than labels",
		labels: []string{"a", "b", "c", "c"},
		topics: []int{0, 0, 0, 0},
		nmi:    0, ari: 0, purity: 0.5, accuracy: 0.5, labeled: 4,
		rows: []string{"a", "b", "c"}, cols: []int{0},
		table: [][]int{{1}, {1}, {2}},
	}, {
		name:   "one label one topic",
		labels: []string{"a", "a"},
		topics: []int{3, 3},
		nmi:    1, ari: 1, purity: 1, accuracy: 1, labeled: 2,
		rows: []string{"a"}, cols: []int{3},
		table: [][]int{{2}},
	}, {
		// Far-apart topic numbers take the map path of the topic index.
		name:   "sparse topic numbers",
		labels: []string{"a", "b", "b"},
		topics: []int{math.MinInt, math.MaxInt, math.MaxInt},
		nmi:    1, ari: 1, purity: 1, accuracy: 1, labeled: 3,
		rows: []string{"a", "b"}, cols: []int{math.MinInt, math.MaxInt},
		table: [][]int{{1, 0}, {0, 2}},
	}}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Score(tc.labels, tc.topics)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range []struct {
				name      string
				got, want float64
			}{{"NMI", s.NMI, tc.nmi}, {"ARI", s.ARI, tc.ari}, {"Purity", s.Purity, tc.purity}, {"Accuracy", s.Accuracy, tc.accuracy}} {
				if math.Abs(m.got-m.want) > 1e-12 {
					t.Errorf("%s = %.15g, want %.15g", m.name, m.got, m.want)
				}
			}
			if s.Labeled != tc.labeled || s.Unlabeled != tc.unlabeled {
				t.Errorf("labeled %d unlabeled %d, want %d %d", s.Labeled, s.Unlabeled, tc.labeled, tc.unlabeled)
			}
			if !reflect.DeepEqual(s.Labels, tc.rows) || !reflect.DeepEqual(s.Clusters, tc.cols) || !reflect.DeepEqual(s.Contingency, tc.table) {
				t.Errorf("table %v × %v = %v, want %v × %v = %v", s.Labels, s.Clusters, s.Contingency, tc.rows, tc.cols, tc.table)
			}
		})
	}
}

// TestScoreScikitLearn compares with golden numbers computed once by
// scikit-learn 1.2.1 (Debian python3-sklearn):
// normalized_mutual_info_score(labels, topics) and adjusted_rand_score(labels, topics).
func TestScoreScikitLearn(t *testing.T) {
	tests := []struct {
		labels   string // one label a character
		topics   []int
		nmi, ari float64
	}{{
		labels: "ccadbabacdbdababdcbdbabdbbaabbbbccbbbbdc",
		topics: []int{2, 2, 2, 3, 1, 0, 1, 0, 2, 3, 3, 3, 0, 1, 0, 1, 2, 0, 1, 3, 1, 3, 1, 3, 1, 1, 0, 3, 1, 1, 1, 0, 2, 2, 0, 1, 1, 1, 3, 2},
		nmi:    0.5860421191676185, ari: 0.5900524739507296,
	}, {
		labels: "yzzxyzyyxxzxzzyyxzxxzzyxxzzyyyzyxxzx",
		topics: []int{1, -1, 1, 0, 0, 0, -1, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 1, 1, 0, 1, 0, 0, -1, 0},
		nmi:    0.19619332975689635, ari: 0.1415046976977695,
	}, {
		labels: "pstrrursrtuurrrurusrqusrrtqtqqrsrupuuusqtttusrttur",
		topics: []int{0, 3, 2, 7, 2, 3, 2, 0, 7, 3, 2, 0, 2, 1, 5, 2, 7, 3, 0, 6, 7, 5, 6, 1, 3, 3, 5, 0, 5, 6, 4, 6, 1, 5, 0, 4, 1, 4, 5, 4, 5, 2, 6, 6, 5, 7, 2, 2, 6, 7},
		nmi:    0.2643164627457626, ari: 0.032528601049519996,
	}}
	for _, tc := range tests {
		s, err := Score(strings.Split(tc.labels, ""), tc.topics)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(s.NMI-tc.nmi) > 1e-12 || math.Abs(s.ARI-tc.ari) > 1e-12 {
			t.Errorf("%s: NMI %.17g ARI %.17g, want %.17g %.17g", tc.labels, s.NMI, s.ARI, tc.nmi, tc.ari)
		}
	}
}

func TestScoreErrors(t *testing.T) {
	if _, err := Score([]string{"a"}, []int{0, 1}); err == nil {
		t.Error("no error for 1 label and 2 topics")
	}
	if _, err := Score([]string{"", ""}, []int{0, 1}); !errors.Is(err, ErrNoLabels) {
		t.Errorf("err = %v, want ErrNoLabels", err)
	}
	if _, err := Score(nil, nil); !errors.Is(err, ErrNoLabels) {
		t.Errorf("err = %v, want ErrNoLabels", err)
	}
}

func BenchmarkScore(b *testing.B) {
	const n, k = 1_000_000, 20
	rng := rand.New(rand.NewPCG(3, 4))
	names := make([]string, k)
	for i := range names {
		names[i] = "group." + string(rune('a'+i))
	}
	labels, topics := make([]string, n), make([]int, n)
	for i := range labels {
		labels[i] = names[i*k/n] // grouped by label, as corpora come
		topics[i] = rng.IntN(k+1) - 1
	}
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		if _, err := Score(labels, topics); err != nil {
			b.Fatal(err)
		}
	}
}
