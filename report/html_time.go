package report

import (
	"strconv"
	"strings"
)

// This file lays out Run.OverTime as a stacked area chart: periods along
// x, each topic's share of the period's documents stacked up to at most
// 100 % (the gap above is documents with no topic), one band per topic in
// its colour, and one hover cell per period and topic whose tooltip gives
// the counts and the topic's words in that period.

// timeChart is the stacked area chart of the topics' shares over time.
type timeChart struct {
	W, H                     float64
	Left, Right, Top, Bottom float64
	YTicks, XTicks           []tick
	YTickX, XTickY           float64
	Areas                    []timeArea
	Cells                    []timeCell
	Periods                  string // "12 months from 2023-01 to 2023-12"-like caption
}

// timeArea is one topic's band.
type timeArea struct {
	Path  string
	Hue   int
	Href  string
	Title string
}

// timeCell is one topic in one period: a transparent box over its slice of
// the band, there for its tooltip.
type timeCell struct {
	X, Y, W, H float64
	Title      string
}

// Time chart geometry, in viewBox pixels.
const (
	timeW, timeH                          = 960.0, 300.0
	timeLeft, timeRight, timeTop, timeBot = 64.0, 944.0, 12.0, 260.0
	timeXLabels                           = 12 // at most this many period labels
	timeTitleWords                        = 10
)

// overTimeChart lays out run.OverTime; nil when there is none (no dates,
// or no time bins asked for).
func overTimeChart(run *Run, views []topicView) *timeChart {
	k := len(views)
	if k == 0 || len(run.OverTime) == 0 || len(run.OverTime)%k != 0 {
		return nil
	}
	np := len(run.OverTime) / k
	c := &timeChart{W: timeW, H: timeH, Left: timeLeft, Right: timeRight, Top: timeTop, Bottom: timeBot, YTickX: timeLeft - 8, XTickY: timeBot + 16}
	step := (timeRight - timeLeft) / float64(np)
	x := func(p int) float64 { return round1(timeLeft + (float64(p)+0.5)*step) }
	y := func(share float64) float64 { return round1(timeBot - share*(timeBot-timeTop)) }
	for _, v := range []float64{0, 0.25, 0.5, 0.75, 1} {
		c.YTicks = append(c.YTicks, tick{Pos: y(v), Label: strconv.Itoa(int(v*100)) + " %"})
	}
	every := (np + timeXLabels - 1) / timeXLabels
	for p := 0; p < np; p += every {
		c.XTicks = append(c.XTicks, tick{Pos: x(p), Label: clean(run.OverTime[p*k].Period)})
	}
	// below[p] is the stacked share under the current topic in period p.
	below := make([]float64, np)
	above := make([]float64, np)
	for t := 0; t < k; t++ {
		var top, bottom []string
		for p := 0; p < np; p++ {
			cell := run.OverTime[p*k+t]
			above[p] = below[p] + cell.Share
			top = append(top, coord(x(p))+" "+coord(y(above[p])))
			bottom = append(bottom, coord(x(p))+" "+coord(y(below[p])))
			if cell.Documents > 0 {
				c.Cells = append(c.Cells, timeCell{
					X: round1(timeLeft + float64(p)*step), Y: y(above[p]), W: round1(step), H: round1(y(below[p]) - y(above[p])),
					Title: views[t].Name + " · " + clean(cell.Period) + ": " + count(cell.Documents) + " of " + count(cell.Total) + " documents (" + percent(cell.Share) + ") · " + clean(strings.Join(cell.Terms[:min(timeTitleWords, len(cell.Terms))], " ")),
				})
			}
		}
		// The band runs flat from the left edge to the first period and
		// from the last one to the right edge, so one period is a band too.
		path := "M" + coord(timeLeft) + " " + coord(y(above[0])) + " L" + strings.Join(top, " L") + " L" + coord(timeRight) + " " + coord(y(above[np-1])) +
			" L" + coord(timeRight) + " " + coord(y(below[np-1]))
		for p := np - 1; p >= 0; p-- {
			path += " L" + bottom[p]
		}
		path += " L" + coord(timeLeft) + " " + coord(y(below[0])) + " Z"
		v := views[t]
		c.Areas = append(c.Areas, timeArea{Path: path, Hue: v.Hue, Href: "#" + v.Anchor, Title: v.Name + ": " + v.Headline})
		below, above = above, below
	}
	first, last := run.OverTime[0], run.OverTime[len(run.OverTime)-1]
	c.Periods = count(np) + " periods, " + clean(first.Period) + " to " + clean(last.Period)
	return c
}
