package content

import (
	"protosite/site/diag"
	"protosite/site/frontmatter"
)

// ModuleMeta is the front matter of a training module. A module is
// editorial material for trainers; it embeds provisions of the Protocol by
// reference ("::provision art. 6(3)", see markdown.Transclusion), never by
// copying their text.
type ModuleMeta struct {
	Title    string `yaml:"title"`    // the module's title
	Summary  string `yaml:"summary"`  // what the module covers, shown labelled as editorial
	Audience string `yaml:"audience"` // who it is written for
	Duration string `yaml:"duration"` // how long it takes, as the author puts it
}

func (m *ModuleMeta) validate(f frontmatter.Fields, errs *diag.List) {
	if m.Title == "" {
		errs.Addf(f.Pos("title"), "title is required")
	}
}

func (l *loader) decodeModule(doc *Doc) {
	var m ModuleMeta
	if !l.checkID(doc) {
		return
	}
	if _, ok := l.decodeMeta(doc, &m, func(f frontmatter.Fields) { m.validate(f, &l.errs) }); !ok {
		return
	}
	doc.Kind, doc.Module, doc.Title = KindModule, &m, m.Title
	doc.URL = "/modules/" + doc.ID + "/"
}
