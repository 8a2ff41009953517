package sparse

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"sync"

	"github.com/topicmill/topicmill/internal/parallel"
)

// mmChunkEntries is about how many entries one goroutine formats at a time:
// about half a MB of text, so that the chunks in flight stay small next to
// X and their buffers (two per goroutine) cost few page faults to grow.
const mmChunkEntries = 1 << 14

// WriteMatrixMarket writes a as a MatrixMarket real general coordinate
// matrix, row by row with 1-based indices and values that read back exactly.
// Formatting is the costly part, so chunks of rows are formatted on up to
// workers goroutines (≤ 0 means GOMAXPROCS) and written in row order: the
// bytes are the same whatever the number of goroutines.
func WriteMatrixMarket(w io.Writer, a *CSR, workers int) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	fmt.Fprintf(bw, "%%%%MatrixMarket matrix coordinate real general\n%% written by topicmill\n%d %d %d\n", a.Rows, a.Cols, a.NNZ())
	starts := mmChunks(a)
	chunks := len(starts) - 1
	cols := newMMLabels(a.Cols)
	workers = min(parallel.Workers(workers), chunks)
	if workers <= 1 {
		var buf []byte
		for c := range chunks {
			buf = appendMMRows(buf[:0], a, cols, starts[c], starts[c+1])
			if _, err := bw.Write(buf); err != nil {
				return fmt.Errorf("write matrix market: %w", err)
			}
		}
		return flushMM(bw)
	}

	// Chunk c is formatted by worker c%workers into one of that worker's
	// two buffers and handed over on ready[c]; free[k] gives worker k its
	// buffer back once written. A worker waits only for buffers of its own
	// earlier chunks, which the writer reaches first, so this cannot
	// deadlock, and at most 2·workers chunks are in memory at once.
	ready := make([]chan []byte, chunks)
	for c := range ready {
		ready[c] = make(chan []byte, 1)
	}
	free := make([]chan []byte, workers)
	for k := range free {
		free[k] = make(chan []byte, 2)
		free[k] <- nil
		free[k] <- nil
	}
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for k := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := k; c < chunks; c += workers {
				var buf []byte
				select {
				case buf = <-free[k]:
				case <-stop:
					return
				}
				ready[c] <- appendMMRows(buf[:0], a, cols, starts[c], starts[c+1])
			}
		}()
	}
	var err error
	for c := range chunks {
		buf := <-ready[c]
		if _, err = bw.Write(buf); err != nil {
			err = fmt.Errorf("write matrix market: %w", err)
			break
		}
		free[c%workers] <- buf
	}
	close(stop)
	wg.Wait()
	if err != nil {
		return err
	}
	return flushMM(bw)
}

// mmChunks cuts a's rows into runs of about mmChunkEntries entries and
// returns their first rows followed by a.Rows.
func mmChunks(a *CSR) []int {
	starts := []int{0}
	for i := range a.Rows {
		if a.RowPtr[i+1]-a.RowPtr[starts[len(starts)-1]] >= mmChunkEntries {
			starts = append(starts, i+1)
		}
	}
	if starts[len(starts)-1] != a.Rows {
		starts = append(starts, a.Rows)
	}
	return starts
}

// mmLabels holds the text "j+1 " of every index j, back to back, so that an
// index repeated on many lines (a column) is formatted once, not per entry.
type mmLabels struct {
	text []byte
	ends []int // label j is text[ends[j-1]:ends[j]] (from 0 for j = 0)
}

// newMMLabels formats the labels of indices 0…n-1.
func newMMLabels(n int) mmLabels {
	l := mmLabels{ends: make([]int, n)}
	for j := range n {
		l.text = strconv.AppendInt(l.text, int64(j)+1, 10)
		l.text = append(l.text, ' ')
		l.ends[j] = len(l.text)
	}
	return l
}

// label returns the text of index j.
func (l mmLabels) label(j int32) []byte {
	start := 0
	if j > 0 {
		start = l.ends[j-1]
	}
	return l.text[start:l.ends[j]]
}

// appendMMRows appends the entry lines of rows [lo, hi) of a to buf; cols
// holds the labels of a's columns. Each row's index is formatted once.
func appendMMRows(buf []byte, a *CSR, cols mmLabels, lo, hi int) []byte {
	var row [24]byte
	for i := lo; i < hi; i++ {
		rowText := append(strconv.AppendInt(row[:0], int64(i+1), 10), ' ')
		cs, vals := a.Row(i)
		for p, c := range cs {
			buf = append(buf, rowText...)
			buf = append(buf, cols.label(c)...)
			buf = strconv.AppendFloat(buf, vals[p], 'g', -1, 64)
			buf = append(buf, '\n')
		}
	}
	return buf
}

// flushMM flushes the writer, wrapping its error.
func flushMM(bw *bufio.Writer) error {
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write matrix market: %w", err)
	}
	return nil
}
