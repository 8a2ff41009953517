// Package corpus reads documents from a folder tree or a one-file table
// (JSONL, CSV, Parquet) and streams them, repaired and cleaned, to a visitor.
//
// A bad document never ends a run: binary files (a NUL in the first 8 KiB
// and more than 1 in 32 of them control bytes), unreadable files, broken
// symlinks, symlink loops, empty texts and bad records are skipped and
// reported; UTF-16 with a byte-order mark is decoded, stray NUL bytes are
// dropped, invalid UTF-8 is repaired and oversize texts truncated (or
// skipped), and reported. Only an input that is unusable as a whole gives an
// error wrapping ErrInput.
package corpus

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Document is one text with where it came from.
type Document struct {
	// ID is, for a folder, the path relative to the root, slash-separated
	// ("train/sci.space/1.txt"); for a one-file input, the id field, else
	// "<file>:<line or row number>". IDs are unique: a repeated one gets a
	// suffix "#2", "#3", ... (reported as ReasonDuplicateID). ID, Path and
	// Label are valid UTF-8: a byte of a name that is not becomes U+FFFD.
	ID string
	// Path is the file the document came from (for one-file inputs, that
	// file), as valid UTF-8: a name that is not cannot be reopened by it.
	Path string
	// Label is the name of the folder that holds the file ("" at the root);
	// for one-file inputs, the label field.
	Label string
	// Text is valid UTF-8 (repaired), cleaned per Options.Strip.
	Text string
	// Date is zero when unknown; one-file inputs may carry a date field
	// (RFC 3339 or 2006-01-02), a folder's files one by Options.DateFrom.
	Date time.Time
}

// Options says which files to read and how to clean them; the zero value
// reads text-like files with a 10 MiB limit and no cleaning.
type Options struct {
	// Include and Exclude are path.Match globs on a file's base name; an empty
	// Include means text-like files (no extension, or .txt .text .md .markdown
	// .rst .eml). Exclude wins. Names starting with "." are never read:
	// such a folder, and such a file that the globs want, is skipped as
	// ReasonHidden.
	Include, Exclude []string
	// MaxBytes limits each document (in input bytes); 0 means 10 MiB.
	MaxBytes int64
	// SkipOversize skips oversize documents instead of truncating them at
	// MaxBytes (at a rune boundary).
	SkipOversize bool
	// Strip selects the e-mail parts to remove.
	Strip Strip
	// KeepSubject keeps, with StripHeaders, the Subject value as the first line.
	KeepSubject bool
	// TextField, IDField, LabelField and DateField name the fields or columns
	// of one-file inputs; defaults "text", "id", "label", "date".
	TextField, IDField, LabelField, DateField string
	// DateFrom dates a folder's files by their path or modification time.
	DateFrom DateSource
	// Workers is how many goroutines read the files of a folder; ≤ 0 means
	// GOMAXPROCS. The documents, problems and account do not depend on it.
	Workers int
	// OnProblem, when not nil, is called in order, from the reading goroutine,
	// for each skipped, repaired or truncated document.
	OnProblem func(Problem)
}

// DefaultMaxBytes is the per-document size limit when Options.MaxBytes is 0.
const DefaultMaxBytes = 10 << 20

// Read streams the documents of source (a folder, or a .jsonl/.ndjson, .csv or
// .parquet file) to visit in a stable order and returns the account; a visit
// error or ctx cancellation stops the run and is returned.
func Read(ctx context.Context, source string, opts Options, visit func(Document) error) (Stats, error) {
	r, err := newRun(ctx, source, opts, visit)
	if err != nil {
		return Stats{}, err
	}
	info, err := os.Stat(source)
	if err != nil {
		return Stats{}, inputError(source, "cannot open: %v", err)
	}
	if info.IsDir() {
		err = r.readFolder(source, info)
	} else {
		r.allIDs = true
		switch ext := strings.ToLower(filepath.Ext(source)); ext {
		case ".jsonl", ".ndjson":
			err = r.readJSONL(source)
		case ".csv":
			err = r.readCSV(source)
		case ".parquet":
			err = r.readParquet(source)
		default:
			err = inputError(source, "unknown format %q (want a folder, .jsonl, .ndjson, .csv or .parquet)", ext)
		}
	}
	if err != nil {
		return r.stats, err
	}
	return r.stats, r.checkNotEmpty()
}
