package sparse

import "github.com/topicmill/topicmill/internal/parallel"

// Parallel kernels split a matrix into row blocks of about equal cost, where
// a row costs its non-zeros plus one (the write of its output row), so that
// the skewed row lengths of text do not leave one worker with all the work.
// Each output row is computed by exactly one goroutine in a fixed order, so
// results are bit-identical whatever the number of workers.
const (
	// blocksPerWorker makes more blocks than workers, so that a worker slowed
	// by another process on a shared core does not hold up the others.
	blocksPerWorker = 4
)

var (
	// minParallelWork is the number of multiply-adds below which starting
	// goroutines costs more than it saves.
	// It is a variable so that tests can run small matrices in parallel.
	minParallelWork = 1 << 16
)

// workerCount returns how many goroutines a kernel doing work multiply-adds
// over a should use: workers ≤ 0 means GOMAXPROCS, and small jobs run serially.
func workerCount(a *CSR, work, workers int) int {
	workers = parallel.Workers(workers)
	if work < minParallelWork || a.Rows < 2 {
		return 1
	}
	return min(workers, a.Rows)
}

// blockStart returns the first row of block c of n: the smallest row i whose
// cumulative cost RowPtr[i]+i reaches c/n of the total.
func blockStart(a *CSR, n, c int) int {
	if c >= n {
		return a.Rows
	}
	target := (len(a.Val) + a.Rows) * c / n
	lo, hi := 0, a.Rows
	for lo < hi {
		mid := int(uint(lo+hi) >> 1)
		if a.RowPtr[mid]+mid < target {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	return lo
}

// forRowBlocks calls body on cost-balanced blocks of rows of a, using w
// goroutines (the caller's included) that take blocks in turn.
func forRowBlocks(a *CSR, w int, body func(lo, hi int)) {
	n := min(w*blocksPerWorker, a.Rows)
	parallel.Blocks(n, 1, w, func(_, c, _, _ int) {
		body(blockStart(a, n, c), blockStart(a, n, c+1))
	})
}
