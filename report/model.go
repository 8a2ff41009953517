// Package report writes what a run found: Parquet tables (topics,
// assignments, document-topic weights, terms, documents), a self-contained
// HTML report and a console summary. It knows nothing of how the numbers
// were computed; the pipeline fills a Run and hands it over.
package report

import "time"

// Run is everything a report shows about one run.
type Run struct {
	Version    string            // topicmill's version
	Corpus     string            // the source that was read
	Started    time.Time         // when the run began
	Parameters map[string]string // flag name -> value, as given or defaulted
	Account    string            // the reader's one-line account ("read N documents, skipped M (...)")
	Documents  int               // documents in the matrix (columns of X)
	Terms      int               // vocabulary size (rows of X)
	NonZeros   int               // stored entries of X
	Timings    []Timing          // per stage, in order
	Loss       string            // "frobenius" or "kullback-leibler"
	Objective  float64           // final objective
	Trace      []TracePoint      // objective per iteration (0 = initialisation)
	Topics     []Topic           // k topics, in topic order
	Coherence  float64           // mean NPMI coherence of the topics
	Diversity  float64           // share of distinct terms among the topics' top 25
	TopicMap   [][2]float64      // 2-D position of each topic (from their similarities)
	Similarity [][]float64       // k × k cosine similarity of the topics' term weights
	Tree       []TreeNode        // the topic tree, 2k-1 nodes; nil when not computed
	OverTime   []PeriodTopic     // the topics per period, period by period; nil without dates or time bins
	Unassigned int               // documents with no terms left (topic -1)
	Scores     *Scores           // nil when the corpus has no labels
}

// Timing is the wall time of one stage.
type Timing struct {
	Stage    string
	Duration time.Duration
}

// TracePoint is the objective after one iteration of the factorization.
type TracePoint struct {
	Iteration int
	Objective float64
	Elapsed   time.Duration
}

// Topic is one topic's summary.
type Topic struct {
	ID              int
	Size            int     // documents assigned
	Share           float64 // Size / documents
	Coherence       float64 // NPMI of the top terms
	Terms           []TopicTerm
	Representatives []DocRef
	MajorityLabel   string  // "" when the corpus has no labels
	LabelShare      float64 // share of the topic's labeled documents that carry MajorityLabel
}

// TopicTerm is one of a topic's top terms.
type TopicTerm struct {
	Term   string // surface form shown to people ("computer")
	Stem   string // the stem it stands for ("comput")
	Weight float64
}

// DocRef is a document shown as an example of a topic.
type DocRef struct {
	ID         string
	Label      string
	Confidence float64
	Snippet    string // the start of the text; untrusted, always escaped
}

// Scores is the clustering measured against the corpus labels.
type Scores struct {
	NMI, ARI, Purity, Accuracy float64
	Labeled, Unlabeled         int
	Labels                     []string // rows of Contingency
	Clusters                   []int    // columns of Contingency (topic ids, -1 = unassigned)
	Contingency                [][]int  // label × topic document counts
}
