package content

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"protosite/site/cite"
	"protosite/site/diag"
	"protosite/site/frontmatter"
)

// decoders maps each content folder to the function that checks its front
// matter and fills in the document's kind, URL and title.
func (l *loader) decoders() map[string]func(*Doc) {
	return map[string]func(*Doc){
		"protocol":        l.decodeProtocol,
		"pages":           l.decodePage,
		"meetings":        l.decodeMeeting,
		"recommendations": l.decodeRecommendation,
		"legislation":     l.decodeLegislation,
		"guidance":        l.decodeGuidance,
		"modules":         l.decodeModule,
	}
}

// decodeMeta decodes doc's front matter into meta and runs validate; it
// reports whether the front matter decoded, and whether it is also valid.
func (l *loader) decodeMeta(doc *Doc, meta any, validate func(frontmatter.Fields)) (decoded, valid bool) {
	fields, derr := doc.File.Decode(meta)
	if derr != nil {
		l.errs.Add(derr)
		return false, false
	}
	doc.Fields = fields
	before := l.errs.Len()
	validate(fields)
	return true, l.errs.Len() == before
}

// fileID is the id a document's URL uses: its file name without ".md",
// and without the language code of a translation.
func fileID(doc *Doc) string {
	orig, _ := splitLang(doc.File.Path)
	return strings.TrimSuffix(path.Base(orig), ".md")
}

func (l *loader) checkID(doc *Doc) bool {
	id := fileID(doc)
	if !anchorPattern.MatchString(id) {
		l.errs.Addf(diag.Pos{File: doc.File.Path, Line: 1, Col: 1}, "file name %q must be lower-case letters, digits and hyphens: it becomes the page's URL", id)
		return false
	}
	doc.ID = id
	return true
}

func (l *loader) decodeMeeting(doc *Doc) {
	var m MeetingMeta
	if !l.checkID(doc) {
		return
	}
	if _, ok := l.decodeMeta(doc, &m, func(f frontmatter.Fields) { m.validate(f, l.countries, &l.errs) }); !ok {
		return
	}
	doc.Kind, doc.Meeting, doc.Title = KindMeeting, &m, m.Title
	doc.URL = "/meetings/" + doc.ID + "/"
}

func (l *loader) decodeRecommendation(doc *Doc) {
	var m RecommendationMeta
	if !l.checkID(doc) {
		return
	}
	decoded, _ := l.decodeMeta(doc, &m, func(f frontmatter.Fields) { m.validate(f, &l.errs) })
	if !decoded {
		return
	}
	doc.Kind, doc.Recommendation = KindRecommendation, &m
	doc.Title = "Recommendation " + m.Paragraph
	doc.URL = "/recommendations/" + doc.ID + "/"
	for i, c := range m.Concerns {
		l.fieldCites(doc, fmt.Sprintf("$.concerns[%d]", i), c, "")
	}
}

func (l *loader) decodeLegislation(doc *Doc) {
	var m LegislationMeta
	if !l.checkID(doc) {
		return
	}
	decoded, _ := l.decodeMeta(doc, &m, func(f frontmatter.Fields) { m.validate(f, l.countries, &l.errs) })
	if !decoded {
		return
	}
	doc.Kind, doc.Legislation, doc.Title = KindLegislation, &m, m.Title
	doc.URL = "/legislation/" + doc.ID + "/"
	for i, p := range m.Provisions {
		for j, c := range p.Implements {
			l.fieldCites(doc, fmt.Sprintf("$.provisions[%d].implements[%d]", i, j), c, p.ID)
		}
	}
}

func (l *loader) decodeGuidance(doc *Doc) {
	var m GuidanceMeta
	if _, ok := l.decodeMeta(doc, &m, func(f frontmatter.Fields) { m.validate(f, &l.errs) }); !ok {
		return
	}
	doc.Kind, doc.Guidance = KindGuidance, &m
	doc.Title = "Implementation guidance on article " + strconv.Itoa(m.Article)
	// Guidance appears on its article's page, so it has no URL of its own.
	doc.URL = "/articles/" + strconv.Itoa(m.Article) + "/#guidance"
}

// fieldCites records the citations in one front matter value, which must
// cite at least one provision.
func (l *loader) fieldCites(doc *Doc, yamlPath, text, anchor string) {
	pos := doc.Fields.At(yamlPath)
	cites := cite.Parse(text, cite.Context{})
	if len(cites) == 0 {
		l.errs.Addf(pos, "%q is not a citation of the Protocol (write it as art. 6(1)(a))", text)
		return
	}
	for _, c := range cites {
		doc.FieldCites = append(doc.FieldCites, FieldCite{Ref: c.Ref, Text: text, Pos: pos, Anchor: anchor})
	}
}
