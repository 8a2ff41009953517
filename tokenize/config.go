package tokenize

// Defaults of the chain DefaultChain builds.
const (
	// DefaultLanguage is the snowball language used when Options.Language is empty.
	DefaultLanguage = "english"
	// DefaultMinLength drops one-letter tokens ("a", "x", initials), which carry no topic.
	DefaultMinLength = 2
	// DefaultMaxLength drops runs longer than any real word (uuencoded lines, URLs glued together, base64).
	DefaultMaxLength = 25
)

// Config is the analyzer's settings; it is JSON-serialisable because a saved
// model carries it. The zero value means DefaultChain(Options{}).
//
// Text is segmented into words (Unicode word boundaries), each word is
// lower-cased (NFKC-normalised where it is not ASCII), and then Filters run
// in order, each keeping, changing or dropping the word.
type Config struct {
	// Filters is the chain of word filters, in order; empty means DefaultChain(Options{}).
	Filters Chain `json:"filters"`
}

// chain returns the filters c runs: its own, or the default chain.
func (c Config) chain() Chain {
	if len(c.Filters) == 0 {
		return DefaultChain(Options{})
	}
	return c.Filters
}

// Language returns the language of the first filter of c's chain that has
// one, or "" when none has (a chain without stop words or stemming).
func (c Config) Language() string {
	for _, f := range c.chain() {
		switch f := f.(type) {
		case Stop:
			if f.Language != "" {
				return f.Language
			}
		case Elision:
			return f.Language
		case Stem:
			return f.Language
		}
	}
	return ""
}

// Stems reports whether c's chain has a stem filter.
func (c Config) Stems() bool {
	for _, f := range c.chain() {
		if _, ok := f.(Stem); ok {
			return true
		}
	}
	return false
}

// Options are the analyzer choices of topicmill's command line; DefaultChain
// turns them into a chain of filters. The zero value is the default chain
// for English.
type Options struct {
	// Language is a snowball language (see Languages); "" means DefaultLanguage.
	Language string
	// StopWords are extra stop words (e.g. from --stopwords FILE), added to the language's list.
	StopWords []string
	// NoStopWords leaves out the language's built-in list; the extra StopWords still apply.
	NoStopWords bool
	// NoStem keeps the word instead of its snowball stem.
	NoStem bool
	// MinLength is the shortest kept word in runes; 0 means DefaultMinLength.
	MinLength int
	// MaxLength is the longest kept word in runes; 0 means DefaultMaxLength.
	MaxLength int
}

// DefaultChain returns the chain of filters o describes: CJK bigrams,
// then the language's elision (English and French), the debris filters
// (underscore, host, digits; see filter_debris.go), stop words, length,
// letter and stem filters, in that order. Stop words are matched after elision ("user's"
// is matched as "user") and never on the stem: content words such as
// "cans", "wills" or "owning" stem onto function words and must not be
// dropped with them. Errors in o (an unknown language, bad lengths) are
// reported by New.
func DefaultChain(o Options) Chain {
	lang := canonicalLanguage(o.Language)
	if lang == "" {
		lang = DefaultLanguage
	}
	c := Chain{CJKBigram{}}
	if languages[lang].elide != nil {
		c = append(c, Elision{Language: lang})
	}
	c = append(c, Underscore{}, Host{}, Digits{MaxRun: DefaultMaxDigitRun})
	stop := Stop{Language: lang, Words: o.StopWords}
	if o.NoStopWords {
		stop.Language = ""
	}
	if stop.Language != "" || len(stop.Words) > 0 {
		c = append(c, stop)
	}
	length := Length{Min: o.MinLength, Max: o.MaxLength}
	if length.Min == 0 {
		length.Min = DefaultMinLength
	}
	if length.Max == 0 {
		length.Max = DefaultMaxLength
	}
	c = append(c, length, Letter{})
	if !o.NoStem {
		c = append(c, Stem{Language: lang})
	}
	return c
}
