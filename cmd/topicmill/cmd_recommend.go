package main

import (
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/topicmill/topicmill/pipeline"
	"github.com/topicmill/topicmill/recommend"
)

// recommendCommand is `topicmill recommend`: masked NMF of a ratings table
// with most entries missing, and its uses (predict, top, similar, eval).
func recommendCommand() *cli.Command {
	cmd := &cli.Command{
		Name:  "recommend",
		Usage: "recommender: masked NMF of a ratings table (fit, predict, top, similar, eval)",
		Description: `RATINGS is CSV with a header (user,item,rating), TSV (user item rating
[timestamp] by position, as MovieLens's u.data) or Parquet; missing ratings
are unknown, never zeros.

Examples:
   topicmill recommend fit ratings.csv --k 10 --scale 1,5 --out out/rec
   topicmill recommend predict pairs.csv --model out/rec --knn 3
   topicmill recommend top --model out/rec --user 42 --n 10
   topicmill recommend similar --model out/rec --item 50 --n 10
   topicmill recommend eval u.data --folds 5 --json`,
		Subcommands: []*cli.Command{
			{
				Name:      "fit",
				Usage:     "fit a recommender model to a ratings file (CSV, TSV or Parquet) and save it",
				ArgsUsage: "RATINGS",
				Flags: append(append(append(ratingsFlags(), fitFlags()...), outputFlags()...),
					&cli.StringFlag{Name: "out", Value: "topicmill-recommend", Usage: "folder for recommender.json and recommender.bin"}),
				Action: recommendFit,
			},
			{
				Name:      "predict",
				Usage:     "predict the ratings of (user, item) pairs read from a file, as CSV on stdout",
				ArgsUsage: "PAIRS",
				Flags: append(ratingsFlags()[:2], modelFlag(),
					&cli.IntFlag{Name: "knn", Usage: "predict from the user's ratings of the `N` most similar rated items (the lecture's rank weights); 0: the factors"}),
				Action: recommendPredict,
			},
			{
				Name:   "top",
				Usage:  "list the items with the best predicted ratings among those a user has not rated",
				Flags:  append(outputFlags(), modelFlag(), &cli.StringFlag{Name: "user", Usage: "the user's `ID`"}, countFlag()),
				Action: recommendTop,
			},
			{
				Name:   "similar",
				Usage:  "list the items most similar to an item (cosine of their factors)",
				Flags:  append(outputFlags(), modelFlag(), &cli.StringFlag{Name: "item", Usage: "the item's `ID`"}, countFlag()),
				Action: recommendSimilar,
			},
			{
				Name:      "eval",
				Usage:     "seeded k-fold cross-validation: RMSE and MAE per fold and their means, fit time per fold",
				ArgsUsage: "RATINGS",
				Flags: append(append(append(ratingsFlags(), fitFlags()...), outputFlags()...),
					&cli.IntFlag{Name: "folds", Value: 5, Usage: "number of folds"}),
				Action: recommendEval,
			},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageError{fmt.Sprintf("unknown command \"recommend %s\" (see 'topicmill recommend --help')", c.Args().First())}
			}
			return usageError{"recommend needs a command: fit, predict, top, similar or eval (see 'topicmill recommend --help')"}
		},
	}
	for _, sub := range cmd.Subcommands {
		sub.OnUsageError = onUsageError
	}
	return cmd
}

// ratingsFlags say how a ratings file is read.
func ratingsFlags() []cli.Flag {
	return []cli.Flag{
		&cli.StringFlag{Name: "user-col", Value: "user", Usage: "CSV/Parquet (or a TSV's header): the column of user ids"},
		&cli.StringFlag{Name: "item-col", Value: "item", Usage: "CSV/Parquet (or a TSV's header): the column of item ids"},
		&cli.StringFlag{Name: "rating-col", Value: "rating", Usage: "CSV/Parquet (or a TSV's header): the column of ratings"},
		&cli.StringFlag{Name: "scale", Usage: "the ratings' scale `MIN,MAX` (e.g. 1,5): others are errors, predictions are clipped to it (default: the ratings' range)"},
	}
}

// fitFlags are the settings of a fit; their defaults are recommend's.
func fitFlags() []cli.Flag {
	return []cli.Flag{
		&cli.IntFlag{Name: "k", Value: recommend.DefaultK, Usage: "factors per user and item", Action: positive[int]("k")},
		&cli.IntFlag{Name: "iter", Value: recommend.DefaultIterations, Usage: "alternations (every user, then every item)", Action: positive[int]("iter")},
		&cli.Float64Flag{Name: "l2", Value: recommend.DefaultL2, Usage: "L2 penalty on the factors, per rating"},
		&cli.Float64Flag{Name: "l2-bias", Value: recommend.DefaultL2Bias, Usage: "L2 penalty on the biases"},
		&cli.BoolFlag{Name: "no-bias", Usage: "predict p·q alone (the lecture's X ≈ WH), without the mean and biases"},
		&cli.Uint64Flag{Name: "seed", Usage: "random seed (starting factors; folds of eval)"},
		workersFlag(),
	}
}

// modelFlag is --model, a saved recommender.
func modelFlag() cli.Flag {
	return &cli.StringFlag{Name: "model", Usage: "the `DIR` written by 'recommend fit' (or its recommender.json)"}
}

// countFlag is --n, the length of a list.
func countFlag() cli.Flag {
	return &cli.IntFlag{Name: "n", Value: 10, Usage: "how many items to list", Action: positive[int]("n")}
}

// readOptions reads the ratings flags.
func readOptions(c *cli.Context) (recommend.ReadOptions, error) {
	scale, err := recommend.ParseScale(c.String("scale"))
	if err != nil {
		return recommend.ReadOptions{}, usageError{"--" + err.Error()}
	}
	return recommend.ReadOptions{UserCol: c.String("user-col"), ItemCol: c.String("item-col"), RatingCol: c.String("rating-col"), Scale: scale}, nil
}

// fitOptions reads the fit flags; recommend validates them.
func fitOptions(c *cli.Context, scale recommend.Scale) (recommend.Options, error) {
	for _, name := range []string{"l2", "l2-bias"} {
		if v := c.Float64(name); !(v > 0) || v > 1e300 {
			return recommend.Options{}, usageError{fmt.Sprintf("--%s must be a positive number, got %v", name, v)}
		}
	}
	return recommend.Options{
		K: c.Int("k"), Iterations: c.Int("iter"), L2: c.Float64("l2"), L2Bias: c.Float64("l2-bias"),
		NoBias: c.Bool("no-bias"), Scale: scale, Seed: c.Uint64("seed"), Workers: c.Int("workers"),
	}, nil
}

// readRatings reads the one positional argument, the ratings, and the fit settings.
func readRatings(c *cli.Context) (*recommend.Ratings, recommend.Options, error) {
	if c.NArg() != 1 {
		return nil, recommend.Options{}, usageError{fmt.Sprintf("recommend %s needs one ratings file (.csv, .tsv or .parquet), got %d arguments", c.Command.Name, c.NArg())}
	}
	ro, err := readOptions(c)
	if err != nil {
		return nil, recommend.Options{}, err
	}
	opts, err := fitOptions(c, ro.Scale)
	if err != nil {
		return nil, recommend.Options{}, err
	}
	if _, err := opts.WithDefaults(); err != nil {
		return nil, opts, err
	}
	r, err := recommend.Read(c.Args().First(), ro)
	return r, opts, err
}

func recommendFit(c *cli.Context) error {
	r, opts, err := readRatings(c)
	if err != nil {
		return err
	}
	out := c.String("out")
	if err := pipeline.CheckOutputFolder(out); err != nil {
		return err
	}
	m, err := recommend.Fit(c.Context, r, opts)
	if err != nil {
		return err
	}
	if err := m.Save(out); err != nil {
		return err
	}
	o := newOutput(c)
	o.text("%d users × %d items, %d ratings, k = %d: training RMSE %.4f after %d iterations -> %s",
		len(m.Users), len(m.Items), r.Len(), m.K, m.TrainRMSE, m.Iterations, out)
	return o.summary(map[string]any{"command": "recommend fit", "out": out, "users": len(m.Users), "items": len(m.Items),
		"ratings": r.Len(), "k": m.K, "train_rmse": m.TrainRMSE, "iterations": m.Iterations})
}

// loadModel loads --model.
func loadModel(c *cli.Context) (*recommend.Model, error) {
	if c.String("model") == "" {
		return nil, usageError{fmt.Sprintf("recommend %s needs --model DIR (written by 'recommend fit')", c.Command.Name)}
	}
	return recommend.Load(c.String("model"))
}

func recommendPredict(c *cli.Context) error {
	if c.NArg() != 1 {
		return usageError{fmt.Sprintf("recommend predict needs one file of (user, item) pairs, got %d arguments", c.NArg())}
	}
	if c.Int("knn") < 0 {
		return usageError{fmt.Sprintf("--knn must be 0 or more, got %d", c.Int("knn"))}
	}
	m, err := loadModel(c)
	if err != nil {
		return err
	}
	pairs, err := recommend.ReadPairs(c.Args().First(), recommend.ReadOptions{UserCol: c.String("user-col"), ItemCol: c.String("item-col")})
	if err != nil {
		return err
	}
	w := csv.NewWriter(os.Stdout)
	w.Write([]string{"user", "item", "rating", "note"})
	for _, p := range pairs {
		pr := m.Predict(p.User, p.Item)
		if k := c.Int("knn"); k > 0 {
			pr = m.PredictKNN(p.User, p.Item, k)
		}
		var note []string
		if pr.UnknownUser {
			note = append(note, "unknown user")
		}
		if pr.UnknownItem {
			note = append(note, "unknown item")
		}
		w.Write([]string{pr.User, pr.Item, strconv.FormatFloat(pr.Rating, 'f', 4, 64), strings.Join(note, "; ")})
	}
	w.Flush()
	return w.Error()
}

func recommendTop(c *cli.Context) error {
	m, err := loadModel(c)
	if err != nil {
		return err
	}
	if c.String("user") == "" {
		return usageError{"recommend top needs --user ID"}
	}
	top, err := m.Top(c.String("user"), c.Int("n"))
	if err != nil {
		return err
	}
	return printScored(newOutput(c), top, "predicted")
}

func recommendSimilar(c *cli.Context) error {
	m, err := loadModel(c)
	if err != nil {
		return err
	}
	if c.String("item") == "" {
		return usageError{"recommend similar needs --item ID"}
	}
	sim, err := m.Similar(c.String("item"), c.Int("n"))
	if err != nil {
		return err
	}
	return printScored(newOutput(c), sim, "cosine")
}

// printScored prints a ranked list, one item a line (or as JSON).
func printScored(out *output, list []recommend.Scored, what string) error {
	items := make([]map[string]any, len(list))
	for r, s := range list {
		out.text("%3d  %s %.4f  %s", r+1, what, s.Score, s.Item)
		items[r] = map[string]any{"item": s.Item, what: s.Score}
	}
	return out.summary(map[string]any{"items": items})
}

func recommendEval(c *cli.Context) error {
	r, opts, err := readRatings(c)
	if err != nil {
		return err
	}
	ev, err := recommend.Evaluate(c.Context, r, opts, c.Int("folds"), c.Uint64("seed"))
	if err != nil {
		return err
	}
	o := newOutput(c)
	folds := make([]map[string]any, len(ev.Folds))
	for f, fold := range ev.Folds {
		o.text("fold %d: RMSE %.4f  MAE %.4f  fit %.2fs  (train %d, test %d, %d unknown)",
			f+1, fold.RMSE, fold.MAE, fold.FitSeconds, fold.Train, fold.Test, fold.Unknown)
		folds[f] = map[string]any{"rmse": fold.RMSE, "mae": fold.MAE, "fit_s": fold.FitSeconds, "train": fold.Train, "test": fold.Test}
	}
	o.text("mean:   RMSE %.4f  MAE %.4f  fit %.2fs per fold", ev.RMSE, ev.MAE, ev.FitSecondsPerFold)
	return o.summary(map[string]any{"command": "recommend eval", "rmse": ev.RMSE, "mae": ev.MAE, "fit_s_per_fold": ev.FitSecondsPerFold, "folds": folds})
}
