package render

import (
	"bytes"
	"maps"
	"reflect"
	"slices"

	"protosite/site/config"
	"protosite/site/content"
	"protosite/site/resolve"
)

// Footprint is what the pages of a site can show of its content besides
// the text of the documents they show: the settings, the countries, every
// document's front matter, the provisions and what cites them, and the
// defined terms. Two footprints of one site, before and after an edit,
// tell which pages the edit reaches (see Changes). A footprint holds the
// bytes of the content files, not their trees, which rendering changes.
type Footprint struct {
	config     *config.Config
	countries  []content.Country
	docs       map[string]docPrint    // by content file path, translations included
	provisions []provisionPrint       // every provision, in document order
	citedBy    map[string][]backPrint // by provision id
	terms      map[string][]Term      // the glossary of each language, by code
}

// docPrint is a content file split as loaded.
type docPrint struct {
	meta, body []byte
}

// provisionPrint is a provision and the file holding it.
type provisionPrint struct {
	id, holder string
}

// backPrint is a place citing a provision, as "Cited by" lists and related
// items name it.
type backPrint struct {
	from   string       // content file path of the citing document
	kind   content.Kind // its kind, which sorts it into a group
	anchor string
	label  string
}

// NewFootprint records the footprint of s, as resolved into g.
func NewFootprint(s *content.Site, g *resolve.Graph) *Footprint {
	f := &Footprint{
		config:  s.Config,
		docs:    map[string]docPrint{},
		citedBy: map[string][]backPrint{},
		terms:   map[string][]Term{},
	}
	for _, c := range s.Countries.All() {
		f.countries = append(f.countries, *c)
	}
	for _, d := range slices.Concat(s.Docs, s.Translations) {
		f.docs[d.File.Path] = docPrint{meta: d.File.Meta, body: d.File.Body}
	}
	for _, id := range g.IDs() {
		key := id.String()
		f.provisions = append(f.provisions, provisionPrint{id: key, holder: g.Holder(id).File.Path})
		for _, b := range g.CitedBy(id) {
			f.citedBy[key] = append(f.citedBy[key], backPrint{from: b.From.File.Path, kind: b.From.Kind, anchor: b.Anchor, label: b.Label})
		}
	}
	for _, l := range languages(s.Config) {
		f.terms[l.Code] = glossary(s, l.Code)
	}
	return f
}

// Edit is what changed between two builds of a site that pages other than
// those of the edited files could show (see Footprint.Changes).
type Edit struct {
	Bodies  []string            // content files whose body changed and front matter did not
	CitedBy []string            // content files holding provisions whose "Cited by" lists changed
	Terms   map[string][]string // by language code, the ids of the definitions whose text changed
}

// Changes compares f with next, the footprint of the same site after an
// edit. It reports false when the edit reaches pages in ways Edit cannot
// name, so that every page must be rendered again: the settings, the
// countries, a file added, removed or with other front matter, provisions
// added, removed or moved, what laws cite, or a defined term or its place.
func (f *Footprint) Changes(next *Footprint) (*Edit, bool) {
	if !reflect.DeepEqual(f.config, next.config) || !slices.Equal(f.countries, next.countries) ||
		!slices.Equal(f.provisions, next.provisions) || len(f.docs) != len(next.docs) {
		return nil, false
	}
	e := &Edit{Terms: map[string][]string{}}
	for _, p := range slices.Sorted(maps.Keys(next.docs)) {
		was, ok := f.docs[p]
		now := next.docs[p]
		if !ok || !bytes.Equal(was.meta, now.meta) {
			return nil, false
		}
		if !bytes.Equal(was.body, now.body) {
			e.Bodies = append(e.Bodies, p)
		}
	}
	cited := map[string]bool{}
	for _, pr := range next.provisions {
		was, now := f.citedBy[pr.id], next.citedBy[pr.id]
		if slices.Equal(was, now) {
			continue
		}
		if !slices.Equal(citingLaws(was), citingLaws(now)) {
			return nil, false
		}
		cited[pr.holder] = true
	}
	e.CitedBy = slices.Sorted(maps.Keys(cited))
	for _, code := range slices.Sorted(maps.Keys(next.terms)) {
		was, ok := f.terms[code]
		if !ok {
			return nil, false
		}
		changed, same := changedDefinitions(was, next.terms[code])
		if !same {
			return nil, false
		}
		if len(changed) > 0 {
			e.Terms[code] = changed
		}
	}
	return e, true
}

// citingLaws keeps the places that are laws. Besides the "Cited by" lists,
// the comparison views are made of them, and whether an article has one.
func citingLaws(back []backPrint) []backPrint {
	var out []backPrint
	for _, b := range back {
		if b.kind == content.KindLegislation {
			out = append(out, b)
		}
	}
	return out
}

// changedDefinitions returns the ids of the terms whose text differs
// between was and now, and false when the terms themselves differ: what
// is linked where, and to what, depends on them.
func changedDefinitions(was, now []Term) ([]string, bool) {
	if len(was) != len(now) {
		return nil, false
	}
	var changed []string
	for i := range now {
		if !sameTerm(was[i], now[i]) {
			return nil, false
		}
		if !sameText(was[i], now[i]) {
			changed = append(changed, now[i].ID)
		}
	}
	return changed, true
}

// sameTerm reports whether a and b define the same term at the same place,
// whatever the text of the definitions.
func sameTerm(a, b Term) bool {
	return a.Term == b.Term && a.ID == b.ID && a.URL == b.URL && a.Label == b.Label && a.Lang == b.Lang &&
		slices.EqualFunc(a.Items, b.Items, sameTerm)
}

// sameText reports whether a and b, the same term, have the same text.
func sameText(a, b Term) bool {
	return a.Text == b.Text && slices.EqualFunc(a.Items, b.Items, sameText)
}
