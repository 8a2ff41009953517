package recommend

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"

	"github.com/topicmill/topicmill/internal/atomicfile"
	"github.com/topicmill/topicmill/internal/checksum"
	"github.com/topicmill/topicmill/sparse"
)

// modelFormat is the saved recommender's format version; Load refuses others.
const modelFormat = 1

// The files of a saved model, in its folder.
const (
	ModelFile = "recommender.json"
	DataFile  = "recommender.bin"
)

// ErrModel marks a saved model that cannot be used: missing, damaged, of
// another format.
var ErrModel = errors.New("unusable recommender model")

// Save writes the model into the folder dir (which must exist) as
// ModelFile and DataFile, each atomically, with the checksum that ties them
// together. DataFile holds, little-endian: P, Q, the user and item biases
// (float64), then Rated's row pointers (int64), columns (int32) and values
// (float64).
func (m *Model) Save(dir string) error {
	m.DataFile, m.NumRatings = DataFile, m.Rated.NNZ()
	data := m.dataBytes()
	sum, err := m.checksum(data)
	if err != nil {
		return err
	}
	m.Checksum = sum
	err = atomicfile.Write(filepath.Join(dir, m.DataFile), func(w io.Writer) error {
		_, err := w.Write(data)
		return err
	})
	if err != nil {
		return err
	}
	return atomicfile.Write(filepath.Join(dir, ModelFile), func(w io.Writer) error {
		return json.NewEncoder(w).Encode(m)
	})
}

// dataBytes is the binary file's content.
func (m *Model) dataBytes() []byte {
	var b []byte
	for _, s := range [][]float64{m.P, m.Q, m.UserBias, m.ItemBias} {
		for _, v := range s {
			b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
		}
	}
	for _, p := range m.Rated.RowPtr {
		b = binary.LittleEndian.AppendUint64(b, uint64(p))
	}
	for _, c := range m.Rated.ColInd {
		b = binary.LittleEndian.AppendUint32(b, uint32(c))
	}
	for _, v := range m.Rated.Val {
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	}
	return b
}

// dataLen is the length dataBytes has for the model's sizes.
func (m *Model) dataLen() int {
	nu, ni := len(m.Users), len(m.Items)
	return 8*((nu+ni)*m.K+nu+ni) + 8*(nu+1) + 12*m.NumRatings
}

// checksum is the SHA-256 of the model's JSON (without the checksum) and
// then the binary file's bytes, in hex, as the topic model's.
func (m *Model) checksum(data []byte) (string, error) {
	c := *m
	c.Checksum = ""
	return checksum.Of(&c, data)
}

// Load reads a model written by Save, from its folder or its JSON file, and
// checks that it is whole: the format, the checksum, the sizes and values.
// Its errors wrap ErrModel.
func Load(path string) (*Model, error) {
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		path = filepath.Join(path, ModelFile)
	}
	m, err := load(path)
	if err != nil {
		return nil, fmt.Errorf("load recommender %s: %w: %w", path, err, ErrModel)
	}
	return m, nil
}

func load(path string) (*Model, error) {
	body, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var m Model
	if err := json.Unmarshal(body, &m); err != nil {
		return nil, err
	}
	if m.Format != modelFormat {
		return nil, fmt.Errorf("format %d, this topicmill reads format %d", m.Format, modelFormat)
	}
	if m.DataFile == "" || m.DataFile != filepath.Base(m.DataFile) || m.K < 1 || m.NumRatings < 0 {
		return nil, errors.New("no data file named, or sizes missing")
	}
	dpath := filepath.Join(filepath.Dir(path), m.DataFile)
	data, err := os.ReadFile(dpath)
	if err != nil {
		return nil, err
	}
	if want := m.dataLen(); len(data) != want {
		return nil, fmt.Errorf("%s holds %d bytes, want %d", dpath, len(data), want)
	}
	sum, err := m.checksum(data)
	if err != nil {
		return nil, err
	}
	if sum != m.Checksum {
		return nil, fmt.Errorf("checksum mismatch: the model or %s is damaged or from another fit", dpath)
	}
	m.decode(data)
	if err := m.check(); err != nil {
		return nil, fmt.Errorf("%w (damaged file?)", err)
	}
	m.prepare()
	return &m, nil
}

// decode splits the binary file (of the right length) into the model's slices.
func (m *Model) decode(data []byte) {
	nu, ni := len(m.Users), len(m.Items)
	floats := func(n int) []float64 {
		s := make([]float64, n)
		for i := range s {
			s[i] = math.Float64frombits(binary.LittleEndian.Uint64(data[8*i:]))
		}
		data = data[8*n:]
		return s
	}
	m.P, m.Q, m.UserBias, m.ItemBias = floats(nu*m.K), floats(ni*m.K), floats(nu), floats(ni)
	R := &sparse.CSR{Rows: nu, Cols: ni, RowPtr: make([]int, nu+1), ColInd: make([]int32, m.NumRatings)}
	for i := range R.RowPtr {
		R.RowPtr[i] = int(int64(binary.LittleEndian.Uint64(data[8*i:])))
	}
	data = data[8*(nu+1):]
	for i := range R.ColInd {
		R.ColInd[i] = int32(binary.LittleEndian.Uint32(data[4*i:]))
	}
	data = data[4*m.NumRatings:]
	R.Val = floats(m.NumRatings)
	m.Rated = R
}

// check verifies a decoded model: finite numbers, non-negative factors, a
// valid ratings matrix, unique ids and a scale.
func (m *Model) check() error {
	if !(m.Scale.Min < m.Scale.Max) || math.IsInf(m.Mean, 0) || math.IsNaN(m.Mean) {
		return fmt.Errorf("scale %v or mean %v", m.Scale, m.Mean)
	}
	for _, s := range [][]float64{m.P, m.Q} {
		for _, v := range s {
			if !(v >= 0) || math.IsInf(v, 0) {
				return fmt.Errorf("a factor entry is %v", v)
			}
		}
	}
	for _, s := range [][]float64{m.UserBias, m.ItemBias} {
		for _, v := range s {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("a bias is %v", v)
			}
		}
	}
	for u := range m.Rated.Rows {
		if m.Rated.RowPtr[u] > m.Rated.RowPtr[u+1] {
			return errors.New("ratings row pointers decrease")
		}
	}
	if err := m.Rated.Validate(false); err != nil {
		return err
	}
	for _, ids := range [][]string{m.Users, m.Items} {
		seen := make(map[string]bool, len(ids))
		for _, id := range ids {
			if seen[id] {
				return fmt.Errorf("id %q appears twice", id)
			}
			seen[id] = true
		}
	}
	return nil
}
