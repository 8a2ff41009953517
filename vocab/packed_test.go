package vocab

import (
	"reflect"
	"testing"
)

func TestPackedRoundTrip(t *testing.T) {
	bags := []Bag{
		{Terms: []int32{0, 3, 70000}, Counts: []int32{1, 300, 2}},
		{Terms: []int32{}, Counts: []int32{}},
		{Terms: []int32{5}, Counts: []int32{1 << 30}},
		{Terms: []int32{1, 2, 3, 4}, Counts: []int32{1, 1, 1, 1}},
	}
	var p Packed
	for _, b := range bags {
		p.Append(b)
	}
	if p.Len() != 4 {
		t.Fatalf("Len = %d", p.Len())
	}
	if got := p.Unpack(0, 4); !reflect.DeepEqual(got, bags) {
		t.Errorf("Unpack(0, 4) = %v, want %v", got, bags)
	}
	if got := p.Unpack(2, 3); !reflect.DeepEqual(got, bags[2:3]) {
		t.Errorf("Unpack(2, 3) = %v", got)
	}
	// Small gaps and counts take one byte each: the last bag is 1 + 4·2 bytes.
	if got := p.ends[3] - p.ends[2]; got != 9 {
		t.Errorf("the last bag takes %d bytes, want 9", got)
	}
	defer func() {
		if recover() == nil {
			t.Error("an unsorted bag was packed")
		}
	}()
	p.Append(Bag{Terms: []int32{4, 2}, Counts: []int32{1, 1}})
}
