package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestFactorNamesRows gives the TV-show ratings their shows' names as a
// first column (--row-names) and checks that top_rows.csv names the
// sitcoms together and assignments.csv the viewers.
func TestFactorNamesRows(t *testing.T) {
	ratings, err := os.ReadFile("../../testdata/tvshows.csv")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(ratings)), "\n")
	shows := []string{"show", "F.R.I.E.N.D.S", "TBBT", "Black Mirror", "Modern Family", "Sacred Games", "GoT", "Quantico"}
	for i := range lines {
		lines[i] = shows[i] + "," + lines[i]
	}
	named := filepath.Join(t.TempDir(), "tvshows-named.csv")
	if err := os.WriteFile(named, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if err := topicmill(t, "factor", named, "--k", "2", "--row-names", "--top-rows", "3", "--out", out); err != nil {
		t.Fatal(err)
	}
	top := readCSV(t, filepath.Join(out, "top_rows.csv"))
	byFactor := map[string][]string{}
	for _, r := range top[1:] {
		byFactor[r[0]] = append(byFactor[r[0]], r[3])
	}
	sitcoms := []string{"F.R.I.E.N.D.S", "Modern Family", "TBBT"}
	found := false
	for _, names := range byFactor {
		slices.Sort(names)
		found = found || slices.Equal(names, sitcoms)
	}
	if !found {
		t.Errorf("top rows by factor %q: want one factor's top three to be %q", byFactor, sitcoms)
	}
	as := readCSV(t, filepath.Join(out, "assignments.csv"))
	// On the lecture's ratings Jai (sitcoms and Quantico only) has a factor
	// to himself; PB, Arnab and Diya, who rated Black Mirror, share the other.
	if len(as) != 6 || as[1][1] != "Jai" || as[5][1] != "Diya" || as[2][2] != as[3][2] || as[2][2] != as[5][2] || as[1][2] == as[2][2] {
		t.Errorf("assignments.csv %q: want Jai in one factor, PB, Arnab and Diya in the other", as)
	}
	// Refused before the file is opened.
	err = topicmill(t, "factor", filepath.Join(t.TempDir(), "ratings.mtx"), "--k", "2", "--row-names", "--out", t.TempDir())
	if err == nil || exitCode(err) != exitInput || !strings.Contains(err.Error(), "row names come from a CSV") {
		t.Errorf("--row-names on a MatrixMarket file: err %v (exit %d), want exit %d", err, exitCode(err), exitInput)
	}
}

// readCSV reads a whole CSV file.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return recs
}
