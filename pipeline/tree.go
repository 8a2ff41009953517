package pipeline

import (
	"gonum.org/v1/gonum/mat"

	"github.com/topicmill/topicmill/cluster"
	"github.com/topicmill/topicmill/report"
	"github.com/topicmill/topicmill/vocab"
)

// TreeFile is the topic tree's table in a run's folder.
const TreeFile = "topic_tree.parquet"

// topicTree joins the topics of W·H by average linkage on the cosine
// distance of W's columns (sim) and names every node by the top words of
// the topic its merge would make (cluster.MergeTopics).
func topicTree(W, H *mat.Dense, sim [][]float64, v *vocab.Vocabulary, words int) []report.TreeNode {
	merges := cluster.Tree(sim)
	leaves := cluster.Leaves(merges)
	ids, _ := cluster.TopTerms(cluster.NodeColumns(W, H, leaves), words)
	k := len(merges) + 1
	nodes := make([]report.TreeNode, len(leaves))
	for i := range nodes {
		nodes[i] = report.TreeNode{ID: i, Parent: -1, Children: [2]int{-1, -1}, Topics: leaves[i]}
		for _, id := range ids[i] {
			nodes[i].Terms = append(nodes[i].Terms, v.Surface[id])
		}
	}
	for i, m := range merges {
		n := &nodes[k+i]
		n.Children, n.Height = [2]int{m.A, m.B}, m.Distance
		nodes[m.A].Parent, nodes[m.B].Parent = k+i, k+i
	}
	return nodes
}
