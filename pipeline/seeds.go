package pipeline

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/tokenize"
)

// DefaultSeedStrength is the weight of the pull of a seeded topic towards
// its seed words, in units of ‖X‖²/k: the energy of an average topic, and so
// the curvature of the Frobenius loss in a unit-norm column of W whose topic
// explains that much. At 1 the penalty is as stiff as the loss around a
// typical topic: a seeded column settles about halfway between what the
// data alone would make of it and its seed words, so the seeds lead its top
// words while the data add the words that go with them. On the demo corpus
// (KL, k = 6, TestSeedWordsGuideTopics' seeds) 1 put all 8 words of two seed
// topics in their topics' top 10, where 0.3 put 2 and 0.1 one; at 3 the
// seeds lead their topics. The topics' accuracy against the subjects stayed
// 1 at each strength.
const DefaultSeedStrength = 1.0

// SeedTopic is what one line of seed words became: topic Topic is pulled
// towards the stems of Words that are in the vocabulary (Terms); Unknown are
// the words the analyzer dropped or the vocabulary does not hold.
type SeedTopic struct {
	Topic   int
	Words   []string // as given
	Terms   []string // the stems anchored, in the order given, each once
	Unknown []string // words with no term in the vocabulary
}

// ReadSeedWords reads a seed-word file: one topic per line, its words
// separated by commas; blank lines and lines starting with # are skipped.
func ReadSeedWords(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, invalid(fmt.Errorf("seed words: %w", err))
	}
	defer f.Close()
	var topics [][]string
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		var words []string
		for _, w := range strings.Split(text, ",") {
			if w = strings.TrimSpace(w); w != "" {
				words = append(words, w)
			}
		}
		if len(words) == 0 {
			return nil, invalid(fmt.Errorf("seed words %s:%d: no word on the line", path, line))
		}
		topics = append(topics, words)
	}
	if err := sc.Err(); err != nil {
		return nil, invalid(fmt.Errorf("seed words %s: %w", path, err))
	}
	return topics, nil
}

// seedAnchor turns cfg.Seeds into the anchor of topics 0 … len(Seeds)-1:
// each seed word is stemmed with the run's analyzer, and the topic's target
// is the unit vector with equal weights on its known stems; the strength is
// cfg.SeedStrength·‖X‖²/k. A seed line none of whose words is in the
// vocabulary is an ErrInvalid. With no seeds the anchor is the zero value.
func seedAnchor(cfg Config, vec *Vectorized, k int) (factor.Anchor, []SeedTopic, error) {
	if len(cfg.Seeds) == 0 {
		return factor.Anchor{}, nil, nil
	}
	an, err := tokenize.New(vec.Config)
	if err != nil {
		return factor.Anchor{}, nil, invalid(err)
	}
	m := vec.Vocab.Len()
	target := mat.NewDense(m, len(cfg.Seeds), nil)
	topics := make([]SeedTopic, len(cfg.Seeds))
	for t, words := range cfg.Seeds {
		st := SeedTopic{Topic: t, Words: words}
		var ids []int
		for _, w := range words {
			known := false
			for _, stem := range an.Words(w) {
				id, ok := vec.Vocab.ID(stem)
				if !ok {
					continue
				}
				known = true
				if target.At(int(id), t) == 0 {
					target.Set(int(id), t, 1)
					ids = append(ids, int(id))
					st.Terms = append(st.Terms, stem)
				}
			}
			if !known {
				st.Unknown = append(st.Unknown, w)
			}
		}
		if len(ids) == 0 {
			return factor.Anchor{}, nil, invalid(fmt.Errorf("seed topic %d (%s): none of its words is in the vocabulary", t, strings.Join(words, ", ")))
		}
		for _, id := range ids {
			target.Set(id, t, 1/math.Sqrt(float64(len(ids))))
		}
		topics[t] = st
	}
	norm2 := 0.0
	for _, x := range vec.X.Val {
		norm2 += x * x
	}
	columns := make([]int, len(cfg.Seeds))
	for t := range columns {
		columns[t] = t
	}
	return factor.Anchor{Columns: columns, Target: target, Strength: cfg.SeedStrength * norm2 / float64(k)}, topics, nil
}
