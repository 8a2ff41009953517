package corpus

import (
	"context"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode/utf8"
)

// run is the state of one Read: options with defaults applied, the account,
// and a read buffer reused from file to file.
type run struct {
	ctx    context.Context
	source string
	opts   Options
	visit  func(Document) error
	stats  Stats
	buf    []byte
	// ids holds the ids handed out that a later one may repeat, with the
	// last suffix tried for each: all of them for a one-file input (ids
	// come from a field), for a folder only those holding U+FFFD (paths
	// are unique; only repaired names can collide).
	ids    map[string]int
	allIDs bool
}

// newRun applies the option defaults and checks the glob patterns.
func newRun(ctx context.Context, source string, opts Options, visit func(Document) error) (*run, error) {
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = DefaultMaxBytes
	}
	setDefault(&opts.TextField, "text")
	setDefault(&opts.IDField, "id")
	setDefault(&opts.LabelField, "label")
	setDefault(&opts.DateField, "date")
	for _, p := range append(append([]string(nil), opts.Include...), opts.Exclude...) {
		if _, err := path.Match(p, ""); err != nil {
			return nil, inputError(source, "bad pattern %q: %v", p, err)
		}
	}
	return &run{ctx: ctx, source: source, opts: opts, visit: visit, stats: Stats{Skipped: map[Reason]int{}}, ids: map[string]int{}}, nil
}

func setDefault(s *string, def string) {
	if *s == "" {
		*s = def
	}
}

// problem reports p and counts it when it is a skip.
func (r *run) problem(p string, reason Reason, err error) {
	if reason.IsSkip() {
		r.stats.Skipped[reason]++
	}
	if r.opts.OnProblem != nil {
		p, _ = validName(p)
		r.opts.OnProblem(Problem{Path: p, Reason: reason, Err: err})
	}
}

// oversize applies the size limit to a document of n input bytes: it returns
// the length to keep, or -1 when the document is skipped.
func (r *run) oversize(where string, n int64) int {
	keep := r.keep(n)
	if keep < 0 {
		r.problem(where, ReasonOversize, fmt.Errorf("%d bytes, limit %d", n, r.opts.MaxBytes))
	}
	return keep
}

// keep returns the length to keep of a document of n input bytes, or -1
// when it is skipped for its size; it only reads the options.
func (r *run) keep(n int64) int {
	switch {
	case n <= r.opts.MaxBytes:
		return int(n)
	case r.opts.SkipOversize:
		return -1
	}
	return int(r.opts.MaxBytes)
}

// finish cleans doc.Text, skips it when empty, makes its names valid UTF-8
// and its id unique, reports its repair (what was repaired, "" for nothing)
// and hands it to visit; where names the document in problems.
func (r *run) finish(where string, doc Document, repair string, truncated bool) error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	if strings.TrimSpace(doc.Text) == "" {
		r.problem(where, ReasonEmpty, nil)
		return nil
	}
	if r.opts.Strip != 0 {
		doc.Text = StripEmail(doc.Text, r.opts.Strip, r.opts.KeepSubject)
		if strings.TrimSpace(doc.Text) == "" {
			r.problem(where, ReasonStripped, fmt.Errorf("only %s", r.opts.Strip))
			return nil
		}
	}
	var named [3]bool
	doc.ID, named[0] = validName(doc.ID)
	doc.Path, named[1] = validName(doc.Path)
	doc.Label, named[2] = validName(doc.Label)
	if named[0] || named[1] || named[2] {
		repair = strings.TrimPrefix(repair+", invalid UTF-8 in the name", ", ")
	}
	if id, ok := r.uniqueID(doc.ID); !ok {
		r.stats.Renamed++
		r.problem(where, ReasonDuplicateID, fmt.Errorf("id %q is taken: now %q", doc.ID, id))
		doc.ID = id
	}
	if repair != "" {
		r.stats.Repaired++
		r.problem(where, ReasonRepaired, errors.New(repair))
	}
	if truncated {
		r.stats.Truncated++
		r.problem(where, ReasonTruncated, fmt.Errorf("cut at %d bytes", r.opts.MaxBytes))
	}
	r.stats.Read++
	return r.visit(doc)
}

// uniqueID returns id, or when an earlier document has it, id with the
// first suffix "#2", "#3", ... that no document has; ok is false then.
func (r *run) uniqueID(id string) (unique string, ok bool) {
	if !r.allIDs && !strings.ContainsRune(id, utf8.RuneError) {
		return id, true
	}
	n, taken := r.ids[id]
	if !taken {
		// Cloned: a CSV or JSONL id is a slice of its whole record, which
		// the map would otherwise keep (1.1 GB of a million records).
		r.ids[strings.Clone(id)] = 1
		return id, true
	}
	for n++; ; n++ {
		unique = fmt.Sprintf("%s#%d", id, n)
		if _, taken := r.ids[unique]; !taken {
			r.ids[id], r.ids[unique] = n, 1
			return unique, false
		}
	}
}

// checkNotEmpty is the closing check: a run that read no document is an input error.
func (r *run) checkNotEmpty() error {
	switch {
	case r.stats.Read > 0:
		return nil
	case r.stats.SkippedTotal() == 0:
		return inputError(r.source, "no documents found")
	default:
		return inputError(r.source, "no text: all %d documents skipped (%s)", r.stats.SkippedTotal(), r.stats.skippedList())
	}
}
