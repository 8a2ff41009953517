package tokenize

import (
	"fmt"
	"sort"
	"strings"

	"github.com/kljensen/snowball/english"
	"github.com/kljensen/snowball/french"
	"github.com/kljensen/snowball/hungarian"
	"github.com/kljensen/snowball/norwegian"
	"github.com/kljensen/snowball/russian"
	"github.com/kljensen/snowball/spanish"
	"github.com/kljensen/snowball/swedish"
)

// language is what the analyzer needs to know about one snowball language.
type language struct {
	stem      func(word string, stemStopWords bool) string
	stopWords string                   // our list, space-separated, lower-case
	elide     func(word string) string // removes a clitic attached by an apostrophe; nil: none
}

// languages holds every language github.com/kljensen/snowball stems.
var languages = map[string]language{
	"english":   {stem: english.Stem, stopWords: englishStopWords, elide: elideEnglish},
	"french":    {stem: french.Stem, stopWords: frenchStopWords, elide: elideFrench},
	"hungarian": {stem: hungarian.Stem, stopWords: hungarianStopWords},
	"norwegian": {stem: norwegian.Stem, stopWords: norwegianStopWords},
	"russian":   {stem: russian.Stem, stopWords: russianStopWords},
	"spanish":   {stem: spanish.Stem, stopWords: spanishStopWords},
	"swedish":   {stem: swedish.Stem, stopWords: swedishStopWords},
}

// Languages returns the language names the filters and Options accept, sorted.
func Languages() []string {
	names := make([]string, 0, len(languages))
	for name := range languages {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// canonicalLanguage returns a language name as the languages map spells it.
func canonicalLanguage(name string) string {
	return strings.ToLower(strings.TrimSpace(name))
}

// lookupLanguage returns the language of a canonical name, or an error
// naming the known languages.
func lookupLanguage(name string) (language, error) {
	l, ok := languages[name]
	if !ok {
		return language{}, fmt.Errorf("unknown language %q (known: %s)", name, strings.Join(Languages(), ", "))
	}
	return l, nil
}

// elideEnglish removes a possessive "'s", so "user's" counts as "user".
func elideEnglish(word string) string {
	return strings.TrimSuffix(word, "'s")
}

// frenchElisions are the words French writes elided before a vowel ("l'homme", "qu'il").
var frenchElisions = map[string]bool{
	"c": true, "d": true, "j": true, "l": true, "m": true, "n": true, "s": true, "t": true,
	"qu": true, "jusqu": true, "lorsqu": true, "puisqu": true, "quoiqu": true,
}

// elideFrench removes an elided article or pronoun, so "l'homme" counts as "homme".
func elideFrench(word string) string {
	if i := strings.IndexByte(word, '\''); i > 0 && frenchElisions[word[:i]] {
		return word[i+1:]
	}
	return word
}
