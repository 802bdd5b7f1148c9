package e2e

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// words splits text into maximal runs of letters and digits, so that
// punctuation, markup and list-marker brackets ("(a)", "1.") do not count.
func words(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

// notTreatyText are classes of elements inside the treaty text that the
// site adds: the ¶ links, "Cited by" lists and copy buttons.
var notTreatyText = []string{"pilcrow", "cited-by", "copy-tools"}

// treatyText returns the text of the page's <div class="treaty-text">
// without the elements the site adds, and whether the page has one.
// Text nodes are joined as a browser's textContent joins them, so a word
// split across inline elements stays one word.
func treatyText(doc *html.Node) (string, bool) {
	divs := elements(doc, func(e *html.Node) bool { return e.Data == "div" && hasClass(e, "treaty-text") })
	if len(divs) != 1 {
		return "", false
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				if !anyClass(c, notTreatyText) {
					walk(c)
				}
			}
		}
	}
	walk(divs[0])
	return b.String(), true
}

func anyClass(n *html.Node, classes []string) bool {
	for _, c := range classes {
		if hasClass(n, c) {
			return true
		}
	}
	return false
}

// sourceTreatyText returns the treaty text of a source file: the file
// without its YAML front matter, its Markdown headings (the article number
// and title, which the page shows in its own header) and its "_Chapter …_"
// line.
func sourceTreatyText(src string) string {
	lines := strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n")
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == "---" {
				lines = lines[i+1:]
				break
			}
		}
	}
	var keep []string
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "#") || (strings.HasPrefix(t, "_Chapter ") && strings.HasSuffix(t, "_")) {
			continue
		}
		keep = append(keep, l)
	}
	return strings.Join(keep, "\n")
}

// firstWordDifference describes where two word sequences first differ,
// with a few words of context on each side, or returns "" if they are
// equal.
func firstWordDifference(want, got []string) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	if i == len(want) && i == len(got) {
		return ""
	}
	const context = 8
	around := func(ws []string) string {
		lo, hi := max(0, i-context), min(len(ws), i+context)
		s := strings.Join(ws[lo:i], " ") + " >>>"
		if i < len(ws) {
			s += ws[i] + "<<< " + strings.Join(ws[i+1:hi], " ")
		} else {
			s += "(end)<<<"
		}
		return s
	}
	return fmt.Sprintf("word %d differs (source has %d words, page %d):\n\tsource: …%s…\n\tpage:   …%s…", i+1, len(want), len(got), around(want), around(got))
}
