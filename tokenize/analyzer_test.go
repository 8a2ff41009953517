package tokenize

import (
	"slices"
	"strings"
	"testing"
)

func mustNew(t testing.TB, cfg Config) *Analyzer {
	t.Helper()
	a, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestWords(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		text string
		want []string
	}{
		{"segment and lower-case", opts(Options{NoStem: true}), "Hello, WORLD!", []string{"hello", "world"}},
		{"stop words dropped", opts(Options{NoStem: true}), "The cat and the hat are on a mat", []string{"cat", "hat", "mat"}},
		{"contractions are stop words", opts(Options{NoStem: true}), "I don't think it’s DON'T won’t", []string{"think"}},
		{"possessive removed", opts(Options{NoStem: true}), "the user's manual, users' rights", []string{"user", "manual", "users", "rights"}},
		{"numbers dropped, letters kept", opts(Options{NoStem: true}), "1993 3.14 1st mp3 ___ foo_bar _bold_ 42", []string{"1st", "mp3", "bold"}},
		{"min length", opts(Options{NoStem: true, NoStopWords: true, MinLength: 3}), "a an ant ante", []string{"ant", "ante"}},
		{"default min length 2", opts(Options{NoStem: true, NoStopWords: true}), "x xy xyz", []string{"xy", "xyz"}},
		{"max length", opts(Options{NoStem: true, MaxLength: 5}), "short longer élan éléphant", []string{"short", "élan"}},
		{"default max length 25", opts(Options{NoStem: true}), strings.Repeat("a", 25) + " " + strings.Repeat("b", 26), []string{strings.Repeat("a", 25)}},
		{"stemming", Config{}, "Computers running connected", []string{"comput", "run", "connect"}},
		{"no stem", opts(Options{NoStem: true}), "Computers running", []string{"computers", "running"}},
		{"extra stop words", opts(Options{StopWords: []string{"Subject", "wrote"}}), "Subject: he wrote computers", []string{"comput"}},
		{"no built-in stop words", opts(Options{NoStem: true, NoStopWords: true}), "the cat", []string{"the", "cat"}},
		{"no built-in but extra", opts(Options{NoStem: true, NoStopWords: true, StopWords: []string{"cat"}}), "the cat", []string{"the"}},
		{"stem of a stop word kept", Config{}, "cans wills", []string{"can", "will"}},
		{"NFKC and unicode lower-case", opts(Options{NoStem: true}), "ＦＵＬＬ ﬁle ÉCOLE Straße", []string{"full", "file", "école", "straße"}},
		{"invalid UTF-8 does not cut the text", opts(Options{NoStem: true}), "hello \xff\xfe world caf\xe9 space", []string{"hello", "world", "caf", "space"}},
		{"empty", Config{}, "", nil},
		{"punctuation only", Config{}, "--- ... !!! ??", nil},
		{"french elision", opts(Options{Language: "french", NoStem: true}), "L'homme qu'il aime", []string{"homme", "aime"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := mustNew(t, tt.cfg).Words(tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Words(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestLanguages checks that every language loads with its stop words and
// stems a known word (stems as the snowball algorithms define them).
func TestLanguages(t *testing.T) {
	tests := []struct {
		lang, stop, word, stem string
	}{
		{"english", "the", "connections", "connect"},
		{"french", "avec", "chevaux", "cheval"},
		{"hungarian", "hogy", "kutyák", "kutya"},
		{"norwegian", "ikke", "hundene", "hund"},
		{"russian", "только", "книги", "книг"},
		{"spanish", "porque", "nacionales", "nacional"},
		{"swedish", "också", "flickorna", "flick"},
	}
	if got, want := len(tests), len(Languages()); got != want {
		t.Fatalf("test covers %d languages, Languages() has %d", got, want)
	}
	for i, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			if Languages()[i] != tt.lang {
				t.Fatalf("Languages()[%d] = %q, want %q", i, Languages()[i], tt.lang)
			}
			a := mustNew(t, opts(Options{Language: tt.lang}))
			if n := len(strings.Fields(languages[tt.lang].stopWords)); n < 100 {
				t.Errorf("%d stop words, want at least 100", n)
			}
			if got := a.Words(tt.stop + " " + tt.word); !slices.Equal(got, []string{tt.stem}) {
				t.Errorf("Words(%q) = %q, want [%q]", tt.stop+" "+tt.word, got, tt.stem)
			}
		})
	}
}

func TestStopWordListsAreNormalised(t *testing.T) {
	for name, l := range languages {
		words := strings.Fields(l.stopWords)
		if got := normaliseWords(words); len(got) != len(words) {
			t.Errorf("%s: %d words, %d after normalising and removing duplicates", name, len(words), len(got))
		}
		for _, w := range words {
			if norm := normaliseWords([]string{w}); len(norm) != 1 || norm[0] != w {
				t.Errorf("%s: stop word %q is not in normal form %q", name, w, norm)
			}
		}
	}
}

func TestNewErrors(t *testing.T) {
	tests := []struct {
		name string
		cfg  Config
		want string
	}{
		{"unknown language", opts(Options{Language: "klingon"}), "known: english, french"},
		{"negative min", opts(Options{MinLength: -1}), "bad length"},
		{"max below min", opts(Options{MinLength: 5, MaxLength: 3}), "bad length"},
		{"unknown stem language", Config{Filters: Chain{Length{}, Stem{"klingon"}}}, `filter 2 (stem): unknown language "klingon"`},
		{"no elision rules", Config{Filters: Chain{Elision{"hungarian"}}}, "no elision rules"},
		{"no language", Config{Filters: Chain{Stem{}}}, `unknown language ""`},
		{"nil filter", Config{Filters: Chain{nil}}, "filter 1 is nil"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := New(tt.cfg)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("New(%+v) error = %v, want one containing %q", tt.cfg, err, tt.want)
			}
		})
	}
}

// opts returns the config of the default chain for o.
func opts(o Options) Config {
	return Config{Filters: DefaultChain(o)}
}
