package main

import (
	"fmt"

	"github.com/urfave/cli/v2"

	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/pipeline"
)

// factorCommand is `topicmill factor`: NMF of any non-negative matrix, read
// from MatrixMarket or a dense CSV of numbers.
func factorCommand() *cli.Command {
	flags := append(factorFlags(factor.Frobenius), workersFlag(),
		&cli.BoolFlag{Name: "row-names", Usage: "a CSV's first column names its rows (the header names the columns)"},
		&cli.IntFlag{Name: "top-rows", Value: pipeline.DefaultTopTerms, Usage: "rows listed per factor in top_rows", Action: positive[int]("top-rows")},
		&cli.StringFlag{Name: "out", Value: "topicmill-factor", Usage: "folder for W.mtx, H.mtx, trace.csv, assignments and top_rows (.csv and .parquet)"})
	return &cli.Command{
		Name:      "factor",
		Usage:     "factor a non-negative matrix (MatrixMarket .mtx or dense .csv) as X ≈ W·H",
		ArgsUsage: "MATRIX",
		Flags:     flags,
		Action:    factorAction,
	}
}

func factorAction(c *cli.Context) error {
	if c.NArg() != 1 {
		return usageError{fmt.Sprintf("factor needs one matrix file (.mtx or .csv), got %d arguments", c.NArg())}
	}
	out := c.String("out")
	if err := pipeline.CheckOutputFolder(out); err != nil {
		return err
	}
	res, err := pipeline.FactorMatrix(c.Context, pipeline.FactorOptions{Matrix: c.Args().First(), NMF: nmfSettings(c), Out: out, RowNames: c.Bool("row-names"), TopRows: c.Int("top-rows")})
	if err != nil {
		return err
	}
	fit := res.Fit
	elapsed := 0.0
	if n := len(fit.Trace); n > 0 {
		elapsed = fit.Trace[n-1].Elapsed.Seconds()
	}
	fmt.Printf("%d × %d, k = %d, %s: objective %.10g after %d iterations (%.3fs, converged %v) -> %s\n",
		res.Rows, res.Cols, res.NMF.K, res.NMF.Loss, fit.Objective, fit.Iterations, elapsed, fit.Converged, out)
	return nil
}
