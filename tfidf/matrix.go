package tfidf

import (
	"fmt"
	"math"

	"github.com/topicmill/topicmill/sparse"
	"github.com/topicmill/topicmill/vocab"
)

// Matrix builds X, terms × documents (len(m.IDF) rows, one column per bag),
// never dense: a first pass over the bags sizes every row, a second fills
// the rows with each document's Column in document order, so the result is
// allocated once, exactly, with no transpose copy. An empty bag gives an
// all-zero column.
func (m *Model) Matrix(docs []vocab.Bag) *sparse.CSR {
	if len(docs) > math.MaxInt32 {
		panic(fmt.Sprintf("tfidf: %d documents do not fit int32 column indices", len(docs)))
	}
	rows := len(m.IDF)
	x := &sparse.CSR{Rows: rows, Cols: len(docs), RowPtr: make([]int, rows+1)}
	for _, b := range docs {
		for _, t := range b.Terms {
			x.RowPtr[t+1]++
		}
	}
	for i := 0; i < rows; i++ {
		x.RowPtr[i+1] += x.RowPtr[i]
	}
	x.ColInd = make([]int32, x.RowPtr[rows])
	x.Val = make([]float64, x.RowPtr[rows])
	next := make([]int, rows)
	copy(next, x.RowPtr[:rows])
	var terms []int32
	var vals []float64
	for j, b := range docs {
		terms, vals = m.Column(b, terms, vals)
		for k, t := range terms {
			q := next[t]
			x.ColInd[q], x.Val[q] = int32(j), vals[k]
			next[t] = q + 1
		}
	}
	return x
}
