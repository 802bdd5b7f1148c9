package content

import (
	"slices"
	"strings"

	"protosite/site/akn"
	"protosite/site/diag"
	"protosite/site/provision"
)

// linkTranslations pairs every translation with the document it
// translates, and checks that the two are the same document: the same
// place on the site and, for treaty text, the same provisions with the
// same ids, so that a reader can switch language at any provision.
func (l *loader) linkTranslations(s *Site) {
	slices.SortFunc(s.Translations, func(a, b *Doc) int { return strings.Compare(a.File.Path, b.File.Path) })
	byPath := map[string]*Doc{}
	for _, d := range s.Docs {
		byPath[d.File.Path] = d
	}
	kept := s.Translations[:0]
	for _, t := range s.Translations {
		top := diag.Pos{File: t.File.Path, Line: 1, Col: 1}
		origPath, _ := splitLang(t.File.Path)
		orig := byPath[origPath]
		switch {
		case orig == nil && l.failed[origPath]:
			continue // its problems are reported
		case orig == nil:
			l.errs.Addf(top, "%s translates %s, which does not exist: a translation is named after the file in the default language it translates", t.File.Path, origPath)
			continue
		case orig.Kind != t.Kind || orig.URL != t.URL:
			l.errs.Addf(top, "%s is %s, but %s, which it translates, is %s", t.File.Path, describe(t), orig.File.Path, describe(orig))
			continue
		case orig.Translations[t.Lang] != nil:
			continue // cannot happen: one file name per language
		}
		if !l.sameProvisions(t, orig) {
			continue
		}
		if orig.Translations == nil {
			orig.Translations = map[string]*Doc{}
		}
		orig.Translations[t.Lang] = t
		t.Original = orig
		kept = append(kept, t)
	}
	s.Translations = kept
}

// describe names what a document is, for messages.
func describe(d *Doc) string {
	if d.Title != "" {
		return string(d.Kind) + " " + strings.TrimSuffix(d.URL, "/") + " (" + d.Title + ")"
	}
	return string(d.Kind) + " " + d.URL
}

// sameProvisions reports whether translation t numbers the same provisions
// as orig, in the same order, and reports the first difference if not.
func (l *loader) sameProvisions(t, orig *Doc) bool {
	if orig.Root.IsZero() {
		return true
	}
	ids := func(d *Doc) (out []akn.ID, nodes []*provision.Provision) {
		_ = provision.Walk(d.AST, func(p *provision.Provision) error {
			if !p.ID.IsZero() {
				out = append(out, p.ID)
				nodes = append(nodes, p)
			}
			return nil
		})
		return out, nodes
	}
	have, nodes := ids(t)
	want, _ := ids(orig)
	for i := range max(len(have), len(want)) {
		switch {
		case i >= len(have):
			pos := diag.Pos{File: t.File.Path, Line: 1, Col: 1}
			if len(nodes) > 0 {
				pos = t.Pos(nodes[len(nodes)-1].Pos())
			}
			l.errs.Addf(pos, "the translation lacks %s (%s), which %s has: a translation must number the same provisions as its original", want[i].Label(), want[i], orig.File.Path)
			return false
		case i >= len(want):
			l.errs.Addf(t.Pos(nodes[i].Pos()), "%s (%s) is not in %s: a translation must number the same provisions as its original", have[i].Label(), have[i], orig.File.Path)
			return false
		case have[i].String() != want[i].String():
			l.errs.Addf(t.Pos(nodes[i].Pos()), "provision %d is %s (%s) here but %s (%s) in %s: a translation must number the same provisions as its original", i+1, have[i].Label(), have[i], want[i].Label(), want[i], orig.File.Path)
			return false
		}
	}
	return true
}
