package sparse

import (
	"bytes"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"
)

// TestWriteMatrixMarketChunks writes matrices spanning many formatting
// chunks on 1, 2 and 4 goroutines (and GOMAXPROCS) and compares with a line-by-line reference.
func TestWriteMatrixMarketChunks(t *testing.T) {
	for _, tc := range []struct {
		name       string
		rows, cols int
		perRow     int
	}{
		{"empty", 0, 0, 0},
		{"one row wider than a chunk", 1, 3*mmChunkEntries + 7, 3*mmChunkEntries + 7},
		{"many chunks", 5000, 400, 60},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(1, 2))
			a := &CSR{Rows: tc.rows, Cols: tc.cols, RowPtr: make([]int, tc.rows+1)}
			var want bytes.Buffer
			for i := range tc.rows {
				for j := 0; j < tc.cols; j += 1 + (tc.cols-1)/max(tc.perRow, 1) {
					v := rng.Float64() / 3
					a.ColInd = append(a.ColInd, int32(j))
					a.Val = append(a.Val, v)
					fmt.Fprintf(&want, "%d %d %s\n", i+1, j+1, strconv.FormatFloat(v, 'g', -1, 64))
				}
				a.RowPtr[i+1] = len(a.Val)
			}
			head := fmt.Sprintf("%%%%MatrixMarket matrix coordinate real general\n%% written by topicmill\n%d %d %d\n", tc.rows, tc.cols, len(a.Val))
			for _, workers := range []int{0, 1, 2, 4} {
				var got bytes.Buffer
				if err := WriteMatrixMarket(&got, a, workers); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), append([]byte(head), want.Bytes()...)) {
					t.Fatalf("workers %d: output differs from the reference (%d vs %d bytes)", workers, got.Len(), len(head)+want.Len())
				}
			}
		})
	}
}

// failAfter accepts n bytes, then fails every write.
type failAfter struct{ n int }

var errFull = errors.New("disk full")

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		return 0, errFull
	}
	f.n -= len(p)
	return len(p), nil
}

// TestWriteMatrixMarketError checks that a failing writer ends the parallel
// write with its error (and without leaving goroutines blocked).
func TestWriteMatrixMarketError(t *testing.T) {
	a := &CSR{Rows: 2000, Cols: 500, RowPtr: make([]int, 2001)}
	for i := range a.Rows {
		for j := 0; j < a.Cols; j += 5 {
			a.ColInd = append(a.ColInd, int32(j))
			a.Val = append(a.Val, 0.25)
		}
		a.RowPtr[i+1] = len(a.Val)
	}
	if err := WriteMatrixMarket(&failAfter{n: 1 << 20}, a, 4); !errors.Is(err, errFull) {
		t.Fatalf("err = %v, want %v", err, errFull)
	}
}
