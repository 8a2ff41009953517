package corpus

import (
	"fmt"
	"strings"
)

// Strip is a set of e-mail parts to remove from each document.
type Strip uint8

// The e-mail parts StripEmail can remove.
const (
	// StripHeaders removes a leading "Name: value" header block up to the first blank line.
	StripHeaders Strip = 1 << iota
	// StripQuotes removes quoted reply lines and their "... writes:" lead-ins.
	StripQuotes
	// StripSignatures removes the block after the last line made only of dashes ("--").
	StripSignatures
)

// stripNames maps the flag words to their bits.
var stripNames = map[string]Strip{
	"headers":    StripHeaders,
	"quotes":     StripQuotes,
	"signatures": StripSignatures,
	"all":        StripHeaders | StripQuotes | StripSignatures,
}

// ParseStrip reads a comma-separated list of "headers", "quotes",
// "signatures" or "all"; "" means nothing.
func ParseStrip(s string) (Strip, error) {
	var st Strip
	for _, word := range strings.Split(s, ",") {
		word = strings.ToLower(strings.TrimSpace(word))
		if word == "" {
			continue
		}
		bit, ok := stripNames[word]
		if !ok {
			return 0, fmt.Errorf("strip %q: unknown part %q (want headers, quotes, signatures or all)", s, word)
		}
		st |= bit
	}
	return st, nil
}

// String lists the parts as ParseStrip reads them.
func (s Strip) String() string {
	var parts []string
	for _, name := range []string{"headers", "quotes", "signatures"} {
		if s&stripNames[name] != 0 {
			parts = append(parts, name)
		}
	}
	return strings.Join(parts, ",")
}

// StripEmail removes the parts s selects from a news or mail post, as
// scikit-learn's 20-newsgroups loader does: the header block, quoted lines
// (">", "|", "In article", "... writes:", "wrote:", "says:", "said:") and
// the signature after the last dashes-only line. With keepSubject and
// StripHeaders the Subject value, without "Re:", becomes the first line.
func StripEmail(text string, s Strip, keepSubject bool) string {
	subject := ""
	if s&StripHeaders != 0 {
		if subj, body, ok := splitHeaders(text); ok {
			text = body
			if keepSubject {
				subject = subj
			}
		}
	}
	if s&(StripQuotes|StripSignatures) != 0 {
		text = stripBody(text, s)
	}
	if subject != "" {
		return subject + "\n" + text
	}
	return text
}

// stripBody removes quoted lines and the signature block from a body.
func stripBody(text string, s Strip) string {
	lines := strings.Split(text, "\n")
	if s&StripQuotes != 0 {
		kept := lines[:0]
		for _, l := range lines {
			if !isQuoteLine(l) {
				kept = append(kept, l)
			}
		}
		lines = kept
	}
	if s&StripSignatures != 0 {
		for i := len(lines) - 1; i > 0; i-- {
			if isSignatureLine(lines[i]) {
				lines = lines[:i]
				break
			}
		}
	}
	return strings.Join(lines, "\n")
}

// splitHeaders splits a text that starts with a header block (lines up to
// the first empty one, each a "Name: value" field or an indented
// continuation, whitespace-only lines included, at least one a field) into the Subject value (continuations
// joined, "Re:" removed) and the body after the blank line; ok is false when
// the text does not start with headers.
func splitHeaders(text string) (subject, body string, ok bool) {
	inSubject, sawField := false, false
	rest := text
	for {
		line, after, more := strings.Cut(rest, "\n")
		line = strings.TrimSuffix(line, "\r")
		switch {
		case line == "":
			return cleanSubject(subject), after, sawField
		case line[0] == ' ' || line[0] == '\t':
			if inSubject {
				subject += " " + strings.TrimSpace(line)
			}
		default:
			name, value, isField := headerField(line)
			if !isField {
				return "", "", false
			}
			sawField = true
			inSubject = strings.EqualFold(name, "subject")
			if inSubject {
				subject = strings.TrimSpace(value)
			}
		}
		if !more {
			return cleanSubject(subject), "", sawField
		}
		rest = after
	}
}

// headerField splits "Name: value"; a name is printable ASCII without spaces or colons.
func headerField(line string) (name, value string, ok bool) {
	i := strings.IndexByte(line, ':')
	if i <= 0 {
		return "", "", false
	}
	for j := 0; j < i; j++ {
		if c := line[j]; c <= ' ' || c > '~' {
			return "", "", false
		}
	}
	return line[:i], line[i+1:], true
}

// cleanSubject removes any number of leading "Re:" from a subject.
func cleanSubject(s string) string {
	for len(s) >= 3 && strings.EqualFold(s[:3], "re:") {
		s = strings.TrimSpace(s[3:])
	}
	return s
}

// quoteMarks are the lead-in phrases that scikit-learn's quote filter drops a line for.
var quoteMarks = []string{"writes in", "writes:", "wrote:", "says:", "said:"}

// isQuoteLine reports whether a line is a quoted reply or its lead-in.
func isQuoteLine(l string) bool {
	if strings.HasPrefix(l, ">") || strings.HasPrefix(l, "|") ||
		strings.HasPrefix(l, "In article") || strings.HasPrefix(l, "Quoted from") {
		return true
	}
	for _, m := range quoteMarks {
		if strings.Contains(l, m) {
			return true
		}
	}
	return false
}

// isSignatureLine reports whether a line is a signature separator: two or
// more dashes and nothing else but trailing spaces ("-- " is the usual form).
func isSignatureLine(l string) bool {
	l = strings.TrimRight(l, " \t\r")
	return len(l) >= 2 && strings.Trim(l, "-") == ""
}
