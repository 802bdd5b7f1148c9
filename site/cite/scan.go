package cite

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The lexical pieces of a citation: keywords, numbers, parenthesised parts,
// separators and range dashes. Each reader takes the text and a byte offset
// and reports where the piece ends, so the grammar can back off for free.

const (
	maxDigits      = 4  // longer digit runs are amounts, not article or paragraph numbers
	maxParenDigits = 3  // "(2016)" after a reference is a year, not a paragraph
	maxRange       = 50 // a wider range is more likely a typo than a citation
	maxNameWords   = 12 // bounds the look at an instrument's name after "of the"
)

// tokenKind is what a parenthesised part looks like, which decides where it
// can attach.
type tokenKind int

const (
	tokDigits  tokenKind = iota + 1 // "(1)": a paragraph
	tokLetters                      // "(b)", "(aa)": a point
	tokRoman                        // "(i)" to "(x)": a nested point after a letter, or a point itself
)

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
func isLower(b byte) bool { return 'a' <= b && b <= 'z' }
func isUpper(b byte) bool { return 'A' <= b && b <= 'Z' }

// isWordRune reports whether r continues a word, so that a keyword or number
// touching it is part of something longer ("particle", "6bis"). Citations
// are written in Latin letters, so only a Latin letter, a digit or a mark
// continues one: a letter of another script is a boundary, as in Chinese,
// written without spaces ("参见art. 6(1)(a)的规定"), or Arabic, which joins
// some words to the next ("وart. 6").
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		b := byte(r)
		return b == '_' || isLower(b|0x20) || isDigit(b)
	}
	if unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
		return true
	}
	return unicode.Is(unicode.Latin, r)
}

// boundaryBefore reports whether a word may start at i. Marks before i
// belong to the letter they follow, which decides.
func boundaryBefore(s string, i int) bool {
	if i <= 0 {
		return true
	}
	if b := s[i-1]; b < utf8.RuneSelf {
		return !isWordRune(rune(b))
	}
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.Is(unicode.Mn, r) {
			return !isWordRune(r)
		}
		i -= size
	}
	return true
}

// boundaryAfter reports whether a word may end at i.
func boundaryAfter(s string, i int) bool {
	if i >= len(s) {
		return true
	}
	if b := s[i]; b < utf8.RuneSelf {
		return !isWordRune(rune(b))
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return !isWordRune(r)
}

// spaceAt returns the width of the space at i, counting the no-break and
// thin spaces typeset between "art." and its number; line breaks count only
// when newline is set, because a "(1)" opening a line is a list marker.
func spaceAt(s string, i int, newline bool) int {
	if i >= len(s) {
		return 0
	}
	switch s[i] {
	case ' ', '\t':
		return 1
	case '\n', '\r':
		if newline {
			return 1
		}
	case 0xC2:
		if strings.HasPrefix(s[i:], "\u00a0") {
			return 2
		}
	case 0xE2:
		if strings.HasPrefix(s[i:], "\u202f") || strings.HasPrefix(s[i:], "\u2009") {
			return 3
		}
	}
	return 0
}

// skipSpace returns the end of the run of spaces and line breaks at i.
func skipSpace(s string, i int) int {
	for w := spaceAt(s, i, true); w > 0; w = spaceAt(s, i, true) {
		i += w
	}
	return i
}

// skipHSpace returns the end of the run of spaces at i, stopping at a line break.
func skipHSpace(s string, i int) int {
	for w := spaceAt(s, i, false); w > 0; w = spaceAt(s, i, false) {
		i += w
	}
	return i
}

// foldedPrefixAt reports whether s has word at i, its first letter in
// either case; word must be lower case.
func foldedPrefixAt(s string, i int, word string) bool {
	return i >= 0 && len(s)-i >= len(word) && s[i]|0x20 == word[0] && s[i+1:i+len(word)] == word[1:]
}

// wordAt returns the end of word at i, matched exactly and as a whole word.
func wordAt(s string, i int, word string) (int, bool) {
	if i < 0 || !strings.HasPrefix(s[i:], word) || !boundaryAfter(s, i+len(word)) {
		return 0, false
	}
	return i + len(word), true
}

// wordText returns the ASCII letters and digits at i.
func wordText(s string, i int) string {
	j := i
	for j < len(s) && (isLower(s[j]|0x20) || isDigit(s[j])) {
		j++
	}
	return s[i:j]
}

// keyword reads word or its plural at i, first letter in either case, and
// the space that must follow it; it returns where that space ends.
func keyword(s string, i int, word string) (end int, plural, ok bool) {
	if !foldedPrefixAt(s, i, word) {
		return 0, false, false
	}
	e := i + len(word)
	if e < len(s) && s[e] == 's' {
		plural = true
		e++
	}
	if !boundaryAfter(s, e) {
		return 0, false, false
	}
	if end = skipSpace(s, e); end == e {
		return 0, false, false
	}
	return end, plural, true
}

// articleKeyword reads "article", "articles", "art." or "arts." at i and the
// space after it, which the abbreviations may leave out ("art.6").
func articleKeyword(s string, i int) (end int, plural, ok bool) {
	if end, plural, ok = keyword(s, i, "article"); ok {
		return end, plural, true
	}
	if !foldedPrefixAt(s, i, "art") {
		return 0, false, false
	}
	e := i + len("art")
	if e < len(s) && s[e] == 's' {
		plural = true
		e++
	}
	if e >= len(s) || s[e] != '.' {
		return 0, false, false
	}
	return skipSpace(s, e+1), plural, true
}

// numberAt reads a number of 1 to maxDigits digits without a leading zero at
// i. Digits run into letters ("6bis") or into a decimal or thousands
// separator ("1,000", "6.2") are not a reference number.
func numberAt(s string, i int) (val, end int, ok bool) {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	if j == i || j-i > maxDigits || s[i] == '0' || !boundaryAfter(s, j) {
		return 0, 0, false
	}
	if j+1 < len(s) && (s[j] == '.' || s[j] == ',') && isDigit(s[j+1]) {
		return 0, 0, false
	}
	for k := i; k < j; k++ {
		val = val*10 + int(s[k]-'0')
	}
	return val, j, true
}

// parenAt reads a parenthesised part such as "(1)", "(b)" or "(iv)" at i.
func parenAt(s string, i int) (tok string, kind tokenKind, end int, ok bool) {
	if i >= len(s) || s[i] != '(' {
		return "", 0, 0, false
	}
	j := i + 1
	digits, letters := 0, 0
	for ; j < len(s) && j-i <= 5; j++ {
		if isDigit(s[j]) {
			digits++
		} else if isLower(s[j]) {
			letters++
		} else {
			break
		}
	}
	if j >= len(s) || s[j] != ')' {
		return "", 0, 0, false
	}
	tok = s[i+1 : j]
	switch {
	case digits > 0 && letters == 0 && digits <= maxParenDigits && tok[0] != '0':
		kind = tokDigits
	case digits == 0 && romanValue(tok) > 0:
		kind = tokRoman
	case digits == 0 && letters > 0 && letters <= 2:
		kind = tokLetters
	default:
		return "", 0, 0, false
	}
	return tok, kind, j + 1, true
}

// romanValue returns the value of a lower-case roman numeral from i to x,
// the numbering of nested points, or 0.
func romanValue(s string) int {
	switch s {
	case "i":
		return 1
	case "ii":
		return 2
	case "iii":
		return 3
	case "iv":
		return 4
	case "v":
		return 5
	case "vi":
		return 6
	case "vii":
		return 7
	case "viii":
		return 8
	case "ix":
		return 9
	case "x":
		return 10
	}
	return 0
}

// romanText is the inverse of romanValue.
func romanText(v int) string {
	const all = "i ii iii iv v vi vii viii ix x"
	k := 0
	for f := range strings.FieldsSeq(all) {
		if k++; k == v {
			return f
		}
	}
	return ""
}

// separatorAt reads the ",", "and", "or", ", and" or ", or" between two
// items of a list, with its spaces, and returns where it ends.
func separatorAt(s string, i int) (int, bool) {
	j := i
	comma := j < len(s) && s[j] == ','
	if comma {
		j++
	}
	k := skipSpace(s, j)
	if k > j {
		for _, w := range [...]string{"and", "or"} {
			if e, ok := wordAt(s, k, w); ok {
				if after := skipSpace(s, e); after > e {
					return after, true
				}
			}
		}
	}
	return k, comma
}

// rangeAt reads the "-", "–" or "to" joining the ends of a range; at is
// where the references the range implies are placed.
func rangeAt(s string, i int) (at, end int, ok bool) {
	j := skipHSpace(s, i)
	switch {
	case j < len(s) && s[j] == '-':
		return j, skipHSpace(s, j+1), true
	case strings.HasPrefix(s[j:], "\u2013"):
		return j, skipHSpace(s, j+len("\u2013")), true
	case j > i:
		if e, ok := wordAt(s, j, "to"); ok {
			if after := skipSpace(s, e); after > e {
				return j, after, true
			}
		}
	}
	return 0, 0, false
}
