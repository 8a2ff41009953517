package factor

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/mat"
)

// Anchor pulls chosen columns of W towards given targets, for topics guided
// by seed words: the objective gains ½·Strength·Σ_j ‖W[:, Columns[j]] −
// Target[:, j]‖², and a fit from Init starts those columns at their targets
// (with H solved for that W). The solvers take the penalty into their own
// coordinate updates: for HALS it adds Strength·Target to the column's linear
// term (X·Hᵀ) and Strength to its diagonal entry of HHᵀ; for KL coordinate
// descent it adds the quadratic's gradient and curvature to each Newton step.
// The zero value (or a zero Strength) anchors nothing: the fit is the
// unanchored one, bit for bit. An anchor needs both factors fitted (Fixed is
// NoFactor); Transform ignores it.
type Anchor struct {
	Columns  []int      // the anchored columns of W, distinct, each in [0, k)
	Target   *mat.Dense // m × len(Columns): column j is the target of W's column Columns[j]; finite, non-negative
	Strength float64    // the penalty's weight, finite and non-negative
}

// active reports whether the anchor changes the fit.
func (a Anchor) active() bool { return a.Strength > 0 && len(a.Columns) > 0 }

// check validates the anchor of an m × n fit with k topics.
func (a Anchor) check(m, k int, fixed Factor) error {
	if !(a.Strength >= 0) || math.IsInf(a.Strength, 1) {
		return fmt.Errorf("factor: anchor strength must be a finite non-negative number, got %v", a.Strength)
	}
	if !a.active() {
		return nil
	}
	if fixed != NoFactor {
		return fmt.Errorf("factor: an anchor needs both factors fitted, Fixed is %v", fixed)
	}
	if a.Target == nil {
		return fmt.Errorf("%w: anchor has %d columns and no target", ErrShape, len(a.Columns))
	}
	if r, c := a.Target.Dims(); r != m || c != len(a.Columns) {
		return fmt.Errorf("%w: anchor target is %d × %d, want %d × %d (m × anchored columns)", ErrShape, r, c, m, len(a.Columns))
	}
	seen := make([]bool, k)
	for _, t := range a.Columns {
		if t < 0 || t >= k || seen[t] {
			return fmt.Errorf("factor: anchored column %d is out of range [0, %d) or repeated", t, k)
		}
		seen[t] = true
	}
	return checkEntries("anchor target", a.Target)
}

// pull is a resolved anchor: per column of W its strength (0 when free) and
// an m × k target (zero in the free columns), the form the row kernels take.
type pull struct {
	strength []float64
	target   *mat.Dense
	columns  []int // the anchored columns, ascending
}

// resolve spreads the anchor over W's k columns; nil when it is not active.
func (a Anchor) resolve(k int) *pull {
	if !a.active() {
		return nil
	}
	m, _ := a.Target.Dims()
	p := &pull{strength: make([]float64, k), target: mat.NewDense(m, k, nil)}
	for j, t := range a.Columns {
		p.strength[t] = a.Strength
		p.target.Slice(0, m, t, t+1).(*mat.Dense).Copy(a.Target.Slice(0, m, j, j+1))
		p.columns = append(p.columns, t)
	}
	slices.Sort(p.columns)
	return p
}

// start sets W's anchored columns to their targets.
func (p *pull) start(W *mat.Dense) {
	m, _ := W.Dims()
	for _, t := range p.columns {
		W.Slice(0, m, t, t+1).(*mat.Dense).Copy(p.target.Slice(0, m, t, t+1))
	}
}

// addTo adds the anchor to a HALS update of W: Strength·Target to A = X·Hᵀ
// and Strength to the diagonal of B = HHᵀ, in the anchored columns.
func (p *pull) addTo(A, B *mat.Dense) {
	a, tg := A.RawMatrix(), p.target.RawMatrix()
	for _, t := range p.columns {
		s := p.strength[t]
		for i := 0; i < a.Rows; i++ {
			a.Data[i*a.Stride+t] += s * tg.Data[i*tg.Stride+t]
		}
		B.Set(t, t, B.At(t, t)+s)
	}
}

// penalty returns ½·Σ_t strength_t·‖W[:, t] − target[:, t]‖², summed in a fixed order.
func (p *pull) penalty(W *mat.Dense) float64 {
	w, tg := W.RawMatrix(), p.target.RawMatrix()
	total := 0.0
	for _, t := range p.columns {
		s := 0.0
		for i := 0; i < w.Rows; i++ {
			d := w.Data[i*w.Stride+t] - tg.Data[i*tg.Stride+t]
			s += d * d
		}
		total += 0.5 * p.strength[t] * s
	}
	return total
}

// row returns row i of the strengths and targets for kernel.KLRow; nil, nil
// for no anchor.
func (p *pull) row(i int) (strength, target []float64) {
	if p == nil {
		return nil, nil
	}
	tg := p.target.RawMatrix()
	return p.strength, tg.Data[i*tg.Stride : i*tg.Stride+tg.Cols]
}
