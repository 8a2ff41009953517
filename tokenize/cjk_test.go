package tokenize

import (
	"slices"
	"strings"
	"testing"
)

func TestCJKBigrams(t *testing.T) {
	tests := []struct {
		name, text string
		want       []string
	}{
		{"chinese", "自然语言处理很有趣。我们学习。",
			[]string{"自然", "然语", "语言", "言处", "处理", "理很", "很有", "有趣", "我们", "们学", "学习"}},
		{"japanese: kanji and hiragana together", "東京都に住む",
			[]string{"東京", "京都", "都に", "に住", "住む"}},
		{"katakana word", "テキスト、データー", []string{"テキ", "キス", "スト", "デー", "ータ", "ター"}},
		{"half-width katakana is widened", "ｶﾀｶﾅ", []string{"カタ", "タカ", "カナ"}},
		{"hangul", "한국어 문장", []string{"한국", "국어", "문장"}},
		{"lone characters stay unigrams", "猫 と 犬。", []string{"猫", "と", "犬"}},
		{"two characters are one bigram", "日本", []string{"日本"}},
		{"runs stop at latin letters and spaces", "abc日本語def 中文",
			[]string{"abc", "日本", "本語", "def", "中文"}},
		{"mixed with english", "The Tokyo office (東京事務所) opens", []string{"tokyo", "offic", "東京", "京事", "事務", "務所", "open"}},
	}
	a := mustNew(t, Config{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := a.Words(tt.text); !slices.Equal(got, tt.want) {
				t.Errorf("Words(%q) = %q, want %q", tt.text, got, tt.want)
			}
			d := NewDictionary()
			if got := stemsOf(d, a.NewSession(d).Terms(tt.text, nil)); !slices.Equal(got, tt.want) {
				t.Errorf("Terms(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestCJKBigramsOff checks the chain without the filter: CJK characters are
// words as the segmenter cuts them (single ideographs, whole kana words),
// no longer dropped for being short.
func TestCJKBigramsOff(t *testing.T) {
	chain := DefaultChain(Options{})[1:]
	got := mustNew(t, Config{Filters: chain}).Words("東京都に住む テキスト")
	if want := []string{"東", "京", "都", "に", "住", "む", "テキスト"}; !slices.Equal(got, want) {
		t.Fatalf("Words = %q, want %q", got, want)
	}
}

// TestCJKBigramsLeaveOtherTextAlone checks that text without CJK
// characters gives the same terms with and without the filter.
func TestCJKBigramsLeaveOtherTextAlone(t *testing.T) {
	text := makeText(5000) + " Ｆｕｌｌ ﬁle École Straße русский язык Ελληνικά user's l'homme"
	with := mustNew(t, Config{}).Words(text)
	without := mustNew(t, Config{Filters: DefaultChain(Options{})[1:]}).Words(text)
	if !slices.Equal(with, without) || len(with) < 1000 {
		t.Fatalf("%d terms with the CJK filter, %d without", len(with), len(without))
	}
}

func TestCJKBigramMustComeFirst(t *testing.T) {
	_, err := New(Config{Filters: Chain{Letter{}, CJKBigram{}}})
	if err == nil || !strings.Contains(err.Error(), "filter 2 (cjk_bigram)") || !strings.Contains(err.Error(), "must come before") {
		t.Fatalf("New error = %v, want one saying cjk_bigram must come first", err)
	}
}
