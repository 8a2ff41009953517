package cluster

import (
	"slices"
	"sort"
)

// table is the label × topic contingency of the labeled documents.
type table struct {
	labels   []string // sorted distinct labels: rows
	clusters []int    // sorted distinct topics: columns (may include -1)
	counts   [][]int  // counts[label][cluster]
	total    int      // labeled documents
}

// tabulate counts labeled documents (label != "") by label and topic in one
// pass, allocating only the table itself: ids are handed out in order of first
// appearance and the rows and columns are sorted afterwards.
func tabulate(labels []string, topics []int) table {
	labelID := map[string]int{}
	topicID := newIntIDs(topics)
	var counts [][]int
	var lastLabel string
	lastID, total := -1, 0
	for i, l := range labels {
		if l == "" {
			continue
		}
		// Corpora usually come grouped by label: skip the map when the
		// label repeats.
		if lastID < 0 || l != lastLabel {
			id, ok := labelID[l]
			if !ok {
				id = len(labelID)
				labelID[l] = id
				counts = append(counts, nil)
			}
			lastLabel, lastID = l, id
		}
		c := topicID.id(topics[i])
		row := counts[lastID]
		for len(row) <= c {
			row = append(row, 0)
		}
		row[c]++
		counts[lastID] = row
		total++
	}
	t := table{total: total}
	for l := range labelID {
		t.labels = append(t.labels, l)
	}
	sort.Strings(t.labels)
	t.clusters = topicID.sorted()
	colOf := make([]int, len(t.clusters)) // first-seen id → sorted column
	for col, topic := range t.clusters {
		colOf[topicID.id(topic)] = col
	}
	t.counts = make([][]int, len(t.labels))
	for r, l := range t.labels {
		t.counts[r] = make([]int, len(t.clusters))
		for c, n := range counts[labelID[l]] {
			t.counts[r][colOf[c]] = n
		}
	}
	return t
}

// intIDs numbers distinct ints in order of first appearance: through a dense
// slice when the values span a small range (topic numbers always do), through
// a map otherwise.
type intIDs struct {
	lo    int
	dense []int // value-lo → id+1, 0 for unseen
	ids   map[int]int
	seen  []int // values by id
}

// maxDenseSpan bounds the dense table of intIDs.
const maxDenseSpan = 1 << 20

// newIntIDs prepares to number the values found in xs.
func newIntIDs(xs []int) *intIDs {
	if len(xs) == 0 {
		return &intIDs{ids: map[int]int{}}
	}
	lo, hi := slices.Min(xs), slices.Max(xs)
	if uint(hi-lo) < maxDenseSpan {
		return &intIDs{lo: lo, dense: make([]int, hi-lo+1)}
	}
	return &intIDs{ids: map[int]int{}}
}

// id returns x's number, giving it the next one if x is new.
func (s *intIDs) id(x int) int {
	if s.dense != nil {
		d := &s.dense[x-s.lo]
		if *d == 0 {
			s.seen = append(s.seen, x)
			*d = len(s.seen)
		}
		return *d - 1
	}
	id, ok := s.ids[x]
	if !ok {
		id = len(s.seen)
		s.ids[x] = id
		s.seen = append(s.seen, x)
	}
	return id
}

// sorted returns the distinct values numbered so far, in increasing order.
func (s *intIDs) sorted() []int {
	return slices.Sorted(slices.Values(s.seen))
}
