// Command topicmill finds the topics in a collection of documents and sorts
// every document into one: read, tokenize, TF-IDF, NMF, assign, report.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"

	"github.com/urfave/cli/v2"

	"github.com/topicmill/topicmill/corpus"
	"github.com/topicmill/topicmill/pipeline"
)

// Exit codes: 1 for a failure during a run, 2 for input that cannot be used
// at all (bad flags, a missing or empty corpus).
const (
	exitFailure     = 1
	exitInput       = 2
	exitInterrupted = 130
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	app := newApp()
	if err := app.RunContext(ctx, interspersed(app, os.Args)); err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintln(os.Stderr, "topicmill: interrupted; no output was written in part")
		} else {
			fmt.Fprintln(os.Stderr, "topicmill:", err)
		}
		os.Exit(exitCode(err))
	}
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
	case errors.Is(err, corpus.ErrInput) || errors.As(err, &usage):
		return exitInput
	}
	return exitFailure
}
