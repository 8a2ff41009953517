package pipeline

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"gonum.org/v1/gonum/mat"

	"github.com/topicmill/topicmill/cluster"
	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/internal/atomicfile"
	"github.com/topicmill/topicmill/internal/parallel"
	"github.com/topicmill/topicmill/sparse"
)

// Output file names of a matrix factorization.
const (
	WFile = "W.mtx"
	HFile = "H.mtx"
)

// FactorOptions say which matrix to factor, how, and where the factors go.
type FactorOptions struct {
	Matrix string     // a MatrixMarket file, or a CSV of numbers when the name ends in .csv
	NMF    factor.NMF // zero fields are factor's own defaults (Frobenius loss: a matrix need not hold counts)
	Out    string     // folder for W.mtx, H.mtx, trace.csv and the tables of assignments and top rows
	// RowNames takes a CSV's first field of every line as its row's name
	// (a MatrixMarket file has none: an error).
	RowNames bool
	// TopRows is the number of rows listed per factor; 0 means DefaultTopTerms.
	TopRows int
}

// Factored is what FactorMatrix did: the matrix's shape and the fit.
type Factored struct {
	Rows, Cols  int
	NMF         factor.NMF // the settings used, defaults filled in
	Fit         *factor.Result
	Names       sparse.CSVNames      // the rows' and columns' names, when the CSV gave them
	Assignments []cluster.Assignment // each column's factor, as a run assigns documents
}

// FactorMatrix reads a non-negative matrix, factors it and writes W and H
// (MatrixMarket arrays), the objective trace, each column's factor and
// each factor's top rows (see writeFactorTables) into opts.Out: what
// `topicmill factor` does.
func FactorMatrix(ctx context.Context, opts FactorOptions) (*Factored, error) {
	if err := validateSolver(opts.NMF); err != nil {
		return nil, err
	}
	if opts.TopRows < 0 {
		return nil, invalid(fmt.Errorf("top rows %d: want ≥ 0 (0: %d)", opts.TopRows, DefaultTopTerms))
	}
	if err := checkNotRunFolder(opts.Out); err != nil {
		return nil, err
	}
	nmf, _ := opts.NMF.WithDefaults()
	x, names, err := readNamedMatrix(opts.Matrix, opts.RowNames)
	if err != nil {
		return nil, err
	}
	fit, err := opts.NMF.Fit(ctx, x)
	if errors.Is(err, factor.ErrShape) {
		return nil, fmt.Errorf("%s: %w: %w", opts.Matrix, err, ErrInvalid)
	}
	if err != nil {
		return nil, fmt.Errorf("factor %s: %w", opts.Matrix, err)
	}
	res := &Factored{Rows: x.Rows, Cols: x.Cols, NMF: nmf, Fit: fit, Names: names, Assignments: cluster.Assign(fit.W, fit.H, nmf.Workers)}
	err = writeSet(opts.Out, factorOutputs, func(st *staging) error {
		writeFactor := func(name string, m mat.Matrix) func() error {
			return func() error {
				return atomicfile.Write(st.path(name), func(w io.Writer) error {
					return sparse.WriteDenseMatrixMarket(w, m)
				})
			}
		}
		return parallel.Do(
			writeFactor(WFile, fit.W),
			writeFactor(HFile, fit.H),
			func() error { return WriteTrace(st.path(TraceFile), TracePoints(fit.Trace)) },
			func() error { return res.writeTables(st, opts) },
		)
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// ErrMatrix marks a matrix file that cannot be read or factored.
var ErrMatrix = errors.New("unusable matrix")

// ReadMatrix reads a MatrixMarket file, or a CSV of numbers when the name
// ends in .csv, and checks that it is non-negative and finite.
func ReadMatrix(path string) (*sparse.CSR, error) {
	x, _, err := readNamedMatrix(path, false)
	return x, err
}

// readNamedMatrix reads a matrix as ReadMatrix does, and a CSV's names: its
// header's, and with rowNames its first column's.
func readNamedMatrix(path string, rowNames bool) (*sparse.CSR, sparse.CSVNames, error) {
	csv := strings.HasSuffix(strings.ToLower(path), ".csv")
	if rowNames && !csv {
		return nil, sparse.CSVNames{}, invalid(fmt.Errorf("%s: row names come from a CSV's first column; a MatrixMarket file has none", path))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, sparse.CSVNames{}, fmt.Errorf("%w: %w", err, ErrMatrix)
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	var (
		x     *sparse.CSR
		names sparse.CSVNames
	)
	if csv {
		x, names, err = sparse.ReadOptions{NonNegative: true}.ReadNamedCSV(r, rowNames)
	} else {
		x, err = sparse.ReadOptions{NonNegative: true}.ReadMatrixMarket(r)
	}
	if err != nil {
		return nil, sparse.CSVNames{}, fmt.Errorf("read %s: %w: %w", path, err, ErrMatrix)
	}
	if err := x.Validate(true); err != nil {
		return nil, sparse.CSVNames{}, fmt.Errorf("%s: %w: %w", path, err, ErrMatrix)
	}
	return x, names, nil
}
