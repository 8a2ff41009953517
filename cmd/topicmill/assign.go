package main

import (
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/topicmill/topicmill/corpus"
	"github.com/topicmill/topicmill/pipeline"
	"github.com/topicmill/topicmill/report"
)

// assignCommand is `topicmill assign`: new documents placed in the topics of
// a saved model (and, when it was fitted with labels, classified).
func assignCommand() *cli.Command {
	flags := append(readFlags(),
		&cli.StringFlag{Name: "model", Required: true, Usage: "model.json written by `topicmill run`"},
		&cli.StringFlag{Name: "out", Value: "predictions.parquet", Usage: "Parquet file for the assignments"})
	return &cli.Command{
		Name:      "assign",
		Usage:     "assign new documents to the topics of a saved model, in batches, without refitting",
		ArgsUsage: "CORPUS",
		Flags:     flags,
		Action:    assignAction,
	}
}

func assignAction(c *cli.Context) error {
	if c.NArg() != 1 {
		return usageError{fmt.Sprintf("assign needs one corpus, got %d arguments", c.NArg())}
	}
	model, err := pipeline.LoadModel(c.String("model"))
	if err != nil {
		return err
	}
	opts, err := corpusOptions(c)
	if err != nil {
		return err
	}
	var (
		stats           corpus.Stats
		sizes           = make([]int, model.K)
		unassigned      int
		labeled, agreed int
	)
	out := c.String("out")
	meta := report.NewMeta(pipeline.Version, map[string]string{"model": c.String("model")})
	err = report.StreamPredictions(out, meta, func(emit func(report.PredictionRow) error) error {
		stats, err = model.Assign(c.Context, c.Args().First(), opts, func(a pipeline.Assigned) error {
			if a.Assignment.Topic >= 0 {
				sizes[a.Assignment.Topic]++
			} else {
				unassigned++
			}
			if a.Doc.Label != "" && a.Predicted != "" {
				labeled++
				if a.Doc.Label == a.Predicted {
					agreed++
				}
			}
			return emit(report.PredictionRow{
				AssignmentRow: report.AssignmentRow{
					DocID: a.Doc.ID, Path: a.Doc.Path, Label: a.Doc.Label,
					Topic: int32(a.Assignment.Topic), Weight: a.Assignment.Weight,
					Confidence: a.Assignment.Confidence, SecondTopic: int32(a.Assignment.Second),
				},
				Predicted: a.Predicted,
			})
		})
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(os.Stderr, stats.String())
	for t, n := range sizes {
		fmt.Printf("topic %2d  %6d documents  %v\n", t, n, model.TopicTerms[t])
	}
	fmt.Printf("unassigned (no known term): %d documents\n", unassigned)
	if labeled > 0 {
		fmt.Printf("classification: %d of %d labeled documents get their label (accuracy %.4f)\n", agreed, labeled, float64(agreed)/float64(labeled))
	}
	fmt.Printf("predictions: %s\n", out)
	return nil
}
