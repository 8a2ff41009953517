package report

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"math"
	"strconv"

	"github.com/topicmill/topicmill/internal/atomicfile"
)

//go:embed templates/sweep.html.tmpl templates/report.css
var sweepFS embed.FS

// sweepTemplate is the parsed sweep page; it shares the run report's
// stylesheet.
var sweepTemplate = template.Must(parseSweep())

// parseSweep parses the embedded sweep page and the shared stylesheet.
func parseSweep() (*template.Template, error) {
	t, err := template.New("sweep.html.tmpl").ParseFS(sweepFS, "templates/sweep.html.tmpl")
	if err != nil {
		return nil, err
	}
	css, err := sweepFS.ReadFile("templates/report.css")
	if err != nil {
		return nil, err
	}
	if _, err := t.New("css").Parse(string(css)); err != nil {
		return nil, err
	}
	return t, nil
}

// RenderSweepHTML writes a sweep as one self-contained HTML page: the
// recommendation, one inline SVG chart per measure against k, and the
// table of every measure. Like the run report it loads nothing and runs no
// script.
func RenderSweepHTML(w io.Writer, s *Sweep) error {
	if err := sweepTemplate.Execute(w, newSweepPage(s)); err != nil {
		return fmt.Errorf("render sweep page: %w", err)
	}
	return nil
}

// WriteSweepHTML renders a sweep's page into path atomically.
func WriteSweepHTML(path string, s *Sweep) error {
	return atomicfile.Write(path, func(w io.Writer) error { return RenderSweepHTML(w, s) })
}

// sweepPage is what sweep.html.tmpl renders.
type sweepPage struct {
	Title, Source, Version string
	Recommended, Rule, Why string
	Facts, Params          []fact
	Timings                []timingRow
	Total                  string
	Charts                 []*kChart
	Head                   []string
	Rows                   []sweepRowView
}

// sweepRowView is one k of the page's table.
type sweepRowView struct {
	Cells       []string
	Recommended bool
}

// newSweepPage builds the page model of a sweep.
func newSweepPage(s *Sweep) *sweepPage {
	p := &sweepPage{
		Title:       "topicmill sweep",
		Source:      clean(s.Source),
		Version:     clean(s.Version),
		Recommended: strconv.Itoa(s.Recommended),
		Rule:        clean(s.Rule),
		Why:         clean(s.Reason),
		Params:      params(s.Parameters),
	}
	if p.Source != "" {
		p.Title = p.Source + " · " + p.Title
	}
	shape := "terms × documents"
	if s.Matrix {
		shape = "rows × columns"
	}
	p.Facts = []fact{
		{"recommended k", p.Recommended},
		{"ks tried", strconv.Itoa(len(s.Points))},
		{"fits per k", strconv.Itoa(s.Seeds)},
		{shape, count(s.Rows) + " × " + count(s.Cols)},
	}
	p.Timings, p.Total = timings(s.Timings)
	cols := sweepColumns(s)
	for _, c := range cols {
		p.Head = append(p.Head, c.name)
	}
	for _, pt := range s.Points {
		row := sweepRowView{Recommended: pt.K == s.Recommended}
		for _, c := range cols {
			row.Cells = append(row.Cells, c.format(pt))
		}
		p.Rows = append(p.Rows, row)
	}
	get := func(f func(SweepPoint) float64) []float64 {
		vs := make([]float64, len(s.Points))
		for i, pt := range s.Points {
			vs[i] = f(pt)
		}
		return vs
	}
	charts := []struct {
		title, note string
		series      []series
	}{
		{"Objective", "final objective of the fit; lower is closer, and always falls as k grows", []series{{"objective", get(func(p SweepPoint) float64 { return p.Objective })}}},
		{"Coherence", "mean NPMI of each topic's top terms over the documents", []series{{"coherence", get(func(p SweepPoint) float64 { return p.Coherence })}}},
		{"Stability", "agreement of the seeds' assignments: mean pairwise ARI, and the cophenetic correlation of their consensus", []series{
			{"stability (ARI)", get(func(p SweepPoint) float64 { return p.Stability })},
			{"cophenetic", get(func(p SweepPoint) float64 { return p.Cophenetic })},
		}},
		{"Labels", "the first fit's topics against the corpus labels", []series{
			{"NMI", get(func(p SweepPoint) float64 { return p.NMI })},
			{"ARI", get(func(p SweepPoint) float64 { return p.ARI })},
		}},
		{"Time", "wall seconds of one fit", []series{{"seconds per fit", get(func(p SweepPoint) float64 { return p.Seconds })}}},
	}
	ks := get(func(p SweepPoint) float64 { return float64(p.K) })
	for _, c := range charts {
		if ch := newKChart(c.title, c.note, ks, float64(s.Recommended), c.series); ch != nil {
			p.Charts = append(p.Charts, ch)
		}
	}
	return p
}

// series is one measure over the ks.
type series struct {
	name   string
	values []float64 // NaN where not measured
}

// kChart is one measure (or two) drawn against k.
type kChart struct {
	Title, Note              string
	W, H                     float64
	Left, Right, Top, Bottom float64
	XTicks, YTicks           []tick
	Lines                    []kLine
	MarkX                    float64 // x of the recommended k
	LogK                     bool
	YTickX, XTickY, XLabelX  float64
	XLabelY                  float64
}

// kLine is one series as SVG: its path, its markers and its legend entry.
type kLine struct {
	Name, Class, Path string
	Dots              []point
	LegendX, LegendY  float64
}

// Geometry of a k chart, in viewBox pixels.
const (
	kChartW, kChartH             = 360.0, 220.0
	kLeft, kRight, kTop, kBottom = 56.0, 348.0, 30.0, 180.0
	kLogRatio                    = 4 // k axis is logarithmic when max k / min k is above this
)

// newKChart lays out a chart of series over ks (increasing); nil when no
// series has a measured value.
func newKChart(title, note string, ks []float64, recommended float64, ss []series) *kChart {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, s := range ss {
		for _, v := range s.values {
			if measured(v) {
				lo, hi = math.Min(lo, v), math.Max(hi, v)
			}
		}
	}
	if math.IsInf(lo, 1) {
		return nil
	}
	c := &kChart{
		Title: title, Note: note,
		W: kChartW, H: kChartH, Left: kLeft, Right: kRight, Top: kTop, Bottom: kBottom,
		YTickX: kLeft - 8, XTickY: kBottom + 14, XLabelX: (kLeft + kRight) / 2, XLabelY: kChartH - 4,
	}
	k0, k1 := ks[0], ks[len(ks)-1]
	c.LogK = k0 > 0 && k1/k0 > kLogRatio
	pos := func(k float64) float64 { return k }
	if c.LogK {
		pos = math.Log
	}
	xmap := func(k float64) float64 {
		if k0 == k1 {
			return (c.Left + c.Right) / 2
		}
		return round1(c.Left + (pos(k)-pos(k0))/(pos(k1)-pos(k0))*(c.Right-c.Left))
	}
	for _, k := range ks {
		c.XTicks = append(c.XTicks, tick{Pos: xmap(k), Label: strconv.Itoa(int(k))})
	}
	c.MarkX = xmap(recommended)
	ys := niceTicks(lo, hi, 4)
	d0, d1 := ys[0], ys[len(ys)-1]
	ymap := func(v float64) float64 { return round1(c.Bottom - (v-d0)/(d1-d0)*(c.Bottom-c.Top)) }
	for _, v := range ys {
		c.YTicks = append(c.YTicks, tick{Pos: ymap(v), Label: objective(v)})
	}
	legendX := c.Left
	for i, s := range ss {
		l := kLine{Name: s.name, Class: "s" + strconv.Itoa(i), LegendX: legendX, LegendY: 14}
		legendX += 16 + 7*float64(len(s.name)) + 18
		buf := []byte{}
		pen := byte('M')
		for j, v := range s.values {
			if !measured(v) {
				pen = 'M'
				continue
			}
			x, y := xmap(ks[j]), ymap(v)
			if len(buf) > 0 {
				buf = append(buf, ' ')
			}
			buf = append(buf, pen)
			buf = strconv.AppendFloat(buf, x, 'f', -1, 64)
			buf = append(buf, ' ')
			buf = strconv.AppendFloat(buf, y, 'f', -1, 64)
			pen = 'L'
			l.Dots = append(l.Dots, point{X: x, Y: y, Title: fmt.Sprintf("k = %d: %s %s", int(ks[j]), s.name, objective(v))})
		}
		if len(l.Dots) > 0 {
			l.Path = string(buf)
			c.Lines = append(c.Lines, l)
		}
	}
	return c
}
