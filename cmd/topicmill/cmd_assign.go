package main

import (
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/topicmill/topicmill/pipeline"
)

// assignCommand is `topicmill assign`: new documents placed in the topics of
// a saved model (and, when it was fitted with labels, classified).
func assignCommand() *cli.Command {
	flags := append(readFlags(),
		&cli.StringFlag{Name: "model", Usage: "a run's output `DIR` (or its model.json)"},
		&cli.StringFlag{Name: "shard", Usage: "assign only part `I/N` of the corpus (by a hash of each document's id), for N parallel jobs"},
		&cli.StringFlag{Name: "out", Value: "topicmill-assign", Usage: "folder for assignments.parquet and doc_topics.parquet"})
	return &cli.Command{
		Name:      "assign",
		Usage:     "assign new documents to the topics of a saved model, in batches, without refitting",
		ArgsUsage: "CORPUS",
		Flags:     flags,
		Action:    assignAction,
	}
}

func assignAction(c *cli.Context) error {
	source, err := oneCorpus(c)
	if err != nil {
		return err
	}
	if c.String("model") == "" {
		return usageError{"assign needs --model DIR (a run's output folder)"}
	}
	shard, err := pipeline.ParseShard(c.String("shard"))
	if err != nil {
		return err
	}
	opts, err := corpusOptions(c)
	if err != nil {
		return err
	}
	if err := pipeline.CheckOutputFolder(c.String("out")); err != nil {
		return err
	}
	model, err := pipeline.LoadModel(c.String("model"))
	if err != nil {
		return err
	}
	sum, err := model.AssignTo(c.Context, pipeline.AssignOptions{Source: source, Corpus: opts, Shard: shard, Workers: c.Int("workers")}, c.String("out"))
	if err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, sum.Stats.String())
	for t, n := range sum.Sizes {
		fmt.Printf("topic %2d  %6d documents  %v\n", t, n, model.TopicTerms[t])
	}
	fmt.Printf("unassigned (no known term): %d documents\n", sum.Unassigned)
	if c := sum.Classification; c.Documents > 0 {
		fmt.Printf("classification of %d labeled documents: accuracy %.4f, macro-F1 %.4f\n", c.Documents, c.Accuracy, c.MacroF1)
		for _, l := range c.Labels {
			fmt.Printf("  %-28s precision %.3f  recall %.3f  F1 %.3f  (%d documents)\n", l.Label, l.Precision, l.Recall, l.F1, l.Support)
		}
	}
	fmt.Printf("assignments: %s\n", sum.Out)
	return nil
}
