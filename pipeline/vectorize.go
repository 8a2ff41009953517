package pipeline

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/topicmill/topicmill/corpus"
	"github.com/topicmill/topicmill/sparse"
	"github.com/topicmill/topicmill/tfidf"
	"github.com/topicmill/topicmill/tokenize"
	"github.com/topicmill/topicmill/vocab"
)

// DocInfo is what a run keeps of a document once its terms are counted:
// never its whole text, so that a run scales to millions of documents.
type DocInfo struct {
	ID, Path, Label string
	Date            time.Time
	Tokens          int    // kept tokens before vocabulary pruning
	Snippet         string // the first snippetRunes runes, whitespace collapsed
}

// snippetRunes is how much of each document is kept for the report.
const snippetRunes = 240

// Vectorized is the corpus as a matrix: X is terms × documents.
type Vectorized struct {
	Docs    []DocInfo         // column j of X is Docs[j]
	Vocab   *vocab.Vocabulary // row i of X is Vocab.Terms[i]
	Weights *tfidf.Model      // how X was weighted
	X       *sparse.CSR       // terms × documents TF-IDF matrix
	Account corpus.Stats      // what was read and skipped
	Timings []Timing          // wall time of each stage so far
	Config  tokenize.Config   // the analyzer's settings, defaults filled in
	Pruning vocab.Pruning     // the pruning that was applied
}

// Timing is the wall time of one stage.
type Timing struct {
	Stage    string
	Duration time.Duration
}

// batchSize is how many documents go to a tokenizing worker at a time:
// large enough to amortise the channel, small enough to balance the load.
const batchSize = 64

// batch is a run of consecutive documents; first is the index of the first.
type batch struct {
	first    int
	texts    []string
	bags     []vocab.Bag
	count    []int
	snippets []string
}

// Vectorize reads the source, tokenizes every document on all workers and
// builds the vocabulary and the TF-IDF matrix. The output does not depend on
// the number of workers: documents keep their reading order and term ids are
// given in sorted order once all documents are counted.
func Vectorize(ctx context.Context, cfg Config) (*Vectorized, error) {
	cfg = cfg.withDefaults()
	analyzer, err := tokenize.New(cfg.Analyzer)
	if err != nil {
		return nil, err
	}
	if err := cfg.Pruning.Validate(); err != nil {
		return nil, err
	}
	if err := cfg.Weighting.Validate(); err != nil {
		return nil, err
	}
	start := time.Now()
	dict := tokenize.NewDictionary()
	workers := cfg.workers()
	sessions := make([]*tokenize.Session, workers)
	for w := range sessions {
		sessions[w] = analyzer.NewSession(dict)
	}

	var (
		docs     []DocInfo
		bags     []vocab.Bag
		tokens   []int
		snippets []string
		jobs     = make(chan *batch, 2*workers)
		done     = make(chan *batch, 2*workers)
		wg       sync.WaitGroup
		merge    sync.WaitGroup
	)
	for _, s := range sessions {
		wg.Add(1)
		go func(s *tokenize.Session) {
			defer wg.Done()
			var ids []int32
			var counter vocab.Counter
			for b := range jobs {
				b.bags = make([]vocab.Bag, len(b.texts))
				b.count = make([]int, len(b.texts))
				b.snippets = make([]string, len(b.texts))
				for i, text := range b.texts {
					ids = s.Terms(text, ids[:0])
					b.bags[i] = counter.Unsorted(ids) // sorted once, by final id, in remapAll
					b.count[i] = len(ids)
					b.snippets[i] = snippet(text)
				}
				b.texts = nil
				done <- b
			}
		}(s)
	}
	merge.Add(1)
	go func() {
		defer merge.Done()
		for b := range done {
			for len(bags) < b.first+len(b.bags) {
				bags = append(bags, vocab.Bag{})
				tokens = append(tokens, 0)
				snippets = append(snippets, "")
			}
			copy(bags[b.first:], b.bags)
			copy(tokens[b.first:], b.count)
			copy(snippets[b.first:], b.snippets)
		}
	}()

	pending := &batch{}
	send := func() {
		next := &batch{first: pending.first + len(pending.texts)}
		if len(pending.texts) > 0 {
			jobs <- pending
		}
		pending = next
	}
	readStart := time.Now()
	account, readErr := corpus.Read(ctx, cfg.Source, cfg.Corpus, func(d corpus.Document) error {
		docs = append(docs, DocInfo{ID: d.ID, Path: d.Path, Label: d.Label, Date: d.Date})
		n := len(docs)
		pending.texts = append(pending.texts, d.Text)
		if len(pending.texts) == batchSize {
			send()
		}
		if cfg.Progress != nil && n%1000 == 0 {
			cfg.Progress(Event{Stage: "read", Done: n, Message: fmt.Sprintf("%d documents", n), Elapsed: time.Since(readStart)})
		}
		return nil
	})
	send()
	close(jobs)
	wg.Wait()
	close(done)
	merge.Wait()
	if readErr != nil {
		return nil, readErr
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	for i := range docs {
		docs[i].Tokens, docs[i].Snippet = tokens[i], snippets[i]
	}
	tokenized := time.Since(start)

	buildStart := time.Now()
	// Surface forms are gathered on another core while the vocabulary is built.
	surfaces := make(chan []string, 1)
	go func() { surfaces <- tokenize.SurfaceForms(dict, sessions...) }()
	v, remap, err := vocab.Build(dict.Stems(), nil, bags, cfg.Pruning)
	surface := <-surfaces
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %w", cfg.Source, err, corpus.ErrInput)
	}
	v.SetSurfaces(surface, remap)
	remapAll(bags, remap, workers)
	weights, err := tfidf.Fit(cfg.Weighting, v)
	if err != nil {
		return nil, err
	}
	x := weights.Matrix(bags)
	if x.NNZ() == 0 {
		return nil, fmt.Errorf("%s: no document has a term left after tokenizing and pruning: %w", cfg.Source, corpus.ErrInput)
	}
	return &Vectorized{
		Docs:    docs,
		Vocab:   v,
		Weights: weights,
		X:       x,
		Account: account,
		Config:  analyzer.Config(),
		Pruning: cfg.Pruning,
		Timings: []Timing{
			{"read and tokenize", tokenized},
			{"vocabulary and TF-IDF", time.Since(buildStart)},
		},
	}, nil
}

// remapAll remaps every bag to final term ids, in place, on workers
// goroutines over fixed contiguous parts (each bag is remapped alone, so
// the split does not change the result).
func remapAll(bags []vocab.Bag, remap []int32, workers int) {
	var wg sync.WaitGroup
	for w := range workers {
		lo, hi := len(bags)*w/workers, len(bags)*(w+1)/workers
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := vocab.Remapper{Remap: remap}
			for i := lo; i < hi; i++ {
				bags[i] = r.Bag(bags[i])
			}
		}()
	}
	wg.Wait()
}

// snippet returns the start of text, at most snippetRunes runes with runs
// of white space collapsed to one space, and "…" when it was cut. ASCII
// bytes are handled without decoding, and the builder is sized for an
// ASCII snippet so that most take one allocation.
func snippet(text string) string {
	var b strings.Builder
	b.Grow(min(len(text), snippetRunes+len("…")))
	n, space := 0, false
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if r < utf8.RuneSelf && asciiSpace[r] || r >= utf8.RuneSelf && unicode.IsSpace(r) {
			space = b.Len() > 0
			i += size
			continue
		}
		if space {
			n++
			space = false
			if n < snippetRunes {
				b.WriteByte(' ')
			}
		}
		if n >= snippetRunes {
			b.WriteString("…")
			break
		}
		if size == 1 && r < utf8.RuneSelf {
			b.WriteByte(byte(r))
		} else {
			b.WriteRune(r)
		}
		n++
		i += size
	}
	return b.String()
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports as space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}
