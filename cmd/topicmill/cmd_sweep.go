package main

import (
	"fmt"
	"os"
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
		&cli.StringFlag{Name: "out", Value: "topicmill-sweep", Usage: "folder for sweep.parquet and sweep.html"},
	)
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
	out := c.String("out")
	source := c.Args().First()
	ks := c.IntSlice("k")
	if len(ks) == 0 {
		return usageError{"sweep needs --k, the ks to fit (e.g. --k 5,10,20,40)"}
	}
	progress := progressTo(os.Stderr)
	var (
		res *pipeline.SweepResult
		err error
	)
	if c.Bool("matrix") || strings.HasSuffix(strings.ToLower(source), ".mtx") {
		nmf := nmfSettings(c)
		if !c.IsSet("loss") {
			nmf.Loss = factor.Frobenius // as factor: a matrix need not hold counts
		}
		if err := pipeline.CheckOutputFolder(out); err != nil {
			return err
		}
		res, err = pipeline.SweepMatrix(c.Context, pipeline.MatrixSweepOptions{Matrix: source, NMF: nmf, Ks: ks, Seeds: c.Int("seeds"), Progress: progress})
	} else {
		cfg, cerr := vectorConfig(c)
		if cerr != nil {
			return cerr
		}
		cfg.NMF = nmfSettings(c)
		cfg.NMF.K = ks[0] // validated here like a run's; each fit sets its own
		if err := cfg.Validate(); err != nil {
			return err
		}
		if err := pipeline.CheckOutputFolder(out); err != nil {
			return err
		}
		cfg.Progress = progress
		res, err = pipeline.Sweep(c.Context, pipeline.SweepOptions{Config: cfg, Ks: ks, Seeds: c.Int("seeds")})
		if err == nil {
			fmt.Fprintln(os.Stderr, res.Vectorized.Account.String())
		}
	}
	endProgress(progress)
	if err != nil {
		return err
	}
	if err := res.Write(out); err != nil {
		return err
	}
	if err := res.Summary(os.Stdout); err != nil {
		return err
	}
	fmt.Printf("report: %s\n", filepath.Join(out, pipeline.SweepReportFile))
	return nil
}
