package corpus

import (
	"fmt"
	"path/filepath"
	"time"
)

// record is one row of a one-file input, its fields as found (not yet repaired).
type record struct {
	text, id, label, date string
}

// emitRecord turns row number n of file into a document: the date is parsed,
// the size limit applied, the text repaired; repaired says the row was already
// repaired on the way in (a JSONL line).
func (r *run) emitRecord(file string, n int, rec record, repaired bool) error {
	where := fmt.Sprintf("%s:%d", file, n)
	date, err := parseDate(rec.date)
	if err != nil {
		r.problem(where, ReasonBadRecord, fmt.Errorf("field %q: %w", r.opts.DateField, err))
		return nil
	}
	keep := r.oversize(where, int64(len(rec.text)))
	if keep < 0 {
		return nil
	}
	truncated := keep < len(rec.text)
	doc := Document{Path: file, Date: date}
	var rep [3]bool
	doc.Text, rep[0] = RepairUTF8(cutAtRune(rec.text, keep))
	doc.ID, rep[1] = RepairUTF8(rec.id)
	doc.Label, rep[2] = RepairUTF8(rec.label)
	if doc.ID == "" {
		doc.ID = fmt.Sprintf("%s:%d", filepath.Base(file), n)
	}
	repair := ""
	if repaired || rep[0] || rep[1] || rep[2] {
		repair = "invalid UTF-8"
	}
	return r.finish(where, doc, repair, truncated)
}

// parseDate reads an RFC 3339 time or a 2006-01-02 day; "" is the zero time.
func parseDate(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("date %q is neither RFC 3339 nor 2006-01-02", s)
	}
	return t, nil
}
