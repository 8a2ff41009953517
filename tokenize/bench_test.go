package tokenize

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

func BenchmarkSessionTerms(b *testing.B) {
	text := makeText(100_000)
	s := mustNew(b, Config{}).NewSession(NewDictionary())
	dst := s.Terms(text, nil) // warm-up: every word met once
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dst = s.Terms(text, dst[:0])
	}
}

// corpusDir is the real corpus the text-speed target is measured on; it is
// never copied into the repository.
const corpusDir = "../../shared/corpora/20news-bydate"

// BenchmarkCorpusTerms tokenizes all 20news-bydate posts with one session
// (a fresh one each iteration, so the cache starts cold) on one goroutine;
// it is skipped when the corpus is absent.
func BenchmarkCorpusTerms(b *testing.B) {
	var texts []string
	var size int64
	err := filepath.WalkDir(corpusDir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		texts = append(texts, string(data))
		size += int64(len(data))
		return nil
	})
	if err != nil {
		b.Skipf("corpus %s: %v", corpusDir, err)
	}
	a := mustNew(b, Config{})
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s := a.NewSession(NewDictionary())
		var dst []int32
		for _, text := range texts {
			dst = s.Terms(text, dst[:0])
		}
	}
	b.ReportMetric(float64(len(texts)), "docs")
}
