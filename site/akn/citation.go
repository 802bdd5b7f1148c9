package akn

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// ParseCitation reads what a reader types to go to a provision: "6(1)(a)",
// "art 6.1.a", "article 18", "Art. 3(c)(ii)", "preamble", or an id such as
// "art_6__para_1". It checks the form only, not that the provision exists.
func ParseCitation(s string) (ID, error) {
	s = strings.TrimSpace(s)
	if id, err := Parse(s); err == nil {
		return id, nil
	}
	lower := strings.ToLower(s)
	if rest, ok := strings.CutPrefix(lower, "preamble"); ok {
		return parsePreamble(strings.TrimSpace(rest), s)
	}
	for _, prefix := range []string{"articles", "article", "arts.", "art.", "arts", "art"} {
		if rest, ok := strings.CutPrefix(lower, prefix); ok {
			lower = strings.TrimSpace(rest)
			break
		}
	}
	tokens := citationTokens(lower)
	if len(tokens) == 0 {
		return ID{}, fmt.Errorf("%q is not a citation: give an article number, such as 6(1)(a)", s)
	}
	n, err := strconv.Atoi(tokens[0])
	if err != nil || n <= 0 || n > 9999 {
		return ID{}, fmt.Errorf("%q is not a citation: it must start with an article number", s)
	}
	id := Article(n)
	for i, t := range tokens[1:] {
		switch {
		case isDigits(t) && i == 0:
			id = id.Child(Para, strings.TrimLeft(t, "0"))
		case isLetters(t) && len(t) <= 5:
			id = id.Child(Point, t)
		default:
			return ID{}, fmt.Errorf("%q is not a citation: %q cannot follow %s", s, t, id.Label())
		}
	}
	return id, nil
}

func parsePreamble(rest, orig string) (ID, error) {
	rest = strings.TrimSpace(strings.TrimPrefix(rest, ","))
	rest = strings.TrimSpace(strings.TrimPrefix(rest, "recital"))
	if rest == "" {
		return Preamble(), nil
	}
	n, err := strconv.Atoi(rest)
	if err != nil || n <= 0 {
		return ID{}, fmt.Errorf("%q is not a citation: after preamble give a recital number", orig)
	}
	return Preamble().Child(Recital, strconv.Itoa(n)), nil
}

// citationTokens splits "6(1)(b)(i)", "6.1.b.i" or "6 1 b i" into its
// numbers and letters.
func citationTokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func isLetters(s string) bool {
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return s != ""
}
