package vocab

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

func TestCount(t *testing.T) {
	tests := []struct {
		name   string
		ids    []int32
		terms  []int32
		counts []int32
	}{
		{"empty", nil, nil, nil},
		{"one", []int32{7}, []int32{7}, []int32{1}},
		{"repeats unsorted", []int32{3, 1, 3, 3, 0}, []int32{0, 1, 3}, []int32{1, 1, 3}},
		{"all same", []int32{2, 2, 2, 2}, []int32{2}, []int32{4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := slices.Clone(tt.ids)
			b := Count(in)
			if !slices.Equal(b.Terms, tt.terms) || !slices.Equal(b.Counts, tt.counts) {
				t.Errorf("Count(%v) = %v %v, want %v %v", tt.ids, b.Terms, b.Counts, tt.terms, tt.counts)
			}
			if b.Len() != len(tt.ids) {
				t.Errorf("Len = %d, want %d", b.Len(), len(tt.ids))
			}
			if !slices.Equal(in, tt.ids) {
				t.Errorf("Count modified its input: %v", in)
			}
		})
	}
}

func TestCounterReuse(t *testing.T) {
	var c Counter
	first := c.Bag([]int32{5, 4, 5})
	second := c.Bag([]int32{1, 1, 9, 9, 9})
	if !slices.Equal(first.Terms, []int32{4, 5}) || !slices.Equal(first.Counts, []int32{1, 2}) {
		t.Errorf("first bag changed by the second count: %v %v", first.Terms, first.Counts)
	}
	if !slices.Equal(second.Terms, []int32{1, 9}) || !slices.Equal(second.Counts, []int32{2, 3}) {
		t.Errorf("second bag = %v %v", second.Terms, second.Counts)
	}
	// Appending to Terms must not overwrite Counts (they share an allocation).
	_ = append(first.Terms, 99)
	if !slices.Equal(first.Counts, []int32{1, 2}) {
		t.Errorf("append to Terms overwrote Counts: %v", first.Counts)
	}
	ids := []int32{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5}
	if a := testing.AllocsPerRun(100, func() { c.Bag(ids) }); a != 1 {
		t.Errorf("Counter.Bag allocates %v times, want 1 (the result)", a)
	}
}

func TestRemap(t *testing.T) {
	tests := []struct {
		name           string
		terms, counts  []int32
		remap          []int32
		wantT, wantCnt []int32
	}{
		{"identity", []int32{0, 2}, []int32{1, 2}, []int32{0, 1, 2}, []int32{0, 2}, []int32{1, 2}},
		{"reorder and drop", []int32{0, 1, 2, 3}, []int32{5, 6, 7, 8}, []int32{3, -1, 0, 1}, []int32{0, 1, 3}, []int32{7, 8, 5}},
		{"all dropped", []int32{0, 1}, []int32{1, 1}, []int32{-1, -1}, []int32{}, []int32{}},
		{"reverse", []int32{0, 1, 2, 3, 4}, []int32{1, 2, 3, 4, 5}, []int32{4, 3, 2, 1, 0}, []int32{0, 1, 2, 3, 4}, []int32{5, 4, 3, 2, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := Remap(Bag{slices.Clone(tt.terms), slices.Clone(tt.counts)}, tt.remap)
			if !slices.Equal(b.Terms, tt.wantT) || !slices.Equal(b.Counts, tt.wantCnt) {
				t.Errorf("Remap = %v %v, want %v %v", b.Terms, b.Counts, tt.wantT, tt.wantCnt)
			}
		})
	}
}

// TestRemapRandom checks a Remapper against a map-based reference on bags
// large enough to exercise the sort, counted sorted and unsorted.
func TestRemapRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := 0; trial < 50; trial++ {
		const dict = 500
		remap := make([]int32, dict)
		perm := rng.Perm(dict)
		for i := range remap {
			remap[i] = int32(perm[i])
			if rng.IntN(4) == 0 {
				remap[i] = -1
			}
		}
		ids := make([]int32, rng.IntN(400))
		for i := range ids {
			ids[i] = int32(rng.IntN(dict))
		}
		var c Counter
		b := c.Bag(ids)
		if trial%2 == 1 {
			b = c.Unsorted(ids)
		}
		want := map[int32]int32{}
		for i, term := range b.Terms {
			if f := remap[term]; f >= 0 {
				want[f] = b.Counts[i]
			}
		}
		r := Remapper{Remap: remap}
		got := r.Bag(b)
		if !slices.IsSorted(got.Terms) || len(got.Terms) != len(want) {
			t.Fatalf("trial %d: terms %v not sorted or wrong length (want %d)", trial, got.Terms, len(want))
		}
		gotMap := map[int32]int32{}
		for i, term := range got.Terms {
			gotMap[term] = got.Counts[i]
		}
		if !reflect.DeepEqual(gotMap, want) {
			t.Fatalf("trial %d: Remap = %v, want %v", trial, gotMap, want)
		}
	}
}

func TestRemapperAllocs(t *testing.T) {
	r := Remapper{Remap: []int32{3, -1, 0, 1}}
	r.Bag(Bag{[]int32{0, 1, 2, 3}, []int32{5, 6, 7, 8}}) // warm-up: scratch grows
	a := testing.AllocsPerRun(100, func() {
		r.Bag(Bag{[]int32{0, 1, 2, 3}, []int32{5, 6, 7, 8}})
	})
	if a != 0 {
		t.Errorf("Remapper.Bag allocates %v times, want 0", a)
	}
}

// TestCounterUnsorted checks that Unsorted gives the counts of Bag in
// first-met order.
func TestCounterUnsorted(t *testing.T) {
	var c Counter
	b := c.Unsorted([]int32{7, 2, 7, 0, 2, 7})
	if want := []int32{7, 2, 0}; !slices.Equal(b.Terms, want) {
		t.Errorf("Terms = %v, want %v", b.Terms, want)
	}
	if want := []int32{3, 2, 1}; !slices.Equal(b.Counts, want) {
		t.Errorf("Counts = %v, want %v", b.Counts, want)
	}
	if b := c.Unsorted(nil); len(b.Terms) != 0 {
		t.Errorf("Unsorted(nil) = %v, want an empty bag", b)
	}
}
