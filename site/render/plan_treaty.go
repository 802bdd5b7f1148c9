package render

import (
	"protosite/site/akn"
	"protosite/site/content"
	"protosite/site/resolve"
)

// planTreaty lists the home page, the article index and the pages of the
// treaty in reading order.
func (r *Renderer) planTreaty(s *content.Site, g *resolve.Graph) []*Page {
	home := r.newPage(s, g, "/", "home", "")
	home.Description = s.Config.TreatyTitle + ", article by article."
	if d := s.Doc("/"); d != nil {
		home.Doc = d
		home.Description = d.Page.Description
	}
	index := r.newPage(s, g, "/articles/", "articles", "Articles")
	index.Section = "articles"
	pages := []*Page{home, index}

	var reading []*content.Doc
	if s.Preamble != nil {
		reading = append(reading, s.Preamble)
	}
	reading = append(reading, s.Articles...)
	if s.Testimonium != nil {
		reading = append(reading, s.Testimonium)
	}
	var compares []*Page
	for i, d := range reading {
		p := r.newPage(s, g, d.URL, "article", d.Title)
		p.Doc = d
		p.Section = "articles"
		p.Heading = d.Title
		p.Description = d.Title + " of the " + s.Config.Title + "."
		if d.Kind == content.KindArticle {
			p.Heading = "Article " + itoa(d.Protocol.Article)
			p.Description = "Article " + itoa(d.Protocol.Article) + " of the " + s.Config.Title + ": " + d.Protocol.Title + "."
		}
		if !d.Root.IsZero() {
			p.ID = d.Root.String()
			p.Label = d.Root.Label()
			p.CitedByGroups = capGroups(groupBacklinks(g.CitedBy(d.Root)))
			p.Related = related(g, d.Root)
		}
		if d.Kind == content.KindArticle {
			if c := comparison(s, g, d); c != nil {
				cp := r.newPage(s, g, d.URL+"compare/", "compare", d.Title+": compared with national law")
				cp.Section, cp.Data = "articles", c
				cp.Scripts = []string{"compare.js"}
				cp.Description = "Article " + itoa(d.Protocol.Article) + " of the " + s.Config.Title + ", provision by provision, beside the national laws that implement it."
				compares = append(compares, cp)
				p.Compare = cp.URL
			}
		}
		if i > 0 {
			p.Prev = reading[i-1]
		}
		if i+1 < len(reading) {
			p.Next = reading[i+1]
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
	Name  string        // such as "Legislation"
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
	}{{content.KindRecommendation, "Recommendations"}, {content.KindLegislation, "Legislation"}} {
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
