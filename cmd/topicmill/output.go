package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"

	"github.com/topicmill/topicmill/corpus"
	"github.com/topicmill/topicmill/pipeline"
)

// outputFlags are --quiet and --json, on every sub-command.
func outputFlags() []cli.Flag {
	return []cli.Flag{
		&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print nothing but errors (and the --json summary)"},
		&cli.BoolFlag{Name: "json", Usage: "print one JSON summary on stdout (paths written, counts, scores, timings) instead of the text summary"},
	}
}

// output is how a sub-command reports: text lines on stdout and notes on
// stderr, one JSON object on stdout with --json, only errors with --quiet;
// progress bars on stderr when it is a terminal.
type output struct {
	json, quiet    bool
	stdout, stderr io.Writer
	terminal       bool // stderr is a terminal: progress bars are drawn
	bar            *progressbar.ProgressBar
	stage          string
	skipped        int // documents skipped so far
}

// shownSkips is how many skipped documents are named on the console; the
// rest are counted, so that a corpus with many skips does not flood it.
const shownSkips = 5

// problem tells the user on stderr about the first few documents that
// were skipped, naming the file and the reason; repairs and truncations are
// counted in the closing account.
func (o *output) problem(p corpus.Problem) {
	if !p.Reason.IsSkip() {
		return
	}
	o.skipped++
	if o.skipped <= shownSkips {
		o.note("topicmill: skipped %s", sanitize(p.String()))
	}
}

// moreSkips notes how many skipped documents were not named.
func (o *output) moreSkips() {
	if o.skipped > shownSkips {
		o.note("topicmill: … and %d more skipped (the account below counts them by reason)", o.skipped-shownSkips)
	}
}

// sanitize escapes control characters (a file name can hold terminal
// escape sequences) so that what is printed is what the name holds.
func sanitize(s string) string {
	clean := true
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			fmt.Fprintf(&b, "\\x%02x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// newOutput reads --quiet and --json.
func newOutput(c *cli.Context) *output {
	return &output{json: c.Bool("json"), quiet: c.Bool("quiet"), stdout: os.Stdout, stderr: os.Stderr, terminal: isTerminal(os.Stderr)}
}

// isTerminal reports whether f is a character device (a terminal).
func isTerminal(f *os.File) bool {
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// text prints a line of the text summary on stdout.
func (o *output) text(format string, args ...any) {
	if !o.json && !o.quiet {
		fmt.Fprintf(o.stdout, format+"\n", args...)
	}
}

// textWriter is stdout for a text summary, or io.Discard.
func (o *output) textWriter() io.Writer {
	if o.json || o.quiet {
		return io.Discard
	}
	return o.stdout
}

// note prints a line on stderr (accounts, timings) unless --quiet.
func (o *output) note(format string, args ...any) {
	if !o.quiet {
		fmt.Fprintf(o.stderr, format+"\n", args...)
	}
}

// summary prints v as one line of JSON on stdout with --json.
func (o *output) summary(v any) error {
	if !o.json {
		return nil
	}
	return json.NewEncoder(o.stdout).Encode(v)
}

// progress returns the progress callback of a long stage: a bar per stage
// (github.com/schollz/progressbar: it sizes itself to the terminal and
// throttles its redraws), or nil when stderr is not a terminal or --quiet.
func (o *output) progress() func(pipeline.Event) {
	if !o.terminal || o.quiet {
		return nil
	}
	return func(e pipeline.Event) {
		if e.Stage != o.stage {
			o.done()
			o.stage = e.Stage
			max := int64(e.Total)
			if max == 0 {
				max = -1 // a spinner with the count
			}
			o.bar = progressbar.NewOptions64(max,
				progressbar.OptionSetWriter(o.stderr),
				progressbar.OptionSetDescription(e.Stage),
				progressbar.OptionShowCount(),
				progressbar.OptionSetWidth(30),
				progressbar.OptionClearOnFinish(),
				progressbar.OptionThrottle(100e6),
			)
		}
		if e.Total > 0 { // the count is the bar's; the message says the rest
			o.bar.Describe(e.Stage + " " + e.Message)
		}
		o.bar.Set(e.Done)
	}
}

// done clears the progress bar, if one is drawn.
func (o *output) done() {
	if o.bar != nil {
		o.bar.Finish()
		o.bar = nil
	}
}
