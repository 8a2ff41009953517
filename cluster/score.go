package cluster

import (
	"errors"
	"fmt"
	"math"
)

// Scores compares topics with known labels.
//
// Documents whose label is "" are left out of every measure and counted in
// Unlabeled. Unassigned documents (topic -1) are kept: together they form one
// extra cluster of their own, so a run that leaves many documents unassigned
// is judged as having put them all in one (usually poor) cluster rather than
// being flattered by dropping them.
type Scores struct {
	// NMI is the normalized mutual information with arithmetic-mean
	// normalisation (scikit-learn's default).
	NMI float64
	// ARI is the adjusted Rand index.
	ARI float64
	// Purity is the share of documents carrying their topic's majority label.
	Purity float64
	// Accuracy is the share of documents whose label is matched to their
	// topic under the best one-to-one label ↔ topic matching (Hungarian
	// method); documents of unmatched labels or topics count as wrong.
	Accuracy float64
	// Labeled and Unlabeled count the documents with and without a label.
	Labeled, Unlabeled int
	// Labels are the sorted distinct labels: the rows of Contingency.
	Labels []string
	// Clusters are the sorted distinct topics of labeled documents (may
	// include -1): the columns of Contingency.
	Clusters []int
	// Contingency counts labeled documents by label × topic.
	Contingency [][]int
}

// ErrNoLabels is returned by Score when no document has a label.
var ErrNoLabels = errors.New("no labeled document")

// Score measures topics against labels, one of each per document; it fails if
// the lengths differ or no document is labeled.
func Score(labels []string, topics []int) (Scores, error) {
	if len(labels) != len(topics) {
		return Scores{}, fmt.Errorf("score: %d labels for %d documents", len(labels), len(topics))
	}
	t := tabulate(labels, topics)
	if t.total == 0 {
		return Scores{}, fmt.Errorf("score %d documents: %w", len(labels), ErrNoLabels)
	}
	rows, cols := marginals(t.counts, len(t.clusters))
	s := Scores{
		Labeled:     t.total,
		Unlabeled:   len(labels) - t.total,
		Labels:      t.labels,
		Clusters:    t.clusters,
		Contingency: t.counts,
		NMI:         nmi(t.counts, rows, cols, t.total),
		ARI:         ari(t.counts, rows, cols, t.total),
		Purity:      purity(t.counts, len(t.clusters), t.total),
		Accuracy:    accuracy(t.counts, t.total),
	}
	return s, nil
}

// marginals returns the row and column sums of a contingency table.
func marginals(counts [][]int, nCols int) (rows, cols []int) {
	rows = make([]int, len(counts))
	cols = make([]int, nCols)
	for r, row := range counts {
		for c, n := range row {
			rows[r] += n
			cols[c] += n
		}
	}
	return rows, cols
}

// nmi is the mutual information of the table divided by the mean of the two
// entropies, with scikit-learn's limit cases: 1 when both sides have a single
// class, 0 when the mutual information is 0 otherwise.
func nmi(counts [][]int, rows, cols []int, total int) float64 {
	if len(rows) == 1 && len(cols) == 1 {
		return 1
	}
	n := float64(total)
	mi := 0.0
	for r, row := range counts {
		for c, nij := range row {
			if nij == 0 {
				continue
			}
			p := float64(nij) / n
			mi += p * math.Log(float64(nij)*n/(float64(rows[r])*float64(cols[c])))
		}
	}
	if mi <= 0 {
		return 0
	}
	norm := max((entropy(rows, n)+entropy(cols, n))/2, 0x1p-52) // float64 epsilon, as scikit-learn guards 0/0
	return mi / norm
}

// entropy is the Shannon entropy (natural log) of a distribution given by
// counts summing to n.
func entropy(counts []int, n float64) float64 {
	h := 0.0
	for _, c := range counts {
		if c > 0 {
			p := float64(c) / n
			h -= p * math.Log(p)
		}
	}
	return h
}

// ari is the adjusted Rand index from pair counts: 1 when the two partitions
// agree on every pair (also the limit cases of one document or one class
// and one cluster), as scikit-learn defines it.
func ari(counts [][]int, rows, cols []int, total int) float64 {
	// Ordered pairs of distinct documents: same class and same cluster (tp),
	// same cluster only (fp), same class only (fn), neither (tn).
	var sumSq, rowSq, colSq int64
	for _, row := range counts {
		for _, nij := range row {
			sumSq += int64(nij) * int64(nij)
		}
	}
	for _, a := range rows {
		rowSq += int64(a) * int64(a)
	}
	for _, b := range cols {
		colSq += int64(b) * int64(b)
	}
	n := int64(total)
	tp := sumSq - n
	fp := colSq - sumSq
	fn := rowSq - sumSq
	tn := n*n - fp - fn - sumSq
	if fp == 0 && fn == 0 {
		return 1
	}
	// Products of pair counts overflow int64 beyond ~5e4 documents.
	ftp, ffp, ffn, ftn := float64(tp), float64(fp), float64(fn), float64(tn)
	return 2 * (ftp*ftn - ffn*ffp) / ((ftp+ffn)*(ffn+ftn) + (ftp+ffp)*(ffp+ftn))
}

// purity is the share of documents that carry their cluster's most common
// label.
func purity(counts [][]int, nCols, total int) float64 {
	right := 0
	for c := 0; c < nCols; c++ {
		best := 0
		for _, row := range counts {
			best = max(best, row[c])
		}
		right += best
	}
	return float64(right) / float64(total)
}

// accuracy is the share of documents on the best one-to-one label ↔ cluster
// matching of the table.
func accuracy(counts [][]int, total int) float64 {
	w := make([][]float64, len(counts))
	for r, row := range counts {
		w[r] = make([]float64, len(row))
		for c, n := range row {
			w[r][c] = float64(n)
		}
	}
	right := 0
	for r, c := range Hungarian(w) {
		if c >= 0 {
			right += counts[r][c]
		}
	}
	return float64(right) / float64(total)
}
