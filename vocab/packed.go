package vocab

import (
	"encoding/binary"
	"fmt"
)

// Packed holds many bags back to back in a compact encoding: per bag its
// term count, then each term as the uvarint gap from the previous one and
// its count as a uvarint. Sorted term ids make the gaps small, so a bag
// entry takes about 3 bytes instead of the 8 of a Bag's two int32 slices:
// what a run keeps of a million documents while it assigns them.
type Packed struct {
	data []byte
	ends []int // ends[i] is where bag i's bytes end
}

// Append adds a bag whose Terms are strictly increasing; it panics if they
// are not (a programmer error: only remapped bags are packed).
func (p *Packed) Append(b Bag) {
	p.data = binary.AppendUvarint(p.data, uint64(len(b.Terms)))
	prev := int32(-1)
	for i, t := range b.Terms {
		if t <= prev {
			panic(fmt.Sprintf("vocab: packing a bag whose terms are not increasing (%d after %d)", t, prev))
		}
		p.data = binary.AppendUvarint(p.data, uint64(t-prev))
		p.data = binary.AppendUvarint(p.data, uint64(b.Counts[i]))
		prev = t
	}
	p.ends = append(p.ends, len(p.data))
}

// Len returns the number of bags.
func (p *Packed) Len() int { return len(p.ends) }

// Bytes returns the size of the encoding.
func (p *Packed) Bytes() int { return len(p.data) + 8*len(p.ends) }

// Unpack decodes bags [lo, hi) into new bags.
func (p *Packed) Unpack(lo, hi int) []Bag {
	out := make([]Bag, hi-lo)
	at := 0
	if lo > 0 {
		at = p.ends[lo-1]
	}
	for i := range out {
		n, w := binary.Uvarint(p.data[at:])
		at += w
		b := Bag{Terms: make([]int32, n), Counts: make([]int32, n)}
		t := int32(-1)
		for j := range b.Terms {
			gap, w := binary.Uvarint(p.data[at:])
			at += w
			count, w := binary.Uvarint(p.data[at:])
			at += w
			t += int32(gap)
			b.Terms[j], b.Counts[j] = t, int32(count)
		}
		out[i] = b
	}
	return out
}
