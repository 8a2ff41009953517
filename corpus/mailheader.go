package corpus

import "strings"

// minMailFields is how many mail or news header fields a leading block of
// "Name: value" lines needs for StripMail to take it for a header: one
// field ("Note: ..." or "Date: ...") is too easily prose or a form, two
// are what any real message carries (From and Subject, at least).
const minMailFields = 2

// mailFields are the header fields of mail (RFC 5322, RFC 2045, RFC 2369)
// and news (RFC 5536, RFC 1036) messages, and the common ones that mail and
// news software adds, lower-cased.
var mailFields = func() map[string]bool {
	m := make(map[string]bool)
	for _, f := range strings.Fields(`
		from sender reply-to to cc bcc subject date message-id in-reply-to
		references comments keywords received return-path resent-from
		resent-to resent-date resent-message-id mime-version content-type
		content-transfer-encoding content-disposition list-id list-post
		list-unsubscribe delivered-to user-agent organization
		newsgroups path followup-to expires distribution summary lines
		approved control supersedes xref article-i.d. nntp-posting-host
		nntp-posting-date originator posted-by posted`) {
		m[f] = true
	}
	return m
}()

// isMailField reports whether a header field name is a mail or news field:
// one of mailFields, or an extension field named "X-...".
func isMailField(name string) bool {
	name = strings.ToLower(name)
	return mailFields[name] || len(name) > 2 && strings.HasPrefix(name, "x-")
}
