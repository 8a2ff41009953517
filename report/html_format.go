package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// This file formats numbers and untrusted text for people; the HTML report
// and the console summary share it so both say the same thing the same way.

// clean makes untrusted text safe to show: invalid UTF-8 becomes U+FFFD and
// control characters (terminal escapes, NUL) become spaces. html/template
// escapes markup but copies invalid bytes through, and a terminal would
// obey an ESC, so every string from the corpus passes through here.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\t' {
			return ' '
		}
		if unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, s)
}

// count formats an integer with thousands separators: 1234567 -> "1,234,567".
func count(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	if neg {
		s = s[1:]
	}
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// percent formats a share in [0, 1] as "12.3 %".
func percent(share float64) string {
	return strconv.FormatFloat(share*100, 'f', 1, 64) + " %"
}

// decimal formats a score with three decimals: "0.512".
func decimal(x float64) string {
	if math.IsNaN(x) {
		return "n/a"
	}
	return strconv.FormatFloat(x, 'f', 3, 64)
}

// objective formats a loss value with four significant digits, switching to
// an exponent only for very large or very small values.
func objective(x float64) string {
	if math.IsNaN(x) {
		return "n/a"
	}
	ax := math.Abs(x)
	if ax != 0 && (ax >= 1e7 || ax < 1e-3) {
		return strconv.FormatFloat(x, 'e', 3, 64)
	}
	if ax >= 1000 {
		return count(int(math.Round(x)))
	}
	return strconv.FormatFloat(x, 'g', 4, 64)
}

// duration formats a wall time at a precision people read: "850 ms", "1.23 s", "2 min 05 s".
func duration(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return fmt.Sprintf("%d µs", d.Microseconds())
	case d < time.Second:
		return fmt.Sprintf("%d ms", d.Milliseconds())
	case d < time.Minute:
		return strconv.FormatFloat(d.Seconds(), 'f', 2, 64) + " s"
	default:
		m := int(d / time.Minute)
		s := int((d % time.Minute) / time.Second)
		return fmt.Sprintf("%d min %02d s", m, s)
	}
}
