//go:build !unix

package corpus

import (
	"io"
	"os"
)

// readAtMost reads at most limit bytes of the file name into *into (reused
// from file to file, grown as needed) and returns them with the file's size.
func readAtMost(name string, limit int64, into *[]byte) ([]byte, int64, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, 0, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, 0, err
	}
	want := min(info.Size()+1, limit)
	if int64(cap(*into)) < want {
		*into = make([]byte, 0, want)
	}
	buf := (*into)[:0]
	for int64(len(buf)) < limit {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow: the file grew since Stat
		}
		n, err := f.Read(buf[len(buf):min(int64(cap(buf)), limit)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, 0, err
		}
	}
	*into = buf
	return buf, max(info.Size(), int64(len(buf))), nil
}
