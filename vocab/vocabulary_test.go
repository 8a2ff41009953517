package vocab

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The tiny corpus, by provisional id (the order a tokenizer met the stems):
//
//	0 zeta  1 alpha  2 mid  3 beta  4 gamma  5 unused
//
//	doc 0: zeta zeta alpha mid
//	doc 1: alpha beta beta beta
//	doc 2: alpha mid gamma
//	doc 3: alpha zeta
//
// df:    alpha 4, beta 1, gamma 1, mid 2, zeta 2, unused 0
// total: alpha 4, beta 3, gamma 1, mid 2, zeta 3
var (
	tinyStems    = []string{"zeta", "alpha", "mid", "beta", "gamma", "unused"}
	tinySurfaces = []string{"zetas", "alphas", "middle", "", "gammas", "unused"}
	tinyDocs     = [][]int32{{0, 0, 1, 2}, {1, 3, 3, 3}, {1, 2, 4}, {1, 0}}
)

func tinyBags() []Bag {
	var c Counter
	bags := make([]Bag, len(tinyDocs))
	for i, d := range tinyDocs {
		bags[i] = c.Bag(d)
	}
	return bags
}

func TestBuild(t *testing.T) {
	tests := []struct {
		name    string
		p       Pruning
		terms   []string
		surface []string
		df      []int32
		remap   []int32 // by provisional id: zeta alpha mid beta gamma unused
	}{
		{"keep all", Pruning{},
			[]string{"alpha", "beta", "gamma", "mid", "zeta"},
			[]string{"alphas", "beta", "gammas", "middle", "zetas"},
			[]int32{4, 1, 1, 2, 2},
			[]int32{4, 0, 3, 1, 2, -1}},
		{"min_df count 2", Pruning{MinDF: 2},
			[]string{"alpha", "mid", "zeta"}, []string{"alphas", "middle", "zetas"}, []int32{4, 2, 2},
			[]int32{2, 0, 1, -1, -1, -1}},
		{"min_df fraction 0.5 = 2 docs", Pruning{MinDF: 0.5},
			[]string{"alpha", "mid", "zeta"}, []string{"alphas", "middle", "zetas"}, []int32{4, 2, 2},
			[]int32{2, 0, 1, -1, -1, -1}},
		{"min_df fraction 0.6 = 2.4 docs", Pruning{MinDF: 0.6},
			[]string{"alpha"}, []string{"alphas"}, []int32{4},
			[]int32{-1, 0, -1, -1, -1, -1}},
		{"max_df 0.75 = 3 docs", Pruning{MaxDF: 0.75},
			[]string{"beta", "gamma", "mid", "zeta"}, []string{"beta", "gammas", "middle", "zetas"}, []int32{1, 1, 2, 2},
			[]int32{3, -1, 2, 0, 1, -1}},
		{"max_df 1 keeps all", Pruning{MaxDF: 1},
			[]string{"alpha", "beta", "gamma", "mid", "zeta"},
			[]string{"alphas", "beta", "gammas", "middle", "zetas"},
			[]int32{4, 1, 1, 2, 2},
			[]int32{4, 0, 3, 1, 2, -1}},
		// Totals alpha 4, then beta 3 and zeta 3 tied: beta wins by term.
		{"max_terms 2, tie broken by term", Pruning{MaxTerms: 2},
			[]string{"alpha", "beta"}, []string{"alphas", "beta"}, []int32{4, 1},
			[]int32{-1, 0, -1, 1, -1, -1}},
		{"max_terms 3", Pruning{MaxTerms: 3},
			[]string{"alpha", "beta", "zeta"}, []string{"alphas", "beta", "zetas"}, []int32{4, 1, 2},
			[]int32{2, 0, -1, 1, -1, -1}},
		// df ≥ 2 leaves alpha (4), mid (2), zeta (3); the two most frequent.
		{"min_df then max_terms", Pruning{MinDF: 2, MaxTerms: 2},
			[]string{"alpha", "zeta"}, []string{"alphas", "zetas"}, []int32{4, 2},
			[]int32{1, 0, -1, -1, -1, -1}},
		{"max_terms above size", Pruning{MaxTerms: 100},
			[]string{"alpha", "beta", "gamma", "mid", "zeta"},
			[]string{"alphas", "beta", "gammas", "middle", "zetas"},
			[]int32{4, 1, 1, 2, 2},
			[]int32{4, 0, 3, 1, 2, -1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, remap, err := Build(tinyStems, tinySurfaces, tinyBags(), tt.p)
			if err != nil {
				t.Fatal(err)
			}
			want := &Vocabulary{Terms: tt.terms, Surface: tt.surface, DF: tt.df, NDocs: 4}
			if !reflect.DeepEqual(v, want) {
				t.Errorf("vocabulary = %+v, want %+v", v, want)
			}
			if !slices.Equal(remap, tt.remap) {
				t.Errorf("remap = %v, want %v", remap, tt.remap)
			}
			if err := v.Validate(); err != nil {
				t.Errorf("built vocabulary invalid: %v", err)
			}
		})
	}
}

func TestBuildNilSurfaces(t *testing.T) {
	v, _, err := Build(tinyStems, nil, tinyBags(), Pruning{})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(v.Surface, v.Terms) {
		t.Errorf("surfaces = %v, want the stems %v", v.Surface, v.Terms)
	}
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name    string
		stems   []string
		docs    []Bag
		p       Pruning
		wantErr string
	}{
		{"nothing left", tinyStems, tinyBags(), Pruning{MinDF: 5}, "min_df=5 max_df=0 max_terms=0"},
		{"no documents", tinyStems, nil, Pruning{}, "no term left of 6 in 0 documents"},
		{"negative min_df", tinyStems, tinyBags(), Pruning{MinDF: -1}, "min_df -1"},
		{"max_df above 1", tinyStems, tinyBags(), Pruning{MaxDF: 1.5}, "max_df 1.5"},
		{"negative max_terms", tinyStems, tinyBags(), Pruning{MaxTerms: -3}, "max_terms -3"},
		{"min_df above max_df", tinyStems, tinyBags(), Pruning{MinDF: 0.8, MaxDF: 0.5}, "above max_df"},
		{"duplicate stem", []string{"a", "a"}, []Bag{Count([]int32{0, 1})}, Pruning{}, `term "a" has two provisional ids`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Build(tt.stems, nil, tt.docs, tt.p)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("Build error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestBuildThenRemap(t *testing.T) {
	bags := tinyBags()
	_, remap, err := Build(tinyStems, tinySurfaces, bags, Pruning{MinDF: 2})
	if err != nil {
		t.Fatal(err)
	}
	// Final ids: alpha 0, mid 1, zeta 2.
	want := []Bag{
		{[]int32{0, 1, 2}, []int32{1, 1, 2}},
		{[]int32{0}, []int32{1}},
		{[]int32{0, 1}, []int32{1, 1}},
		{[]int32{0, 2}, []int32{1, 1}},
	}
	for i, b := range bags {
		got := Remap(b, remap)
		if !slices.Equal(got.Terms, want[i].Terms) || !slices.Equal(got.Counts, want[i].Counts) {
			t.Errorf("doc %d: %v, want %v", i, got, want[i])
		}
	}
}

func TestID(t *testing.T) {
	v, _, err := Build(tinyStems, tinySurfaces, tinyBags(), Pruning{})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		term string
		id   int32
		ok   bool
	}{
		{"alpha", 0, true}, {"beta", 1, true}, {"mid", 3, true}, {"zeta", 4, true},
		{"unused", -1, false}, {"", -1, false}, {"zz", -1, false}, {"aardvark", -1, false},
	}
	for _, tt := range tests {
		if id, ok := v.ID(tt.term); id != tt.id || ok != tt.ok {
			t.Errorf("ID(%q) = %d, %v; want %d, %v", tt.term, id, ok, tt.id, tt.ok)
		}
	}
}

func TestVocabularyJSON(t *testing.T) {
	v, _, err := Build(tinyStems, tinySurfaces, tinyBags(), Pruning{})
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"terms":["alpha","beta","gamma","mid","zeta"],"surface":["alphas","beta","gammas","middle","zetas"],"df":[4,1,1,2,2],"n_docs":4}`
	if string(data) != want {
		t.Errorf("JSON = %s, want %s", data, want)
	}
	var back Vocabulary
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&back, v) {
		t.Errorf("round trip = %+v, want %+v", back, *v)
	}
	if id, ok := back.ID("gamma"); id != 2 || !ok {
		t.Errorf("ID after load = %d, %v", id, ok)
	}
}

func TestVocabularyJSONInvalid(t *testing.T) {
	tests := []struct{ name, json, wantErr string }{
		{"unsorted", `{"terms":["b","a"],"surface":["b","a"],"df":[1,1],"n_docs":1}`, "not after"},
		{"duplicate", `{"terms":["a","a"],"surface":["a","a"],"df":[1,1],"n_docs":1}`, "not after"},
		{"lengths", `{"terms":["a","b"],"surface":["a"],"df":[1,1],"n_docs":1}`, "2 terms, 1 surface forms"},
		{"df above n_docs", `{"terms":["a"],"surface":["a"],"df":[3],"n_docs":2}`, "outside [1, 2]"},
		{"df zero", `{"terms":["a"],"surface":["a"],"df":[0],"n_docs":2}`, "outside [1, 2]"},
		{"syntax", `{"terms":`, "unexpected end"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var v Vocabulary
			err := json.Unmarshal([]byte(tt.json), &v)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("error = %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}

func TestSetSurfaces(t *testing.T) {
	for _, tc := range []struct {
		name     string
		surfaces []string
		want     []string
	}{
		{"nil keeps the stems", nil, []string{"a", "c"}},
		{"kept ids only, empty keeps the stem", []string{"", "dropped", "cee"}, []string{"a", "cee"}},
	} {
		v := &Vocabulary{Terms: []string{"a", "c"}, Surface: []string{"a", "c"}, DF: []int32{1, 1}, NDocs: 1}
		v.SetSurfaces(tc.surfaces, []int32{0, -1, 1})
		if !slices.Equal(v.Surface, tc.want) {
			t.Errorf("%s: surfaces %q, want %q", tc.name, v.Surface, tc.want)
		}
	}
}
