package tokenize

import (
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestConfigDefaultsAndJSONRoundTrip(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want Chain
		json string
	}{
		{"zero value", Config{},
			Chain{CJKBigram{}, Elision{"english"}, Underscore{}, Host{}, Digits{4}, Stop{Language: "english"}, Length{2, 25}, Letter{}, Stem{"english"}},
			`{"filters":[{"name":"cjk_bigram"},{"name":"elision","language":"english"},{"name":"underscore"},{"name":"host"},{"name":"digits","max_run":4},{"name":"stop","language":"english"},{"name":"length","min":2,"max":25},{"name":"letter"},{"name":"stem","language":"english"}]}`},
		{"options", opts(Options{Language: " Swedish ", StopWords: []string{"Foo", "bar", "foo", " "}, NoStopWords: true, MinLength: 3, MaxLength: 9, NoStem: true}),
			Chain{CJKBigram{}, Underscore{}, Host{}, Digits{4}, Stop{Words: []string{"bar", "foo"}}, Length{3, 9}, Letter{}},
			`{"filters":[{"name":"cjk_bigram"},{"name":"underscore"},{"name":"host"},{"name":"digits","max_run":4},{"name":"stop","words":["bar","foo"]},{"name":"length","min":3,"max":9},{"name":"letter"}]}`},
		{"hand-written", Config{Filters: Chain{Stem{"FRENCH"}, Length{Max: 4}}},
			Chain{Stem{"french"}, Length{0, 4}},
			`{"filters":[{"name":"stem","language":"french"},{"name":"length","min":0,"max":4}]}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustNew(t, tt.cfg).Config()
			if !reflect.DeepEqual(got.Filters, tt.want) {
				t.Fatalf("Config() = %#v, want %#v", got.Filters, tt.want)
			}
			data, err := json.Marshal(got)
			if err != nil {
				t.Fatal(err)
			}
			if string(data) != tt.json {
				t.Fatalf("JSON %s, want %s", data, tt.json)
			}
			var back Config
			if err := json.Unmarshal(data, &back); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(back, got) {
				t.Fatalf("after JSON %s: %#v, want %#v", data, back.Filters, got.Filters)
			}
		})
	}
}

func TestChainUnmarshalErrors(t *testing.T) {
	tests := []struct {
		name, json, want string
	}{
		{"unknown filter", `[{"name":"length","min":1},{"name":"stemmer","language":"english"}]`, `filter 2: unknown filter "stemmer" (known: cjk_bigram, digits, elision, host, length, letter, stem, stop, underscore)`},
		{"no name", `[{"min":1}]`, "filter 1: no name"},
		{"unknown parameter", `[{"name":"length","mni":1}]`, `filter 1 (length): json: unknown field "mni"`},
		{"wrong type", `[{"name":"stop","words":"the"}]`, "filter 1 (stop): json: cannot unmarshal"},
		{"not a list", `{"name":"stop"}`, "tokenize: filters: json: cannot unmarshal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c Chain
			err := json.Unmarshal([]byte(tt.json), &c)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Unmarshal(%s) error = %v, want one containing %q", tt.json, err, tt.want)
			}
		})
	}
}

func TestConfigReturnsACopy(t *testing.T) {
	a := mustNew(t, opts(Options{StopWords: []string{"foo"}}))
	a.Config().Filters[5].(Stop).Words[0] = "changed"
	if got := a.Config().Filters[5].(Stop).Words[0]; got != "foo" {
		t.Fatalf("stop word %q after changing a copy", got)
	}
}

func TestConfigLanguageAndStems(t *testing.T) {
	tests := []struct {
		cfg   Config
		lang  string
		stems bool
	}{
		{Config{}, "english", true},
		{opts(Options{Language: "French", NoStem: true}), "french", false},
		{opts(Options{Language: "swedish", NoStopWords: true}), "swedish", true},
		{opts(Options{Language: "hungarian", NoStopWords: true, NoStem: true}), "", false},
	}
	for _, tt := range tests {
		if lang, stems := tt.cfg.Language(), tt.cfg.Stems(); lang != tt.lang || stems != tt.stems {
			t.Errorf("%v: Language, Stems = %q, %v; want %q, %v", tt.cfg.Filters, lang, stems, tt.lang, tt.stems)
		}
	}
}

// TestFilters checks each filter alone on sample words.
func TestFilters(t *testing.T) {
	tests := []struct {
		filter Filter
		in     []string
		want   []string // "-" for a dropped word
	}{
		{Elision{"english"}, []string{"user's", "users", "it's"}, []string{"user", "users", "it"}},
		{Elision{"french"}, []string{"l'homme", "qu'il", "aujourd'hui"}, []string{"homme", "il", "aujourd'hui"}},
		{Stop{Language: "english"}, []string{"the", "cat", "don't"}, []string{"-", "cat", "-"}},
		{Stop{Words: []string{"Cat"}}, []string{"the", "cat"}, []string{"the", "-"}},
		{Length{2, 4}, []string{"a", "ab", "abcd", "abcde", "été"}, []string{"-", "ab", "abcd", "-", "été"}},
		{Length{Min: 3}, []string{"ab", strings.Repeat("x", 100)}, []string{"-", strings.Repeat("x", 100)}},
		{Letter{}, []string{"1993", "___", "mp3", "é1"}, []string{"-", "-", "mp3", "é1"}},
		{Stem{"english"}, []string{"computers", "running", "cans"}, []string{"comput", "run", "can"}},
		{Stem{"russian"}, []string{"книги"}, []string{"книг"}},
		{Length{Min: 2, Max: 3}, []string{"猫", "東京", "テキスト", "한국어입니다"}, []string{"猫", "東京", "テキスト", "한국어입니다"}},
		{Stem{"english"}, []string{"東京", "テキ"}, []string{"東京", "テキ"}},
	}
	for _, tt := range tests {
		_, s, err := tt.filter.compile()
		if err != nil {
			t.Fatalf("%#v: %v", tt.filter, err)
		}
		var got []string
		for _, w := range tt.in {
			if out, ok := s.apply(w); ok {
				got = append(got, out)
			} else {
				got = append(got, "-")
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%#v on %q = %q, want %q", tt.filter, tt.in, got, tt.want)
		}
	}
}

// TestFilterOrder checks that the chain runs in the order given.
func TestFilterOrder(t *testing.T) {
	tests := []struct {
		name  string
		chain Chain
		text  string
		want  []string
	}{
		// "users" is a stop word here: the stem filter after it sees nothing,
		// before it the stop filter meets "user" and keeps it.
		{"stop then stem", Chain{Stop{Words: []string{"users"}}, Stem{"english"}}, "users", nil},
		{"stem then stop", Chain{Stem{"english"}, Stop{Words: []string{"users"}}}, "users", []string{"user"}},
		// the possessive is a stop word only before elision removes it.
		{"stop then elision", Chain{Stop{Words: []string{"user"}}, Elision{"english"}}, "user's", []string{"user"}},
		{"elision then stop", Chain{Elision{"english"}, Stop{Words: []string{"user"}}}, "user's", nil},
		// "cats" has 4 runes, its stem 3.
		{"length then stem", Chain{Length{Max: 3}, Stem{"english"}}, "cats", nil},
		{"stem then length", Chain{Stem{"english"}, Length{Max: 3}}, "cats", []string{"cat"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := mustNew(t, Config{Filters: tt.chain}).Words(tt.text); !slices.Equal(got, tt.want) {
				t.Fatalf("Words(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestElisionBeforeStopWordsAsBefore checks that DefaultChain's elision
// before stop words drops what the earlier fixed order (stop words,
// elision, stop words again) dropped: every built-in stop word elides to a
// stop word.
func TestElisionBeforeStopWordsAsBefore(t *testing.T) {
	for name, l := range languages {
		if l.elide == nil {
			continue
		}
		stop := make(map[string]bool)
		for _, w := range strings.Fields(l.stopWords) {
			stop[w] = true
		}
		for w := range stop {
			if e := l.elide(w); !stop[e] {
				t.Errorf("%s: stop word %q elides to %q, not a stop word", name, w, e)
			}
		}
	}
}

// TestSurfaceIsWordBeforeStem checks that the word a token counts as is
// the one entering the stem filter (after elision), or the term without one.
func TestSurfaceIsWordBeforeStem(t *testing.T) {
	tests := []struct {
		cfg        Config
		word       string
		kept, term string
	}{
		{Config{}, "user's", "user", "user"},
		{Config{}, "computers", "computers", "comput"},
		{Config{Filters: Chain{Elision{"english"}}}, "computer's", "computer", "computer"},
	}
	for _, tt := range tests {
		kept, term, ok := mustNew(t, tt.cfg).decide(tt.word)
		if !ok || kept != tt.kept || term != tt.term {
			t.Errorf("decide(%q) = %q, %q, %v; want %q, %q", tt.word, kept, term, ok, tt.kept, tt.term)
		}
	}
}
