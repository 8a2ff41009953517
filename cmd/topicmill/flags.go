package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/topicmill/topicmill/corpus"
	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/pipeline"
	"github.com/topicmill/topicmill/tfidf"
	"github.com/topicmill/topicmill/tokenize"
	"github.com/topicmill/topicmill/vocab"
)

// The flags are declared here once and shared by the sub-commands; their
// defaults are pipeline.Defaults(), the one owner of defaults.

// readFlags choose which documents are read and how they are cleaned.
func readFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringSliceFlag{Name: "include", Usage: "read only files whose name matches one of these globs (default: text-like files)"},
		&cli.StringSliceFlag{Name: "exclude", Usage: "skip files whose name matches one of these globs (e.g. SOURCE.txt)"},
		&cli.Int64Flag{Name: "max-bytes", Value: corpus.DefaultMaxBytes, Usage: "largest document, in bytes; longer ones are truncated", Action: positive[int64]("max-bytes")},
		&cli.BoolFlag{Name: "skip-oversize", Usage: "skip documents over --max-bytes instead of truncating them"},
		&cli.StringFlag{Name: "strip", Value: pipeline.Defaults().Corpus.Strip.String(), Usage: "e-mail cleaning: mail (drop a mail or news header, keep its subject), any of headers,quotes,signatures (or all), or none"},
		&cli.BoolFlag{Name: "keep-subject", Usage: "with --strip headers, keep the Subject line as text"},
		&cli.StringFlag{Name: "text-field", Value: "text", Usage: "JSONL/CSV/Parquet: the field holding the text"},
		&cli.StringFlag{Name: "id-field", Value: "id", Usage: "JSONL/CSV/Parquet: the field holding the document id"},
		&cli.StringFlag{Name: "label-field", Value: "label", Usage: "JSONL/CSV/Parquet: the field holding the label"},
		&cli.StringFlag{Name: "date-field", Value: "date", Usage: "JSONL/CSV/Parquet: the field holding the date"},
		&cli.StringFlag{Name: "date-from", Usage: "folders: date each file by a date in its `path` (2024-03-05, 2024/03, 20240305) or its mtime"},
		workersFlag(),
	}
}

// workersFlag is --workers, the goroutines of every parallel stage.
func workersFlag() cli.Flag {
	return &cli.IntFlag{Name: "workers", Usage: "goroutines to use (0: one per core)"}
}

// vectorFlags choose how text becomes the TF-IDF matrix.
func vectorFlags() []cli.Flag {
	d := pipeline.Defaults()
	return []cli.Flag{
		&cli.StringFlag{Name: "language", Value: "english", Usage: "stemming and stop-word language: " + fmt.Sprint(tokenize.Languages())},
		&cli.StringFlag{Name: "stopwords", Usage: "a file of extra stop words, one per line"},
		&cli.BoolFlag{Name: "no-stop-words", Usage: "keep stop words"},
		&cli.BoolFlag{Name: "no-stem", Usage: "do not stem"},
		&cli.IntFlag{Name: "min-length", Value: 2, Usage: "shortest token kept, in characters"},
		&cli.IntFlag{Name: "max-length", Value: 25, Usage: "longest token kept, in characters"},
		&cli.Float64Flag{Name: "min-df", Value: d.Pruning.MinDF, Usage: "keep terms in at least this many documents (a fraction if below 1)"},
		&cli.Float64Flag{Name: "max-df", Value: d.Pruning.MaxDF, Usage: "keep terms in at most this fraction of documents"},
		&cli.IntFlag{Name: "max-terms", Usage: "keep only the most frequent terms (0: all)"},
		&cli.StringFlag{Name: "tf", Value: string(d.Weighting.TF), Usage: "term frequency: raw, sublinear or binary"},
		&cli.StringFlag{Name: "idf", Value: string(d.Weighting.IDF), Usage: "inverse document frequency: smooth or none"},
		&cli.StringFlag{Name: "norm", Value: string(d.Weighting.Norm), Usage: "document normalisation: l2, l1 or none"},
	}
}

// factorFlags choose the factorization; defaultLoss differs between a topic
// run (KL, for word counts, started after a Frobenius warm-up) and a bare
// matrix (Frobenius).
func factorFlags(defaultLoss factor.Loss) []cli.Flag {
	warmUp := 0
	if defaultLoss == pipeline.DefaultLoss {
		warmUp = pipeline.DefaultWarmUp
	}
	return []cli.Flag{
		&cli.IntFlag{Name: "warm-up", Value: warmUp, Usage: "KL fits: Frobenius iterations run from the initialisation first (-1: none)"},
		&cli.IntFlag{Name: "k", Value: pipeline.DefaultK, Usage: "number of topics", Action: positive[int]("k")},
		&cli.StringFlag{Name: "loss", Value: string(defaultLoss), Usage: "frobenius or kullback-leibler"},
		&cli.StringFlag{Name: "init", Value: string(factor.NNDSVDA), Usage: "nndsvda, nndsvd, nndsvdar or random"},
		&cli.Uint64Flag{Name: "seed", Usage: "random seed"},
		&cli.IntFlag{Name: "max-iter", Usage: "most iterations (0: the solver's default)"},
		&cli.Float64Flag{Name: "tol", Usage: "stop when the objective's relative decrease falls below this (0: default)"},
		&cli.Float64Flag{Name: "l1-w", Usage: "L1 penalty on W"},
		&cli.Float64Flag{Name: "l2-w", Usage: "L2 penalty on W"},
		&cli.Float64Flag{Name: "l1-h", Usage: "L1 penalty on H"},
		&cli.Float64Flag{Name: "l2-h", Usage: "L2 penalty on H"},
	}
}

// sampleFlag is --fit-sample, for run.
func sampleFlag() cli.Flag {
	return &cli.IntFlag{Name: "fit-sample", Usage: fmt.Sprintf("fit W on `N` documents drawn with the seed, then assign all with W fixed (0: all up to %d documents, %d above; -1: all)", pipeline.AutoSampleAbove, pipeline.AutoSample)}
}

// positive is the check of a flag whose zero would only mean "the
// default" to the library: given on the command line, it must be ≥ 1.
func positive[T int | int64](name string) func(*cli.Context, T) error {
	return func(_ *cli.Context, v T) error {
		if v < 1 {
			return usageError{fmt.Sprintf("--%s must be at least 1, got %d", name, v)}
		}
		return nil
	}
}

// corpusOptions reads the reading flags; problems with documents are
// reported through out.
func corpusOptions(c *cli.Context, out *output) (corpus.Options, error) {
	strip, err := corpus.ParseStrip(c.String("strip"))
	if err != nil {
		return corpus.Options{}, usageError{err.Error()}
	}
	return corpus.Options{
		Include:      c.StringSlice("include"),
		Exclude:      c.StringSlice("exclude"),
		MaxBytes:     c.Int64("max-bytes"),
		SkipOversize: c.Bool("skip-oversize"),
		Strip:        strip,
		KeepSubject:  c.Bool("keep-subject"),
		TextField:    c.String("text-field"),
		IDField:      c.String("id-field"),
		LabelField:   c.String("label-field"),
		DateField:    c.String("date-field"),
		DateFrom:     corpus.DateSource(c.String("date-from")),
		OnProblem:    out.problem,
	}, nil
}

// oneCorpus returns the single positional argument, the corpus.
func oneCorpus(c *cli.Context) (string, error) {
	if c.NArg() != 1 {
		return "", usageError{fmt.Sprintf("%s needs one corpus (a folder, .jsonl, .csv or .parquet file), got %d arguments", c.Command.Name, c.NArg())}
	}
	return c.Args().First(), nil
}

// vectorConfig reads the reading and vectorizing flags into a config.
func vectorConfig(c *cli.Context, out *output) (pipeline.Config, error) {
	source, err := oneCorpus(c)
	if err != nil {
		return pipeline.Config{}, err
	}
	opts, err := corpusOptions(c, out)
	if err != nil {
		return pipeline.Config{}, err
	}
	words := tokenize.Options{
		Language:    c.String("language"),
		NoStopWords: c.Bool("no-stop-words"),
		NoStem:      c.Bool("no-stem"),
		MinLength:   c.Int("min-length"),
		MaxLength:   c.Int("max-length"),
	}
	if path := c.String("stopwords"); path != "" {
		if words.StopWords, err = tokenize.ReadStopWords(path); err != nil {
			return pipeline.Config{}, usageError{err.Error()}
		}
	}
	an := tokenize.Config{Filters: tokenize.DefaultChain(words)}
	return pipeline.Config{
		Source:   source,
		Corpus:   opts,
		Analyzer: an,
		Pruning:  vocab.Pruning{MinDF: c.Float64("min-df"), MaxDF: c.Float64("max-df"), MaxTerms: c.Int("max-terms")},
		Weighting: tfidf.Weighting{
			TF:   tfidf.TF(c.String("tf")),
			IDF:  tfidf.IDF(c.String("idf")),
			Norm: tfidf.Norm(c.String("norm")),
		},
		Workers: c.Int("workers"),
	}, nil
}

// nmfSettings reads the factorization flags; pipeline validates them.
func nmfSettings(c *cli.Context) factor.NMF {
	return factor.NMF{
		K:       c.Int("k"),
		Loss:    factor.Loss(c.String("loss")),
		Init:    factor.Init(c.String("init")),
		Seed:    c.Uint64("seed"),
		MaxIter: c.Int("max-iter"),
		Tol:     c.Float64("tol"),
		WarmUp:  c.Int("warm-up"),
		L1W:     c.Float64("l1-w"),
		L2W:     c.Float64("l2-w"),
		L1H:     c.Float64("l1-h"),
		L2H:     c.Float64("l2-h"),
		Workers: c.Int("workers"),
	}
}
