package vocab

import "slices"

// Bag is one document's term counts: Terms strictly increasing (except in a
// bag from Counter.Unsorted, until a Remapper sorts it), every count
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
	c.tally(ids)
	slices.Sort(c.distinct)
	return c.take()
}

// Unsorted counts like Bag but leaves Terms in first-met order, skipping the
// sort: for bags whose ids are provisional and go through a Remapper (which
// sorts by final id) before any other use, so each bag is sorted once.
func (c *Counter) Unsorted(ids []int32) Bag {
	c.tally(ids)
	return c.take()
}

// tally counts ids into c.counts and lists the distinct ones in c.distinct.
func (c *Counter) tally(ids []int32) {
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
}

// take returns the bag of c.distinct in their order and clears the counts.
func (c *Counter) take() Bag {
	n := len(c.distinct)
	if n == 0 {
		return Bag{}
	}
	// Terms and Counts share one allocation; Terms' capacity is capped so
	// that appending to it cannot overwrite Counts.
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

// Remapper rewrites bags' provisional term ids to final ids, reusing its
// scratch space so that, once warm, it allocates nothing; the zero value
// with Remap set is ready to use, and a Remapper must not be shared between
// goroutines.
type Remapper struct {
	Remap []int32  // final id of each provisional id, or -1 for a dropped term
	pairs []uint64 // scratch: final id << 32 | count, sorted as one key
}

// Bag rewrites b to final ids, dropping terms that map to -1, with Terms
// increasing whatever b's order (b may come from Counter.Unsorted). It
// works in place: the returned bag shares b's slices, and b must not be
// used afterwards.
func (r *Remapper) Bag(b Bag) Bag {
	w := 0
	sorted := true
	for i, t := range b.Terms {
		f := r.Remap[t]
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
		r.sortPairs(out.Terms, out.Counts)
	}
	return out
}

// sortPairs sorts terms increasingly, moving counts along: each pair is
// packed into one uint64 (terms are distinct and non-negative, so the
// packed keys sort by term) and sorted with slices.Sort.
func (r *Remapper) sortPairs(terms, counts []int32) {
	r.pairs = r.pairs[:0]
	for i, t := range terms {
		r.pairs = append(r.pairs, uint64(t)<<32|uint64(uint32(counts[i])))
	}
	slices.Sort(r.pairs)
	for i, p := range r.pairs {
		terms[i], counts[i] = int32(p>>32), int32(uint32(p))
	}
}

// Remap rewrites one bag as Remapper.Bag does; use a Remapper to remap many.
func Remap(b Bag, remap []int32) Bag {
	r := Remapper{Remap: remap}
	return r.Bag(b)
}
