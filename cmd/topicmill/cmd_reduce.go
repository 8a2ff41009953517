package main

import (
	"path/filepath"

	"github.com/urfave/cli/v2"

	"github.com/topicmill/topicmill/pipeline"
)

// reduceCommand is `topicmill reduce`: a run's topics merged along its
// topic tree (or as named), written as a new run folder with its model.
func reduceCommand() *cli.Command {
	return &cli.Command{
		Name:  "reduce",
		Usage: "merge a run's topics along its topic tree down to N, or merge named topics, into a new run folder and model",
		Description: `Examples:
   topicmill reduce --model out/20news --to 8 --out out/20news-8
   topicmill reduce --model out/20news --merge 3,7 --out out/20news-merged`,
		Flags: append(outputFlags(),
			&cli.StringFlag{Name: "model", Usage: "a run's output `DIR`"},
			&cli.IntFlag{Name: "to", Usage: "merge the closest topics until `N` are left"},
			&cli.StringFlag{Name: "merge", Usage: "merge these `TOPICS` into one (3,7; several groups: 3,7;1,2)"},
			&cli.StringFlag{Name: "out", Value: "topicmill-reduced", Usage: "folder for the reduced run"},
			workersFlag(),
		),
		Action: reduceAction,
	}
}

func reduceAction(c *cli.Context) error {
	if c.String("model") == "" || c.NArg() > 0 {
		return usageError{"reduce needs --model DIR (a run's output folder) and no other argument"}
	}
	opts := pipeline.ReduceOptions{Run: c.String("model"), To: c.Int("to"), Workers: c.Int("workers")}
	if s := c.String("merge"); s != "" {
		groups, err := pipeline.ParseGroups(s)
		if err != nil {
			return err
		}
		opts.Merge = groups
	}
	out := c.String("out")
	if err := pipeline.CheckOutputFolder(out); err != nil {
		return err
	}
	res, err := pipeline.Reduce(opts)
	if err != nil {
		return err
	}
	if err := res.Write(out); err != nil {
		return err
	}
	o := newOutput(c)
	if err := res.Summary(o.textWriter()); err != nil {
		return err
	}
	o.text("report: %s", filepath.Join(out, pipeline.ReportFile))
	return o.summary(runSummary("reduce", out, res))
}
