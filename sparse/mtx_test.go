package sparse

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// awkward holds values whose decimal forms are long or extreme, to check
// that writing and reading loses nothing.
var awkward = []float64{0.1, 1.0 / 3, 2.5e-300, 1.2345678901234567e308, -4e-7, 123456789.123456789, 5e-324}

func awkwardSparse() *CSR {
	a := randomSparse(17, 11, 0.4, 21)
	copy(a.Val, awkward)
	return a
}

func TestMatrixMarketRoundTrip(t *testing.T) {
	for _, a := range []*CSR{awkwardSparse(), NewBuilder(4).Build(), randomSparse(6, 1, 0.5, 1)} {
		var buf bytes.Buffer
		if err := WriteMatrixMarket(&buf, a, 0); err != nil {
			t.Fatal(err)
		}
		got, err := ReadMatrixMarket(&buf)
		if err != nil {
			t.Fatal(err)
		}
		if got.Rows != a.Rows || got.Cols != a.Cols || !reflect.DeepEqual(got.RowPtr, a.RowPtr) ||
			!slicesEqual(got.ColInd, a.ColInd) || !slicesEqual(got.Val, a.Val) {
			t.Fatalf("round trip of a %d × %d matrix changed it", a.Rows, a.Cols)
		}
	}
}

func slicesEqual[T comparable](a, b []T) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestDenseMatrixMarketRoundTrip(t *testing.T) {
	d := mat.NewDense(3, 4, nil)
	for i := 1; i < 12; i++ {
		d.Set(i%3, i/3, awkward[i%len(awkward)])
	}
	var buf bytes.Buffer
	if err := WriteDenseMatrixMarket(&buf, d); err != nil {
		t.Fatal(err)
	}
	// Column-major: the second value written is (1, 0).
	if lines := strings.Split(buf.String(), "\n"); lines[2] != "3 4" || lines[4] != "0.3333333333333333" {
		t.Fatalf("unexpected layout:\n%s", buf.String())
	}
	got, err := ReadDenseMatrixMarket(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !mat.Equal(got, d) {
		t.Fatalf("dense round trip changed the matrix:\n%v", mat.Formatted(got))
	}
	// The same file read as sparse drops the zero at (0, 0).
	a, err := ReadMatrixMarket(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if a.NNZ() != 11 || !mat.Equal(dense(a), d) {
		t.Fatalf("array read as CSR: %d non-zeros, %v", a.NNZ(), mat.Formatted(dense(a)))
	}
}

func TestReadMatrixMarket(t *testing.T) {
	cases := []struct {
		name, in string
		want     [][]float64
	}{
		{"coordinate real, unsorted, duplicates summed, zero dropped",
			"%%MatrixMarket matrix coordinate real general\n% a comment\n%\n\n2 3 5\n2 3 1.5\n1 2 -2\n2 3 0.25\n1 1 0\n2 1 1e2\n",
			[][]float64{{0, -2, 0}, {100, 0, 1.75}}},
		{"integer", "%%MatrixMarket matrix coordinate integer general\n2 2 2\n1 1 3\n2 2 -4\n",
			[][]float64{{3, 0}, {0, -4}}},
		{"pattern", "%%MatrixMarket matrix coordinate pattern general\n2 2 2\n1 2\n2 1\n",
			[][]float64{{0, 1}, {1, 0}}},
		{"symmetric", "%%MatrixMarket matrix coordinate real symmetric\n3 3 3\n1 1 1\n3 1 2\n3 2 5\n",
			[][]float64{{1, 0, 2}, {0, 0, 5}, {2, 5, 0}}},
		{"array column-major, tabs, CRLF, upper-case banner", "%%MatrixMarket MATRIX Array Real General\r\n2 3\r\n1\r\n0\r\n\t2 \r\n3\r\n0\r\n-5\r\n",
			[][]float64{{1, 2, 0}, {0, 3, -5}}},
		{"array integer", "%%MatrixMarket matrix array integer general\n1 2\n7\n8\n", [][]float64{{7, 8}}},
		{"empty coordinate", "%%MatrixMarket matrix coordinate real general\n2 2 0\n", [][]float64{{0, 0}, {0, 0}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := ReadMatrixMarket(strings.NewReader(c.in))
			if err != nil {
				t.Fatal(err)
			}
			if err := a.Validate(false); err != nil {
				t.Fatal(err)
			}
			want := mat.NewDense(len(c.want), len(c.want[0]), nil)
			for i, row := range c.want {
				want.SetRow(i, row)
			}
			if !mat.Equal(dense(a), want) {
				t.Fatalf("got\n%v\nwant\n%v", mat.Formatted(dense(a)), mat.Formatted(want))
			}
			for _, v := range a.Val {
				if v == 0 {
					t.Fatal("a zero is stored")
				}
			}
		})
	}
}

func TestReadMatrixMarketErrors(t *testing.T) {
	const coord = "%%MatrixMarket matrix coordinate real general\n"
	cases := []struct{ name, in, want string }{
		{"empty", "", "empty input"},
		{"no banner", "2 2 1\n1 1 1\n", "line 1: not a MatrixMarket matrix banner"},
		{"vector object", "%%MatrixMarket vector coordinate real general\n", "line 1: not a MatrixMarket"},
		{"unknown format", "%%MatrixMarket matrix sparse real general\n", "line 1: unknown format \"sparse\""},
		{"complex", "%%MatrixMarket matrix coordinate complex general\n", "line 1: unsupported field \"complex\""},
		{"skew", "%%MatrixMarket matrix coordinate real skew-symmetric\n", "line 1: unsupported symmetry \"skew-symmetric\""},
		{"array pattern", "%%MatrixMarket matrix array pattern general\n", "line 1: an array cannot have field pattern"},
		{"array symmetric", "%%MatrixMarket matrix array real symmetric\n", "line 1: unsupported symmetric array"},
		{"no size", coord + "% only comments\n", "no size line"},
		{"short size", coord + "2 2\n", "line 2: size line has 2 numbers, want 3"},
		{"long size", coord + "2 2 1 4\n", "line 2: size line has more than 3 numbers"},
		{"bad size", coord + "2 -2 1\n", "line 2: bad size \"-2\""},
		{"size beyond memory", coord + "2000000000 2000000000 1\n1 1 1\n", "line 2: matrix 2000000000 × 2000000000 is too large"},
		{"symmetric not square", "%%MatrixMarket matrix coordinate real symmetric\n2 3 0\n", "line 2: symmetric matrix is not square"},
		{"too few entries", coord + "2 2 3\n1 1 1\n2 2 2\n", "input ends after 2 of 3 entries"},
		{"too many entries", coord + "2 2 1\n1 1 1\n2 2 2\n", "line 4: more than the 1 entries"},
		{"row out of range", coord + "2 2 2\n1 1 1\n3 1 1\n", "line 4: index (3, 1) outside 1..2 × 1..2"},
		{"zero index", coord + "2 2 1\n0 1 1\n", "line 3: index (0, 1) outside"},
		{"bad index", coord + "2 2 1\n1 x 1\n", "line 3: index (1, x) outside"},
		{"bad value", coord + "% c\n2 2 1\n1 1 1.2.3\n", "line 4: bad value \"1.2.3\""},
		{"NaN value", coord + "2 2 1\n1 1 NaN\n", "line 3: bad value \"NaN\""},
		{"Inf value", coord + "2 2 1\n1 1 inf\n", "line 3: bad value \"inf\""},
		{"missing value", coord + "2 2 1\n1 1\n", "line 3: entry has 2 fields, want 3"},
		{"extra field", coord + "2 2 1\n1 1 1 1\n", "line 3: more than 3 fields"},
		{"pattern with value", "%%MatrixMarket matrix coordinate pattern general\n2 2 1\n1 1 1\n", "line 3: more than 2 fields"},
		{"fraction in integer", "%%MatrixMarket matrix coordinate integer general\n2 2 1\n1 1 1.5\n", "line 3: bad value \"1.5\" in an integer matrix"},
		{"above diagonal", "%%MatrixMarket matrix coordinate real symmetric\n2 2 1\n1 2 1\n", "line 3: entry (1, 2) above the diagonal"},
		{"array too short", "%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n", "input ends after 3 of 4 entries"},
		{"array two per line", "%%MatrixMarket matrix array real general\n1 2\n1 2\n", "line 3: more than 1 fields"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadMatrixMarket(strings.NewReader(c.in))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %v, want one containing %q", err, c.want)
			}
		})
	}
}

func TestReadDenseMatrixMarketCoordinate(t *testing.T) {
	d, err := ReadDenseMatrixMarket(strings.NewReader("%%MatrixMarket matrix coordinate real general\n2 2 3\n1 2 1\n1 2 2\n2 1 4\n"))
	if err != nil {
		t.Fatal(err)
	}
	if want := mat.NewDense(2, 2, []float64{0, 3, 4, 0}); !mat.Equal(d, want) {
		t.Fatalf("got %v", mat.Formatted(d))
	}
	if _, err := ReadDenseMatrixMarket(strings.NewReader("%%MatrixMarket matrix array real general\n0 3\n")); err == nil {
		t.Fatal("no error for an empty dense matrix")
	}
}

// TestScipyReadsWhatWeWrite has scipy.io.mmread read our files and mmwrite
// them back, and checks that nothing changed on the way. It runs where
// python3 with scipy is installed, and is required when CI=true.
func TestScipyReadsWhatWeWrite(t *testing.T) {
	if err := exec.Command("/usr/bin/python3", "-c", "import scipy.io").Run(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("python3 with scipy is needed under CI: %v", err)
		}
		t.Skip("python3 with scipy is not installed")
	}
	dir := t.TempDir()
	a := awkwardSparse()
	d := randomDense(5, 3, 4)
	d.Set(0, 0, awkward[2])
	writeFile(t, filepath.Join(dir, "A.mtx"), func(f *os.File) error { return WriteMatrixMarket(f, a, 0) })
	writeFile(t, filepath.Join(dir, "D.mtx"), func(f *os.File) error { return WriteDenseMatrixMarket(f, d) })
	const script = `
import sys, scipy.io, scipy.sparse
d = sys.argv[1]
a = scipy.io.mmread(d + "/A.mtx")
assert scipy.sparse.issparse(a), type(a)
print(a.shape[0], a.shape[1], a.nnz)
c = a.tocsr()
c.sort_indices()
print(" ".join(repr(float(v)) for v in c.data))
scipy.io.mmwrite(d + "/A2.mtx", c)
w = scipy.io.mmread(d + "/D.mtx")
print(w.shape[0], w.shape[1])
print(" ".join(repr(float(v)) for v in w.flatten()))
scipy.io.mmwrite(d + "/D2.mtx", w)
`
	out, err := exec.Command("/usr/bin/python3", "-c", script, dir).CombinedOutput()
	if err != nil {
		t.Fatalf("scipy: %v\n%s", err, out)
	}
	lines := strings.Split(string(out), "\n")
	if len(lines) != 5 || lines[0] != fmt.Sprintf("17 11 %d", a.NNZ()) || lines[2] != "5 3" {
		t.Fatalf("scipy saw\n%s", out)
	}
	if got, want := lines[1], reprs(a.Val); got != want {
		t.Fatalf("scipy read sparse values\n%s\nwant\n%s", got, want)
	}
	if got, want := lines[3], reprs(d.RawMatrix().Data); got != want {
		t.Fatalf("scipy read dense values\n%s\nwant\n%s", got, want)
	}
	// scipy writes 16 significant digits, so its files read back to within
	// a unit in the 16th digit.
	a2 := readFile(t, filepath.Join(dir, "A2.mtx"), ReadMatrixMarket)
	if !slicesEqual(a2.ColInd, a.ColInd) || !slicesEqual(a2.RowPtr, a.RowPtr) || !mat.EqualApprox(dense(a2), dense(a), 1e-15) {
		t.Fatal("sparse matrix changed on its way through scipy")
	}
	if d2 := readFile(t, filepath.Join(dir, "D2.mtx"), ReadDenseMatrixMarket); !mat.EqualApprox(d2, d, 1e-15) {
		t.Fatalf("dense matrix changed on its way through scipy:\n%v", mat.Formatted(d2))
	}
}

func writeFile(t *testing.T, path string, write func(*os.File) error) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := write(f); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func readFile[T any](t *testing.T, path string, read func(r io.Reader) (T, error)) T {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	v, err := read(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return v
}

// reprs formats values as Python's repr does for these values: the shortest
// decimal that reads back exactly, in e-notation below 1e-4 and from 1e16.
func reprs(vals []float64) string {
	s := make([]string, len(vals))
	for i, v := range vals {
		if a := math.Abs(v); a != 0 && (a < 1e-4 || a >= 1e16) {
			s[i] = strconv.FormatFloat(v, 'e', -1, 64)
		} else {
			s[i] = strconv.FormatFloat(v, 'f', -1, 64)
		}
		if !strings.ContainsAny(s[i], ".e") {
			s[i] += ".0"
		}
	}
	return strings.Join(s, " ")
}

// TestReadNonNegative checks that ReadOptions.NonNegative refuses a negative
// value naming the line and the entry as the file numbers them, and that the
// zero options accept it.
func TestReadNonNegative(t *testing.T) {
	nonNeg := ReadOptions{NonNegative: true}
	cases := []struct {
		name, in string
		read     func(ReadOptions, io.Reader) (*CSR, error)
		want     string
	}{
		{"coordinate", "%%MatrixMarket matrix coordinate real general\n2 2 2\n2 2 3\n1 1 -2\n", ReadOptions.ReadMatrixMarket, "matrix market line 4: entry (1, 1) is negative (-2)"},
		{"symmetric", "%%MatrixMarket matrix coordinate integer symmetric\n3 3 1\n% c\n3 2 -1\n", ReadOptions.ReadMatrixMarket, "matrix market line 4: entry (3, 2) is negative (-1)"},
		{"array", "%%MatrixMarket matrix array real general\n2 2\n1\n2\n-0.5\n4\n", ReadOptions.ReadMatrixMarket, "matrix market line 5: entry (1, 2) is negative (-0.5)"},
		{"csv", "a,b,c\n1,2,3\n4,5,-6\n", ReadOptions.ReadDenseCSV, `csv line 3, column 3: entry (2, 3) is negative (-6)`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if _, err := c.read(nonNeg, strings.NewReader(c.in)); err == nil || err.Error() != c.want {
				t.Errorf("error %v, want %q", err, c.want)
			}
			a, err := c.read(ReadOptions{}, strings.NewReader(c.in))
			if err != nil {
				t.Fatalf("zero options: %v", err)
			}
			if err := a.Validate(false); err != nil {
				t.Fatal(err)
			}
			neg := 0
			for _, v := range a.Val {
				if v < 0 {
					neg++
				}
			}
			if neg == 0 {
				t.Error("the negative value was not kept")
			}
		})
	}
}
