package corpus

import (
	"strings"
	"testing"
	"unicode/utf8"
)

const post = `From: alice@example.com (Alice)
Subject: Re: Re: Launch window
 for the orbiter
Organization: Example
Lines: 12

In article <1993Apr1.1234@example.com> bob@example.com (Bob) writes:
>The window opens at dawn.
>> Are you sure?
| old quote
The window opens at noon.
Orbit insertion follows.

Thanks, Alice
-- 
Alice Example | alice@example.com
`

func TestStripEmail(t *testing.T) {
	tests := []struct {
		name        string
		text        string
		strip       Strip
		keepSubject bool
		want        string
	}{
		{"nothing", post, 0, false, post},
		{"headers", "From: a\nSubject: s\n\nbody\n", StripHeaders, false, "body\n"},
		{"headers keep subject", post, StripHeaders, true,
			"Launch window for the orbiter\n" + post[strings.Index(post, "In article"):]},
		{"quotes", "a\n> q\nb\n|q\nJoe wrote:\nc said: x\nQuoted from Bob\nd", StripQuotes, false, "a\nb\nd"},
		{"signature", "body\n--\nsig", StripSignatures, false, "body"},
		{"last dashes line wins", "body\n---\nmiddle\n-- \nsig", StripSignatures, false, "body\n---\nmiddle"},
		{"single dash is not a separator", "body\n-\nnot sig", StripSignatures, false, "body\n-\nnot sig"},
		{"dashes on the first line are kept", "--\nall body", StripSignatures, false, "--\nall body"},
		{"all", post, StripHeaders | StripQuotes | StripSignatures, false,
			"The window opens at noon.\nOrbit insertion follows.\n\nThanks, Alice"},
		{"all keep subject", post, StripHeaders | StripQuotes | StripSignatures, true,
			"Launch window for the orbiter\nThe window opens at noon.\nOrbit insertion follows.\n\nThanks, Alice"},
		{"no header block: first line is prose", "Hello there: friends\nnot a header line\n\nbody", StripHeaders, true,
			"Hello there: friends\nnot a header line\n\nbody"},
		{"no header block: leading blank line", "\nFrom: a\n\nbody", StripHeaders, false, "\nFrom: a\n\nbody"},
		{"leading continuation line", " host!path\n  more!path\nSubject: s\n\nbody", StripHeaders, true, "s\nbody"},
		{"whitespace-only line continues the block", "Summary: a\n \n b\nLines: 2\n\nbody", StripHeaders, false, "body"},
		{"continuation lines only", " indented\n  prose\n\nbody", StripHeaders, false, " indented\n  prose\n\nbody"},
		{"headers without body", "From: a\nSubject: only", StripHeaders, true, "only\n"},
		{"mail header keeps the subject, drops lead-ins", post, StripMail, false,
			"Launch window for the orbiter\n" + post[strings.Index(post, ">The window"):]},
		{"lead-ins stay in text that is not mail", "In article 5 Bob writes: yes\nbody", StripMail, false, "In article 5 Bob writes: yes\nbody"},
		{"mail header without subject", "From: a\nX-Mailer: b\n\nbody", StripMail, false, "body"},
		{"one mail field is not a header", "Date: today\nTitle: notes\n\nbody", StripMail, false, "Date: today\nTitle: notes\n\nbody"},
		{"fields that are not mail", "Note: remember\nTitle: notes\n\nbody", StripMail, false, "Note: remember\nTitle: notes\n\nbody"},
		{"plain text is left alone", "Dear all: hello\n\nbody", StripMail, false, "Dear all: hello\n\nbody"},
		{"mail and quotes", post, StripMail | StripQuotes, false,
			"Launch window for the orbiter\nThe window opens at noon.\nOrbit insertion follows.\n\nThanks, Alice\n-- \nAlice Example | alice@example.com\n"},
		{"none", post, StripNone, true, post},
		{"CRLF headers", "From: a\r\nSubject: Re: hi\r\n\r\nbody\r\n", StripHeaders, true, "hi\nbody\r\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := StripEmail(tc.text, tc.strip, tc.keepSubject); got != tc.want {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestParseStrip(t *testing.T) {
	tests := []struct {
		in   string
		want Strip
		err  bool
	}{
		{"", 0, false},
		{"headers", StripHeaders, false},
		{"quotes, signatures", StripQuotes | StripSignatures, false},
		{"all", StripHeaders | StripQuotes | StripSignatures, false},
		{"Headers,headers", StripHeaders, false},
		{"mail", StripMail, false},
		{"none", StripNone, false},
		{"none,quotes", 0, true},
		{"footers", 0, true},
	}
	for _, tc := range tests {
		got, err := ParseStrip(tc.in)
		if got != tc.want || (err != nil) != tc.err {
			t.Errorf("ParseStrip(%q) = %v, %v; want %v, error %v", tc.in, got, err, tc.want, tc.err)
		}
		if err == nil {
			if back, _ := ParseStrip(got.String()); back != got {
				t.Errorf("%v does not round-trip through String %q", got, got.String())
			}
		}
	}
}

func FuzzStripEmail(f *testing.F) {
	f.Add(post, uint8(7), true)
	f.Add("From: a\nSubject: Re: x\n\nbody\n> q\n-- \nsig", uint8(7), false)
	f.Add("plain text\n--\n", uint8(4), false)
	f.Add("Subject:\n\n", uint8(1), true)
	f.Fuzz(func(t *testing.T, text string, bits uint8, keep bool) {
		s := Strip(bits) & (StripHeaders | StripQuotes | StripSignatures | StripMail | StripNone)
		got := StripEmail(text, s, keep)
		if s&^StripNone == 0 && got != text {
			t.Fatalf("no strip changed %q to %q", text, got)
		}
		if len(got) > len(text) {
			t.Fatalf("output %q longer than input %q", got, text)
		}
		if utf8.ValidString(text) && !utf8.ValidString(got) {
			t.Fatalf("valid input %q gave invalid output %q", text, got)
		}
		if q := StripEmail(text, StripQuotes, false); StripEmail(q, StripQuotes, false) != q {
			t.Fatalf("quote stripping not idempotent on %q", text)
		}
	})
}
