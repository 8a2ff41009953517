package corpus

import (
	"fmt"
	"os"
	"regexp"
	"strconv"
	"time"
)

// DateSource says where a folder's documents get their dates; the zero
// value gives them none. One-file inputs take theirs from DateField.
type DateSource string

// The date sources of a folder.
const (
	// DateFromPath reads a date in the file's path relative to the root:
	// 2024-03-05, 2024/03/05, 2024_03_05, 20240305, or a month alone
	// (2024-03, 2024/03: its first day). The first one in the path counts.
	DateFromPath DateSource = "path"
	// DateFromMtime takes the file's modification time.
	DateFromMtime DateSource = "mtime"
)

// Validate reports a date source that is not "", "path" or "mtime".
func (d DateSource) Validate() error {
	switch d {
	case "", DateFromPath, DateFromMtime:
		return nil
	}
	return fmt.Errorf("date from %q: want path or mtime", string(d))
}

// pathDate matches a year 1900–2099 and a month, with an optional day,
// separated by one of -_/. or written together as eight digits, between
// non-digits.
var pathDate = regexp.MustCompile(`(?:^|\D)((?:19|20)\d\d)(?:[-_/.](\d\d)(?:[-_/.](\d\d))?|(\d\d)(\d\d))(?:\D|$)`)

// fileDate is the date of the file full (id relative to the root) by the
// run's DateFrom: zero when there is none, or none that is a valid day.
func (r *run) fileDate(full, id string) time.Time {
	switch r.opts.DateFrom {
	case DateFromMtime:
		if info, err := os.Stat(full); err == nil {
			return info.ModTime().UTC()
		}
	case DateFromPath:
		return dateInPath(id)
	}
	return time.Time{}
}

// dateInPath returns the first valid date in a path (midnight UTC), or zero.
func dateInPath(p string) time.Time {
	for _, m := range pathDate.FindAllStringSubmatch(p, -1) {
		month, day := m[2], m[3]
		if m[4] != "" {
			month, day = m[4], m[5]
		}
		if day == "" {
			day = "01"
		}
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(month)
		d, _ := strconv.Atoi(day)
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.Month() == time.Month(mo) && t.Day() == d { // 2024-02-30 is no date
			return t
		}
	}
	return time.Time{}
}
