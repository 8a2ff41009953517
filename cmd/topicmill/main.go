// Command topicmill finds the topics in a collection of documents and sorts
// every document into one: read, tokenize, TF-IDF, NMF, assign, report.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/topicmill/topicmill/corpus"
	"github.com/topicmill/topicmill/pipeline"
	"github.com/topicmill/topicmill/recommend"
)

// Exit codes: 1 for a failure during a run, 2 for input that cannot be used
// at all (bad flags or settings, a missing or empty corpus, a damaged model
// or matrix), 130 when interrupted.
const (
	exitFailure     = 1
	exitInput       = 2
	exitInterrupted = 130
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, os.Args); err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintln(os.Stderr, "topicmill: interrupted; no output was written in part")
		} else {
			fmt.Fprintln(os.Stderr, "topicmill:", sanitize(err.Error()))
		}
		os.Exit(exitCode(err))
	}
}

// run parses the command line and runs the sub-command it names.
func run(ctx context.Context, args []string) error {
	app := newApp()
	if len(args) > 1 && !strings.HasPrefix(args[1], "-") && args[1] != "help" && app.Command(args[1]) == nil {
		return usageError{fmt.Sprintf("unknown command %q (see 'topicmill --help')", args[1])}
	}
	return app.RunContext(ctx, interspersed(app, args))
}

// newApp declares the command line, one file per sub-command.
func newApp() *cli.App {
	app := &cli.App{
		Name:    "topicmill",
		Usage:   "find the topics in a collection of documents and sort every document into one",
		Version: pipeline.Version,
		Commands: []*cli.Command{
			runCommand(),
			vectorizeCommand(),
			factorCommand(),
			assignCommand(),
			versionCommand(),
			topicsCommand(),
			reduceCommand(),
			sweepCommand(),
			recommendCommand(),
		},
		// Errors are printed once, by main.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError:   onUsageError,
	}
	for _, cmd := range app.Commands {
		cmd.OnUsageError = onUsageError
	}
	return app
}

// onUsageError turns a flag that cannot be parsed into a usage error (exit
// 2) that names the command, instead of urfave/cli's full help text.
func onUsageError(c *cli.Context, err error, _ bool) error {
	name := "topicmill"
	if c.Command != nil && c.Command.Name != "" {
		name += " " + c.Command.Name
	}
	return usageError{fmt.Sprintf("%v (see '%s --help')", err, name)}
}

// usageError marks an error in how the command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// exitCode maps an error to the process's exit status.
func exitCode(err error) int {
	var usage usageError
	switch {
	case errors.Is(err, context.Canceled):
		return exitInterrupted
	case errors.As(err, &usage):
		return exitInput
	}
	for _, unusable := range []error{corpus.ErrInput, pipeline.ErrInvalid, pipeline.ErrNoTerms, pipeline.ErrModel, pipeline.ErrMatrix,
		recommend.ErrInput, recommend.ErrInvalid, recommend.ErrModel, recommend.ErrUnknown} {
		if errors.Is(err, unusable) {
			return exitInput
		}
	}
	return exitFailure
}
