package sparse

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"

	"gonum.org/v1/gonum/mat"
)

// The MatrixMarket exchange format (https://math.nist.gov/MatrixMarket/) is
// how topicmill hands matrices to other tools, scipy.io.mmread and mmwrite
// among them: `vectorize` writes X.mtx, `factor` reads any matrix and writes
// W.mtx and H.mtx.

// mmHeader is what the banner and size line of a MatrixMarket file say.
type mmHeader struct {
	array     bool // array (dense, column-major) rather than coordinate
	pattern   bool // entries have no value: each is 1
	integer   bool
	symmetric bool
	rows      int
	cols      int
	entries   int // lines of entries that follow
}

// mmScanner reads a MatrixMarket file line by line, counting lines for errors.
type mmScanner struct {
	sc   *bufio.Scanner
	line int
}

// maxDimension bounds the rows and columns a matrix file may declare: the
// row pointers of a CSR matrix (and of its transpose) cost 8 bytes a row, so
// a larger size line would exhaust memory before the first entry is read.
const maxDimension = 1 << 26

// ParseError is a problem in a matrix file, as encoding/csv's ParseError:
// the reader's format, the 1-based line (0 for the input as a whole, such
// as an empty one) and, for CSV, the 1-based column.
type ParseError struct {
	Format string // "matrix market" or "csv"
	Line   int
	Column int
	Err    error
}

// Error renders the error as "matrix market line 3: ..." or "csv line 2, column 4: ...".
func (e *ParseError) Error() string {
	switch {
	case e.Line == 0:
		return fmt.Sprintf("%s: %v", e.Format, e.Err)
	case e.Column == 0:
		return fmt.Sprintf("%s line %d: %v", e.Format, e.Line, e.Err)
	}
	return fmt.Sprintf("%s line %d, column %d: %v", e.Format, e.Line, e.Column, e.Err)
}

// Unwrap returns the underlying error.
func (e *ParseError) Unwrap() error { return e.Err }

// mmError is a ParseError of a MatrixMarket file at line (0: the whole input).
func mmError(line int, err error) error {
	return &ParseError{Format: "matrix market", Line: line, Err: err}
}

func (s *mmScanner) errorf(format string, args ...any) error {
	return mmError(s.line, fmt.Errorf(format, args...))
}

// next returns the next line that is neither blank nor a comment, without
// its line ending; ok is false at the end of the input.
func (s *mmScanner) next() (line []byte, ok bool, err error) {
	for s.sc.Scan() {
		s.line++
		line = bytes.TrimSpace(s.sc.Bytes())
		if len(line) > 0 && line[0] != '%' {
			return line, true, nil
		}
	}
	if err := s.sc.Err(); err != nil {
		return nil, false, mmError(s.line+1, err)
	}
	return nil, false, nil
}

// readMMHeader reads the banner, the comments and the size line.
func readMMHeader(r io.Reader) (*mmScanner, mmHeader, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	s := &mmScanner{sc: sc}
	var h mmHeader
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return nil, h, mmError(1, err)
		}
		return nil, h, mmError(0, errors.New("empty input"))
	}
	s.line = 1
	banner := bytes.Fields(bytes.ToLower(sc.Bytes()))
	if len(banner) != 5 || string(banner[0]) != "%%matrixmarket" || string(banner[1]) != "matrix" {
		return nil, h, s.errorf("not a MatrixMarket matrix banner (want %%%%MatrixMarket matrix FORMAT FIELD SYMMETRY)")
	}
	switch f := string(banner[2]); f {
	case "coordinate":
	case "array":
		h.array = true
	default:
		return nil, h, s.errorf("unknown format %q (want coordinate or array)", f)
	}
	switch f := string(banner[3]); f {
	case "real":
	case "integer":
		h.integer = true
	case "pattern":
		h.pattern = true
	default:
		return nil, h, s.errorf("unsupported field %q (want real, integer or pattern)", f)
	}
	if h.array && h.pattern {
		return nil, h, s.errorf("an array cannot have field pattern")
	}
	switch sym := string(banner[4]); sym {
	case "general":
	case "symmetric":
		if h.array {
			return nil, h, s.errorf("unsupported symmetric array (want general)")
		}
		h.symmetric = true
	default:
		return nil, h, s.errorf("unsupported symmetry %q (want general or symmetric)", sym)
	}

	line, ok, err := s.next()
	if err != nil {
		return nil, h, err
	}
	if !ok {
		return nil, h, mmError(0, errors.New("no size line"))
	}
	want := 3
	if h.array {
		want = 2
	}
	var size [3]int
	n := 0
	for f, rest := nextField(line); len(f) > 0; f, rest = nextField(rest) {
		if n == want {
			return nil, h, s.errorf("size line has more than %d numbers", want)
		}
		v, ok := parseCount(f)
		if !ok {
			return nil, h, s.errorf("bad size %q", f)
		}
		size[n] = v
		n++
	}
	if n != want {
		return nil, h, s.errorf("size line has %d numbers, want %d", n, want)
	}
	h.rows, h.cols, h.entries = size[0], size[1], size[2]
	if h.rows > maxDimension || h.cols > maxDimension {
		return nil, h, s.errorf("matrix %d × %d is too large (at most %d rows and columns)", h.rows, h.cols, maxDimension)
	}
	if h.array {
		if h.rows != 0 && h.cols > math.MaxInt/h.rows {
			return nil, h, s.errorf("matrix %d × %d is too large", h.rows, h.cols)
		}
		h.entries = h.rows * h.cols
	}
	if h.symmetric && h.rows != h.cols {
		return nil, h, s.errorf("symmetric matrix is not square (%d × %d)", h.rows, h.cols)
	}
	return s, h, nil
}

// ReadOptions says what the matrix readers accept beyond their format; the
// zero value accepts any finite value.
type ReadOptions struct {
	// NonNegative makes a negative value an error naming its line and entry
	// (1-based, as the file numbers them), for matrices NMF is to factor.
	NonNegative bool
}

// readMMEntries calls add for every entry after the size line, with 0-based
// indices; a symmetric entry off the diagonal is added at both places.
func readMMEntries(s *mmScanner, h mmHeader, opts ReadOptions, add func(i, j int, v float64)) error {
	nfields := 3
	switch {
	case h.array:
		nfields = 1
	case h.pattern:
		nfields = 2
	}
	var f [3][]byte
	for e := 0; e < h.entries; e++ {
		line, ok, err := s.next()
		if err != nil {
			return err
		}
		if !ok {
			return mmError(0, fmt.Errorf("input ends after %d of %d entries", e, h.entries))
		}
		n := 0
		for g, rest := nextField(line); len(g) > 0; g, rest = nextField(rest) {
			if n == nfields {
				return s.errorf("more than %d fields in an entry", nfields)
			}
			f[n] = g
			n++
		}
		if n != nfields {
			return s.errorf("entry has %d fields, want %d", n, nfields)
		}
		var i, j int
		if h.array {
			i, j = e%h.rows, e/h.rows
		} else {
			r, okr := parseCount(f[0])
			c, okc := parseCount(f[1])
			if !okr || !okc || r < 1 || r > h.rows || c < 1 || c > h.cols {
				return s.errorf("index (%s, %s) outside 1..%d × 1..%d", f[0], f[1], h.rows, h.cols)
			}
			i, j = r-1, c-1
		}
		v := 1.0
		if !h.pattern {
			val := f[nfields-1]
			v, err = strconv.ParseFloat(string(val), 64)
			if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
				return s.errorf("bad value %q (want a finite number)", val)
			}
			if h.integer && v != math.Trunc(v) {
				return s.errorf("bad value %q in an integer matrix", val)
			}
		}
		if opts.NonNegative && v < 0 {
			return s.errorf("entry (%d, %d) is negative (%v)", i+1, j+1, v)
		}
		if h.symmetric && j > i {
			return s.errorf("entry (%d, %d) above the diagonal of a symmetric matrix", i+1, j+1)
		}
		add(i, j, v)
		if h.symmetric && i != j {
			add(j, i, v)
		}
	}
	if _, more, err := s.next(); err != nil {
		return err
	} else if more {
		return s.errorf("more than the %d entries the size line declares", h.entries)
	}
	return nil
}

// nextField splits the first space- or tab-separated field off line.
func nextField(line []byte) (field, rest []byte) {
	i := 0
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	j := i
	for j < len(line) && line[j] != ' ' && line[j] != '\t' {
		j++
	}
	return line[i:j], line[j:]
}

// parseCount parses a non-negative decimal integer without allocating.
func parseCount(b []byte) (int, bool) {
	if len(b) == 0 || len(b) > 18 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// ReadMatrixMarket reads a MatrixMarket matrix, coordinate (real, integer or
// pattern; general or symmetric) or array (real or integer, general), into a
// CSR matrix: repeated coordinates are summed and zeros are dropped. Errors
// are *ParseError naming the line and the problem. It accepts any finite
// value; ReadOptions.ReadMatrixMarket can refuse negative ones.
func ReadMatrixMarket(r io.Reader) (*CSR, error) {
	return ReadOptions{}.ReadMatrixMarket(r)
}

// ReadMatrixMarket reads a MatrixMarket matrix as the function of that name
// does, applying the options.
func (o ReadOptions) ReadMatrixMarket(r io.Reader) (*CSR, error) {
	s, h, err := readMMHeader(r)
	if err != nil {
		return nil, err
	}
	capacity := min(h.entries, 1<<20) // the size line may be wrong: grow past this
	if h.symmetric {
		capacity *= 2
	}
	rows := make([]int32, 0, capacity)
	cols := make([]int32, 0, capacity)
	vals := make([]float64, 0, capacity)
	err = readMMEntries(s, h, o, func(i, j int, v float64) {
		if v != 0 {
			rows, cols, vals = append(rows, int32(i)), append(cols, int32(j)), append(vals, v)
		}
	})
	if err != nil {
		return nil, err
	}
	return fromTriplets(h.rows, h.cols, rows, cols, vals), nil
}

// fromTriplets builds a CSR matrix from entries in any order, summing
// repeated coordinates, by bucketing the entries by row.
func fromTriplets(m, n int, rows, cols []int32, vals []float64) *CSR {
	start := make([]int, m+1)
	for _, i := range rows {
		start[i+1]++
	}
	for i := range m {
		start[i+1] += start[i]
	}
	next := make([]int, m)
	copy(next, start[:m])
	bc := make([]int32, len(cols))
	bv := make([]float64, len(vals))
	for p, i := range rows {
		q := next[i]
		bc[q], bv[q] = cols[p], vals[p]
		next[i]++
	}
	b := newBuilderCap(n, len(vals))
	for i := range m {
		b.AppendRow(bc[start[i]:start[i+1]], bv[start[i]:start[i+1]])
	}
	return b.Build()
}

// ReadDenseMatrixMarket reads a MatrixMarket matrix, in either format, into
// a dense matrix (repeated coordinates summed); it is the reader for the W
// and H that WriteDenseMatrixMarket writes.
func ReadDenseMatrixMarket(r io.Reader) (*mat.Dense, error) {
	s, h, err := readMMHeader(r)
	if err != nil {
		return nil, err
	}
	if h.rows == 0 || h.cols == 0 {
		return nil, mmError(0, fmt.Errorf("empty %d × %d matrix", h.rows, h.cols))
	}
	d := mat.NewDense(h.rows, h.cols, nil)
	raw := d.RawMatrix()
	err = readMMEntries(s, h, ReadOptions{}, func(i, j int, v float64) { raw.Data[i*raw.Stride+j] += v })
	if err != nil {
		return nil, err
	}
	return d, nil
}

// WriteDenseMatrixMarket writes m as a MatrixMarket real general array,
// column by column as the format requires, with values that read back exactly.
func WriteDenseMatrixMarket(w io.Writer, m mat.Matrix) error {
	r, c := m.Dims()
	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(bw, "%%%%MatrixMarket matrix array real general\n%% written by topicmill\n%d %d\n", r, c)
	buf := make([]byte, 0, 32)
	for j := range c {
		for i := range r {
			buf = strconv.AppendFloat(buf[:0], m.At(i, j), 'g', -1, 64)
			buf = append(buf, '\n')
			if _, err := bw.Write(buf); err != nil {
				return fmt.Errorf("write matrix market: %w", err)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write matrix market: %w", err)
	}
	return nil
}
