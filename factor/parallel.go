package factor

// blockRows is the fixed partition of rows into blocks: reductions sum one
// partial per block in block order, so results never depend on the number of
// workers.
const blockRows = 256

// numBlocks is the number of fixed blocks covering n rows.
func numBlocks(n int) int { return (n + blockRows - 1) / blockRows }
