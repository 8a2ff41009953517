package report

import (
	"errors"
	"strings"
	"testing"
)

func TestSummary(t *testing.T) {
	run := sampleRun()
	run.Topics[2].Terms[0].Term = "car\x1b[2J" // a terminal escape from the corpus must not reach the console
	var b strings.Builder
	if err := Summary(&b, run); err != nil {
		t.Fatal(err)
	}
	want := []string{
		"4 topics over 2,028 documents",
		"topic   docs    share  top terms",
		"    0    412   20.3 %  space orbit nasa launch shuttle moon satellite mission",
		"    1  1,234   60.8 %  god jesus church bible faith christian belief religion",
		"    2    377   18.6 %  car [2J engine dealer ford oil brake tire drive",
		"    3      0    0.0 %  hockey team game season player goal play league",
		"unassigned: 5 documents",
		"mean coherence (NPMI of the top terms): 0.412, diversity (distinct top-25 terms): 0.000",
		"scores on 2,023 labeled documents (5 unlabeled): NMI 0.613  ARI 0.543  purity 0.801  accuracy 0.779",
	}
	got := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(got) != len(want) {
		t.Fatalf("got %d lines, want %d:\n%s", len(got), len(want), b.String())
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("line %d:\n got %q\nwant %q", i, got[i], want[i])
		}
	}
}

func TestSummaryWithoutLabelsOrTerms(t *testing.T) {
	run := &Run{Documents: 7, Topics: []Topic{{ID: 0, Size: 7, Share: 1}}}
	var b strings.Builder
	if err := Summary(&b, run); err != nil {
		t.Fatal(err)
	}
	want := "1 topic over 7 documents\ntopic  docs    share  top terms\n    0     7  100.0 %  -\nunassigned: 0 documents\nmean coherence (NPMI of the top terms): 0.000, diversity (distinct top-25 terms): 0.000\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

// failWriter fails every write.
type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestSummaryWriteError(t *testing.T) {
	err := Summary(failWriter{}, sampleRun())
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("err = %v, want the write error", err)
	}
}
