package tokenize

import (
	"fmt"
	"strings"
)

// Defaults used when a Config field is left at its zero value.
const (
	// DefaultLanguage is the snowball language used when Config.Language is empty.
	DefaultLanguage = "english"
	// DefaultMinLength drops one-letter tokens ("a", "x", initials), which carry no topic.
	DefaultMinLength = 2
	// DefaultMaxLength drops runs longer than any real word (uuencoded lines, URLs glued together, base64).
	DefaultMaxLength = 25
)

// Config is the analyzer's settings; it is JSON-serialisable because a saved
// model carries it. The zero value means the defaults.
//
// Stop words are matched on the lower-cased surface word (and again after an
// English possessive "'s" or a French elision "l'" is removed), never on the
// stem: content words such as "cans", "wills" or "owning" stem onto function
// words and must not be dropped with them.
type Config struct {
	// Language is a snowball language (see Languages); "" means "english".
	Language string `json:"language"`
	// StopWords are extra stop words (e.g. from --stopwords FILE), added to the language's list.
	StopWords []string `json:"stop_words,omitempty"`
	// NoStopWords turns off the language's built-in list; the extra StopWords still apply.
	NoStopWords bool `json:"no_stop_words,omitempty"`
	// MinLength is the shortest kept word in runes; 0 means DefaultMinLength.
	MinLength int `json:"min_length"`
	// MaxLength is the longest kept word in runes; 0 means DefaultMaxLength.
	MaxLength int `json:"max_length"`
	// NoStem keeps the normalised word instead of its snowball stem.
	NoStem bool `json:"no_stem,omitempty"`
}

// withDefaults returns cfg with zero fields replaced by the defaults, the
// language name lower-cased and the extra stop words normalised, sorted and
// deduplicated, or an error for settings that cannot work.
func (cfg Config) withDefaults() (Config, error) {
	out := cfg
	out.Language = strings.ToLower(strings.TrimSpace(cfg.Language))
	if out.Language == "" {
		out.Language = DefaultLanguage
	}
	if _, ok := languages[out.Language]; !ok {
		return Config{}, fmt.Errorf("tokenize: unknown language %q (known: %s)", cfg.Language, strings.Join(Languages(), ", "))
	}
	if out.MinLength == 0 {
		out.MinLength = DefaultMinLength
	}
	if out.MaxLength == 0 {
		out.MaxLength = DefaultMaxLength
	}
	if out.MinLength < 0 || out.MaxLength < 0 || out.MaxLength < out.MinLength {
		return Config{}, fmt.Errorf("tokenize: bad length limits: min %d, max %d", out.MinLength, out.MaxLength)
	}
	out.StopWords = normaliseWords(cfg.StopWords)
	return out, nil
}
