//go:build !linux

package tokenize

// adviseHuge does nothing where transparent huge pages cannot be asked for.
func adviseHuge[T any](s []T) {}
