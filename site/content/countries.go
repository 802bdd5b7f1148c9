package content

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"protosite/site/diag"
	"protosite/site/frontmatter"
)

// CountriesFile lists the countries and other participants the content names.
const CountriesFile = "countries.yaml"

// Country is a State or other participant, such as the European Union.
type Country struct {
	Code string `yaml:"code"` // ISO 3166-1 alpha-3, or EUU for the European Union
	Name string `yaml:"name"` // name as United Nations documents write it
}

// Slug returns the country's URL segment, its code in lower case.
func (c *Country) Slug() string { return strings.ToLower(c.Code) }

// URL returns the site-absolute URL of the country's page.
func (c *Country) URL() string { return "/countries/" + c.Slug() + "/" }

// Countries is the table of countries, by code and sorted by name.
type Countries struct {
	byCode map[string]*Country
	sorted []*Country // by name, with proper collation
}

// Get returns the country with code, or nil.
func (cs *Countries) Get(code string) *Country { return cs.byCode[code] }

// All returns every country sorted by name.
func (cs *Countries) All() []*Country { return cs.sorted }

// Sort orders codes by country name, so that "Côte d'Ivoire" sorts with C.
func (cs *Countries) Sort(list []*Country) {
	col := collate.New(language.English, collate.Loose)
	slices.SortStableFunc(list, func(a, b *Country) int { return col.CompareString(a.Name, b.Name) })
}

var codePattern = regexp.MustCompile(`^[A-Z]{3}$`)

func loadCountries(fsys fs.FS, errs *diag.List) *Countries {
	cs := &Countries{byCode: map[string]*Country{}}
	src, err := fs.ReadFile(fsys, CountriesFile)
	if errors.Is(err, fs.ErrNotExist) {
		return cs
	}
	if err != nil {
		errs.Addf(diag.Pos{File: CountriesFile}, "cannot read: %v", err)
		return cs
	}
	var list []*Country
	fields, derr := frontmatter.FromYAML(CountriesFile, src).Decode(&list)
	if derr != nil {
		errs.Add(derr)
		return cs
	}
	for i, c := range list {
		at := func(field string) diag.Pos { return fields.At(fmt.Sprintf("$[%d].%s", i, field)) }
		switch {
		case !codePattern.MatchString(c.Code):
			errs.Addf(at("code"), "country code %q is not three capital letters (ISO 3166-1 alpha-3)", c.Code)
			continue
		case c.Name == "":
			errs.Addf(at("name"), "country %s has no name", c.Code)
			continue
		case cs.byCode[c.Code] != nil:
			errs.Addf(at("code"), "country code %s is listed twice", c.Code)
			continue
		}
		cs.byCode[c.Code] = c
		cs.sorted = append(cs.sorted, c)
	}
	cs.Sort(cs.sorted)
	return cs
}
