package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"github.com/topicmill/topicmill/pipeline"
)

// vectorizeCommand is `topicmill vectorize`: the corpus as a TF-IDF matrix
// (X.mtx, terms × documents) with its vocabulary and document list.
func vectorizeCommand() *cli.Command {
	flags := append(readFlags(), vectorFlags()...)
	flags = append(flags, &cli.StringFlag{Name: "out", Value: "topicmill-out", Usage: "folder for X.mtx, terms.parquet and docs.parquet"})
	return &cli.Command{
		Name:      "vectorize",
		Usage:     "turn a corpus into a terms × documents TF-IDF matrix (MatrixMarket) with its vocabulary",
		ArgsUsage: "CORPUS",
		Flags:     flags,
		Action:    vectorizeAction,
	}
}

func vectorizeAction(c *cli.Context) error {
	cfg, err := vectorConfig(c)
	if err != nil {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	out := c.String("out")
	if err := pipeline.CheckOutputFolder(out); err != nil {
		return err
	}
	cfg.Progress = progressTo(os.Stderr)
	vec, err := pipeline.Vectorize(c.Context, cfg)
	endProgress(cfg.Progress)
	if err != nil {
		return err
	}
	writeStart := time.Now()
	if err := vec.Write(out, cfg); err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, vec.Account.String())
	fmt.Fprintln(os.Stderr, stageTimes(vec.Timings, time.Since(writeStart)))
	fmt.Printf("X: %d terms × %d documents, %d non-zeros -> %s\n", vec.X.Rows, vec.X.Cols, vec.X.NNZ(), filepath.Join(out, pipeline.MatrixFile))
	return nil
}

// stageTimes is the one-line account of where the time went: every stage of
// the vectorization, their sum, and the writing of the outputs.
func stageTimes(stages []pipeline.Timing, write time.Duration) string {
	var total time.Duration
	parts := make([]string, len(stages))
	for i, s := range stages {
		total += s.Duration
		parts[i] = fmt.Sprintf("%s %.3fs", s.Stage, s.Duration.Seconds())
	}
	return fmt.Sprintf("timings: vectorize %.3fs (%s), write %.3fs", total.Seconds(), strings.Join(parts, ", "), write.Seconds())
}
