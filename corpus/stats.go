package corpus

import (
	"fmt"
	"sort"
	"strings"
)

// Reason says why a document was skipped, or what was done to it.
type Reason string

// The reasons a Problem can carry; all but ReasonRepaired, ReasonTruncated
// and ReasonDuplicateID mean the document was skipped.
const (
	ReasonBinary        Reason = "binary"
	ReasonUnreadable    Reason = "unreadable"
	ReasonOversize      Reason = "oversize"
	ReasonBrokenSymlink Reason = "broken-symlink"
	ReasonSymlinkLoop   Reason = "symlink-loop"
	ReasonEmpty         Reason = "empty"
	ReasonStripped      Reason = "nothing-left-after-strip"
	ReasonBadRecord     Reason = "bad-record"
	ReasonHidden        Reason = "hidden" // a name starting with ".": a folder counts once
	ReasonRepaired      Reason = "repaired-encoding"
	ReasonTruncated     Reason = "truncated"
	ReasonDuplicateID   Reason = "duplicate-id" // read under the id with a suffix "#2", "#3", ...
)

// IsSkip reports whether the reason means the document was left out.
func (r Reason) IsSkip() bool {
	return r != ReasonRepaired && r != ReasonTruncated && r != ReasonDuplicateID
}

// Problem is one skipped, repaired or truncated document; Err may be nil.
type Problem struct {
	Path   string
	Reason Reason
	Err    error
}

// String renders the problem as "path: reason: err".
func (p Problem) String() string {
	if p.Err == nil {
		return fmt.Sprintf("%s: %s", p.Path, p.Reason)
	}
	return fmt.Sprintf("%s: %s: %v", p.Path, p.Reason, p.Err)
}

// Stats is the account of one Read.
type Stats struct {
	Read      int
	Repaired  int
	Truncated int
	Renamed   int // documents read under a suffixed id, their id being taken
	Skipped   map[Reason]int
}

// SkippedTotal is the number of documents skipped for any reason.
func (s Stats) SkippedTotal() int {
	n := 0
	for _, c := range s.Skipped {
		n += c
	}
	return n
}

// String is the one-line account, e.g. "read 18846 documents, skipped 3
// (binary 2, unreadable 1), repaired encoding in 5, truncated 1".
func (s Stats) String() string {
	var b strings.Builder
	noun := "documents"
	if s.Read == 1 {
		noun = "document"
	}
	fmt.Fprintf(&b, "read %d %s, skipped %d", s.Read, noun, s.SkippedTotal())
	if s.SkippedTotal() > 0 {
		fmt.Fprintf(&b, " (%s)", s.skippedList())
	}
	if s.Repaired > 0 {
		fmt.Fprintf(&b, ", repaired encoding in %d", s.Repaired)
	}
	if s.Truncated > 0 {
		fmt.Fprintf(&b, ", truncated %d", s.Truncated)
	}
	if s.Renamed > 0 {
		fmt.Fprintf(&b, ", renamed %d duplicate ids", s.Renamed)
	}
	return b.String()
}

// skippedList renders the skip counts, largest first, ties by reason.
func (s Stats) skippedList() string {
	reasons := make([]Reason, 0, len(s.Skipped))
	for r, c := range s.Skipped {
		if c > 0 {
			reasons = append(reasons, r)
		}
	}
	sort.Slice(reasons, func(i, j int) bool {
		ci, cj := s.Skipped[reasons[i]], s.Skipped[reasons[j]]
		return ci > cj || ci == cj && reasons[i] < reasons[j]
	})
	parts := make([]string, len(reasons))
	for i, r := range reasons {
		parts[i] = fmt.Sprintf("%s %d", r, s.Skipped[r])
	}
	return strings.Join(parts, ", ")
}
