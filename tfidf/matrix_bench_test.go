package tfidf

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/topicmill/topicmill/vocab"
)

// benchCorpus makes docs bags of perDoc distinct terms each (counts 1–5)
// from a vocabulary of terms, with a fixed seed, and its vocabulary.
func benchCorpus(docs, perDoc, terms int) ([]vocab.Bag, *vocab.Vocabulary) {
	rng := rand.New(rand.NewPCG(7, 11))
	v := &vocab.Vocabulary{
		Terms: make([]string, terms), Surface: make([]string, terms),
		DF: make([]int32, terms), NDocs: docs,
	}
	for i := range v.Terms {
		v.Terms[i] = fmt.Sprintf("t%06d", i)
		v.Surface[i] = v.Terms[i]
	}
	bags := make([]vocab.Bag, docs)
	for j := range bags {
		seen := map[int32]bool{}
		b := vocab.Bag{}
		for len(b.Terms) < perDoc {
			t := int32(rng.IntN(terms))
			if !seen[t] {
				seen[t] = true
				b.Terms = append(b.Terms, t)
			}
		}
		slices.Sort(b.Terms)
		for _, t := range b.Terms {
			b.Counts = append(b.Counts, int32(1+rng.IntN(5)))
			v.DF[t]++
		}
		bags[j] = b
	}
	return bags, v
}

func BenchmarkMatrix(b *testing.B) {
	bags, v := benchCorpus(20000, 100, 30000)
	m, err := Fit(Weighting{}, v)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		m.Matrix(bags, 0)
	}
	b.ReportMetric(float64(20000*100)*float64(b.N)/b.Elapsed().Seconds()/1e6, "Mnnz/s")
}
