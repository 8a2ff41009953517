package cluster

import "math"

// Coherence returns each topic's mean NPMI over the pairs of its top terms,
// from their co-occurrence in the documents: how much more often the words
// a topic is described by appear together than by chance, from -1 (never
// together) through 0 (independent) to 1 (always together).
//
// For terms a and b, NPMI(a,b) = ln(P(a,b) / (P(a)·P(b))) / -ln P(a,b), where
// P is the share of the nDocs documents containing the terms; a pair that
// never co-occurs scores -1 and a pair present in every document scores 1.
// postings(t) returns the sorted indices of the documents containing term t
// (the pipeline passes the rows of the terms × documents CSR matrix). A topic
// with fewer than two terms has no pairs and scores 0.
func Coherence(top [][]int, postings func(term int) []int32, nDocs int) []float64 {
	coh := make([]float64, len(top))
	n := float64(nDocs)
	for t, terms := range top {
		lists := make([][]int32, len(terms))
		for i, term := range terms {
			lists[i] = postings(term)
		}
		sum, pairs := 0.0, 0
		for i := range lists {
			for j := i + 1; j < len(lists); j++ {
				sum += npmi(len(lists[i]), len(lists[j]), intersectLen(lists[i], lists[j]), n)
				pairs++
			}
		}
		if pairs > 0 {
			coh[t] = sum / float64(pairs)
		}
	}
	return coh
}

// npmi is the normalized pointwise mutual information of two terms found in
// da and db of n documents, dab of them together.
func npmi(da, db, dab int, n float64) float64 {
	if dab == 0 {
		return -1
	}
	pab := float64(dab) / n
	if pab >= 1 {
		return 1
	}
	pa, pb := float64(da)/n, float64(db)/n
	return math.Log(pab/(pa*pb)) / -math.Log(pab)
}

// intersectLen counts the values common to two sorted lists.
func intersectLen(a, b []int32) int {
	i, j, c := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			c++
			i++
			j++
		}
	}
	return c
}

// DiversityTerms is how many top terms of each topic Diversity is
// usually measured on (Dieng et al., "Topic Modeling in Embedding Spaces", 2020).
const DiversityTerms = 25

// Diversity returns the share of distinct terms among all topics' top
// terms: 1 when no two topics share a top term, 1/k when all k topics have
// the same ones; 0 for no terms.
func Diversity(top [][]int) float64 {
	seen := make(map[int]bool)
	total := 0
	for _, terms := range top {
		for _, term := range terms {
			seen[term] = true
		}
		total += len(terms)
	}
	if total == 0 {
		return 0
	}
	return float64(len(seen)) / float64(total)
}
