package tokenize

import (
	"slices"
	"testing"
)

func TestDebrisFilters(t *testing.T) {
	tests := []struct {
		name   string
		filter Filter
		keep   []string
		drop   []string
	}{
		{"host", Host{},
			[]string{"space", "e.g", "u.s", "ph.d", "u.s.a", "config.sys", "win.ini", "st.louis", "v1.0", "sci.space"},
			[]string{"andrew.cmu.edu", "optilink.com", "bnr.ca", "netcom.com", "intacc.uucp", "1993apr15.204311.1234", "comp.sys.mac", "solntze.wpd.sgi.com"}},
		{"digits", Digits{MaxRun: 4},
			[]string{"1990s", "486dx", "mp3", "x11r5", "y2k", "word"},
			[]string{"08452810075over18", "80486dx2", "tel01234"}},
		{"underscore", Underscore{},
			[]string{"plain", "_bold_", "__init__"},
			[]string{"xt_window", "foo__bar", "___"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, s, err := tt.filter.compile()
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.keep {
				if _, ok := s.apply(w); !ok {
					t.Errorf("%s dropped %q", tt.name, w)
				}
			}
			for _, w := range tt.drop {
				if got, ok := s.apply(w); ok {
					t.Errorf("%s kept %q as %q", tt.name, w, got)
				}
			}
		})
	}
}

func TestUnderscoreTrims(t *testing.T) {
	_, s, _ := Underscore{}.compile()
	for in, want := range map[string]string{"_bold_": "bold", "__init__": "init", "plain": "plain"} {
		if got, ok := s.apply(in); !ok || got != want {
			t.Errorf("underscore(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}

func TestDigitsNeedsARun(t *testing.T) {
	if _, _, err := (Digits{}).compile(); err == nil {
		t.Error("Digits{MaxRun: 0} compiled; want an error")
	}
}

// TestDefaultChainDropsMailDebris runs the default analyzer on the debris a
// news post leaves in its body: only the words are left.
func TestDefaultChainDropsMailDebris(t *testing.T) {
	text := "In article <1993Apr15.204311.1234@andrew.cmu.edu> gordon@pitt.edu writes: call 08452810075 or see _bold_ xt_window ____ www.optilink.com"
	got := mustNew(t, opts(Options{NoStem: true})).Words(text)
	want := []string{"article", "gordon", "writes", "call", "see", "bold"}
	if !slices.Equal(got, want) {
		t.Errorf("Words = %q, want %q", got, want)
	}
}
