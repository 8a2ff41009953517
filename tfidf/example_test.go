package tfidf_test

import (
	"fmt"
	"log"

	"github.com/topicmill/topicmill/tfidf"
	"github.com/topicmill/topicmill/vocab"
)

// Three documents over a vocabulary of three terms, weighted with raw
// counts, smooth idf (ln((1+n)/(1+df)) + 1) and no normalisation: a term
// in every document keeps weight 1 per occurrence, one in a single document
// weighs 1 + ln 2.
func Example() {
	docs := []vocab.Bag{
		{Terms: []int32{0, 1}, Counts: []int32{2, 1}},
		{Terms: []int32{0, 2}, Counts: []int32{1, 1}},
		{Terms: []int32{0}, Counts: []int32{3}},
	}
	v, remap, err := vocab.Build([]string{"common", "rare", "other"}, nil, docs, vocab.Pruning{})
	if err != nil {
		log.Fatal(err)
	}
	r := vocab.Remapper{Remap: remap} // term ids in the vocabulary's sorted order
	for j := range docs {
		docs[j] = r.Bag(docs[j])
	}
	m, err := tfidf.Fit(tfidf.Weighting{TF: tfidf.TFRaw, Norm: tfidf.NormNone}, v)
	if err != nil {
		log.Fatal(err)
	}
	x := m.Matrix(docs, 1) // terms × documents
	for i, term := range v.Terms {
		fmt.Printf("%-6s %.3f %.3f %.3f\n", term, x.At(i, 0), x.At(i, 1), x.At(i, 2))
	}
	// Output:
	// common 2.000 1.000 3.000
	// other  0.000 1.693 0.000
	// rare   1.693 0.000 0.000
}
