package main

import (
	"fmt"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/pipeline"
)

// factorCommand is `topicmill factor`: NMF of any non-negative matrix, read
// from MatrixMarket or a dense CSV of numbers.
func factorCommand() *cli.Command {
	flags := append(factorFlags(factor.Frobenius), workersFlag())
	flags = append(flags, outputFlags()...)
	flags = append(flags,
		&cli.BoolFlag{Name: "row-names", Usage: "a CSV's first column names its rows (the header names the columns)"},
		&cli.IntFlag{Name: "top-rows", Value: pipeline.DefaultTopTerms, Usage: "rows listed per factor in top_rows", Action: positive[int]("top-rows")},
		&cli.StringFlag{Name: "out", Value: "topicmill-factor", Usage: "`DIR` for W.mtx, H.mtx, trace.csv, assignments and top_rows (.csv and .parquet)"})
	return &cli.Command{
		Name:      "factor",
		Usage:     "factor a non-negative matrix (MatrixMarket .mtx or dense .csv) as X ≈ W·H",
		ArgsUsage: "MATRIX",
		Description: `MATRIX is MatrixMarket (coordinate or array) or a CSV of numbers; a CSV's
first row is a header when one of its fields is not a number.

Example:
   topicmill factor testdata/tvshows.csv --k 2 --out out/tv`,
		Flags:  flags,
		Action: factorAction,
	}
}

func factorAction(c *cli.Context) error {
	if c.NArg() != 1 {
		return usageError{fmt.Sprintf("factor needs one matrix file (.mtx or .csv), got %d arguments", c.NArg())}
	}
	out := newOutput(c)
	dir := c.String("out")
	if err := pipeline.CheckOutputFolder(dir); err != nil {
		return err
	}
	res, err := pipeline.FactorMatrix(c.Context, pipeline.FactorOptions{Matrix: c.Args().First(), NMF: nmfSettings(c), Out: dir, RowNames: c.Bool("row-names"), TopRows: c.Int("top-rows")})
	if err != nil {
		return err
	}
	fit := res.Fit
	elapsed := 0.0
	if n := len(fit.Trace); n > 0 {
		elapsed = fit.Trace[n-1].Elapsed.Seconds()
	}
	out.text("%d × %d, k = %d, %s: objective %.10g after %d iterations (%.3fs, converged %v) -> %s",
		res.Rows, res.Cols, res.NMF.K, res.NMF.Loss, fit.Objective, fit.Iterations, elapsed, fit.Converged, dir)
	return out.summary(map[string]any{
		"command": "factor", "out": dir, "rows": res.Rows, "cols": res.Cols, "k": res.NMF.K, "loss": res.NMF.Loss,
		"objective": fit.Objective, "iterations": fit.Iterations, "converged": fit.Converged, "seconds": elapsed,
		"assignments": filepath.Join(dir, pipeline.AssignmentsCSVFile), "top_rows": filepath.Join(dir, pipeline.TopRowsCSVFile),
	})
}
