package pipeline_test

import (
	"context"
	"fmt"
	"log"

	"github.com/topicmill/topicmill/factor"
	"github.com/topicmill/topicmill/pipeline"
)

// The steps compose: vectorize once, fit the matrix for several k (a
// sweep), and summarize the fit you keep.
func Example_steps() {
	ctx := context.Background()
	cfg := pipeline.Config{Source: "../testdata/demo"}
	vec, err := pipeline.Vectorize(ctx, cfg)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%d terms × %d documents\n", vec.X.Rows, vec.X.Cols)
	for _, k := range []int{3, 6} {
		fit, err := pipeline.Fit(ctx, vec, factor.NMF{K: k}, nil)
		if err != nil {
			log.Fatal(err)
		}
		res := pipeline.Summarize(cfg, vec, fit)
		fmt.Printf("k = %d: NMI %.2f\n", k, res.Report.Scores.NMI)
	}
	// Output:
	// 224 terms × 300 documents
	// k = 3: NMI 0.72
	// k = 6: NMI 1.00
}

// Run is the three steps in one call.
func ExampleRun() {
	res, err := pipeline.Run(context.Background(), pipeline.Config{Source: "../testdata/demo", NMF: factor.NMF{K: 6}})
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range res.Report.Topics[:2] {
		fmt.Println(t.Size, t.MajorityLabel, t.Terms[0].Term)
	}
	// Output:
	// 50 gardening water
	// 50 space orbital
}
