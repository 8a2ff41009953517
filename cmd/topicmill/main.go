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
	exitFailure = 1
	exitInput   = 2
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	app := newApp()
	if err := app.RunContext(ctx, interspersed(app, os.Args)); err != nil {
		fmt.Fprintln(os.Stderr, "topicmill:", err)
		os.Exit(exitCode(err))
	}
}

// newApp declares the command line, one file per sub-command.
func newApp() *cli.App {
	return &cli.App{
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
	}
}

// usageError marks an error in how the command was called.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// exitCode maps an error to the process's exit status.
func exitCode(err error) int {
	var usage usageError
	if errors.Is(err, corpus.ErrInput) || errors.As(err, &usage) {
		return exitInput
	}
	return exitFailure
}
