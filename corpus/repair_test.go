package corpus

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRepairUTF8(t *testing.T) {
	tests := []struct {
		name, in, want string
		repaired       bool
	}{
		{"valid ASCII", "plain", "plain", false},
		{"valid UTF-8", "café ☃ 😀", "café ☃ 😀", false},
		{"Latin-1", "caf\xe9 na\xefve", "café naïve", true},
		{"CP1252 punctuation", "\x93quote\x94 \x96 \x80 \x85", "“quote” – € …", true},
		{"undefined CP1252 byte", "a\x81b\xe9", "a\uFFFDb\uFFFD", true},
		{"UTF-8 with a stray byte", "caf\xc3\xa9 \xff", "café \uFFFD", true},
		{"cut sequence after UTF-8", "☃\xe2\x98", "☃\uFFFD\uFFFD", true},
		{"cut sequence in ASCII reads as CP1252", "ab\xe2\x98", "abâ˜", true},
	}
	for _, tc := range tests {
		got, repaired := RepairUTF8(tc.in)
		if got != tc.want || repaired != tc.repaired {
			t.Errorf("%s: RepairUTF8(%q) = %q, %v; want %q, %v", tc.name, tc.in, got, repaired, tc.want, tc.repaired)
		}
	}
}

func TestCutAtRune(t *testing.T) {
	tests := []struct {
		in   string
		max  int
		want string
	}{
		{"hello", 10, "hello"},
		{"hello", 3, "hel"},
		{"héllo", 2, "h"},
		{"héllo", 3, "hé"},
		{"😀😀", 7, "😀"},
		{"\x80\x80\x80\x80\x80\x80", 3, "\x80\x80\x80"},
	}
	for _, tc := range tests {
		if got := cutAtRune(tc.in, tc.max); got != tc.want {
			t.Errorf("cutAtRune(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
		if got := string(cutAtRune([]byte(tc.in), tc.max)); got != tc.want {
			t.Errorf("cutAtRune([]byte %q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
	}
}

func FuzzRepairUTF8(f *testing.F) {
	for _, s := range []string{"", "plain", "café", "caf\xe9", "\x93q\x94", "a\x81b", "\xc3\xa9\xff", "\xe2\x98", "😀\xf0\x9f"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, repaired := RepairUTF8(s)
		if !utf8.ValidString(got) {
			t.Fatalf("RepairUTF8(%q) = %q, not valid UTF-8", s, got)
		}
		if valid := utf8.ValidString(s); repaired == valid || valid && got != s {
			t.Fatalf("RepairUTF8(%q) = %q, %v", s, got, repaired)
		}
	})
}

func FuzzReadJSONL(f *testing.F) {
	for _, s := range []string{
		`{"text": "a", "id": "1", "label": "x", "date": "2024-01-01"}`,
		`{"text": 5}`, `{"text": null}`, `{"text": "caf` + "\xe9" + `"}`, `[1, 2]`, `{"text": {"a": 1}}`, `not json`, `{}`,
	} {
		f.Add([]byte(s))
	}
	opts := Options{TextField: "text", IDField: "id", LabelField: "label", DateField: "date"}
	fields := map[string]json.RawMessage{}
	f.Fuzz(func(t *testing.T, line []byte) {
		rec, repaired, err := decodeJSONRecord(line, opts, fields)
		if repaired != !utf8.Valid(line) {
			t.Fatalf("repaired %v for %q", repaired, line)
		}
		if err != nil {
			return
		}
		for _, s := range []string{rec.text, rec.id, rec.label, rec.date} {
			if !utf8.ValidString(s) {
				t.Fatalf("field %q of %q is not valid UTF-8", s, line)
			}
		}
		if !strings.Contains(string(line), `"text"`) && !repaired {
			t.Fatalf("%q decoded without a text field: %+v", line, rec)
		}
	})
}

func TestStatsString(t *testing.T) {
	tests := []struct {
		st   Stats
		want string
	}{
		{Stats{}, "read 0 documents, skipped 0"},
		{Stats{Read: 1}, "read 1 document, skipped 0"},
		{Stats{Read: 18846, Repaired: 5, Truncated: 1, Skipped: map[Reason]int{ReasonUnreadable: 1, ReasonBinary: 2, ReasonEmpty: 0}},
			"read 18846 documents, skipped 3 (binary 2, unreadable 1), repaired encoding in 5, truncated 1"},
	}
	for _, tc := range tests {
		if got := tc.st.String(); got != tc.want {
			t.Errorf("got %q, want %q", got, tc.want)
		}
	}
}
