package main

import (
	"github.com/urfave/cli/v2"

	"github.com/topicmill/topicmill/pipeline"
)

// assignCommand is `topicmill assign`: new documents placed in the topics of
// a saved model (and, when it was fitted with labels, classified).
func assignCommand() *cli.Command {
	flags := append(readFlags(), outputFlags()...)
	flags = append(flags,
		&cli.StringFlag{Name: "model", Usage: "a run's output `DIR` (or its model.json)"},
		&cli.StringFlag{Name: "shard", Usage: "assign only part `I/N` of the corpus (by a hash of each document's id), for N parallel jobs"},
		&cli.StringFlag{Name: "out", Value: "topicmill-assign", Usage: "`DIR` for assignments.parquet and doc_topics.parquet"})
	return &cli.Command{
		Name:      "assign",
		Usage:     "assign new documents to the topics of a saved model, in batches, without refitting",
		ArgsUsage: "CORPUS",
		Description: `Writes assignments.parquet (with the predicted label when the model was
fitted on labeled documents) and doc_topics.parquet into --out; with labels
on the new documents, also classification.parquet and confusion.parquet.

Examples:
   topicmill assign mail/new --model out/mail --out out/new
   topicmill assign archive.jsonl --model out/mail --shard 3/8 --out out/part-3`,
		Flags:  flags,
		Action: assignAction,
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
	out := newOutput(c)
	opts, err := corpusOptions(c, out)
	if err != nil {
		return err
	}
	dir := c.String("out")
	if err := pipeline.CheckOutputFolder(dir); err != nil {
		return err
	}
	model, err := pipeline.LoadModel(c.String("model"))
	if err != nil {
		return err
	}
	sum, err := model.AssignTo(c.Context, pipeline.AssignOptions{Source: source, Corpus: opts, Shard: shard, Workers: c.Int("workers")}, dir)
	if err != nil {
		return err
	}
	out.moreSkips()
	out.note("%s", sum.Stats.String())
	if shard.N > 1 {
		out.note("shard %d/%d: assigned %d of the documents read", shard.I, shard.N, sum.Assigned)
	}
	for t, n := range sum.Sizes {
		out.text("topic %2d  %6d documents  %v", t, n, model.TopicTerms[t])
	}
	out.text("unassigned (no known term): %d documents", sum.Unassigned)
	cl := sum.Classification
	if cl.Documents > 0 {
		out.text("classification of %d labeled documents: accuracy %.4f, macro-F1 %.4f", cl.Documents, cl.Accuracy, cl.MacroF1)
		for _, l := range cl.Labels {
			out.text("  %-28s precision %.3f  recall %.3f  F1 %.3f  (%d documents)", l.Label, l.Precision, l.Recall, l.F1, l.Support)
		}
	}
	out.text("assignments: %s", dir)
	s := map[string]any{
		"command": "assign", "out": dir, "documents": sum.Assigned, "read": sum.Stats.Read, "skipped": sum.Stats.SkippedTotal(),
		"topic_documents": sum.Sizes, "unassigned": sum.Unassigned,
	}
	if cl.Documents > 0 {
		labels := map[string]any{}
		for _, l := range cl.Labels {
			labels[l.Label] = map[string]any{"precision": l.Precision, "recall": l.Recall, "f1": l.F1, "documents": l.Support}
		}
		s["classification"] = map[string]any{"documents": cl.Documents, "accuracy": cl.Accuracy, "macro_f1": cl.MacroF1, "labels": labels}
	}
	return out.summary(s)
}
