package factor

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/topicmill/topicmill/sparse"
	"gonum.org/v1/gonum/mat"
)

// relNorm returns ‖A − B‖_F / ‖B‖_F.
func relNorm(A, B *mat.Dense) float64 {
	var D mat.Dense
	D.Sub(A, B)
	return mat.Norm(&D, 2) / mat.Norm(B, 2)
}

// blockPlanted returns X = W·H for W (m × k) and H (k × n) with one
// positive entry per row of W and per column of H (disjoint topics): NMF's
// exact solution, which both solvers reach to rounding.
func blockPlanted(m, n, k int, seed uint64) *sparse.CSR {
	rng := rand.New(rand.NewPCG(seed, 4))
	W, H := mat.NewDense(m, k, nil), mat.NewDense(k, n, nil)
	for i := 0; i < m; i++ {
		W.Set(i, i*k/m, 0.5+rng.Float64())
	}
	for j := 0; j < n; j++ {
		H.Set(j*k/n, j, 0.5+rng.Float64())
	}
	var P mat.Dense
	P.Mul(W, H)
	return FromDense(&P)
}

// TestStartAtFixedPoint fits again from the factors of a previous fit. From
// an exact fixed point (a matrix with an exact non-negative factorization)
// the fit returns its start: the objective does not move and W and H equal
// W0 and H0 to 1e-12. From a fit that met its tolerance on noisy data the
// objective moves by less than the tolerance allows.
func TestStartAtFixedPoint(t *testing.T) {
	ctx := context.Background()
	for _, loss := range losses {
		t.Run(string(loss)+"/exact", func(t *testing.T) {
			X := blockPlanted(30, 24, 3, 3)
			half := 0.5 * sqNorm(X)
			first, err := NMF{K: 3, Loss: loss, Seed: 1, MaxIter: 300}.Fit(ctx, X)
			if err != nil {
				t.Fatal(err)
			}
			if first.Objective > 1e-12*half {
				t.Fatalf("first fit ends at %v, ½‖X‖² = %v: not a fixed point to test with", first.Objective, half)
			}
			again, err := NMF{K: 3, Loss: loss, W0: first.W, H0: first.H}.Fit(ctx, X)
			if err != nil {
				t.Fatal(err)
			}
			if d := math.Abs(again.Trace[0].Objective - first.Objective); d > 1e-12*half {
				t.Errorf("start objective %v, first fit ended at %v", again.Trace[0].Objective, first.Objective)
			}
			if d := math.Abs(again.Objective - first.Objective); d > 1e-12*half {
				t.Errorf("objective moved from %v to %v", first.Objective, again.Objective)
			}
			if r := relNorm(again.W, first.W); r > 1e-12 {
				t.Errorf("W moved from W0 by %v (relative)", r)
			}
			if r := relNorm(again.H, first.H); r > 1e-12 {
				t.Errorf("H moved from H0 by %v (relative)", r)
			}
			if !again.Converged || again.Iterations > 3 {
				t.Errorf("converged %v after %d iterations from a fixed point", again.Converged, again.Iterations)
			}
		})
		t.Run(string(loss)+"/converged", func(t *testing.T) {
			X := randomSparse(80, 60, 0.1, 12)
			first, err := NMF{K: 4, Loss: loss, Seed: 1}.Fit(ctx, X)
			if err != nil {
				t.Fatal(err)
			}
			if !first.Converged {
				t.Fatalf("first fit did not converge in %d iterations", first.Iterations)
			}
			again, err := NMF{K: 4, Loss: loss, W0: first.W, H0: first.H}.Fit(ctx, X)
			if err != nil {
				t.Fatal(err)
			}
			tol, _ := NMF{Loss: loss}.WithDefaults()
			if relDiff(again.Trace[0].Objective, first.Objective) > 1e-12 {
				t.Errorf("start objective %v, first fit ended at %v", again.Trace[0].Objective, first.Objective)
			}
			if again.Objective > first.Objective || first.Objective-again.Objective > 10*tol.Tol*first.Objective {
				t.Errorf("objective moved from %v to %v (tolerance %v)", first.Objective, again.Objective, tol.Tol)
			}
		})
	}
}

// TestFixedEqualsTransform checks that a fit with W held fixed is
// Transform (the same bits, for 1 and 2 workers), that a fit with H held
// fixed is Transform of the transposed problem, and that the fixed factor
// comes back unchanged and the objective does not rise.
func TestFixedEqualsTransform(t *testing.T) {
	X := randomSparse(60, 45, 0.15, 3)
	for _, loss := range losses {
		for _, pen := range []float64{0, 0.05} {
			base := NMF{K: 4, Loss: loss, Seed: 2, MaxIter: 40, L1W: pen, L2W: 2 * pen, L1H: 3 * pen, L2H: pen}
			fit, err := base.Fit(context.Background(), X)
			if err != nil {
				t.Fatal(err)
			}
			for _, workers := range []int{1, 2} {
				name := fmt.Sprintf("%s penalty %v", loss, pen)
				f := base
				f.Workers = workers
				want, err := f.Transform(context.Background(), fit.W, X)
				if err != nil {
					t.Fatal(err)
				}
				fw := f
				fw.W0, fw.Fixed = fit.W, FactorW
				got, err := fw.Fit(context.Background(), X)
				if err != nil {
					t.Fatal(err)
				}
				if !mat.Equal(got.H, want) {
					t.Errorf("%s, %d workers: fit with W fixed differs from Transform by %v", name, workers, relNorm(got.H, want))
				}
				if !mat.Equal(got.W, fit.W) {
					t.Errorf("%s: fixed W changed", name)
				}
				if n := len(got.Trace); n != 2 || got.Trace[1].Objective > got.Trace[0].Objective || got.Trace[1].N != got.Iterations {
					t.Errorf("%s: trace %+v", name, got.Trace)
				}
				if !got.Converged || got.Iterations < 1 {
					t.Errorf("%s: converged %v after %d sweeps", name, got.Converged, got.Iterations)
				}
				// H fixed: the same solve on Xᵀ ≈ Hᵀ·Wᵀ with the penalties swapped.
				fh := f
				fh.H0, fh.Fixed = fit.H, FactorH
				gotW, err := fh.Fit(context.Background(), X)
				if err != nil {
					t.Fatal(err)
				}
				ft := f
				ft.L1W, ft.L2W, ft.L1H, ft.L2H = f.L1H, f.L2H, f.L1W, f.L2W
				wantWt, err := ft.Transform(context.Background(), transposeDense(fit.H), X.T())
				if err != nil {
					t.Fatal(err)
				}
				if !mat.Equal(gotW.W, transposeDense(wantWt)) || !mat.Equal(gotW.H, fit.H) {
					t.Errorf("%s, %d workers: fit with H fixed differs from the transposed Transform", name, workers)
				}
			}
		}
	}
}

// TestStartFromOneFactor checks that a fit given W0 alone starts from the H
// that a fit with W0 fixed returns, and given H0 alone from the W of H0
// fixed, and that both are the same for 1 and 2 workers.
func TestStartFromOneFactor(t *testing.T) {
	X := randomSparse(50, 40, 0.2, 11)
	for _, loss := range losses {
		fit, err := NMF{K: 3, Loss: loss, MaxIter: 5}.Fit(context.Background(), X)
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			name  string
			start NMF
			fixed Factor
		}{{"W0", NMF{W0: fit.W}, FactorW}, {"H0", NMF{H0: fit.H}, FactorH}} {
			var res [2]*Result
			for i, workers := range []int{1, 2} {
				f := tc.start
				f.Loss, f.MaxIter, f.Workers = loss, 30, workers
				if res[i], err = f.Fit(context.Background(), X); err != nil {
					t.Fatal(err)
				}
			}
			if !mat.Equal(res[0].W, res[1].W) || !mat.Equal(res[0].H, res[1].H) || res[0].Objective != res[1].Objective {
				t.Errorf("%s %s: results differ between 1 and 2 workers", loss, tc.name)
			}
			f := tc.start
			f.Loss, f.Fixed = loss, tc.fixed
			solved, err := f.Fit(context.Background(), X)
			if err != nil {
				t.Fatal(err)
			}
			if got, want := res[0].Trace[0].Objective, solved.Objective; relDiff(got, want) > 1e-10 {
				t.Errorf("%s %s: fit starts at objective %v, the solved factor gives %v", loss, tc.name, got, want)
			}
			if res[0].Objective > res[0].Trace[0].Objective {
				t.Errorf("%s %s: objective rose from %v to %v", loss, tc.name, res[0].Trace[0].Objective, res[0].Objective)
			}
			if _, k := res[0].W.Dims(); k != 3 {
				t.Errorf("%s %s: k = %d, want 3 from the given factor", loss, tc.name, k)
			}
		}
	}
}

// TestFitT checks that a fit given X's transpose equals Fit, and that a
// transpose of the wrong shape is refused.
func TestFitT(t *testing.T) {
	X := randomSparse(40, 30, 0.2, 4)
	for _, loss := range losses {
		f := NMF{K: 3, Loss: loss, MaxIter: 20}
		want, err := f.Fit(context.Background(), X)
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.FitT(context.Background(), X, X.T())
		if err != nil {
			t.Fatal(err)
		}
		if !mat.Equal(got.W, want.W) || !mat.Equal(got.H, want.H) || got.Objective != want.Objective {
			t.Errorf("%s: FitT differs from Fit", loss)
		}
	}
	for name, Xt := range map[string]*sparse.CSR{
		"X itself":       X,
		"another matrix": randomSparse(30, 40, 0.1, 5),
	} {
		_, err := NMF{K: 3}.FitT(context.Background(), X, Xt)
		if !errors.Is(err, ErrShape) {
			t.Errorf("%s as Xt: error %v, want ErrShape", name, err)
		}
	}
}

// TestShapes checks that starting factors, a transpose and new columns of
// the wrong shape are refused with ErrShape, naming the dimensions.
func TestShapes(t *testing.T) {
	X := randomSparse(12, 9, 0.4, 6)
	W, H := planted(12, 9, 3, 7)
	ctx := context.Background()
	for _, tc := range []struct {
		name string
		fit  func() error
		want string
	}{
		{"W0 too few rows", fit(ctx, NMF{K: 3, W0: mat.NewDense(11, 3, nil)}, X), "W0 is 11 × 3, want 12 × 3"},
		{"W0 wrong k", fit(ctx, NMF{K: 2, W0: W}, X), "W0 is 12 × 3, want 12 × 2"},
		{"H0 wrong columns", fit(ctx, NMF{K: 3, H0: mat.NewDense(3, 8, nil)}, X), "H0 is 3 × 8, want 3 × 9"},
		{"H0 against W0", fit(ctx, NMF{W0: W, H0: mat.NewDense(2, 9, nil)}, X), "H0 is 2 × 9, want 3 × 9"},
		{"fixed W of the wrong shape", fit(ctx, NMF{W0: mat.NewDense(9, 3, nil), Fixed: FactorW}, X), "W0 is 9 × 3"},
		{"k too large", fit(ctx, NMF{K: 10}, X), "k = 10, matrix is 12 × 9"},
		{"k zero", fit(ctx, NMF{}, X), "k = 0"},
		{"Transform rows", func() error {
			_, err := NMF{}.Transform(ctx, W, randomSparse(11, 4, 0.5, 1))
			return err
		}, "X has 11 rows, W is 12 × 3"},
	} {
		err := tc.fit()
		if !errors.Is(err, ErrShape) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want ErrShape saying %q", tc.name, err, tc.want)
		}
	}
	// Fixed factors allow any k, as Transform of fewer columns than topics does.
	if _, err := (NMF{W0: W, Fixed: FactorW}).Fit(ctx, randomSparse(12, 2, 0.9, 8)); err != nil {
		t.Errorf("W fixed, k = 3 > 2 columns: %v", err)
	}
	if _, err := (NMF{H0: H, Fixed: FactorH}).Fit(ctx, X); err != nil {
		t.Errorf("H fixed: %v", err)
	}
}

func fit(ctx context.Context, f NMF, X *sparse.CSR) func() error {
	return func() error {
		_, err := f.Fit(ctx, X)
		return err
	}
}

// TestStartRefused checks that bad starting entries, an unknown fixed
// factor and a fixed factor without its start are refused before any work,
// naming the field, and are not shape errors.
func TestStartRefused(t *testing.T) {
	X := randomSparse(12, 9, 0.4, 6)
	W, _ := planted(12, 9, 3, 7)
	bad := mat.DenseCopyOf(W)
	bad.Set(4, 1, math.NaN())
	neg := mat.DenseCopyOf(W)
	neg.Set(0, 2, -1)
	inf := mat.DenseCopyOf(W)
	inf.Set(11, 0, math.Inf(1))
	for _, tc := range []struct {
		name string
		f    NMF
		want string
	}{
		{"unknown fixed", NMF{K: 2, Fixed: 7}, "unknown fixed factor Factor(7)"},
		{"W fixed without W0", NMF{K: 2, Fixed: FactorW}, "Fixed is W but W0 is not set"},
		{"H fixed without H0", NMF{K: 3, W0: W, Fixed: FactorH}, "Fixed is H but H0 is not set"},
		{"W0 NaN", NMF{W0: bad}, "W0[4, 1] is NaN"},
		{"W0 negative", NMF{W0: neg}, "W0[0, 2] is -1"},
		{"W0 Inf", NMF{W0: inf, Fixed: FactorW}, "W0[11, 0] is +Inf"},
	} {
		_, err := tc.f.Fit(context.Background(), X)
		if err == nil || !strings.Contains(err.Error(), tc.want) || errors.Is(err, ErrShape) {
			t.Errorf("%s: error %v, want one saying %q (not ErrShape)", tc.name, err, tc.want)
		}
	}
	if _, err := (NMF{}).Transform(context.Background(), neg, X); err == nil || !strings.Contains(err.Error(), "W[0, 2] is -1") {
		t.Errorf("Transform with a negative W: error %v", err)
	}
}
