package tokenize

import (
	"slices"
	"sync"
	"testing"
)

func TestDictionaryPreSeeded(t *testing.T) {
	d := NewDictionary("space", "comput")
	s := mustNew(t, Config{}).NewSession(d)
	got := s.Terms("computers in space, shuttles", nil)
	if want := []int32{1, 0, 2}; !slices.Equal(got, want) {
		t.Fatalf("Terms = %v, want %v", got, want)
	}
	if want := []string{"space", "comput", "shuttl"}; !slices.Equal(d.Stems(), want) {
		t.Fatalf("Stems = %q, want %q", d.Stems(), want)
	}
	if d.Len() != 3 || d.Stem(2) != "shuttl" {
		t.Fatalf("Len = %d, Stem(2) = %q", d.Len(), d.Stem(2))
	}
	if id, ok := d.Lookup("comput"); !ok || id != 1 {
		t.Fatalf("Lookup(comput) = %d, %v", id, ok)
	}
	if _, ok := d.Lookup("nope"); ok {
		t.Fatal("Lookup(nope) found")
	}
}

func TestDictionaryZeroValueAndCopy(t *testing.T) {
	var d Dictionary
	if id := d.intern("a"); id != 0 || d.Len() != 1 {
		t.Fatalf("intern on zero value: id %d, Len %d", id, d.Len())
	}
	d.Stems()[0] = "changed"
	if d.Stem(0) != "a" {
		t.Fatal("Stems did not return a copy")
	}
}

func TestDictionaryDuplicateSeedPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Fatal("no panic for a repeated stem")
		}
	}()
	NewDictionary("a", "b", "a")
}

func TestDictionaryConcurrentIntern(t *testing.T) {
	d := NewDictionary()
	words := []string{"alpha", "beta", "gamma", "delta", "epsilon"}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				d.intern(words[i%len(words)])
			}
		}()
	}
	wg.Wait()
	stems := d.Stems()
	slices.Sort(stems)
	want := slices.Sorted(slices.Values(words))
	if !slices.Equal(stems, want) {
		t.Fatalf("Stems = %q, want %q", stems, want)
	}
	for id, s := range d.Stems() {
		if got, _ := d.Lookup(s); got != int32(id) {
			t.Fatalf("Lookup(%q) = %d, want %d", s, got, id)
		}
	}
}

// TestWordCacheTwoAnalyzers checks that sessions of two analyzers sharing a
// dictionary each get their own analyzer's outcome, whichever met a word first.
func TestWordCacheTwoAnalyzers(t *testing.T) {
	d := NewDictionary()
	stem := mustNew(t, Config{}).NewSession(d)
	plain := mustNew(t, opts(Options{NoStem: true})).NewSession(d)
	text := "Computers computing"
	for range 2 {
		if got, want := d.stemsOf(stem.Terms(text, nil)), []string{"comput", "comput"}; !slices.Equal(got, want) {
			t.Fatalf("stemming session: %q, want %q", got, want)
		}
		if got, want := d.stemsOf(plain.Terms(text, nil)), []string{"computers", "computing"}; !slices.Equal(got, want) {
			t.Fatalf("no-stem session: %q, want %q", got, want)
		}
	}
}

// TestWordCacheConcurrentSessions checks that sessions tokenizing at once
// through the shared cache give every word the stem a lone session gives.
func TestWordCacheConcurrentSessions(t *testing.T) {
	a := mustNew(t, Config{})
	text := makeText(20_000)
	want := a.Words(text)
	d := NewDictionary()
	var wg sync.WaitGroup
	got := make([][]string, 4)
	for w := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[w] = d.stemsOf(a.NewSession(d).Terms(text, nil))
		}()
	}
	wg.Wait()
	for w, g := range got {
		if !slices.Equal(g, want) {
			t.Fatalf("session %d: %d stems differ from Words' %d", w, len(g), len(want))
		}
	}
}

// stemsOf returns the stems of ids.
func (d *Dictionary) stemsOf(ids []int32) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[i] = d.Stem(id)
	}
	return out
}
