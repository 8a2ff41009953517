// Package parallel runs loops on a bounded pool of goroutines with a fixed
// partition of the work, so that every parallel stage honours one workers
// setting and gives results that do not depend on it.
package parallel

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Workers returns the number of goroutines a setting asks for: n itself when
// positive, else GOMAXPROCS. It is the one meaning of every Workers field and
// of the --workers flag.
func Workers(n int) int {
	if n > 0 {
		return n
	}
	return runtime.GOMAXPROCS(0)
}

// Parts cuts [0, n) into parts contiguous runs of about equal length and
// calls fn(p, lo, hi) for each on its own goroutine, the caller's running
// the last; it returns when all are done. Parts ≤ 1 runs fn once, serially.
func Parts(n, parts int, fn func(p, lo, hi int)) {
	if parts <= 1 {
		fn(0, 0, n)
		return
	}
	var wg sync.WaitGroup
	for p := range parts - 1 {
		wg.Go(func() { fn(p, n*p/parts, n*(p+1)/parts) })
	}
	fn(parts-1, n*(parts-1)/parts, n)
	wg.Wait()
}

// Blocks cuts [0, n) into fixed blocks of size elements (the last may be
// shorter) and calls fn(w, b, lo, hi) for block b = [lo, hi) on up to workers
// goroutines that take blocks in turn; w < workers names the goroutine, for
// scratch space that one goroutine owns. The blocks do not depend on
// workers, so a reduction that keeps one partial per block and sums them in
// block order gives the same bits for any number of workers.
func Blocks(n, size, workers int, fn func(w, b, lo, hi int)) {
	nb := (n + size - 1) / size
	workers = min(workers, nb)
	if workers <= 1 {
		for b := range nb {
			fn(0, b, b*size, min(n, (b+1)*size))
		}
		return
	}
	var next atomic.Int64
	run := func(w int) {
		for b := int(next.Add(1) - 1); b < nb; b = int(next.Add(1) - 1) {
			fn(w, b, b*size, min(n, (b+1)*size))
		}
	}
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Go(func() { run(w) })
	}
	run(0)
	wg.Wait()
}

// Do runs every task on its own goroutine and returns the first error in
// argument order, so that the error reported does not depend on scheduling.
func Do(tasks ...func() error) error {
	errs := make([]error, len(tasks))
	var wg sync.WaitGroup
	for i, task := range tasks {
		wg.Go(func() { errs[i] = task() })
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}
