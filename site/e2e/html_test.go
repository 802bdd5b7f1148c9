package e2e

import (
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// parseHTMLFile parses an output page.
func parseHTMLFile(t testing.TB, name string) *html.Node {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := html.Parse(f)
	if err != nil {
		t.Fatalf("parsing %s: %v", name, err)
	}
	return doc
}

// attr returns the value of an element's attribute and whether it is set.
func attr(n *html.Node, name string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == name {
			return a.Val, true
		}
	}
	return "", false
}

// hasClass says whether an element's class list contains class.
func hasClass(n *html.Node, class string) bool {
	v, _ := attr(n, "class")
	return slices.Contains(strings.Fields(v), class)
}

// elements returns, in document order, the elements under n (n included)
// for which keep is true.
func elements(n *html.Node, keep func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && keep(d) {
			out = append(out, d)
		}
	}
	if n.Type == html.ElementNode && keep(n) {
		out = append([]*html.Node{n}, out...)
	}
	return out
}

// ids returns the id attributes of every element under n, in document order.
func ids(n *html.Node) []string {
	var out []string
	for _, e := range elements(n, func(e *html.Node) bool { _, ok := attr(e, "id"); return ok }) {
		id, _ := attr(e, "id")
		out = append(out, id)
	}
	return out
}
