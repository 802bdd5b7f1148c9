package render

import (
	"maps"
	"slices"

	"protosite/site/content"
	"protosite/site/resolve"
)

// CountryPage is what a country page shows.
type CountryPage struct {
	Country       *content.Country // the country
	Laws          []*content.Doc   // its legislation
	Implements    []ArticleLaws    // the articles its laws implement, in article order
	Participation []Participation  // meetings and statements it took part in
	Mentions      []*content.Doc   // documents that mention it otherwise
}

// ArticleLaws is an article with the law provisions that implement it.
type ArticleLaws struct {
	Article    *content.Doc   // the article
	Provisions []LawProvision // the provisions citing it
}

// Participation is a country's roles at one meeting.
type Participation struct {
	Meeting *content.Doc // the meeting
	Roles   []Role       // what it did there
}

// Role is what a country did at a meeting: the key of its message
// ("role.party") and what fills the message's {arg}, such as the chair's
// name or the agenda item.
type Role struct {
	Key, Arg string
}

// countryPages builds a page for every country the content names.
func countryPages(s *content.Site, _ *resolve.Graph) []*CountryPage {
	byCode := map[string]*CountryPage{}
	get := func(code string) *CountryPage {
		if byCode[code] == nil {
			byCode[code] = &CountryPage{Country: s.Countries.Get(code)}
		}
		return byCode[code]
	}
	for _, d := range s.Legislation {
		cp := get(d.Legislation.Country)
		cp.Laws = append(cp.Laws, d)
	}
	for _, cp := range byCode {
		impl := implementedArticles(cp.Laws)
		for _, a := range s.Articles {
			if lp := impl[a.Protocol.Article]; len(lp) > 0 {
				cp.Implements = append(cp.Implements, ArticleLaws{Article: a, Provisions: lp})
			}
		}
	}
	for _, m := range s.Meetings {
		roles := meetingRoles(m.Meeting)
		for _, code := range slices.Sorted(maps.Keys(roles)) {
			get(code).Participation = append(get(code).Participation, Participation{Meeting: m, Roles: roles[code]})
		}
		for _, code := range m.Meeting.Mentions {
			cp := get(code)
			if !slices.Contains(cp.Mentions, m) {
				cp.Mentions = append(cp.Mentions, m)
			}
		}
	}
	var out []*CountryPage
	var list []*content.Country
	for code := range byCode {
		if c := s.Countries.Get(code); c != nil {
			list = append(list, c)
		}
	}
	s.Countries.Sort(list)
	for _, c := range list {
		out = append(out, byCode[c.Code])
	}
	return out
}

// meetingRoles maps each country code to what the record says it did.
func meetingRoles(m *content.MeetingMeta) map[string][]Role {
	roles := map[string][]Role{}
	add := func(code, key string, arg ...string) {
		role := Role{Key: key}
		if len(arg) > 0 {
			role.Arg = arg[0]
		}
		if code != "" && !slices.Contains(roles[code], role) {
			roles[code] = append(roles[code], role)
		}
	}
	if m.Chair != nil {
		add(m.Chair.Country, "role.chair", m.Chair.Name)
	}
	if a := m.Attendance; a != nil {
		for _, c := range a.Parties {
			add(c, "role.party")
		}
		for _, c := range a.Signatories {
			add(c, "role.signatory")
		}
		for _, c := range a.NonParties {
			add(c, "role.non_party")
		}
	}
	for _, st := range m.Statements {
		for _, c := range st.Countries {
			if st.AgendaItem == "" || st.AgendaItem == "opening" {
				add(c, "role.statement_opening")
			} else {
				add(c, "role.statement_item", st.AgendaItem)
			}
		}
	}
	for _, p := range m.Panellists {
		add(p.Country, "role.panellist", p.Name)
	}
	return roles
}
