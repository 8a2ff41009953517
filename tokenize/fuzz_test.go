package tokenize

import (
	"slices"
	"testing"
)

// FuzzTerms checks that tokenizing never panics, every id is in the
// dictionary, and the cached Terms path agrees with the uncached Words path,
// also when the session has seen the text before.
func FuzzTerms(f *testing.F) {
	for _, seed := range []string{
		"", "Hello, WORLD!", "don't user's l'homme it’s", "1993 3.14 ___ foo_bar",
		"caf\xe9 \xff\xfe hello", "ＦＵＬＬ ﬁle Straße ÉCOLE", "日本語 カタカナ русский язык",
		"e\u0301te\u0301 \u0301abc", "a.b.c U.S.A. e-mail x11 1st",
		makeText(50),
	} {
		f.Add(seed)
	}
	a, err := New(Config{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d := NewDictionary()
		s := a.NewSession(d)
		first := s.Terms(text, nil)
		second := s.Terms(text, nil)
		for _, id := range first {
			if id < 0 || int(id) >= d.Len() {
				t.Fatalf("id %d out of range [0, %d)", id, d.Len())
			}
		}
		words := a.Words(text)
		if got := stemsOf(d, first); !slices.Equal(got, words) {
			t.Fatalf("Terms = %q, Words = %q", got, words)
		}
		if !slices.Equal(first, second) {
			t.Fatalf("second Terms = %v, first %v", second, first)
		}
		if forms := SurfaceForms(d, s); len(forms) != d.Len() {
			t.Fatalf("%d surface forms for %d stems", len(forms), d.Len())
		}
	})
}
