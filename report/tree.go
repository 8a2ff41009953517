package report

// TreeNode is one node of the topic tree: a topic (nodes 0 … k-1) or the
// merge of two nodes (k … 2k-2, in merge order; the last is the root).
type TreeNode struct {
	ID       int
	Parent   int      // the node it merges into; -1 for the root
	Children [2]int   // the two nodes it joins; {-1, -1} for a topic
	Height   float64  // cosine distance at which its children joined; 0 for a topic
	Topics   []int    // the topics under it, ascending
	Terms    []string // its top words (surface forms), heaviest first
}

// TreeRow is one row of topic_tree.parquet: a node of the topic tree and
// the node it merges into.
type TreeRow struct {
	Child    int32    `parquet:"child"`
	Parent   int32    `parquet:"parent"`
	Distance float64  `parquet:"distance"`
	Height   float64  `parquet:"height"`
	Topics   int32    `parquet:"topics"`
	Words    []string `parquet:"words,list"`
}

// TreeRows turns the tree into the rows of topic_tree.parquet, one per
// node in node order.
func TreeRows(tree []TreeNode) []TreeRow {
	rows := make([]TreeRow, len(tree))
	for i, n := range tree {
		rows[i] = TreeRow{Child: int32(n.ID), Parent: int32(n.Parent), Height: n.Height, Topics: int32(len(n.Topics)), Words: n.Terms}
		if n.Parent >= 0 {
			rows[i].Distance = tree[n.Parent].Height
		}
	}
	return rows
}

// WriteTree writes topic_tree.parquet atomically.
func WriteTree(path string, tree []TreeNode, meta Meta) error {
	return writeTable(path, TreeRows(tree), meta)
}
