package tokenize

import (
	"encoding/binary"
	"math/bits"
)

// table interns byte strings to dense int32 ids (0, 1, … in insertion order)
// by open addressing with linear probing. Keys live back to back in one byte
// arena and slots are plain integers, so the garbage collector has nothing
// to scan and a lookup allocates nothing; it replaces string-keyed Go maps,
// whose per-entry string headers and hashing dominated tokenizing. The zero
// value is an empty table; it is not safe for concurrent use.
type table struct {
	// slots holds, per slot, the upper 32 bits of the key's hash and its id
	// plus one in the lower 32 bits; 0 is an empty slot.
	slots []uint64
	keys  []byte   // every key, back to back, in id order
	ends  []uint32 // ends[id] is where key id ends in keys
}

// tableMinSlots is the size of a table's first slot array.
const tableMinSlots = 1 << 10

// hashKey hashes key with multiply-fold mixing over 8-byte chunks: fast for
// the short keys words are, and well mixed in both its low bits (the slot)
// and its high bits (the tag kept in the slot).
func hashKey(key []byte) uint64 {
	const k0, k1 = 0x9e3779b97f4a7c15, 0xbf58476d1ce4e5b9
	h := uint64(len(key)) * k1
	for len(key) >= 8 {
		hi, lo := bits.Mul64(h^binary.LittleEndian.Uint64(key), k0)
		h = hi ^ lo
		key = key[8:]
	}
	var tail uint64
	for i, c := range key {
		tail |= uint64(c) << (8 * i)
	}
	hi, lo := bits.Mul64(h^tail, k0)
	return hi ^ lo
}

// len returns the number of keys.
func (t *table) len() int { return len(t.ends) }

// key returns the bytes of key id; they stay valid until the next insert.
func (t *table) key(id int32) []byte {
	start := uint32(0)
	if id > 0 {
		start = t.ends[id-1]
	}
	return t.keys[start:t.ends[id]]
}

// find returns the id of key, whose hash is h, or -1 when the table lacks it.
func (t *table) find(key []byte, h uint64) int32 {
	if len(t.slots) == 0 {
		return -1
	}
	mask := uint64(len(t.slots) - 1)
	tag := h >> 32
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			return -1
		}
		if s>>32 == tag {
			id := int32(uint32(s)) - 1
			if string(t.key(id)) == string(key) {
				return id
			}
		}
	}
}

// insert adds key, whose hash is h and which the table must lack, and
// returns its id.
func (t *table) insert(key []byte, h uint64) int32 {
	if 2*(len(t.ends)+1) > len(t.slots) {
		t.grow()
	}
	id := int32(len(t.ends))
	t.keys = append(t.keys, key...)
	t.ends = append(t.ends, uint32(len(t.keys)))
	t.place(h, id)
	return id
}

// place puts id, whose key hashes to h, into the first free slot of its probe sequence.
func (t *table) place(h uint64, id int32) {
	mask := uint64(len(t.slots) - 1)
	i := h & mask
	for t.slots[i] != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = h>>32<<32 | uint64(id+1)
}

// grow doubles the slot array (keeping the load at most one half) and
// places every key again.
func (t *table) grow() {
	t.slots = make([]uint64, max(tableMinSlots, 2*len(t.slots)))
	for id := range int32(len(t.ends)) {
		t.place(hashKey(t.key(id)), id)
	}
}
