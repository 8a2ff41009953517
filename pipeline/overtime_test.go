package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/report"
)

// writeDriftCorpus writes a JSONL corpus of 12 months × 20 documents from
// two planted topics, space and cooking, in which space's share grows
// linearly from 15 % (3 of January's 20) to 85 % (17 of December's), and
// returns its path. May's space documents also say "comet" (three times),
// so that month's space words differ.
func writeDriftCorpus(t *testing.T) string {
	t.Helper()
	space := strings.Fields("rocket orbit launch planet galaxy telescope astronaut lunar nebula satellite")
	cooking := strings.Fields("garlic pasta sauce oven pepper onion butter flour dough skillet")
	rng := rand.New(rand.NewPCG(15, 3))
	var b strings.Builder
	for month := 0; month < 12; month++ {
		nSpace := 3 + (14*month+5)/11 // 3 … 17
		for i := 0; i < 20; i++ {
			words := cooking
			if i < nSpace {
				words = space
			}
			var text []string
			for w := 0; w < 8; w++ {
				text = append(text, words[rng.IntN(len(words))])
			}
			if i < nSpace && month == 4 {
				text = append(text, "comet", "comet", "comet")
			}
			date := time.Date(2023, time.Month(month+1), 1+i, 12, 0, 0, 0, time.UTC)
			line, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("m%02d-%02d", month, i), "text": strings.Join(text, " "), "date": date.Format(time.RFC3339)})
			b.Write(line)
			b.WriteByte('\n')
		}
	}
	path := filepath.Join(t.TempDir(), "drift.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestTopicsOverTimeShowPlantedDrift checks that topics_over_time.parquet
// shows the space topic's share rising, by months and by equal bins.
func TestTopicsOverTimeShowPlantedDrift(t *testing.T) {
	src := writeDriftCorpus(t)
	cases := []struct {
		bins              string
		periods           int
		first, last       string  // the first and last periods' labels
		firstMax, lastMin float64 // bounds on the space topic's share in them; 0: not checked
	}{
		{"month", 12, "2023-01", "2023-12", 0.16, 0.84},
		{"4", 4, "2023-01-01", "2023-09-23", 0.3, 0.7}, // dates run from 1 January to 20 December, noon
		{"week", 52, "2022-W52", "2023-W51", 0, 0},     // a week holds 1 to 7 documents: too few for a share
	}
	for _, c := range cases {
		res, err := Run(context.Background(), Config{Source: src, NMF: factor.NMF{K: 2}, TimeBins: c.bins})
		if err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "out")
		if err := res.Write(out); err != nil {
			t.Fatal(err)
		}
		rows, err := parquet.ReadFile[report.OverTimeRow](filepath.Join(out, OverTimeFile))
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2*c.periods {
			t.Fatalf("%s: %d rows, want %d periods × 2 topics", c.bins, len(rows), c.periods)
		}
		spaceTopic := int32(1)
		if isSpace(res.Report.Topics[0].Terms[0].Term) {
			spaceTopic = 0
		}
		first, last := rows[spaceTopic], rows[len(rows)-2+int(spaceTopic)]
		t.Logf("%s: space topic %d: share %.3f in %s (%d documents), %.3f in %s (%d documents)", c.bins, spaceTopic, first.Share, first.Period, first.Documents, last.Share, last.Period, last.Documents)
		if first.Period != c.first || last.Period != c.last {
			t.Errorf("%s: periods %s … %s, want %s … %s", c.bins, first.Period, last.Period, c.first, c.last)
		}
		if c.firstMax > 0 && !(first.Share < c.firstMax && last.Share > c.lastMin) {
			t.Errorf("%s: space share %.3f → %.3f, want < %g → > %g", c.bins, first.Share, last.Share, c.firstMax, c.lastMin)
		}
		for p := 0; p < len(rows); p += 2 {
			if rows[p].Period != rows[p+1].Period || !rows[p].PeriodEnd.After(rows[p].PeriodStart) {
				t.Errorf("%s: rows %d, %d: periods %s [%v, %v) and %s", c.bins, p, p+1, rows[p].Period, rows[p].PeriodStart, rows[p].PeriodEnd, rows[p+1].Period)
			}
			if sum := rows[p].Share + rows[p+1].Share; rows[p].Documents+rows[p+1].Documents > 0 && (sum < 0.999 || sum > 1.001) {
				t.Errorf("%s: period %s: shares sum to %v, want 1", c.bins, rows[p].Period, sum)
			}
		}
		if c.bins == "month" {
			// comet, said in May only, is among the space topic's words in May only.
			for p := 0; p < 12; p++ {
				words := rows[2*p+int(spaceTopic)].Words
				if slices.Contains(words, "comet") != (p == 4) {
					t.Errorf("month %s: space words %v", rows[2*p].Period, words)
				}
			}
		}
	}
}

// isSpace reports whether a word is one of the planted space words.
func isSpace(word string) bool {
	return slices.Contains(strings.Fields("rocket orbit launch planet galaxy telescope astronaut lunar nebula satellite comet"), word)
}

// TestNoDatesNoTable: a run asked for time bins over undated documents
// writes no topics_over_time.parquet.
func TestNoDatesNoTable(t *testing.T) {
	res, err := Run(context.Background(), Config{Source: demo, NMF: factor.NMF{K: 6}, TimeBins: "month"})
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if err := res.Write(out); err != nil {
		t.Fatal(err)
	}
	if res.Report.OverTime != nil {
		t.Errorf("OverTime has %d cells without dates", len(res.Report.OverTime))
	}
	if _, err := os.Stat(filepath.Join(out, OverTimeFile)); !os.IsNotExist(err) {
		t.Errorf("%s: stat = %v, want not there", OverTimeFile, err)
	}
}
