// Package hugepage allocates large slices that the kernel can back with
// transparent huge pages, so that filling them costs a few huge-page faults
// instead of thousands of 4 KiB ones (each ~6-8 µs on a virtual machine).
package hugepage

import "unsafe"

// Size is the size of a transparent huge page on Linux/amd64 and arm64.
const Size = 2 << 20

// Grown prepares s for an append: a full slice whose next array would span
// at least a huge page is moved by hand to twice its capacity, into an
// array made by Make; any other s is returned as it is, for append to grow.
func Grown[T any](s []T) []T {
	if len(s) < cap(s) {
		return s
	}
	n := 2 * cap(s)
	if uintptr(n)*unsafe.Sizeof(*new(T)) < Size {
		return s
	}
	t := Make[T](n)[:len(s)]
	copy(t, s)
	return t
}

// Make returns a new zeroed slice of n elements. One of at least a huge
// page starts on a huge-page boundary (the array is allocated a huge page
// longer; the unused head is never touched, so never resident) and is
// advised to huge pages (advise): it is then faulted in whole huge pages,
// where an unaligned array keeps ordinary pages at both ends.
func Make[T any](n int) []T {
	size := unsafe.Sizeof(*new(T))
	if uintptr(n)*size < Size {
		return make([]T, n)
	}
	pad := int((Size + size - 1) / size)
	s := make([]T, n+pad)
	off := int((Size - uintptr(unsafe.Pointer(unsafe.SliceData(s)))%Size) % Size / size)
	s = s[off : off+n : off+n]
	advise(s)
	return s
}
