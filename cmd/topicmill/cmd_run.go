package main

import (
	"math"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/topicmill/topicmill/pipeline"
)

// runCommand is `topicmill run`: the whole pipeline, from a corpus to topics,
// assignments, a report and a saved model.
func runCommand() *cli.Command {
	flags := append(readFlags(), vectorFlags()...)
	flags = append(flags, factorFlags(pipeline.DefaultLoss)...)
	flags = append(flags, guideFlags()...)
	flags = append(flags, sampleFlag())
	flags = append(flags, outputFlags()...)
	flags = append(flags, &cli.StringFlag{Name: "out", Value: "topicmill-out", Usage: "`DIR` for the outputs"})
	return &cli.Command{
		Name:      "run",
		Usage:     "find the topics of a corpus, assign every document, write Parquet tables, an HTML report and a model",
		ArgsUsage: "CORPUS",
		Description: `Reads CORPUS (a folder of text files, labeled by the folder holding each
file, or a .jsonl, .csv or .parquet file), finds --k topics and writes
report.html, the Parquet tables and the model into --out.

Examples:
   topicmill run testdata/demo --k 6 --out out/demo
   topicmill run mail/ --k 20 --strip headers,quotes --out out/mail --json`,
		Flags:  flags,
		Action: runAction,
	}
}

// guideFlags are a run's seed words and time bins.
func guideFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "seed-words", Usage: "guide topics by a `FILE` of seed words: one topic per line, words separated by commas"},
		&cli.Float64Flag{Name: "seed-strength", Value: pipeline.DefaultSeedStrength, Usage: "how hard seeded topics are held to their seed words (1: as hard as the data pull an average topic)"},
		&cli.StringFlag{Name: "time-bins", Usage: "tabulate topics over the documents' dates by `month`, week or N equal periods (topics_over_time.parquet)"},
	}
}

func runAction(c *cli.Context) error {
	out := newOutput(c)
	cfg, err := vectorConfig(c, out)
	if err != nil {
		return err
	}
	cfg.NMF = nmfSettings(c)
	if path := c.String("seed-words"); path != "" {
		if cfg.Seeds, err = pipeline.ReadSeedWords(path); err != nil {
			return err
		}
	}
	cfg.SeedStrength = c.Float64("seed-strength")
	cfg.TimeBins = c.String("time-bins")
	cfg.FitSample = c.Int("fit-sample")
	if err := cfg.Validate(); err != nil {
		return err
	}
	dir := c.String("out")
	if err := pipeline.CheckOutputFolder(dir); err != nil {
		return err
	}
	cfg.Progress = out.progress()
	res, err := pipeline.Run(c.Context, cfg)
	out.done()
	if err != nil {
		return err
	}
	out.moreSkips()
	out.note("%s", res.Vectorized.Account.String())
	for _, w := range res.Warnings {
		out.note("topicmill: warning: %s", w)
	}
	for _, s := range res.Seeds {
		if len(s.Unknown) > 0 {
			out.note("seed topic %d: not in the vocabulary: %s", s.Topic, strings.Join(s.Unknown, ", "))
		}
	}
	if err := res.Write(dir); err != nil {
		return err
	}
	if err := res.Summary(out.textWriter()); err != nil {
		return err
	}
	out.text("report: %s", filepath.Join(dir, pipeline.ReportFile))
	return out.summary(runSummary("run", dir, res))
}

// runSummary is the --json view of a run (or of a reduced one).
func runSummary(command, dir string, res *pipeline.Result) map[string]any {
	r := res.Report
	timings := map[string]float64{}
	for _, t := range r.Timings {
		timings[t.Stage] = t.Duration.Seconds()
	}
	topics := make([]map[string]any, len(r.Topics))
	for i, t := range r.Topics {
		terms := make([]string, len(t.Terms))
		for j, term := range t.Terms {
			terms[j] = term.Term
		}
		topics[i] = map[string]any{"topic": t.ID, "documents": t.Size, "terms": terms, "coherence": number(t.Coherence)}
	}
	s := map[string]any{
		"command":         command,
		"out":             dir,
		"report":          filepath.Join(dir, pipeline.ReportFile),
		"documents":       r.Documents,
		"terms":           r.Terms,
		"nonzeros":        r.NonZeros,
		"unassigned":      r.Unassigned,
		"read":            res.Vectorized.Account.Read,
		"corpus_nonzeros": corpusNonZeros(res),
		"skipped":         res.Vectorized.Account.SkippedTotal(),
		"loss":            r.Loss,
		"objective":       number(r.Objective),
		"iterations":      res.Fit.Iterations,
		"coherence":       number(r.Coherence),
		"diversity":       r.Diversity,
		"topics":          topics,
		"seconds":         timings,
		"warnings":        res.Warnings,
	}
	if sc := r.Scores; sc != nil {
		s["scores"] = map[string]float64{"nmi": sc.NMI, "ari": sc.ARI, "purity": sc.Purity, "accuracy": sc.Accuracy}
	}
	return s
}

// number is x for JSON, or null when it is not finite (a reduced run has
// no objective or coherence: no matrix to measure them on).
func number(x float64) any {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return nil
	}
	return x
}

// corpusNonZeros is the number of entries of the corpus's whole terms ×
// documents matrix (a reduced run has none).
func corpusNonZeros(res *pipeline.Result) int {
	if res.Vectorized == nil {
		return 0
	}
	return res.Vectorized.NonZeros
}
