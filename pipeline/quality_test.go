package pipeline

import (
	"context"
	"os"
	"strings"
	"testing"
	"unicode"

	"github.com/topicmill/topicmill/corpus"
	"github.com/topicmill/topicmill/factor"
)

// twentyNews is 20news-bydate in the corpora folder beside the checkout
// (../shared/corpora from the repository root).
const twentyNews = "../../shared/corpora/20news-bydate"

// headerWords are mail and news header field names that reach the top
// words when headers are read as text.
var headerWords = map[string]bool{
	"nntp": true, "posting": true, "organization": true, "distribution": true,
	"newsgroups": true, "lines": true, "subject": true, "sender": true, "path": true,
}

// TestTwentyNewsDefaults runs the defaults on 20news-bydate (k = 20): every
// topic's top 10 words are words (no addresses, host names, header field
// names, numbers or underscores), representative documents start with
// their text rather than header lines, and NMI stays at the level
// docs/quality.md reports. It needs the corpus: skipped without it, failed
// without it under CI=true.
func TestTwentyNewsDefaults(t *testing.T) {
	if testing.Short() {
		t.Skip("a whole 20news-bydate run; -short skips it")
	}
	if _, err := os.Stat(twentyNews); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("20news-bydate is needed under CI: %v", err)
		}
		t.Skipf("no corpus: %v", err)
	}
	res, err := Run(context.Background(), Config{
		Source: twentyNews,
		Corpus: corpus.Options{Exclude: []string{"SOURCE.txt"}},
		NMF:    factor.NMF{K: 20},
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, topic := range res.Report.Topics {
		for _, term := range topic.Terms {
			if w := term.Term; !isPlainWord(w) || headerWords[w] {
				t.Errorf("topic %d: top word %q is not a word", topic.ID, w)
			}
		}
		for _, rep := range topic.Representatives {
			if name, _, ok := strings.Cut(rep.Snippet, ":"); ok && headerWords[strings.ToLower(name)] || strings.HasPrefix(rep.Snippet, "From:") {
				t.Errorf("topic %d: representative %s starts with a header: %.60q", topic.ID, rep.ID, rep.Snippet)
			}
		}
	}
	if nmi := res.Report.Scores.NMI; nmi < 0.6 {
		t.Errorf("NMI %.3f, want ≥ 0.6", nmi)
	}
}

// isPlainWord reports whether w is made of letters, digits and apostrophes
// with at least one letter: no '@', '.', '_' or digits only.
func isPlainWord(w string) bool {
	letter := false
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letter = true
		case unicode.IsDigit(r) || r == '\'':
		default:
			return false
		}
	}
	return letter
}
