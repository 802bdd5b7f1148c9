package build

import (
	"os"
	"strings"
	"testing"
)

// The twoArticles site's settings with the treaty's bibliographic facts.
const referenceYAML = `adopted: "2000-11-15"
entry_into_force: "2004-01-28"
treaty_series: "2241 UNTS 507"
`

// withReference adds the bibliographic facts to a txtar site's settings.
func withReference(archive string) string {
	return strings.Replace(archive, `language: "en"`+"\n", `language: "en"`+"\n"+referenceYAML, 1)
}

func TestCiteThisArticle(t *testing.T) {
	files := renderSite(t, withReference(twoArticles))
	mustContain(t, "article 2", files["articles/2/index.html"],
		`<summary>Cite this article</summary>`,
		`<dt>Short citation</dt><dd><span class="cite-text">Test Protocol, art. 2</span></dd>`,
		`<span class="cite-text">Test Protocol against Things (adopted 15 November 2000, entered into force 28 January 2004) 2241 UNTS 507, art 2</span>`,
		`<span class="cite-text" dir="ltr">https://example.org/sub/articles/2/</span>`,
		// Paragraph 1 holds (a) and (b): the example narrows to 2(1)(a).
		`as in “… 2241 UNTS 507, art 2(1)(a)”.`,
		// The treaty's CSL JSON, downloaded under its key.
		`<dt>Reference manager</dt><dd><a href="../../data/protocol.csl.json" download="test-protocol.json" type="application/vnd.citationstyles.csl+json">The Protocol in CSL JSON</a>, `+
			`<a href="../../data/protocol.ris" download="test-protocol.ris" type="application/x-research-info-systems">RIS</a>, `+
			`<a href="../../data/protocol.bib" download="test-protocol.bib" type="application/x-bibtex">BibTeX</a></dd>`,
		`under the key test-protocol; to cite this article,`,
		`RIS is for EndNote, Mendeley and Zotero, BibTeX for LaTeX. These files too describe the whole Protocol under the key test-protocol;`,
	)
	if ris := files["data/protocol.ris"]; !strings.Contains(ris, "VL  - 2241\r\n") {
		t.Errorf("data/protocol.ris lacks the volume:\n%s", ris)
	}
	if bib := files["data/protocol.bib"]; !strings.Contains(bib, "@misc{test-protocol,") {
		t.Errorf("data/protocol.bib lacks the entry's key:\n%s", bib)
	}
	if csl := files["data/protocol.csl.json"]; !strings.Contains(csl, `"volume": "2241"`) {
		t.Errorf("data/protocol.csl.json lacks the volume:\n%s", csl)
	}

	// A printed handout carries both citations.
	mustContain(t, "handout of article 2", files["articles/2/handout/index.html"],
		`<p class="handout-cite">Test Protocol, art. 2</p><p class="handout-reference">Test Protocol against Things (adopted 15 November 2000, entered into force 28 January 2004) 2241 UNTS 507, art 2</p>`)

	// Without the facts the full reference is missing, and the page says so.
	files = renderSite(t, twoArticles)
	page := files["articles/2/index.html"]
	mustContain(t, "article 2 without the facts", page,
		`<span class="cite-text">Test Protocol, art. 2</span>`,
		`<span class="missing">The project&#39;s sources do not give all of the treaty&#39;s dates and its Treaty Series reference, so no full reference is shown.</span>`,
	)
	mustNotContain(t, "article 2 without the facts", page, "UNTS", `To cite one provision`)
}

// OSCOLA cites in English, by the treaty's English title: pages in other
// languages mark the reference as English, and right-to-left pages keep
// it left to right.
func TestCiteThisArticleInOtherLanguages(t *testing.T) {
	src, err := os.ReadFile("testdata/languages.txtar")
	if err != nil {
		t.Fatal(err)
	}
	files := renderSite(t, withReference(string(src)))
	const full = `Test Protocol against Things (adopted 15 November 2000, entered into force 28 January 2004) 2241 UNTS 507, art 1</span>`
	mustContain(t, "Dutch article 1", files["nl/articles/1/index.html"],
		`<summary>Dit artikel citeren</summary>`,
		`<span class="cite-text" lang="en">`+full,
		`<span class="cite-text" dir="ltr">https://example.org/sub/nl/articles/1/</span>`,
		// Paragraph 1 holds no other provision: the example is art. 1(1).
		`zoals in “… 2241 UNTS 507, art 1(1)”.`,
	)
	mustContain(t, "Arabic article 1", files["ar/articles/1/index.html"],
		`<span class="cite-text" lang="en" dir="ltr">`+full,
		`<span class="cite-text" lang="en" dir="ltr">Test Protocol, art. 1</span>`,
	)
	mustContain(t, "English article 1", files["articles/1/index.html"], `<span class="cite-text">`+full)
}
