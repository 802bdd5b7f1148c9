package render

import (
	"bytes"
	"encoding/xml"
	"strings"
)

// sitemap lists every page with its absolute URL under baseURL.
func sitemap(baseURL string, pages []*Page) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	base := strings.TrimSuffix(baseURL, "/")
	for _, u := range sitemapURLs(pages) {
		b.WriteString("<url><loc>")
		_ = xml.EscapeText(&b, []byte(base+u))
		b.WriteString("</loc></url>\n")
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}
