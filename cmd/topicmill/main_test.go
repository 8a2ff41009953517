package main

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/topicmill/topicmill/corpus"
	"github.com/topicmill/topicmill/pipeline"
	"github.com/topicmill/topicmill/report"
	"github.com/topicmill/topicmill/sparse"
)

// demo is the project's demo corpus: 6 subjects × 50 documents.
const demo = "../../testdata/demo"

// topicmill runs the command line in-process, as a user would call it.
func topicmill(t *testing.T, args ...string) error {
	t.Helper()
	return run(context.Background(), append([]string{"topicmill"}, args...))
}

func TestInterspersedMovesFlagsBeforeArguments(t *testing.T) {
	app := newApp()
	cases := []struct{ in, want []string }{
		{[]string{"topicmill", "run", "CORPUS", "--k", "20", "--out", "o"}, []string{"topicmill", "run", "--k", "20", "--out", "o", "CORPUS"}},
		{[]string{"topicmill", "run", "--k=3", "CORPUS", "--no-stem"}, []string{"topicmill", "run", "--k=3", "--no-stem", "CORPUS"}},
		{[]string{"topicmill", "factor", "M.mtx", "--k", "2", "--", "--odd-name"}, []string{"topicmill", "factor", "--k", "2", "M.mtx", "--", "--odd-name"}},
		{[]string{"topicmill", "--help"}, []string{"topicmill", "--help"}},
	}
	for _, c := range cases {
		if got := interspersed(app, c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("interspersed(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestBadCallsExitWithUsageError checks that every way of calling topicmill
// wrongly ends with exit status 2 and a message that says what is wrong,
// before any corpus is read.
func TestBadCallsExitWithUsageError(t *testing.T) {
	file := filepath.Join(t.TempDir(), "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		want string
		out  string // --out, when not a fresh folder
	}{
		{[]string{"run", demo, "--bogus"}, "flag provided but not defined", ""},
		{[]string{"run", demo, "--k", "abc"}, "invalid value \"abc\"", ""},
		{[]string{"run", demo, "--k", "0"}, "--k must be at least 1", ""},
		{[]string{"run", demo, "--language", "klingon"}, "unknown language", ""},
		{[]string{"run", demo, "--loss", "l3"}, "unknown loss", ""},
		{[]string{"run", demo, "--tf", "log"}, "tf", ""},
		{[]string{"run"}, "needs one corpus", ""},
		{[]string{"run", demo, "--min-df", "1000"}, "no term left", ""},
		{[]string{"factor", "../../testdata/tvshows.csv", "--k", "9"}, "k out of range", ""},
		{[]string{"assign", demo, "--model", "no-such-model.json"}, "no-such-model.json", ""},
		{[]string{"assign", demo, "--model", "m.json", "--shard", "3/3"}, "shard", ""},
		{[]string{"assign", demo}, "needs --model", ""},
		{[]string{"bogus"}, "unknown command", ""},
		{[]string{"run", demo, "--k", "50", "--max-df", "1", "--min-df", "1", "--include", "00[1-4].txt"}, "k out of range", ""},
		{[]string{"run", demo, "--workers", "-3"}, "workers", ""},
		{[]string{"run", demo, "--l2-w", "Inf"}, "L2W", ""},
		{[]string{"run", demo, "--l1-h", "+Inf"}, "L1H", ""},
		{[]string{"run", demo, "--tol", "NaN"}, "Tol", ""},
		{[]string{"run", demo, "--max-iter", "-5"}, "MaxIter", ""},
		{[]string{"factor", "../../testdata/tvshows.csv", "--k", "1", "--l1-w", "Inf"}, "L1W", ""},
		{[]string{"run", demo, "--max-bytes", "0"}, "--max-bytes must be at least 1", ""},
		{[]string{"run", demo}, "is a file", file},
		{[]string{"vectorize", demo}, "is a file", file},
		{[]string{"factor", "../../testdata/tvshows.csv", "--k", "2"}, "is a file", file},
		{[]string{"assign", demo, "--model", "m.json"}, "is a file", file},
	}
	for _, c := range cases {
		out := c.out
		if out == "" {
			out = t.TempDir()
		}
		err := topicmill(t, append(c.args, "--out", out)...)
		if err == nil || exitCode(err) != exitInput || !strings.Contains(err.Error(), c.want) {
			t.Errorf("topicmill %q: err = %v (exit %d), want exit %d with %q", c.args, err, exitCode(err), exitInput, c.want)
		}
	}
}

func TestMissingCorpusExitsWithInputError(t *testing.T) {
	err := topicmill(t, "run", filepath.Join(t.TempDir(), "nowhere"), "--out", t.TempDir())
	if err == nil || exitCode(err) != exitInput {
		t.Fatalf("err = %v (exit %d), want an input error (exit %d)", err, exitCode(err), exitInput)
	}
	if !errors.Is(err, corpus.ErrInput) || !strings.Contains(err.Error(), "nowhere") {
		t.Errorf("error %q does not name the missing corpus", err)
	}
}

// TestVectorizeDemo checks the shape of X, the vocabulary and TF-IDF values
// recomputed here from the raw text of one document.
func TestVectorizeDemo(t *testing.T) {
	out := t.TempDir()
	if err := topicmill(t, "vectorize", demo, "--out", out); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(out, "X.mtx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	x, err := sparse.ReadMatrixMarket(f)
	if err != nil {
		t.Fatal(err)
	}
	terms, err := parquet.ReadFile[report.TermRow](filepath.Join(out, "terms.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	docs, err := parquet.ReadFile[report.DocRow](filepath.Join(out, "docs.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if x.Cols != 300 || len(docs) != 300 || x.Rows != len(terms) {
		t.Fatalf("X is %d × %d with %d terms and %d docs, want terms × 300", x.Rows, x.Cols, len(terms), len(docs))
	}
	id := map[string]int{}
	for _, r := range terms {
		id[r.Term] = int(r.ID)
	}
	// Stems of demo words are in the vocabulary; stop words are not.
	for _, stem := range []string{"rocket", "telescop", "recip", "goal", "compost", "processor", "dividend"} {
		if _, ok := id[stem]; !ok {
			t.Errorf("stem %q missing from the vocabulary", stem)
		}
	}
	for _, stop := range []string{"the", "and", "a"} {
		if _, ok := id[stop]; ok {
			t.Errorf("stop word %q is in the vocabulary", stop)
		}
	}
	// Column of space/001.txt: with sublinear tf and smooth idf, the ratio of
	// two terms' weights is ((1+ln tf_a)·idf_a) / ((1+ln tf_b)·idf_b), and
	// the column has unit L2 norm.
	col := -1
	for _, d := range docs {
		if d.ID == "space/001.txt" {
			col = int(d.Column)
		}
	}
	if col < 0 {
		t.Fatal("space/001.txt not among the documents")
	}
	text := readLower(t, filepath.Join(demo, "space", "001.txt"))
	weight := func(word string) float64 {
		tf := float64(countWord(text, word))
		df := 0
		for _, sub := range []string{"space", "cooking", "football", "gardening", "computing", "finance"} {
			entries, _ := os.ReadDir(filepath.Join(demo, sub))
			for _, e := range entries {
				if countWord(readLower(t, filepath.Join(demo, sub, e.Name())), word) > 0 {
					df++
				}
			}
		}
		return (1 + math.Log(tf)) * (math.Log(301/float64(1+df)) + 1)
	}
	a, b := "galaxy", "nebula"
	want := weight(a) / weight(b)
	got := x.At(id["galaxi"], col) / x.At(id["nebula"], col)
	if math.Abs(got-want) > 1e-9 {
		t.Errorf("X[galaxy]/X[nebula] in space/001.txt = %.12f, want %.12f", got, want)
	}
	norm := 0.0
	for i := 0; i < x.Rows; i++ {
		norm += x.At(i, col) * x.At(i, col)
	}
	if math.Abs(norm-1) > 1e-12 {
		t.Errorf("column norm² = %v, want 1", norm)
	}
}

func readLower(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.ToLower(string(b))
}

// countWord counts whole-word occurrences of word (singular only).
func countWord(text, word string) int {
	return len(regexp.MustCompile(`\b`+word+`\b`).FindAllString(text, -1))
}

func TestStageTimes(t *testing.T) {
	got := stageTimes([]pipeline.Timing{{Stage: "read and tokenize", Duration: 520 * time.Millisecond}, {Stage: "vocabulary and TF-IDF", Duration: 90 * time.Millisecond}}, 120*time.Millisecond)
	want := "timings: vectorize 0.610s (read and tokenize 0.520s, vocabulary and TF-IDF 0.090s), write 0.120s"
	if got != want {
		t.Errorf("stageTimes = %q, want %q", got, want)
	}
}

// captured runs topicmill with stdout and stderr sent to files and returns
// what each received.
func captured(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	dir := t.TempDir()
	outF, _ := os.Create(filepath.Join(dir, "stdout"))
	errF, _ := os.Create(filepath.Join(dir, "stderr"))
	oldOut, oldErr := os.Stdout, os.Stderr
	os.Stdout, os.Stderr = outF, errF
	err = topicmill(t, args...)
	os.Stdout, os.Stderr = oldOut, oldErr
	outF.Close()
	errF.Close()
	o, _ := os.ReadFile(filepath.Join(dir, "stdout"))
	e, _ := os.ReadFile(filepath.Join(dir, "stderr"))
	return string(o), string(e), err
}

// TestJSONAndQuiet checks that --json prints one JSON object with the
// run's numbers on stdout, and --quiet prints nothing at all.
func TestJSONAndQuiet(t *testing.T) {
	out := t.TempDir()
	stdout, _, err := captured(t, "run", demo, "--k", "6", "--out", out, "--json")
	if err != nil {
		t.Fatal(err)
	}
	var run struct {
		Command   string             `json:"command"`
		Documents int                `json:"documents"`
		Report    string             `json:"report"`
		Scores    map[string]float64 `json:"scores"`
		Topics    []struct {
			Documents int      `json:"documents"`
			Terms     []string `json:"terms"`
		} `json:"topics"`
	}
	if err := json.Unmarshal([]byte(stdout), &run); err != nil {
		t.Fatalf("run --json printed %q: %v", stdout, err)
	}
	if run.Command != "run" || run.Documents != 300 || len(run.Topics) != 6 || run.Scores["nmi"] < 0.95 || run.Report != filepath.Join(out, "report.html") {
		t.Errorf("run --json = %+v", run)
	}
	if strings.Count(strings.TrimSpace(stdout), "\n") != 0 {
		t.Errorf("run --json printed more than one line: %q", stdout)
	}
	stdout, stderr, err := captured(t, "assign", demo, "--model", out, "--out", t.TempDir(), "--quiet")
	if err != nil || stdout != "" || stderr != "" {
		t.Errorf("assign --quiet printed %q and %q (err %v), want nothing", stdout, stderr, err)
	}
	stdout, _, err = captured(t, "assign", demo, "--model", out, "--out", t.TempDir(), "--json", "-q")
	var assign struct {
		Classification struct {
			Accuracy float64 `json:"accuracy"`
		} `json:"classification"`
	}
	if err != nil || json.Unmarshal([]byte(stdout), &assign) != nil || assign.Classification.Accuracy < 0.99 {
		t.Errorf("assign --json -q printed %q (err %v)", stdout, err)
	}
	stdout, _, err = captured(t, "version", "--json")
	var v struct {
		Version     string `json:"version"`
		ModelFormat int    `json:"model_format"`
	}
	if err != nil || json.Unmarshal([]byte(stdout), &v) != nil || v.Version != pipeline.Version || v.ModelFormat != pipeline.ModelFormat {
		t.Errorf("version --json printed %q (err %v)", stdout, err)
	}
}

// TestHelpShowsExamples checks that every sub-command's help has an example.
func TestHelpShowsExamples(t *testing.T) {
	for _, cmd := range newApp().Commands {
		if !strings.Contains(cmd.Description, "topicmill "+cmd.Name) {
			t.Errorf("%s --help has no example", cmd.Name)
		}
	}
}
