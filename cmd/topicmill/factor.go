package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/urfave/cli/v2"
	"gonum.org/v1/gonum/mat"

	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/internal/atomicfile"
	"github.com/topicmill/topicmill/pipeline"
	"github.com/topicmill/topicmill/sparse"
)

// factorCommand is `topicmill factor`: NMF of any non-negative matrix, read
// from MatrixMarket or a dense CSV of numbers.
func factorCommand() *cli.Command {
	flags := append(factorFlags(pipeline.DefaultK, factor.Frobenius),
		&cli.IntFlag{Name: "workers", Usage: "goroutines to use (0: one per core)"},
		&cli.StringFlag{Name: "out", Value: "topicmill-factor", Usage: "folder for W.mtx, H.mtx and trace.csv"})
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
	nmf, err := nmfSettings(c)
	if err != nil {
		return err
	}
	path := c.Args().First()
	x, err := readMatrix(path)
	if err != nil {
		return err
	}
	if err := x.Validate(true); err != nil {
		return usageError{fmt.Sprintf("%s: %v", path, err)}
	}
	res, err := nmf.Fit(c.Context, x)
	if errors.Is(err, factor.ErrShape) {
		return usageError{fmt.Sprintf("%s: %v", path, err)}
	}
	if err != nil {
		return fmt.Errorf("factor %s: %w", path, err)
	}
	out := c.String("out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for name, m := range map[string]mat.Matrix{"W.mtx": res.W, "H.mtx": res.H} {
		if err := atomicfile.Write(filepath.Join(out, name), func(w io.Writer) error {
			return sparse.WriteDenseMatrixMarket(w, m)
		}); err != nil {
			return err
		}
	}
	if err := pipeline.WriteTrace(filepath.Join(out, pipeline.TraceFile), pipeline.TracePoints(res.Trace)); err != nil {
		return err
	}
	settings, _ := nmf.WithDefaults()
	loss := settings.Loss
	elapsed := 0.0
	if n := len(res.Trace); n > 0 {
		elapsed = res.Trace[n-1].Elapsed.Seconds()
	}
	fmt.Printf("%d × %d, k = %d, %s: objective %.10g after %d iterations (%.3fs, converged %v) -> %s\n",
		x.Rows, x.Cols, nmf.K, loss, res.Objective, res.Iterations, elapsed, res.Converged, out)
	return nil
}

// readMatrix reads a MatrixMarket file, or a CSV of numbers when the name
// ends in .csv.
func readMatrix(path string) (*sparse.CSR, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usageError{err.Error()}
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	var x *sparse.CSR
	if strings.HasSuffix(strings.ToLower(path), ".csv") {
		x, err = sparse.ReadDenseCSV(r)
	} else {
		x, err = sparse.ReadMatrixMarket(r)
	}
	if err != nil {
		return nil, usageError{fmt.Sprintf("read %s: %v", path, err)}
	}
	return x, nil
}
