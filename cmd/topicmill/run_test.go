package main

import (
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/topicmill/topicmill/cluster"
	"github.com/topicmill/topicmill/report"
	"github.com/topicmill/topicmill/sparse"
)

// TestRunDemoFindsTheSubjects runs the whole pipeline on the demo corpus and
// checks that its six topics are the six subjects, that every output is
// there, and that the saved model assigns new text to the right subject.
func TestRunDemoFindsTheSubjects(t *testing.T) {
	out := t.TempDir()
	if err := topicmill(t, "run", demo, "--k", "6", "--out", out); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"report.html", "topics.parquet", "assignments.parquet", "doc_topics.parquet", "terms.parquet", "docs.parquet", "model.json", "trace.csv", "topic_tree.parquet"} {
		if info, err := os.Stat(filepath.Join(out, name)); err != nil || info.Size() == 0 {
			t.Errorf("output %s missing or empty: %v", name, err)
		}
	}
	rows, err := parquet.ReadFile[report.AssignmentRow](filepath.Join(out, "assignments.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	labels := make([]string, len(rows))
	topics := make([]int, len(rows))
	for i, r := range rows {
		labels[i], topics[i] = r.Label, int(r.Topic)
	}
	s, err := cluster.Score(labels, topics)
	if err != nil {
		t.Fatal(err)
	}
	if s.NMI < 0.95 || s.Accuracy < 0.97 {
		t.Errorf("demo corpus: NMI %.3f, accuracy %.3f; want the six subjects found (NMI ≥ 0.95, accuracy ≥ 0.97)", s.NMI, s.Accuracy)
	}

	// New documents, one per subject, classified by the saved model.
	fresh := t.TempDir()
	news := map[string]string{
		"space":   "The telescope tracked a bright comet near the moon; the rocket launch was delayed.",
		"cooking": "Roast the garlic in the oven, then stir it into the creamy pasta sauce with pepper.",
		"finance": "Investors sold shares as the bank raised the interest rate and bond prices fell.",
	}
	for label, text := range news {
		if err := os.MkdirAll(filepath.Join(fresh, label), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(fresh, label, "new.txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	pred := t.TempDir()
	if err := topicmill(t, "assign", fresh, "--model", out, "--out", pred); err != nil {
		t.Fatal(err)
	}
	got, err := parquet.ReadFile[report.PredictionRow](filepath.Join(pred, "assignments.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(news) {
		t.Fatalf("%d predictions, want %d", len(got), len(news))
	}
	for _, p := range got {
		if p.Predicted != p.Label || !(p.PredictedConfidence > 0.5 && p.PredictedConfidence <= 1) {
			t.Errorf("%s: predicted %q with confidence %v, want %q", p.DocID, p.Predicted, p.PredictedConfidence, p.Label)
		}
	}
	scores, err := parquet.ReadFile[report.ClassificationRow](filepath.Join(pred, "classification.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	if len(scores) != len(news) {
		t.Fatalf("classification.parquet has %d labels, want %d", len(scores), len(news))
	}
	for _, s := range scores {
		if s.Documents != 1 || s.Correct != 1 || s.F1 != 1 {
			t.Errorf("classification of %s: %+v, want its one document right", s.Label, s)
		}
	}
}

// TestFactorTVShows factors the NMF lecture's 7 × 5 TV-show ratings (zeros
// as data) with k = 2: the objective reaches the lecture's ½‖X − WH‖² =
// 20.1643 (its rounded factors) or less, and W is the lecture's W up to a
// scale per column (within its rounding to three decimals).
func TestFactorTVShows(t *testing.T) {
	out := t.TempDir()
	if err := topicmill(t, "factor", "../../testdata/tvshows.csv", "--k", "2", "--out", out); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(out, "W.mtx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w, err := sparse.ReadDenseMatrixMarket(f)
	if err != nil {
		t.Fatal(err)
	}
	lecture := [7][2]float64{{0.971, 1.929}, {1.699, 1.626}, {1.872, 0}, {0, 1.317}, {0.77, 0}, {2.219, 0.232}, {0.452, 0.543}}
	// The fit may number the columns the other way: the lecture's first is the
	// one where Modern Family (row 3) is zero.
	col := [2]int{0, 1}
	if w.At(3, 0) > w.At(3, 1) {
		col = [2]int{1, 0}
	}
	for j := range 2 {
		// The least-squares scale of our column onto the lecture's.
		dot, sq := 0.0, 0.0
		for i := range 7 {
			dot += w.At(i, col[j]) * lecture[i][j]
			sq += w.At(i, col[j]) * w.At(i, col[j])
		}
		for i := range 7 {
			if got := w.At(i, col[j]) * dot / sq; math.Abs(got-lecture[i][j]) > 0.002 {
				t.Errorf("W[%d][%d] scaled = %.4f, the lecture's %v", i, j, got, lecture[i][j])
			}
		}
	}
	trace, err := os.ReadFile(filepath.Join(out, "trace.csv"))
	if err != nil || !strings.HasPrefix(string(trace), "iteration,objective,seconds\n") {
		t.Fatalf("trace.csv: %v %q", err, trace)
	}
	lines := strings.Split(strings.TrimSpace(string(trace)), "\n")
	last := strings.Split(lines[len(lines)-1], ",")
	if obj, err := strconv.ParseFloat(last[1], 64); err != nil || obj > 20.1643 {
		t.Errorf("final objective %q, want at most the lecture's 20.1643", last[1])
	}
}
