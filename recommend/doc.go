// Package recommend is NMF's second use: a users × items table of ratings
// with most entries missing. It reads the ratings (CSV with a header, TSV
// by position or with a header, Parquet), with errors that name the line.
package recommend
