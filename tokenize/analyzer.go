// Package tokenize turns text into word stems: Unicode word segmentation,
// lower-casing (NFKC where the text is not ASCII), then a chain of word
// filters (CJK bigrams, elision, stop words, length, tokens without a
// letter, snowball stemming), as bleve's analysis chain. A Session caches
// the decision for every distinct surface word, so each is analysed once and
// a warm session tokenizes without allocating; it also counts surface forms
// so that reports can show "computer" for the stem "comput".
package tokenize

import (
	"fmt"
	"math"
)

// Analyzer turns text into stems; it is immutable and safe for concurrent use.
type Analyzer struct {
	cfg   Config // canonical, the defaults filled in
	steps []step // cfg's word filters, compiled
	// cjkBigrams is set by a CJKBigram filter: the scanner pairs CJK characters.
	cjkBigrams bool
	// maxTokenBytes is 8 bytes a rune of the smallest length filter Max
	// (no filter lengthens a word): longer segments (uuencoded
	// lines, base64) are dropped without being normalised or cached.
	maxTokenBytes int
}

// New returns the analyzer cfg describes, or an error naming the filter
// that cannot work (an unknown language, bad length limits).
func New(cfg Config) (*Analyzer, error) {
	chain, steps, err := cfg.chain().compile()
	if err != nil {
		return nil, err
	}
	a := &Analyzer{cfg: Config{Filters: chain}, maxTokenBytes: math.MaxInt}
	for i, s := range steps {
		switch {
		case !s.cjkBigrams:
			a.steps = append(a.steps, s)
		case len(a.steps) > 0:
			return nil, fmt.Errorf("tokenize: filter %d (%s) pairs neighbouring characters and must come before the word filters", i+1, chain[i].Name())
		default:
			a.cjkBigrams = true
		}
	}
	for _, f := range chain {
		if l, ok := f.(Length); ok && l.Max > 0 {
			a.maxTokenBytes = min(a.maxTokenBytes, 8*l.Max)
		}
	}
	return a, nil
}

// Config returns the analyzer's settings with the defaults filled in, so a
// saved model reproduces the analyzer exactly.
func (a *Analyzer) Config() Config {
	return Config{Filters: a.cfg.Filters.clone()}
}

// Words returns the stems of text's kept tokens in text order; it is the
// convenience form of Session.Terms for tests, reports and one-off use.
func (a *Analyzer) Words(text string) []string {
	sc := scanner{cjk: a.cjkBigrams}
	var out []string
	sc.reset(text)
	for tok, ok := sc.next(); ok; tok, ok = sc.next() {
		if len(tok) > a.maxTokenBytes {
			continue
		}
		if _, stem, ok := a.analyze(tok); ok {
			out = append(out, stem)
		}
	}
	return out
}

// analyze decides one word segment: the normalised word it counts as (used
// for surface forms) and its stem, or ok false when the word is dropped.
func (a *Analyzer) analyze(tok []byte) (word, stem string, ok bool) {
	return a.decide(string(normalised(nil, tok)))
}

// decide runs the filters on a normalised word (see normalised): it
// returns the word the token counts as (the one entering the first stem
// filter, used for surface forms) and its term, or ok false when a filter
// drops the word.
func (a *Analyzer) decide(word string) (kept, term string, ok bool) {
	kept, stemmed := word, false
	for _, s := range a.steps {
		if s.stems && !stemmed {
			kept, stemmed = word, true
		}
		if word, ok = s.apply(word); !ok {
			return "", "", false
		}
	}
	if !stemmed {
		kept = word
	}
	return kept, word, word != ""
}
