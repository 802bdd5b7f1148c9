// Package config reads the site settings file, site.yaml, at the root of the
// content directory.
package config

import (
	"fmt"
	"io/fs"
	"net/url"
	"regexp"
	"strings"
	"time"

	"golang.org/x/text/language"

	"protosite/site/diag"
	"protosite/site/frontmatter"
)

// FileName is the settings file's name inside the content directory.
const FileName = "site.yaml"

// Config holds the site-wide settings.
type Config struct {
	Title          string `yaml:"title"`           // the site's short name, shown in every header
	TreatyTitle    string `yaml:"treaty_title"`    // the treaty's full title, verbatim
	CitationPrefix string `yaml:"citation_prefix"` // what "copy citation" puts before "art. 6(1)"
	BaseURL        string `yaml:"base_url"`        // absolute URL the site is published at, for sitemap.xml
	Language       string `yaml:"language"`        // BCP 47 tag of the default language
	// Adopted, EntryIntoForce and TreatySeries are the treaty's
	// bibliographic facts, for its full reference under "Cite this
	// article"; where one is left out, no full reference is shown.
	Adopted        string `yaml:"adopted"`          // date of adoption, YYYY-MM-DD
	EntryIntoForce string `yaml:"entry_into_force"` // date of entry into force, YYYY-MM-DD
	TreatySeries   string `yaml:"treaty_series"`    // where the text is published: volume, series and first page, such as "2241 UNTS 507"
	// TreatySeriesTitle is the full name of the series TreatySeries
	// abbreviates, such as "United Nations, Treaty Series", for the
	// treaty's CSL JSON; left out, that file names the series by its
	// abbreviation alone.
	TreatySeriesTitle string `yaml:"treaty_series_title"`
	// ComparisonLimit is how many national provisions an article's
	// comparison view lists on one page; a larger view is split into one
	// page per country. Zero means the generator's default.
	ComparisonLimit int `yaml:"comparison_limit"`
	// Languages lists every language the site is published in, the default
	// one included; without it the site has the default language only.
	Languages []Language `yaml:"languages"`
}

// Language is one language of the site.
type Language struct {
	Code string `yaml:"code"` // BCP 47 tag in lower case, such as "nl"; it names content files (article-06.nl.md) and prefixes URLs (/nl/)
	Name string `yaml:"name"` // the language's name in itself, such as "Nederlands"
	Dir  string `yaml:"dir"`  // "ltr" (the default) or "rtl"
	// Authentic says whether the Protocol's text in this language is
	// authentic (article 25: Arabic, Chinese, English, French, Russian and
	// Spanish). Treaty pages in a language that is not are labelled as a
	// translation.
	Authentic bool `yaml:"authentic"`
	// Title and TreatyTitle are the site's title and the treaty's full
	// title in this language, verbatim from a source; where they are left
	// out, the default language's are shown.
	Title       string `yaml:"title"`
	TreatyTitle string `yaml:"treaty_title"`
}

// Reference reports the treaty's bibliographic facts, and whether
// site.yaml gives all of them.
func (c *Config) Reference() (adopted, inForce time.Time, series string, ok bool) {
	adopted, err1 := time.Parse(time.DateOnly, c.Adopted)
	inForce, err2 := time.Parse(time.DateOnly, c.EntryIntoForce)
	return adopted, inForce, c.TreatySeries, err1 == nil && err2 == nil && c.TreatySeries != ""
}

// seriesPattern is how treaty_series is written: volume, series and first
// page, as "2241 UNTS 507".
var seriesPattern = regexp.MustCompile(`^([0-9]+) (\S.*\S|\S) ([0-9]+)$`)

// Series splits treaty_series into its volume, the series' abbreviation
// and the first page; ok is false when site.yaml does not give it.
func (c *Config) Series() (volume, series, page string, ok bool) {
	m := seriesPattern.FindStringSubmatch(c.TreatySeries)
	if m == nil {
		return "", "", "", false
	}
	return m[1], m[2], m[3], true
}

// RTL reports whether the language is written right to left.
func (l Language) RTL() bool { return l.Dir == "rtl" }

// Default returns the default language.
func (c *Config) Default() Language {
	for _, l := range c.Languages {
		if l.Code == c.Language {
			return l
		}
	}
	return Language{Code: c.Language, Dir: "ltr"}
}

// Lang returns the language with code, and whether the site has it.
func (c *Config) Lang(code string) (Language, bool) {
	for _, l := range c.Languages {
		if l.Code == code {
			return l, true
		}
	}
	return Language{}, false
}

// Prefix is the path every URL of the language starts with: "" for the
// default language, "/nl" for Dutch.
func (c *Config) Prefix(code string) string {
	if code == "" || code == c.Language {
		return ""
	}
	return "/" + code
}

// codePattern is what a language code may look like: it names files and
// URL paths, so it is kept to lower-case letters, digits and hyphens.
var codePattern = regexp.MustCompile(`^[a-z]{2,3}(-[a-z0-9]{2,8})*$`)

// Load reads and validates site.yaml from fsys.
func Load(fsys fs.FS) (*Config, error) {
	src, err := fs.ReadFile(fsys, FileName)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", FileName, err)
	}
	// Reuse the front matter decoder so the file gets the same strict
	// checks and positions as content files.
	var c Config
	fields, derr := frontmatter.FromYAML(FileName, src).Decode(&c)
	if derr != nil {
		return nil, derr
	}
	var errs diag.List
	for key, val := range map[string]string{"title": c.Title, "base_url": c.BaseURL, "language": c.Language, "citation_prefix": c.CitationPrefix} {
		if val == "" {
			errs.Addf(fields.Pos(key), "%s is required", key)
		}
	}
	if u, err := url.Parse(c.BaseURL); c.BaseURL != "" && (err != nil || !u.IsAbs()) {
		errs.Addf(fields.Pos("base_url"), "base_url %q is not an absolute URL", c.BaseURL)
	}
	if c.ComparisonLimit < 0 {
		errs.Addf(fields.Pos("comparison_limit"), "comparison_limit must be a positive number of national provisions, not %d", c.ComparisonLimit)
	}
	for key, val := range map[string]string{"adopted": c.Adopted, "entry_into_force": c.EntryIntoForce} {
		if _, err := time.Parse(time.DateOnly, val); val != "" && err != nil {
			errs.Addf(fields.Pos(key), "%s %q is not a date written YYYY-MM-DD", key, val)
		}
	}
	if c.TreatySeries != "" && !seriesPattern.MatchString(c.TreatySeries) {
		errs.Addf(fields.Pos("treaty_series"), "treaty_series %q is not written as volume, series and first page, such as \"2241 UNTS 507\"", c.TreatySeries)
	}
	c.checkLanguages(fields, &errs)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &c, nil
}

// checkLanguages validates the languages list, or makes one of the default
// language when there is none.
func (c *Config) checkLanguages(fields frontmatter.Fields, errs *diag.List) {
	if len(c.Languages) == 0 {
		if c.Language != "" {
			// A site in one language: its text is taken to be authentic,
			// as the project's English text is.
			c.Languages = []Language{{Code: c.Language, Dir: "ltr", Authentic: true}}
		}
		return
	}
	seen := map[string]bool{}
	for i, l := range c.Languages {
		at := func(key string) diag.Pos { return fields.At(fmt.Sprintf("$.languages[%d].%s", i, key)) }
		switch _, err := language.Parse(l.Code); {
		case l.Code == "":
			errs.Addf(at("code"), "code is required")
		case !codePattern.MatchString(l.Code) || err != nil:
			errs.Addf(at("code"), "code %q is not a BCP 47 language tag in lower case, such as \"nl\" or \"zh-hans\"", l.Code)
		case seen[l.Code]:
			errs.Addf(at("code"), "language %q is listed twice", l.Code)
		}
		seen[l.Code] = true
		if strings.TrimSpace(l.Name) == "" {
			errs.Addf(at("code"), "name is required: the language's name in itself, such as \"Nederlands\"")
		}
		switch l.Dir {
		case "":
			c.Languages[i].Dir = "ltr"
		case "ltr", "rtl":
		default:
			errs.Addf(at("dir"), "dir must be ltr or rtl, not %q", l.Dir)
		}
	}
	if c.Language != "" && !seen[c.Language] {
		errs.Addf(fields.Pos("languages"), "the default language %q is not in languages", c.Language)
	}
}
