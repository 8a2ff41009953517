// Package cluster turns a factorization X ≈ W·H (W terms × topics, H topics ×
// documents) into document assignments and judges them: scores against known
// labels (NMI, ARI, purity, Hungarian accuracy), topic coherence (NPMI), top
// terms, representative documents, topic → label maps for classifying, and a
// 2-D map of the topics.
//
// It depends on no other topicmill stage; matrices are gonum *mat.Dense.
package cluster
