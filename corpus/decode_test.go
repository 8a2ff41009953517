package corpus

import (
	"context"
	"encoding/binary"
	"math/rand/v2"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"
)

// utf16Bytes encodes s as UTF-16 in the given byte order, after bom.
func utf16Bytes(s string, order binary.ByteOrder, bom bool) string {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	b := make([]byte, 2*len(units))
	for i, u := range units {
		order.PutUint16(b[2*i:], u)
	}
	return string(b)
}

// randomBytes is n bytes that look like compressed data.
func randomBytes(n int) string {
	rng := rand.New(rand.NewPCG(7, 8))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(rng.Uint32())
	}
	return string(b)
}

// TestReadFolderEncodings reads files that are text in odd ways (UTF-16,
// stray NULs) and files that are binary, and checks the text read and the
// problem reported, with its message.
func TestReadFolderEncodings(t *testing.T) {
	mail := "From: a@example.com\nSubject: offer\n\n" + strings.Repeat("Buy cheap watches today. ", 40) + "\n"
	text := "héllo wörld ☃ 😀 naïve"
	tests := []struct {
		name, content string
		opts          Options
		text          string // "" when skipped
		problem       string // "reason: message", "" for none
	}{
		{"mail with a NUL at the very end", mail + "\x00", Options{}, mail, "repaired-encoding: dropped 1 NUL byte"},
		{"NULs here and there", "one\x00 two " + strings.Repeat("words ", 30) + "\x00three\x00", Options{}, "one two " + strings.Repeat("words ", 30) + "three", "repaired-encoding: dropped 3 NUL bytes"},
		{"NUL and Latin-1", strings.Repeat("caf\xe9 ", 20) + "\x00", Options{}, strings.Repeat("café ", 20), "repaired-encoding: dropped 1 NUL byte, invalid UTF-8"},
		{"NUL past the first 8 KiB", strings.Repeat("x", 9000) + "\x00y", Options{}, strings.Repeat("x", 9000) + "y", "repaired-encoding: dropped 1 NUL byte"},
		{"control bytes without a NUL are text", "a\x01b\x02c", Options{}, "a\x01b\x02c", ""},
		{"short with a NUL", "abc\x00def", Options{}, "", "binary: 1 of the first 7 bytes are control bytes, NUL among them"},
		{"random bytes", randomBytes(4000), Options{}, "", "binary: "},
		{"PNG header and data", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + randomBytes(500), Options{}, "", "binary: "},
		{"UTF-16LE with BOM", utf16Bytes(text, binary.LittleEndian, true), Options{}, text, ""},
		{"UTF-16BE with BOM", utf16Bytes(text, binary.BigEndian, true), Options{}, text, ""},
		{"UTF-16LE with BOM, cut at an odd limit", utf16Bytes("abcdef", binary.LittleEndian, true), Options{MaxBytes: 7}, "ab", "truncated: cut at 7 bytes"},
		{"UTF-16LE with a lone surrogate", utf16Bytes("ab", binary.LittleEndian, true) + "\x00\xd8c\x00", Options{}, "ab\uFFFDc", ""},
		{"UTF-16LE without BOM", utf16Bytes("plain ascii words", binary.LittleEndian, false), Options{}, "", "binary: UTF-16LE text without a byte-order mark"},
		{"UTF-16BE without BOM", utf16Bytes("plain ascii words", binary.BigEndian, false), Options{}, "", "binary: UTF-16BE text without a byte-order mark"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := tree{"a/doc.txt": tc.content}.make(t)
			var problems []string
			opts := tc.opts
			opts.OnProblem = func(p Problem) {
				problems = append(problems, strings.TrimPrefix(p.String(), filepath.Join(root, "a", "doc.txt")+": "))
			}
			var texts []string
			_, err := Read(context.Background(), root, opts, func(d Document) error {
				texts = append(texts, d.Text)
				return nil
			})
			if tc.text == "" {
				if err == nil || len(texts) > 0 {
					t.Errorf("read %q, want it skipped", texts)
				}
			} else if err != nil || len(texts) != 1 || texts[0] != tc.text {
				t.Errorf("read %q (err %v), want %q", texts, err, tc.text)
			}
			switch {
			case tc.problem == "" && len(problems) > 0:
				t.Errorf("problems %q, want none", problems)
			case tc.problem != "" && (len(problems) != 1 || !strings.HasPrefix(problems[0], tc.problem)):
				t.Errorf("problems %q, want one starting %q", problems, tc.problem)
			}
		})
	}
}

// FuzzDecode checks that whatever bytes a file holds, what is read is valid
// UTF-8 without NULs, and that a file sniffed as binary holds a NUL.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{"plain", "a\x00", "\xff\xfea\x00", "\xfe\xff\x00a\xd8", "caf\xe9\x00", "a\x00b\x00c\x00"} {
		f.Add([]byte(s), 3)
	}
	f.Fuzz(func(t *testing.T, data []byte, keep int) {
		keep = max(keep, 0)
		enc, bin := sniff(data)
		if bin != "" {
			if !strings.Contains(string(data[:min(len(data), binaryProbe)]), "\x00") {
				t.Fatalf("%q is binary without a NUL", data)
			}
			return
		}
		text, _ := decode(data, keep, enc)
		if !utf8.ValidString(text) || strings.Contains(text, "\x00") {
			t.Fatalf("decode(%q, %d) = %q", data, keep, text)
		}
	})
}
