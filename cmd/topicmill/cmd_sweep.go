package main

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/pipeline"
)

// sweepCommand is `topicmill sweep`: fit a corpus (or a matrix) at several
// ks and recommend one.
func sweepCommand() *cli.Command {
	flags := append(readFlags(), vectorFlags()...)
	for _, f := range factorFlags(pipeline.DefaultLoss) {
		if f.Names()[0] != "k" {
			flags = append(flags, f)
		}
	}
	flags = append(flags,
		&cli.IntSliceFlag{Name: "k", Usage: "the ks to fit, comma-separated (e.g. 5,10,20,40)"},
		&cli.IntFlag{Name: "seeds", Usage: fmt.Sprintf("fits per k, each from another start (0: %d for a corpus, %d for a matrix)", pipeline.DefaultSweepSeeds, pipeline.DefaultConsensusRuns)},
		&cli.BoolFlag{Name: "matrix", Usage: "the argument is a matrix (.mtx, or a .csv of numbers) as factor takes, not a corpus; implied by .mtx"},
	)
	flags = append(flags, outputFlags()...)
	flags = append(flags, &cli.StringFlag{Name: "out", Value: "topicmill-sweep", Usage: "`DIR` for sweep.parquet and sweep.html"})
	return &cli.Command{
		Name:      "sweep",
		Usage:     "fit a corpus (or a matrix) at several ks, measure each and recommend one",
		ArgsUsage: "CORPUS | MATRIX",
		Description: `A corpus is vectorized once and fitted at every k; per k the sweep
measures the objective, the topics' NPMI coherence, their stability across
seeds (ARI), NMI against the labels, and recommends k by the one-standard-error
rule on coherence. A matrix gets, per k, the consensus of random restarts,
its cophenetic correlation (Brunet et al. 2004) and the restarts' agreement
(ARI); k is recommended before the agreement falls most.

Examples:
   topicmill sweep --k 5,10,20,40 ../shared/corpora/20news-bydate --exclude SOURCE.txt --out sweep
   topicmill sweep --k 2,3,4,5,6 --seeds 30 expression.csv --matrix --out sweep`,
		Flags:  flags,
		Action: sweepAction,
	}
}

func sweepAction(c *cli.Context) error {
	if c.NArg() != 1 {
		return usageError{fmt.Sprintf("sweep needs one corpus or matrix, got %d arguments", c.NArg())}
	}
	out := newOutput(c)
	dir := c.String("out")
	source := c.Args().First()
	ks := c.IntSlice("k")
	if len(ks) == 0 {
		return usageError{"sweep needs --k, the ks to fit (e.g. --k 5,10,20,40)"}
	}
	var (
		res *pipeline.SweepResult
		err error
	)
	if c.Bool("matrix") || strings.HasSuffix(strings.ToLower(source), ".mtx") {
		nmf := nmfSettings(c)
		if !c.IsSet("loss") {
			nmf.Loss = factor.Frobenius // as factor: a matrix need not hold counts
		}
		if err := pipeline.CheckOutputFolder(dir); err != nil {
			return err
		}
		res, err = pipeline.SweepMatrix(c.Context, pipeline.MatrixSweepOptions{Matrix: source, NMF: nmf, Ks: ks, Seeds: c.Int("seeds"), Progress: out.progress()})
		out.done()
	} else {
		cfg, cerr := vectorConfig(c, out)
		if cerr != nil {
			return cerr
		}
		cfg.NMF = nmfSettings(c)
		cfg.NMF.K = ks[0] // validated here like a run's; each fit sets its own
		if err := cfg.Validate(); err != nil {
			return err
		}
		if err := pipeline.CheckOutputFolder(dir); err != nil {
			return err
		}
		cfg.Progress = out.progress()
		res, err = pipeline.Sweep(c.Context, pipeline.SweepOptions{Config: cfg, Ks: ks, Seeds: c.Int("seeds")})
		out.done()
		if err == nil {
			out.moreSkips()
			out.note("%s", res.Vectorized.Account.String())
		}
	}
	if err != nil {
		return err
	}
	if err := res.Write(dir); err != nil {
		return err
	}
	if err := res.Summary(out.textWriter()); err != nil {
		return err
	}
	page := filepath.Join(dir, pipeline.SweepReportFile)
	out.text("report: %s", page)
	return out.summary(sweepSummary(dir, page, res))
}

// sweepSummary is the --json view of a sweep.
func sweepSummary(dir, page string, res *pipeline.SweepResult) map[string]any {
	r := res.Report
	points := make([]map[string]any, len(r.Points))
	for i, p := range r.Points {
		points[i] = map[string]any{
			"k": p.K, "objective": number(p.Objective), "coherence": number(p.Coherence), "coherence_se": number(p.CoherenceSE),
			"stability": number(p.Stability), "cophenetic": number(p.Cophenetic), "nmi": number(p.NMI), "ari": number(p.ARI),
			"iterations": p.Iterations, "seconds": p.Seconds,
		}
	}
	timings := map[string]float64{}
	for _, t := range r.Timings {
		timings[t.Stage] = t.Duration.Seconds()
	}
	return map[string]any{
		"command": "sweep", "out": dir, "report": page, "table": filepath.Join(dir, pipeline.SweepFile),
		"source": r.Source, "matrix": r.Matrix, "rows": r.Rows, "cols": r.Cols, "seeds": r.Seeds,
		"ks": points, "recommended": r.Recommended, "rule": r.Rule, "reason": r.Reason, "seconds": timings,
	}
}
