package render

import (
	"fmt"
	"html"
	"strings"

	"protosite/site/akn"
	"protosite/site/content"
	"protosite/site/opendata"
	"protosite/site/provision"
)

// Citation is how to cite an article, for its "Cite this article" box.
type Citation struct {
	Short string // the short citation, as "Copy citation" gives it: "Smuggling of Migrants Protocol, art. 6"
	// ShortLang is the short citation's language where it is not the
	// page's: site.yaml's citation_prefix is in the default language.
	ShortLang string
	Full      string // the full reference in OSCOLA style; empty when site.yaml lacks a bibliographic fact
	// FullLang is the full reference's language where it is not the
	// page's: OSCOLA is an English style, which cites the treaty by its
	// English title and dates.
	FullLang string
	Address  string // the article's permanent absolute address
	// Example is the end of the full reference narrowed to one provision
	// of the article, such as "… 2241 UNTS 507, art 6(1)(a)"; empty in an
	// article without numbered provisions or without a full reference.
	Example string
	// Embed is the HTML that shows the article inside another site's page
	// (see Embed), to be copied as it is.
	Embed string
	// EmbedExample is the address of the page that embeds one provision,
	// the article's first, such as ".../embed/art_6__para_1__point_a/";
	// empty in an article without numbered provisions.
	EmbedExample string
	// CSL, RIS and BibTeX are the site-absolute addresses of the treaty's
	// reference in those formats, for reference managers, and CSLKey the
	// key they give the treaty.
	CSL, RIS, BibTeX, CSLKey string
}

// referenceLang is the language of the full reference.
const referenceLang = "en"

// citeArticle returns how to cite article d in language l.
func citeArticle(s *content.Site, l *langView, d *content.Doc) *Citation {
	c := &Citation{
		Short:   shortCitation(s, d.Root),
		Address: absURL(s, l.url(d.URL)),
		CSL:     "/" + opendata.ProtocolCSL,
		RIS:     "/" + opendata.ProtocolRIS,
		BibTeX:  "/" + opendata.ProtocolBibTeX,
		CSLKey:  opendata.CSLID(s.Config),
	}
	if l.Code != s.Config.Language {
		c.ShortLang = s.Config.Language
	}
	c.Embed = fmt.Sprintf(`<iframe src="%s" title="%s" width="100%%" height="400" loading="lazy"></iframe>`,
		html.EscapeString(absURL(s, l.url(embedURL(d.Root)))), html.EscapeString(c.Short))
	if ex := firstLeaf(d); !ex.IsZero() {
		c.EmbedExample = absURL(s, l.url(embedURL(ex)))
	}
	adopted, inForce, series, ok := s.Config.Reference()
	if !ok || s.Config.TreatyTitle == "" {
		return c
	}
	const day = "2 January 2006"
	c.Full = fmt.Sprintf("%s (adopted %s, entered into force %s) %s, %s",
		s.Config.TreatyTitle, adopted.Format(day), inForce.Format(day), series, oscolaPinpoint(d.Root))
	if l.Code != referenceLang {
		c.FullLang = referenceLang
	}
	if ex := firstLeaf(d); !ex.IsZero() {
		c.Example = "… " + series + ", " + oscolaPinpoint(ex)
	}
	return c
}

// shortCitation is id's citation as "Copy citation" gives it, after
// site.yaml's citation_prefix: "Smuggling of Migrants Protocol, art. 6".
func shortCitation(s *content.Site, id akn.ID) string {
	return s.Config.CitationPrefix + ", " + id.Label()
}

// oscolaPinpoint is id's citation as OSCOLA writes it, without the full
// stop after "art".
func oscolaPinpoint(id akn.ID) string {
	return strings.Replace(id.Label(), "art. ", "art ", 1)
}

// firstLeaf is the first provision of d that holds no other, such as art.
// 6(1)(a); zero when d has no numbered provisions.
func firstLeaf(d *content.Doc) akn.ID {
	var ids []akn.ID
	_ = provision.Walk(d.AST, func(p *provision.Provision) error {
		ids = append(ids, p.ID)
		return nil
	})
	for i, id := range ids {
		if id.IsZero() || len(id.Parts) == 0 {
			continue
		}
		if i+1 == len(ids) || !id.Contains(ids[i+1]) {
			return id
		}
	}
	return akn.ID{}
}
