// Package config reads the site settings file, site.yaml, at the root of the
// content directory.
package config

import (
	"fmt"
	"io/fs"
	"net/url"

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
}

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
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &c, nil
}
