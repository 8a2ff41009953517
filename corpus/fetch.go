package corpus

import (
	"errors"
	"sync"

	"github.com/topicmill/topicmill/internal/parallel"
)

// fetched is what a reading goroutine made of one file.
type fetched struct {
	err       error  // the file could not be read
	binary    string // why the file is binary, "" for text
	size      int64  // the file's size
	text      string
	repair    string // what decode repaired, "" for nothing
	truncated bool
}

// readSteps carries out a folder's steps, as they arrive, in order: files
// are read, checked and repaired on Options.Workers goroutines (0:
// GOMAXPROCS) at most a window
// ahead of the reading goroutine, which reports problems and hands
// documents to visit in walk order, so the account and the visits do not
// depend on scheduling.
func (r *run) readSteps(steps <-chan step) error {
	workers := parallel.Workers(r.opts.Workers)
	window := 16 * workers
	slots := make([]chan fetched, window) // file number k's result arrives in slots[k%window]
	for i := range slots {
		slots[i] = make(chan fetched, 1)
	}
	type job struct {
		full string
		k    int
	}
	jobs, free, stop := make(chan job), make(chan struct{}, window), make(chan struct{})
	ordered := make(chan step, window) // the steps again, each file's after its job is handed out
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var buf []byte
			for j := range jobs {
				slots[j.k%window] <- r.fetch(j.full, &buf)
			}
		}()
	}
	go func() { // hands out files while fewer than window wait to be consumed
		defer close(jobs)
		defer close(ordered)
		k := 0
		for s := range steps {
			if s.problem == "" {
				select {
				case free <- struct{}{}:
				case <-stop:
					return
				}
				jobs <- job{s.full, k}
				k++
			}
			select {
			case ordered <- s:
			case <-stop:
				return
			}
		}
	}()
	defer wg.Wait()
	defer close(stop)

	k := 0
	for s := range ordered {
		if s.problem != "" {
			r.problem(s.full, s.problem, s.err)
			continue
		}
		f := <-slots[k%window]
		<-free
		k++
		switch {
		case f.err != nil:
			r.problem(s.full, ReasonUnreadable, f.err)
		case f.binary != "":
			r.problem(s.full, ReasonBinary, errors.New(f.binary))
		case r.oversize(s.full, f.size) >= 0:
			if err := r.finish(s.full, Document{ID: s.id, Path: s.full, Label: s.label, Text: f.text, Date: r.fileDate(s.full, s.id)}, f.repair, f.truncated); err != nil {
				return err
			}
		}
	}
	return nil
}

// fetch reads one file (into *buf, reused from file to file), checks it is
// text (sniff) and returns its text cut at the size limit, decoded and
// repaired; it only reads the run's options, so several goroutines may
// fetch at once.
func (r *run) fetch(name string, buf *[]byte) fetched {
	data, size, err := r.slurp(name, buf)
	if err != nil {
		return fetched{err: err}
	}
	enc, binary := sniff(data)
	if binary != "" {
		return fetched{binary: binary}
	}
	f := fetched{size: size}
	if keep := r.keep(size); keep >= 0 {
		f.truncated = keep < len(data)
		f.text, f.repair = decode(data, keep, enc)
	}
	return f
}

// slurp reads at most MaxBytes+1 bytes of a file into *buf and returns them
// with the file's full size.
func (r *run) slurp(name string, into *[]byte) ([]byte, int64, error) {
	return readAtMost(name, r.opts.MaxBytes+1, into)
}
