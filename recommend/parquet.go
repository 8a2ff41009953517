package recommend

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"github.com/parquet-go/parquet-go"
)

// scanParquet reads the user, item and rating columns of a Parquet file
// row group by row group; ids may be strings or integers and ratings any
// number type. Lines are rows, counted from 1.
func scanParquet(path string, opts ReadOptions, needRating bool, emit emitFunc) (err error) {
	defer func() {
		// parquet-go panics on some damaged files; a damaged file is an input error.
		if p := recover(); p != nil {
			err = &LineError{Path: path, Err: fmt.Errorf("damaged Parquet file (parquet-go: %v)", p)}
		}
	}()
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("%w: %w", err, ErrInput)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return fmt.Errorf("%w: %w", err, ErrInput)
	}
	pf, err := parquet.OpenFile(f, info.Size())
	if err != nil {
		return &LineError{Path: path, Err: fmt.Errorf("not a Parquet file: %w", err)}
	}
	idx := [3]int{-1, -1, -1}
	for c, name := range [3]string{opts.UserCol, opts.ItemCol, opts.RatingCol} {
		if c == 2 && !needRating {
			break
		}
		leaf, ok := pf.Schema().Lookup(name)
		if !ok || leaf.MaxRepetitionLevel > 0 {
			return &LineError{Path: path, Err: fmt.Errorf("no column %q of one value a row in the Parquet schema", name)}
		}
		idx[c] = leaf.ColumnIndex
	}
	line := 0
	buf := make([]parquet.Row, 256)
	for _, rg := range pf.RowGroups() {
		rows := rg.Rows()
		for {
			n, err := rows.ReadRows(buf)
			for _, row := range buf[:n] {
				line++
				var fs [3]string
				for _, v := range row {
					for c, j := range idx {
						if j >= 0 && v.Column() == j {
							fs[c] = valueString(v)
						}
					}
				}
				if err := emit(line, fs, idx[2] >= 0); err != nil {
					rows.Close()
					return err
				}
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				rows.Close()
				return &LineError{Path: path, Line: line + 1, Err: fmt.Errorf("damaged Parquet data: %w", err)}
			}
		}
		rows.Close()
	}
	return nil
}

// valueString is a Parquet value as the text a CSV would hold: "" for a null.
func valueString(v parquet.Value) string {
	switch v.Kind() {
	case parquet.ByteArray, parquet.FixedLenByteArray:
		return string(v.ByteArray())
	case parquet.Int32:
		return strconv.FormatInt(int64(v.Int32()), 10)
	case parquet.Int64:
		return strconv.FormatInt(v.Int64(), 10)
	case parquet.Float:
		return strconv.FormatFloat(float64(v.Float()), 'g', -1, 32)
	case parquet.Double:
		return strconv.FormatFloat(v.Double(), 'g', -1, 64)
	}
	if v.IsNull() {
		return ""
	}
	return v.String()
}
