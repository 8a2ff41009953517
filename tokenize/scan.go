package tokenize

import (
	"unicode/utf8"

	"github.com/blevesearch/segment"
)

// chunkSize bounds the text handed to the segmenter at once, so that the
// token slices a session keeps stay small whatever the document's size.
const chunkSize = 64 << 10

// scanner splits text into Unicode (UAX #29) word segments, reusing its
// buffers so that, once warm, it allocates nothing. ASCII whitespace is
// always a word boundary, so the text is cut into pieces at it: a piece of
// pure ASCII goes through asciiWord, which applies the UAX #29 rules that
// concern ASCII and is several times faster; any other piece goes through
// blevesearch/segment (in chunks of at most chunkSize bytes, cut at a rune
// boundary: only a run that long without a space can be cut). scan_test.go
// checks the two paths agree with segmenting the whole text at once.
type scanner struct {
	buf      []byte   // the text, repaired to valid UTF-8
	off      int      // next byte to look at
	asciiEnd int      // end of the ASCII piece being scanned (<= off: none)
	toks     [][]byte // segments of the last non-ASCII piece (into buf)
	types    []int    // their segment types
	k        int      // next of toks
	cjk      bool     // pair CJK characters into bigrams (see CJKBigram)
	run      []byte   // the rest of the CJK run being paired (into buf)
}

// reset starts scanning text, replacing invalid UTF-8 bytes by U+FFFD:
// the segmenter silently stops at the first invalid byte.
func (sc *scanner) reset(text string) {
	sc.buf = appendValidUTF8(sc.buf[:0], text)
	sc.off, sc.asciiEnd = 0, 0
	sc.toks, sc.types, sc.k = sc.toks[:0], sc.types[:0], 0
	sc.run = nil
}

// next returns the next segment that can hold a word (letters, kana or
// ideographs; not spaces, punctuation or numbers), or with sc.cjk the next
// bigram of a run of CJK characters, or false at the end.
func (sc *scanner) next() ([]byte, bool) {
	for {
		if sc.off < sc.asciiEnd {
			if tok, ok := sc.asciiWord(); ok {
				return tok, true
			}
			continue
		}
		if len(sc.run) > 0 {
			return sc.nextGram(), true
		}
		for sc.k < len(sc.toks) {
			tok, typ := sc.toks[sc.k], sc.types[sc.k]
			sc.k++
			if typ == segment.Letter || typ == segment.Kana || typ == segment.Ideo {
				if sc.cjk && cjkWord(tok) {
					sc.run = sc.cjkRun(tok)
					return sc.nextGram(), true
				}
				return tok, true
			}
		}
		if !sc.nextPiece() {
			return nil, false
		}
	}
}

// nextPiece moves to the next whitespace-delimited piece: an ASCII one is
// left to asciiWord, any other is segmented into toks. It returns false at
// the end of the text.
func (sc *scanner) nextPiece() bool {
	for sc.off < len(sc.buf) && class[sc.buf[sc.off]] == space {
		sc.off++
	}
	if sc.off == len(sc.buf) {
		return false
	}
	end, ascii := sc.off, true
	for end < len(sc.buf) && class[sc.buf[end]] != space {
		ascii = ascii && sc.buf[end] < utf8.RuneSelf
		end++
	}
	if ascii {
		sc.asciiEnd = end
		return true
	}
	if end-sc.off > chunkSize {
		end = sc.off + chunkSize
		for !utf8.RuneStart(sc.buf[end]) {
			end--
		}
	}
	var n int
	sc.toks, sc.types, n, _ = segment.SegmentWordsDirect(sc.buf[sc.off:end], sc.toks[:0], sc.types[:0])
	sc.k = 0
	if n <= 0 {
		// The segmenter refused the text here; step over one rune rather than lose the rest.
		_, n = utf8.DecodeRune(sc.buf[sc.off:end])
	}
	sc.off += n
	return true
}

// asciiWord scans the ASCII piece from sc.off for the next segment holding a
// letter, applying UAX #29 rules WB5-WB13b as they concern ASCII: letters,
// digits and '_' join; ':' joins letters; '.' and '\” join letters or
// digits; ',' and ';' join digits. It returns false at the piece's end.
func (sc *scanner) asciiWord() ([]byte, bool) {
	b, i, end := sc.buf, sc.off, sc.asciiEnd
	for i < end {
		c := class[b[i]]
		if c != letter && c != digit && c != extend {
			i++
			continue
		}
		start, prev, sawLetter := i, c, c == letter
		for i++; i < end; i++ {
			c = class[b[i]]
			if c != letter && c != digit && c != extend {
				if i+1 == end || !joins(prev, c, class[b[i+1]]) {
					break
				}
				i++
				c = prev
			}
			prev = c
			sawLetter = sawLetter || c == letter
		}
		if sawLetter {
			sc.off = i
			return b[start:i], true
		}
	}
	sc.off = end
	return nil, false
}

// joins reports whether the middle character mid keeps the characters of
// classes prev and next in one word (WB6, WB7, WB11, WB12).
func joins(prev, mid, next uint8) bool {
	if prev != next {
		return false
	}
	switch prev {
	case letter:
		return mid == midLetter || mid == midNumLet
	case digit:
		return mid == midNum || mid == midNumLet
	}
	return false
}

// Word-break classes of ASCII bytes (UAX #29, Unicode 8.0 as
// blevesearch/segment implements it); bytes >= 0x80 are other.
const (
	other     = iota
	space     // piece separator: always a boundary
	letter    // ALetter
	digit     // Numeric
	extend    // ExtendNumLet: '_'
	midLetter // ':'
	midNumLet // '.', '\'' (MidNumLet, Single_Quote)
	midNum    // ',', ';'
)

// class maps a byte to its word-break class.
var class = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = letter, letter
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = digit
	}
	for _, c := range " \t\n\r\v\f" {
		t[c] = space
	}
	t['_'], t[':'], t['.'], t['\''], t[','], t[';'] = extend, midLetter, midNumLet, midNumLet, midNum, midNum
	return t
}()

// appendValidUTF8 appends s to dst with every invalid byte replaced by U+FFFD.
func appendValidUTF8(dst []byte, s string) []byte {
	if utf8.ValidString(s) {
		return append(dst, s...)
	}
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 {
			dst = utf8.AppendRune(dst, utf8.RuneError)
		} else {
			dst = append(dst, s[i:i+n]...)
		}
		i += n
	}
	return dst
}
