package pipeline

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/internal/atomicfile"
	"github.com/topicmill/topicmill/report"
	"github.com/topicmill/topicmill/vocab"
)

// names lists the entries of dir.
func names(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

// TestWriteSetAllOrNothing checks that a set that fails midway leaves the
// earlier outputs untouched and no staging folder, and that a set that
// succeeds replaces them and removes the outputs it does not write.
func TestWriteSetAllOrNothing(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{ModelFile, AssignmentsFile, "notes.txt"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte("old "+name), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write := func(name, body string) func(*staging) error {
		return func(st *staging) error {
			return atomicfile.Write(st.path(name), func(w io.Writer) error {
				_, err := io.WriteString(w, body)
				return err
			})
		}
	}
	boom := errors.New("disk full")
	err := writeSet(dir, corpusOutputs, func(st *staging) error {
		if err := write(ModelFile, "new model")(st); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v, want %v", err, boom)
	}
	if got := names(t, dir); !slices.Equal(got, []string{AssignmentsFile, ModelFile, "notes.txt"}) {
		t.Errorf("after a failed set the folder holds %q", got)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, ModelFile)); string(b) != "old "+ModelFile {
		t.Errorf("model.json holds %q after a failed set, want the old one", b)
	}
	if err := writeSet(dir, corpusOutputs, write(ModelFile, "new model")); err != nil {
		t.Fatal(err)
	}
	// assignments.parquet belonged to the earlier set: gone; notes.txt is not ours: kept.
	if got := names(t, dir); !slices.Equal(got, []string{ModelFile, "notes.txt"}) {
		t.Errorf("after a set the folder holds %q, want model.json and notes.txt", got)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, ModelFile)); string(b) != "new model" {
		t.Errorf("model.json holds %q, want the new one", b)
	}
}

// TestVectorizeIntoARunFolderLeavesNoMix checks that vectorizing into a
// run's folder removes the run's tables instead of leaving them beside the
// new corpus's docs.parquet.
func TestVectorizeIntoARunFolderLeavesNoMix(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	res, err := Run(ctx, Config{Source: demo, NMF: factor.NMF{K: 3}})
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Write(dir); err != nil {
		t.Fatal(err)
	}
	want := []string{AssignmentsFile, DocTopicsFile, DocsFile, ModelFile, ModelWFile, ProblemsFile, ReportFile, TermsFile, TreeFile, TopicsFile, TraceFile}
	if got := names(t, dir); !slices.Equal(got, want) {
		t.Fatalf("run wrote %q, want %q", got, want)
	}
	if err := res.Vectorized.Write(dir, Config{Source: demo}); err != nil {
		t.Fatal(err)
	}
	if got := names(t, dir); !slices.Equal(got, []string{MatrixFile, DocsFile, ProblemsFile, TermsFile}) {
		t.Errorf("vectorize into the run's folder leaves %q, want X.mtx, docs and terms only", got)
	}
}

func TestCheckOutput(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a-file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		err  error
	}{
		{"folder that is a file", CheckOutputFolder(file)},
		{"folder under a file", CheckOutputFolder(filepath.Join(file, "sub"))},
		{"file in a missing folder", CheckOutputFile(filepath.Join(dir, "no", "x.parquet"))},
		{"file that is a folder", CheckOutputFile(dir)},
	} {
		if !errors.Is(c.err, ErrInvalid) {
			t.Errorf("%s: err = %v, want ErrInvalid", c.name, c.err)
		}
	}
	if err := CheckOutputFolder(filepath.Join(dir, "new", "out")); err != nil {
		t.Errorf("a new folder: %v", err)
	}
	if got := names(t, filepath.Join(dir, "new", "out")); len(got) != 0 {
		t.Errorf("the check left %q behind", got)
	}
	if err := CheckOutputFile(filepath.Join(dir, "x.parquet")); err != nil {
		t.Errorf("a new file: %v", err)
	}
}

// TestProblemsAreKept checks that every document skipped or changed on
// reading is a row of problems.parquet.
func TestProblemsAreKept(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{
		"a.txt":   []byte("rocket orbit moon launch"),
		"b.txt":   []byte("rocket moon telescope orbit"),
		"bin.txt": append([]byte{0, 1, 2, 3, 0, 0, 5, 6, 7, 0}, make([]byte, 200)...),
		"cp.txt":  []byte("caf\xe9 rocket orbit moon"), // Windows-1252, repaired
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	vec, err := Vectorize(context.Background(), Config{Source: dir, Pruning: vocab.Pruning{MinDF: 1, MaxDF: 1}})
	if err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	if err := vec.Write(out, Config{Source: dir}); err != nil {
		t.Fatal(err)
	}
	rows, err := parquet.ReadFile[report.ProblemRow](filepath.Join(out, ProblemsFile))
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]report.ProblemRow{}
	for _, r := range rows {
		got[filepath.Base(r.Path)] = r
	}
	if len(rows) != 2 || got["bin.txt"].Reason != "binary" || !got["bin.txt"].Skipped ||
		got["cp.txt"].Reason != "repaired-encoding" || got["cp.txt"].Skipped {
		t.Errorf("problems.parquet = %+v, want bin.txt skipped as binary and cp.txt repaired", rows)
	}
}

// TestAssignNeverReplacesARun checks that an assign whose --out is a run's
// folder is refused before any work, and that the run's model survives;
// an assign set replaces only an earlier assign's files.
func TestAssignNeverReplacesARun(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	res, err := Run(ctx, Config{Source: demo, NMF: factor.NMF{K: 3}})
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Write(dir); err != nil {
		t.Fatal(err)
	}
	before := names(t, dir)
	if _, err := res.Model.AssignTo(ctx, AssignOptions{Source: demo}, dir); !errors.Is(err, ErrInvalid) {
		t.Errorf("assign into the run's folder: %v, want ErrInvalid", err)
	}
	if got := names(t, dir); !slices.Equal(got, before) {
		t.Errorf("the run's folder holds %q after a refused assign, was %q", got, before)
	}
	out := t.TempDir()
	if err := os.WriteFile(filepath.Join(out, "notes.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := res.Model.AssignTo(ctx, AssignOptions{Source: demo}, out); err != nil {
		t.Fatal(err)
	}
	want := []string{AssignmentsFile, ClassifyFile, ConfusionFile, DocTopicsFile, "notes.txt", ProblemsFile}
	if got := names(t, out); !slices.Equal(got, want) {
		t.Errorf("assign wrote %q, want %q", got, want)
	}
}
