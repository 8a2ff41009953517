package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Summary prints the console summary when a run ends: one line per topic
// (id, size, share, top 8 terms), the unassigned count, and the scores when
// there are labels (NMI, ARI, purity, accuracy).
func Summary(w io.Writer, run *Run) error {
	ew := &errWriter{w: w}
	idW, sizeW := len("topic"), len("docs")
	for _, t := range run.Topics {
		idW = max(idW, len(strconv.Itoa(t.ID)))
		sizeW = max(sizeW, len(count(t.Size)))
	}
	topics := "topics"
	if len(run.Topics) == 1 {
		topics = "topic"
	}
	ew.printf("%d %s over %s documents\n", len(run.Topics), topics, count(run.Documents))
	ew.printf("%*s  %*s  %7s  %s\n", idW, "topic", sizeW, "docs", "share", "top terms")
	for _, t := range run.Topics {
		terms := make([]string, 0, glanceWords)
		for _, tt := range t.Terms[:min(len(t.Terms), glanceWords)] {
			terms = append(terms, clean(tt.Term))
		}
		words := strings.Join(terms, " ")
		if words == "" {
			words = "-"
		}
		ew.printf("%*d  %*s  %7s  %s\n", idW, t.ID, sizeW, count(t.Size), percent(t.Share), words)
	}
	ew.printf("unassigned: %s documents\n", count(run.Unassigned))
	ew.printf("mean coherence (NPMI of the top terms): %s, diversity (distinct top-25 terms): %s\n", decimal(run.Coherence), decimal(run.Diversity))
	if s := run.Scores; s != nil {
		ew.printf("scores on %s labeled documents (%s unlabeled): NMI %s  ARI %s  purity %s  accuracy %s\n",
			count(s.Labeled), count(s.Unlabeled), decimal(s.NMI), decimal(s.ARI), decimal(s.Purity), decimal(s.Accuracy))
	}
	if ew.err != nil {
		return fmt.Errorf("write summary: %w", ew.err)
	}
	return nil
}

// errWriter keeps the first write error so a sequence of prints is checked once.
type errWriter struct {
	w   io.Writer
	err error
}

// printf writes unless an earlier write failed.
func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
