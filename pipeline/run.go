package pipeline

import (
	"context"
	"errors"
	"fmt"
	"time"

	"gonum.org/v1/gonum/mat"

	"github.com/topicmill/topicmill/cluster"
	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/internal/parallel"
	"github.com/topicmill/topicmill/report"
)

// Result is everything a run computed; Report is what the writers render.
type Result struct {
	Vectorized  *Vectorized
	Fit         *factor.Result
	Assignments []cluster.Assignment
	Report      *report.Run
	Model       *Model
	Seeds       []SeedTopic // what the seed words became; nil without Config.Seeds
	// Warnings are what a user should know about the fit, in words (say,
	// topics that came out the same).
	Warnings []string
}

// Run reads, vectorizes and factors the corpus, assigns every document to
// a topic, scores the topics against the labels when there are any, and
// returns the result; Write puts it on disk. It is Vectorize, Fit and
// Summarize in turn.
func Run(ctx context.Context, cfg Config) (*Result, error) {
	cfg = cfg.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	started := time.Now()
	vec, err := vectorize(ctx, cfg, true)
	if err != nil {
		return nil, err
	}
	nmf := cfg.NMF
	anchor, seeds, err := seedAnchor(cfg, vec, nmf.K)
	if err != nil {
		return nil, err
	}
	nmf.Anchor = anchor
	fit, err := Fit(ctx, vec, nmf, cfg.Progress)
	if err != nil {
		return nil, err
	}
	if vec.Columns != nil {
		assignStart := time.Now()
		if fit.H, err = assignAll(ctx, vec, fit, cfg.NMF, cfg.Workers, cfg.Progress); err != nil {
			return nil, err
		}
		vec.Timings = append(vec.Timings, Timing{"assigning the documents outside the sample", time.Since(assignStart)})
	}
	res := Summarize(cfg, vec, fit)
	res.Report.Started = started
	res.Seeds = seeds
	return res, nil
}

// sampleAssignSweeps bounds the coordinate sweeps each document outside a
// fitted sample gets (from the multiplicative start; the fit itself updates
// a document once per iteration): on a million generated documents 5
// sweeps give the same NMI as sweeping to convergence (0.9079 against
// 0.9078) in 29.8 s instead of 40.1 s.
const sampleAssignSweeps = 5

// assignAll solves H (k × documents) for every document of a run fitted on
// a sample, with W fixed, a batch of AssignBatchSize documents at a time
// (the assign path, so that the whole matrix X is never built), then gives
// the sample's documents back the columns the fit gave them. The packed
// bags are released when done; progress, when set, hears of each batch.
func assignAll(ctx context.Context, vec *Vectorized, fit *factor.Result, nmf factor.NMF, workers int, progress func(Event)) (*mat.Dense, error) {
	start := time.Now()
	W := fit.W
	_, k := W.Dims()
	n := vec.packed.Len()
	H := mat.NewDense(k, n, nil)
	solver := withSolverDefaults(factor.NMF{Loss: nmf.Loss, L1H: nmf.L1H, L2H: nmf.L2H, MaxIter: sampleAssignSweeps, Tol: nmf.Tol}, workers)
	solver.K = k
	for lo := 0; lo < n; lo += AssignBatchSize {
		hi := min(n, lo+AssignBatchSize)
		h, err := solver.Transform(ctx, W, vec.Weights.Matrix(vec.packed.Unpack(lo, hi), workers))
		if err != nil {
			return nil, err
		}
		H.Slice(0, k, lo, hi).(*mat.Dense).Copy(h)
		if progress != nil {
			progress(Event{Stage: "assign", Done: hi, Total: n, Message: fmt.Sprintf("%d of %d documents", hi, n), Elapsed: time.Since(start)})
		}
	}
	// The sample's own documents keep the columns the fit gave them.
	for c, j := range vec.Columns {
		for t := range k {
			H.Set(t, j, fit.H.At(t, c))
		}
	}
	vec.packed = nil
	return H, nil
}

// Fit factors a vectorized corpus with the given solver settings (zero
// fields take a topic run's defaults: DefaultK, DefaultLoss): the step a k
// sweep or a refit repeats on one matrix. Progress, when set, hears of each
// iteration.
func Fit(ctx context.Context, vec *Vectorized, nmf factor.NMF, progress func(Event)) (*factor.Result, error) {
	nmf = withSolverDefaults(nmf, 0)
	if err := validateSolver(nmf); err != nil {
		return nil, err
	}
	if progress != nil {
		resolved, _ := nmf.WithDefaults()
		nmf.Progress = func(it factor.Iteration) {
			progress(Event{Stage: "factor", Done: it.N, Total: resolved.MaxIter, Message: fmt.Sprintf("objective %.6g", it.Objective), Elapsed: it.Elapsed})
		}
	}
	fit, err := nmf.Fit(ctx, vec.X)
	if errors.Is(err, factor.ErrShape) {
		return nil, fmt.Errorf("%s: %w: %w", vec.Source, err, ErrInvalid)
	}
	if err != nil {
		return nil, fmt.Errorf("factor %s: %w", vec.Source, err)
	}
	return fit, nil
}

// Summarize assigns every document of a fit to its topic, scores the topics
// against the labels when there are any, measures their coherence and
// builds the report's view of the run and the saved model. cfg gives the
// report's settings (TopTerms, Representatives) and the parameters shown;
// k is the fit's own. Without vec.X (a run reduced from its saved outputs)
// the coherence is NaN.
func Summarize(cfg Config, vec *Vectorized, fit *factor.Result) *Result {
	cfg = cfg.WithDefaults()
	start := time.Now()
	assignments := cluster.Assign(fit.W, fit.H, parallel.Workers(cfg.Workers))
	run := summarize(cfg, vec, fit, assignments)
	if bins, _ := parseTimeBins(cfg.TimeBins); bins.set() && vec.X != nil {
		run.OverTime = topicsOverTime(bins, fit.W, vec.X, vec.docColumns(), vec.Docs, assignments, vec.Vocab, cfg.TopTerms)
	}
	run.Started = start
	timings := append(vec.Timings, Timing{"factorization", fitDuration(fit)}, Timing{"clustering and scores", time.Since(start)})
	for _, t := range timings {
		run.Timings = append(run.Timings, report.Timing{Stage: t.Stage, Duration: t.Duration})
	}
	return &Result{
		Vectorized:  vec,
		Fit:         fit,
		Assignments: assignments,
		Report:      run,
		Model:       newModel(cfg, vec, fit, run),
		Warnings:    topicWarnings(run.Similarity),
	}
}

// fitDuration is the wall time of a fit, from its trace.
func fitDuration(fit *factor.Result) time.Duration {
	if n := len(fit.Trace); n > 0 {
		return fit.Trace[n-1].Elapsed
	}
	return 0
}
