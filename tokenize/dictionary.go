package tokenize

import (
	"fmt"
	"hash/maphash"
	"slices"
	"sync"
	"sync/atomic"
)

// Dictionary interns stems to int32 ids; it is safe for concurrent use. Ids
// depend on the order words are first met (callers that need stable ids
// sort the stems later). The zero value is an empty dictionary.
type Dictionary struct {
	mu    sync.RWMutex
	ids   map[string]int32
	stems []string

	// The word cache shares every segment's analysis between the sessions of
	// one analyzer (the first that uses the dictionary), so that each
	// distinct segment is normalised and stemmed once per run, not once per
	// worker. It is sharded by a hash of the segment to keep locks short.
	owner  atomic.Pointer[Analyzer]
	seed   maphash.Seed
	seeded sync.Once
	shards [cacheShards]cacheShard
}

// cacheShards is the number of independently locked parts of the word cache.
const cacheShards = 64

// cacheShard is one locked part of the word cache.
type cacheShard struct {
	mu    sync.Mutex
	words map[string]cachedWord
	_     [40]byte // keeps shards on separate cache lines
}

// cachedWord is the analysis of one segment as written.
type cachedWord struct {
	key  string // the segment, as written (shared by every session's index)
	word string // the normalised word it counts as
	stem int32  // stem id; -1 for a dropped word
}

// NewDictionary returns a dictionary pre-seeded so that stems[i] has id i,
// used to assign new documents against a saved vocabulary; a repeated stem
// is a programmer error and panics.
func NewDictionary(stems ...string) *Dictionary {
	d := &Dictionary{ids: make(map[string]int32, len(stems)), stems: slices.Clone(stems)}
	for i, s := range stems {
		if _, dup := d.ids[s]; dup {
			panic(fmt.Sprintf("tokenize: NewDictionary: stem %q given twice", s))
		}
		d.ids[s] = int32(i)
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
	d.mu.RLock()
	defer d.mu.RUnlock()
	id, ok := d.ids[stem]
	return id, ok
}

// intern returns the id of stem, adding it when new.
func (d *Dictionary) intern(stem string) int32 {
	if id, ok := d.Lookup(stem); ok {
		return id
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if id, ok := d.ids[stem]; ok {
		return id
	}
	if d.ids == nil {
		d.ids = make(map[string]int32)
	}
	id := int32(len(d.stems))
	d.ids[stem] = id
	d.stems = append(d.stems, stem)
	return id
}

// shard returns the cache shard of key, or nil when a's sessions must not
// use the cache because another analyzer's sessions own it.
func (d *Dictionary) shard(a *Analyzer, key []byte) *cacheShard {
	if !d.owns(a) {
		return nil
	}
	d.seeded.Do(func() { d.seed = maphash.MakeSeed() })
	return &d.shards[maphash.Bytes(d.seed, key)%cacheShards]
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

// cached returns the shared analysis of the segment key for analyzer a,
// analysing and storing it when no session has met it yet.
func (d *Dictionary) cached(a *Analyzer, key []byte) cachedWord {
	sh := d.shard(a, key)
	if sh == nil {
		return d.analyse(a, string(key))
	}
	sh.mu.Lock()
	c, ok := sh.words[string(key)]
	sh.mu.Unlock()
	if ok {
		return c
	}
	c = d.analyse(a, string(key))
	sh.mu.Lock()
	defer sh.mu.Unlock()
	if prev, ok := sh.words[c.key]; ok {
		return prev // another session analysed it meanwhile, with the same outcome
	}
	if sh.words == nil {
		sh.words = make(map[string]cachedWord)
	}
	sh.words[c.key] = c
	return c
}

// analyse decides the segment key with a and interns its stem.
func (d *Dictionary) analyse(a *Analyzer, key string) cachedWord {
	c := cachedWord{key: key, stem: -1}
	if word, stem, ok := a.analyze([]byte(key)); ok {
		c.stem = d.intern(stem)
		c.word = word
		if word == key {
			c.word = key // share the bytes
		}
	}
	return c
}
