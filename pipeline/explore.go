package pipeline

import (
	"cmp"
	"fmt"
	"math"
	"path/filepath"
	"slices"

	"github.com/parquet-go/parquet-go"

	"github.com/topicmill/topicmill/report"
	"github.com/topicmill/topicmill/tokenize"
)

// WordTopic is a topic's weight for one word.
type WordTopic struct {
	Topic  int
	Weight float64 // the word's weight in the topic's column of W, scaled to unit norm
	Rank   int     // the word's place among the topic's terms, 0 = heaviest
}

// Find returns the topics that use word, heaviest first (ties by topic),
// with the stem it stands for: the word goes through the model's analyzer
// (so "computers" finds "comput"), and topics are ranked by the stem's
// weight in W with each column scaled to unit norm, the weights of
// topics.parquet. Topics that do not use the word are left out. A word the
// analyzer drops, or that is not in the vocabulary, is an ErrInvalid.
func (m *Model) Find(word string) (string, []WordTopic, error) {
	an, err := tokenize.New(m.Analyzer)
	if err != nil {
		return "", nil, fmt.Errorf("model analyzer: %w: %w", err, ErrModel)
	}
	stems := an.Words(word)
	if len(stems) != 1 {
		return "", nil, invalid(fmt.Errorf("find %q: the model's analyzer makes %d terms of it %v, want one word", word, len(stems), stems))
	}
	id, ok := m.Vocabulary.ID(stems[0])
	if !ok {
		return stems[0], nil, invalid(fmt.Errorf("find %q: its stem %q is not in the model's vocabulary", word, stems[0]))
	}
	k, terms := m.K, m.Vocabulary.Len()
	norms := make([]float64, k)
	for i := 0; i < terms; i++ {
		for t, w := range m.W[i*k : i*k+k] {
			norms[t] += w * w
		}
	}
	var out []WordTopic
	for t := 0; t < k; t++ {
		w := m.W[int(id)*k+t]
		if !(w > 0) || norms[t] == 0 {
			continue
		}
		rank := 0
		for i := 0; i < terms; i++ {
			if v := m.W[i*k+t]; v > w || v == w && i < int(id) {
				rank++
			}
		}
		out = append(out, WordTopic{Topic: t, Weight: w / math.Sqrt(norms[t]), Rank: rank})
	}
	slices.SortStableFunc(out, func(a, b WordTopic) int { return cmp.Compare(b.Weight, a.Weight) })
	return stems[0], out, nil
}

// LabelTopics counts a run's documents by label and topic: how the topics
// divide each class.
type LabelTopics struct {
	Labels     []string // sorted; "" (unlabeled) first when present
	K          int
	Counts     [][]int // label × topic documents
	Unassigned []int   // per label, documents with no topic
	Documents  []int   // per label, all its documents
}

// Share is the share of label l's documents in topic t.
func (lt *LabelTopics) Share(l, t int) float64 {
	if lt.Documents[l] == 0 {
		return 0
	}
	return float64(lt.Counts[l][t]) / float64(lt.Documents[l])
}

// TopicsPerLabel reads a run's assignments.parquet from dir and counts its
// documents by label and topic; k is the run's number of topics.
func TopicsPerLabel(dir string, k int) (*LabelTopics, error) {
	rows, err := readAssignments(dir)
	if err != nil {
		return nil, err
	}
	index := map[string]int{}
	for _, r := range rows {
		index[r.Label] = 0
	}
	lt := &LabelTopics{K: k}
	for l := range index {
		lt.Labels = append(lt.Labels, l)
	}
	slices.Sort(lt.Labels)
	lt.Counts = make([][]int, len(lt.Labels))
	lt.Unassigned, lt.Documents = make([]int, len(lt.Labels)), make([]int, len(lt.Labels))
	for l, label := range lt.Labels {
		index[label] = l
		lt.Counts[l] = make([]int, k)
	}
	for _, r := range rows {
		l := index[r.Label]
		lt.Documents[l]++
		switch {
		case r.Topic < 0:
			lt.Unassigned[l]++
		case int(r.Topic) < k:
			lt.Counts[l][r.Topic]++
		default:
			return nil, fmt.Errorf("%s: topic %d of document %q, the model has %d: %w", dir, r.Topic, r.DocID, k, ErrModel)
		}
	}
	return lt, nil
}

// readAssignments reads the assignments.parquet of a run's folder.
func readAssignments(dir string) ([]report.AssignmentRow, error) {
	path := filepath.Join(dir, AssignmentsFile)
	rows, err := parquet.ReadFile[report.AssignmentRow](path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w: %w", path, err, ErrModel)
	}
	return rows, nil
}
