package search

import (
	"html"
	"strings"
	"unicode/utf8"
)

// snippetBytes is about how much text a snippet shows.
const snippetBytes = 240

// snippet returns an HTML excerpt of text around its first match: all text
// escaped, each matched range wrapped in <mark>.
func snippet(text string, matches [][2]int) string {
	start, end := 0, min(len(text), snippetBytes)
	if len(matches) > 0 {
		first := matches[0][0]
		start = max(0, first-snippetBytes/3)
		end = min(len(text), start+snippetBytes)
	}
	start, end = wordBoundary(text, start, false), wordBoundary(text, end, true)
	var b strings.Builder
	if start > 0 {
		b.WriteString("… ")
	}
	pos := start
	for _, m := range matches {
		if m[0] < pos || m[1] > end || m[0] >= m[1] {
			continue
		}
		b.WriteString(html.EscapeString(text[pos:m[0]]))
		b.WriteString("<mark>")
		b.WriteString(html.EscapeString(text[m[0]:m[1]]))
		b.WriteString("</mark>")
		pos = m[1]
	}
	b.WriteString(html.EscapeString(text[pos:end]))
	if end < len(text) {
		b.WriteString(" …")
	}
	return b.String()
}

// wordBoundary moves i to a nearby space so that a snippet does not cut a
// word or a UTF-8 sequence; forward moves it right, otherwise left.
func wordBoundary(text string, i int, forward bool) int {
	if i <= 0 || i >= len(text) {
		return min(max(i, 0), len(text))
	}
	for j := 0; j < 30; j++ {
		k := i + j
		if !forward {
			k = i - j
		}
		if k <= 0 || k >= len(text) {
			break
		}
		if text[k] == ' ' {
			if forward {
				return k
			}
			return k + 1
		}
	}
	for i > 0 && i < len(text) && !utf8.RuneStart(text[i]) {
		i--
	}
	return i
}
