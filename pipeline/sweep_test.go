package pipeline

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/report"
)

// TestSweepDemoRecommendsSix sweeps the demo corpus (six planted subjects)
// over k = 3, 6, 9 and checks every measure at the true k and the
// recommendation.
func TestSweepDemoRecommendsSix(t *testing.T) {
	res, err := Sweep(context.Background(), SweepOptions{Config: Config{Source: demo}, Ks: []int{9, 3, 6, 6}})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Report
	if r.Recommended != 6 || r.Rule != RuleCoherence {
		t.Errorf("recommended k = %d by %q, want 6 by the coherence rule; reason: %s", r.Recommended, r.Rule, r.Reason)
	}
	if len(r.Points) != 3 || r.Seeds != DefaultSweepSeeds || !r.Labeled {
		t.Fatalf("%d points, %d seeds, labeled %v; want 3 (sorted, deduplicated), %d, true", len(r.Points), r.Seeds, r.Labeled, DefaultSweepSeeds)
	}
	tests := []struct {
		k                  int
		coherence, nmi     float64 // at least
		stability          float64 // at least
		cophenetic         float64 // at least
		coherenceBelowBest bool
	}{
		{3, 0.1, 0.7, 0.3, 0.9, true},
		{6, 0.65, 0.999, 0.8, 0.999, false},
		{9, 0.6, 0.9, 0.7, 0.99, true},
	}
	for i, tc := range tests {
		p := r.Points[i]
		if p.K != tc.k {
			t.Fatalf("point %d is k = %d, want %d", i, p.K, tc.k)
		}
		if p.Coherence < tc.coherence || p.NMI < tc.nmi || p.Stability < tc.stability || p.Cophenetic < tc.cophenetic {
			t.Errorf("k = %d: coherence %.3f, NMI %.3f, stability %.3f, cophenetic %.4f; want at least %v, %v, %v, %v",
				p.K, p.Coherence, p.NMI, p.Stability, p.Cophenetic, tc.coherence, tc.nmi, tc.stability, tc.cophenetic)
		}
		if !(p.CoherenceSE > 0) || !(p.Objective > 0) || p.Iterations < 1 {
			t.Errorf("k = %d: coherence SE %v, objective %v, iterations %v", p.K, p.CoherenceSE, p.Objective, p.Iterations)
		}
	}
	if r.Points[0].Objective <= r.Points[1].Objective || r.Points[1].Objective <= r.Points[2].Objective {
		t.Errorf("objective does not fall with k: %v, %v, %v", r.Points[0].Objective, r.Points[1].Objective, r.Points[2].Objective)
	}
	// The first fit of each k is the fit a run with that k makes.
	run, err := Run(context.Background(), Config{Source: demo, NMF: factor.NMF{K: 6}})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.Points[1].Objective, run.Report.Objective; got != want {
		t.Errorf("k = 6: objective %v, a run's %v", got, want)
	}
	if got, want := r.Points[1].Coherence, run.Report.Coherence; got != want {
		t.Errorf("k = 6: coherence %v, a run's %v", got, want)
	}

	dir := t.TempDir()
	if err := res.Write(dir); err != nil {
		t.Fatal(err)
	}
	rows, err := parquet.ReadFile[report.SweepRow](filepath.Join(dir, SweepFile))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || !rows[1].Recommended || rows[1].K != 6 || *rows[1].NMI != r.Points[1].NMI {
		t.Errorf("sweep.parquet rows %+v", rows)
	}
	if html, err := os.ReadFile(filepath.Join(dir, SweepReportFile)); err != nil || !strings.Contains(string(html), "Recommended k = <span class=\"num\">6</span>") {
		t.Errorf("sweep.html missing or without the recommendation: %v", err)
	}
}

// plantedBlocks is a rows × cols non-negative matrix of k planted blocks,
// as a gene-expression table of k sample classes with their own marker
// genes: of the first markers rows (genes), group g is expressed at level
// 1 in column class g (samples) and at 0.1 elsewhere; the other rows are
// at 0.5 in every sample; every entry is then multiplied by log-normal
// noise exp(σ·N(0, 1)). It returns the CSV text, with a header of sample
// names ("s07_class1") and, with geneNames, a first column of gene names
// ("g0042"), and the true class of each column.
func plantedBlocks(rows, markers, cols, k int, sigma float64, geneNames bool, seed uint64) (string, []string) {
	rng := rand.New(rand.NewPCG(seed, 1))
	var b strings.Builder
	classes := make([]string, cols)
	if geneNames {
		b.WriteString("gene,")
	}
	for j := range cols {
		classes[j] = fmt.Sprintf("class%d", j*k/cols)
		if j > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "s%02d_%s", j, classes[j])
	}
	b.WriteByte('\n')
	for i := range rows {
		if geneNames {
			fmt.Fprintf(&b, "g%04d,", i)
		}
		for j := range cols {
			v := 0.5
			if i < markers {
				v = 0.1
				if i*k/markers == j*k/cols {
					v = 1
				}
			}
			v *= math.Exp(sigma * rng.NormFloat64())
			if j > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "%.4f", v)
		}
		b.WriteByte('\n')
	}
	return b.String(), classes
}

// TestSweepMatrixPlantedBlocks sweeps matrices of planted blocks over k =
// 2 … 6, 10 restarts each: at the planted k every restart finds the
// classes (stability and ρ are 1), and one k further the restarts split
// them each their own way.
func TestSweepMatrixPlantedBlocks(t *testing.T) {
	tests := []struct {
		rows, cols, k int
		sigma         float64
	}{
		{100, 40, 4, 0.5},
		{200, 100, 4, 0.8},
		{300, 60, 3, 0.6},
	}
	for _, tc := range tests {
		t.Run(fmt.Sprintf("%d×%d, k %d, σ %v", tc.rows, tc.cols, tc.k, tc.sigma), func(t *testing.T) {
			text, _ := plantedBlocks(tc.rows, tc.rows, tc.cols, tc.k, tc.sigma, false, 3)
			path := filepath.Join(t.TempDir(), "planted.csv")
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			res, err := SweepMatrix(context.Background(), MatrixSweepOptions{Matrix: path, Ks: []int{2, 3, 4, 5, 6}, Seeds: 10})
			if err != nil {
				t.Fatal(err)
			}
			r := res.Report
			if r.Recommended != tc.k || r.Rule != RuleStability {
				t.Errorf("recommended k = %d by %q, want %d; reason: %s", r.Recommended, r.Rule, tc.k, r.Reason)
			}
			for _, p := range r.Points {
				if p.K == tc.k && (p.Cophenetic < 0.9999 || p.Stability < 0.9999) {
					t.Errorf("k = %d: cophenetic %v, stability %v; want 1 at the planted k", p.K, p.Cophenetic, p.Stability)
				}
				if p.K == tc.k+1 && p.Stability > 0.95 {
					t.Errorf("k = %d: stability %v, want a fall below 0.95 past the planted k", p.K, p.Stability)
				}
				if !math.IsNaN(p.Coherence) || !math.IsNaN(p.NMI) {
					t.Errorf("k = %d: coherence %v, NMI %v measured on a matrix", p.K, p.Coherence, p.NMI)
				}
			}
			if !r.Matrix || r.Rows != tc.rows || r.Cols != tc.cols || r.Seeds != 10 || r.Parameters["loss"] != string(factor.Frobenius) {
				t.Errorf("report: matrix %v, %d × %d, %d seeds, loss %q", r.Matrix, r.Rows, r.Cols, r.Seeds, r.Parameters["loss"])
			}
		})
	}
}

func TestSweepRefusesBadPlans(t *testing.T) {
	tests := []struct {
		name string
		ks   []int
		seed int
	}{
		{"no k", nil, 0},
		{"k 0", []int{0, 3}, 0},
		{"negative seeds", []int{3}, -1},
	}
	for _, tc := range tests {
		if _, err := Sweep(context.Background(), SweepOptions{Config: Config{Source: demo}, Ks: tc.ks, Seeds: tc.seed}); !errors.Is(err, ErrInvalid) {
			t.Errorf("%s: Sweep error %v, want ErrInvalid", tc.name, err)
		}
	}
	text, _ := plantedBlocks(10, 10, 10, 2, 0.1, false, 1)
	path := filepath.Join(t.TempDir(), "m.csv")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := SweepMatrix(context.Background(), MatrixSweepOptions{Matrix: path, Ks: []int{2}, Seeds: 1}); !errors.Is(err, ErrInvalid) {
		t.Errorf("matrix sweep of one seed: error %v, want ErrInvalid", err)
	}
	if _, err := SweepMatrix(context.Background(), MatrixSweepOptions{Matrix: path, Ks: []int{11}}); !errors.Is(err, ErrInvalid) {
		t.Errorf("matrix sweep of k above the shape: error %v, want ErrInvalid", err)
	}
}

func TestRecommendRules(t *testing.T) {
	nan := math.NaN()
	coh := func(k int, c, se float64) report.SweepPoint {
		return report.SweepPoint{K: k, Coherence: c, CoherenceSE: se}
	}
	stab := func(k int, r float64) report.SweepPoint { return report.SweepPoint{K: k, Stability: r, Cophenetic: 1} }
	tests := []struct {
		name   string
		rule   func([]report.SweepPoint) (int, string, string)
		points []report.SweepPoint
		want   int
		reason string // a part of the reason
	}{
		{"coherence: one k", recommendCorpus, []report.SweepPoint{coh(5, 0.2, 0.1)}, 5, "only k = 5"},
		{"coherence: a smaller k within one SE", recommendCorpus, []report.SweepPoint{coh(5, 0.58, 0.1), coh(6, 0.661, 0.012), coh(7, 0.670, 0.013), coh(8, 0.663, 0.012)}, 6, "0.661 ≥ 0.657"},
		{"coherence: the best alone", recommendCorpus, []report.SweepPoint{coh(10, 0.22, 0.02), coh(20, 0.278, 0.015), coh(40, 0.275, 0.01)}, 20, "(k = 10: 0.220)"},
		{"coherence: the largest k", recommendCorpus, []report.SweepPoint{coh(2, 0.1, 0.01), coh(3, 0.3, nan)}, 3, "try larger ones"},
		{"stability: the largest fall", recommendMatrix, []report.SweepPoint{stab(2, 0.99), stab(3, 0.95), stab(4, 1), stab(5, 0.8), stab(6, 0.85)}, 4, "k = 4 to k = 5 (1.000 to 0.800"},
		{"stability: no fall", recommendMatrix, []report.SweepPoint{stab(2, 0.9), stab(3, 0.95), stab(4, 0.95)}, 4, "try larger ks"},
	}
	for _, tc := range tests {
		k, _, why := tc.rule(tc.points)
		if k != tc.want || !strings.Contains(why, tc.reason) {
			t.Errorf("%s: k = %d (%s), want %d (…%s…)", tc.name, k, why, tc.want, tc.reason)
		}
	}
}
