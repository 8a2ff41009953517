package corpus

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/text/encoding/unicode"
)

// binaryProbe is how many leading bytes decide whether a file is binary.
const binaryProbe = 8 << 10

// binaryShare is the share of control bytes in the probe above which a file
// holding a NUL is binary: 1 in binaryShare. Text with a stray NUL stays far
// below it; compressed or random bytes are about 1 in 10 control bytes.
const binaryShare = 32

// textEncoding is how the bytes of a file that is text are decoded.
type textEncoding int

const (
	encUTF8    textEncoding = iota // UTF-8, or a legacy 8-bit encoding RepairUTF8 recognises
	encUTF16LE                     // UTF-16 little-endian with a byte-order mark
	encUTF16BE                     // UTF-16 big-endian with a byte-order mark
)

// sniff decides from a file's first bytes how to read it: UTF-16 when they
// start with its byte-order mark; binary (a non-empty reason) when they hold
// a NUL and more than 1 in binaryShare of them are control bytes (those
// below 0x20 but tab, newline, vertical tab, form feed, carriage return and
// escape; and 0x7F), the reason naming UTF-16 without a byte-order mark
// when NULs fill one byte of at least half the byte pairs and at most an
// eighth as many the other; else UTF-8 text (whose NULs decode drops).
func sniff(data []byte) (enc textEncoding, binary string) {
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return encUTF16LE, ""
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return encUTF16BE, ""
	}
	probe := data[:min(len(data), binaryProbe)]
	if bytes.IndexByte(probe, 0) < 0 {
		return encUTF8, ""
	}
	controls, nulEven, nulOdd := 0, 0, 0
	for i, c := range probe {
		switch {
		case c == 0 && i%2 == 0:
			nulEven++
		case c == 0:
			nulOdd++
		case c < 0x20 && (c < '\t' || c > '\r') && c != 0x1B, c == 0x7F:
		default:
			continue
		}
		controls++
	}
	if controls*binaryShare <= len(probe) {
		return encUTF8, ""
	}
	switch pairs := len(probe) / 2; {
	case nulOdd*2 >= pairs && nulEven*8 <= nulOdd:
		return encUTF8, "UTF-16LE text without a byte-order mark"
	case nulEven*2 >= pairs && nulOdd*8 <= nulEven:
		return encUTF8, "UTF-16BE text without a byte-order mark"
	}
	return encUTF8, fmt.Sprintf("%d of the first %d bytes are control bytes, NUL among them", controls, len(probe))
}

// decode returns at most the first keep bytes of a file's data as valid
// UTF-8 text in the encoding sniff chose, and what it repaired ("" for
// nothing): NUL bytes are dropped, invalid UTF-8 is repaired by RepairUTF8.
func decode(data []byte, keep int, enc textEncoding) (text, repair string) {
	if enc != encUTF8 {
		utf16, _ := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(data[:min(len(data), keep)&^1])
		data, keep = utf16, len(utf16) // the byte-order mark picks the order; bad pairs become U+FFFD
	}
	data = cutAtRune(data, keep)
	var repairs []string
	if n := bytes.Count(data, []byte{0}); n > 0 {
		data = bytes.ReplaceAll(data, []byte{0}, nil)
		repairs = append(repairs, fmt.Sprintf("dropped %d NUL byte%s", n, map[bool]string{true: "s"}[n > 1]))
	}
	text, repaired := RepairUTF8(string(data))
	if repaired {
		repairs = append(repairs, "invalid UTF-8")
	}
	return text, strings.Join(repairs, ", ")
}
