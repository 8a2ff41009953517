package tokenize

import (
	"fmt"
	"testing"
)

// TestTable checks ids, lookups and keys against a Go map over enough keys
// to make the table grow several times, including the empty key and keys
// that share prefixes and 8-byte chunks.
func TestTable(t *testing.T) {
	var tb table
	check := func(want map[string]int32) {
		t.Helper()
		for k, id := range want {
			if got := tb.find([]byte(k), hashKey([]byte(k))); got != id {
				t.Fatalf("find(%q) = %d, want %d", k, got, id)
			}
			if got := string(tb.key(id)); got != k {
				t.Fatalf("key(%d) = %q, want %q", id, got, k)
			}
		}
		if got := tb.find([]byte("absent"), hashKey([]byte("absent"))); got != -1 {
			t.Fatalf("find(absent) = %d, want -1", got)
		}
	}
	want := map[string]int32{}
	keys := []string{"", "a", "ab", "abcdefgh", "abcdefghi", "abcdefgh\x00", "\x00"}
	for i := range 5000 {
		keys = append(keys, fmt.Sprintf("w%d", i), fmt.Sprintf("longer-word-%08d", i))
	}
	for _, k := range keys {
		h := hashKey([]byte(k))
		if got := tb.find([]byte(k), h); got != -1 {
			t.Fatalf("find(%q) before insert = %d, want -1", k, got)
		}
		want[k] = tb.insert([]byte(k), h)
		if int(want[k]) != len(want)-1 {
			t.Fatalf("insert(%q) = %d, want %d", k, want[k], len(want)-1)
		}
	}
	if tb.len() != len(keys) {
		t.Fatalf("len = %d, want %d", tb.len(), len(keys))
	}
	check(want)
	// Tables past 2^tagBits slots grow by hashing every key again.
	tb.slots = make([]slot, len(tb.slots))
	tb.rehash()
	check(want)
}

func BenchmarkTableFind(b *testing.B) {
	var tb table
	keys := make([][]byte, 1<<16)
	for i := range keys {
		keys[i] = fmt.Appendf(nil, "word%d", i)
		tb.insert(keys[i], hashKey(keys[i]))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		k := keys[i&(len(keys)-1)]
		if tb.find(k, hashKey(k)) < 0 {
			b.Fatal("missing key")
		}
	}
}

func TestPartialWord(t *testing.T) {
	text := []byte("abcdefghijklmnop")
	for n := 0; n <= 8; n++ {
		// Inside a longer array (one load), capped at its length (byte by
		// byte), and at the very end of its array (byte by byte).
		for _, key := range [][]byte{text[3 : 3+n], text[3 : 3+n : 3+n], text[16-n:]} {
			var want uint64
			for i, c := range key {
				want |= uint64(c) << (8 * i)
			}
			if got := partialWord(key); got != want {
				t.Errorf("partialWord(%q, cap %d) = %#x, want %#x", key, cap(key), got, want)
			}
		}
	}
}
