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
