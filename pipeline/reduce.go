package pipeline

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/parquet-go/parquet-go"
	"gonum.org/v1/gonum/mat"

	"github.com/topicmill/topicmill/cluster"
	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/report"
)

// ReduceOptions say which run to reduce and how: To or Merge, not both.
type ReduceOptions struct {
	Run     string  // a run's output folder (model, docs.parquet, doc_topics.parquet)
	To      int     // merge along the topic tree, closest first, down to this many topics
	Merge   [][]int // or merge each of these groups of topics into one; the others stay
	Workers int     // goroutines; ≤ 0 means GOMAXPROCS
}

// Reduce merges a run's topics, without its corpus: along the topic tree
// down to To topics, or the named groups. A merged topic's row of H is the
// sum of its parts' rows and its column of W their mass-weighted mean
// (cluster.MergeTopics), its words re-ranked from that column; documents
// are assigned again, so every document that had a topic keeps one. The
// label classifier, which reads terms rather than topics, is kept. New
// topics are numbered in order of their smallest old topic. The result
// writes like a run's (Write), with a new model; coherence and the
// objective are not known without the corpus (NaN), and the examples have
// no snippets.
func Reduce(opts ReduceOptions) (*Result, error) {
	model, err := LoadModel(opts.Run)
	if err != nil {
		return nil, err
	}
	dir := opts.Run
	if st, err := os.Stat(dir); err == nil && !st.IsDir() {
		dir = filepath.Dir(dir)
	}
	W := model.topicsW()
	groups, err := reduceGroups(opts, W)
	if err != nil {
		return nil, err
	}
	docs, err := readDocs(dir)
	if err != nil {
		return nil, err
	}
	ids, H, err := report.ReadDocTopics(filepath.Join(dir, DocTopicsFile))
	if err != nil {
		return nil, fmt.Errorf("reduce: %w: %w", err, ErrModel)
	}
	if k, n := H.Dims(); k != model.K || n != len(docs) || !slices.EqualFunc(ids, docs, func(id string, d DocInfo) bool { return id == d.ID }) {
		return nil, fmt.Errorf("reduce %s: doc_topics.parquet (%d topics, %d documents) does not match the model (%d topics) and docs.parquet (%d documents): %w", dir, k, n, model.K, len(docs), ErrModel)
	}
	W2, H2 := cluster.MergeTopics(W, H, groups)
	cfg := Config{Source: dir, Analyzer: model.Analyzer, Workers: opts.Workers,
		NMF: factor.NMF{K: len(groups), Loss: model.Loss, L1H: model.L1H, L2H: model.L2H}}
	vec := &Vectorized{Source: dir, Docs: docs, Vocab: model.Vocabulary, Weights: model.Weighting, Config: model.Analyzer}
	res := Summarize(cfg, vec, &factor.Result{W: W2, H: H2, Objective: math.NaN()})
	res.Model.Classifier = model.Classifier // it reads the terms, not the topics
	params, err := runParameters(dir)
	if err != nil {
		return nil, err
	}
	params["k"] = strconv.Itoa(len(groups))
	params["reduced-from"] = fmt.Sprintf("%s (k = %d)", dir, model.K)
	params["merged"] = formatGroups(groups)
	res.Report.Parameters = params
	return res, nil
}

// reduceGroups turns the options into groups of old topics, one per new
// topic, ordered by their smallest topic.
func reduceGroups(opts ReduceOptions, W *mat.Dense) ([][]int, error) {
	_, k := W.Dims()
	group := make([]int, k) // new topic of each old one
	switch {
	case (opts.To != 0) == (len(opts.Merge) > 0):
		return nil, invalid(errors.New("reduce: give a number of topics to reduce to or groups to merge, not both"))
	case opts.To != 0:
		if opts.To < 1 || opts.To > k {
			return nil, invalid(fmt.Errorf("reduce to %d topics: want 1 … %d", opts.To, k))
		}
		group = cluster.Cut(cluster.Tree(cluster.Similarity(W)), opts.To)
	default:
		for t := range group {
			group[t] = -1
		}
		for g, topics := range opts.Merge {
			if len(topics) < 2 {
				return nil, invalid(fmt.Errorf("merge %v: name two topics or more", topics))
			}
			for _, t := range topics {
				if t < 0 || t >= k || group[t] >= 0 {
					return nil, invalid(fmt.Errorf("merge %v: topic %d is out of range 0 … %d or named twice", topics, t, k-1))
				}
				group[t] = k + g // placeholder, renumbered below
			}
		}
		renumber := map[int]int{}
		for t, g := range group {
			if g < 0 {
				g = -1 - t
			}
			if _, ok := renumber[g]; !ok {
				renumber[g] = len(renumber)
			}
			group[t] = renumber[g]
		}
	}
	n := slices.Max(group) + 1
	groups := make([][]int, n)
	for t, g := range group {
		groups[g] = append(groups[g], t)
	}
	return groups, nil
}

// ParseGroups reads groups of topics to merge: topics joined by commas,
// groups by semicolons ("3,7" or "3,7;1,2").
func ParseGroups(s string) ([][]int, error) {
	var groups [][]int
	for _, part := range strings.Split(s, ";") {
		var g []int
		for _, f := range strings.Split(part, ",") {
			t, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil {
				return nil, invalid(fmt.Errorf("merge %q: %q is not a topic number", s, f))
			}
			g = append(g, t)
		}
		groups = append(groups, g)
	}
	return groups, nil
}

// formatGroups writes the groups of more than one topic as ParseGroups
// reads them ("" when none).
func formatGroups(groups [][]int) string {
	var parts []string
	for _, g := range groups {
		if len(g) > 1 {
			ts := make([]string, len(g))
			for i, t := range g {
				ts[i] = strconv.Itoa(t)
			}
			parts = append(parts, strings.Join(ts, ","))
		}
	}
	return strings.Join(parts, ";")
}

// readDocs reads the documents of a run's folder from its docs.parquet.
func readDocs(dir string) ([]DocInfo, error) {
	path := filepath.Join(dir, DocsFile)
	rows, err := parquet.ReadFile[report.DocRow](path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w: %w", path, err, ErrModel)
	}
	docs := make([]DocInfo, len(rows))
	for j, r := range rows {
		docs[j] = DocInfo{ID: r.ID, Path: r.Path, Label: r.Label, Tokens: int(r.Tokens)}
		if r.Date != nil {
			docs[j].Date = *r.Date
		}
	}
	return docs, nil
}

// runParameters reads the parameters of the run in dir from the metadata
// of its topics.parquet.
func runParameters(dir string) (map[string]string, error) {
	path := filepath.Join(dir, TopicsFile)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reduce: %w: %w", err, ErrModel)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("reduce: %w: %w", err, ErrModel)
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		return nil, fmt.Errorf("reduce %s: %w: %w", path, err, ErrModel)
	}
	params := map[string]string{}
	for _, kv := range pf.Metadata().KeyValueMetadata {
		if name, ok := strings.CutPrefix(kv.Key, "topicmill."); ok && name != "version" {
			params[name] = kv.Value
		}
	}
	return params, nil
}
