package content

import (
	"regexp"

	"protosite/site/diag"
	"protosite/site/frontmatter"
)

// ProtocolMeta is the front matter of a treaty document: the preamble, an
// article or the testimonium, with where its text was taken from.
type ProtocolMeta struct {
	Article      int    `yaml:"article"`       // article number; 0 for the preamble and testimonium
	Section      string `yaml:"section"`       // "preamble" or "testimonium" for those parts
	Title        string `yaml:"title"`         // article title, verbatim
	Chapter      string `yaml:"chapter"`       // chapter number in roman numerals
	ChapterTitle string `yaml:"chapter_title"` // chapter title, verbatim
	SourceRepo   string `yaml:"source_repo"`   // repository the text was taken from
	SourcePath   string `yaml:"source_path"`   // file in that repository
	SourceCommit string `yaml:"source_commit"` // commit of that file
	SourceOrigin string `yaml:"source_origin"` // the publication the repository mirrors
	Verification string `yaml:"verification"`  // how the text was checked against its source
}

var commitPattern = regexp.MustCompile(`^[0-9a-f]{40}$`)

func (m *ProtocolMeta) validate(f frontmatter.Fields, errs *diag.List) {
	switch {
	case m.Article != 0 && m.Section != "":
		errs.Addf(f.Pos("section"), "a document is either an article or a section, not both")
	case m.Article < 0:
		errs.Addf(f.Pos("article"), "article must be a positive number, not %d", m.Article)
	case m.Article == 0 && m.Section != "preamble" && m.Section != "testimonium":
		errs.Addf(f.Pos("section"), "need article: N, or section: preamble or testimonium")
	}
	if m.Article > 0 {
		for key, v := range map[string]string{"title": m.Title, "chapter": m.Chapter, "chapter_title": m.ChapterTitle} {
			if v == "" {
				errs.Addf(f.Pos(key), "%s is required for an article", key)
			}
		}
	}
	for key, v := range map[string]string{"source_repo": m.SourceRepo, "source_path": m.SourcePath, "source_commit": m.SourceCommit} {
		if v == "" {
			errs.Addf(f.Pos(key), "%s is required: treaty text must say where it was taken from", key)
		}
	}
	if m.SourceCommit != "" && !commitPattern.MatchString(m.SourceCommit) {
		errs.Addf(f.Pos("source_commit"), "source_commit %q is not a 40-digit commit hash", m.SourceCommit)
	}
}

// PageMeta is the front matter of a free-standing page.
type PageMeta struct {
	Title       string `yaml:"title"`       // page title
	Description string `yaml:"description"` // one-sentence summary for lists and meta tags
	Weight      int    `yaml:"weight"`      // order in navigation, lowest first
}

func (m *PageMeta) validate(f frontmatter.Fields, errs *diag.List) {
	if m.Title == "" {
		errs.Addf(f.Pos("title"), "title is required")
	}
}
