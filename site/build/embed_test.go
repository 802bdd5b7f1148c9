package build

import (
	"strings"
	"testing"
)

// Each provision, and each part of the treaty with an id, has a page made
// to be framed by other sites: its text alone, with where it is from, and
// links that open outside the frame. The citation box gives the code that
// frames the article.
func TestEmbeddedProvisions(t *testing.T) {
	files := languageSite(t)

	page := files["embed/art_1__para_2/index.html"]
	mustContain(t, "art. 1(2) embedded", page,
		`<meta name="robots" content="noindex">`,
		`<link rel="canonical" href="https://example.org/sub/articles/1/">`,
		`<base target="_blank">`,
		`<body class="embed-page">`,
		// The provision with the provisions it holds, and nothing else.
		`<p><span class="num">2.</span> It also applies to:</p>`,
		`Small things`, `Large things`,
		`<figcaption><a href="../../articles/1/#art_1__para_2">Test Protocol, art. 1(2)</a> <span class="embed-lang"><span lang="en" dir="ltr">English</span> · authentic text</span></figcaption>`,
	)
	mustNotContain(t, "art. 1(2) embedded", page, "This test text applies", ` id="`, `class="site-header"`, `class="origin"`, "<script")
	// A citation in it leads to the cited place, outside the frame.
	mustContain(t, "art. 1(2) embedded", page, `href="../../articles/2/#art_2__para_1__point_b"`)

	// Every provision of an article is there, and the article whole.
	for _, id := range append([]string{"art_1"}, provisionIDs(files["articles/1/index.html"])...) {
		if files["embed/"+id+"/index.html"] == "" {
			t.Errorf("no embedded page for %s", id)
		}
	}
	if !strings.Contains(files["embed/art_1/index.html"], "This test text applies") {
		t.Errorf("the embedded article 1 lacks its first paragraph")
	}

	// In Dutch, the Dutch text, marked as a translation; the citation is
	// the default language's.
	mustContain(t, "art. 1(2)(a) embedded in Dutch", files["nl/embed/art_1__para_2__point_a/index.html"],
		`kleine dingen`,
		`href="../../articles/1/#art_1__para_2__point_a" lang="en">Test Protocol, art. 1(2)(a)</a>`,
		`<span lang="nl" dir="ltr">Nederlands</span> · vertaling, niet authentiek`,
	)

	// The embedded pages are not listed for search engines.
	if strings.Contains(files["sitemap.xml"], "/embed/") {
		t.Error("sitemap.xml lists embedded pages")
	}
	// The citation box gives the code to frame the article, and the
	// address of one provision's page.
	mustContain(t, "article 1", files["articles/1/index.html"],
		`<dt>Embed in a web page</dt><dd><code class="cite-text" dir="ltr">&lt;iframe src=&#34;https://example.org/sub/embed/art_1/&#34; title=&#34;Test Protocol, art. 1&#34;`,
		`such as https://example.org/sub/embed/art_1__para_1/.`,
	)
}
