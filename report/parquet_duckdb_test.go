package report

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// duckdbCheck is the DuckDB read-back script, relative to this package.
const duckdbCheck = "../tools/duckdb/check.mjs"

// duckdbSpec is one entry of check.mjs's spec file.
type duckdbSpec struct {
	File        string            `json:"file"`
	Rows        int               `json:"rows"`
	Columns     orderedColumns    `json:"columns"`
	Compression string            `json:"compression,omitempty"`
	Metadata    map[string]string `json:"metadata,omitempty"`
}

// orderedColumns is a JSON object of column name -> DuckDB type whose keys
// keep their order (check.mjs compares the column order too).
type orderedColumns [][2]string

// MarshalJSON writes the columns as one JSON object, in order.
func (c orderedColumns) MarshalJSON() ([]byte, error) {
	var b strings.Builder
	b.WriteByte('{')
	for i, nt := range c {
		if i > 0 {
			b.WriteByte(',')
		}
		name, _ := json.Marshal(nt[0])
		typ, _ := json.Marshal(nt[1])
		b.Write(name)
		b.WriteByte(':')
		b.Write(typ)
	}
	b.WriteByte('}')
	return []byte(b.String()), nil
}

// fixtureDate is the date of the fixtures' dated document.
var fixtureDate = time.Date(2024, 3, 5, 10, 0, 0, 0, time.UTC)

// requireDuckDB skips the test when node or the script's node_modules are
// missing, except under CI=true, where the Makefile must have installed them.
func requireDuckDB(t *testing.T) string {
	t.Helper()
	missing := ""
	node, err := exec.LookPath("node")
	if err != nil {
		missing = "node is not installed"
	} else if _, err := os.Stat(filepath.Join(filepath.Dir(duckdbCheck), "node_modules", "@duckdb", "node-api")); err != nil {
		missing = "@duckdb/node-api is not installed (npm ci --prefix tools/duckdb)"
	}
	if missing != "" {
		if os.Getenv("CI") == "true" {
			t.Fatalf("DuckDB read-back check cannot run under CI: %s", missing)
		}
		t.Skipf("DuckDB read-back check skipped: %s", missing)
	}
	return node
}

func TestParquetReadBackWithDuckDB(t *testing.T) {
	node := requireDuckDB(t)
	dir := t.TempDir()
	write := func(name string, err error) string {
		t.Helper()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		return name
	}
	ids, H := docTopicsFixture(12, docTopicsBatch+3)
	strs := func(names ...string) orderedColumns {
		var c orderedColumns
		for i := 0; i < len(names); i += 2 {
			c = append(c, [2]string{names[i], names[i+1]})
		}
		return c
	}
	docTopicsCols := strs("doc_id", "VARCHAR")
	for _, name := range []string{"topic_0", "topic_1", "topic_2", "topic_3", "topic_4", "topic_5",
		"topic_6", "topic_7", "topic_8", "topic_9", "topic_10", "topic_11"} {
		docTopicsCols = append(docTopicsCols, [2]string{name, "DOUBLE"})
	}
	spec := []duckdbSpec{
		{
			File: write("topics.parquet", WriteTopics(filepath.Join(dir, "topics.parquet"), []TopicTermRow{
				{0, 0, "computer", "comput", 0.5}, {0, 1, "space", "space", 0.25}, {1, 0, "jesus", "jesus", 0.125},
			}, testMeta)),
			Rows:    3,
			Columns: strs("topic", "INTEGER", "rank", "INTEGER", "term", "VARCHAR", "stem", "VARCHAR", "weight", "DOUBLE"),
		},
		{
			File: write("assignments.parquet", WriteAssignments(filepath.Join(dir, "assignments.parquet"), []AssignmentRow{
				{"a", "sci/a.txt", "sci", 1, 0.75, 0.6, 0, &fixtureDate}, {"b", "b.txt", "", -1, 0, 0, -1, nil},
			}, testMeta)),
			Rows: 2,
			Columns: strs("doc_id", "VARCHAR", "path", "VARCHAR", "label", "VARCHAR", "topic", "INTEGER",
				"weight", "DOUBLE", "confidence", "DOUBLE", "second_topic", "INTEGER", "date", "TIMESTAMP WITH TIME ZONE"),
		},
		{
			File: write("terms.parquet", WriteTerms(filepath.Join(dir, "terms.parquet"), []TermRow{
				{0, "comput", "computer", 12, 1.5}, {1, "space", "space", 3, 2.25}, {2, "jesus", "jesus", 1, 3},
				{3, "orbit", "orbit", 2, 2.5},
			}, testMeta)),
			Rows:    4,
			Columns: strs("id", "INTEGER", "term", "VARCHAR", "surface", "VARCHAR", "df", "INTEGER", "idf", "DOUBLE"),
		},
		{
			File: write("docs.parquet", WriteDocs(filepath.Join(dir, "docs.parquet"), []DocRow{
				{0, "a", "sci/a.txt", "sci", 17, &fixtureDate}, {1, "b", "b.txt", "", 0, nil},
			}, testMeta)),
			Rows:    2,
			Columns: strs("column", "INTEGER", "id", "VARCHAR", "path", "VARCHAR", "label", "VARCHAR", "tokens", "INTEGER", "date", "TIMESTAMP WITH TIME ZONE"),
		},
		{
			File:    write("doc_topics.parquet", WriteDocTopics(filepath.Join(dir, "doc_topics.parquet"), ids, H, testMeta)),
			Rows:    len(ids),
			Columns: docTopicsCols,
		},
		{
			File:    write("empty_topics.parquet", WriteTopics(filepath.Join(dir, "empty_topics.parquet"), nil, testMeta)),
			Rows:    0,
			Columns: strs("topic", "INTEGER", "rank", "INTEGER", "term", "VARCHAR", "stem", "VARCHAR", "weight", "DOUBLE"),
		},
	}
	for i := range spec {
		spec[i].Compression = "ZSTD"
		spec[i].Metadata = testMeta
	}
	spec[len(spec)-1].Compression = "" // an empty file has no column chunks to name a codec

	specJSON, err := json.Marshal(spec)
	if err != nil {
		t.Fatal(err)
	}
	specPath := filepath.Join(dir, "spec.json")
	if err := os.WriteFile(specPath, specJSON, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, duckdbCheck, specPath).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", node, duckdbCheck, err, out)
	}
	if want := "duckdb: 6 files OK"; !strings.Contains(string(out), want) {
		t.Errorf("check.mjs printed %q, want %q", out, want)
	}
	t.Logf("%s", strings.TrimSpace(string(out)))
}
