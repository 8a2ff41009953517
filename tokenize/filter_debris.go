package tokenize

import (
	"fmt"
	"strings"
)

// The filters of this file drop the debris of mail, news and web text that
// Unicode segmentation leaves as words: host names ("andrew.cmu.edu", the
// domain of an e-mail address, which the segmenter cuts at '@'), digit runs
// of phone numbers and message ids, and the underscores of emphasis and
// identifiers.

// Host drops host names and other dotted identifiers: a word of two or more
// dot-separated labels, each of two or more characters, that has three or
// more labels ("cs.cmu.edu", "1993apr15.204311.1234", "comp.sys.mac") or
// ends in a top-level domain ("netcom.com", "bnr.ca"). Abbreviations
// ("e.g", "u.s", "ph.d") and file names ("config.sys", "win.ini") are kept.
type Host struct{}

// Name returns "host".
func (Host) Name() string { return "host" }

func (f Host) compile() (Filter, step, error) {
	return f, step{apply: func(w string) (string, bool) { return w, !isHost(w) }}, nil
}

// genericDomains are the top-level domains, and the pseudo-domains of
// UUCP and BITNET mail, that end host names without a country code.
var genericDomains = map[string]bool{
	"com": true, "edu": true, "org": true, "net": true, "gov": true, "mil": true, "int": true,
	"arpa": true, "info": true, "biz": true, "uucp": true, "bitnet": true,
}

// isHost reports whether w is a host name or dotted identifier (see Host).
func isHost(w string) bool {
	if strings.IndexByte(w, '.') < 0 {
		return false
	}
	labels, last := 0, ""
	for label := range strings.SplitSeq(w, ".") {
		if len(label) < 2 {
			return false
		}
		labels, last = labels+1, label
	}
	return labels >= 3 || genericDomains[last] || len(last) == 2 && isASCIILetters(last)
}

// isASCIILetters reports whether s is made of ASCII letters only.
func isASCIILetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// DefaultMaxDigitRun is the longest run of digits the default chain's
// Digits filter keeps: years ("1990s") and model numbers ("486dx", "mp3")
// stay, phone numbers and message ids ("08452810075over18") go.
const DefaultMaxDigitRun = 4

// Digits drops words holding a run of more than MaxRun digits (words of
// digits only are Letter's). MaxRun must be at least 1.
type Digits struct {
	MaxRun int `json:"max_run"`
}

// Name returns "digits".
func (Digits) Name() string { return "digits" }

func (f Digits) compile() (Filter, step, error) {
	if f.MaxRun < 1 {
		return nil, step{}, fmt.Errorf("max_run %d: want ≥ 1", f.MaxRun)
	}
	return f, step{apply: func(w string) (string, bool) {
		run := 0
		for i := 0; i < len(w); i++ {
			if w[i] < '0' || w[i] > '9' {
				run = 0
			} else if run++; run > f.MaxRun {
				return w, false
			}
		}
		return w, true
	}}, nil
}

// Underscore removes the underscores around a word ("_really_" → "really",
// as plain-text mail marks emphasis) and drops a word that still holds one:
// program identifiers ("xt_window") and rules ("____") are not words.
type Underscore struct{}

// Name returns "underscore".
func (Underscore) Name() string { return "underscore" }

func (f Underscore) compile() (Filter, step, error) {
	return f, step{apply: func(w string) (string, bool) {
		w = strings.Trim(w, "_")
		return w, w != "" && strings.IndexByte(w, '_') < 0
	}}, nil
}
