// Package pipeline runs topicmill's stages in order — read, tokenize,
// vocabulary, TF-IDF, factorization, clustering, report — and owns the saved
// model that assigns new documents to the fitted topics. It is the only
// package that knows the order of the stages.
package pipeline

import (
	"fmt"
	"runtime"
	"time"

	"github.com/topicmill/topicmill/corpus"
	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/tfidf"
	"github.com/topicmill/topicmill/tokenize"
	"github.com/topicmill/topicmill/vocab"
)

// Version is topicmill's version, written into every output.
const Version = "0.1.0"

// Config is one run's settings; the zero value of every part but Source
// means that part's documented default.
type Config struct {
	Source    string          // folder, .jsonl, .csv or .parquet file of documents
	Corpus    corpus.Options  // what to read and how to clean it
	Analyzer  tokenize.Config // how text becomes terms
	Pruning   vocab.Pruning   // which terms to keep
	Weighting tfidf.Weighting // how counts become X's values
	NMF       factor.NMF      // the factorization (K defaults to DefaultK)
	Workers   int             // goroutines for tokenizing and factoring; ≤ 0 means GOMAXPROCS

	TopTerms        int // terms shown per topic; 0 means 10
	Representatives int // example documents per topic; 0 means 5

	// Progress, when set, is told what each long stage is doing.
	Progress func(Event)
}

// DefaultK is the number of topics when none is given.
const DefaultK = 10

// DefaultLoss is the factorization loss of a topic run when none is given.
// Generalized KL suits word counts better than squared error: on
// 20news-bydate (k = 20) it raised NMI from 0.533 to 0.557 (0.366 to 0.473
// with e-mail headers, quotes and signatures stripped) and ARI from 0.347
// to 0.426, at about twice the factorization time.
const DefaultLoss = factor.KullbackLeibler

// Event is a progress report from a long stage.
type Event struct {
	Stage   string        // "read" or "factor"
	Done    int           // documents read, or iterations done
	Message string        // a short human-readable status
	Elapsed time.Duration // since the stage began
}

// workers returns the number of goroutines to use.
func (c *Config) workers() int {
	if c.Workers > 0 {
		return c.Workers
	}
	return runtime.GOMAXPROCS(0)
}

// withDefaults returns the config with every zero default filled in.
func (c Config) withDefaults() Config {
	if c.NMF.K == 0 {
		c.NMF.K = DefaultK
	}
	if c.NMF.Loss == "" {
		c.NMF.Loss = DefaultLoss
	}
	if c.NMF.Workers == 0 {
		c.NMF.Workers = c.Workers
	}
	if c.TopTerms == 0 {
		c.TopTerms = 10
	}
	if c.Representatives == 0 {
		c.Representatives = 5
	}
	c.Weighting = c.Weighting.WithDefaults()
	return c
}

// Parameters lists the settings as flag name → value, for the report and
// the Parquet metadata.
func (c Config) Parameters() map[string]string {
	c = c.withDefaults()
	nmf, _ := c.NMF.WithDefaults() // an invalid loss stops the run before this is shown
	return map[string]string{
		"source":    c.Source,
		"k":         fmt.Sprint(nmf.K),
		"loss":      string(nmf.Loss),
		"init":      string(nmf.Init),
		"seed":      fmt.Sprint(nmf.Seed),
		"max-iter":  fmt.Sprint(nmf.MaxIter),
		"tol":       fmt.Sprint(nmf.Tol),
		"language":  orDefault(c.Analyzer.Language, "english"),
		"stem":      fmt.Sprint(!c.Analyzer.NoStem),
		"min-df":    fmt.Sprint(c.Pruning.MinDF),
		"max-df":    fmt.Sprint(c.Pruning.MaxDF),
		"max-terms": fmt.Sprint(c.Pruning.MaxTerms),
		"tf":        string(c.Weighting.TF),
		"idf":       string(c.Weighting.IDF),
		"norm":      string(c.Weighting.Norm),
		"strip":     orDefault(c.Corpus.Strip.String(), "none"),
	}
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
