package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/parquet-go/parquet-go"
	"gonum.org/v1/gonum/mat"
)

// docTopicsFixture is a k × n H with distinct, exactly representable entries
// (h[t][j] = t + j/8) and ids "d0" … "d{n-1}" (variable length, so the batch
// id buffer is exercised). H is an emptyMatrix when n is 0.
func docTopicsFixture(k, n int) ([]string, mat.Matrix) {
	ids := make([]string, n)
	if n == 0 {
		return ids, emptyMatrix{rows: k}
	}
	H := mat.NewDense(k, n, nil)
	for j := range n {
		ids[j] = "d" + strconv.Itoa(j)
		for t := range k {
			H.Set(t, j, float64(t)+float64(j)/8)
		}
	}
	return ids, H
}

func TestWriteDocTopics(t *testing.T) {
	tests := []struct {
		name      string
		k, n      int
		transpose bool // hand H over as the transpose of an n × k matrix (not a RawMatrixer)
	}{
		{"one batch", 3, 5, false},
		{"batches and k above 10", 12, 2*docTopicsBatch + 7, false},
		{"transposed view", 4, docTopicsBatch + 1, true},
		{"one topic", 1, 3, false},
		{"no documents", 3, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ids, H := docTopicsFixture(tt.k, tt.n)
			if tt.transpose {
				H = mat.DenseCopyOf(H.T()).T()
			}
			path := filepath.Join(t.TempDir(), "doc_topics.parquet")
			if err := WriteDocTopics(path, ids, H, testMeta); err != nil {
				t.Fatal(err)
			}
			cols := []string{"doc_id STRING"}
			for topic := range tt.k {
				cols = append(cols, fmt.Sprintf("topic_%d DOUBLE", topic))
			}
			checkFile(t, path, int64(tt.n), cols)

			r := parquet.NewReader(openParquet(t, path))
			defer r.Close()
			buf := make([]parquet.Row, 100)
			j := 0
			for {
				got, err := r.ReadRows(buf)
				for _, row := range buf[:got] {
					if len(row) != tt.k+1 {
						t.Fatalf("row %d has %d values, want %d", j, len(row), tt.k+1)
					}
					if id := string(row[0].ByteArray()); id != ids[j] {
						t.Errorf("row %d: doc_id %q, want %q", j, id, ids[j])
					}
					for topic := range tt.k {
						want := float64(topic) + float64(j)/8
						if v := row[topic+1].Double(); v != want {
							t.Errorf("row %d topic_%d = %v, want %v", j, topic, v, want)
						}
					}
					j++
				}
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
			}
			if j != tt.n {
				t.Errorf("read %d rows, want %d", j, tt.n)
			}
		})
	}
}

// emptyMatrix is a k × 0 matrix, which mat.Dense cannot represent.
type emptyMatrix struct{ rows int }

func (m emptyMatrix) Dims() (int, int)    { return m.rows, 0 }
func (m emptyMatrix) At(i, j int) float64 { panic("emptyMatrix.At") }
func (m emptyMatrix) T() mat.Matrix       { return mat.Transpose{Matrix: m} }

func TestWriteDocTopicsShapeMismatch(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic for 2 ids and 3 columns")
		}
	}()
	_ = WriteDocTopics(filepath.Join(t.TempDir(), "x.parquet"), []string{"a", "b"}, mat.NewDense(2, 3, nil), nil)
}

// BenchmarkWriteDocTopics writes 100k documents × 20 topics.
func BenchmarkWriteDocTopics(b *testing.B) {
	const k, n = 20, 100_000
	ids, H := docTopicsFixture(k, n)
	path := filepath.Join(b.TempDir(), "doc_topics.parquet")
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := WriteDocTopics(path, ids, H, testMeta); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "docs/s")
}
