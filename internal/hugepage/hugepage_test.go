package hugepage

import (
	"slices"
	"testing"
	"unsafe"
)

func TestGrown(t *testing.T) {
	big := make([]int64, Size/8, Size/8) // 2 MiB, full: moves to 4 MiB by hand
	for i := range big {
		big[i] = int64(i)
	}
	for _, tc := range []struct {
		name    string
		s       []int64
		wantCap int
	}{
		{"room left", make([]int64, 3, 10), 10},
		{"small and full: left to append", []int64{1, 2, 3}, 3},
		{"big and full", big, 2 * len(big)},
	} {
		got := Grown(tc.s)
		if !slices.Equal(got, tc.s) {
			t.Errorf("%s: contents changed", tc.name)
		}
		if cap(got) != tc.wantCap {
			t.Errorf("%s: cap %d, want %d", tc.name, cap(got), tc.wantCap)
		}
	}
}

// pair is a 16-byte element, as the tokenizer's hash-table slots are.
type pair struct{ a, b int64 }

func TestMake(t *testing.T) {
	for _, n := range []int{0, 5, Size/16 - 1, Size / 16, 3 * Size / 16} {
		s := Make[pair](n)
		if len(s) != n || cap(s) != n {
			t.Errorf("n %d: len %d cap %d", n, len(s), cap(s))
		}
		for i := range s {
			if s[i] != (pair{}) {
				t.Fatalf("n %d: element %d not zero", n, i)
			}
		}
		if n >= Size/16 && uintptr(unsafe.Pointer(unsafe.SliceData(s)))%Size != 0 {
			t.Errorf("n %d: a slice of %d bytes does not start on a huge page", n, 16*n)
		}
	}
}
