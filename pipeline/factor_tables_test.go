package pipeline

import (
	"context"
	"encoding/csv"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/topicmill/topicmill/cluster"
	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/report"
)

// TestFactorTablesTVShows factors testdata/tvshows.csv (the NMF lecture's
// 7 shows × 5 viewers, a header of names) at k = 2: Jai (sitcoms and
// Quantico) has a factor to himself, topped by shows 0, 1 and 3; PB, Arnab
// and Diya, who rated Black Mirror, share the other, topped by shows 5, 2
// and 1; Abhi (F.R.I.E.N.D.S, TBBT, GoT) loads on both. The tables say so,
// in Parquet and CSV alike.
func TestFactorTablesTVShows(t *testing.T) {
	out := t.TempDir()
	res, err := FactorMatrix(context.Background(), FactorOptions{Matrix: "../testdata/tvshows.csv", NMF: factor.NMF{K: 2}, Out: out, TopRows: 3})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Jai", "PB", "Arnab", "Abhi", "Diya"}; !reflect.DeepEqual(res.Names.Cols, want) || res.Names.Rows != nil {
		t.Errorf("names %q, %q; want columns %q and no row names", res.Names.Cols, res.Names.Rows, want)
	}
	as, err := parquet.ReadFile[report.FactorAssignmentRow](filepath.Join(out, AssignmentsFile))
	if err != nil {
		t.Fatal(err)
	}
	group := map[string]int32{}
	for _, a := range as {
		group[a.Name] = a.Factor
		if split := a.Name == "Abhi"; (a.Confidence < 0.9) != split || a.Confidence > 0.6 && split || a.SecondFactor != 1-a.Factor {
			t.Errorf("%s: confidence %.3f, second factor %d; want ≥ 0.9 (Abhi: about 0.51) and the other factor", a.Name, a.Confidence, a.SecondFactor)
		}
	}
	if len(as) != 5 || group["PB"] != group["Arnab"] || group["Arnab"] != group["Abhi"] || group["Abhi"] != group["Diya"] || group["Jai"] == group["Diya"] {
		t.Errorf("assignments %+v: want {Jai} and {PB, Arnab, Abhi, Diya}", as)
	}
	top, err := parquet.ReadFile[report.TopRowRow](filepath.Join(out, TopRowsFile))
	if err != nil {
		t.Fatal(err)
	}
	shows := map[int32][]int32{}
	for _, r := range top {
		shows[r.Factor] = append(shows[r.Factor], r.Row)
	}
	jai, diya := shows[group["Jai"]], shows[group["Diya"]]
	if !sameSet(jai, []int32{0, 1, 3}) || !sameSet(diya, []int32{1, 2, 5}) {
		t.Errorf("top shows %v (Jai's factor), %v (Diya's); want {0 1 3}, {1 2 5}", jai, diya)
	}
	// The CSV tables hold the same rows.
	for _, tc := range []struct {
		file string
		rows int
		head string
	}{
		{AssignmentsCSVFile, 5, "column,name,factor,weight,confidence,second_factor"},
		{TopRowsCSVFile, 6, "factor,rank,row,name,weight"},
	} {
		f, err := os.Open(filepath.Join(out, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil || len(recs) != tc.rows+1 || strings.Join(recs[0], ",") != tc.head {
			t.Errorf("%s: %d records, header %q, err %v; want %d and %q", tc.file, len(recs), recs[0], err, tc.rows+1, tc.head)
		}
	}
	if _, err := FactorMatrix(context.Background(), FactorOptions{Matrix: "../testdata/tvshows.csv", NMF: factor.NMF{K: 2}, Out: out, TopRows: -1}); !errors.Is(err, ErrInvalid) {
		t.Errorf("negative top rows: error %v, want ErrInvalid", err)
	}
}

// sameSet reports whether a and b hold the same values.
func sameSet(a, b []int32) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[int32]int{}
	for _, v := range a {
		seen[v]++
	}
	for _, v := range b {
		seen[v]--
	}
	for _, n := range seen {
		if n != 0 {
			return false
		}
	}
	return true
}

// TestFactorGeneExpression factors gene-expression-like tables (genes ×
// samples, a header of sample names, a first column of gene names, few
// marker genes among many, log-normal noise) and scores each sample's
// factor against its true class; each factor's top genes must be markers
// of one class. R's NMF package, the reference a user would compare with,
// is not installed here, so the comparison is with the planted truth. At
// σ = 1 the Frobenius loss, factor's default, is thrown by the heavy tail
// of the background genes (accuracy 0.678 with 3 classes, 0.383 with 4),
// where KL, the loss of Brunet et al. and of R's default "brunet"
// method, still finds them (1.000 and 0.733).
func TestFactorGeneExpression(t *testing.T) {
	tests := []struct {
		genes, markers, samples, k int
		sigma                      float64
		loss                       factor.Loss
		accuracy                   float64 // at least
	}{
		{2000, 200, 72, 2, 0.8, factor.Frobenius, 1},
		{5000, 300, 90, 3, 0.8, factor.Frobenius, 1},
		{5000, 300, 90, 3, 1.0, factor.KullbackLeibler, 1},
		{2000, 100, 60, 4, 0.8, factor.Frobenius, 1},
		{2000, 100, 60, 4, 1.0, factor.KullbackLeibler, 0.7},
	}
	for _, tc := range tests {
		text, classes := plantedBlocks(tc.genes, tc.markers, tc.samples, tc.k, tc.sigma, true, 5)
		path := filepath.Join(t.TempDir(), "expression.csv")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		start := time.Now()
		res, err := FactorMatrix(context.Background(), FactorOptions{Matrix: path, NMF: factor.NMF{K: tc.k, Loss: tc.loss}, Out: t.TempDir(), RowNames: true})
		if err != nil {
			t.Fatal(err)
		}
		took := time.Since(start)
		s, err := cluster.Score(classes, cluster.Topics(res.Assignments))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%d genes (%d markers) × %d samples, %d classes, σ %v, %s: accuracy %.3f, NMI %.3f, ARI %.3f in %v (read, fit and write)",
			tc.genes, tc.markers, tc.samples, tc.k, tc.sigma, tc.loss, s.Accuracy, s.NMI, s.ARI, took.Round(time.Millisecond))
		if s.Accuracy < tc.accuracy {
			t.Errorf("%d classes, σ %v, %s: accuracy %.3f, want at least %v", tc.k, tc.sigma, tc.loss, s.Accuracy, tc.accuracy)
		}
		if s.Accuracy < 1 {
			continue // the top genes of a factor that mixes classes mix markers
		}
		// Most of each factor's top genes mark one class; a background gene
		// with a large noise draw may come among them.
		wn, _ := cluster.Normalize(res.Fit.W, res.Fit.H)
		ids, _ := cluster.TopTerms(wn, 10)
		for f, top := range ids {
			byClass := map[int]int{}
			most := 0
			for _, g := range top {
				if g < tc.markers {
					byClass[g*tc.k/tc.markers]++
					most = max(most, byClass[g*tc.k/tc.markers])
				}
			}
			if most < 6 {
				t.Errorf("%d classes: factor %d's top genes %v: %d mark one class, want at least 6", tc.k, f, top, most)
			}
		}
	}
}
