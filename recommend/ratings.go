package recommend

import (
	"bufio"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// ErrInput marks a ratings or pairs file that cannot be used: unreadable,
// a missing column, a bad line. Every reading error wraps it.
var ErrInput = errors.New("unusable ratings")

// LineError is a line (a row, for Parquet) of a ratings file that cannot be
// used; it wraps ErrInput.
type LineError struct {
	Path string
	Line int // 1-based; 0 when the error is about the file as a whole
	Err  error
}

// Error names the file and the line.
func (e *LineError) Error() string {
	if e.Line == 0 {
		return fmt.Sprintf("%s: %v", e.Path, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
}

// Unwrap returns the cause and ErrInput.
func (e *LineError) Unwrap() []error { return []error{e.Err, ErrInput} }

// Scale is the range ratings are declared to lie in, and predictions are
// clipped to. The zero Scale declares nothing.
type Scale struct{ Min, Max float64 }

// IsZero reports whether the scale is undeclared.
func (s Scale) IsZero() bool { return s == Scale{} }

// String is the scale as ParseScale reads it, "1,5".
func (s Scale) String() string {
	return strconv.FormatFloat(s.Min, 'g', -1, 64) + "," + strconv.FormatFloat(s.Max, 'g', -1, 64)
}

// ParseScale reads a scale written "MIN,MAX", such as "1,5"; the empty
// string is the zero Scale.
func ParseScale(s string) (Scale, error) {
	if s == "" {
		return Scale{}, nil
	}
	lo, hi, ok := strings.Cut(s, ",")
	a, err1 := strconv.ParseFloat(strings.TrimSpace(lo), 64)
	b, err2 := strconv.ParseFloat(strings.TrimSpace(hi), 64)
	if !ok || err1 != nil || err2 != nil || !(a < b) || math.IsInf(a, 0) || math.IsInf(b, 0) {
		return Scale{}, fmt.Errorf("scale %q: want MIN,MAX with MIN < MAX, such as 1,5", s)
	}
	return Scale{a, b}, nil
}

// clip returns v limited to the scale (v itself for the zero Scale).
func (s Scale) clip(v float64) float64 {
	if s.IsZero() {
		return v
	}
	return min(max(v, s.Min), s.Max)
}

// Ratings is a table of observed ratings, one (user, item, rating) triple
// each, with the ids numbered 0, 1, 2, … in order of first appearance.
type Ratings struct {
	Users, Items []string  // the ids, by number
	User, Item   []int32   // each rating's user and item number
	Value        []float64 // each rating
}

// Len returns the number of ratings.
func (r *Ratings) Len() int { return len(r.Value) }

// Subset returns the ratings at positions idx, in that order, with the ids
// numbered afresh by first appearance (as a training fold sees them).
func (r *Ratings) Subset(idx []int) *Ratings {
	var b ratingsBuilder
	for _, i := range idx {
		b.add(r.Users[r.User[i]], r.Items[r.Item[i]], r.Value[i])
	}
	return &b.r
}

// ratingsBuilder numbers ids as they come.
type ratingsBuilder struct {
	r            Ratings
	users, items map[string]int32
}

// add appends one rating and returns its user and item numbers.
func (b *ratingsBuilder) add(user, item string, v float64) (int32, int32) {
	if b.users == nil {
		b.users, b.items = map[string]int32{}, map[string]int32{}
	}
	u, ok := b.users[user]
	if !ok {
		u = int32(len(b.r.Users))
		b.users[user] = u
		b.r.Users = append(b.r.Users, user)
	}
	i, ok := b.items[item]
	if !ok {
		i = int32(len(b.r.Items))
		b.items[item] = i
		b.r.Items = append(b.r.Items, item)
	}
	b.r.User = append(b.r.User, u)
	b.r.Item = append(b.r.Item, i)
	b.r.Value = append(b.r.Value, v)
	return u, i
}

// ReadOptions say which columns hold the user, item and rating, and the
// declared scale. The zero value reads columns user, item and rating and
// checks no scale.
type ReadOptions struct {
	UserCol, ItemCol, RatingCol string
	Scale                       Scale
}

func (o ReadOptions) withDefaults() ReadOptions {
	if o.UserCol == "" {
		o.UserCol = "user"
	}
	if o.ItemCol == "" {
		o.ItemCol = "item"
	}
	if o.RatingCol == "" {
		o.RatingCol = "rating"
	}
	return o
}

// Pair is one (user, item) question for Predict, with the line it was read from.
type Pair struct {
	User, Item string
	Line       int
}

// Read reads a ratings file chosen by its extension: .parquet is Parquet;
// .tsv, .tab and .data (MovieLens's u.data) are tab-separated, by position
// `user item rating [timestamp]` unless the first line names the three
// columns; anything else is CSV with a header row. A UTF-8 byte-order mark
// and CRLF line ends are read as a spreadsheet writes them. Empty fields, a
// rating that is not a finite number or lies outside opts.Scale, and a
// second rating of the same (user, item) pair are errors naming the line
// (*LineError, wrapping ErrInput), as is a file without ratings.
func Read(path string, opts ReadOptions) (*Ratings, error) {
	opts = opts.withDefaults()
	var b ratingsBuilder
	firstLine := map[[2]int32]int{} // the line of each (user, item) pair
	err := scan(path, opts, true, func(line int, user, item, rating string) error {
		v, err := parseRating(rating, opts)
		if err != nil {
			return err
		}
		u, i := b.add(user, item, v)
		if first, dup := firstLine[[2]int32{u, i}]; dup {
			return fmt.Errorf("user %q rated item %q twice (first on line %d)", user, item, first)
		}
		firstLine[[2]int32{u, i}] = line
		return nil
	})
	if err != nil {
		return nil, err
	}
	if b.r.Len() == 0 {
		return nil, &LineError{Path: path, Err: errors.New("no ratings")}
	}
	return &b.r, nil
}

// ReadPairs reads the (user, item) pairs of a file laid out as Read reads
// ratings; a rating column is not needed, and pairs may repeat.
func ReadPairs(path string, opts ReadOptions) ([]Pair, error) {
	var pairs []Pair
	err := scan(path, opts.withDefaults(), false, func(line int, user, item, _ string) error {
		pairs = append(pairs, Pair{User: user, Item: item, Line: line})
		return nil
	})
	return pairs, err
}

// parseRating reads one rating and checks it against the scale.
func parseRating(s string, opts ReadOptions) (float64, error) {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		return 0, fmt.Errorf("%s %q is not a number", opts.RatingCol, s)
	}
	if sc := opts.Scale; !sc.IsZero() && (v < sc.Min || v > sc.Max) {
		return 0, fmt.Errorf("%s %v is outside the scale %v", opts.RatingCol, v, sc)
	}
	return v, nil
}

// scan calls fn with the trimmed user, item and rating fields of every
// record, choosing the format by extension; empty fields are errors before
// fn sees them. Without needRating, the rating column may be absent and is
// then passed as "".
func scan(path string, opts ReadOptions, needRating bool, fn func(line int, user, item, rating string) error) error {
	emit := func(line int, f [3]string, hasRating bool) error {
		names := [3]string{opts.UserCol, opts.ItemCol, opts.RatingCol}
		for c, v := range f {
			if v == "" && (c < 2 || hasRating) {
				return &LineError{Path: path, Line: line, Err: fmt.Errorf("empty %s", names[c])}
			}
		}
		if err := fn(line, f[0], f[1], f[2]); err != nil {
			return &LineError{Path: path, Line: line, Err: err}
		}
		return nil
	}
	if strings.EqualFold(filepath.Ext(path), ".parquet") {
		return scanParquet(path, opts, needRating, emit)
	}
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%w: %w", err, ErrInput)
	}
	defer f.Close()
	br := bufio.NewReader(f)
	if bom, _ := br.Peek(3); string(bom) == "\uFEFF" {
		br.Discard(3)
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".tsv", ".tab", ".data":
		return scanTSV(path, br, opts, needRating, emit)
	}
	return scanCSV(path, br, opts, needRating, emit)
}

// emitFunc receives one record's user, item and rating fields.
type emitFunc func(line int, f [3]string, hasRating bool) error

// columns finds the user, item and rating columns in a header; the rating's
// index is -1 when it is not needed.
func columns(header []string, opts ReadOptions, needRating bool) ([3]int, error) {
	idx := [3]int{-1, -1, -1}
	names := [3]string{opts.UserCol, opts.ItemCol, opts.RatingCol}
	for c, name := range names {
		if c == 2 && !needRating {
			break
		}
		for j, h := range header {
			if strings.TrimSpace(h) == name {
				idx[c] = j
				break
			}
		}
		if idx[c] < 0 {
			return idx, fmt.Errorf("no column %q in the header %q", name, strings.Join(header, ","))
		}
	}
	return idx, nil
}

// fields picks the three columns of a record.
func fields(rec []string, idx [3]int) (f [3]string, ok bool) {
	for c, j := range idx {
		if j < 0 {
			continue
		}
		if j >= len(rec) {
			return f, false
		}
		f[c] = strings.TrimSpace(rec[j])
	}
	return f, true
}

// scanCSV reads a CSV file with a header row naming the columns.
func scanCSV(path string, r io.Reader, opts ReadOptions, needRating bool, emit emitFunc) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	var idx [3]int
	header := true
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			if header {
				return &LineError{Path: path, Err: errors.New("empty file, want a header row")}
			}
			return nil
		}
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return &LineError{Path: path, Line: pe.Line, Err: pe.Err}
		}
		if err != nil {
			return &LineError{Path: path, Err: err}
		}
		line, _ := cr.FieldPos(0)
		if header {
			if idx, err = columns(rec, opts, needRating); err != nil {
				return &LineError{Path: path, Line: line, Err: err}
			}
			header = false
			continue
		}
		f, ok := fields(rec, idx)
		if !ok {
			return &LineError{Path: path, Line: line, Err: fmt.Errorf("%d fields, too few for the header's columns", len(rec))}
		}
		if err := emit(line, f, idx[2] >= 0); err != nil {
			return err
		}
	}
}

// scanTSV reads a tab-separated file: by position (user, item, rating, then
// anything) unless the first line names the columns. Blank lines are
// passed over.
func scanTSV(path string, r io.Reader, opts ReadOptions, needRating bool, emit emitFunc) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	idx := [3]int{0, 1, 2}
	if !needRating {
		idx[2] = -1
	}
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			continue
		}
		rec := strings.Split(text, "\t")
		if line == 1 {
			if named, err := columns(rec, opts, needRating); err == nil {
				idx = named
				continue
			}
		}
		f, ok := fields(rec, idx)
		if !ok {
			return &LineError{Path: path, Line: line, Err: fmt.Errorf("%d tab-separated fields, want user, item and rating", len(rec))}
		}
		if err := emit(line, f, idx[2] >= 0); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return &LineError{Path: path, Err: err}
	}
	return nil
}
