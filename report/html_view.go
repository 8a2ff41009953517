package report

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
)

// This file turns a Run into the page model the template renders: every
// number already formatted for people, every corpus string cleaned, every
// bar a percentage. The template only lays it out.

// page is what report.html.tmpl renders.
type page struct {
	Title      string
	Corpus     string
	Version    string
	Started    string
	Account    string
	Facts      []fact
	Params     []fact
	Timings    []timingRow
	Total      string
	Loss       string
	Objective  string
	Iterations string
	Trace      *lineChart
	Topics     []topicView
	Map        *mapChart
	Tree       *treeChart
	OverTime   *timeChart
	Unassigned string
	Scores     *scoresView
	Nav        []fact // Label = text, Value = anchor
}

// fact is a labelled value: a key figure, a parameter, a nav entry.
type fact struct {
	Label, Value string
}

// timingRow is one stage's wall time with a bar relative to the slowest stage.
type timingRow struct {
	Stage, Time string
	Bar         float64
}

// topicView is one topic as the page shows it.
type topicView struct {
	ID            int
	Name          string // "Topic 3"
	Anchor        string // "topic-3"
	Hue           int    // the topic's colour, an HSL hue
	Headline      string // its first three words
	Size          string
	SizeBar       float64 // percent of the largest topic
	Share         string
	Coherence     string
	Words         []wordView
	Glance        []wordView // the words shown in the overview
	Reps          []repView
	Majority      string
	MajorityShare string
	Empty         bool
}

// glanceWords is how many words a topic shows in the overview (and the console summary).
const glanceWords = 8

// wordView is one top term with a bar relative to the topic's heaviest term.
type wordView struct {
	Term, Stem, Weight string
	Bar                float64
}

// repView is one representative document.
type repView struct {
	ID, Label, Confidence, Snippet string
	Bar                            float64
}

// scoresView is the comparison with the corpus labels.
type scoresView struct {
	Stats     []fact
	Labeled   string
	Unlabeled string
	Cols      []heatCol
	Rows      []heatRow
	Totals    []string
	Total     string
}

// heatCol is a column of the contingency table: a topic, or the unassigned documents.
type heatCol struct {
	Label string
	Hue   int
	Href  string // "" for unassigned
}

// heatRow is one label's row of the contingency table.
type heatRow struct {
	Label string
	Total string
	Cells []heatCell
}

// heatCell is one count, shaded by its share of the row.
type heatCell struct {
	Count string
	Alpha float64 // 0..1, the row-normalised share
	Dark  bool    // dark enough that its text should be light
	Title string
}

// topicHue is a topic's colour: hues spread by the golden angle, so
// neighbouring ids get distinct colours and the same id always the same one.
func topicHue(id int) int {
	h := math.Mod(float64(id)*137.508+210, 360)
	if h < 0 {
		h += 360
	}
	return int(h)
}

// newPage builds the page model of a run.
func newPage(run *Run) *page {
	p := &page{
		Title:     "topicmill report",
		Corpus:    clean(run.Corpus),
		Version:   clean(run.Version),
		Account:   clean(run.Account),
		Loss:      clean(run.Loss),
		Objective: objective(run.Objective),
	}
	if p.Corpus != "" {
		p.Title = p.Corpus + " · topicmill report"
	}
	if !run.Started.IsZero() {
		p.Started = run.Started.Format("2 Jan 2006, 15:04 MST")
	}
	if n := len(run.Trace); n > 0 {
		p.Iterations = count(run.Trace[n-1].Iteration)
	}
	p.Facts = []fact{
		{"documents", count(run.Documents)},
		{"terms", count(run.Terms)},
		{"non-zeros", count(run.NonZeros)},
		{"topics", count(len(run.Topics))},
	}
	if len(run.Topics) > 0 {
		p.Facts = append(p.Facts, fact{"coherence", decimal(run.Coherence)})
	}
	if run.Documents > 0 && run.Terms > 0 {
		density := float64(run.NonZeros) / (float64(run.Documents) * float64(run.Terms))
		p.Facts = append(p.Facts, fact{"density", strconv.FormatFloat(density*100, 'g', 3, 64) + " %"})
	}
	p.Params = params(run.Parameters)
	p.Timings, p.Total = timings(run.Timings)
	p.Trace = traceChart(run.Trace, p.Loss)
	p.Topics = topicViews(run)
	p.Map = topicMap(run, p.Topics)
	p.Tree = topicTree(run, p.Topics)
	p.OverTime = overTimeChart(run, p.Topics)
	p.Unassigned = count(run.Unassigned)
	if run.Scores != nil {
		p.Scores = scores(run.Scores, p.Topics)
		p.Facts = append(p.Facts, fact{"NMI", decimal(run.Scores.NMI)}, fact{"accuracy", percent(run.Scores.Accuracy)})
	}
	if p.Total != "" {
		p.Facts = append(p.Facts, fact{"wall time", p.Total})
	}

	p.Nav = []fact{{"Run", "run"}, {"Topics", "topics"}}
	if p.Map != nil {
		p.Nav = append(p.Nav, fact{"Map", "map"})
	}
	if p.Tree != nil {
		p.Nav = append(p.Nav, fact{"Tree", "tree"})
	}
	if p.OverTime != nil {
		p.Nav = append(p.Nav, fact{"Over time", "time"})
	}
	p.Nav = append(p.Nav, fact{"Details", "details"})
	if p.Scores != nil {
		p.Nav = append(p.Nav, fact{"Labels", "labels"})
	}
	return p
}

// params lists the parameters sorted by name.
func params(m map[string]string) []fact {
	out := make([]fact, 0, len(m))
	for k, v := range m {
		out = append(out, fact{clean(k), clean(v)})
	}
	slices.SortFunc(out, func(a, b fact) int { return strings.Compare(a.Label, b.Label) })
	return out
}

// timings formats the stage times and their sum.
func timings(ts []Timing) ([]timingRow, string) {
	if len(ts) == 0 {
		return nil, ""
	}
	var total, slowest time.Duration
	for _, t := range ts {
		total += t.Duration
		slowest = max(slowest, t.Duration)
	}
	rows := make([]timingRow, len(ts))
	for i, t := range ts {
		rows[i] = timingRow{Stage: clean(t.Stage), Time: duration(t.Duration), Bar: bar(float64(t.Duration), float64(slowest))}
	}
	return rows, duration(total)
}

// topicViews formats every topic.
func topicViews(run *Run) []topicView {
	maxSize := 0
	for _, t := range run.Topics {
		maxSize = max(maxSize, t.Size)
	}
	out := make([]topicView, len(run.Topics))
	for i, t := range run.Topics {
		v := topicView{
			ID:        t.ID,
			Name:      "Topic " + strconv.Itoa(t.ID),
			Anchor:    "topic-" + strconv.Itoa(t.ID),
			Hue:       topicHue(t.ID),
			Size:      count(t.Size),
			SizeBar:   bar(float64(t.Size), float64(maxSize)),
			Share:     percent(t.Share),
			Coherence: decimal(t.Coherence),
			Majority:  clean(t.MajorityLabel),
			Empty:     t.Size == 0,
		}
		if v.Majority != "" {
			v.MajorityShare = percent(t.LabelShare)
		}
		heaviest := 0.0
		for _, w := range t.Terms {
			heaviest = math.Max(heaviest, w.Weight)
		}
		prec := weightDecimals(heaviest)
		words := make([]string, 0, 3)
		for _, w := range t.Terms {
			wv := wordView{Term: clean(w.Term), Stem: clean(w.Stem), Weight: strconv.FormatFloat(w.Weight, 'f', prec, 64), Bar: bar(w.Weight, heaviest)}
			v.Words = append(v.Words, wv)
			if len(words) < 3 {
				words = append(words, wv.Term)
			}
		}
		v.Glance = v.Words[:min(len(v.Words), glanceWords)]
		v.Headline = strings.Join(words, " ")
		for _, d := range t.Representatives {
			v.Reps = append(v.Reps, repView{
				ID: clean(d.ID), Label: clean(d.Label), Snippet: clean(d.Snippet),
				Confidence: percent(d.Confidence), Bar: bar(d.Confidence, 1),
			})
		}
		out[i] = v
	}
	return out
}

// scores formats the label scores and the contingency table as a heat map.
func scores(s *Scores, topics []topicView) *scoresView {
	v := &scoresView{
		Stats: []fact{
			{"NMI", decimal(s.NMI)},
			{"ARI", decimal(s.ARI)},
			{"purity", decimal(s.Purity)},
			{"accuracy", decimal(s.Accuracy)},
		},
		Labeled:   count(s.Labeled),
		Unlabeled: count(s.Unlabeled),
	}
	byID := make(map[int]topicView, len(topics))
	for _, t := range topics {
		byID[t.ID] = t
	}
	for _, c := range s.Clusters {
		if c < 0 {
			v.Cols = append(v.Cols, heatCol{Label: "unassigned", Hue: -1})
			continue
		}
		col := heatCol{Label: strconv.Itoa(c), Hue: topicHue(c)}
		if t, ok := byID[c]; ok {
			col.Href = "#" + t.Anchor
		}
		v.Cols = append(v.Cols, col)
	}
	colTotals := make([]int, len(s.Clusters))
	total := 0
	for i, label := range s.Labels {
		if i >= len(s.Contingency) {
			break
		}
		row := s.Contingency[i]
		rowTotal := 0
		for _, n := range row {
			rowTotal += n
		}
		r := heatRow{Label: clean(label), Total: count(rowTotal)}
		for j, n := range row {
			share := 0.0
			if rowTotal > 0 {
				share = float64(n) / float64(rowTotal)
			}
			if j < len(colTotals) {
				colTotals[j] += n
			}
			cell := heatCell{Count: count(n), Alpha: round2(share), Dark: share >= 0.5}
			cell.Title = r.Label + ": " + count(n) + " documents (" + percent(share) + " of the label)"
			if n == 0 {
				cell.Count = ""
			}
			r.Cells = append(r.Cells, cell)
		}
		total += rowTotal
		v.Rows = append(v.Rows, r)
	}
	for _, n := range colTotals {
		v.Totals = append(v.Totals, count(n))
	}
	v.Total = count(total)
	return v
}

// bar is x as a percentage of full, rounded for CSS widths; 0 when full is 0.
func bar(x, full float64) float64 {
	if full <= 0 || math.IsNaN(x) {
		return 0
	}
	return round1(math.Max(0, math.Min(100, 100*x/full)))
}

// weightDecimals is how many decimals give a topic's heaviest weight three
// significant digits; all its weights use the same, so they line up.
func weightDecimals(heaviest float64) int {
	if heaviest <= 0 || math.IsNaN(heaviest) || math.IsInf(heaviest, 0) {
		return 3
	}
	return max(0, min(8, 2-int(math.Floor(math.Log10(heaviest)))))
}
