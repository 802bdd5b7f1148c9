package render

import (
	"strings"

	"protosite/site/content"
	"protosite/site/i18n"
	"protosite/site/markdown"
	"protosite/site/resolve"
)

// groupOrder lists the kinds in the order "Cited by" lists show them, each
// with the name of its group: "group.<name>" is the message naming the
// group, "count.<name>" the one counting its places.
var groupOrder = []struct {
	kinds []content.Kind
	name  string
}{
	{[]content.Kind{content.KindArticle, content.KindPreamble, content.KindTestimonium}, "protocol"},
	{[]content.Kind{content.KindRecommendation}, "recommendations"},
	{[]content.Kind{content.KindLegislation}, "legislation"},
	{[]content.Kind{content.KindGuidance}, "guidance"},
	{[]content.Kind{content.KindModule}, "modules"},
	{[]content.Kind{content.KindMeeting}, "meetings"},
	{[]content.Kind{content.KindPage}, "pages"},
}

// BacklinkGroup is the places of one kind that cite something, for templates.
type BacklinkGroup struct {
	Name  string             // the message naming the group, such as "group.legislation"
	Kind  string             // the group's name, such as "legislation"
	Links []resolve.Backlink // the citing places listed
	Total int                // how many there are in all
}

// capGroups lists at most maxListed places per group, keeping the counts.
func capGroups(groups []BacklinkGroup) []BacklinkGroup {
	for i := range groups {
		groups[i].Total = len(groups[i].Links)
		groups[i].Links = groups[i].Links[:min(len(groups[i].Links), maxListed)]
	}
	return groups
}

// groupBacklinks sorts backlinks into display groups, dropping empty ones.
func groupBacklinks(back []resolve.Backlink) []BacklinkGroup {
	var out []BacklinkGroup
	for _, g := range groupOrder {
		var links []resolve.Backlink
		for _, b := range back {
			for _, k := range g.kinds {
				if b.From.Kind == k {
					links = append(links, b)
				}
			}
		}
		if len(links) > 0 {
			out = append(out, BacklinkGroup{Name: "group." + g.name, Kind: g.name, Links: links})
		}
	}
	return out
}

// maxListed bounds how many places a "Cited by" group lists; the rest are
// counted, and for laws the comparison view lists them all.
const maxListed = 20

// citedByNode builds the "Cited by" list for a provision on page p; all,
// if not empty, is where the laws citing it are listed in full.
func citedByNode(p *Page, back []resolve.Backlink, all string) *markdown.CitedBy {
	l := p.lang
	node := &markdown.CitedBy{LTR: l.RTL()}
	if !(l.Code == i18n.Reference) {
		node.Summary, node.Comma = l.t("citedby.summary"), l.t("list.comma")
	}
	for _, g := range groupBacklinks(back) {
		bg := markdown.BackrefGroup{Name: g.Name, Total: len(g.Links)}
		bg.Count = l.n("count."+g.Kind, len(g.Links))
		bg.Label = l.t("citedby.group", "kind", l.t(g.Name))
		if rest := len(g.Links) - maxListed; rest > 0 {
			bg.MoreText = l.n("list.and_more", rest)
		}
		for i, b := range g.Links {
			if i == maxListed {
				if g.Kind == "legislation" && all != "" {
					bg.More = p.Rel(all)
				}
				break
			}
			bg.Refs = append(bg.Refs, markdown.Backref{Label: l.backLabel(b), Href: p.Rel(b.URL())})
		}
		node.Groups = append(node.Groups, bg)
	}
	return node
}

// backLabel names a citing place in the language: the document's own
// label for provisions and laws, whose citations are the same in every
// language, and otherwise its title in the language.
func (l *langView) backLabel(b resolve.Backlink) string {
	d := b.From
	switch d.Kind {
	case content.KindRecommendation:
		// The label may add the meeting's year: "Recommendation 7 (a) (2018)".
		year := strings.TrimPrefix(b.Label, "Recommendation "+d.Recommendation.Paragraph)
		return l.titleOf(d.In(l.Code)) + year
	case content.KindGuidance:
		return l.t("label.guidance", "number", d.Guidance.Article)
	case content.KindLegislation:
		return b.Label
	}
	if b.Anchor == "" {
		return l.titleOf(d.In(l.Code))
	}
	return b.Label
}

// BackLabel names a citing place in the page's language.
func (p *Page) BackLabel(b resolve.Backlink) string { return p.lang.backLabel(b) }
