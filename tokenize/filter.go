package tokenize

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"
)

// A Filter is one step of an analyzer's chain, as a token filter of
// bleve's analysis chain: a name and its parameters, saved in a model as a
// JSON object such as {"name":"length","min":2,"max":25}. A filter is a
// pure function of one word (the analyzer decides each distinct word once
// and caches the outcome), but for CJKBigram, which pairs neighbouring
// characters before the word filters run. The filters are the types of this
// package: CJKBigram, Elision, Underscore, Host, Digits, Stop, Length,
// Letter and Stem.
type Filter interface {
	// Name is the filter's name in a saved chain.
	Name() string
	// compile checks the filter's parameters and returns it in canonical
	// form (names lower-cased, word lists normalised) with the function it
	// applies to each word.
	compile() (Filter, step, error)
}

// step is a compiled filter: apply returns the word changed or unchanged,
// or ok false to drop it; stems marks a filter whose output is an index
// term rather than a word (the word entering it is the token's surface form).
type step struct {
	apply func(word string) (string, bool)
	stems bool
	// cjkBigrams marks CJKBigram, which works on the token stream (apply is nil).
	cjkBigrams bool
}

// Chain is an ordered list of filters. It marshals to a JSON array of
// objects, each with the filter's "name" and its parameters; unmarshalling
// refuses unknown filter names and parameters.
type Chain []Filter

// filterKinds decodes a filter's JSON parameters, by filter name.
var filterKinds = map[string]func(params []byte) (Filter, error){
	CJKBigram{}.Name():  decodeFilter[CJKBigram],
	Elision{}.Name():    decodeFilter[Elision],
	Underscore{}.Name(): decodeFilter[Underscore],
	Host{}.Name():       decodeFilter[Host],
	Digits{}.Name():     decodeFilter[Digits],
	Stop{}.Name():       decodeFilter[Stop],
	Length{}.Name():     decodeFilter[Length],
	Letter{}.Name():     decodeFilter[Letter],
	Stem{}.Name():       decodeFilter[Stem],
}

// MarshalJSON writes c as [{"name":...,parameters...},...].
func (c Chain) MarshalJSON() ([]byte, error) {
	b := []byte{'['}
	for i, f := range c {
		if f == nil {
			return nil, fmt.Errorf("tokenize: filter %d is nil", i+1)
		}
		params, err := json.Marshal(f)
		if err != nil {
			return nil, err
		}
		name, _ := json.Marshal(f.Name())
		if i > 0 {
			b = append(b, ',')
		}
		b = append(append(b, `{"name":`...), name...)
		if len(params) > 2 { // params is {...}, not {}
			b = append(b, ',')
		}
		b = append(b, params[1:]...)
	}
	return append(b, ']'), nil
}

// UnmarshalJSON reads a chain written by MarshalJSON; an unknown filter
// name or parameter is an error naming the filter's position.
func (c *Chain) UnmarshalJSON(data []byte) error {
	var objects []map[string]json.RawMessage
	if err := json.Unmarshal(data, &objects); err != nil {
		return fmt.Errorf("tokenize: filters: %w", err)
	}
	out := make(Chain, len(objects))
	for i, obj := range objects {
		var name string
		if err := json.Unmarshal(obj["name"], &name); err != nil || name == "" {
			return fmt.Errorf("tokenize: filter %d: no name", i+1)
		}
		decode, ok := filterKinds[name]
		if !ok {
			return fmt.Errorf("tokenize: filter %d: unknown filter %q (known: %s)", i+1, name, strings.Join(filterNames(), ", "))
		}
		delete(obj, "name")
		params, _ := json.Marshal(obj)
		f, err := decode(params)
		if err != nil {
			return fmt.Errorf("tokenize: filter %d (%s): %w", i+1, name, err)
		}
		out[i] = f
	}
	*c = out
	return nil
}

// decodeFilter decodes the parameters of a filter of type F, refusing
// parameters F does not have.
func decodeFilter[F Filter](params []byte) (Filter, error) {
	var f F
	dec := json.NewDecoder(bytes.NewReader(params))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, err
	}
	return f, nil
}

// filterNames returns the names of the known filters, sorted.
func filterNames() []string {
	names := make([]string, 0, len(filterKinds))
	for name := range filterKinds {
		names = append(names, name)
	}
	slices.Sort(names)
	return names
}

// compile checks every filter of c and returns c in canonical form with
// the steps to run, in order.
func (c Chain) compile() (Chain, []step, error) {
	out := make(Chain, len(c))
	steps := make([]step, len(c))
	for i, f := range c {
		if f == nil {
			return nil, nil, fmt.Errorf("tokenize: filter %d is nil", i+1)
		}
		var err error
		if out[i], steps[i], err = f.compile(); err != nil {
			return nil, nil, fmt.Errorf("tokenize: filter %d (%s): %w", i+1, f.Name(), err)
		}
	}
	return out, steps, nil
}

// clone returns a copy of c that shares no word list with it.
func (c Chain) clone() Chain {
	out := slices.Clone(c)
	for i, f := range out {
		if s, ok := f.(Stop); ok {
			s.Words = slices.Clone(s.Words)
			out[i] = s
		}
	}
	return out
}

// Elision removes a clitic attached by an apostrophe: an English possessive
// "'s" ("user's" → "user"), a French elided article or pronoun ("l'homme"
// → "homme"). Languages without elision rules are an error.
type Elision struct {
	Language string `json:"language"`
}

// Name returns "elision".
func (Elision) Name() string { return "elision" }

func (f Elision) compile() (Filter, step, error) {
	f.Language = canonicalLanguage(f.Language)
	if _, err := lookupLanguage(f.Language); err != nil {
		return nil, step{}, err
	}
	elide := languages[f.Language].elide
	if elide == nil {
		return nil, step{}, fmt.Errorf("no elision rules for %q (have: english, french)", f.Language)
	}
	return f, step{apply: func(w string) (string, bool) { return elide(w), true }}, nil
}

// Stop drops stop words: the language's built-in list (none when Language
// is "") and the extra Words, matched on the lower-cased word.
type Stop struct {
	Language string   `json:"language,omitempty"`
	Words    []string `json:"words,omitempty"`
}

// Name returns "stop".
func (Stop) Name() string { return "stop" }

func (f Stop) compile() (Filter, step, error) {
	f.Language = canonicalLanguage(f.Language)
	f.Words = normaliseWords(f.Words)
	set := make(map[string]struct{})
	if f.Language != "" {
		lang, err := lookupLanguage(f.Language)
		if err != nil {
			return nil, step{}, err
		}
		for _, w := range strings.Fields(lang.stopWords) {
			set[w] = struct{}{}
		}
	}
	for _, w := range f.Words {
		set[w] = struct{}{}
	}
	return f, step{apply: func(w string) (string, bool) {
		_, stop := set[w]
		return w, !stop
	}}, nil
}

// Length drops words shorter than Min or longer than Max runes; 0 means
// no limit. Words of CJK characters are kept whatever their length: they
// are bigrams or lone characters (see CJKBigram), not junk.
type Length struct {
	Min int `json:"min"`
	Max int `json:"max"`
}

// Name returns "length".
func (Length) Name() string { return "length" }

func (f Length) compile() (Filter, step, error) {
	if f.Min < 0 || f.Max < 0 || f.Max > 0 && f.Max < f.Min {
		return nil, step{}, fmt.Errorf("bad length limits: min %d, max %d", f.Min, f.Max)
	}
	return f, step{apply: func(w string) (string, bool) {
		if w != "" && w[0] >= 0xE1 && cjkWord([]byte(w)) {
			return w, true
		}
		n := utf8.RuneCountInString(w)
		return w, n >= f.Min && (f.Max == 0 || n <= f.Max)
	}}, nil
}

// Letter drops words without a letter, so numbers and runs of underscores
// are not words.
type Letter struct{}

// Name returns "letter".
func (Letter) Name() string { return "letter" }

func (f Letter) compile() (Filter, step, error) {
	return f, step{apply: func(w string) (string, bool) { return w, hasLetter(w) }}, nil
}

// Stem replaces a word by its snowball stem in Language ("computers" →
// "comput"); a word whose stem is empty is dropped.
type Stem struct {
	Language string `json:"language"`
}

// Name returns "stem".
func (Stem) Name() string { return "stem" }

func (f Stem) compile() (Filter, step, error) {
	f.Language = canonicalLanguage(f.Language)
	lang, err := lookupLanguage(f.Language)
	if err != nil {
		return nil, step{}, err
	}
	return f, step{stems: true, apply: func(w string) (string, bool) {
		s := lang.stem(w, true)
		return s, s != ""
	}}, nil
}
