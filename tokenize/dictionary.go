package tokenize

import (
	"fmt"
	"slices"
	"sync"
)

// Dictionary interns stems to int32 ids; it is safe for concurrent use. Ids
// depend on the order words are first met (callers that need stable ids
// sort the stems later). The zero value is an empty dictionary.
type Dictionary struct {
	mu    sync.RWMutex
	ids   map[string]int32
	stems []string
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
