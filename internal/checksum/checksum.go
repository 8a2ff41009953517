// Package checksum ties a saved model's JSON to its binary file: the
// SHA-256 of both, so that a damaged file, or a binary file from another
// model, is caught at load.
package checksum

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// Of returns, in hex, the SHA-256 of v's JSON encoding followed by data.
// v must hold an empty checksum field: the caller blanks it. encoding/json
// writes a struct the same way every time and float64s so that they read
// back exactly, so a loaded model recomputes the sum of the files it came
// from.
func Of(v any, data []byte) (string, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("checksum: %w", err)
	}
	h := sha256.New()
	h.Write(body)
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil)), nil
}
