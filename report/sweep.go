package report

import "math"

// Sweep is a k sweep as the writers render it: one fit (or several, from
// different seeds) of one matrix at each k, the measures of each k and the
// k recommended.
type Sweep struct {
	Version    string            // topicmill's version
	Source     string            // the corpus or matrix that was read
	Matrix     bool              // a matrix given as such (rows × columns), not a corpus
	Rows, Cols int               // shape of the matrix (terms × documents for a corpus)
	Seeds      int               // fits per k
	Labeled    bool              // the corpus has labels: NMI and ARI are measured
	Parameters map[string]string // the settings, flag name → value
	Points     []SweepPoint      // one per k, in increasing k
	// Recommended is the k the sweep recommends, and Rule and Reason say by
	// which rule and why (Reason quotes the numbers).
	Recommended  int
	Rule, Reason string
	Timings      []Timing // reading (and vectorizing), then the fits
}

// SweepPoint is what a sweep measured at one k. A measure that was not
// taken is NaN (the Parquet column is then null).
type SweepPoint struct {
	K int
	// Objective is the first fit's final objective (for a matrix: the least
	// over the seeds' fits).
	Objective float64
	// Coherence is the mean NPMI of the first fit's topics (corpus only),
	// CoherenceSE its standard error (the topics' standard deviation over
	// √k; NaN for k = 1).
	Coherence, CoherenceSE float64
	// Stability is the mean adjusted Rand index between the assignments of
	// every pair of the seeds' fits (NaN with one seed).
	Stability float64
	// Cophenetic is the cophenetic correlation of the seeds' consensus
	// matrix (Brunet et al. 2004); NaN with one seed or too many columns.
	Cophenetic float64
	// NMI and ARI compare the first fit's topics with the labels (NaN
	// without labels).
	NMI, ARI float64
	// Iterations is the mean number of iterations of a fit, Seconds the
	// mean wall time of one.
	Iterations float64
	Seconds    float64
}

// measured reports whether v is a measure that was taken.
func measured(v float64) bool { return !math.IsNaN(v) }
