package render

import (
	"protosite/site/content"
	"protosite/site/markdown"
	"protosite/site/resolve"
	"protosite/site/urls"
)

// groupKind is how one kind of citing document is named in "Cited by" lists.
type groupKind struct {
	name, singular, plural string
}

// groupOrder lists the kinds in the order "Cited by" lists show them.
var groupOrder = []struct {
	kinds []content.Kind
	groupKind
}{
	{[]content.Kind{content.KindArticle, content.KindPreamble, content.KindTestimonium}, groupKind{"Protocol", "provision", "provisions"}},
	{[]content.Kind{content.KindRecommendation}, groupKind{"Recommendations", "recommendation", "recommendations"}},
	{[]content.Kind{content.KindLegislation}, groupKind{"Legislation", "law", "laws"}},
	{[]content.Kind{content.KindGuidance}, groupKind{"Guidance", "guidance note", "guidance notes"}},
	{[]content.Kind{content.KindModule}, groupKind{"Modules", "training module", "training modules"}},
	{[]content.Kind{content.KindMeeting}, groupKind{"Meetings", "meeting", "meetings"}},
	{[]content.Kind{content.KindPage}, groupKind{"Pages", "page", "pages"}},
}

// BacklinkGroup is the places of one kind that cite something, for templates.
type BacklinkGroup struct {
	Name     string             // such as "Legislation"
	Singular string             // such as "law"
	Plural   string             // such as "laws"
	Links    []resolve.Backlink // the citing places listed
	Total    int                // how many there are in all
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
			out = append(out, BacklinkGroup{Name: g.name, Singular: g.singular, Plural: g.plural, Links: links})
		}
	}
	return out
}

// maxListed bounds how many places a "Cited by" group lists; the rest are
// counted, and for laws the comparison view lists them all.
const maxListed = 20

// citedByNode builds the "Cited by" list for a provision on the page at
// from; all, if not empty, is where the laws citing it are listed in full.
func citedByNode(from string, back []resolve.Backlink, all string) *markdown.CitedBy {
	node := &markdown.CitedBy{}
	for _, g := range groupBacklinks(back) {
		bg := markdown.BackrefGroup{Name: g.Name, Singular: g.Singular, Plural: g.Plural, Total: len(g.Links)}
		for i, b := range g.Links {
			if i == maxListed {
				if g.Name == "Legislation" && all != "" {
					bg.More = urls.Rel(from, all)
				}
				break
			}
			bg.Refs = append(bg.Refs, markdown.Backref{Label: b.Label, Href: urls.Rel(from, b.URL())})
		}
		node.Groups = append(node.Groups, bg)
	}
	return node
}
