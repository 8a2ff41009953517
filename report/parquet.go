package report

import (
	"fmt"
	"io"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/topicmill/topicmill/internal/atomicfile"
)

// The Parquet files topicmill writes. Every file is zstd-compressed, every
// column is required (never null) but the dates, and the footer's key-value metadata holds
// "topicmill.version" and one "topicmill.<param>" entry per run parameter.
//
//	topics.parquet       one row per (topic, rank): a topic's top terms
//	  topic        INT32   topic id, 0 … k-1
//	  rank         INT32   0 = the topic's heaviest term
//	  term         STRING  surface form shown to people ("computer")
//	  stem         STRING  the stem it stands for ("comput")
//	  weight       DOUBLE  the term's weight in the topic (W, columns scaled to unit norm)
//
//	assignments.parquet  one row per document, in column order of X
//	  doc_id       STRING
//	  path         STRING  where the document was read from
//	  label        STRING  "" when the corpus has no label for it
//	  topic        INT32   the document's topic; -1 = unassigned (no terms left)
//	  weight       DOUBLE  the document's weight in that topic (H)
//	  confidence   DOUBLE  that weight's share of the document's column of H
//	  second_topic INT32   the runner-up topic; -1 when there is none
//	  date         TIMESTAMP (µs, UTC, nullable)  the document's date, null when unknown
//
//	assignments.parquet of topicmill assign: the columns above, then
//	  predicted    STRING  the label predicted for the document ("" when the model had no labels)
//	  predicted_confidence DOUBLE  the model's probability for that label (0 without labels)
//
//	classification.parquet  (topicmill assign, labeled documents) one row per label
//	  label, documents, predicted, correct (INT32), precision, recall, f1 (DOUBLE)
//	confusion.parquet    (likewise) true_label STRING, predicted_label STRING, documents INT32
//
//	problems.parquet     one row per document skipped or changed on reading
//	  path STRING, reason STRING, skipped BOOLEAN, detail STRING
//
//	doc_topics.parquet   one row per document, in column order of X
//	  doc_id       STRING
//	  topic_0 … topic_{k-1}  DOUBLE  the document's column of H
//
//	terms.parquet        the vocabulary, one row per term (row of X)
//	  id           INT32   row of X
//	  term         STRING  the term (stem) as counted
//	  surface      STRING  its most frequent surface form
//	  df           INT32   documents containing the term
//	  idf          DOUBLE  its inverse document frequency weight
//
//	docs.parquet         the documents, one row per column of X
//	  column       INT32   column of X
//	  id           STRING
//	  path         STRING
//	  label        STRING  "" when unlabeled
//	  tokens       INT32   tokens kept after analysis
//	  date         TIMESTAMP (µs, UTC, nullable)  the document's date, null when unknown
//
//	topic_tree.parquet   the topic tree (average linkage on cosine distance), one row per node
//	  child        INT32   the node: 0 … k-1 are the topics, k … 2k-2 their merges in order
//	  parent       INT32   the node it merges into; -1 for the root
//	  distance     DOUBLE  the cosine distance at which it merges (the parent's height; 0 for the root)
//	  height       DOUBLE  the distance at which its own children merged; 0 for a topic
//	  topics       INT32   topics under the node
//	  words        LIST<STRING>  the node's top words, heaviest first

// Meta is the key-value metadata stored in every Parquet file's footer: the
// run's parameters and topicmill's version (keys "topicmill.version",
// "topicmill.<param>").
type Meta map[string]string

// NewMeta builds the footer metadata of a run from topicmill's version and the
// run's parameters (flag name -> value), so every file says how it was made.
func NewMeta(version string, params map[string]string) Meta {
	m := make(Meta, len(params)+1)
	for k, v := range params {
		m["topicmill."+k] = v
	}
	m["topicmill.version"] = version
	return m
}

// TopicTermRow is one row of topics.parquet: one of a topic's top terms.
type TopicTermRow struct {
	Topic  int32   `parquet:"topic"`
	Rank   int32   `parquet:"rank"`
	Term   string  `parquet:"term"`
	Stem   string  `parquet:"stem"`
	Weight float64 `parquet:"weight"`
}

// AssignmentRow is one row of assignments.parquet: a document's topic.
type AssignmentRow struct {
	DocID       string  `parquet:"doc_id"`
	Path        string  `parquet:"path"`
	Label       string  `parquet:"label,dict"`
	Topic       int32   `parquet:"topic"`
	Weight      float64 `parquet:"weight"`
	Confidence  float64 `parquet:"confidence"`
	SecondTopic int32   `parquet:"second_topic"`
	// Date is the document's date, null when the source gave none.
	Date *time.Time `parquet:"date,optional,timestamp(microsecond)"`
}

// PredictionRow is one row of the assignments.parquet `topicmill assign`
// writes: a new document's topic, and the label the model predicts for it
// with that prediction's confidence.
type PredictionRow struct {
	AssignmentRow
	Predicted           string  `parquet:"predicted,dict"`
	PredictedConfidence float64 `parquet:"predicted_confidence"`
}

// ClassificationRow is one row of classification.parquet (topicmill
// assign on labeled documents): one true label's scores.
type ClassificationRow struct {
	Label     string  `parquet:"label"`
	Documents int32   `parquet:"documents"` // documents with this true label
	Predicted int32   `parquet:"predicted"` // documents predicted this label
	Correct   int32   `parquet:"correct"`
	Precision float64 `parquet:"precision"`
	Recall    float64 `parquet:"recall"`
	F1        float64 `parquet:"f1"`
}

// ConfusionRow is one row of confusion.parquet: how many documents of one
// true label were predicted another (or the same).
type ConfusionRow struct {
	TrueLabel      string `parquet:"true_label"`
	PredictedLabel string `parquet:"predicted_label"`
	Documents      int32  `parquet:"documents"`
}

// WriteClassification writes classification.parquet atomically.
func WriteClassification(path string, rows []ClassificationRow, meta Meta) error {
	return writeTable(path, rows, meta)
}

// WriteConfusion writes confusion.parquet atomically.
func WriteConfusion(path string, rows []ConfusionRow, meta Meta) error {
	return writeTable(path, rows, meta)
}

// ProblemRow is one row of problems.parquet: a document that was skipped,
// or read but changed (encoding repaired, truncated, renamed), so that no
// document is lost without a trace.
type ProblemRow struct {
	Path    string `parquet:"path"`
	Reason  string `parquet:"reason,dict"`
	Skipped bool   `parquet:"skipped"` // left out of the run; false: read, changed
	Detail  string `parquet:"detail"`
}

// WriteProblems writes problems.parquet atomically.
func WriteProblems(path string, rows []ProblemRow, meta Meta) error {
	return writeTable(path, rows, meta)
}

// TermRow is one row of terms.parquet: a vocabulary entry.
type TermRow struct {
	ID      int32   `parquet:"id"`
	Term    string  `parquet:"term"`
	Surface string  `parquet:"surface"`
	DF      int32   `parquet:"df"`
	IDF     float64 `parquet:"idf"`
}

// DocRow is one row of docs.parquet: a document (column of X).
type DocRow struct {
	Column int32  `parquet:"column"`
	ID     string `parquet:"id"`
	Path   string `parquet:"path"`
	Label  string `parquet:"label,dict"`
	Tokens int32  `parquet:"tokens"`
	// Date is the document's date, null when the source gave none.
	Date *time.Time `parquet:"date,optional,timestamp(microsecond)"`
}

// WriteTopics writes topics.parquet atomically.
func WriteTopics(path string, rows []TopicTermRow, meta Meta) error {
	return writeTable(path, rows, meta)
}

// WriteAssignments writes assignments.parquet atomically.
func WriteAssignments(path string, rows []AssignmentRow, meta Meta) error {
	return writeTable(path, rows, meta)
}

// TableWriter streams rows of one table (a row struct type of this
// package) to a Parquet file while they are produced: a large table is
// never held whole in memory.
type TableWriter[T any] struct {
	pw *parquet.GenericWriter[T]
}

// NewTableWriter starts a table on w; Close writes its footer.
func NewTableWriter[T any](w io.Writer, meta Meta) *TableWriter[T] {
	return &TableWriter[T]{pw: parquet.NewGenericWriter[T](w, writerOptions(meta)...)}
}

// Write appends rows to the table.
func (t *TableWriter[T]) Write(rows []T) error {
	if _, err := t.pw.Write(rows); err != nil {
		return fmt.Errorf("parquet rows: %w", err)
	}
	return nil
}

// Close writes the footer; it does not close the underlying writer.
func (t *TableWriter[T]) Close() error {
	if err := t.pw.Close(); err != nil {
		return fmt.Errorf("parquet footer: %w", err)
	}
	return nil
}

// WriteTerms writes terms.parquet atomically.
func WriteTerms(path string, rows []TermRow, meta Meta) error {
	return writeTable(path, rows, meta)
}

// WriteDocs writes docs.parquet atomically.
func WriteDocs(path string, rows []DocRow, meta Meta) error {
	return writeTable(path, rows, meta)
}

// rowGroupRows caps the rows of one row group, so a large file is not
// buffered whole in memory and readers (DuckDB) can scan it in parallel.
const rowGroupRows = 1 << 17

// writerOptions are the options every topicmill Parquet writer shares: zstd,
// bounded row groups and the run's metadata (the footer keeps it sorted by key).
func writerOptions(meta Meta) []parquet.WriterOption {
	opts := []parquet.WriterOption{
		parquet.Compression(&parquet.Zstd),
		parquet.MaxRowsPerRowGroup(rowGroupRows),
	}
	for k, v := range meta {
		opts = append(opts, parquet.KeyValueMetadata(k, v))
	}
	return opts
}

// writeTable writes rows of a struct type as one Parquet file at path,
// atomically; the struct's parquet tags are its schema.
func writeTable[T any](path string, rows []T, meta Meta) error {
	return atomicfile.Write(path, func(w io.Writer) error {
		tw := NewTableWriter[T](w, meta)
		if err := tw.Write(rows); err != nil {
			return err
		}
		return tw.Close() // the footer; atomicfile.Write closes the file
	})
}
