package opendata_test

import (
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"protosite/site/akn"
	"protosite/site/content"
	"protosite/site/offline"
	"protosite/site/opendata"
	"protosite/site/output"
	"protosite/site/render"
	"protosite/site/resolve"
	"protosite/site/urls"
)

const contentDir = "../../content"

// load loads and resolves the real content.
func load(t testing.TB) (*content.Site, *resolve.Graph) {
	t.Helper()
	s, err := content.Load(os.DirFS(contentDir))
	if err != nil {
		t.Fatalf("loading %s: %v", contentDir, err)
	}
	g, err := resolve.Resolve(s)
	if err != nil {
		t.Fatalf("resolving %s: %v", contentDir, err)
	}
	return s, g
}

// dataFiles returns the open-data files of the real content, by path.
func dataFiles(t testing.TB, s *content.Site, g *resolve.Graph) map[string][]byte {
	t.Helper()
	files, err := opendata.Files(s, g)
	if err != nil {
		t.Fatal(err)
	}
	return byPath(files)
}

// renderSite renders the HTML of the site, the data files counting as
// known link targets, as the build does.
func renderSite(t testing.TB, s *content.Site, g *resolve.Graph) map[string][]byte {
	t.Helper()
	r, err := render.New()
	if err != nil {
		t.Fatal(err)
	}
	files, err := r.Render(s, g, render.Options{ExtraURLs: append(opendata.URLs(), "/"+offline.Path)})
	if err != nil {
		t.Fatalf("rendering: %v", err)
	}
	return byPath(files)
}

func byPath(files []output.File) map[string][]byte {
	m := map[string][]byte{}
	for _, f := range files {
		m[f.Path] = f.Data
	}
	return m
}

// decodeJSON decodes a data file, failing the test on unknown or broken JSON.
func decodeJSON(t testing.TB, name string, data []byte, v any) {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

func parseHTML(t testing.TB, name string, data []byte) *html.Node {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("parsing %s: %v", name, err)
	}
	return doc
}

func attr(n *html.Node, name string) string {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == name {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	return slices.Contains(strings.Fields(attr(n, "class")), class)
}

// elementsByID returns the elements under doc that have an id, by id.
func elementsByID(doc *html.Node) map[string]*html.Node {
	m := map[string]*html.Node{}
	for n := range doc.Descendants() {
		if id := attr(n, "id"); n.Type == html.ElementNode && id != "" {
			m[id] = n
		}
	}
	return m
}

// treatyIDs returns the ids of the treaty's parts and provisions on its
// pages: the <article> of each page and each provision's <div>.
func treatyIDs(t testing.TB, s *content.Site, site map[string][]byte) map[string]bool {
	t.Helper()
	ids := map[string]bool{}
	for _, d := range slices.Concat(s.Articles, []*content.Doc{s.Preamble, s.Testimonium}) {
		page := urls.File(d.URL)
		for id, n := range elementsByID(parseHTML(t, page, site[page])) {
			if _, err := akn.Parse(id); err == nil && (hasClass(n, "provision") || n.Data == "article") {
				ids[id] = true
			}
		}
	}
	return ids
}

// siteAdded are classes of elements the site adds inside treaty text: the
// marker, the ¶ link, "Cited by" lists and copy buttons.
var siteAdded = []string{"num", "pilcrow", "cited-by", "copy-tools"}

// ownText returns the words of a provision's <div> as a reader sees them in
// its first <p>, without what the site adds, white space collapsed.
func ownText(div *html.Node) string {
	var p *html.Node
	for c := div.FirstChild; c != nil && p == nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.Data == "p" {
			p = c
		}
	}
	if p == nil {
		return ""
	}
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(c.Data)
			case c.Type == html.ElementNode && !slices.ContainsFunc(siteAdded, func(cl string) bool { return hasClass(c, cl) }):
				walk(c)
			}
		}
	}
	walk(p)
	return strings.Join(strings.Fields(b.String()), " ")
}
