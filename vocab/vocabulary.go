// Package vocab maps terms to ids: it counts documents into bags of term
// ids, counts document frequencies, prunes rare and common terms, and gives
// the kept terms final ids in a stable order (sorted by term) so that the
// same corpus always gives the same matrix, whatever the scheduling that
// assigned the provisional ids.
package vocab

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
)

// Vocabulary is the kept terms with their final ids (the index into Terms,
// sorted by term) and document frequencies; it is saved with a model so that
// new documents are weighted the same way.
type Vocabulary struct {
	Terms   []string `json:"terms"`   // stem of term id i, strictly increasing
	Surface []string `json:"surface"` // most frequent surface form of term i, shown in reports
	DF      []int32  `json:"df"`      // number of documents containing term i
	NDocs   int      `json:"n_docs"`  // documents counted
}

// Build counts the document frequencies of the provisional ids used in docs,
// prunes with p, and returns the vocabulary of the kept terms plus remap:
// provisional id → final id, or -1 for a dropped term. stems and surfaces are
// indexed by provisional id (surfaces may be nil, or hold "" where no surface
// form is known: the stem is shown then). Terms that occur in no document are
// always dropped; an error says so when no term is left.
func Build(stems, surfaces []string, docs []Bag, p Pruning) (*Vocabulary, []int32, error) {
	if err := p.Validate(); err != nil {
		return nil, nil, err
	}
	if surfaces != nil && len(surfaces) != len(stems) {
		panic(fmt.Sprintf("vocab: Build with %d stems and %d surface forms", len(stems), len(surfaces)))
	}
	df := make([]int32, len(stems))
	total := make([]int64, len(stems))
	for _, b := range docs {
		for i, t := range b.Terms {
			df[t]++
			total[t] += int64(b.Counts[i])
		}
	}
	lo, hi := p.dfRange(len(docs))
	var kept []int32
	for id, d := range df {
		if d > 0 && float64(d) >= lo && float64(d) <= hi {
			kept = append(kept, int32(id))
		}
	}
	byTerm := func(a, b int32) int { return strings.Compare(stems[a], stems[b]) }
	if p.MaxTerms > 0 && len(kept) > p.MaxTerms {
		slices.SortFunc(kept, func(a, b int32) int {
			if c := cmp.Compare(total[b], total[a]); c != 0 {
				return c
			}
			return byTerm(a, b)
		})
		kept = kept[:p.MaxTerms]
	}
	if len(kept) == 0 {
		return nil, nil, fmt.Errorf("vocab: no term left of %d in %d documents after pruning (%v)", len(stems), len(docs), p)
	}
	slices.SortFunc(kept, byTerm)

	v := &Vocabulary{
		Terms:   make([]string, len(kept)),
		Surface: make([]string, len(kept)),
		DF:      make([]int32, len(kept)),
		NDocs:   len(docs),
	}
	remap := make([]int32, len(stems))
	for i := range remap {
		remap[i] = -1
	}
	for i, id := range kept {
		if i > 0 && stems[id] == stems[kept[i-1]] {
			return nil, nil, fmt.Errorf("vocab: term %q has two provisional ids (%d and %d)", stems[id], kept[i-1], id)
		}
		v.Terms[i], v.Surface[i], v.DF[i] = stems[id], stems[id], df[id]
		remap[id] = int32(i)
	}
	v.SetSurfaces(surfaces, remap)
	return v, remap, nil
}

// SetSurfaces sets the surface form of every kept term from surfaces,
// indexed by provisional id as Build's are ("" keeps the current form), with
// the remap Build returned; it lets a caller build the vocabulary while its
// surface forms are still being gathered. nil surfaces change nothing.
func (v *Vocabulary) SetSurfaces(surfaces []string, remap []int32) {
	if surfaces != nil && len(surfaces) != len(remap) {
		panic(fmt.Sprintf("vocab: SetSurfaces with %d surface forms for %d provisional ids", len(surfaces), len(remap)))
	}
	for id, s := range surfaces {
		if f := remap[id]; f >= 0 && s != "" {
			v.Surface[f] = s
		}
	}
}

// Len returns the number of terms.
func (v *Vocabulary) Len() int { return len(v.Terms) }

// ID returns the id of term, by binary search over the sorted terms (no
// index to build, and safe for concurrent use).
func (v *Vocabulary) ID(term string) (int32, bool) {
	i := sort.SearchStrings(v.Terms, term)
	if i < len(v.Terms) && v.Terms[i] == term {
		return int32(i), true
	}
	return -1, false
}

// Validate checks that the slices agree in length, the terms are strictly
// increasing (ID relies on it) and every df lies in [1, NDocs].
func (v *Vocabulary) Validate() error {
	if len(v.Surface) != len(v.Terms) || len(v.DF) != len(v.Terms) {
		return fmt.Errorf("vocab: %d terms, %d surface forms and %d document frequencies", len(v.Terms), len(v.Surface), len(v.DF))
	}
	for i, t := range v.Terms {
		if i > 0 && t <= v.Terms[i-1] {
			return fmt.Errorf("vocab: term %d (%q) is not after term %d (%q)", i, t, i-1, v.Terms[i-1])
		}
		if v.DF[i] < 1 || int(v.DF[i]) > v.NDocs {
			return fmt.Errorf("vocab: term %q has df %d outside [1, %d]", t, v.DF[i], v.NDocs)
		}
	}
	return nil
}

// UnmarshalJSON reads a vocabulary and validates it, so that a saved model
// that was edited or damaged is refused at load rather than misweighted.
func (v *Vocabulary) UnmarshalJSON(data []byte) error {
	type plain Vocabulary // without this method
	var p plain
	if err := json.Unmarshal(data, &p); err != nil {
		return fmt.Errorf("vocab: %w", err)
	}
	if err := (*Vocabulary)(&p).Validate(); err != nil {
		return err
	}
	*v = Vocabulary(p)
	return nil
}
