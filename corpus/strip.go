package corpus

import (
	"fmt"
	"slices"
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
	// StripMail removes a leading header block only when it is a mail or
	// news header (at least two of its fields are RFC 5322 or RFC 5536
	// fields such as From, Subject, Date, Newsgroups), keeping the Subject
	// value, without "Re:", as the first line, and then the lead-in lines
	// of quoted replies ("In article <id>, addr (Name) writes:"), which are
	// addresses and names; the quoted text stays. Other documents are left
	// as they are.
	StripMail
	// StripNone removes nothing; it stands for "no cleaning" where an
	// unset Strip would mean a default (pipeline.Config).
	StripNone
)

// stripNames maps the flag words to their bits.
var stripNames = map[string]Strip{
	"headers":    StripHeaders,
	"quotes":     StripQuotes,
	"signatures": StripSignatures,
	"mail":       StripMail,
	"none":       StripNone,
	"all":        StripHeaders | StripQuotes | StripSignatures,
}

// ParseStrip reads a comma-separated list of "mail", "headers", "quotes",
// "signatures" or "all", or "none"; "" means nothing (the zero Strip).
func ParseStrip(s string) (Strip, error) {
	var st Strip
	for _, word := range strings.Split(s, ",") {
		word = strings.ToLower(strings.TrimSpace(word))
		if word == "" {
			continue
		}
		bit, ok := stripNames[word]
		if !ok {
			return 0, fmt.Errorf("strip %q: unknown part %q (want mail, headers, quotes, signatures, all or none)", s, word)
		}
		st |= bit
	}
	if st&StripNone != 0 && st != StripNone {
		return 0, fmt.Errorf("strip %q: none goes alone", s)
	}
	return st, nil
}

// String lists the parts as ParseStrip reads them.
func (s Strip) String() string {
	var parts []string
	for _, name := range []string{"mail", "headers", "quotes", "signatures", "none"} {
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
// StripHeaders the Subject value, without "Re:", becomes the first line;
// StripMail removes only a mail or news header block and always keeps the
// subject and drops the reply lead-in lines of mail.
func StripEmail(text string, s Strip, keepSubject bool) string {
	subject := ""
	if s&(StripHeaders|StripMail) != 0 {
		if subj, body, known, ok := splitHeaders(text); ok && (s&StripHeaders != 0 || known >= minMailFields) {
			text = body
			if keepSubject || s&StripHeaders == 0 {
				subject = subj
			}
			if s&StripMail != 0 && s&StripQuotes == 0 {
				text = dropLines(text, isAttributionLine)
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
		lines = slices.DeleteFunc(lines, isQuoteLine)
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
// joined, "Re:" removed) and the body after the blank line; known counts
// the fields that are mail or news header fields (see mailFields); ok is
// false when the text does not start with headers.
func splitHeaders(text string) (subject, body string, known int, ok bool) {
	inSubject, sawField := false, false
	rest := text
	for {
		line, after, more := strings.Cut(rest, "\n")
		line = strings.TrimSuffix(line, "\r")
		switch {
		case line == "":
			return cleanSubject(subject), after, known, sawField
		case line[0] == ' ' || line[0] == '\t':
			if inSubject {
				subject += " " + strings.TrimSpace(line)
			}
		default:
			name, value, isField := headerField(line)
			if !isField {
				return "", "", 0, false
			}
			sawField = true
			if isMailField(name) {
				known++
			}
			inSubject = strings.EqualFold(name, "subject")
			if inSubject {
				subject = strings.TrimSpace(value)
			}
		}
		if !more {
			return cleanSubject(subject), "", known, sawField
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

// dropLines removes the lines of text for which drop is true.
func dropLines(text string, drop func(string) bool) string {
	return strings.Join(slices.DeleteFunc(strings.Split(text, "\n"), drop), "\n")
}

// isQuoteLine reports whether a line is a quoted reply or its lead-in.
func isQuoteLine(l string) bool {
	return strings.HasPrefix(l, ">") || strings.HasPrefix(l, "|") || isAttributionLine(l)
}

// isAttributionLine reports whether a line is the lead-in of a quoted reply
// ("In article <id>, addr (Name) writes:", "... wrote:").
func isAttributionLine(l string) bool {
	if strings.HasPrefix(l, "In article") || strings.HasPrefix(l, "Quoted from") {
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
