package tfidf

import (
	"encoding/json"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/topicmill/topicmill/vocab"
)

// The tiny corpus: terms a (id 0), b (1), c (2); n = 3 documents.
//
//	d0: a×2 b×1      d1: a×1 c×3      d2: a×1 b×4
//
// df: a 3, b 2, c 1. Smooth idf = ln((1+n)/(1+df)) + 1:
//
//	idf_a = ln(4/4) + 1 = 1
//	idf_b = ln(4/3) + 1 = 1.2876820724517809
//	idf_c = ln(4/2) + 1 = 1.6931471805599453
//
// Sublinear tf = 1 + ln(count): 1 → 1, 2 → 1.6931471805599453,
// 3 → 2.0986122886681098, 4 → 2.3862943611198906.
var (
	tinyVocab = &vocab.Vocabulary{
		Terms: []string{"a", "b", "c"}, Surface: []string{"a", "b", "c"},
		DF: []int32{3, 2, 1}, NDocs: 3,
	}
	tinyBags = []vocab.Bag{
		{Terms: []int32{0, 1}, Counts: []int32{2, 1}},
		{Terms: []int32{0, 2}, Counts: []int32{1, 3}},
		{Terms: []int32{0, 1}, Counts: []int32{1, 4}},
	}
)

// weightingCases give X (terms × documents) for the tiny corpus, by hand.
var weightingCases = []struct {
	name string
	w    Weighting
	x    [3][3]float64 // x[term][doc]
}{
	{
		// The counts themselves.
		"raw none none", Weighting{TFRaw, IDFNone, NormNone},
		[3][3]float64{{2, 1, 1}, {1, 0, 4}, {0, 3, 0}},
	},
	{
		// d0: a 2·1 = 2, b 1·idf_b = 1.2876820724517809
		// d1: a 1, c 3·idf_c = 5.0794415416798359
		// d2: a 1, b 4·idf_b = 5.1507282898071237
		"raw smooth none", Weighting{TFRaw, IDFSmooth, NormNone},
		[3][3]float64{{2, 1, 1}, {1.2876820724517809, 0, 5.1507282898071237}, {0, 5.0794415416798359, 0}},
	},
	{
		// The previous columns divided by their sums:
		// d0: sum 3.2876820724517809 → a 2/sum = 0.60833132764218435, b 0.39166867235781565
		// d1: sum 6.0794415416798359 → a 1/sum = 0.16448879278534617, c 0.83551120721465383
		// d2: sum 6.1507282898071237 → a 1/sum = 0.16258237283171523, b 0.83741762716828477
		"raw smooth l1", Weighting{TFRaw, IDFSmooth, NormL1},
		[3][3]float64{
			{0.60833132764218435, 0.16448879278534617, 0.16258237283171523},
			{0.39166867235781565, 0, 0.83741762716828477},
			{0, 0.83551120721465383, 0},
		},
	},
	{
		// The defaults.
		// d0: a (1+ln 2)·1 = 1.6931471805599453, b 1·idf_b = 1.2876820724517809;
		//     l2 = √(1.69314…² + 1.28768…²) = 2.1271747682670095
		//     → a 0.79596054156816525, b 0.60534850810629168
		// d1: a 1, c (1+ln 3)·idf_c = 2.09861…·1.69314… = 3.5532…;
		//     l2 = 3.6912942079574614 → a 0.2709076935250142, c 0.96260533012702406
		// d2: a 1, b (1+ln 4)·idf_b = 2.38629…·1.28768… = 3.0728…;
		//     l2 = 3.2314128444960684 → a 0.30946216039936171, b 0.95091175788343249
		"sublinear smooth l2", Weighting{TFSublinear, IDFSmooth, NormL2},
		[3][3]float64{
			{0.79596054156816525, 0.2709076935250142, 0.30946216039936171},
			{0.60534850810629168, 0, 0.95091175788343249},
			{0, 0.96260533012702406, 0},
		},
	},
	{
		// Zero value = the defaults: the same numbers.
		"defaults", Weighting{},
		[3][3]float64{
			{0.79596054156816525, 0.2709076935250142, 0.30946216039936171},
			{0.60534850810629168, 0, 0.95091175788343249},
			{0, 0.96260533012702406, 0},
		},
	},
	{
		// Every present term weighs its idf.
		// d0 = d2: a 1, b 1.2876820724517809; l2 = √(1 + 1.65812…) = 1.6303757602815719
		//     → a 0.61335553702497167, b 0.78980692906609056
		// d1: a 1, c 1.6931471805599453; l2 = √(1 + 2.86674…) = 1.9664046824186755
		//     → a 0.50854232037832678, c 0.86103699594397641
		"binary smooth l2", Weighting{TFBinary, IDFSmooth, NormL2},
		[3][3]float64{
			{0.61335553702497167, 0.50854232037832678, 0.61335553702497167},
			{0.78980692906609056, 0, 0.78980692906609056},
			{0, 0.86103699594397641, 0},
		},
	},
	{
		// d0: a 1.6931471805599453, b 1; sum 2.6931471805599453
		//     → a 0.62868720758436784, b 0.37131279241563216
		// d1: a 1, c 2.0986122886681098; sum 3.0986122886681098
		//     → a 0.32272511267611168, c 0.67727488732388832
		// d2: a 1, b 2.3862943611198906; sum 3.3862943611198906
		//     → a 0.29530805457482062, b 0.70469194542517938
		"sublinear none l1", Weighting{TFSublinear, IDFNone, NormL1},
		[3][3]float64{
			{0.62868720758436784, 0.32272511267611168, 0.29530805457482062},
			{0.37131279241563216, 0, 0.70469194542517938},
			{0, 0.67727488732388832, 0},
		},
	},
	{
		"binary none none", Weighting{TFBinary, IDFNone, NormNone},
		[3][3]float64{{1, 1, 1}, {1, 0, 1}, {0, 1, 0}},
	},
	{
		// d0: (2, 1)/√5; d1: (1, 3)/√10; d2: (1, 4)/√17.
		"raw none l2", Weighting{TFRaw, IDFNone, NormL2},
		[3][3]float64{
			{0.89442719099991588, 0.31622776601683793, 0.24253562503633297},
			{0.44721359549995794, 0, 0.97014250014533189},
			{0, 0.9486832980505138, 0},
		},
	},
}

func TestColumnAndMatrix(t *testing.T) {
	const tol = 1e-12
	for _, tt := range weightingCases {
		t.Run(tt.name, func(t *testing.T) {
			m, err := Fit(tt.w, tinyVocab)
			if err != nil {
				t.Fatal(err)
			}
			for j, b := range tinyBags {
				terms, vals := m.Column(b, nil, nil)
				if !reflect.DeepEqual(terms, b.Terms) {
					t.Errorf("doc %d: column terms %v, want %v", j, terms, b.Terms)
				}
				for k, term := range terms {
					if want := tt.x[term][j]; math.Abs(vals[k]-want) > tol {
						t.Errorf("Column doc %d term %d = %.17g, want %.17g", j, term, vals[k], want)
					}
				}
			}
			x := m.Matrix(tinyBags, 0)
			if r, c := x.Dims(); r != 3 || c != 3 {
				t.Fatalf("Matrix is %d × %d, want 3 × 3", r, c)
			}
			if err := x.Validate(true); err != nil {
				t.Fatal(err)
			}
			for i := range 3 {
				for j := range 3 {
					if got, want := x.At(i, j), tt.x[i][j]; math.Abs(got-want) > tol {
						t.Errorf("X[%d,%d] = %.17g, want %.17g", i, j, got, want)
					}
				}
			}
		})
	}
}

func TestFitResolvesDefaults(t *testing.T) {
	m, err := Fit(Weighting{IDF: IDFNone}, tinyVocab)
	if err != nil {
		t.Fatal(err)
	}
	want := Weighting{TFSublinear, IDFNone, NormL2}
	if m.Weighting != want {
		t.Errorf("Weighting = %+v, want %+v", m.Weighting, want)
	}
	if !reflect.DeepEqual(m.IDF, []float64{1, 1, 1}) {
		t.Errorf("IDF = %v, want all ones", m.IDF)
	}
}

func TestEmptyDocument(t *testing.T) {
	m, err := Fit(Weighting{}, tinyVocab)
	if err != nil {
		t.Fatal(err)
	}
	terms, vals := m.Column(vocab.Bag{}, []int32{7, 8}, []float64{1, 2})
	if len(terms) != 0 || len(vals) != 0 {
		t.Errorf("empty bag column = %v %v, want empty", terms, vals)
	}
	docs := []vocab.Bag{tinyBags[0], {}, tinyBags[1]}
	x := m.Matrix(docs, 0)
	if r, c := x.Dims(); r != 3 || c != 3 {
		t.Fatalf("Matrix is %d × %d, want 3 × 3", r, c)
	}
	for i := range 3 {
		if v := x.At(i, 1); v != 0 {
			t.Errorf("X[%d, empty doc] = %v, want 0", i, v)
		}
	}
	if x.NNZ() != 4 {
		t.Errorf("NNZ = %d, want 4", x.NNZ())
	}
	if x := m.Matrix(nil, 0); x.Rows != 3 || x.Cols != 0 || x.NNZ() != 0 {
		t.Errorf("Matrix(nil) = %d × %d with %d non-zeros, want 3 × 0 empty", x.Rows, x.Cols, x.NNZ())
	}
}

func TestColumnAllocs(t *testing.T) {
	m, err := Fit(Weighting{}, tinyVocab)
	if err != nil {
		t.Fatal(err)
	}
	terms, vals := m.Column(tinyBags[0], nil, nil)
	if a := testing.AllocsPerRun(100, func() { terms, vals = m.Column(tinyBags[2], terms, vals) }); a != 0 {
		t.Errorf("Column with reused slices allocates %v times, want 0", a)
	}
}

func TestModelJSON(t *testing.T) {
	m, err := Fit(Weighting{TF: TFBinary}, tinyVocab)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"weighting":{"tf":"binary","idf":"smooth","norm":"l2"},"idf":[1,1.2876820724517808,1.6931471805599454]}`
	if string(data) != want {
		t.Errorf("JSON = %s, want %s", data, want)
	}
	var back Model
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&back, m) {
		t.Errorf("round trip = %+v, want %+v", back, *m)
	}
}

func TestModelJSONInvalid(t *testing.T) {
	tests := []struct{ name, json, wantErr string }{
		{"unknown tf", `{"weighting":{"tf":"log","idf":"smooth","norm":"l2"},"idf":[1]}`, `unknown tf "log"`},
		{"zero idf", `{"weighting":{"tf":"raw","idf":"none","norm":"l2"},"idf":[1,0]}`, "idf of term 1 is 0"},
		{"negative idf", `{"weighting":{},"idf":[-2]}`, "idf of term 0 is -2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var m Model
			err := json.Unmarshal([]byte(tt.json), &m)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}
