//go:build !linux

package hugepage

// advise does nothing where transparent huge pages cannot be asked for.
func advise[T any](s []T) {}
