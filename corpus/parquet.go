package corpus

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

// readParquet streams a Parquet file row group by row group, reading only
// the text, id, label and date columns.
func (r *run) readParquet(file string) error {
	f, err := os.Open(file)
	if err != nil {
		return inputError(file, "cannot open: %v", err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return inputError(file, "cannot open: %v", err)
	}
	pf, err := guard(func() (*parquet.File, error) { return parquet.OpenFile(f, info.Size()) })
	if err != nil {
		return inputError(file, "not a Parquet file: %v", err)
	}
	cols, err := parquetColumns(pf.Schema(), r.opts)
	if err != nil {
		return inputError(file, "%v", err)
	}
	row := 0
	for _, rg := range pf.RowGroups() {
		if err := r.readRowGroup(file, rg, cols, &row); err != nil {
			return err
		}
	}
	return nil
}

// parquetColumn is one column the reader uses: its leaf index and how its
// values become a record field.
type parquetColumn struct {
	index  int
	to     func(*record, parquet.Value)
	cursor *columnCursor
}

// parquetColumns finds the text column (required, a string) and the optional
// id, label and date columns.
func parquetColumns(schema *parquet.Schema, opts Options) ([]*parquetColumn, error) {
	leaf := func(name string) (parquet.LeafColumn, bool, error) {
		l, ok := schema.Lookup(name)
		if ok && l.MaxRepetitionLevel > 0 {
			return l, false, fmt.Errorf("column %q is repeated; want one value a row", name)
		}
		return l, ok, nil
	}
	text, ok, err := leaf(opts.TextField)
	if err == nil && !ok {
		err = fmt.Errorf("no column %q in the Parquet schema", opts.TextField)
	}
	if err == nil && text.Node.Type().Kind() != parquet.ByteArray {
		err = fmt.Errorf("column %q is %v, want a string", opts.TextField, text.Node.Type())
	}
	if err != nil {
		return nil, err
	}
	cols := []*parquetColumn{{index: text.ColumnIndex, to: func(rec *record, v parquet.Value) { rec.text = valueString(v) }}}
	for _, f := range []struct {
		name string
		to   func(*record, parquet.Value)
	}{
		{opts.IDField, func(rec *record, v parquet.Value) { rec.id = valueString(v) }},
		{opts.LabelField, func(rec *record, v parquet.Value) { rec.label = valueString(v) }},
	} {
		if l, ok, err := leaf(f.name); err != nil {
			return nil, err
		} else if ok {
			cols = append(cols, &parquetColumn{index: l.ColumnIndex, to: f.to})
		}
	}
	if l, ok, err := leaf(opts.DateField); err != nil {
		return nil, err
	} else if ok {
		toDate, err := dateDecoder(l.Node.Type())
		if err != nil {
			return nil, fmt.Errorf("column %q: %w", opts.DateField, err)
		}
		cols = append(cols, &parquetColumn{index: l.ColumnIndex, to: func(rec *record, v parquet.Value) { rec.date = toDate(v) }})
	}
	return cols, nil
}

// readRowGroup emits the rows of one row group; row counts rows across
// groups. A page that cannot be read or decoded (the footer was intact)
// makes the file unusable: the error names it and the row, and wraps ErrInput.
func (r *run) readRowGroup(file string, rg parquet.RowGroup, cols []*parquetColumn, row *int) error {
	chunks := rg.ColumnChunks()
	for _, c := range cols {
		c.cursor = newColumnCursor(chunks[c.index].Pages())
		defer c.cursor.close()
	}
	for range rg.NumRows() {
		*row++
		var rec record
		textNull := false
		for i, c := range cols {
			v, err := c.cursor.next()
			if err != nil {
				return &ReadError{Path: file, Line: *row, Err: fmt.Errorf("%w: damaged Parquet data: %w", ErrInput, err)}
			}
			textNull = textNull || i == 0 && v.IsNull()
			if !v.IsNull() {
				c.to(&rec, v)
			}
		}
		if textNull {
			r.problem(fmt.Sprintf("%s:%d", file, *row), ReasonBadRecord, fmt.Errorf("column %q is null", r.opts.TextField))
			continue
		}
		if err := r.emitRecord(file, *row, rec, false); err != nil {
			return err
		}
	}
	return nil
}

// valueString is a value's text: the bytes of a string, else its printed form.
func valueString(v parquet.Value) string {
	if k := v.Kind(); k == parquet.ByteArray || k == parquet.FixedLenByteArray {
		return string(v.ByteArray())
	}
	return v.String()
}

// dateDecoder returns how a date column's values become an RFC 3339 string:
// strings as they are, DATE days and TIMESTAMP instants as UTC times.
func dateDecoder(t parquet.Type) (func(parquet.Value) string, error) {
	var lt format.LogicalTypeValue
	if l := t.LogicalType(); l != nil {
		lt = l.Value
	}
	switch lt := lt.(type) {
	case *format.DateType:
		return func(v parquet.Value) string {
			return time.Unix(int64(v.Int32())*86400, 0).UTC().Format(time.RFC3339)
		}, nil
	case *format.TimestampType:
		unit := lt.Unit.Value.Duration()
		return func(v parquet.Value) string {
			return time.Unix(0, v.Int64()*int64(unit)).UTC().Format(time.RFC3339Nano)
		}, nil
	}
	if t.Kind() == parquet.ByteArray {
		return valueString, nil
	}
	return nil, fmt.Errorf("type %v is not a string, DATE or TIMESTAMP", t)
}

// columnCursor yields the values of one column chunk in row order, a page at a time.
type columnCursor struct {
	pages  parquet.Pages
	page   parquet.Page
	values parquet.ValueReader
	buf    []parquet.Value
	i, n   int
}

func newColumnCursor(pages parquet.Pages) *columnCursor {
	return &columnCursor{pages: pages, buf: make([]parquet.Value, 256)}
}

// guard calls f and turns a panic in it into an error: parquet-go panics on
// some damaged files (a page index with a negative length), and a damaged
// file is an input error, not a crash. f must not call back into the run.
func guard[T any](f func() (T, error)) (v T, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("damaged file (parquet-go: %v)", p)
		}
	}()
	return f()
}

// next returns the next value; its bytes stay valid until the following call.
func (c *columnCursor) next() (parquet.Value, error) {
	return guard(c.read)
}

// read is next without the guard.
func (c *columnCursor) read() (parquet.Value, error) {
	for c.i >= c.n {
		if c.values == nil {
			c.release()
			page, err := c.pages.ReadPage()
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			if err != nil {
				return parquet.Value{}, err
			}
			c.page, c.values = page, page.Values()
		}
		n, err := c.values.ReadValues(c.buf)
		c.i, c.n = 0, n
		if err == io.EOF {
			c.values = nil
		} else if err != nil {
			return parquet.Value{}, err
		}
	}
	c.i++
	return c.buf[c.i-1], nil
}

// release hands the current page back to parquet-go's pool.
func (c *columnCursor) release() {
	if c.page != nil {
		parquet.Release(c.page)
		c.page = nil
	}
}

func (c *columnCursor) close() {
	c.release()
	c.pages.Close()
}
