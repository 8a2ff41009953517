package tokenize

import "unsafe"

// hugePage is the size of a transparent huge page on Linux/amd64 and arm64.
const hugePage = 2 << 20

// grown prepares s for an append: a full slice whose next array would span
// at least a huge page is moved by hand to twice its capacity, into an
// array made by makeHuge; any other s is returned as it is, for append to
// grow.
func grown[T any](s []T) []T {
	if len(s) < cap(s) {
		return s
	}
	n := 2 * cap(s)
	if uintptr(n)*unsafe.Sizeof(*new(T)) < hugePage {
		return s
	}
	t := makeHuge[T](n)[:len(s)]
	copy(t, s)
	return t
}

// makeHuge returns a new zeroed slice of n elements. One of at least a huge
// page starts on a huge-page boundary (the array is allocated a huge page
// longer; the unused head is never touched, so never resident) and is
// advised to huge pages (adviseHuge): it is then faulted in whole huge
// pages, where an unaligned array keeps ordinary pages at both ends.
func makeHuge[T any](n int) []T {
	size := unsafe.Sizeof(*new(T))
	if uintptr(n)*size < hugePage {
		return make([]T, n)
	}
	pad := int((hugePage + size - 1) / size)
	s := make([]T, n+pad)
	off := int((hugePage - uintptr(unsafe.Pointer(unsafe.SliceData(s)))%hugePage) % hugePage / size)
	s = s[off : off+n : off+n]
	adviseHuge(s)
	return s
}
