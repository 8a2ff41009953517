package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/topicmill/topicmill/pipeline"
)

// runCommand is `topicmill run`: the whole pipeline, from a corpus to topics,
// assignments, a report and a saved model.
func runCommand() *cli.Command {
	flags := append(readFlags(), vectorFlags()...)
	flags = append(flags, factorFlags(pipeline.DefaultLoss)...)
	flags = append(flags, &cli.StringFlag{Name: "out", Value: "topicmill-out", Usage: "folder for the outputs"})
	return &cli.Command{
		Name:      "run",
		Usage:     "find the topics of a corpus, assign every document, write Parquet tables, an HTML report and a model",
		ArgsUsage: "CORPUS",
		Flags:     flags,
		Action:    runAction,
	}
}

func runAction(c *cli.Context) error {
	cfg, err := vectorConfig(c)
	if err != nil {
		return err
	}
	cfg.NMF = nmfSettings(c)
	if err := cfg.Validate(); err != nil {
		return err
	}
	out := c.String("out")
	if err := pipeline.CheckOutputFolder(out); err != nil {
		return err
	}
	cfg.Progress = progressTo(os.Stderr)
	res, err := pipeline.Run(c.Context, cfg)
	endProgress(cfg.Progress)
	if err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, res.Vectorized.Account.String())
	if err := res.Write(out); err != nil {
		return err
	}
	if err := res.Summary(os.Stdout); err != nil {
		return err
	}
	fmt.Printf("report: %s\n", filepath.Join(out, pipeline.ReportFile))
	return nil
}
