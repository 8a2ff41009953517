package corpus

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// RepairUTF8 returns s as valid UTF-8 and whether it had to change it: text
// whose every non-ASCII byte is invalid UTF-8 and defined in Windows-1252
// (the usual Latin-1 / CP1252 mail) is decoded as Windows-1252; otherwise,
// for UTF-8 with stray bytes, each invalid byte becomes U+FFFD.
func RepairUTF8(s string) (string, bool) {
	if utf8.ValidString(s) {
		return s, false
	}
	if isCP1252(s) {
		var b strings.Builder
		b.Grow(len(s) + len(s)/4)
		for i := 0; i < len(s); i++ {
			if c := s[i]; c < utf8.RuneSelf {
				b.WriteByte(c)
			} else {
				b.WriteRune(charmap.Windows1252.DecodeByte(c))
			}
		}
		return b.String(), true
	}
	return replaceInvalid(s), true
}

// replaceInvalid returns s with each byte that is not part of valid UTF-8
// replaced by U+FFFD.
func replaceInvalid(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// validName returns a file name or path as valid UTF-8 for display and
// STRING columns (a Unix name is any bytes): each invalid byte becomes
// U+FFFD, not guessed as Windows-1252 as text is, so that names that differ
// only there collide visibly (and get told apart as duplicate ids).
func validName(s string) (string, bool) {
	if utf8.ValidString(s) {
		return s, false
	}
	return replaceInvalid(s), true
}

// isCP1252 reports whether s reads as Windows-1252 rather than damaged UTF-8:
// no valid multi-byte UTF-8 sequence and no byte that Windows-1252 leaves undefined.
func isCP1252(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		switch c {
		case 0x81, 0x8D, 0x8F, 0x90, 0x9D:
			return false
		}
		if r, size := utf8.DecodeRuneInString(s[i:]); r != utf8.RuneError || size > 1 {
			return false
		}
		i++
	}
	return true
}

// cutAtRune returns at most max bytes of s, backing off so that a UTF-8
// sequence is not split.
func cutAtRune[T string | []byte](s T, max int) T {
	if len(s) <= max {
		return s
	}
	cut := max
	for back := 0; back < utf8.UTFMax && cut > 0 && !utf8.RuneStart(s[cut]); back++ {
		cut--
	}
	if !utf8.RuneStart(s[cut]) {
		cut = max // not UTF-8 here anyway: cut at the limit
	}
	return s[:cut]
}
