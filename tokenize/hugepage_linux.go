package tokenize

import (
	"syscall"
	"unsafe"
)

// adviseHuge asks the kernel to back the whole 2 MiB pages inside s with
// transparent huge pages, which systems in the "madvise" mode give only on
// request: a large new slot array is then faulted in a few zeroed huge
// pages instead of thousands of 4 KiB ones, whose faults cost more than
// the table's own work on a virtual machine. Call it before the first
// write. It is advice only: an error (or an old kernel) leaves ordinary pages.
func adviseHuge[T any](s []T) {
	mem := uintptr(unsafe.Pointer(unsafe.SliceData(s)))
	start := (mem + hugePage - 1) &^ (hugePage - 1)
	end := (mem + uintptr(len(s))*unsafe.Sizeof(*new(T))) &^ (hugePage - 1)
	if end <= start {
		return
	}
	syscall.Syscall(syscall.SYS_MADVISE, start, end-start, 14 /* MADV_HUGEPAGE */)
}
