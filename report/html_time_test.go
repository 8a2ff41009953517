package report

import (
	"strings"
	"testing"
	"time"
)

// withOverTime adds two months to sampleRun's four topics: January's 4
// documents split 2, 1, 0, 1; February's 10 split 1, 2, 3, 3 (one has no
// topic).
func withOverTime(run *Run) *Run {
	jan, feb, mar := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 2, 1, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)
	for p, docs := range [][]int{{2, 1, 0, 1}, {1, 2, 3, 3}} {
		start, end, label, total := jan, feb, "2024-01", 4
		if p == 1 {
			start, end, label, total = feb, mar, "2024-02", 10
		}
		for t, n := range docs {
			run.OverTime = append(run.OverTime, PeriodTopic{Start: start, End: end, Period: label, Topic: t, Documents: n, Total: total, Share: float64(n) / float64(total), Terms: []string{"word" + label, "<b>"}})
		}
	}
	return run
}

func TestOverTimeChart(t *testing.T) {
	run := withOverTime(sampleRun())
	c := overTimeChart(run, topicViews(run))
	if c == nil {
		t.Fatal("no chart for a run with topics over time")
	}
	// Two periods over 64 … 944 px (centres 284 and 724), shares over 260 … 12 px.
	if want := "M64 136 L284 136 L724 235.2 L944 235.2 L944 260 L724 260 L284 260 L64 260 Z"; c.Areas[0].Path != want {
		t.Errorf("topic 0's band %q, want %q", c.Areas[0].Path, want)
	}
	if want := "M64 12 L284 12 L724 36.8 L944 36.8 L944 111.2 L724 111.2 L284 74 L64 74 Z"; c.Areas[3].Path != want {
		t.Errorf("topic 3's band %q, want %q", c.Areas[3].Path, want)
	}
	if len(c.Cells) != 7 {
		t.Errorf("%d hover cells, want 7 (one per topic and period with documents)", len(c.Cells))
	}
	want := timeCell{X: 64, Y: 136, W: 440, H: 124, Title: "Topic 0 · 2024-01: 2 of 4 documents (50.0 %) · word2024-01 <b>"}
	if c.Cells[0] != want {
		t.Errorf("first cell %+v, want %+v", c.Cells[0], want)
	}
	if c.Periods != "2 periods, 2024-01 to 2024-02" {
		t.Errorf("caption %q", c.Periods)
	}
	out := render(t, run)
	for _, w := range []string{
		`<section id="time" class="section">`,
		`href="#time"`,
		`<title>Topic 3 · 2024-02: 3 of 10 documents (30.0 %) · word2024-02 &lt;b&gt;</title>`,
		`>2024-02</text>`,
	} {
		if !strings.Contains(out, w) {
			t.Errorf("report lacks %q", w)
		}
	}
	if out := render(t, sampleRun()); strings.Contains(out, `id="time"`) || strings.Contains(out, `href="#time"`) {
		t.Error("a report without dates has a time section")
	}
}
