package report

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/parquet-go/parquet-go"
	"gonum.org/v1/gonum/mat"
)

// ReadDocTopics reads a doc_topics.parquet written by WriteDocTopics: the
// document ids and H (k × documents), checking that the columns are doc_id
// then topic_0 … topic_{k-1}.
func ReadDocTopics(path string) ([]string, *mat.Dense, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	pf, err := parquet.OpenFile(f, info.Size())
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	fields := pf.Schema().Fields()
	k := len(fields) - 1
	if k < 1 || fields[0].Name() != "doc_id" {
		return nil, nil, fmt.Errorf("%s: not a doc_topics table", path)
	}
	for t := 0; t < k; t++ {
		if fields[t+1].Name() != "topic_"+strconv.Itoa(t) {
			return nil, nil, fmt.Errorf("%s: column %d is %q, want topic_%d", path, t+1, fields[t+1].Name(), t)
		}
	}
	n := int(pf.NumRows())
	ids := make([]string, 0, n)
	H := mat.NewDense(k, max(n, 1), nil)
	r := parquet.NewReader(pf)
	defer r.Close()
	rows := make([]parquet.Row, 256)
	for {
		got, err := r.ReadRows(rows)
		for _, row := range rows[:got] {
			j := len(ids)
			if j >= n || len(row) != k+1 {
				return nil, nil, fmt.Errorf("%s: row %d does not match the schema", path, j)
			}
			ids = append(ids, row[0].String())
			for t := 0; t < k; t++ {
				H.Set(t, j, row[t+1].Double())
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %w", path, err)
		}
	}
	if len(ids) != n || n == 0 {
		return nil, nil, fmt.Errorf("%s: %d rows read of %d", path, len(ids), n)
	}
	return ids, H, nil
}
