package hugepage

import (
	"syscall"
	"unsafe"
)

// advise asks the kernel to back the whole 2 MiB pages inside s with
// transparent huge pages, which systems in the "madvise" mode give only on
// request. Call it before the first write. It is advice only: an error (or
// an old kernel) leaves ordinary pages.
func advise[T any](s []T) {
	mem := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	start := (mem + Size - 1) &^ (Size - 1)
	end := (mem + uintptr(len(s))*unsafe.Sizeof(*new(T))) &^ (Size - 1)
	if end <= start {
		return
	}
	syscall.Syscall(syscall.SYS_MADVISE, start, end-start, 14 /* MADV_HUGEPAGE */)
}
