package pipeline

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/topicmill/topicmill/corpus"
	"github.com/topicmill/topicmill/internal/parallel"
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
	Source  string            // where the documents were read from
	Docs    []DocInfo         // column j of X is Docs[j] (Docs[Columns[j]] when Columns is set)
	Vocab   *vocab.Vocabulary // row i of X is Vocab.Terms[i]
	Weights *tfidf.Model      // how X was weighted
	X       *sparse.CSR       // terms × documents TF-IDF matrix
	// Columns, when set, is the document of each column of X: a run fitted
	// on a sample (Config.FitSample) builds only those columns.
	Columns []int
	// NonZeros counts the entries of the whole terms × documents matrix,
	// built or not (X holds only the sample's when Columns is set).
	NonZeros int
	Account  corpus.Stats     // what was read and skipped
	Problems []corpus.Problem // every document skipped or changed on reading, in order
	Timings  []Timing         // wall time of each stage so far
	Config   tokenize.Config  // the analyzer's settings, defaults filled in
	Pruning  vocab.Pruning    // the pruning that was applied
	packed   *vocab.Packed    // every document's terms, kept while a sampled run assigns them
}

// Timing is the wall time of one stage.
type Timing struct {
	Stage    string
	Duration time.Duration
}

// Vectorize reads the source, tokenizes every document on all workers and
// builds the vocabulary and the TF-IDF matrix: the first step of a run, done
// once however many fits follow. The output does not depend on the number of
// workers: documents keep their reading order and term ids are given in
// sorted order once all documents are counted.
func Vectorize(ctx context.Context, cfg Config) (*Vectorized, error) {
	return vectorize(ctx, cfg, false)
}

// vectorize is Vectorize; with sampled, X holds only the columns of the
// documents cfg.sample picks (Columns lists them) and the bags of all are
// kept for assigning the others once W is fitted.
func vectorize(ctx context.Context, cfg Config, sampled bool) (*Vectorized, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.validateVectorizing(); err != nil {
		return nil, err
	}
	analyzer, err := tokenize.New(cfg.Analyzer)
	if err != nil {
		return nil, invalid(err)
	}
	start := time.Now()
	dict := tokenize.NewDictionary()
	workers := parallel.Workers(cfg.Workers)
	bg := newBagger(analyzer, dict, workers, 0, cfg.Progress)
	var (
		docs []DocInfo
		bags []vocab.Bag
	)
	problems := collectProblems(&cfg.Corpus)
	account, err := bg.bag(ctx, cfg.Source, cfg.Corpus, func(d []DocInfo, b []vocab.Bag) error {
		docs = append(docs, d...)
		bags = append(bags, b...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	tokenized := time.Since(start)

	buildStart := time.Now()
	// Surface forms are gathered on another core while the vocabulary is built.
	surfaces := make(chan []string, 1)
	go func() { surfaces <- tokenize.SurfaceForms(dict, bg.sessions...) }()
	v, remap, err := vocab.Build(dict.Stems(), nil, bags, cfg.Pruning)
	surface := <-surfaces
	if err != nil {
		return nil, fmt.Errorf("%s: %w: %w", cfg.Source, err, ErrNoTerms)
	}
	v.SetSurfaces(surface, remap)
	remapAll(bags, remap, workers)
	weights, err := tfidf.Fit(cfg.Weighting, v)
	if err != nil {
		return nil, invalid(err)
	}
	var columns []int
	if sampled {
		columns = cfg.sample(len(bags))
		dropSnippets(docs, columns)
	}
	x := weights.Matrix(pick(bags, columns), workers)
	if x.NNZ() == 0 {
		return nil, fmt.Errorf("%s: no document has a term left after tokenizing and pruning: %w", cfg.Source, ErrNoTerms)
	}
	nonzeros := 0
	for _, b := range bags {
		nonzeros += len(b.Terms)
	}
	vec := &Vectorized{
		Source:   cfg.Source,
		NonZeros: nonzeros,
		Columns:  columns,
		Docs:     docs,
		Vocab:    v,
		Weights:  weights,
		X:        x,
		Account:  account,
		Problems: *problems,
		Config:   analyzer.Config(),
		Pruning:  cfg.Pruning,
		Timings: []Timing{
			{"read and tokenize", tokenized},
			{"vocabulary and TF-IDF", time.Since(buildStart)},
		},
	}
	if columns != nil {
		vec.packed = pack(bags)
	}
	return vec, nil
}

// dropSnippets forgets the snippets of the documents outside the sample:
// only the sample's are shown in the report.
func dropSnippets(docs []DocInfo, sample []int) {
	if sample == nil {
		return
	}
	keep := make([]bool, len(docs))
	for _, j := range sample {
		keep[j] = true
	}
	for j := range docs {
		if !keep[j] {
			docs[j].Snippet = ""
		}
	}
}

// pack moves the bags into a compact store, releasing each as it goes, so
// that a run fitted on a sample keeps every document's terms in about 3
// bytes an entry instead of 8 (260 MB instead of 700 MB for a million
// generated documents).
func pack(bags []vocab.Bag) *vocab.Packed {
	p := &vocab.Packed{}
	for i := range bags {
		p.Append(bags[i])
		bags[i] = vocab.Bag{}
	}
	return p
}

// pick returns the bags at the given indexes, or all of them for nil.
func pick(bags []vocab.Bag, columns []int) []vocab.Bag {
	if columns == nil {
		return bags
	}
	out := make([]vocab.Bag, len(columns))
	for i, j := range columns {
		out[i] = bags[j]
	}
	return out
}

// columnLabels returns the label of each column of X.
func (v *Vectorized) columnLabels() []string {
	labels := make([]string, v.X.Cols)
	for c := range labels {
		labels[c] = v.Docs[v.column(c)].Label
	}
	return labels
}

// docColumns returns the column of X of each document, -1 for one outside
// a fitted sample; nil when X holds every document.
func (v *Vectorized) docColumns() []int {
	if v.Columns == nil {
		return nil
	}
	cols := make([]int, len(v.Docs))
	for j := range cols {
		cols[j] = -1
	}
	for c, j := range v.Columns {
		cols[j] = c
	}
	return cols
}

// column returns the document of column c of X.
func (v *Vectorized) column(c int) int {
	if v.Columns == nil {
		return c
	}
	return v.Columns[c]
}

// remapAll remaps every bag to final term ids, in place, on workers
// goroutines over fixed contiguous parts (each bag is remapped alone, so
// the split does not change the result).
func remapAll(bags []vocab.Bag, remap []int32, workers int) {
	parallel.Parts(len(bags), workers, func(_, lo, hi int) {
		r := vocab.Remapper{Remap: remap}
		for i := lo; i < hi; i++ {
			bags[i] = r.Bag(bags[i])
		}
	})
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
