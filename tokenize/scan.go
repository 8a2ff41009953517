package tokenize

import (
	"unicode/utf8"

	"github.com/blevesearch/segment"
)

// chunkSize bounds the text handed to the segmenter at once, so that the
// token slices a session keeps stay small whatever the document's size.
const chunkSize = 64 << 10

// scanner splits text into Unicode word segments, reusing its buffers so
// that, once warm, segmenting allocates nothing.
type scanner struct {
	buf   []byte   // the text, repaired to valid UTF-8
	off   int      // start of the next chunk in buf
	toks  [][]byte // the current chunk's segments (into buf)
	types []int    // their segment types
}

// reset starts scanning text, replacing invalid UTF-8 bytes by U+FFFD:
// the segmenter silently stops at the first invalid byte.
func (sc *scanner) reset(text string) {
	sc.buf = appendValidUTF8(sc.buf[:0], text)
	sc.off = 0
}

// next segments the next chunk into sc.toks and sc.types; it returns false
// when the text is exhausted.
func (sc *scanner) next() bool {
	sc.toks, sc.types = sc.toks[:0], sc.types[:0]
	if sc.off >= len(sc.buf) {
		return false
	}
	end := chunkEnd(sc.buf, sc.off)
	chunk := sc.buf[sc.off:end]
	var n int
	sc.toks, sc.types, n, _ = segment.SegmentWordsDirect(chunk, sc.toks, sc.types)
	if n <= 0 {
		// The segmenter refused the text here; step over one rune rather than lose the rest.
		_, n = utf8.DecodeRune(chunk)
	}
	sc.off += n
	return true
}

// chunkEnd returns where the chunk starting at off ends: at most chunkSize
// bytes on, just after a space or newline followed by an ASCII byte (always
// a word boundary), or at the end of buf. Text with no such place in half a
// chunk (no word is that long) is cut at a rune boundary.
func chunkEnd(buf []byte, off int) int {
	if len(buf)-off <= chunkSize {
		return len(buf)
	}
	for i := off + chunkSize; i > off+chunkSize/2; i-- {
		if (buf[i-1] == ' ' || buf[i-1] == '\n') && buf[i] < utf8.RuneSelf {
			return i
		}
	}
	end := off + chunkSize
	for !utf8.RuneStart(buf[end]) {
		end--
	}
	return end
}

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
