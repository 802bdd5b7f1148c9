package search

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/search/query"
)

// Limits on what a request may ask.
const (
	MaxQueryBytes = 500 // longer queries are refused
	MaxSize       = 50  // hits per page
	MaxFrom       = 1000
	DefaultSize   = 10
)

// Request is a search: a query in bleve's query string syntax, the
// language searched, filters on facet fields, and the page of hits wanted.
type Request struct {
	Query   string // the query string
	Lang    string // the language tag of the documents searched, AllLanguages for every language, "" for the default
	Kind    string // only this kind, if set
	Article string // only units in or citing this article, if set
	Country string // only this country, if set
	Year    string // only this year, if set
	From    int    // hits to skip
	Size    int    // hits to return; 0 means DefaultSize
	Explain bool   // give each hit the reckoning of its score
}

// UserError is a problem with the request, not with the index: the server
// answers it with 400.
type UserError struct{ Msg string }

func (e *UserError) Error() string { return e.Msg }

// IsUserError reports whether err is a problem with the request.
func IsUserError(err error) bool {
	var ue *UserError
	return errors.As(err, &ue)
}

func userErrorf(format string, args ...any) error {
	return &UserError{Msg: fmt.Sprintf(format, args...)}
}

// validate checks the request's limits and fills in defaults.
func (r *Request) validate() error {
	switch {
	case !utf8.ValidString(r.Query):
		return userErrorf("the query is not valid UTF-8")
	case len(r.Query) > MaxQueryBytes:
		return userErrorf("the query is %d bytes long; the limit is %d", len(r.Query), MaxQueryBytes)
	case strings.TrimSpace(r.Query) == "":
		return userErrorf("the query is empty")
	case r.From < 0 || r.From > MaxFrom:
		return userErrorf("from must be between 0 and %d", MaxFrom)
	case r.Size < 0 || r.Size > MaxSize:
		return userErrorf("size must be between 1 and %d", MaxSize)
	}
	for name, v := range map[string]string{"kind": r.Kind, "article": r.Article, "country": r.Country, "year": r.Year} {
		if len(v) > 64 || !utf8.ValidString(v) {
			return userErrorf("the %s filter is not a valid value", name)
		}
	}
	if r.Size == 0 {
		r.Size = DefaultSize
	}
	return nil
}

// buildQuery parses the query string and directs every clause that names
// no field at both the title and the text, the title weighted higher; the
// filters are added as clauses that must match and do not score.
func (r *Request) buildQuery() (query.Query, error) {
	parsed, err := query.NewQueryStringQuery(r.Query).Parse()
	if err != nil {
		return nil, userErrorf("the query cannot be read: %s", plainParseError(err))
	}
	if err := refuseCostly(parsed); err != nil {
		return nil, err
	}
	q := expandFields(parsed)
	var filters []query.Query
	for field, v := range map[string]string{FieldKind: r.Kind, FieldArticles: r.Article, FieldCountry: r.Country, FieldYear: r.Year} {
		if v == "" {
			continue
		}
		t := query.NewTermQuery(v)
		t.SetField(field)
		t.SetBoost(0)
		filters = append(filters, t)
	}
	if len(filters) == 0 {
		return q, nil
	}
	// Sort filters so the same request always builds the same query.
	sortQueries(filters)
	return query.NewConjunctionQuery(append([]query.Query{q}, filters...)), nil
}

// plainParseError shortens the parser's message, which can be long.
func plainParseError(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, "\n"); i > 0 {
		msg = msg[:i]
	}
	if len(msg) > 200 {
		msg = msg[:200] + "…"
	}
	return msg
}

// refuseCostly refuses regular expressions, wildcards and fuzzy matching:
// they match by walking the whole term dictionary, so one request could
// occupy the server, and the static engine in the browser, which has no
// term dictionary, cannot run them.
func refuseCostly(q query.Query) error {
	switch q := q.(type) {
	case *query.MatchQuery:
		if q.Fuzziness != 0 {
			return userErrorf("fuzzy matching (~) is not supported in queries")
		}
	case *query.RegexpQuery:
		return userErrorf("regular expressions are not supported in queries")
	case *query.WildcardQuery:
		return userErrorf("wildcards are not supported in queries; the last word of a query matches as a prefix")
	case *query.BooleanQuery:
		for _, c := range []query.Query{q.Must, q.Should, q.MustNot} {
			if c != nil {
				if err := refuseCostly(c); err != nil {
					return err
				}
			}
		}
	case *query.ConjunctionQuery:
		for _, c := range q.Conjuncts {
			if err := refuseCostly(c); err != nil {
				return err
			}
		}
	case *query.DisjunctionQuery:
		for _, c := range q.Disjuncts {
			if err := refuseCostly(c); err != nil {
				return err
			}
		}
	}
	return nil
}

// expandFields rewrites clauses with no field into a disjunction over the
// title and the text.
func expandFields(q query.Query) query.Query {
	switch q := q.(type) {
	case *query.BooleanQuery:
		if q.Must != nil {
			q.Must = expandFields(q.Must)
		}
		if q.Should != nil {
			q.Should = expandFields(q.Should)
		}
		if q.MustNot != nil {
			q.MustNot = expandFields(q.MustNot)
		}
		return q
	case *query.ConjunctionQuery:
		for i, c := range q.Conjuncts {
			q.Conjuncts[i] = expandFields(c)
		}
		return q
	case *query.DisjunctionQuery:
		for i, c := range q.Disjuncts {
			q.Disjuncts[i] = expandFields(c)
		}
		return q
	case *query.MatchQuery:
		if q.FieldVal != "" {
			return q
		}
		title, text := *q, *q
		title.FieldVal, text.FieldVal = FieldTitle, FieldText
		title.SetBoost(boostOf(q.BoostVal) * TitleBoost)
		return query.NewDisjunctionQuery([]query.Query{&title, &text})
	case *query.MatchPhraseQuery:
		if q.FieldVal != "" {
			return q
		}
		title, text := *q, *q
		title.FieldVal, text.FieldVal = FieldTitle, FieldText
		title.SetBoost(boostOf(q.BoostVal) * TitleBoost)
		return query.NewDisjunctionQuery([]query.Query{&title, &text})
	}
	return q
}

func boostOf(b *query.Boost) float64 {
	if b == nil {
		return 1
	}
	return b.Value()
}

func sortQueries(qs []query.Query) {
	field := func(q query.Query) string {
		if f, ok := q.(query.FieldableQuery); ok {
			return f.Field()
		}
		return ""
	}
	for i := 1; i < len(qs); i++ {
		for j := i; j > 0 && field(qs[j]) < field(qs[j-1]); j-- {
			qs[j], qs[j-1] = qs[j-1], qs[j]
		}
	}
}
