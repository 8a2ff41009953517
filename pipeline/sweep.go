package pipeline

import (
	"context"
	"fmt"
	"io"
	"math"
	"slices"
	"time"

	"github.com/topicmill/topicmill/cluster"
	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/internal/parallel"
	"github.com/topicmill/topicmill/report"
)

// Output file names of a k sweep.
const (
	SweepFile       = "sweep.parquet"
	SweepReportFile = "sweep.html"
)

// The defaults of a sweep, used where an option is zero.
const (
	// DefaultSweepSeeds is the number of fits per k of a corpus sweep:
	// three fits give three pairs to measure stability on, at three times
	// the cost of a single fit.
	DefaultSweepSeeds = 3
	// DefaultConsensusRuns is the number of random starts per k of a matrix
	// sweep. Brunet et al. found the consensus settled after 20 to 100; a
	// gene-expression table of a few hundred samples fits in well under a
	// second, so 20 is cheap.
	DefaultConsensusRuns = 20
)

// SweepOptions say which corpus to sweep, at which ks and how often.
type SweepOptions struct {
	// Config is the corpus, how it is vectorized and the solver settings of
	// every fit (its NMF.K is not used).
	Config Config
	// Ks are the ks to fit, each at least 1; they are sorted and
	// deduplicated.
	Ks []int
	// Seeds is the number of fits per k (0 means DefaultSweepSeeds). The
	// first is the fit `topicmill run --k` makes (Config.NMF as given); the
	// others start from random factors seeded Config.NMF.Seed+1, +2, …, so
	// that stability measures how much the topics depend on the start.
	Seeds int
}

// MatrixSweepOptions say which matrix to sweep, at which ks and how often.
type MatrixSweepOptions struct {
	Matrix string     // as FactorOptions.Matrix: MatrixMarket, or CSV when the name ends in .csv
	NMF    factor.NMF // the solver settings of every fit (K and Init are not used; Loss defaults to Frobenius)
	Ks     []int      // the ks to fit, each at least 1; sorted and deduplicated
	// Seeds is the number of fits per k (0 means DefaultConsensusRuns),
	// each from random factors seeded NMF.Seed, NMF.Seed+1, …: the
	// restarts whose consensus is measured.
	Seeds    int
	Progress func(Event) // when set, hears of every iteration of every fit
}

// SweepResult is a finished sweep: what the writers render and, for a
// corpus, the matrix it was vectorized into.
type SweepResult struct {
	Report     *report.Sweep
	Vectorized *Vectorized // nil for a matrix sweep
}

// Sweep vectorizes a corpus once and fits it at every k of opts.Ks,
// opts.Seeds times each. Per k it measures the objective, the mean NPMI
// coherence of the topics, their stability (the mean ARI between the
// assignments of every pair of the seeds' fits), the cophenetic
// correlation of the seeds' consensus (corpora of at most
// cluster.MaxConsensusItems documents), and NMI and ARI against the labels
// when there are any; it then recommends a k (see recommendCorpus).
func Sweep(ctx context.Context, opts SweepOptions) (*SweepResult, error) {
	cfg := opts.Config.WithDefaults()
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	ks, seeds, err := sweepPlan(opts.Ks, opts.Seeds, DefaultSweepSeeds)
	if err != nil {
		return nil, err
	}
	vec, err := Vectorize(ctx, cfg)
	if err != nil {
		return nil, err
	}
	labels := make([]string, len(vec.Docs))
	labeled := false
	for j, d := range vec.Docs {
		labels[j] = d.Label
		labeled = labeled || d.Label != ""
	}
	measure := func(p *report.SweepPoint, fit *factor.Result, topics []int) {
		wn, _ := cluster.Normalize(fit.W, fit.H)
		top, _ := cluster.TopTerms(wn, cfg.TopTerms)
		p.Coherence, p.CoherenceSE = meanSE(topicCoherence(vec, top))
		if labeled {
			if s, err := cluster.Score(labels, topics); err == nil {
				p.NMI, p.ARI = s.NMI, s.ARI
			}
		}
	}
	points, fitting, err := sweepFits(ctx, vec, cfg.NMF, ks, seeds, false, cfg.Progress, measure)
	if err != nil {
		return nil, err
	}
	rep := &report.Sweep{
		Version: Version, Source: cfg.Source,
		Rows: vec.X.Rows, Cols: vec.X.Cols,
		Seeds: seeds, Labeled: labeled,
		Parameters: sweepParameters(cfg.Parameters(), ks, seeds),
		Points:     points,
	}
	for _, t := range append(vec.Timings, Timing{"fits", fitting}) {
		rep.Timings = append(rep.Timings, report.Timing{Stage: t.Stage, Duration: t.Duration})
	}
	rep.Recommended, rep.Rule, rep.Reason = recommendCorpus(points)
	return &SweepResult{Report: rep, Vectorized: vec}, nil
}

// SweepMatrix reads a non-negative matrix once and fits it at every k of
// opts.Ks from opts.Seeds random starts each, the way gene-expression
// users choose k (Brunet et al. 2004): per k, the consensus of the runs'
// column assignments and its cophenetic correlation, the stability (mean
// ARI between runs) and the least objective. It then recommends a k (see
// recommendMatrix). The matrix may have at most cluster.MaxConsensusItems
// columns.
func SweepMatrix(ctx context.Context, opts MatrixSweepOptions) (*SweepResult, error) {
	nmf := opts.NMF
	if nmf.Loss == "" {
		nmf.Loss = factor.Frobenius
	}
	nmf.K = 1 // checked per k below
	if err := validateSolver(nmf); err != nil {
		return nil, err
	}
	ks, seeds, err := sweepPlan(opts.Ks, opts.Seeds, DefaultConsensusRuns)
	if err != nil {
		return nil, err
	}
	if seeds < 2 {
		return nil, invalid(fmt.Errorf("a matrix sweep needs at least 2 seeds for a consensus, got %d", seeds))
	}
	start := time.Now()
	x, err := ReadMatrix(opts.Matrix)
	if err != nil {
		return nil, err
	}
	if x.Cols > cluster.MaxConsensusItems {
		return nil, invalid(fmt.Errorf("%s has %d columns: a consensus takes at most %d", opts.Matrix, x.Cols, cluster.MaxConsensusItems))
	}
	read := time.Since(start)
	points, fitting, err := sweepFits(ctx, &Vectorized{Source: opts.Matrix, X: x}, nmf, ks, seeds, true, opts.Progress, nil)
	if err != nil {
		return nil, err
	}
	settled, _ := nmf.WithDefaults()
	params := map[string]string{
		"source": opts.Matrix, "loss": string(settled.Loss), "init": string(factor.Random),
		"seed": fmt.Sprint(settled.Seed), "max-iter": fmt.Sprint(settled.MaxIter), "tol": fmt.Sprint(settled.Tol),
	}
	rep := &report.Sweep{
		Version: Version, Source: opts.Matrix, Matrix: true,
		Rows: x.Rows, Cols: x.Cols, Seeds: seeds,
		Parameters: sweepParameters(params, ks, seeds),
		Points:     points,
		Timings:    []report.Timing{{Stage: "read", Duration: read}, {Stage: "fits", Duration: fitting}},
	}
	rep.Recommended, rep.Rule, rep.Reason = recommendMatrix(points)
	return &SweepResult{Report: rep}, nil
}

// sweepPlan checks the ks and the seeds and returns the ks sorted without
// repeats and the seeds with the default filled in.
func sweepPlan(ks []int, seeds, defaultSeeds int) ([]int, int, error) {
	if len(ks) == 0 {
		return nil, 0, invalid(fmt.Errorf("no k to sweep"))
	}
	for _, k := range ks {
		if k < 1 {
			return nil, 0, invalid(fmt.Errorf("k must be at least 1, got %d", k))
		}
	}
	if seeds < 0 {
		return nil, 0, invalid(fmt.Errorf("seeds %d: want ≥ 1 (0: %d)", seeds, defaultSeeds))
	}
	if seeds == 0 {
		seeds = defaultSeeds
	}
	ks = slices.Clone(ks)
	slices.Sort(ks)
	return slices.Compact(ks), seeds, nil
}

// sweepParameters adds the sweep's own settings to a run's parameters
// (replacing the single k).
func sweepParameters(params map[string]string, ks []int, seeds int) map[string]string {
	params["k"] = fmt.Sprint(ks)
	params["seeds"] = fmt.Sprint(seeds)
	return params
}

// sweepFits fits vec.X at each k, seeds times, and measures each k: the
// objective, the stability, the consensus's cophenetic correlation (when
// there are at most cluster.MaxConsensusItems columns) and the mean
// iterations and seconds of a fit. With randomFirst every fit starts from
// random factors seeded base.Seed, base.Seed+1, …; otherwise the first fit
// uses base as given, and its objective is the point's, and measure (when
// set) records more of it. Without randomFirst, the objective is the
// first fit's; with it, the least of the fits'.
func sweepFits(ctx context.Context, vec *Vectorized, base factor.NMF, ks []int, seeds int, randomFirst bool, progress func(Event), measure func(*report.SweepPoint, *factor.Result, []int)) ([]report.SweepPoint, time.Duration, error) {
	start := time.Now()
	points := make([]report.SweepPoint, 0, len(ks))
	nan := math.NaN()
	for _, k := range ks {
		p := report.SweepPoint{K: k, Objective: math.Inf(1), Coherence: nan, CoherenceSE: nan, Stability: nan, Cophenetic: nan, NMI: nan, ARI: nan}
		var consensus *cluster.Consensus
		if seeds > 1 && vec.X.Cols <= cluster.MaxConsensusItems {
			consensus, _ = cluster.NewConsensus(vec.X.Cols)
		}
		runs := make([][]int, 0, seeds)
		for s := 0; s < seeds; s++ {
			nmf := base
			nmf.K = k
			if randomFirst || s > 0 {
				nmf.Init, nmf.Seed = factor.Random, base.Seed+uint64(s)
			}
			var tell func(Event)
			if progress != nil {
				tell = func(e Event) {
					e.Stage, e.Message = "sweep", fmt.Sprintf("k = %d, fit %d of %d: %s", k, s+1, seeds, e.Message)
					progress(e)
				}
			}
			fit, err := Fit(ctx, vec, nmf, tell)
			if err != nil {
				return nil, 0, fmt.Errorf("k = %d: %w", k, err)
			}
			topics := cluster.Topics(cluster.Assign(fit.W, fit.H, nmf.Workers))
			runs = append(runs, topics)
			if consensus != nil {
				consensus.Add(topics)
			}
			if s == 0 && !randomFirst {
				p.Objective = fit.Objective
				if measure != nil {
					measure(&p, fit, topics)
				}
			} else if randomFirst {
				p.Objective = min(p.Objective, fit.Objective)
			}
			p.Iterations += float64(fit.Iterations) / float64(seeds)
			p.Seconds += fitDuration(fit).Seconds() / float64(seeds)
		}
		p.Stability = meanAgreement(runs)
		if consensus != nil {
			p.Cophenetic = consensus.Cophenetic()
		}
		points = append(points, p)
	}
	return points, time.Since(start), nil
}

// meanSE returns the mean of xs and its standard error, the sample
// standard deviation over √n (NaN for fewer than two values).
func meanSE(xs []float64) (float64, float64) {
	m := mean(xs)
	if len(xs) < 2 {
		return m, math.NaN()
	}
	ss := 0.0
	for _, x := range xs {
		ss += (x - m) * (x - m)
	}
	n := float64(len(xs))
	return m, math.Sqrt(ss/(n-1)) / math.Sqrt(n)
}

// meanAgreement is the mean ARI over every pair of clusterings (NaN for
// fewer than two).
func meanAgreement(runs [][]int) float64 {
	sum, pairs := 0.0, 0
	for a := range runs {
		for b := a + 1; b < len(runs); b++ {
			v, _ := cluster.Agreement(runs[a], runs[b]) // same length: columns of one matrix
			sum += v
			pairs++
		}
	}
	if pairs == 0 {
		return math.NaN()
	}
	return sum / float64(pairs)
}

// The rules by which a sweep recommends k, as the reports state them.
const (
	RuleCoherence = "the smallest k whose mean NPMI coherence is within one standard error of the highest (the one-standard-error rule)"
	RuleStability = "the k before the largest fall of the restarts' agreement (stability, mean pairwise ARI) from one k to the next (Ben-Hur et al. 2002)"
)

// recommendCorpus recommends the smallest k whose mean coherence is within
// one standard error of the highest mean coherence: Breiman's
// one-standard-error rule (Breiman et al. 1984; Hastie, Tibshirani &
// Friedman §7.10), the most parsimonious model that the best one does not
// beat by more than its own uncertainty. Coherence rises while topics
// split mixed subjects apart and levels off (or falls) once they split
// real ones: on testdata/demo (6 subjects) it is 0.661 ± 0.012 at k = 6
// and at most 0.670 (k = 7) beyond, so the rule picks 6; on 20news-bydate
// (20 groups) it is 0.151, 0.220, 0.278 ± 0.032, 0.275 at k = 5, 10, 20, 40 and the
// rule picks 20. It needs one fit per k. Stability is shown but not used:
// over random restarts it is noisy (on the demo, 0.835 at k = 6 against
// 0.880 at k = 8 with five seeds), and the objective always falls with k,
// its knee depending on the range swept.
func recommendCorpus(points []report.SweepPoint) (int, string, string) {
	if len(points) == 1 {
		return points[0].K, RuleCoherence, fmt.Sprintf("only k = %d was tried", points[0].K)
	}
	best := 0
	for i, p := range points {
		if p.Coherence > points[best].Coherence {
			best = i
		}
	}
	b := points[best]
	se := b.CoherenceSE
	if math.IsNaN(se) {
		se = 0
	}
	floor := b.Coherence - se
	for _, p := range points[:best] {
		if p.Coherence >= floor {
			return p.K, RuleCoherence, fmt.Sprintf("k = %d has the highest coherence, %.3f ± %.3f; k = %d is the smallest within one standard error of it (%.3f ≥ %.3f)",
				b.K, b.Coherence, se, p.K, p.Coherence, floor)
		}
	}
	why := fmt.Sprintf("k = %d has the highest coherence, %.3f ± %.3f, and no smaller k comes within one standard error of it", b.K, b.Coherence, se)
	if best > 0 {
		why += fmt.Sprintf(" (k = %d: %.3f)", points[best-1].K, points[best-1].Coherence)
	}
	if best == len(points)-1 {
		why += "; it is the largest k tried: try larger ones"
	}
	return b.K, RuleCoherence, why
}

// recommendMatrix recommends the k before the largest fall, from one k to
// the next, of the restarts' agreement (stability: the mean ARI between
// the column assignments of every pair of random restarts), the
// stability criterion of Ben-Hur, Elisseeff & Guyon (2002): past the k the
// data hold, restarts split a class each their own way. Brunet et al.
// (2004) read the same restarts through the cophenetic correlation ρ of
// their consensus, which the report gives beside it; but ρ saturates: on
// planted blocks (4 classes of 10 to 25 samples, log-normal noise) it
// stays at or above 0.998 for every k ≥ 3, since an extra factor splits a
// class the same way in most restarts and a tree reproduces that exactly,
// so its falls were in the fourth decimal and did not find the planted k,
// while stability fell from 1 at k = 4 to 0.86–0.92 at k = 5. The largest
// fall, rather than the first, keeps a small dip from deciding; where
// stability never falls, the most stable k (the larger among equals) is
// recommended and the reason says to try larger ks.
func recommendMatrix(points []report.SweepPoint) (int, string, string) {
	if len(points) == 1 {
		return points[0].K, RuleStability, fmt.Sprintf("only k = %d was tried", points[0].K)
	}
	fall, at := 0.0, -1
	for i := 0; i+1 < len(points); i++ {
		if d := points[i].Stability - points[i+1].Stability; d > fall {
			fall, at = d, i
		}
	}
	if at < 0 {
		best := 0
		for i, p := range points {
			if p.Stability >= points[best].Stability {
				best = i
			}
		}
		b := points[best]
		return b.K, RuleStability, fmt.Sprintf("stability does not fall over the ks tried; k = %d has the highest, %.3f (ρ %.4f): try larger ks", b.K, b.Stability, b.Cophenetic)
	}
	p, q := points[at], points[at+1]
	return p.K, RuleStability, fmt.Sprintf("stability falls most from k = %d to k = %d (%.3f to %.3f; ρ %.4f to %.4f)", p.K, q.K, p.Stability, q.Stability, p.Cophenetic, q.Cophenetic)
}

// Write puts sweep.parquet and sweep.html into dir, together (a failure
// leaves dir as it was).
func (r *SweepResult) Write(dir string) error {
	return writeSet(dir, sweepOutputs, func(st *staging) error {
		return parallel.Do(
			func() error { return report.WriteSweep(st.path(SweepFile), r.Report) },
			func() error { return report.WriteSweepHTML(st.path(SweepReportFile), r.Report) },
		)
	})
}

// Summary prints the sweep's table and its recommendation.
func (r *SweepResult) Summary(w io.Writer) error {
	return report.SweepSummary(w, r.Report)
}
