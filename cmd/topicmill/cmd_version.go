package main

import (
	"runtime"

	"github.com/urfave/cli/v2"

	"github.com/topicmill/topicmill/pipeline"
)

// versionCommand is `topicmill version`: the version, and with --json the
// model format and Go version, for scripts that check what they run.
func versionCommand() *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print topicmill's version",
		Description: `Example:
   topicmill version --json`,
		Flags: outputFlags(),
		Action: func(c *cli.Context) error {
			out := newOutput(c)
			out.text("topicmill %s (model format %d, %s)", pipeline.Version, pipeline.ModelFormat, runtime.Version())
			return out.summary(map[string]any{"version": pipeline.Version, "model_format": pipeline.ModelFormat, "go": runtime.Version()})
		},
	}
}
