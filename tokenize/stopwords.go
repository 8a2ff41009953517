package tokenize

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// ReadStopWords reads a stop-word file: one word per line, blank lines and
// anything after '#' ignored; errors name the file.
func ReadStopWords(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read stop words %s: %w", path, err)
	}
	defer f.Close()
	var words []string
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(text)
		switch len(fields) {
		case 0:
		case 1:
			words = append(words, fields[0])
		default:
			return nil, fmt.Errorf("read stop words %s:%d: %d words on one line, want one", path, line, len(fields))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read stop words %s: %w", path, err)
	}
	return words, nil
}
