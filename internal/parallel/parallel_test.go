package parallel

import (
	"errors"
	"runtime"
	"sync/atomic"
	"testing"
)

func TestWorkers(t *testing.T) {
	if got := Workers(3); got != 3 {
		t.Errorf("Workers(3) = %d", got)
	}
	for _, n := range []int{0, -3} {
		if got := Workers(n); got != runtime.GOMAXPROCS(0) {
			t.Errorf("Workers(%d) = %d, want GOMAXPROCS %d", n, got, runtime.GOMAXPROCS(0))
		}
	}
}

// TestPartsCoverOnce checks that the runs cover [0, n) once each, in order.
func TestPartsCoverOnce(t *testing.T) {
	for _, c := range []struct{ n, parts int }{{10, 3}, {0, 2}, {5, 1}, {7, 7}, {3, 5}} {
		seen := make([]int32, c.n)
		lows := make([]int, max(c.parts, 1))
		Parts(c.n, c.parts, func(p, lo, hi int) {
			lows[p] = lo
			for i := lo; i < hi; i++ {
				atomic.AddInt32(&seen[i], 1)
			}
		})
		for i, s := range seen {
			if s != 1 {
				t.Errorf("n=%d parts=%d: element %d visited %d times", c.n, c.parts, i, s)
			}
		}
		for p := 1; p < len(lows); p++ {
			if lows[p] < lows[p-1] {
				t.Errorf("n=%d parts=%d: part %d starts at %d before part %d at %d", c.n, c.parts, p, lows[p], p-1, lows[p-1])
			}
		}
	}
}

// TestBlocksFixedPartition checks that the blocks are the same for any
// number of workers and that w stays below workers.
func TestBlocksFixedPartition(t *testing.T) {
	const n, size = 1000, 64
	want := [][2]int{}
	Blocks(n, size, 1, func(_, b, lo, hi int) { want = append(want, [2]int{lo, hi}) })
	if len(want) != 16 || want[15] != [2]int{960, 1000} {
		t.Fatalf("serial blocks = %v", want)
	}
	for _, workers := range []int{2, 3, 8, 100} {
		got := make([][2]int, len(want))
		var bad atomic.Bool
		Blocks(n, size, workers, func(w, b, lo, hi int) {
			if w < 0 || w >= workers {
				bad.Store(true)
			}
			got[b] = [2]int{lo, hi}
		})
		if bad.Load() {
			t.Errorf("workers=%d: a goroutine index out of range", workers)
		}
		for b := range want {
			if got[b] != want[b] {
				t.Errorf("workers=%d: block %d = %v, want %v", workers, b, got[b], want[b])
			}
		}
	}
}

func TestDoFirstErrorInArgumentOrder(t *testing.T) {
	first, second := errors.New("first"), errors.New("second")
	ran := atomic.Int32{}
	err := Do(
		func() error { ran.Add(1); return nil },
		func() error { ran.Add(1); return first },
		func() error { ran.Add(1); return second },
	)
	if err != first || ran.Load() != 3 {
		t.Errorf("Do = %v after %d tasks, want %v after 3", err, ran.Load(), first)
	}
	if err := Do(); err != nil {
		t.Errorf("Do() = %v", err)
	}
}
