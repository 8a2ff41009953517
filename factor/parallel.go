package factor

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// blockRows is the fixed partition of rows into blocks: reductions sum one
// partial per block in block order, so results never depend on the number of
// workers.
const blockRows = 256

func workerCount(w int) int {
	if w <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return w
}

// numBlocks is the number of fixed blocks covering n rows.
func numBlocks(n int) int { return (n + blockRows - 1) / blockRows }

// forBlocks calls fn(b, lo, hi) for every block b of rows [lo, hi) of n rows,
// on up to workers goroutines; blocks are handed out dynamically, so fn must
// only write state owned by its block.
func forBlocks(n, workers int, fn func(b, lo, hi int)) {
	forBlocksW(n, workers, func(_, b, lo, hi int) { fn(b, lo, hi) })
}

// forBlocksW is forBlocks that also passes the index (below workers) of the
// goroutine running the block, for scratch space owned by one goroutine.
func forBlocksW(n, workers int, fn func(w, b, lo, hi int)) {
	nb := numBlocks(n)
	if workers > nb {
		workers = nb
	}
	if workers <= 1 {
		for b := 0; b < nb; b++ {
			fn(0, b, b*blockRows, min(n, (b+1)*blockRows))
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for {
				b := int(next.Add(1) - 1)
				if b >= nb {
					return
				}
				fn(w, b, b*blockRows, min(n, (b+1)*blockRows))
			}
		}(w)
	}
	wg.Wait()
}
