package render

import (
	"protosite/site/akn"
	"protosite/site/content"
	"protosite/site/resolve"
)

// planTreaty lists the home page, the article index and the pages of the
// treaty in reading order.
func (pl *planner) planTreaty() []*Page {
	s, g, l := pl.s, pl.g, pl.lang
	home := pl.newPage("/", "home", "")
	home.Description = l.t("description.home", "treaty_title", cmpOr(l.TreatyTitle, s.Config.TreatyTitle))
	if d := s.Doc("/"); d != nil {
		home.show(d)
		if desc := home.Doc.Page.Description; desc != "" {
			home.Description = desc
		}
	}
	index := pl.newPage("/articles/", "articles", l.t("title.articles"))
	index.Section = "articles"
	pages := []*Page{home, index}

	reading := s.Treaty()
	site := cmpOr(l.Title, s.Config.Title)
	var compares []*Page
	for i, orig := range reading {
		p := pl.newPage(orig.URL, "article", "")
		p.show(orig)
		d := p.Doc
		p.Title = l.titleOf(d)
		p.Section = "articles"
		p.Heading = p.Title
		p.Description = l.t("description.part", "title", p.Title, "site", site)
		if d.Kind == content.KindArticle {
			p.Heading = l.t("article.heading", "number", d.Protocol.Article)
			p.Description = l.t("description.article", "number", d.Protocol.Article, "site", site, "title", d.Protocol.Title)
		}
		if !d.Root.IsZero() {
			p.ID = d.Root.String()
			p.Label = d.Root.Label()
			p.CitedByGroups = capGroups(groupBacklinks(g.CitedBy(d.Root)))
			p.Related = related(g, d.Root)
		}
		if d.Kind == content.KindArticle {
			p.Citation = citeArticle(s, l, d)
			if len(orig.Translations) > 0 {
				p.Parallel = parallelURL(orig)
			}
			if gd := s.Guidance[d.Protocol.Article]; gd != nil {
				p.GuidanceDoc = p.In(gd)
				p.GuidanceFallback = p.GuidanceDoc.Lang != p.Lang.Code
			}
			if c := comparison(s, g, d); c != nil {
				p.Compare = orig.URL + "compare/"
				compares = append(compares, pl.comparePages(d, c, p.Compare, site)...)
			}
		}
		if i > 0 {
			p.Prev = p.In(reading[i-1])
		}
		if i+1 < len(reading) {
			p.Next = p.In(reading[i+1])
		}
		pages = append(pages, p)
	}
	return append(pages, compares...)
}

// RelatedItem is a recommendation or law and the provisions of one
// article it cites.
type RelatedItem struct {
	Link resolve.Backlink // the citing place
	On   []akn.ID         // the provisions it cites, in document order
}

// RelatedGroup is the related items of one kind.
type RelatedGroup struct {
	Name  string        // the message naming the group, such as "group.legislation"
	Items []RelatedItem // the first ones, in the order of the provisions they cite
	Total int           // how many there are in all
}

// maxRelated bounds the related items an article page lists; the
// comparison view lists every law.
const maxRelated = 50

// related gathers the recommendations and laws that cite root or any
// provision inside it, each once, with what they cite.
func related(g *resolve.Graph, root akn.ID) []RelatedGroup {
	var out []RelatedGroup
	for _, kind := range []struct {
		kind content.Kind
		name string
	}{{content.KindRecommendation, "group.recommendations"}, {content.KindLegislation, "group.legislation"}} {
		group := RelatedGroup{Name: kind.name}
		index := map[string]int{}
		for _, id := range g.IDs() {
			if !root.Contains(id) {
				continue
			}
			for _, b := range g.CitedBy(id) {
				if b.From.Kind != kind.kind {
					continue
				}
				i, ok := index[b.URL()]
				if !ok {
					i = len(group.Items)
					index[b.URL()] = i
					group.Items = append(group.Items, RelatedItem{Link: b})
				}
				group.Items[i].On = append(group.Items[i].On, id)
			}
		}
		if len(group.Items) > 0 {
			group.Total = len(group.Items)
			group.Items = group.Items[:min(len(group.Items), maxRelated)]
			out = append(out, group)
		}
	}
	return out
}
