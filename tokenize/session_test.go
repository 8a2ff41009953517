package tokenize

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// stemsOf maps ids through d.
func stemsOf(d *Dictionary, ids []int32) []string {
	var out []string
	for _, id := range ids {
		out = append(out, d.Stem(id))
	}
	return out
}

func TestTermsMatchesWords(t *testing.T) {
	a := mustNew(t, Config{})
	d := NewDictionary()
	s := a.NewSession(d)
	texts := []string{
		"The Computers are running; the computer RAN.",
		"Computers, computers: running again!",
		"",
		"user's guide to don't and l'homme",
	}
	for _, text := range texts {
		got := stemsOf(d, s.Terms(text, nil))
		if want := a.Words(text); !slices.Equal(got, want) {
			t.Errorf("Terms(%q) = %q, Words = %q", text, got, want)
		}
	}
}

func TestTermsAppends(t *testing.T) {
	d := NewDictionary()
	s := mustNew(t, Config{}).NewSession(d)
	dst := s.Terms("space", nil)
	dst = s.Terms("shuttle space", dst)
	if want := []int32{0, 1, 0}; !slices.Equal(dst, want) {
		t.Fatalf("Terms = %v, want %v", dst, want)
	}
}

func TestSurfaceForms(t *testing.T) {
	d := NewDictionary("unseen")
	s := mustNew(t, Config{}).NewSession(d)
	s.Terms("computers Computers computer COMPUTER computer computing", nil)
	s.Terms("the Spaces of space, SPACE. Users' user's user", nil)
	got := SurfaceForms(d, s)
	want := map[string]string{"unseen": "unseen", "comput": "computer", "space": "space", "user": "user"}
	if len(got) != d.Len() {
		t.Fatalf("len = %d, want %d", len(got), d.Len())
	}
	for id, form := range got {
		if stem := d.Stem(int32(id)); want[stem] != form {
			t.Errorf("surface of %q = %q, want %q", stem, form, want[stem])
		}
	}
}

// TestSurfaceFormsTies checks the tie rules: equal counts give the shortest
// form, then the smallest string.
func TestSurfaceFormsTies(t *testing.T) {
	a := mustNew(t, Config{})
	tests := []struct {
		text, stem, want string
	}{
		{"connection connections connected", "connect", "connected"},     // all once: shortest is "connected" (9) vs "connection" (10)
		{"connects connected connected connects", "connect", "connects"}, // two each: same counts, "connects" is shorter
		{"runs runs running running", "run", "runs"},
	}
	for _, tt := range tests {
		d := NewDictionary()
		s := a.NewSession(d)
		s.Terms(tt.text, nil)
		id, ok := d.Lookup(tt.stem)
		if !ok {
			t.Fatalf("%q: no stem %q in %q", tt.text, tt.stem, d.Stems())
		}
		if got := SurfaceForms(d, s)[id]; got != tt.want {
			t.Errorf("%q: surface of %q = %q, want %q", tt.text, tt.stem, got, tt.want)
		}
	}
}

func TestSurfaceFormsSeveralSessionsDeterministic(t *testing.T) {
	a := mustNew(t, Config{})
	docs := []string{"computer computer", "computers computers", "computers", "space spaces", "spaces space"}
	var want []string
	for _, order := range [][]int{{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 0, 4, 1, 3}} {
		d := NewDictionary("comput", "space")
		sessions := []*Session{a.NewSession(d), a.NewSession(d)}
		for i, doc := range order {
			sessions[i%2].Terms(docs[doc], nil)
		}
		got := SurfaceForms(d, sessions...)
		if rev := SurfaceForms(d, sessions[1], sessions[0]); !slices.Equal(got, rev) {
			t.Fatalf("session order changes result: %q vs %q", got, rev)
		}
		if want == nil {
			want = got
			if !slices.Equal(want, []string{"computers", "space"}) {
				t.Fatalf("SurfaceForms = %q, want [computers space]", want)
			}
		} else if !slices.Equal(got, want) {
			t.Fatalf("order %v: SurfaceForms = %q, want %q", order, got, want)
		}
	}
}

func TestSurfaceFormsOtherDictionaryPanics(t *testing.T) {
	s := mustNew(t, Config{}).NewSession(NewDictionary())
	defer func() {
		if recover() == nil {
			t.Fatal("no panic")
		}
	}()
	SurfaceForms(NewDictionary(), s)
}

// TestLongText checks text far over the segmenter's chunk size, with
// multi-byte runes and one long run without spaces, loses no word.
func TestLongText(t *testing.T) {
	a := mustNew(t, opts(Options{NoStem: true}))
	var b strings.Builder
	var want []string
	for i := 0; b.Len() < 5*chunkSize; i++ {
		w := fmt.Sprintf("café%c", 'a'+i%26)
		fmt.Fprintf(&b, "%s, ", w)
		want = append(want, w)
		if i == 1000 {
			b.WriteString(strings.Repeat("x", chunkSize) + " ") // one junk run longer than a chunk
		}
	}
	d := NewDictionary()
	if got := stemsOf(d, a.NewSession(d).Terms(b.String(), nil)); !slices.Equal(got, want) {
		t.Fatalf("got %d words, want %d", len(got), len(want))
	}
}

func TestTermsAllocatesNothingWhenWarm(t *testing.T) {
	text := makeText(2000)
	s := mustNew(t, Config{}).NewSession(NewDictionary())
	dst := s.Terms(text, nil)
	if allocs := testing.AllocsPerRun(20, func() { dst = s.Terms(text, dst[:0]) }); allocs != 0 {
		t.Fatalf("%v allocations per warm Terms, want 0", allocs)
	}
}

// benchWords is a fixed English-like vocabulary for generated text.
var benchWords = strings.Fields(`the of and to in is that for it was on with as by be this are from
or an at which have not but they his we all one their has were been more would there can
computer computers space spaces shuttle launch orbit NASA program programs programming
windows file files driver drivers graphics image images card memory disk drive system
god jesus christ church believe faith bible religion people government gun guns law
car cars engine bike ride team game games season player players hockey baseball win
encryption key keys chip clipper security privacy public medical doctor patients disease
Israel Israeli Arab Armenian Turkish war killed president Clinton states American 1993 2.5
don't I'm it's user's they're Hello, WORLD! (the) "quoted" e-mail email@example.com`)

// makeText returns n words of generated English-like text with punctuation.
func makeText(n int) string {
	var b strings.Builder
	x := uint32(1)
	for i := 0; i < n; i++ {
		x = x*1664525 + 1013904223
		b.WriteString(benchWords[int(x>>8)%len(benchWords)])
		switch x >> 28 {
		case 0:
			b.WriteString(". ")
		case 1:
			b.WriteString(",\n")
		default:
			b.WriteByte(' ')
		}
	}
	return b.String()
}
