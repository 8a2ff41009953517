package tokenize

import (
	"encoding/binary"
	"math/bits"

	"github.com/topicmill/topicmill/internal/hugepage"
)

// table interns byte strings to dense int32 ids (0, 1, … in insertion order)
// by open addressing with linear probing. Keys live back to back in one byte
// arena and slots are plain integers, so the garbage collector has nothing
// to scan and a lookup allocates nothing; it replaces string-keyed Go maps,
// whose per-entry string headers and hashing dominated tokenizing. A slot
// holds a key's first 8 bytes and its length, so that finding a key of at
// most 8 bytes (most words) touches one cache line only. The zero value is
// an empty table; it is not safe for concurrent use.
type table struct {
	slots []slot
	shift uint     // a key's home slot is its hash >> shift (the top bits)
	keys  []byte   // every key, back to back, in id order
	ends  []uint32 // ends[id] is where key id ends in keys
}

// slot is one place of a table; meta 0 is an empty slot.
type slot struct {
	head uint64 // the key's first 8 bytes, little-endian, zero-padded
	meta uint64 // hash tag (upper 24 bits), key length (8 bits, 255 for longer), id+1 (lower 32 bits)
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
	hi, lo := bits.Mul64(h^partialWord(key), k0)
	return hi ^ lo
}

// partialWord returns the bytes of key (at most 8), little-endian,
// zero-padded. When key's capacity reaches 8 bytes (a word inside a longer
// text) it loads them at once and masks the bytes past its length instead
// of assembling them one by one.
func partialWord(key []byte) uint64 {
	if cap(key) >= 8 {
		return binary.LittleEndian.Uint64(key[:8]) & (1<<(8*uint(len(key))) - 1)
	}
	var w uint64
	for i, c := range key {
		w |= uint64(c) << (8 * i)
	}
	return w
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
	head, want := keyHead(key), keyTag(key, h)
	for i := h >> t.shift; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.meta == 0 {
			return -1
		}
		if s.meta>>32 == want && s.head == head {
			id := int32(uint32(s.meta)) - 1
			if len(key) <= 8 || string(t.key(id)[8:]) == string(key[8:]) {
				return id
			}
		}
	}
}

// keyHead returns the first 8 bytes of key, little-endian, zero-padded.
func keyHead(key []byte) uint64 {
	if len(key) >= 8 {
		return binary.LittleEndian.Uint64(key)
	}
	return partialWord(key)
}

// keyTag returns the upper half of a slot's meta for key with hash h: the
// hash's top tagBits bits and the key's length (255 for any longer key).
func keyTag(key []byte, h uint64) uint64 {
	return h>>(64-tagBits)<<8 | uint64(min(len(key), 255))
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
	t.place(key, h, id)
	return id
}

// place puts id, whose key hashes to h, into the first free slot of its probe sequence.
func (t *table) place(key []byte, h uint64, id int32) {
	t.put(slot{head: keyHead(key), meta: keyTag(key, h)<<32 | uint64(id+1)}, h>>t.shift)
}

// put stores s in the first free slot from home on.
func (t *table) put(s slot, home uint64) {
	mask := uint64(len(t.slots) - 1)
	i := home
	for t.slots[i].meta != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}

// tagBits is how many top bits of a key's hash its slot keeps (see keyTag).
const tagBits = 24

// grow doubles the slot array (keeping the load at most one half) and
// places every key again. Home slots come from the hash's top bits, which
// slots keep in their tag, so while the table has at most 2^tagBits slots
// the old slots are moved in order without reading or hashing any key, and
// the new array is written almost sequentially.
func (t *table) grow() {
	old := t.slots
	n := max(tableMinSlots, 2*len(old))
	t.slots = hugepage.Make[slot](n)
	logN := uint(63 - bits.LeadingZeros64(uint64(n)))
	t.shift = 64 - logN
	if logN > tagBits {
		t.rehash()
		return
	}
	for _, s := range old {
		if s.meta != 0 {
			t.put(s, s.meta>>(64-tagBits)>>(tagBits-logN))
		}
	}
}

// rehash places every key into the (empty) slot array from its hash.
func (t *table) rehash() {
	for id := range int32(len(t.ends)) {
		key := t.key(id)
		t.place(key, hashKey(key), id)
	}
}
