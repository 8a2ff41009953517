package report

import (
	"fmt"
	"io"
	"strconv"

	"github.com/parquet-go/parquet-go"
	"gonum.org/v1/gonum/mat"

	"github.com/topicmill/topicmill/internal/atomicfile"
)

// docTopicsBatch is how many rows WriteDocTopics hands parquet-go at once;
// its buffers are reused, so memory stays flat whatever the number of documents.
const docTopicsBatch = 1024

// WriteDocTopics writes doc_topics.parquet: doc_id plus one column per topic
// (topic_0 … topic_{k-1}, DOUBLE) holding the document's topic weights; H is
// k × n (gonum mat.Matrix), docIDs has n entries. Rows are streamed in
// batches, so n may be a million. It panics if len(docIDs) is not n.
func WriteDocTopics(path string, docIDs []string, H mat.Matrix, meta Meta) error {
	k, _ := H.Dims()
	return atomicfile.Write(path, func(w io.Writer) error {
		dw := NewDocTopicsWriter(w, k, meta)
		if err := dw.Write(docIDs, H); err != nil {
			return err
		}
		return dw.Close()
	})
}

// DocTopicsWriter streams doc_topics.parquet for k topics, a batch of
// documents at a time; its buffers are reused, so memory stays flat.
type DocTopicsWriter struct {
	pw      *parquet.Writer
	k, rows int
	batch   []parquet.Row
	col     []float64
	ids     []byte // a batch's doc ids, back to back
}

// NewDocTopicsWriter starts doc_topics.parquet for k topics on w.
func NewDocTopicsWriter(w io.Writer, k int, meta Meta) *DocTopicsWriter {
	width := k + 1
	values := make([]parquet.Value, docTopicsBatch*width)
	rows := make([]parquet.Row, docTopicsBatch)
	for i := range rows {
		rows[i] = values[i*width : (i+1)*width : (i+1)*width]
	}
	return &DocTopicsWriter{
		pw:    parquet.NewWriter(w, append(writerOptions(meta), docTopicsSchema(k))...),
		k:     k,
		batch: rows,
		col:   make([]float64, k),
	}
}

// Write appends the documents docIDs whose columns of H (k × len(docIDs))
// hold their topic weights. It panics if the sizes disagree.
func (d *DocTopicsWriter) Write(docIDs []string, H mat.Matrix) error {
	k, n := H.Dims()
	if len(docIDs) != n || k != d.k {
		panic(fmt.Sprintf("report: doc topics: %d doc ids for %d × %d H, want %d rows", len(docIDs), k, n, d.k))
	}
	for start := 0; start < n; start += docTopicsBatch {
		batch := d.batch[:min(docTopicsBatch, n-start)]
		d.ids = d.ids[:0]
		for i := range batch {
			d.ids = append(d.ids, docIDs[start+i]...)
		}
		off := 0
		for i, row := range batch {
			j := start + i
			id := d.ids[off : off+len(docIDs[j])]
			off += len(id)
			row[0] = parquet.ByteArrayValue(id).Level(0, 0, 0)
			mat.Col(d.col, j, H)
			for t, x := range d.col {
				row[t+1] = parquet.DoubleValue(x).Level(0, 0, t+1)
			}
		}
		if _, err := d.pw.WriteRows(batch); err != nil {
			return fmt.Errorf("parquet rows %d-%d: %w", d.rows+start, d.rows+start+len(batch), err)
		}
	}
	d.rows += n
	return nil
}

// Close writes the footer; it does not close the underlying writer.
func (d *DocTopicsWriter) Close() error {
	if err := d.pw.Close(); err != nil {
		return fmt.Errorf("parquet footer: %w", err)
	}
	return nil
}

// docTopicsSchema is doc_topics.parquet's schema for k topics: doc_id, then
// topic_0 … topic_{k-1} in topic order.
func docTopicsSchema(k int) *parquet.Schema {
	g := parquet.Group{"doc_id": parquet.String()}
	order := make([]string, 0, k+1)
	order = append(order, "doc_id")
	for t := range k {
		name := "topic_" + strconv.Itoa(t)
		g[name] = parquet.Leaf(parquet.DoubleType)
		order = append(order, name)
	}
	return parquet.NewSchema("doc_topics", orderedGroup{Group: g, order: order})
}

// orderedGroup is a parquet.Group whose fields come in a given order; a plain
// Group sorts them by name, which would put topic_10 before topic_2.
type orderedGroup struct {
	parquet.Group
	order []string // every field name of Group, in column order
}

// Fields returns the group's fields in g.order.
func (g orderedGroup) Fields() []parquet.Field {
	byName := make(map[string]parquet.Field, len(g.Group))
	for _, f := range g.Group.Fields() {
		byName[f.Name()] = f
	}
	fields := make([]parquet.Field, len(g.order))
	for i, name := range g.order {
		fields[i] = byName[name]
	}
	return fields
}
