package report

import (
	"strings"
	"testing"
)

func TestTopicTreeLayout(t *testing.T) {
	run := sampleRun()
	c := topicTree(run, topicViews(run))
	if c == nil {
		t.Fatal("no dendrogram for a run with a tree")
	}
	// Leaves in the tree's order: 1, then 0, then 2 and 3; rows 22 px apart.
	wantLeaves := []struct {
		label string
		y     float64
	}{
		{"1 · god jesus church bible", 14},
		{"0 · space orbit nasa launch", 36},
		{"2 · car engine dealer ford", 58},
		{"3 · hockey team game season", 80},
	}
	if len(c.Leaves) != len(wantLeaves) {
		t.Fatalf("%d leaves, want %d", len(c.Leaves), len(wantLeaves))
	}
	for i, w := range wantLeaves {
		if l := c.Leaves[i]; l.Label != w.label || l.Y != w.y || l.X != treeLeft {
			t.Errorf("leaf %d = %q at (%v, %v), want %q at (%v, %v)", i, l.Label, l.X, l.Y, w.label, treeLeft, w.y)
		}
	}
	// Axis 0 … 1 over 300 … 940 px: merges at 0.7, 0.85 and 0.96, each
	// halfway between its children.
	wantMerges := []treeDot{
		{X: 748, Y: 69, Title: "topics 2, 3 join at distance 0.700: car team game engine"},
		{X: 844, Y: 52.5, Title: "topics 0, 2, 3 join at distance 0.850: space car team"},
		{X: 914.4, Y: 33.3, Title: "topics 0, 1, 2, 3 join at distance 0.960: god space car"},
	}
	for i, w := range wantMerges {
		if c.Merges[i] != w {
			t.Errorf("merge %d = %+v, want %+v", i, c.Merges[i], w)
		}
	}
	if want := "M300 58 H748 V80 H300"; c.Links[0] != want {
		t.Errorf("first link %q, want %q", c.Links[0], want)
	}

	out := render(t, run)
	for _, w := range []string{
		`<section id="tree" class="section">`,
		`<title>topics 0, 1, 2, 3 join at distance 0.960: god space car</title>`,
		`<a href="#topic-3" class="leaf" style="--h: 262"><title>Topic 3: 0 documents · hockey team game season player</title>`,
		`>3 · hockey team game season</text>`,
	} {
		if !strings.Contains(out, w) {
			t.Errorf("report lacks %q", w)
		}
	}

	run.Tree[2].Terms = []string{"a-very-long-word-of-a-topic", "another-long-one", "third"}
	if got := topicTree(run, topicViews(run)).Leaves[2].Label; got != "2 · a-very-long-word-of-a-topic another-l…" {
		t.Errorf("a long label is %q, want it cut to %d runes", got, treeLabelRunes)
	}
	run.Tree = run.Tree[:5]
	if topicTree(run, topicViews(run)) != nil {
		t.Error("a partial tree is drawn")
	}
	if out := render(t, run); strings.Contains(out, `id="tree"`) || strings.Contains(out, `href="#tree"`) {
		t.Error("a report without a whole tree has a tree section")
	}
}
