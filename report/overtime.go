package report

import "time"

// PeriodTopic is one topic in one period of Run.OverTime.
type PeriodTopic struct {
	Start, End time.Time // the period [Start, End), UTC
	Period     string    // its label: "2024-03", "2024-W10", or the first day of an equal-width bin
	Topic      int
	Documents  int      // the period's documents assigned to the topic
	Total      int      // the period's dated documents, any topic or none
	Share      float64  // Documents / Total; 0 for a period without documents
	Terms      []string // the topic's top words in the period (surface forms), heaviest first
}

// OverTimeRow is one row of topics_over_time.parquet.
type OverTimeRow struct {
	PeriodStart time.Time `parquet:"period_start,timestamp(microsecond)"`
	PeriodEnd   time.Time `parquet:"period_end,timestamp(microsecond)"`
	Period      string    `parquet:"period"`
	Topic       int32     `parquet:"topic"`
	Documents   int32     `parquet:"documents"`
	Share       float64   `parquet:"share"`
	Words       []string  `parquet:"words,list"`
}

// WriteTopicsOverTime writes topics_over_time.parquet atomically, one row
// per period and topic in that order.
func WriteTopicsOverTime(path string, cells []PeriodTopic, meta Meta) error {
	rows := make([]OverTimeRow, len(cells))
	for i, c := range cells {
		rows[i] = OverTimeRow{PeriodStart: c.Start, PeriodEnd: c.End, Period: c.Period, Topic: int32(c.Topic), Documents: int32(c.Documents), Share: c.Share, Words: c.Terms}
	}
	return writeTable(path, rows, meta)
}
