package akn

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// ParseCitation reads what a reader types to go to a provision: "6(1)(a)",
// "art 6.1.a", "article 18", "Art. 3(c)(ii)", "preamble", or an id such as
// "art_6__para_1". It takes the words for article, paragraph, preamble and
// recital in the site's languages too: "artikel 6 lid 1 onder a",
// "artículo 6, párrafo 1", "статья 6", "المادة ٦", "第六条第一款(a)项".
// It checks the form only, not that the provision exists.
func ParseCitation(s string) (ID, error) {
	s = strings.TrimSpace(s)
	if id, err := Parse(s); err == nil {
		return id, nil
	}
	lower := normalizeCitation(s)
	for _, word := range preambleWords {
		if rest, ok := strings.CutPrefix(lower, word); ok {
			return parsePreamble(strings.TrimSpace(rest), s)
		}
	}
	for _, word := range articleWords {
		if rest, ok := strings.CutPrefix(lower, word); ok {
			lower = strings.TrimSpace(rest)
			break
		}
	}
	var tokens []string
	for _, t := range citationTokens(lower) {
		if !slices.Contains(fillerWords, t) {
			tokens = append(tokens, t)
		}
	}
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
		case isDigits(t) && i == 0 && strings.TrimLeft(t, "0") != "":
			id = id.Child(Para, strings.TrimLeft(t, "0"))
		case isLetters(t) && len(t) <= 5:
			id = id.Child(Point, t)
		default:
			return ID{}, fmt.Errorf("%q is not a citation: %q cannot follow %s", s, t, id.Label())
		}
	}
	return id, nil
}

// The words of a citation in the site's languages (static/goto.js has the
// same lists): those that open it, longest first so that "articles" is
// not read as "art" and "icles", and those that name a paragraph or a
// subparagraph, which add nothing to the numbers and letters.
var (
	preambleWords = []string{"preamble", "préambule", "preambule", "preámbulo", "preambulo", "преамбула", "الديباجة", "序言"}
	recitalWords  = []string{"recital", "considérant", "considerant", "considerando", "overweging"}
	articleWords  = []string{"articles", "article", "artikelen", "artikel", "artículos", "artículo", "articulos", "articulo", "arts.", "art.", "arts", "art", "статьи", "статья", "ст.", "المادة", "مادة"}
	fillerWords   = []string{"paragraph", "paragraphe", "para", "subparagraph", "alinéa", "alinea", "lid", "onder", "onderdeel", "párrafo", "parrafo", "apartado", "inciso", "letra", "lettre", "letter", "пункт", "подпункт", "فقرة", "الفقرة"}
)

// normalizeCitation lower-cases s, writes Arabic-Indic digits and Chinese
// numerals as ASCII digits, and makes the Chinese markers of article,
// paragraph and subparagraph (第…条第…款…项) separators.
func normalizeCitation(s string) string {
	var b strings.Builder
	rs := []rune(strings.ToLower(s))
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r >= '٠' && r <= '٩':
			b.WriteRune('0' + r - '٠')
		case r >= '۰' && r <= '۹':
			b.WriteRune('0' + r - '۰')
		case strings.ContainsRune(chineseDigits, r):
			j := i
			for j < len(rs) && strings.ContainsRune(chineseDigits, rs[j]) {
				j++
			}
			n, ok := chineseNumber(rs[i:j])
			if !ok {
				b.WriteRune(r)
				continue
			}
			b.WriteString(strconv.Itoa(n))
			i = j - 1
		case r == '第':
		case r == '条' || r == '款' || r == '项':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// chineseDigits are the Chinese numerals up to ten.
const chineseDigits = "〇一二三四五六七八九十"

// chineseNumber reads a Chinese numeral below a hundred: 六, 十八, 二十五.
func chineseNumber(rs []rune) (int, bool) {
	value := func(r rune) int { return strings.IndexRune(chineseDigits, r) / len("一") }
	switch ten := slices.Index(rs, '十'); {
	case ten < 0 && len(rs) == 1:
		return value(rs[0]), true
	case ten < 0 || ten > 1 || len(rs)-ten > 2 || slices.Contains(rs[ten+1:], '十'):
		return 0, false
	default:
		n := 10
		if ten == 1 {
			n = value(rs[0]) * 10
		}
		if ten+1 < len(rs) {
			n += value(rs[ten+1])
		}
		return n, true
	}
}

func parsePreamble(rest, orig string) (ID, error) {
	rest = strings.TrimSpace(strings.TrimPrefix(rest, ","))
	for _, word := range recitalWords {
		if r, ok := strings.CutPrefix(rest, word); ok {
			rest = strings.TrimSpace(r)
			break
		}
	}
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
