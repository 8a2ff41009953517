package cluster

import (
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/topicmill/topicmill/internal/parallel"
)

// Assignment is one document's place in the topics.
type Assignment struct {
	// Topic is the argmax of the document's column of H after W's columns
	// are scaled to unit L2 norm (H's rows rescaled to match); -1 when the
	// column has no positive entry (an empty document): unassigned, never
	// silently topic 0. Ties go to the lower topic.
	Topic int
	// Weight is the rescaled H entry of Topic (0 for unassigned).
	Weight float64
	// Confidence is Weight divided by the sum of the rescaled column (0 for
	// unassigned).
	Confidence float64
	// Second is the runner-up topic, -1 if there is none (k = 1 or only one
	// positive entry).
	Second int
}

// Assign gives every document (column of H) its topic under the unit-norm
// scaling of W's columns, so that a topic's weight does not depend on how the
// factorization happened to split scale between W and H. W and H are not
// modified. NMF factors are non-negative: entries ≤ 0 (or NaN) count as zero.
// Blocks of documents are assigned on up to workers goroutines (≤ 0 means
// GOMAXPROCS); each document is assigned alone, so the result does not
// depend on their number. It panics if W's columns do not match H's rows.
func Assign(W, H *mat.Dense, workers int) []Assignment {
	scale := columnNorms(W, H)
	_, n := H.Dims()
	as := make([]Assignment, n)
	parallel.Blocks(n, assignBlock, parallel.Workers(workers), func(_, _, lo, _ int) {
		assignBlockAt(as, H, scale, lo)
	})
	return as
}

// assignBlock is the number of documents assigned together: H is read row by
// row over a block, in the order it lies in memory, while the block's running
// best and runner-up stay in cache.
const assignBlock = 512

// assignBlockAt fills as[lo:lo+assignBlock] (clipped to n) from H's columns.
func assignBlockAt(as []Assignment, H *mat.Dense, scale []float64, lo int) {
	hr := H.RawMatrix()
	hi := min(lo+assignBlock, hr.Cols)
	var (
		best, second        [assignBlock]int32
		bestW, secondW, sum [assignBlock]float64
	)
	for i := range best[:hi-lo] {
		best[i], second[i] = -1, -1
	}
	for t := 0; t < hr.Rows; t++ {
		c := scale[t]
		row := hr.Data[t*hr.Stride+lo : t*hr.Stride+hi]
		for i, h := range row {
			v := h * c
			if !(v > 0) {
				continue
			}
			sum[i] += v
			switch {
			case v > bestW[i]:
				second[i], secondW[i] = best[i], bestW[i]
				best[i], bestW[i] = int32(t), v
			case v > secondW[i]:
				second[i], secondW[i] = int32(t), v
			}
		}
	}
	for i := range as[lo:hi] {
		a := Assignment{Topic: int(best[i]), Second: int(second[i])}
		if a.Topic >= 0 {
			a.Weight, a.Confidence = bestW[i], bestW[i]/sum[i]
		}
		as[lo+i] = a
	}
}

// Normalize returns copies of W and H with W's columns scaled to unit L2 norm
// and H's rows scaled by the inverse, so that Wn·Hn = W·H; these are the
// weights Assign compares, exposed for reports. A zero column of W stays zero
// and its row of H becomes zero (that topic explains nothing).
// It panics if W's columns do not match H's rows.
func Normalize(W, H *mat.Dense) (Wn, Hn *mat.Dense) {
	scale := columnNorms(W, H)
	inv := make([]float64, len(scale))
	for t, c := range scale {
		if c > 0 {
			inv[t] = 1 / c
		}
	}
	Wn = mat.DenseCopyOf(W)
	Hn = mat.DenseCopyOf(H)
	Wn.Apply(func(_, t int, v float64) float64 { return v * inv[t] }, Wn)
	Hn.Apply(func(t, _ int, v float64) float64 { return v * scale[t] }, Hn)
	return Wn, Hn
}

// Topics returns the Topic field of each assignment, in order.
func Topics(as []Assignment) []int {
	ts := make([]int, len(as))
	for i, a := range as {
		ts[i] = a.Topic
	}
	return ts
}

// columnNorms returns the L2 norm of each column of W after checking that W
// and H can be multiplied.
func columnNorms(W, H *mat.Dense) []float64 {
	_, k := W.Dims()
	if r, _ := H.Dims(); r != k {
		panic(mat.ErrShape)
	}
	wr := W.RawMatrix()
	norms := make([]float64, k)
	for r := 0; r < wr.Rows; r++ {
		row := wr.Data[r*wr.Stride : r*wr.Stride+k]
		for t, v := range row {
			norms[t] += v * v
		}
	}
	for t := range norms {
		norms[t] = math.Sqrt(norms[t])
	}
	return norms
}
