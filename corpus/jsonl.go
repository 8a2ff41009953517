package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf8"
)

// readJSONL reads one JSON object per line (LF or CRLF, after an optional
// UTF-8 byte-order mark); blank lines are passed over and a line that is not
// a usable object is reported as a bad record naming the file and line.
func (r *run) readJSONL(file string) error {
	f, err := os.Open(file)
	if err != nil {
		return inputError(file, "cannot open: %v", err)
	}
	defer f.Close()
	br := bufio.NewReaderSize(f, 64<<10)
	fields := map[string]json.RawMessage{}
	for n := 1; ; n++ {
		line, err := r.readLine(br)
		if err != nil && err != io.EOF {
			return &ReadError{Path: file, Line: n, Err: err}
		}
		if n == 1 {
			line = bytes.TrimPrefix(line, []byte("\uFEFF"))
		}
		if len(bytes.TrimSpace(line)) > 0 {
			if err := r.jsonLine(file, n, line, fields); err != nil {
				return err
			}
		}
		if err == io.EOF {
			return nil
		}
	}
}

// readLine returns the next line without its line ending (LF or CRLF), in
// r.buf when it does not fit the reader's buffer; the error is io.EOF after
// the last line.
func (r *run) readLine(br *bufio.Reader) ([]byte, error) {
	line, err := br.ReadSlice('\n')
	if err == bufio.ErrBufferFull {
		r.buf = append(r.buf[:0], line...)
		for err == bufio.ErrBufferFull {
			line, err = br.ReadSlice('\n')
			r.buf = append(r.buf, line...)
		}
		line = r.buf
	}
	return bytes.TrimSuffix(bytes.TrimSuffix(line, []byte{'\n'}), []byte{'\r'}), err
}

// jsonLine decodes line n and emits its document, reporting a bad record.
func (r *run) jsonLine(file string, n int, line []byte, fields map[string]json.RawMessage) error {
	rec, repaired, err := decodeJSONRecord(line, r.opts, fields)
	if err != nil {
		r.problem(fmt.Sprintf("%s:%d", file, n), ReasonBadRecord, err)
		return nil
	}
	return r.emitRecord(file, n, rec, repaired)
}

// decodeJSONRecord reads the text, id, label and date fields of one JSON
// object: the text must be a string, the others may be numbers or booleans
// (their literal text); invalid UTF-8 in the line is repaired first
// (repaired reports it).
// fields is scratch space, cleared and reused.
func decodeJSONRecord(line []byte, opts Options, fields map[string]json.RawMessage) (rec record, repaired bool, err error) {
	if !utf8.Valid(line) {
		s, _ := RepairUTF8(string(line))
		line, repaired = []byte(s), true
	}
	clear(fields)
	if err := json.Unmarshal(line, &fields); err != nil {
		return record{}, repaired, err
	}
	text, ok, err := jsonString(fields[opts.TextField])
	switch raw := bytes.TrimSpace(fields[opts.TextField]); {
	case err == nil && !ok:
		err = errors.New("no text")
	case err == nil && raw[0] != '"':
		err = fmt.Errorf("want a string, got %s", raw)
	}
	if err != nil {
		return record{}, repaired, fmt.Errorf("field %q: %w", opts.TextField, err)
	}
	rec.text = text
	for _, f := range []struct {
		name string
		to   *string
	}{{opts.IDField, &rec.id}, {opts.LabelField, &rec.label}, {opts.DateField, &rec.date}} {
		if *f.to, _, err = jsonString(fields[f.name]); err != nil {
			return record{}, repaired, fmt.Errorf("field %q: %w", f.name, err)
		}
	}
	return rec, repaired, nil
}

// jsonString reads a JSON string, or a number or boolean as its literal text;
// ok is false for a missing or null value.
func jsonString(raw json.RawMessage) (s string, ok bool, err error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || string(raw) == "null" {
		return "", false, nil
	}
	switch raw[0] {
	case '"':
		err = json.Unmarshal(raw, &s)
		return s, err == nil, err
	case '{', '[':
		return "", false, errors.New("want a string, got an object or array")
	default:
		return string(raw), true, nil
	}
}
