package pipeline

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/topicmill/topicmill/corpus"
	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/report"
	"github.com/topicmill/topicmill/tokenize"
	"github.com/topicmill/topicmill/vocab"
)

const demo = "../testdata/demo"

// TestVectorizeSameForAnyWorkerCount checks the determinism promise: term
// ids, document order and every value of X do not depend on the workers.
func TestVectorizeSameForAnyWorkerCount(t *testing.T) {
	var first *Vectorized
	for _, workers := range []int{1, 2, 5} {
		vec, err := Vectorize(context.Background(), Config{Source: demo, Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = vec
			continue
		}
		if !reflect.DeepEqual(vec.Vocab, first.Vocab) || !reflect.DeepEqual(vec.X, first.X) || !reflect.DeepEqual(vec.Docs, first.Docs) {
			t.Errorf("%d workers give a different vocabulary, matrix or document list than 1 worker", workers)
		}
	}
	if first.X.Cols != 300 || first.Account.Read != 300 {
		t.Errorf("X has %d columns, read %d documents; want 300", first.X.Cols, first.Account.Read)
	}
}

// TestModelRoundTripAndBatches fits the demo corpus, saves and loads the
// model, and checks that assigning the corpus back in batches of 7 gives the
// same topics as in one batch, and mostly the topics of the fit itself.
func TestModelRoundTripAndBatches(t *testing.T) {
	res, err := Run(context.Background(), Config{Source: demo, NMF: factor.NMF{K: 6}})
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "model.json")
	if err := res.Model.Save(path); err != nil {
		t.Fatal(err)
	}
	m, err := LoadModel(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(m, res.Model) {
		t.Fatal("the loaded model differs from the saved one")
	}
	saved, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if want := `"analyzer":{"filters":[{"name":"cjk_bigram"},{"name":"elision","language":"english"},{"name":"underscore"},{"name":"host"},{"name":"digits","max_run":4},{"name":"stop","language":"english"},{"name":"length","min":2,"max":25},{"name":"letter"},{"name":"stem","language":"english"}]}`; !strings.Contains(string(saved), want) {
		t.Errorf("saved model lacks the filter chain %s", want)
	}
	collect := func(batch, workers int, shard Shard) []Assigned {
		var out []Assigned
		if _, err := m.Assign(context.Background(), AssignOptions{Source: demo, BatchSize: batch, Workers: workers, Shard: shard}, func(b *AssignedBatch) error {
			if batch > 0 && len(b.Docs) > batch {
				t.Errorf("a batch of %d documents, want at most %d", len(b.Docs), batch)
			}
			out = append(out, b.Docs...)
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	whole, batched := collect(0, 2, Shard{}), collect(7, 2, Shard{})
	if len(whole) != 300 || !reflect.DeepEqual(whole, batched) {
		t.Fatalf("assigning in batches of 7 differs from one batch (%d vs %d documents)", len(batched), len(whole))
	}
	if serial := collect(0, 1, Shard{}); !reflect.DeepEqual(whole, serial) {
		t.Fatal("assigning on 1 worker differs from 2 workers")
	}
	// Three shards split the corpus: each document in exactly one, with the
	// same result as in the unsharded run.
	byID := map[string]Assigned{}
	for i := range 3 {
		part := collect(0, 2, Shard{I: i, N: 3})
		if len(part) < 50 {
			t.Errorf("shard %d/3 holds %d of 300 documents", i, len(part))
		}
		for _, a := range part {
			if _, dup := byID[a.Doc.ID]; dup {
				t.Errorf("%s is in two shards", a.Doc.ID)
			}
			byID[a.Doc.ID] = a
		}
	}
	for _, a := range whole {
		if !reflect.DeepEqual(byID[a.Doc.ID], a) {
			t.Errorf("%s: sharded %+v, unsharded %+v", a.Doc.ID, byID[a.Doc.ID], a)
		}
	}
	if len(byID) != len(whole) {
		t.Errorf("the shards hold %d documents, the corpus %d", len(byID), len(whole))
	}
	same, right := 0, 0
	for j, a := range whole {
		if a.Assignment.Topic == res.Assignments[j].Topic {
			same++
		}
		if a.Predicted == a.Doc.Label {
			right++
		}
	}
	if same < 297 || right < 297 {
		t.Errorf("re-assigned corpus: %d of 300 keep their topic, %d get their label; want ≥ 99 %% each", same, right)
	}
}

func TestLoadModelRefusesDamagedFiles(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]string{
		"future.json":    `{"format": 99}`,
		"format1.json":   `{"format": 1, "k": 2, "w": [1, 2]}`,
		"format2.json":   `{"format": 2, "k": 1, "w_file": "model_w.bin", "analyzer": {"language": "english"}}`,
		"truncated.json": `{"format": 4, "k": 2, "w_file": "x.bin`,
		"no-w-file.json": `{"format": 4, "k": 1, "w_file": "missing.bin", "vocabulary": {"terms": ["a"], "surface": ["a"], "df": [1], "n_docs": 1}}`,
	}
	for name, body := range cases {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadModel(path); err == nil || !strings.Contains(err.Error(), name) || !errors.Is(err, ErrModel) {
			t.Errorf("%s: err = %v, want a model error naming the file", name, err)
		}
	}
}

func TestSnippet(t *testing.T) {
	long := strings.Repeat("ab ", 200)
	cases := []struct{ in, want string }{
		{"  Hello,\n\n  world\t!  ", "Hello, world !"},
		{"", ""},
		{long, strings.TrimSpace(long[:snippetRunes]) + "…"},
	}
	for _, c := range cases {
		if got := snippet(c.in); got != c.want {
			t.Errorf("snippet(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestLoadModelRefusesDamagedValues damages one part of a good saved model
// at a time, in the JSON or in W's file: each must be refused at load,
// naming the file, never crash later.
func TestLoadModelRefusesDamagedValues(t *testing.T) {
	res, err := Run(context.Background(), Config{Source: demo, NMF: factor.NMF{K: 3}})
	if err != nil {
		t.Fatal(err)
	}
	good := t.TempDir()
	if err := res.Model.Save(filepath.Join(good, ModelFile)); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadModel(good); err != nil {
		t.Fatalf("the good model does not load from its folder: %v", err)
	}
	goodJSON, _ := os.ReadFile(filepath.Join(good, ModelFile))
	goodW, _ := os.ReadFile(filepath.Join(good, ModelWFile))
	jsonCases := map[string]func(m map[string]any){
		"short-topic-terms": func(m map[string]any) { m["topic_terms"] = m["topic_terms"].([]any)[:2] },
		"unknown-loss":      func(m map[string]any) { m["loss"] = "bogus" },
		"negative-penalty":  func(m map[string]any) { m["l1_h"] = -5.0 },
		"unknown-filter":    func(m map[string]any) { analyzerFilter(m, 2)["name"] = "stemmer" },
		"w-file-elsewhere":  func(m map[string]any) { m["w_file"] = "../model_w.bin" },
	}
	wCases := map[string]func(b []byte) []byte{
		"flipped-w":   func(b []byte) []byte { b[17] ^= 1; return b },
		"truncated-w": func(b []byte) []byte { return b[:len(b)-8] },
	}
	check := func(name string, body, w []byte) {
		dir := filepath.Join(t.TempDir(), name)
		os.MkdirAll(dir, 0o755)
		path := filepath.Join(dir, ModelFile)
		if err := os.WriteFile(path, body, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, ModelWFile), w, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadModel(path)
		if err == nil || !strings.Contains(err.Error(), path) || !errors.Is(err, ErrModel) {
			t.Errorf("%s: err = %v, want a model error naming %s", name, err, path)
		}
	}
	for name, damage := range jsonCases {
		var m map[string]any
		if err := json.Unmarshal(goodJSON, &m); err != nil {
			t.Fatal(err)
		}
		damage(m)
		body, _ := json.Marshal(m)
		check(name, body, goodW)
	}
	for name, damage := range wCases {
		check(name, goodJSON, damage(slices.Clone(goodW)))
	}
	// An analyzer that cannot work is refused by name, also under a valid checksum.
	for want, chain := range map[string]tokenize.Chain{
		`unknown language "klingon"`: {tokenize.Stem{Language: "klingon"}},
		"bad length limits":          {tokenize.Length{Min: -1}},
	} {
		m := *res.Model
		m.Analyzer = tokenize.Config{Filters: chain}
		path := filepath.Join(t.TempDir(), ModelFile)
		if err := m.Save(path); err != nil {
			t.Fatal(err)
		}
		if _, err := LoadModel(path); err == nil || !strings.Contains(err.Error(), want) || !errors.Is(err, ErrModel) {
			t.Errorf("analyzer %v: err = %v, want a model error containing %q", chain, err, want)
		}
	}
	// A W that passes the checksum must still be non-negative and finite.
	m := *res.Model
	m.W = slices.Clone(m.W)
	m.W[5] = -1
	if err := m.check(); err == nil {
		t.Error("a negative W entry passes check")
	}
	for i := range m.W {
		m.W[i] = 0
	}
	if err := m.check(); err == nil || !strings.Contains(err.Error(), "all zero") {
		t.Errorf("an all-zero W: check = %v", err)
	}
}

// TestLibraryRunPrunesAsTheCLIDoes checks that the defaults have one owner:
// a Config with only a source prunes with DefaultMinDF and DefaultMaxDF, as
// the command line's flags do.
func TestLibraryRunPrunesAsTheCLIDoes(t *testing.T) {
	dir := t.TempDir()
	for i, text := range []string{"common alpha beta", "common alpha gamma", "common beta delta", "common gamma unique"} {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx := context.Background()
	terms := func(p vocab.Pruning) []string {
		vec, err := Vectorize(ctx, Config{Source: dir, Pruning: p})
		if err != nil {
			t.Fatal(err)
		}
		return vec.Vocab.Terms
	}
	bare, explicit := terms(vocab.Pruning{}), terms(vocab.Pruning{MinDF: 2, MaxDF: 0.5})
	if want := []string{"alpha", "beta", "gamma"}; !reflect.DeepEqual(bare, want) || !reflect.DeepEqual(explicit, want) {
		t.Errorf("a bare config keeps %q, min-df 2 max-df 0.5 keeps %q; want %q for both", bare, explicit, want)
	}
	if all := terms(vocab.Pruning{MinDF: 1, MaxDF: 1}); len(all) != 6 {
		t.Errorf("min-df 1 max-df 1 keeps %q, want all 6 terms", all)
	}
	if d := Defaults(); d.Pruning.MinDF != DefaultMinDF || d.Pruning.MaxDF != DefaultMaxDF || d.NMF.K != DefaultK || d.NMF.Loss != DefaultLoss {
		t.Errorf("Defaults() = %+v", d)
	}
}

// TestStepsComposeIntoRun checks that Vectorize, Fit and Summarize give
// what Run gives, and that one vectorized corpus serves fits of several k
// (a sweep).
func TestStepsComposeIntoRun(t *testing.T) {
	ctx := context.Background()
	cfg := Config{Source: demo, NMF: factor.NMF{K: 6}}
	whole, err := Run(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	vec, err := Vectorize(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []int{3, 6} {
		fit, err := Fit(ctx, vec, factor.NMF{K: k}, nil)
		if err != nil {
			t.Fatal(err)
		}
		res := Summarize(cfg, vec, fit)
		if len(res.Report.Topics) != k || res.Model.K != k || res.Report.Parameters["k"] != fmt.Sprint(k) {
			t.Errorf("k = %d: %d topics, model k %d, parameter k %s", k, len(res.Report.Topics), res.Model.K, res.Report.Parameters["k"])
		}
		if k == 6 && (!reflect.DeepEqual(res.Assignments, whole.Assignments) || res.Fit.Objective != whole.Fit.Objective) {
			t.Error("Vectorize + Fit + Summarize differ from Run")
		}
	}
}

// TestInvalidSettingsAreRefusedBeforeWork checks that Validate names each
// bad setting and marks it ErrInvalid.
func TestInvalidSettingsAreRefusedBeforeWork(t *testing.T) {
	cases := map[string]Config{
		"no source":     {},
		"workers":       {Source: demo, Workers: -3},
		"k":             {Source: demo, NMF: factor.NMF{K: -1}},
		"loss":          {Source: demo, NMF: factor.NMF{Loss: "l3"}},
		"max-df":        {Source: demo, Pruning: vocab.Pruning{MaxDF: 2}},
		"max bytes":     {Source: demo, Corpus: corpus.Options{MaxBytes: -1}},
		"nan penalty":   {Source: demo, NMF: factor.NMF{L1W: math.NaN()}},
		"seed topics":   {Source: demo, NMF: factor.NMF{K: 1}, Seeds: [][]string{{"rocket"}, {"pasta"}}},
		"seed line":     {Source: demo, Seeds: [][]string{{}}},
		"seed strength": {Source: demo, Seeds: [][]string{{"rocket"}}, SeedStrength: -1},
		"time bins":     {Source: demo, TimeBins: "fortnight"},
		"zero bins":     {Source: demo, TimeBins: "0"},
		"date from":     {Source: demo, Corpus: corpus.Options{DateFrom: "ctime"}},
	}
	for name, cfg := range cases {
		err := cfg.Validate()
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: Validate = %v, want ErrInvalid", name, err)
		}
		if _, runErr := Run(context.Background(), cfg); !errors.Is(runErr, ErrInvalid) {
			t.Errorf("%s: Run = %v, want ErrInvalid", name, runErr)
		}
	}
}

// TestDatesReachTheTables checks that a JSONL corpus's dates are kept in
// docs.parquet and assignments.parquet, and that a missing date is null.
func TestDatesReachTheTables(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "docs.jsonl")
	lines := `{"id":"a","text":"rocket orbit launch moon rocket","date":"2024-03-05T10:00:00Z"}
{"id":"b","text":"garlic pasta oven sauce garlic","date":"2024-04-01"}
{"id":"c","text":"rocket moon orbit telescope"}
{"id":"d","text":"pasta sauce garlic pepper oven"}
`
	if err := os.WriteFile(src, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), Config{Source: src, NMF: factor.NMF{K: 2}, Pruning: vocab.Pruning{MinDF: 1, MaxDF: 1}})
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	if err := res.Write(out); err != nil {
		t.Fatal(err)
	}
	want := []string{"2024-03-05T10:00:00Z", "2024-04-01T00:00:00Z", "null", "null"}
	show := func(d *time.Time) string {
		if d == nil {
			return "null"
		}
		return d.Format(time.RFC3339)
	}
	docs, err := parquet.ReadFile[report.DocRow](filepath.Join(out, DocsFile))
	if err != nil {
		t.Fatal(err)
	}
	as, err := parquet.ReadFile[report.AssignmentRow](filepath.Join(out, AssignmentsFile))
	if err != nil {
		t.Fatal(err)
	}
	for j := range want {
		if got := show(docs[j].Date); got != want[j] {
			t.Errorf("docs.parquet row %d: date %s, want %s", j, got, want[j])
		}
		if got := show(as[j].Date); got != want[j] {
			t.Errorf("assignments.parquet row %d: date %s, want %s", j, got, want[j])
		}
	}
}

func TestParseShard(t *testing.T) {
	for in, want := range map[string]Shard{"": {}, "0/1": {0, 1}, "2/8": {2, 8}} {
		if got, err := ParseShard(in); err != nil || got != want {
			t.Errorf("ParseShard(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"3/3", "-1/4", "1/0", "a/b", "1/2/3", "1"} {
		if _, err := ParseShard(in); !errors.Is(err, ErrInvalid) {
			t.Errorf("ParseShard(%q) = %v, want ErrInvalid", in, err)
		}
	}
}

// analyzerFilter returns the i-th filter of a decoded model's analyzer.
func analyzerFilter(m map[string]any, i int) map[string]any {
	return m["analyzer"].(map[string]any)["filters"].([]any)[i].(map[string]any)
}

// TestFitOnASample checks that a run fitted on a sample builds X for the
// sample only, assigns every document, finds the subjects still, and is
// the same for the same seed.
func TestFitOnASample(t *testing.T) {
	ctx := context.Background()
	var stages []string
	cfg := Config{Source: demo, NMF: factor.NMF{K: 6}, FitSample: 90}
	withProgress := cfg
	withProgress.Progress = func(e Event) {
		if len(stages) == 0 || stages[len(stages)-1] != e.Stage {
			stages = append(stages, e.Stage)
		}
	}
	if _, err := Run(ctx, withProgress); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(stages, []string{"factor", "assign"}) {
		t.Errorf("progress stages %q, want factor then assign (300 documents read give no read event)", stages)
	}
	res, err := Run(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if res.Vectorized.X.Cols != 90 || len(res.Vectorized.Columns) != 90 || len(res.Assignments) != 300 {
		t.Fatalf("X has %d columns for %d sampled, %d assignments; want 90, 90, 300", res.Vectorized.X.Cols, len(res.Vectorized.Columns), len(res.Assignments))
	}
	if _, n := res.Fit.H.Dims(); n != 300 {
		t.Errorf("H has %d columns, want 300", n)
	}
	if s := res.Report.Scores; s == nil || s.NMI < 0.95 {
		t.Errorf("scores %+v, want NMI ≥ 0.95 from a 90-document fit", s)
	}
	if got := res.Report.Parameters["fitted-on"]; got != "90 of 300 documents" {
		t.Errorf("fitted-on = %q", got)
	}
	sampled := map[string]bool{}
	for _, j := range res.Vectorized.Columns {
		sampled[res.Vectorized.Docs[j].ID] = true
	}
	for _, topic := range res.Report.Topics {
		for _, r := range topic.Representatives {
			if !sampled[r.ID] || r.Snippet == "" {
				t.Errorf("topic %d shows %s (sampled %v, snippet %q): want sampled documents with their text", topic.ID, r.ID, sampled[r.ID], r.Snippet)
			}
		}
	}
	again, err := Run(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again.Assignments, res.Assignments) || !reflect.DeepEqual(again.Vectorized.Columns, res.Vectorized.Columns) {
		t.Error("the same seed gives another sample or other assignments")
	}
	other, err := Run(ctx, Config{Source: demo, NMF: factor.NMF{K: 6, Seed: 9}, FitSample: 90})
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(other.Vectorized.Columns, res.Vectorized.Columns) {
		t.Error("another seed draws the same sample")
	}
	// A sample as large as the corpus is the whole corpus.
	whole, err := Run(ctx, Config{Source: demo, NMF: factor.NMF{K: 6}, FitSample: 300})
	if err != nil {
		t.Fatal(err)
	}
	if whole.Vectorized.Columns != nil || whole.Vectorized.X.Cols != 300 {
		t.Errorf("FitSample = n gives columns %v", whole.Vectorized.Columns)
	}
}

// TestSampledRunOverTime checks that topics over time take their words
// from the sampled documents only, without failing on the others.
func TestSampledRunOverTime(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "docs.jsonl")
	var lines strings.Builder
	for i := range 40 {
		text := "rocket orbit launch moon telescope"
		if i%2 == 1 {
			text = "garlic pasta oven sauce pepper"
		}
		fmt.Fprintf(&lines, "{\"id\":\"d%d\",\"text\":%q,\"date\":\"2024-%02d-01\"}\n", i, text, 1+i%4)
	}
	if err := os.WriteFile(src, []byte(lines.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := Run(context.Background(), Config{Source: src, NMF: factor.NMF{K: 2}, FitSample: 10, TimeBins: "month", Pruning: vocab.Pruning{MinDF: 1, MaxDF: 1}})
	if err != nil {
		t.Fatal(err)
	}
	cells := res.Report.OverTime
	if len(cells) != 8 {
		t.Fatalf("%d period × topic cells, want 4 months × 2 topics", len(cells))
	}
	docs := 0
	for _, c := range cells {
		docs += c.Documents
	}
	if docs != 40 {
		t.Errorf("the cells count %d documents, want all 40", docs)
	}
}

// TestIdenticalDocumentsWarn checks that a corpus of one text repeated
// gives a warning that the topics are the same, and a varied one none.
func TestIdenticalDocumentsWarn(t *testing.T) {
	dir := t.TempDir()
	for i := range 12 {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%02d.txt", i)), []byte("rocket orbit moon launch telescope comet"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Run(context.Background(), Config{Source: dir, NMF: factor.NMF{K: 3}, Pruning: vocab.Pruning{MinDF: 1, MaxDF: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) == 0 || !strings.Contains(res.Warnings[len(res.Warnings)-1], "fewer distinct documents") {
		t.Errorf("warnings %q, want the topics named as the same", res.Warnings)
	}
	demoRes, err := Run(context.Background(), Config{Source: demo, NMF: factor.NMF{K: 6}})
	if err != nil {
		t.Fatal(err)
	}
	if len(demoRes.Warnings) != 0 {
		t.Errorf("the demo corpus gives warnings %q", demoRes.Warnings)
	}
}
