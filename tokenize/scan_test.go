package tokenize

import (
	"slices"
	"testing"

	"github.com/blevesearch/segment"
)

// scanWords returns the scanner's word segments of text that hold a letter.
func scanWords(text string) []string {
	var sc scanner
	var out []string
	sc.reset(text)
	for tok, ok := sc.next(); ok; tok, ok = sc.next() {
		if hasLetter(string(tok)) {
			out = append(out, string(tok))
		}
	}
	return out
}

// referenceWords segments text in one call to blevesearch/segment: the
// word segments (letters, kana, ideographs) that hold a letter.
func referenceWords(text string) []string {
	buf := appendValidUTF8(nil, text)
	toks, types, _, _ := segment.SegmentWordsDirect(buf, nil, nil)
	var out []string
	for i, tok := range toks {
		if (types[i] == segment.Letter || types[i] == segment.Kana || types[i] == segment.Ideo) && hasLetter(string(tok)) {
			out = append(out, string(tok))
		}
	}
	return out
}

func TestScannerMatchesSegment(t *testing.T) {
	tests := []string{
		"Hello, WORLD!", "don't user's 'quoted' users'", "a.b.c U.S.A. e-mail x11 1st 3.14 1,000.5 a:b a::b",
		"foo_bar _x x_ 1_a a_1 __ 12ab ab12 a1.b2 1.a a.1 1,a a,1 a;b 1;2",
		"tab\there\r\nnew\vline\fform", "café naïve 日本語 カタカナ русский a\u0301b x \u0301abc",
		"end.", "end:", ".start", "a'", "'a", "x.'y", "a.'b", "hello\x00world \x7fdel",
	}
	for _, text := range tests {
		if got, want := scanWords(text), referenceWords(text); !slices.Equal(got, want) {
			t.Errorf("%q: scanner %q, segment %q", text, got, want)
		}
	}
}

// FuzzScannerMatchesSegment checks the ASCII fast path and the piece
// splitting against blevesearch/segment on the whole text.
func FuzzScannerMatchesSegment(f *testing.F) {
	for _, seed := range []string{"a.b 1,2 x_y don't", "café 1st a:b", "a\u0301b \u0301c", makeText(40)} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		if got, want := scanWords(text), referenceWords(text); !slices.Equal(got, want) {
			t.Fatalf("scanner %q, segment %q", got, want)
		}
	})
}
