package pipeline

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/topicmill/topicmill/corpus"
	"github.com/topicmill/topicmill/tokenize"
	"github.com/topicmill/topicmill/vocab"
)

// bagBatchSize is how many documents go to a tokenizing worker at a time:
// large enough to amortise the channel, small enough to balance the load.
const bagBatchSize = 64

// bagger turns the documents of a source into bags of term ids on several
// tokenizing sessions at once, handing them on in reading order. It is the
// one text → bags step of both a run (ids provisional, sorted later by the
// vocabulary) and assign (ids of a saved vocabulary; unknown words dropped).
type bagger struct {
	sessions []*tokenize.Session // one per worker, sharing one dictionary
	// known, when positive, keeps only ids below it (a saved vocabulary's
	// terms) and sorts each bag; zero keeps every id in first-met order.
	known int
	// keep, when set, picks the documents to bag (a shard); the others are
	// read but not tokenized.
	keep     func(corpus.Document) bool
	progress func(Event)
}

// bagged is a run of consecutive documents turned into bags.
type bagged struct {
	seq   int // position of the batch in reading order
	docs  []DocInfo
	texts []string
	bags  []vocab.Bag
}

// newBagger returns a bagger with one session of analyzer per worker over
// dict; known is as in bagger.
func newBagger(analyzer *tokenize.Analyzer, dict *tokenize.Dictionary, workers, known int, progress func(Event)) *bagger {
	b := &bagger{sessions: make([]*tokenize.Session, workers), known: known, progress: progress}
	for w := range b.sessions {
		b.sessions[w] = analyzer.NewSession(dict)
	}
	return b
}

// bag reads source and calls emit from one goroutine with each batch of
// documents and their bags, in reading order; DocInfo.Tokens and Snippet are
// filled in. An error from emit or from reading stops the stream.
func (b *bagger) bag(ctx context.Context, source string, opts corpus.Options, emit func(docs []DocInfo, bags []vocab.Bag) error) (corpus.Stats, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	workers := len(b.sessions)
	jobs := make(chan *bagged, 2*workers)
	done := make(chan *bagged, 2*workers)
	finished := make(chan struct{})
	for _, s := range b.sessions {
		go func() {
			b.work(s, jobs, done)
			finished <- struct{}{}
		}()
	}
	go func() {
		for range workers {
			<-finished
		}
		close(done)
	}()

	// The merger puts batches back in reading order and emits them.
	emitted := make(chan error, 1)
	go func() {
		var err error
		pending := map[int]*bagged{}
		next := 0
		for bt := range done {
			if err != nil {
				continue // drain, so that the workers can finish
			}
			pending[bt.seq] = bt
			for p, ok := pending[next]; ok; p, ok = pending[next] {
				delete(pending, next)
				next++
				if err = emit(p.docs, p.bags); err != nil {
					cancel()
					break
				}
			}
		}
		emitted <- err
	}()

	pending := &bagged{}
	send := func() {
		if len(pending.docs) > 0 {
			jobs <- pending
			pending = &bagged{seq: pending.seq + 1}
		}
	}
	start := time.Now()
	read := 0
	stats, readErr := corpus.Read(ctx, source, opts, func(d corpus.Document) error {
		if b.keep != nil && !b.keep(d) {
			return nil
		}
		// The strings are cloned: a CSV or JSONL reader's fields are slices
		// of the whole record, which would keep every document's text alive
		// (1.3 GB of a million generated documents).
		pending.docs = append(pending.docs, DocInfo{ID: strings.Clone(d.ID), Path: strings.Clone(d.Path), Label: strings.Clone(d.Label), Date: d.Date})
		pending.texts = append(pending.texts, d.Text)
		if len(pending.docs) == bagBatchSize {
			send()
		}
		read++
		if b.progress != nil && read%1000 == 0 {
			b.progress(Event{Stage: "read", Done: read, Message: fmt.Sprintf("%d documents", read), Elapsed: time.Since(start)})
		}
		return nil
	})
	send()
	close(jobs)
	emitErr := <-emitted
	if emitErr != nil {
		return stats, emitErr
	}
	return stats, readErr
}

// work tokenizes batches on one session until jobs is closed.
func (b *bagger) work(s *tokenize.Session, jobs <-chan *bagged, done chan<- *bagged) {
	var ids []int32
	var counter vocab.Counter
	for bt := range jobs {
		bt.bags = make([]vocab.Bag, len(bt.texts))
		for i, text := range bt.texts {
			ids = s.Terms(text, ids[:0])
			if b.known > 0 {
				kept := ids[:0]
				for _, id := range ids {
					if int(id) < b.known {
						kept = append(kept, id)
					}
				}
				bt.bags[i] = counter.Bag(kept)
				bt.docs[i].Tokens = len(kept)
			} else {
				bt.bags[i] = counter.Unsorted(ids) // sorted once, by final id, when the vocabulary is built
				bt.docs[i].Tokens = len(ids)
			}
			bt.docs[i].Snippet = snippet(text)
		}
		bt.texts = nil
		done <- bt
	}
}

// collectProblems makes opts keep every document skipped or changed on
// reading in the returned list, still telling opts.OnProblem of each.
func collectProblems(opts *corpus.Options) *[]corpus.Problem {
	var problems []corpus.Problem
	tell := opts.OnProblem
	opts.OnProblem = func(p corpus.Problem) {
		problems = append(problems, p)
		if tell != nil {
			tell(p)
		}
	}
	return &problems
}
