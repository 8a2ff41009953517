package tokenize

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// appendLower appends tok lower-cased to dst, with apostrophe look-alikes
// turned into "'"; text that is not ASCII is NFKC-normalised first so that
// ligatures, full-width letters and composed accents compare equal.
func appendLower(dst, tok []byte) []byte {
	if isASCII(tok) {
		for _, c := range tok {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
		}
		return dst
	}
	for rest := norm.NFKC.Bytes(tok); len(rest) > 0; {
		r, n := utf8.DecodeRune(rest)
		rest = rest[n:]
		switch r {
		case '\u2018', '\u2019', '\u201B', '\u02BC':
			r = '\''
		}
		dst = utf8.AppendRune(dst, unicode.ToLower(r))
	}
	return dst
}

// normalised appends tok lower-cased (see appendLower) to dst and returns
// the result without apostrophes at either end: the word a segment counts as
// before the language's elision.
func normalised(dst, tok []byte) []byte {
	return trimApostrophes(appendLower(dst, tok))
}

// isASCII reports whether b holds only ASCII bytes.
func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hasLetter reports whether s holds at least one letter, so numbers and
// runs of underscores are not words.
func hasLetter(s string) bool {
	for _, r := range s {
		if r < utf8.RuneSelf {
			if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' {
				return true
			}
			continue
		}
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// normaliseWords lower-cases and normalises words as the analyzer does,
// dropping blanks and duplicates, and returns them sorted (nil for none).
func normaliseWords(words []string) []string {
	seen := make(map[string]bool, len(words))
	var out []string
	var buf []byte
	for _, w := range words {
		buf = normalised(buf[:0], []byte(strings.TrimSpace(w)))
		s := string(buf)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// trimApostrophes removes apostrophes at either end of a word ("'tis", "users'").
func trimApostrophes(b []byte) []byte {
	for len(b) > 0 && b[0] == '\'' {
		b = b[1:]
	}
	for len(b) > 0 && b[len(b)-1] == '\'' {
		b = b[:len(b)-1]
	}
	return b
}
