package main

import (
	"fmt"
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
	flags = append(flags, outputFlags()...)
	flags = append(flags, &cli.StringFlag{Name: "out", Value: "topicmill-out", Usage: "`DIR` for X.mtx, terms.parquet and docs.parquet"})
	return &cli.Command{
		Name:      "vectorize",
		Usage:     "turn a corpus into a terms × documents TF-IDF matrix (MatrixMarket) with its vocabulary",
		ArgsUsage: "CORPUS",
		Description: `Only the text stages of run: X.mtx, terms.parquet and docs.parquet.

Example:
   topicmill vectorize testdata/demo --out out/vec`,
		Flags:  flags,
		Action: vectorizeAction,
	}
}

func vectorizeAction(c *cli.Context) error {
	out := newOutput(c)
	cfg, err := vectorConfig(c, out)
	if err != nil {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return err
	}
	dir := c.String("out")
	if err := pipeline.CheckOutputFolder(dir); err != nil {
		return err
	}
	cfg.Progress = out.progress()
	vec, err := pipeline.Vectorize(c.Context, cfg)
	out.done()
	if err != nil {
		return err
	}
	writeStart := time.Now()
	if err := vec.Write(dir, cfg); err != nil {
		return err
	}
	write := time.Since(writeStart)
	out.moreSkips()
	out.note("%s", vec.Account.String())
	out.note("%s", stageTimes(vec.Timings, write))
	matrix := filepath.Join(dir, pipeline.MatrixFile)
	out.text("X: %d terms × %d documents, %d non-zeros -> %s", vec.X.Rows, vec.X.Cols, vec.X.NNZ(), matrix)
	seconds := map[string]float64{"write": write.Seconds()}
	for _, t := range vec.Timings {
		seconds[t.Stage] = t.Duration.Seconds()
	}
	return out.summary(map[string]any{
		"command": "vectorize", "out": dir, "matrix": matrix,
		"terms": vec.X.Rows, "documents": vec.X.Cols, "nonzeros": vec.X.NNZ(),
		"read": vec.Account.Read, "skipped": vec.Account.SkippedTotal(), "seconds": seconds,
	})
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
