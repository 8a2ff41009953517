package sparse

import (
	"bytes"
	"strings"
	"testing"
)

// FuzzReadMatrixMarket checks that no input makes the reader panic, and that
// whatever it accepts is a valid matrix that survives a write and a read.
func FuzzReadMatrixMarket(f *testing.F) {
	for _, s := range []string{
		"%%MatrixMarket matrix coordinate real general\n2 3 2\n1 2 1.5\n2 3 -1\n",
		"%%MatrixMarket matrix coordinate pattern symmetric\n3 3 2\n2 1\n3 3\n",
		"%%MatrixMarket matrix coordinate integer general\n% c\n\n1 1 1\n1 1 7\n",
		"%%MatrixMarket matrix array real general\n2 2\n1\n0\n0\n2.5e-3\n",
		"%%MatrixMarket matrix array integer general\n1 1\n4\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		if _, h, err := readMMHeader(strings.NewReader(in)); err != nil || h.rows > 1000 || h.cols > 1000 {
			return // a huge declared size is a legitimate reason to allocate a lot
		}
		a, err := ReadMatrixMarket(strings.NewReader(in))
		if err != nil {
			return
		}
		if err := a.Validate(false); err != nil {
			t.Fatalf("accepted an invalid matrix: %v", err)
		}
		var buf bytes.Buffer
		if err := WriteMatrixMarket(&buf, a, 0); err != nil {
			t.Fatal(err)
		}
		b, err := ReadMatrixMarket(&buf)
		if err != nil {
			t.Fatalf("cannot read what was written: %v", err)
		}
		if b.Rows != a.Rows || b.Cols != a.Cols || !slicesEqual(b.RowPtr, a.RowPtr) || !slicesEqual(b.ColInd, a.ColInd) || !slicesEqual(b.Val, a.Val) {
			t.Fatal("write and read changed the matrix")
		}
	})
}

// FuzzReadDenseCSV checks that no input makes the CSV reader panic, and that
// whatever it accepts is a valid matrix without stored zeros.
func FuzzReadDenseCSV(f *testing.F) {
	for _, s := range []string{"a,b\n1,2\n0,3\n", "1,0\n-2,4e1\n", " 1 ,\"2\"\r\n3,4", "x\n\n5\n", "\xef\xbb\xbf1,2\n", "1,#N/A\n", ",a\n1,2\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		a, err := ReadDenseCSV(strings.NewReader(in))
		if err != nil {
			return
		}
		if err := a.Validate(false); err != nil {
			t.Fatalf("accepted an invalid matrix: %v", err)
		}
		for _, v := range a.Val {
			if v == 0 {
				t.Fatal("a zero is stored")
			}
		}
	})
}
