// Package tokenize turns text into word stems: Unicode word segmentation,
// lower-casing (NFKC where the text is not ASCII), filters (stop words,
// length, tokens without a letter) and snowball stemming. A Session caches
// the decision for every distinct surface word, so each is analysed once and
// a warm session tokenizes without allocating; it also counts surface forms
// so that reports can show "computer" for the stem "comput".
package tokenize

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Analyzer turns text into stems; it is immutable and safe for concurrent use.
type Analyzer struct {
	cfg  Config
	lang language
	stop map[string]struct{}
	// maxTokenBytes is 8 bytes a rune of MaxLength: longer segments (uuencoded
	// lines, base64) are dropped without being normalised or cached.
	maxTokenBytes int
}

// New returns the analyzer cfg describes, or an error naming the known
// languages when cfg.Language is not one of them.
func New(cfg Config) (*Analyzer, error) {
	c, err := cfg.withDefaults()
	if err != nil {
		return nil, err
	}
	a := &Analyzer{
		cfg:           c,
		lang:          languages[c.Language],
		stop:          make(map[string]struct{}),
		maxTokenBytes: 8 * c.MaxLength,
	}
	if !c.NoStopWords {
		for _, w := range strings.Fields(a.lang.stopWords) {
			a.stop[w] = struct{}{}
		}
	}
	for _, w := range c.StopWords {
		a.stop[w] = struct{}{}
	}
	return a, nil
}

// Config returns the analyzer's settings with the defaults filled in, so a
// saved model reproduces the analyzer exactly.
func (a *Analyzer) Config() Config {
	c := a.cfg
	c.StopWords = slices.Clone(c.StopWords)
	return c
}

// Words returns the stems of text's kept tokens in text order; it is the
// convenience form of Session.Terms for tests, reports and one-off use.
func (a *Analyzer) Words(text string) []string {
	var sc scanner
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

// decide decides a normalised word (see normalised) as analyze does.
func (a *Analyzer) decide(word string) (kept, stem string, ok bool) {
	if a.isStop(word) {
		return "", "", false
	}
	if a.lang.elide != nil {
		if word = a.lang.elide(word); a.isStop(word) {
			return "", "", false
		}
	}
	if n := utf8.RuneCountInString(word); n < a.cfg.MinLength || n > a.cfg.MaxLength || !hasLetter(word) {
		return "", "", false
	}
	kept, stem = word, word
	if !a.cfg.NoStem {
		stem = a.lang.stem(word, true)
	}
	return kept, stem, stem != ""
}

// isStop reports whether word is a stop word of this analyzer.
func (a *Analyzer) isStop(word string) bool {
	_, ok := a.stop[word]
	return ok
}
