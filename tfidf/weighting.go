// Package tfidf weights term counts into the terms × documents matrix X that
// the factorization reads: a term-frequency transform, an inverse document
// frequency, and a per-document normalisation, fitted once on a corpus and
// saved so that new documents are weighted exactly as the corpus was.
package tfidf

import (
	"fmt"
	"slices"
	"strings"
)

// TF is how a term's count in a document becomes its term frequency.
type TF string

// The term-frequency transforms.
const (
	TFRaw       TF = "raw"       // the count
	TFSublinear TF = "sublinear" // 1 + ln(count)
	TFBinary    TF = "binary"    // 1 for every term present
)

// IDF is how a term's document frequency scales its weight.
type IDF string

// The inverse document frequencies.
const (
	IDFSmooth IDF = "smooth" // ln((1+n)/(1+df)) + 1, as scikit-learn's smooth_idf
	IDFNone   IDF = "none"   // 1 for every term
)

// Norm is how each document's column is normalised.
type Norm string

// The normalisations.
const (
	NormL2   Norm = "l2"   // unit Euclidean length
	NormL1   Norm = "l1"   // entries sum to 1
	NormNone Norm = "none" // left as weighted
)

// The defaults, used where a Weighting field is "". Sublinear tf damps the
// words that a long post repeats, so that one chatty document does not pull
// a topic towards its own vocabulary; smooth idf lowers words that every
// document uses; l2 makes long and short documents count alike, which is
// what scikit-learn's TfidfVectorizer does and NMF topic models expect.
const (
	DefaultTF   = TFSublinear
	DefaultIDF  = IDFSmooth
	DefaultNorm = NormL2
)

var (
	tfChoices   = []TF{TFRaw, TFSublinear, TFBinary}
	idfChoices  = []IDF{IDFSmooth, IDFNone}
	normChoices = []Norm{NormL2, NormL1, NormNone}
)

// Weighting is the choice of tf, idf and normalisation; "" in any field means
// its default, so the zero value is the default weighting.
type Weighting struct {
	TF   TF   `json:"tf"`
	IDF  IDF  `json:"idf"`
	Norm Norm `json:"norm"`
}

// WithDefaults returns w with every "" field replaced by its default.
func (w Weighting) WithDefaults() Weighting {
	if w.TF == "" {
		w.TF = DefaultTF
	}
	if w.IDF == "" {
		w.IDF = DefaultIDF
	}
	if w.Norm == "" {
		w.Norm = DefaultNorm
	}
	return w
}

// Validate reports a field that is neither "" nor a known choice, listing the
// choices.
func (w Weighting) Validate() error {
	if err := check("tf", w.TF, tfChoices); err != nil {
		return err
	}
	if err := check("idf", w.IDF, idfChoices); err != nil {
		return err
	}
	return check("norm", w.Norm, normChoices)
}

// ParseTF reads a tf choice from a flag (case-insensitive; "" is the default).
func ParseTF(s string) (TF, error) { return parse(s, DefaultTF, "tf", tfChoices) }

// ParseIDF reads an idf choice from a flag (case-insensitive; "" is the default).
func ParseIDF(s string) (IDF, error) { return parse(s, DefaultIDF, "idf", idfChoices) }

// ParseNorm reads a normalisation from a flag (case-insensitive; "" is the default).
func ParseNorm(s string) (Norm, error) { return parse(s, DefaultNorm, "norm", normChoices) }

func parse[T ~string](s string, def T, kind string, choices []T) (T, error) {
	v := T(strings.ToLower(strings.TrimSpace(s)))
	if v == "" {
		return def, nil
	}
	return v, check(kind, v, choices)
}

func check[T ~string](kind string, v T, choices []T) error {
	if v == "" || slices.Contains(choices, v) {
		return nil
	}
	names := make([]string, len(choices))
	for i, c := range choices {
		names[i] = string(c)
	}
	return fmt.Errorf("tfidf: unknown %s %q (choose %s)", kind, string(v), strings.Join(names, ", "))
}
