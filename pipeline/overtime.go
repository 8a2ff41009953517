package pipeline

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/topicmill/topicmill/cluster"
	"github.com/topicmill/topicmill/report"
	"github.com/topicmill/topicmill/sparse"
	"github.com/topicmill/topicmill/vocab"
)

// OverTimeFile is the table of the topics per period in a run's folder,
// written when Config.TimeBins is set and documents have dates.
const OverTimeFile = "topics_over_time.parquet"

// timeBins is a parsed Config.TimeBins: calendar months or ISO weeks
// (unit), or n equal-width periods over the date range.
type timeBins struct {
	unit string // "month", "week", or "" for n bins
	n    int
}

// set reports whether the bins ask for a table at all.
func (b timeBins) set() bool { return b.unit != "" || b.n > 0 }

// parseTimeBins reads "" (no table), "month", "week" or a count N ≥ 1.
func parseTimeBins(s string) (timeBins, error) {
	switch s {
	case "":
		return timeBins{}, nil
	case "month", "week":
		return timeBins{unit: s}, nil
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		return timeBins{}, fmt.Errorf("time bins %q: want month, week or a number of periods ≥ 1", s)
	}
	return timeBins{n: n}, nil
}

// period is one bin of time, [start, end).
type period struct {
	start, end time.Time
	label      string
}

// periods returns the periods that cover the dates lo … hi (UTC) and the
// index of a date's period.
func (b timeBins) periods(lo, hi time.Time) ([]period, func(time.Time) int) {
	var ps []period
	switch b.unit {
	case "month":
		first := time.Date(lo.Year(), lo.Month(), 1, 0, 0, 0, 0, time.UTC)
		for s := first; !s.After(hi); s = s.AddDate(0, 1, 0) {
			ps = append(ps, period{s, s.AddDate(0, 1, 0), s.Format("2006-01")})
		}
		return ps, func(d time.Time) int {
			return (d.Year()-first.Year())*12 + int(d.Month()) - int(first.Month())
		}
	case "week":
		day := time.Date(lo.Year(), lo.Month(), lo.Day(), 0, 0, 0, 0, time.UTC)
		first := day.AddDate(0, 0, -(int(day.Weekday())+6)%7) // the Monday on or before lo
		for s := first; !s.After(hi); s = s.AddDate(0, 0, 7) {
			y, w := s.ISOWeek()
			ps = append(ps, period{s, s.AddDate(0, 0, 7), fmt.Sprintf("%d-W%02d", y, w)})
		}
		return ps, func(d time.Time) int { return int(d.Sub(first) / (7 * 24 * time.Hour)) }
	}
	width := hi.Sub(lo) / time.Duration(b.n)
	layout := "2006-01-02"
	if width < 24*time.Hour {
		layout = "2006-01-02 15:04"
	}
	for i := 0; i < b.n; i++ {
		s, e := lo.Add(time.Duration(i)*width), lo.Add(time.Duration(i+1)*width)
		if i == b.n-1 {
			e = hi
		}
		ps = append(ps, period{s, e, s.Format(layout)})
	}
	return ps, func(d time.Time) int {
		if width <= 0 {
			return 0
		}
		return min(int(d.Sub(lo)/width), b.n-1)
	}
}

// topicsOverTime tabulates the dated documents by period and topic: how
// many of each period's documents each topic has, their share of the
// period's dated documents (unassigned ones included, so a period's shares
// sum to at most 1), and the topic's top words in the period. Those words
// rank the terms i by
//
//	score_i = W[i, t] · (1/|D|) Σ_{j ∈ D} X[i, j]
//
// for D the period's documents assigned to topic t: the topic's column of W
// re-weighted by the mean TF-IDF column of those documents, so a word ranks
// high when it is both the topic's and used in that period. It returns nil
// when no document has a date. Rows come period by period, topics in order.
// X's column of document j is colOf[j] (-1: not in X, as outside a fitted
// sample, where only the documents in X weigh the words); nil means j.
func topicsOverTime(bins timeBins, W *mat.Dense, X *sparse.CSR, colOf []int, docs []DocInfo, as []cluster.Assignment, v *vocab.Vocabulary, words int) []report.PeriodTopic {
	var lo, hi time.Time
	for _, d := range docs {
		if d.Date.IsZero() {
			continue
		}
		t := d.Date.UTC()
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if hi.IsZero() || t.After(hi) {
			hi = t
		}
	}
	if lo.IsZero() {
		return nil
	}
	ps, index := bins.periods(lo, hi)
	_, k := W.Dims()
	totals := make([]int, len(ps))
	members := make([][]int, len(ps)*k) // documents of period p in topic t, at p·k + t
	for j, d := range docs {
		if d.Date.IsZero() {
			continue
		}
		p := index(d.Date.UTC())
		totals[p]++
		if t := as[j].Topic; t >= 0 {
			members[p*k+t] = append(members[p*k+t], j)
		}
	}
	Xt := X.T()
	acc := make([]float64, X.Rows)
	var touched []int32
	cells := make([]report.PeriodTopic, 0, len(ps)*k)
	for p, per := range ps {
		for t := 0; t < k; t++ {
			cell := report.PeriodTopic{Start: per.start, End: per.end, Period: per.label, Topic: t, Total: totals[p]}
			group := members[p*k+t]
			cell.Documents = len(group)
			if totals[p] > 0 {
				cell.Share = float64(len(group)) / float64(totals[p])
			}
			if len(group) > 0 {
				touched = touched[:0]
				inX := 0
				for _, j := range group {
					if colOf != nil {
						if j = colOf[j]; j < 0 {
							continue
						}
					}
					inX++
					cols, vals := Xt.Row(j)
					for q, i := range cols {
						if acc[i] == 0 {
							touched = append(touched, i)
						}
						acc[i] += vals[q]
					}
				}
				if inX > 0 {
					cell.Terms = periodWords(W, t, acc, touched, 1/float64(inX), v, words)
				}
			}
			cells = append(cells, cell)
		}
	}
	return cells
}

// periodWords returns the surface forms of the words terms with the
// largest W[i, t]·scale·acc[i] among touched (positive scores only,
// heaviest first, ties by term id) and clears acc at touched.
func periodWords(W *mat.Dense, t int, acc []float64, touched []int32, scale float64, v *vocab.Vocabulary, words int) []string {
	type scored struct {
		id    int32
		score float64
	}
	ranked := make([]scored, 0, len(touched))
	for _, i := range touched {
		if s := W.At(int(i), t) * scale * acc[i]; s > 0 {
			ranked = append(ranked, scored{i, s})
		}
		acc[i] = 0
	}
	slices.SortFunc(ranked, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	out := make([]string, 0, min(words, len(ranked)))
	for _, r := range ranked[:min(words, len(ranked))] {
		out = append(out, v.Surface[r.id])
	}
	return out
}
