package report

import (
	"strconv"
	"strings"
)

// This file lays out the topic tree as a dendrogram: the topics down the
// left in the tree's order, each merge an elbow at the distance where its
// two nodes joined, the node's top words in its tooltip.

// treeChart is the dendrogram of Run.Tree.
type treeChart struct {
	W, H        float64
	Left, Right float64 // x of distance 0 and of the axis' end
	AxisY       float64 // the distance axis, below the leaves
	TickY       float64 // where its labels sit
	TitleX      float64 // where the axis title sits
	TitleY      float64
	Ticks       []tick
	Links       []string // SVG path data, one elbow per merge
	Merges      []treeDot
	Leaves      []treeLeaf
}

// treeDot marks a merge; its title lists the merged node's words.
type treeDot struct {
	X, Y  float64
	Title string
}

// treeLeaf is a topic at the tree's left edge.
type treeLeaf struct {
	X, Y  float64
	Hue   int
	Href  string
	Label string
	Title string
}

// Dendrogram geometry, in viewBox pixels.
const (
	treeW, treeRow   = 960.0, 22.0
	treeLeft         = 300.0
	treeRight        = 940.0
	treeTop          = 14.0
	treeAxisGap      = 10.0
	treeBottomMargin = 42.0
	treeLabelWords   = 4
	treeTitleWords   = 10
	treeLabelRunes   = 42 // what fits left of the tree at 12 px
)

// treeChart lays out the tree; nil without a whole tree of at least two
// topics.
func topicTree(run *Run, views []topicView) *treeChart {
	k := len(run.Topics)
	if k < 2 || len(run.Tree) != 2*k-1 || len(views) != k {
		return nil
	}
	root := len(run.Tree) - 1
	ticks := niceTicks(0, max(run.Tree[root].Height, 1e-9), 5)
	top := ticks[len(ticks)-1]
	x := func(d float64) float64 { return round1(treeLeft + d/top*(treeRight-treeLeft)) }
	c := &treeChart{W: treeW, Left: treeLeft, Right: treeRight}
	c.AxisY = treeTop + float64(k-1)*treeRow + treeAxisGap
	c.TickY, c.TitleX, c.TitleY = c.AxisY+6, (treeLeft+treeRight)/2, c.AxisY+34
	c.H = c.AxisY + treeBottomMargin
	for _, v := range ticks {
		c.Ticks = append(c.Ticks, tick{Pos: x(v), Label: strconv.FormatFloat(v, 'g', 4, 64)})
	}
	y := make([]float64, len(run.Tree))
	var place func(n int)
	place = func(n int) {
		node := run.Tree[n]
		if n < k {
			y[n] = round1(treeTop + float64(len(c.Leaves))*treeRow)
			v := views[n]
			c.Leaves = append(c.Leaves, treeLeaf{
				X: x(0), Y: y[n], Hue: v.Hue, Href: "#" + v.Anchor,
				Label: shorten(strconv.Itoa(n)+" · "+nodeWords(node, treeLabelWords), treeLabelRunes),
				Title: v.Name + ": " + v.Size + " documents · " + nodeWords(node, treeTitleWords),
			})
			return
		}
		a, b := node.Children[0], node.Children[1]
		place(a)
		place(b)
		y[n] = round1((y[a] + y[b]) / 2)
		xn := x(node.Height)
		c.Links = append(c.Links, "M"+coord(x(run.Tree[a].Height))+" "+coord(y[a])+" H"+coord(xn)+" V"+coord(y[b])+" H"+coord(x(run.Tree[b].Height)))
		c.Merges = append(c.Merges, treeDot{X: xn, Y: y[n], Title: mergeTitle(node)})
	}
	place(root)
	return c
}

// mergeTitle describes a merge for its tooltip.
func mergeTitle(n TreeNode) string {
	ids := make([]string, len(n.Topics))
	for i, t := range n.Topics {
		ids[i] = strconv.Itoa(t)
	}
	return "topics " + strings.Join(ids, ", ") + " join at distance " + strconv.FormatFloat(n.Height, 'f', 3, 64) + ": " + nodeWords(n, treeTitleWords)
}

// nodeWords is a node's first n words, joined by spaces and cleaned.
func nodeWords(n TreeNode, words int) string {
	return clean(strings.Join(n.Terms[:min(words, len(n.Terms))], " "))
}

// shorten cuts s to at most n runes, ending it with "…" when cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// coord formats a pixel coordinate for SVG path data.
func coord(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
