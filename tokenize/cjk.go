package tokenize

import (
	"unicode"
	"unicode/utf8"
)

// CJKBigram indexes each run of CJK characters (Han ideographs, hiragana,
// katakana, hangul) as overlapping bigrams, as Lucene's CJK bigram filter
// does: "東京都" gives "東京" and "京都", and a lone character stays a
// unigram. Word segmentation cuts such text into single characters (or
// unspaced katakana and hangul words) that say little alone; bigrams are
// the usual index terms for text without spaces. It pairs neighbouring
// characters of the token stream, so it must come before the word filters,
// which then see each bigram as a word (the Length filter does not measure
// words of CJK characters). A run is cut where the text holds a space or
// punctuation, and at the rare 64 KiB chunk boundary of a run without spaces.
type CJKBigram struct{}

// Name returns "cjk_bigram".
func (CJKBigram) Name() string { return "cjk_bigram" }

func (f CJKBigram) compile() (Filter, step, error) {
	return f, step{cjkBigrams: true}, nil
}

// kanaMarks are the kana sound and prolonged-sound marks, which Unicode
// gives no CJK script but which belong to kana words.
var kanaMarks = &unicode.RangeTable{R16: []unicode.Range16{
	{Lo: 0x3099, Hi: 0x309C, Stride: 1},
	{Lo: 0x30FC, Hi: 0x30FC, Stride: 1},
	{Lo: 0xFF70, Hi: 0xFF70, Stride: 1},
	{Lo: 0xFF9E, Hi: 0xFF9F, Stride: 1},
}}

// cjkWord reports whether w is non-empty and made only of CJK characters.
func cjkWord(w []byte) bool {
	// Every CJK character is at or above U+1100, so its UTF-8 form starts
	// with a byte of at least 0xE1: ASCII, Latin, Greek and Cyrillic words
	// are refused at their first byte.
	if len(w) == 0 || w[0] < 0xE1 {
		return false
	}
	for len(w) > 0 {
		r, n := utf8.DecodeRune(w)
		if !unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul, kanaMarks) {
			return false
		}
		w = w[n:]
	}
	return true
}

// cjkRun returns the run of CJK characters that starts with the segment
// tok, just taken from sc.toks: tok and the CJK segments that follow it
// without a gap (segments are slices of one buffer, so a segment starts
// where the previous ends exactly when its capacity is the rest of the
// previous one's), which it takes from sc.toks too.
func (sc *scanner) cjkRun(tok []byte) []byte {
	run := tok
	for sc.k < len(sc.toks) {
		next := sc.toks[sc.k]
		if cap(next) != cap(run)-len(run) || !cjkWord(next) {
			break
		}
		run = run[:len(run)+len(next)]
		sc.k++
	}
	return run
}

// nextGram returns the next bigram of the CJK run sc.run (its character
// when the run is one character long) and moves the run on by one character.
func (sc *scanner) nextGram() []byte {
	_, n1 := utf8.DecodeRune(sc.run)
	if n1 == len(sc.run) {
		tok := sc.run
		sc.run = nil
		return tok
	}
	_, n2 := utf8.DecodeRune(sc.run[n1:])
	tok := sc.run[:n1+n2]
	if sc.run = sc.run[n1:]; len(sc.run) == n2 {
		sc.run = nil
	}
	return tok
}
