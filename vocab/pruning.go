package vocab

import (
	"fmt"
	"math"
)

// Pruning says which terms to keep, by document frequency and by number;
// the zero value keeps every term that occurs.
type Pruning struct {
	// MinDF is the minimum document frequency: ≥ 1 is a count of
	// documents, a value in (0, 1) a fraction of them, 0 no minimum.
	MinDF float64 `json:"min_df"`
	// MaxDF is the maximum document frequency as a fraction of documents
	// in (0, 1]; 0 means no maximum.
	MaxDF float64 `json:"max_df"`
	// MaxTerms keeps only the terms most frequent over the whole corpus
	// (total count, ties broken by term), after the df limits; 0 keeps all.
	MaxTerms int `json:"max_terms"`
}

// Validate reports settings that cannot be met or make no sense.
func (p Pruning) Validate() error {
	switch {
	case math.IsNaN(p.MinDF) || math.IsInf(p.MinDF, 0) || p.MinDF < 0:
		return fmt.Errorf("vocab: min_df %v: want a document count ≥ 1, a fraction in (0, 1), or 0", p.MinDF)
	case math.IsNaN(p.MaxDF) || p.MaxDF < 0 || p.MaxDF > 1:
		return fmt.Errorf("vocab: max_df %v: want a fraction of documents in (0, 1], or 0", p.MaxDF)
	case p.MaxTerms < 0:
		return fmt.Errorf("vocab: max_terms %d: want ≥ 0", p.MaxTerms)
	case p.MinDF < 1 && p.MaxDF > 0 && p.MinDF > p.MaxDF:
		return fmt.Errorf("vocab: min_df %v is above max_df %v", p.MinDF, p.MaxDF)
	}
	return nil
}

// String names the settings, for error messages and logs.
func (p Pruning) String() string {
	return fmt.Sprintf("min_df=%v max_df=%v max_terms=%d", p.MinDF, p.MaxDF, p.MaxTerms)
}

// dfRange returns the smallest and largest document counts a kept term may
// have in a corpus of n documents (compared as reals, as scikit-learn does).
func (p Pruning) dfRange(n int) (lo, hi float64) {
	lo, hi = p.MinDF, float64(n)
	if p.MinDF < 1 {
		lo = p.MinDF * float64(n)
	}
	if p.MaxDF > 0 {
		hi = p.MaxDF * float64(n)
	}
	return lo, hi
}
