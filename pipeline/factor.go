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
	Out    string     // folder for W.mtx, H.mtx and trace.csv
}

// Factored is what FactorMatrix did: the matrix's shape and the fit.
type Factored struct {
	Rows, Cols int
	NMF        factor.NMF // the settings used, defaults filled in
	Fit        *factor.Result
}

// FactorMatrix reads a non-negative matrix, factors it and writes W and H
// (MatrixMarket arrays) and the objective trace into opts.Out: what
// `topicmill factor` does.
func FactorMatrix(ctx context.Context, opts FactorOptions) (*Factored, error) {
	if err := validateSolver(opts.NMF); err != nil {
		return nil, err
	}
	nmf, _ := opts.NMF.WithDefaults()
	x, err := ReadMatrix(opts.Matrix)
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
	err = writeSet(opts.Out, func(st *staging) error {
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
		)
	})
	if err != nil {
		return nil, err
	}
	return &Factored{Rows: x.Rows, Cols: x.Cols, NMF: nmf, Fit: fit}, nil
}

// ErrMatrix marks a matrix file that cannot be read or factored.
var ErrMatrix = errors.New("unusable matrix")

// ReadMatrix reads a MatrixMarket file, or a CSV of numbers when the name
// ends in .csv, and checks that it is non-negative and finite.
func ReadMatrix(path string) (*sparse.CSR, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", err, ErrMatrix)
	}
	defer f.Close()
	r := bufio.NewReaderSize(f, 1<<20)
	var x *sparse.CSR
	if strings.HasSuffix(strings.ToLower(path), ".csv") {
		x, err = sparse.ReadOptions{NonNegative: true}.ReadDenseCSV(r)
	} else {
		x, err = sparse.ReadOptions{NonNegative: true}.ReadMatrixMarket(r)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w: %w", path, err, ErrMatrix)
	}
	if err := x.Validate(true); err != nil {
		return nil, fmt.Errorf("%s: %w: %w", path, err, ErrMatrix)
	}
	return x, nil
}
