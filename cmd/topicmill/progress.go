package main

import (
	"fmt"
	"io"
	"os"

	"github.com/topicmill/topicmill/pipeline"
)

// progressTo returns a progress printer that rewrites one status line on
// stderr when stderr is a terminal, and nil otherwise (logs stay clean).
func progressTo(w *os.File) func(pipeline.Event) {
	info, err := w.Stat()
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return func(e pipeline.Event) { printProgress(w, e) }
}

// printProgress writes one progress event over the previous one.
func printProgress(w io.Writer, e pipeline.Event) {
	fmt.Fprintf(w, "\r\033[K%-9s %s (%.1fs)", e.Stage, e.Message, e.Elapsed.Seconds())
}

// endProgress clears the status line, if there is one.
func endProgress(p func(pipeline.Event)) {
	if p != nil {
		fmt.Fprint(os.Stderr, "\r\033[K")
	}
}
