// Package recommend is NMF's second use: a users × items table of ratings
// with most entries missing, factored into non-negative user and item
// factors whose product (plus an offset and biases) fills the gaps, and
// whose item factors find similar items by cosine similarity.
//
// Read takes the ratings from CSV (a header), TSV (by position, as
// MovieLens's u.data, or with a header) or Parquet, with errors that name
// the line. Fit fits the masked model r̂ = μ + b_u + b_i + p_u·q_i, p, q ≥ 0:
// only observed ratings enter the loss (a missing rating is unknown, never
// a zero), with L2 penalties on factors and biases. It alternates exact
// row solves, every user's (b_u, p_u) with the items fixed and then every
// item's, each a regularized non-negative least-squares problem over the
// row's observed entries alone: the bias is eliminated in closed form, the
// small k × k Gram matrix of the other side's rows at those entries is
// kernel.Gram's (on the rows gathered into a dense block), and the
// non-negative solve is kernel.HALSRow's coordinate descent, the one that
// package factor's Transform uses. Rows run in parallel over the fixed
// blocks of parallel.Blocks and depend on nothing but the other side, so a
// fit has the same bits for any number of workers.
//
// A Model predicts (clipped to the scale; unknown users or items, flagged,
// are taken to be the average one), lists a user's best unrated items
// (Top), an item's nearest items (Similar) and predicts by item-kNN with
// the lecture's rank weights (PredictKNN). Evaluate cross-validates with
// seeded folds as Surprise's KFold does. Save and Load keep a model as JSON
// beside a binary file, versioned and tied by a SHA-256 checksum, as
// package pipeline keeps the topic model.
package recommend
