package tfidf

import (
	"slices"
	"testing"

	"github.com/topicmill/topicmill/vocab"
)

// TestMatrixParts checks that X is the same however many parts build it,
// and that it holds exactly each document's Column, row by row in
// document order (an empty bag included).
func TestMatrixParts(t *testing.T) {
	bags, v := benchCorpus(500, 20, 300)
	bags[17] = vocab.Bag{}
	m, err := Fit(Weighting{}, v)
	if err != nil {
		t.Fatal(err)
	}
	type entry struct {
		col int32
		val float64
	}
	want := make([][]entry, len(m.IDF)) // want[t]: row t, by document
	for j, b := range bags {
		terms, vals := m.Column(b, nil, nil)
		for k, term := range terms {
			want[term] = append(want[term], entry{int32(j), vals[k]})
		}
	}
	for _, parts := range []int{1, 2, 3, 7, 500} {
		x := m.matrix(bags, parts)
		if x.Rows != len(m.IDF) || x.Cols != len(bags) {
			t.Fatalf("parts %d: X is %d × %d, want %d × %d", parts, x.Rows, x.Cols, len(m.IDF), len(bags))
		}
		for term := range x.Rows {
			var got []entry
			for q := x.RowPtr[term]; q < x.RowPtr[term+1]; q++ {
				got = append(got, entry{x.ColInd[q], x.Val[q]})
			}
			if !slices.Equal(got, want[term]) {
				t.Fatalf("parts %d: row %d is %v, want %v", parts, term, got, want[term])
			}
		}
	}
}
