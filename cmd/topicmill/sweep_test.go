package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/topicmill/topicmill/report"
)

// TestSweepCommand sweeps the demo corpus, with the flags after the
// corpus as the README writes them, and a matrix; each writes the table
// and the page and recommends a k.
func TestSweepCommand(t *testing.T) {
	tests := []struct {
		name string
		args []string
		ks   []int32
		want int32
	}{
		{"corpus", []string{"sweep", demo, "--k", "3,6,9"}, []int32{3, 6, 9}, 6},
		{"matrix", []string{"sweep", "../../testdata/tvshows.csv", "--matrix", "--k", "1", "--k", "2", "--seeds", "5"}, []int32{1, 2}, 2},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			if err := topicmill(t, append(tc.args, "--out", out)...); err != nil {
				t.Fatal(err)
			}
			rows, err := parquet.ReadFile[report.SweepRow](filepath.Join(out, "sweep.parquet"))
			if err != nil {
				t.Fatal(err)
			}
			var ks []int32
			recommended := int32(-1)
			for _, r := range rows {
				ks = append(ks, r.K)
				if r.Recommended {
					recommended = r.K
				}
			}
			if !slices.Equal(ks, tc.ks) || recommended != tc.want {
				t.Errorf("ks %v, recommended %d; want %v, %d", ks, recommended, tc.ks, tc.want)
			}
			if html := readLower(t, filepath.Join(out, "sweep.html")); !strings.Contains(html, "recommended k") {
				t.Error("sweep.html lacks the recommendation")
			}
		})
	}
}

func TestSweepBadCalls(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"sweep", demo}, "sweep needs --k"},
		{[]string{"sweep", demo, "--k", "0,3"}, "k must be at least 1"},
		{[]string{"sweep", demo, "--k", "3", "--seeds", "-1"}, "seeds -1"},
		{[]string{"sweep", "../../testdata/tvshows.csv", "--matrix", "--k", "2", "--seeds", "1"}, "at least 2 seeds"},
		{[]string{"sweep", "../../testdata/tvshows.csv", "--matrix", "--k", "9"}, "k out of range"},
		{[]string{"sweep", demo, "x", "--k", "3"}, "one corpus or matrix"},
	}
	for _, tc := range tests {
		err := topicmill(t, append(tc.args, "--out", t.TempDir())...)
		if err == nil || exitCode(err) != exitInput || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("topicmill %q: err = %v (exit %d), want exit %d with %q", tc.args, err, exitCode(err), exitInput, tc.want)
		}
	}
}
