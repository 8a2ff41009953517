package tokenize

import "unsafe"

// hugePage is the size of a transparent huge page on Linux/amd64 and arm64.
const hugePage = 2 << 20

// grown prepares s for an append: a full slice whose next array would span
// at least two huge pages is moved by hand to twice its capacity, so that
// the new array is advised to huge pages (adviseHuge) before anything is
// written to it; any other s is returned as it is, for append to grow.
func grown[T any](s []T) []T {
	if len(s) < cap(s) {
		return s
	}
	n := 2 * cap(s)
	if uintptr(n)*unsafe.Sizeof(*new(T)) < 2*hugePage {
		return s
	}
	t := make([]T, len(s), n)
	adviseHuge(t[:n])
	copy(t, s)
	return t
}
