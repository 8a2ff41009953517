package tokenize

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
)

// Dictionary interns stems to int32 ids; it is safe for concurrent use. Ids
// depend on the order words are first met (callers that need stable ids
// sort the stems later). The zero value is an empty dictionary.
type Dictionary struct {
	mu    sync.RWMutex
	ids   table // stem -> id
	stems []string

	// The word cache shares every normalised word's analysis between the
	// sessions of one analyzer (the first that uses the dictionary), so that
	// each distinct word ("The", "the" and "THE" are one) is stemmed once per
	// run, not once per worker and spelling. Sessions cache segments as
	// written themselves, so it is only asked about segments a session has
	// not met. It is sharded by a hash of the word to keep locks short.
	owner atomic.Pointer[Analyzer]
	words [cacheShards]cacheShard
}

// cacheShards is the number of independently locked parts of the word cache.
const cacheShards = 64

// cacheShard is one locked part of the word cache.
type cacheShard struct {
	mu    sync.Mutex
	index table        // normalised word -> index in words
	words []cachedWord // by index id
	_     [40]byte     // keeps shards on separate cache lines
}

// cachedWord is the analysis of one normalised word.
type cachedWord struct {
	word string // the normalised word it counts as
	stem int32  // stem id; -1 for a dropped word
}

// NewDictionary returns a dictionary pre-seeded so that stems[i] has id i,
// used to assign new documents against a saved vocabulary; a repeated stem
// is a programmer error and panics.
func NewDictionary(stems ...string) *Dictionary {
	d := &Dictionary{stems: slices.Clone(stems)}
	for _, s := range stems {
		key := []byte(s)
		h := hashKey(key)
		if d.ids.find(key, h) >= 0 {
			panic(fmt.Sprintf("tokenize: NewDictionary: stem %q given twice", s))
		}
		d.ids.insert(key, h)
	}
	return d
}

// Len returns the number of stems, one more than the largest id.
func (d *Dictionary) Len() int {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return len(d.stems)
}

// Stem returns the stem with the given id.
func (d *Dictionary) Stem(id int32) string {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return d.stems[id]
}

// Stems returns a copy of all stems; the index is the id.
func (d *Dictionary) Stems() []string {
	d.mu.RLock()
	defer d.mu.RUnlock()
	return slices.Clone(d.stems)
}

// Lookup returns the id of stem and whether the dictionary holds it.
func (d *Dictionary) Lookup(stem string) (int32, bool) {
	key := []byte(stem)
	h := hashKey(key)
	d.mu.RLock()
	defer d.mu.RUnlock()
	id := d.ids.find(key, h)
	return id, id >= 0
}

// intern returns the id of stem, adding it when new.
func (d *Dictionary) intern(stem string) int32 {
	key := []byte(stem)
	h := hashKey(key)
	d.mu.Lock()
	defer d.mu.Unlock()
	if id := d.ids.find(key, h); id >= 0 {
		return id
	}
	d.stems = append(d.stems, stem)
	return d.ids.insert(key, h)
}

// owns reports whether the word cache holds a's analyses, making a its
// owner when it has none.
func (d *Dictionary) owns(a *Analyzer) bool {
	if d.owner.Load() == a {
		return true
	}
	d.owner.CompareAndSwap(nil, a)
	return d.owner.Load() == a
}

// analyse returns the analysis of the segment key for analyzer a: the
// shared one of its normalised word, made and stored when no session has
// met that word yet (a's sessions do not share analyses when another
// analyzer owns the cache).
func (d *Dictionary) analyse(a *Analyzer, key []byte) cachedWord {
	var buf [64]byte
	word := normalised(buf[:0], key)
	if !d.owns(a) {
		return d.decide(a, string(word))
	}
	h := hashKey(word)
	sh := &d.words[h>>32%cacheShards]
	if c, ok := sh.get(word, h); ok {
		return c
	}
	return sh.put(word, h, d.decide(a, string(word)))
}

// decide decides the normalised word with a and interns its stem.
func (d *Dictionary) decide(a *Analyzer, word string) cachedWord {
	c := cachedWord{stem: -1}
	if word, stem, ok := a.decide(word); ok {
		c.stem = d.intern(stem)
		c.word = word
	}
	return c
}

// get returns the analysis stored for key, whose hash is h, if any.
func (sh *cacheShard) get(key []byte, h uint64) (cachedWord, bool) {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if i := sh.index.find(key, h); i >= 0 {
		return sh.words[i], true
	}
	return cachedWord{}, false
}

// put stores c for key, whose hash is h, and returns it; when another
// session stored key meanwhile, it returns that analysis (the same outcome).
func (sh *cacheShard) put(key []byte, h uint64, c cachedWord) cachedWord {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if i := sh.index.find(key, h); i >= 0 {
		return sh.words[i]
	}
	sh.index.insert(key, h)
	sh.words = append(sh.words, c)
	return c
}
