package content

import (
	"protosite/site/diag"
	"protosite/site/frontmatter"
)

// GuidanceMeta is the front matter of an article's implementation guidance.
type GuidanceMeta struct {
	Article int `yaml:"article"` // the article the guidance is about
}

func (m *GuidanceMeta) validate(f frontmatter.Fields, errs *diag.List) {
	if m.Article <= 0 {
		errs.Addf(f.Pos("article"), "article is required: the number of the article the guidance is about")
	}
}
