package vocab

import "slices"

// Bag is one document's term counts: Terms strictly increasing, every count
// positive. Bags carry term ids, never text, so that a million documents fit
// in memory.
type Bag struct {
	Terms  []int32
	Counts []int32
}

// Len returns the number of tokens the bag was counted from.
func (b Bag) Len() int {
	n := 0
	for _, c := range b.Counts {
		n += int(c)
	}
	return n
}

// Counter turns token id sequences into bags, reusing its scratch space so
// that counting allocates only the returned bag; the zero value is ready to
// use, and a Counter must not be shared between goroutines.
//
// It counts into a dense array indexed by id (ids are small and dense: they
// index a dictionary) and sorts only the distinct ids, about half as many as
// the tokens of a typical document.
type Counter struct {
	counts   []int32 // counts[id] for the ids of the bag being counted, else 0
	distinct []int32 // the ids met in the bag being counted
}

// Bag counts the non-negative token ids into a bag whose slices are owned by
// the caller (one allocation); ids is not modified.
func (c *Counter) Bag(ids []int32) Bag {
	if len(ids) == 0 {
		return Bag{}
	}
	c.distinct = c.distinct[:0]
	for _, t := range ids {
		if int(t) >= len(c.counts) {
			c.counts = append(c.counts, make([]int32, int(t)+1-len(c.counts)+len(c.counts)/2)...)
		}
		if c.counts[t] == 0 {
			c.distinct = append(c.distinct, t)
		}
		c.counts[t]++
	}
	slices.Sort(c.distinct)
	// Terms and Counts share one allocation; Terms' capacity is capped so
	// that appending to it cannot overwrite Counts.
	n := len(c.distinct)
	buf := make([]int32, 2*n)
	b := Bag{Terms: buf[:n:n], Counts: buf[n:]}
	copy(b.Terms, c.distinct)
	for i, t := range c.distinct {
		b.Counts[i] = c.counts[t]
		c.counts[t] = 0
	}
	return b
}

// Count turns one token id sequence into a bag; use a Counter to count many.
func Count(ids []int32) Bag {
	var c Counter
	return c.Bag(ids)
}

// Remap rewrites a bag's provisional term ids to final ids (remap[id], or -1
// for a dropped term), keeping Terms increasing. It works in place: the
// returned bag shares b's slices, and b must not be used afterwards.
func Remap(b Bag, remap []int32) Bag {
	w := 0
	sorted := true
	for i, t := range b.Terms {
		f := remap[t]
		if f < 0 {
			continue
		}
		if w > 0 && f < b.Terms[w-1] {
			sorted = false
		}
		b.Terms[w], b.Counts[w] = f, b.Counts[i]
		w++
	}
	out := Bag{Terms: b.Terms[:w], Counts: b.Counts[:w]}
	if !sorted {
		sortPairs(out.Terms, out.Counts)
	}
	return out
}

// sortPairs sorts keys increasingly, moving vals along, by heapsort: in
// place and without allocating, which sort.Sort on a pair type would not be.
func sortPairs(keys, vals []int32) {
	n := len(keys)
	for i := n/2 - 1; i >= 0; i-- {
		siftDown(keys, vals, i, n)
	}
	for end := n - 1; end > 0; end-- {
		keys[0], keys[end] = keys[end], keys[0]
		vals[0], vals[end] = vals[end], vals[0]
		siftDown(keys, vals, 0, end)
	}
}

// siftDown restores the max-heap property of keys[:n] below root.
func siftDown(keys, vals []int32, root, n int) {
	for {
		child := 2*root + 1
		if child >= n {
			return
		}
		if child+1 < n && keys[child+1] > keys[child] {
			child++
		}
		if keys[root] >= keys[child] {
			return
		}
		keys[root], keys[child] = keys[child], keys[root]
		vals[root], vals[child] = vals[child], vals[root]
		root = child
	}
}
