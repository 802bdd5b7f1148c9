package render

import (
	"bytes"
	"html/template"
	"strconv"

	"github.com/yuin/goldmark/ast"

	"protosite/site/config"
	"protosite/site/content"
	"protosite/site/markdown"
	"protosite/site/provision"
)

// Parallel is an article in every language the site has it in, provision
// by provision, for its languages side by side: a translation read against
// the authentic text, row by row.
type Parallel struct {
	Article *content.Doc     // the article, in the default language
	Columns []ParallelColumn // its languages, the default first
	page    string           // site-absolute URL of the page
}

// ParallelColumn is one language of a Parallel view.
type ParallelColumn struct {
	config.Language
	Doc  *content.Doc // the article in this language
	lang *langView
}

// ParallelRow is one provision, or a block of text outside provisions, in
// each language.
type ParallelRow struct {
	ID    string          // the provision's id, "" for text outside provisions
	Depth int             // how deep the provision is: 1 for a paragraph
	Cells []template.HTML // its copy in each column's language, "" where a translation lacks it
}

// planParallel makes the page of each article's languages side by side,
// for articles that have a translation.
func (pl *planner) planParallel() []*Page {
	s, l := pl.s, pl.lang
	var pages []*Page
	for _, a := range s.Articles {
		v := &Parallel{Article: a}
		for _, lang := range languages(s.Config) {
			d := a
			if lang.Code != s.Config.Language {
				if d = a.Translations[lang.Code]; d == nil {
					continue
				}
			}
			v.Columns = append(v.Columns, ParallelColumn{Language: lang, Doc: d, lang: l.all[lang.Code]})
		}
		if len(v.Columns) < 2 {
			continue
		}
		p := pl.newPage(parallelURL(a), "parallel", l.t("title.parallel", "title", l.titleOf(a.In(l.Code))))
		p.Section = "articles"
		p.Description = l.t("description.parallel", "number", a.Protocol.Article)
		v.page = p.URL
		p.Data = v
		for _, c := range v.Columns {
			p.shows = append(p.shows, c.Doc)
		}
		pages = append(pages, p)
	}
	return pages
}

// parallelURL is the site-absolute URL of the languages side by side of
// article a, in the default language.
func parallelURL(a *content.Doc) string { return a.URL + "parallel/" }

// Rows lays the article out provision by provision, in the order of the
// default language's text.
func (v *Parallel) Rows() ([]ParallelRow, error) {
	units := make([]map[string]ast.Node, len(v.Columns))
	for i, c := range v.Columns {
		units[i] = parallelUnits(c.Doc)
	}
	var rows []ParallelRow
	for _, key := range parallelOrder(v.Columns[0].Doc) {
		row := ParallelRow{Cells: make([]template.HTML, len(v.Columns))}
		if p, ok := units[0][key].(*provision.Provision); ok {
			row.ID, row.Depth = p.ID.String(), len(p.ID.Parts)
		}
		for i, c := range v.Columns {
			n := units[i][key]
			if n == nil {
				continue
			}
			o := c.lang.copyOptions()
			o.Origin, o.Page = c.lang.url(v.Article.URL), v.page
			o.Shallow, o.Holds = true, func(page string) bool { return page == o.Origin }
			var buf bytes.Buffer
			if err := markdown.RenderCopy(&buf, c.Doc.File.Body, o, n); err != nil {
				return nil, err
			}
			row.Cells[i] = template.HTML(buf.String())
		}
		rows = append(rows, row)
	}
	return rows, nil
}

// parallelOrder lists the keys of d's units in document order.
func parallelOrder(d *content.Doc) []string {
	var keys []string
	eachUnit(d, func(key string, _ ast.Node) { keys = append(keys, key) })
	return keys
}

// parallelUnits maps the keys of d's units to their nodes.
func parallelUnits(d *content.Doc) map[string]ast.Node {
	m := map[string]ast.Node{}
	eachUnit(d, func(key string, n ast.Node) { m[key] = n })
	return m
}

// eachUnit calls fn for each unit of d in document order: each provision,
// keyed by its id, and each block outside provisions, keyed by its place
// among them, which a translation keeps.
func eachUnit(d *content.Doc, fn func(key string, n ast.Node)) {
	blocks := 0
	for c := d.AST.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*provision.Provision); !ok {
			blocks++
			fn("block-"+strconv.Itoa(blocks), c)
			continue
		}
		_ = provision.Walk(c, func(p *provision.Provision) error {
			fn(p.ID.String(), p)
			return nil
		})
	}
}
