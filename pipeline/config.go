// Package pipeline runs topicmill's stages in order — read, tokenize,
// vocabulary, TF-IDF, factorization, clustering, report — and owns the saved
// model that assigns new documents to the fitted topics. It is the only
// package that knows the order of the stages.
package pipeline

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/topicmill/topicmill/corpus"
	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/tfidf"
	"github.com/topicmill/topicmill/tokenize"
	"github.com/topicmill/topicmill/vocab"
)

// Version is topicmill's version, written into every output.
const Version = "0.1.0"

// Config is one run's settings. It is the one owner of the defaults: the
// zero value of every field but Source means that field's documented
// default, for a library call and the command line alike (the CLI's flags
// show Defaults()'s values). To keep every term, set Pruning to
// {MinDF: 1, MaxDF: 1}.
type Config struct {
	Source    string          // folder, .jsonl, .csv or .parquet file of documents
	Corpus    corpus.Options  // what to read and how to clean it
	Analyzer  tokenize.Config // how text becomes terms
	Pruning   vocab.Pruning   // which terms to keep; zero fields mean DefaultMinDF, DefaultMaxDF
	Weighting tfidf.Weighting // how counts become X's values
	NMF       factor.NMF      // the factorization (K defaults to DefaultK, Loss to DefaultLoss)
	Workers   int             // goroutines for every parallel stage; ≤ 0 means GOMAXPROCS

	// FitSample is how many documents, drawn with the seed, W is fitted on
	// before every document is assigned with W fixed (the assign path): 0
	// means all of them up to AutoSampleAbove documents and AutoSample
	// above; a negative value always fits on all.
	FitSample int

	TopTerms        int // terms shown per topic; 0 means DefaultTopTerms
	Representatives int // example documents per topic; 0 means DefaultRepresentatives

	// Seeds guide topics 0 … len(Seeds)-1: each is a list of seed words
	// (stemmed with the run's analyzer) towards which that topic's column
	// of W starts and stays pulled, with weight SeedStrength (0 means
	// DefaultSeedStrength; see seedAnchor). The other topics are free.
	Seeds        [][]string
	SeedStrength float64

	// TimeBins, when set, tabulates the topics over the documents' dates:
	// "month", "week" or a number N of equal-width periods over the date
	// range (topics_over_time.parquet and the report's chart).
	TimeBins string

	// Progress, when set, is told what each long stage is doing.
	Progress func(Event)
}

// The defaults of a topic run, used where a Config field is zero.
const (
	// DefaultK is the number of topics.
	DefaultK = 10
	// DefaultMinDF keeps terms found in at least two documents, which drops
	// typos and one-off tokens.
	DefaultMinDF = 2
	// DefaultMaxDF keeps terms found in at most half of the documents: words
	// that common do not tell topics apart.
	DefaultMaxDF = 0.5
	// DefaultTopTerms is the number of terms shown per topic.
	DefaultTopTerms = 10
	// DefaultRepresentatives is the number of example documents per topic.
	DefaultRepresentatives = 5
)

// DefaultStrip is the e-mail cleaning of a run when none is given:
// documents that start with a mail or news header lose it, but for the
// Subject, which stays as the first line of text, and lose the lead-in
// lines of quoted replies; other documents are read as they are. Header
// field names, addresses and host names are the loudest words of a mail
// corpus and say nothing of its topics: on 20news-bydate (k = 20)
// dropping the header raised NMI from 0.549 to 0.623 (see
// docs/quality.md). Quoted text and signatures are kept: they are text,
// and dropping them too lowered NMI to 0.512 and 0.535. Set Corpus.Strip
// to corpus.StripNone to read documents untouched.
const DefaultStrip = corpus.StripMail

// Fitting on a sample: a corpus of more than AutoSampleAbove documents is
// fitted on AutoSample of them by default, then assigned whole.
const (
	AutoSampleAbove = 250_000
	AutoSample      = 100_000
)

// DefaultWarmUp starts a topic run's KL fit from 15 iterations of
// accelerated HALS (Frobenius) instead of from NNDSVDa directly: on text
// the cheap Frobenius iterations land coordinate descent in a better basin,
// and it needs half the iterations. Measured (KL, tolerance 1e-4):
// 20news-bydate k = 20, divergence 514,944 -> 513,752, 41 -> 20 KL
// iterations, 9.3 -> 5.0 s with the warm-up, NMI 0.601 -> 0.638; sms-spam
// k = 2 NMI 0.253 -> 0.295, k = 10 0.123 -> 0.160; the demo corpus unchanged
// at 1.0 in 4 instead of 8 iterations. 10 warm-up iterations gave NMI
// 0.626, 20 and 30 gave 0.640 and 0.638 for more time. It is not factor's
// default: on a dense heavy-tailed table (planted gene expression, 4
// classes) Frobenius is a poor guide and the warm-up lowered accuracy from
// 0.733 to 0.667. A negative NMF.WarmUp turns it off.
const DefaultWarmUp = 15

// DefaultLoss is the factorization loss of a topic run when none is given.
// Generalized KL suits word counts better than squared error: on
// 20news-bydate (k = 20) it raised NMI from 0.533 to 0.557 (0.366 to 0.473
// with e-mail headers, quotes and signatures stripped) and ARI from 0.347
// to 0.426, at about twice the factorization time.
const DefaultLoss = factor.KullbackLeibler

// DefaultTolKL is the stopping tolerance of a topic run's KL fit when none
// is given: stop when two successive iterations each lower the divergence
// by less than this fraction, the number scikit-learn's NMF uses (as a
// bound on ten iterations' gain). factor.DefaultTolKL (3e-4) stops as soon
// as the divergence is below scikit-learn's final one; the topics keep
// improving after that: on 20news-bydate (k = 20) NMI 0.585 at 3e-4 (27
// iterations), 0.612 at 1e-4 (45), 0.623 at 3e-5 (65), 0.623 at 1e-5 (68);
// sms-spam (k = 2) 0.249, 0.254, 0.264. 1e-4 takes most of the gain for
// two thirds more iterations (see docs/quality.md).
const DefaultTolKL = 1e-4

// Event is a progress report from a long stage.
type Event struct {
	Stage   string        // "read", "factor" or "assign" (the documents outside a fitted sample)
	Done    int           // documents read, or iterations done
	Total   int           // what Done counts up to; 0 when not known ahead (documents)
	Message string        // a short human-readable status
	Elapsed time.Duration // since the stage began
}

// Defaults returns the configuration a run uses when nothing is set: what
// the command line shows as its flags' defaults.
func Defaults() Config { return Config{}.WithDefaults() }

// WithDefaults returns the config with every zero field replaced by its
// default.
func (c Config) WithDefaults() Config {
	if c.Pruning.MinDF == 0 {
		c.Pruning.MinDF = DefaultMinDF
	}
	if c.Pruning.MaxDF == 0 {
		c.Pruning.MaxDF = DefaultMaxDF
	}
	c.NMF = withSolverDefaults(c.NMF, c.Workers)
	if c.Corpus.Strip == 0 {
		c.Corpus.Strip = DefaultStrip
	}
	if c.Corpus.Workers == 0 {
		c.Corpus.Workers = c.Workers
	}
	if c.TopTerms == 0 {
		c.TopTerms = DefaultTopTerms
	}
	if c.Representatives == 0 {
		c.Representatives = DefaultRepresentatives
	}
	if c.SeedStrength == 0 {
		c.SeedStrength = DefaultSeedStrength
	}
	c.Weighting = c.Weighting.WithDefaults()
	return c
}

// withSolverDefaults fills a topic run's defaults into solver settings: k,
// the loss (KL, where a bare factor.NMF defaults to Frobenius), the KL
// tolerance and workers.
func withSolverDefaults(nmf factor.NMF, workers int) factor.NMF {
	if nmf.K == 0 {
		nmf.K = DefaultK
	}
	if nmf.Loss == "" {
		nmf.Loss = DefaultLoss
	}
	if nmf.WarmUp == 0 {
		nmf.WarmUp = DefaultWarmUp
	}
	if nmf.Tol == 0 && nmf.Loss == factor.KullbackLeibler {
		nmf.Tol = DefaultTolKL
	}
	if nmf.Workers == 0 {
		nmf.Workers = workers
	}
	return nmf
}

// Validate checks every setting before any work starts; its errors wrap
// ErrInvalid and name the setting.
func (c Config) Validate() error {
	c = c.WithDefaults()
	if err := c.validateVectorizing(); err != nil {
		return err
	}
	if err := c.validateGuides(); err != nil {
		return err
	}
	return validateSolver(c.NMF)
}

// validateGuides checks the seed words and the time bins.
func (c Config) validateGuides() error {
	if len(c.Seeds) > c.NMF.K {
		return invalid(fmt.Errorf("%d seed topics for k = %d: want at most k", len(c.Seeds), c.NMF.K))
	}
	for t, words := range c.Seeds {
		if len(words) == 0 {
			return invalid(fmt.Errorf("seed topic %d has no words", t))
		}
	}
	if !(c.SeedStrength > 0) || math.IsInf(c.SeedStrength, 1) {
		return invalid(fmt.Errorf("seed strength %v: want a finite number > 0", c.SeedStrength))
	}
	if _, err := parseTimeBins(c.TimeBins); err != nil {
		return invalid(err)
	}
	return nil
}

// validateVectorizing checks the settings of the text stages.
func (c Config) validateVectorizing() error {
	if c.Source == "" {
		return invalid(errors.New("no source given"))
	}
	if c.Workers < 0 {
		return invalid(fmt.Errorf("workers %d: want ≥ 0 (0: one per core)", c.Workers))
	}
	if c.TopTerms < 0 || c.Representatives < 0 {
		return invalid(fmt.Errorf("top terms %d, representatives %d: want ≥ 0", c.TopTerms, c.Representatives))
	}
	if c.Corpus.MaxBytes < 0 {
		return invalid(fmt.Errorf("max bytes %d: want > 0 (0: %d)", c.Corpus.MaxBytes, corpus.DefaultMaxBytes))
	}
	if err := c.Corpus.DateFrom.Validate(); err != nil {
		return invalid(err)
	}
	if _, err := tokenize.New(c.Analyzer); err != nil {
		return invalid(err)
	}
	for _, check := range []func() error{c.Pruning.Validate, c.Weighting.Validate} {
		if err := check(); err != nil {
			return invalid(err)
		}
	}
	return nil
}

// validateSolver checks solver settings: k and everything factor checks.
func validateSolver(nmf factor.NMF) error {
	if nmf.K < 1 {
		return invalid(fmt.Errorf("k must be at least 1, got %d", nmf.K))
	}
	if _, err := nmf.WithDefaults(); err != nil {
		return invalid(err)
	}
	return nil
}

// Parameters lists the settings as flag name → value, for the report and
// the Parquet metadata.
func (c Config) Parameters() map[string]string {
	c = c.WithDefaults()
	nmf, _ := c.NMF.WithDefaults() // an invalid loss stops the run before this is shown
	p := map[string]string{
		"source":    c.Source,
		"k":         fmt.Sprint(nmf.K),
		"loss":      string(nmf.Loss),
		"init":      string(nmf.Init),
		"seed":      fmt.Sprint(nmf.Seed),
		"max-iter":  fmt.Sprint(nmf.MaxIter),
		"tol":       fmt.Sprint(nmf.Tol),
		"language":  orDefault(c.Analyzer.Language(), "none"),
		"stem":      fmt.Sprint(c.Analyzer.Stems()),
		"min-df":    fmt.Sprint(c.Pruning.MinDF),
		"max-df":    fmt.Sprint(c.Pruning.MaxDF),
		"max-terms": fmt.Sprint(c.Pruning.MaxTerms),
		"tf":        string(c.Weighting.TF),
		"idf":       string(c.Weighting.IDF),
		"norm":      string(c.Weighting.Norm),
		"strip":     orDefault(c.Corpus.Strip.String(), "none"),
	}
	// Settings that are off by default are listed only when on, so a run
	// without them keeps the parameters it always had.
	if len(c.Seeds) > 0 {
		lines := make([]string, len(c.Seeds))
		for t, words := range c.Seeds {
			lines[t] = strings.Join(words, ",")
		}
		p["seed-words"] = strings.Join(lines, "; ")
		p["seed-strength"] = fmt.Sprint(c.SeedStrength)
	}
	if c.TimeBins != "" {
		p["time-bins"] = c.TimeBins
	}
	if c.Corpus.DateFrom != "" {
		p["date-from"] = string(c.Corpus.DateFrom)
	}
	if c.FitSample != 0 {
		p["fit-sample"] = fmt.Sprint(c.FitSample)
	}
	return p
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

// sample returns the sorted indexes of the documents of a corpus of n to
// fit on, drawn with the seed, or nil to fit on all of them.
func (c Config) sample(n int) []int {
	size := c.FitSample
	if size == 0 && n > AutoSampleAbove {
		size = AutoSample
	}
	if size <= 0 || size >= n {
		return nil
	}
	rng := rand.New(rand.NewPCG(c.NMF.Seed, 0x5a3c9e1d))
	picked := rng.Perm(n)[:size]
	slices.Sort(picked)
	return picked
}
