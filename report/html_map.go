package report

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"unicode/utf8"
)

// This file lays out the topic map: Run.TopicMap stretched to the chart,
// circles sized by topic size, a line from each topic to its most similar
// one, and labels placed where they overlap the least.

// mapChart is the 2-D topic map: one circle per topic, edges to similar topics.
type mapChart struct {
	W, H  float64
	Nodes []mapNode
	Edges []mapEdge
}

// mapNode is one topic on the map.
type mapNode struct {
	X, Y, R        float64
	Hue            int
	Href           string
	Label          string
	LabelX, LabelY float64
	LabelAnchor    string // SVG text-anchor: start, middle or end
	Title          string
	Empty          bool // an empty topic, drawn hollow
}

// mapEdge joins two similar topics; Width and Opacity grow with similarity.
type mapEdge struct {
	X1, Y1, X2, Y2 float64
	Width, Opacity float64
}

// Topic map geometry, in viewBox pixels; label sizes are estimates for 12 px text.
const (
	mapW, mapH   = 960.0, 440.0
	mapPad       = 16.0
	labelCharW   = 6.6
	labelH       = 14.0
	labelPadding = 5.0
)

// topicMap lays out Run.TopicMap; nil when the map is missing or does not
// have one position per topic. The two axes are scaled independently to
// fill the chart: an embedding's axes carry no units, only neighbourhoods.
func topicMap(run *Run, views []topicView) *mapChart {
	k := len(run.Topics)
	if k == 0 || len(run.TopicMap) != k {
		return nil
	}
	maxSize := 1
	for _, t := range run.Topics {
		maxSize = max(maxSize, t.Size)
	}
	rMax := math.Min(36, math.Max(10, 110/math.Sqrt(float64(k))))
	const rMin = 4.0

	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, p := range run.TopicMap {
		minX, maxX = math.Min(minX, p[0]), math.Max(maxX, p[0])
		minY, maxY = math.Min(minY, p[1]), math.Max(maxY, p[1])
	}
	// Room for the largest circle, and for a label on either side.
	xs := axis(minX, maxX, mapPad+rMax+80, mapW-mapPad-rMax-80)
	ys := axis(maxY, minY, mapPad+rMax+labelH, mapH-mapPad-rMax-labelH) // y grows downwards

	c := &mapChart{W: mapW, H: mapH}
	for i, t := range run.Topics {
		p := run.TopicMap[i]
		r := rMin + (rMax-rMin)*math.Sqrt(float64(t.Size)/float64(maxSize))
		c.Nodes = append(c.Nodes, mapNode{
			X: round1(xs(p[0])), Y: round1(ys(p[1])), R: round1(r), Hue: views[i].Hue, Href: "#" + views[i].Anchor,
			Label: strconv.Itoa(t.ID) + " · " + views[i].Headline,
			Title: views[i].Name + ": " + count(t.Size) + " documents, " + percent(t.Share),
			Empty: t.Size == 0,
		})
	}
	placeLabels(c.Nodes)
	c.Edges = similarEdges(run.Similarity, c.Nodes)
	return c
}

// axis maps [from0, from1] linearly onto [to0, to1]; a zero-width range or a
// NaN lands in the middle.
func axis(from0, from1, to0, to1 float64) func(float64) float64 {
	return func(v float64) float64 {
		if from1 == from0 || math.IsNaN(v) {
			return (to0 + to1) / 2
		}
		return to0 + (v-from0)/(from1-from0)*(to1-to0)
	}
}

// box is an axis-aligned rectangle in viewBox pixels.
type box struct{ x0, y0, x1, y1 float64 }

// overlap is the area two boxes share.
func (a box) overlap(b box) float64 {
	w := math.Min(a.x1, b.x1) - math.Max(a.x0, b.x0)
	h := math.Min(a.y1, b.y1) - math.Max(a.y0, b.y0)
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

// placeLabels puts each label right, left, above or below its circle,
// wherever it overlaps the least with labels already placed, other circles
// and the chart's edge; larger topics choose first. Deterministic.
func placeLabels(nodes []mapNode) {
	order := make([]int, len(nodes))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(nodes[b].R, nodes[a].R) })
	circles := make([]box, len(nodes))
	for i, n := range nodes {
		s := n.R * 0.8 // the circle's inner square, roughly
		circles[i] = box{n.X - s, n.Y - s, n.X + s, n.Y + s}
	}
	chart := box{0, 0, mapW, mapH}
	var placed []box
	for _, i := range order {
		n := &nodes[i]
		w := labelCharW*float64(utf8.RuneCountInString(n.Label)) + 4
		d := n.R + labelPadding
		type spot struct {
			x, y   float64
			anchor string
			b      box
		}
		spots := []spot{
			{n.X + d, n.Y, "start", box{n.X + d, n.Y - labelH/2, n.X + d + w, n.Y + labelH/2}},
			{n.X - d, n.Y, "end", box{n.X - d - w, n.Y - labelH/2, n.X - d, n.Y + labelH/2}},
			{n.X, n.Y - d - labelH/2, "middle", box{n.X - w/2, n.Y - d - labelH, n.X + w/2, n.Y - d}},
			{n.X, n.Y + d + labelH/2, "middle", box{n.X - w/2, n.Y + d, n.X + w/2, n.Y + d + labelH}},
		}
		best, bestCost := 0, math.Inf(1)
		for si, s := range spots {
			cost := 4 * (w*labelH - s.b.overlap(chart)) // the part outside the chart
			for _, p := range placed {
				cost += 2 * s.b.overlap(p)
			}
			for ci, cb := range circles {
				if ci != i {
					cost += s.b.overlap(cb)
				}
			}
			if cost < bestCost-1e-9 {
				best, bestCost = si, cost
			}
		}
		s := spots[best]
		n.LabelX, n.LabelY, n.LabelAnchor = round1(s.x), round1(s.y), s.anchor
		placed = append(placed, s.b)
	}
}

// similarEdges joins each topic to its most similar other topic (each pair
// drawn once), when the similarity matrix has the right shape.
func similarEdges(sim [][]float64, nodes []mapNode) []mapEdge {
	k := len(nodes)
	if len(sim) != k || k < 2 {
		return nil
	}
	seen := make(map[[2]int]bool)
	var edges []mapEdge
	for i := range k {
		if len(sim[i]) != k {
			return nil
		}
		best, bestSim := -1, 0.0
		for j := range k {
			if j != i && sim[i][j] > bestSim {
				best, bestSim = j, sim[i][j]
			}
		}
		if best < 0 || bestSim < 0.02 {
			continue
		}
		key := [2]int{min(i, best), max(i, best)}
		if seen[key] {
			continue
		}
		seen[key] = true
		s := math.Min(bestSim, 1)
		edges = append(edges, mapEdge{
			X1: nodes[i].X, Y1: nodes[i].Y, X2: nodes[best].X, Y2: nodes[best].Y,
			Width: round1(1 + 4*s), Opacity: round2(0.2 + 0.6*s),
		})
	}
	return edges
}
