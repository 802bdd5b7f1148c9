package content

import (
	"protosite/site/diag"
	"protosite/site/frontmatter"
)

// RecommendationMeta is the front matter of a recommendation; its body is
// the recommendation's text, verbatim.
type RecommendationMeta struct {
	Meeting      string   `yaml:"meeting"`       // id of the meeting that adopted it
	Paragraph    string   `yaml:"paragraph"`     // its numbering in the report, such as "7 (a)"
	Section      string   `yaml:"section"`       // the heading it stands under, verbatim
	Chapeau      string   `yaml:"chapeau"`       // the sentence that introduces it, verbatim
	Theme        string   `yaml:"theme"`         // short theme, from the section heading
	Concerns     []string `yaml:"concerns"`      // citations of the provisions it concerns (editorial)
	ConcernsNote string   `yaml:"concerns_note"` // why it concerns them (editorial)
}

func (m *RecommendationMeta) validate(f frontmatter.Fields, errs *diag.List) {
	require(f, errs, "meeting", m.Meeting, "paragraph", m.Paragraph, "section", m.Section, "chapeau", m.Chapeau, "theme", m.Theme)
	if len(m.Concerns) == 0 {
		errs.Addf(f.Pos("concerns"), "concerns is required: cite the provisions the recommendation concerns")
	}
}
