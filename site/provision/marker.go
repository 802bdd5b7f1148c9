package provision

import "strings"

// markerKind tells a paragraph number from a point letter.
type markerKind int

const (
	noMarker    markerKind = iota
	paraMarker             // "1."
	pointMarker            // "(a)", "(iv)", or "a.", "iv." as some translations write them
)

// Limits on what counts as a marker: CommonMark allows at most nine digits
// in a list number, and UN texts run points up to "(zzzzz)" at most.
const (
	maxDigits  = 9
	maxLetters = 5
)

// scanMarker reads the marker a provision line starts with. num is the
// number without punctuation ("1", "b"), and width covers the marker and the
// spaces or tabs after it, at least one of which is required. A point is
// written "(b)", as in the United Nations texts, or "b.", as in translations
// such as the Dutch one; both give the same identifier.
func scanMarker(line []byte) (kind markerKind, marker, num string, width int) {
	i := 0
	switch {
	case i < len(line) && isDigit(line[i]):
		for i < len(line) && isDigit(line[i]) {
			i++
		}
		if i > maxDigits || i >= len(line) || line[i] != '.' {
			return noMarker, "", "", 0
		}
		kind, num = paraMarker, string(line[:i])
		i++
	case i < len(line) && line[i] == '(':
		i++
		for i < len(line) && isLetter(line[i]) {
			i++
		}
		if i == 1 || i-1 > maxLetters || i >= len(line) || line[i] != ')' {
			return noMarker, "", "", 0
		}
		kind, num = pointMarker, string(line[1:i])
		i++
	case i < len(line) && isLetter(line[i]):
		// "a.", "ii.": the style of the Dutch treaty database, among others.
		for i < len(line) && isLetter(line[i]) {
			i++
		}
		if i > maxLetters || i >= len(line) || line[i] != '.' {
			return noMarker, "", "", 0
		}
		kind, num = pointMarker, string(line[:i])
		i++
	default:
		return noMarker, "", "", 0
	}
	end := i
	for i < len(line) && (line[i] == ' ' || line[i] == '\t') {
		i++
	}
	if i == end {
		return noMarker, "", "", 0
	}
	return kind, string(line[:end]), num, i
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' }

// isRoman reports whether s is a lower-case roman numeral written the usual
// way. Only i, v and x count: c, d, l and m are far more often letters.
func isRoman(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		v := romanValue(s[i])
		if v == 0 {
			return false
		}
		if i+1 < len(s) && romanValue(s[i+1]) > v {
			n -= v
		} else {
			n += v
		}
	}
	return n > 0 && toRoman(n) == s
}

func romanValue(c byte) int {
	switch c {
	case 'i':
		return 1
	case 'v':
		return 5
	case 'x':
		return 10
	}
	return 0
}

// toRoman writes n (1–39) as a lower-case roman numeral.
func toRoman(n int) string {
	if n <= 0 || n >= 40 {
		return ""
	}
	ones := [...]string{"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"}
	return strings.Repeat("x", n/10) + ones[n%10]
}

// nextLetter returns the point letter that follows s in UN numbering, where
// "(z)" is followed by "(aa)", "(bb)" and so on; "" when s is not a letter.
func nextLetter(s string) string {
	if s == "" || strings.Count(s, s[:1]) != len(s) {
		return ""
	}
	if c := s[0]; c < 'z' {
		return strings.Repeat(string(c+1), len(s))
	}
	if len(s) >= maxLetters {
		return ""
	}
	return strings.Repeat("a", len(s)+1)
}
