// Package search builds the site's search index with bleve at build time,
// an index per language, each analysed with its language's analyzer;
// answers queries against one language or all of them for the server and
// the command line; and exports the indexes into static files that a small
// script searches in the browser.
package search

// Doc is one search document: a citable unit of the site, such as a
// provision, a recommendation or a provision of a law.
type Doc struct {
	ID       string   // unique id: the URL with its anchor
	Kind     string   // provision, recommendation, legislation, guidance, meeting or page
	Title    string   // title, weighted above the text
	Heading  string   // title shown in results, when it differs from Title
	Text     string   // the unit's text
	URL      string   // site-absolute URL with its #anchor
	Articles []string // numbers of the articles the unit is in or cites
	Country  string   // country code, for legislation
	Year     string   // year, for legislation and recommendations
	Meeting  string   // meeting id, for recommendations and meetings
	Lang     string   // BCP 47 language tag, which picks its index and analyzer
}

// IndexDir is where a build writes the bleve indexes, one per language in
// a directory named after its tag (layout.go), inside the output. Its
// leading dot keeps it from being served.
const IndexDir = ".search/bleve"

// Field names in the index.
const (
	FieldTitle    = "title"
	FieldText     = "text"
	FieldKind     = "kind"
	FieldArticles = "article"
	FieldCountry  = "country"
	FieldYear     = "year"
	FieldMeeting  = "meeting"
	FieldLang     = "lang"
	FieldURL      = "url"
	FieldHeading  = "heading"
)

// TitleBoost is how much more a match in a title counts than one in text.
const TitleBoost = 2.0

// FacetFields are the fields results are counted by.
var FacetFields = []string{FieldKind, FieldArticles, FieldCountry, FieldYear}
