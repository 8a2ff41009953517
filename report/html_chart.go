package report

import (
	"math"
	"strconv"
)

// This file turns the run's numbers into SVG geometry (coordinates, ticks,
// paths) that the template draws; nothing here writes markup, so every
// label still goes through html/template's escaping.

// tick is one labelled position on a chart axis.
type tick struct {
	Pos   float64 // pixel position along the axis
	Label string
}

// lineChart is the objective trace drawn as a polyline in a fixed viewBox.
type lineChart struct {
	W, H                     float64 // viewBox size
	Left, Right, Top, Bottom float64 // plot area edges in pixels
	Path                     string  // SVG path data of the line
	Dots                     []point // markers (only when there are few points)
	XTicks, YTicks           []tick
	YLabel                   string
	Log                      bool
	YTickX, XTickY           float64 // where tick labels sit
	XLabelX, XLabelY         float64 // where the axis titles sit
	YLabelY                  float64
}

// point is one marker on the trace.
type point struct {
	X, Y  float64
	Title string
}

// Trace chart geometry, in viewBox pixels.
const (
	traceW, traceH                           = 560.0, 240.0
	traceLeft, traceRight, traceTop, traceBo = 84.0, 548.0, 12.0, 190.0
)

// logRatio is the max/min ratio of the objective above which its axis is logarithmic.
const logRatio = 10

// traceChart lays out the objective trace; nil when there is nothing to draw.
func traceChart(trace []TracePoint, loss string) *lineChart {
	if len(trace) == 0 {
		return nil
	}
	c := &lineChart{
		W: traceW, H: traceH, Left: traceLeft, Right: traceRight, Top: traceTop, Bottom: traceBo,
		YTickX: traceLeft - 8, XTickY: traceBo + 16, YLabelY: (traceTop + traceBo) / 2, XLabelX: (traceLeft + traceRight) / 2, XLabelY: traceH - 4,
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range trace {
		lo, hi = math.Min(lo, p.Objective), math.Max(hi, p.Objective)
	}
	c.Log = lo > 0 && hi/lo > logRatio
	c.YLabel = "objective"
	if loss != "" {
		c.YLabel = loss + " objective"
	}
	if c.Log {
		c.YLabel += " (log scale)"
	}

	// y scale
	var ymap func(v float64) float64
	if c.Log {
		l0, l1 := math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
		ymap = func(v float64) float64 {
			return c.Bottom - (math.Log10(v)-l0)/(l1-l0)*(c.Bottom-c.Top)
		}
		step := math.Max(1, math.Ceil((l1-l0)/5))
		for e := l0; e <= l1; e += step {
			v := math.Pow(10, e)
			c.YTicks = append(c.YTicks, tick{Pos: ymap(v), Label: objective(v)})
		}
	} else {
		vals := niceTicks(lo, hi, 4)
		d0, d1 := vals[0], vals[len(vals)-1]
		ymap = func(v float64) float64 {
			return c.Bottom - (v-d0)/(d1-d0)*(c.Bottom-c.Top)
		}
		for _, v := range vals {
			c.YTicks = append(c.YTicks, tick{Pos: ymap(v), Label: objective(v)})
		}
	}

	// x scale over iteration numbers
	i0, i1 := float64(trace[0].Iteration), float64(trace[len(trace)-1].Iteration)
	xs := niceTicks(i0, i1, 6)
	x0, x1 := xs[0], xs[len(xs)-1]
	xmap := func(v float64) float64 { return c.Left + (v-x0)/(x1-x0)*(c.Right-c.Left) }
	for _, v := range xs {
		c.XTicks = append(c.XTicks, tick{Pos: xmap(v), Label: count(int(v))})
	}

	buf := make([]byte, 0, len(trace)*16)
	for i, p := range trace {
		if i == 0 {
			buf = append(buf, 'M')
		} else {
			buf = append(buf, ' ', 'L')
		}
		buf = strconv.AppendFloat(buf, round1(xmap(float64(p.Iteration))), 'f', -1, 64)
		buf = append(buf, ' ')
		buf = strconv.AppendFloat(buf, round1(ymap(p.Objective)), 'f', -1, 64)
	}
	c.Path = string(buf)
	if len(trace) <= 30 {
		for _, p := range trace {
			c.Dots = append(c.Dots, point{
				X: round1(xmap(float64(p.Iteration))), Y: round1(ymap(p.Objective)),
				Title: "iteration " + count(p.Iteration) + ": " + objective(p.Objective),
			})
		}
	}
	return c
}

// niceTicks returns about n evenly spaced round values (steps of 1, 2 or 5
// times a power of ten) whose first and last enclose [lo, hi].
func niceTicks(lo, hi float64, n int) []float64 {
	if hi < lo {
		lo, hi = hi, lo
	}
	if hi == lo {
		pad := math.Abs(lo) * 0.05
		if pad == 0 {
			pad = 1
		}
		lo, hi = lo-pad, hi+pad
	}
	raw := (hi - lo) / float64(n)
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	first := math.Floor(lo / step)
	var out []float64
	for i := first; ; i++ {
		out = append(out, i*step)
		if i*step >= hi-step*1e-9 {
			break
		}
	}
	return out
}

// round1 rounds to one decimal, enough for pixel coordinates and widths.
func round1(x float64) float64 { return math.Round(x*10) / 10 }

// round2 rounds to two decimals, enough for opacities.
func round2(x float64) float64 { return math.Round(x*100) / 100 }
