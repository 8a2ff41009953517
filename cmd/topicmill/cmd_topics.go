package main

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/topicmill/topicmill/pipeline"
)

// topicsCommand is `topicmill topics`: a saved run's topics, the topics
// about a word, and the topics of each label.
func topicsCommand() *cli.Command {
	return &cli.Command{
		Name:  "topics",
		Usage: "list a run's topics, find the topics about a word, or show each label's topic shares",
		Description: `Examples:
   topicmill topics --model out/20news --find spacecraft
   topicmill topics --model out/20news --per-label`,
		Flags: append(outputFlags(),
			&cli.StringFlag{Name: "model", Usage: "a run's output `DIR`"},
			&cli.StringFlag{Name: "find", Usage: "rank the topics by this `WORD`'s weight (stemmed as the run stemmed)"},
			&cli.BoolFlag{Name: "per-label", Usage: "each label's documents by topic, from the run's assignments.parquet"},
		),
		Action: topicsAction,
	}
}

func topicsAction(c *cli.Context) error {
	dir := c.String("model")
	if dir == "" || c.NArg() > 0 {
		return usageError{"topics needs --model DIR (a run's output folder) and no other argument"}
	}
	model, err := pipeline.LoadModel(dir)
	if err != nil {
		return err
	}
	out := newOutput(c)
	switch {
	case c.String("find") != "":
		return printFind(out, model, c.String("find"))
	case c.Bool("per-label"):
		return printPerLabel(out, dir, model)
	}
	for t, terms := range model.TopicTerms {
		out.text("topic %2d  %s", t, strings.Join(terms, " "))
	}
	return out.summary(map[string]any{"command": "topics", "topics": model.TopicTerms})
}

// printFind prints the topics that use a word, heaviest first.
func printFind(out *output, model *pipeline.Model, word string) error {
	stem, topics, err := model.Find(word)
	if err != nil {
		return err
	}
	out.text("%q (term %q) is in %d of %d topics", word, stem, len(topics), model.K)
	found := make([]map[string]any, len(topics))
	for i, t := range topics {
		out.text("topic %2d  weight %.4f  rank %4d  %s", t.Topic, t.Weight, t.Rank+1, strings.Join(model.TopicTerms[t.Topic], " "))
		found[i] = map[string]any{"topic": t.Topic, "weight": t.Weight, "rank": t.Rank + 1}
	}
	return out.summary(map[string]any{"command": "topics", "word": word, "term": stem, "topics": found})
}

// printPerLabel prints each label's topic shares, largest first, with the
// topics that hold at least 1 % of the label.
func printPerLabel(out *output, dir string, model *pipeline.Model) error {
	lt, err := pipeline.TopicsPerLabel(dir, model.K)
	if err != nil {
		return err
	}
	for l, label := range lt.Labels {
		if label == "" {
			label = "(no label)"
		}
		var parts []string
		for _, t := range byShare(lt, l) {
			if s := lt.Share(l, t); s >= 0.01 {
				parts = append(parts, fmt.Sprintf("%d: %.1f %%", t, 100*s))
			}
		}
		if lt.Unassigned[l] > 0 {
			parts = append(parts, fmt.Sprintf("unassigned: %d", lt.Unassigned[l]))
		}
		out.text("%-28s %6d documents  %s", label, lt.Documents[l], strings.Join(parts, "  "))
	}
	return out.summary(map[string]any{"command": "topics", "labels": lt.Labels, "documents": lt.Documents, "counts": lt.Counts, "unassigned": lt.Unassigned})
}

// byShare lists the topics by decreasing share of label l (ties by topic).
func byShare(lt *pipeline.LabelTopics, l int) []int {
	order := make([]int, lt.K)
	for t := range order {
		order[t] = t
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(lt.Counts[l][b], lt.Counts[l][a]) })
	return order
}
