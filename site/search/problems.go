package search

import "regexp"

// Problem is a kind of request the search refuses, recognised by its
// English message, for a search page to say in its own language.
type Problem struct {
	Pattern *regexp.Regexp // matches the message, its groups the values of Args
	Key     string         // the interface string that says it, after "js."
	Args    []string       // the placeholders the groups fill, in order
}

// Problems are the refusals a reader of the search page can meet, in the
// words the server (query.go) and the browser's engine (static/engine)
// both give; the last is any query that cannot be read. The patterns are
// written in the syntax Go's regexp and JavaScript's RegExp share, so
// that the search page's script uses them as they are.
var Problems = []Problem{
	{regexp.MustCompile(`^the query is empty$`), "search_query_empty", nil},
	{regexp.MustCompile(`^the query is (\d+) bytes long; the limit is (\d+)$`), "search_query_too_long", []string{"bytes", "limit"}},
	{regexp.MustCompile(`^fuzzy matching \(~\) is not supported`), "search_query_fuzzy", nil},
	{regexp.MustCompile(`^regular expressions are not supported`), "search_query_regexp", nil},
	{regexp.MustCompile(`^wildcards are not supported`), "search_query_wildcard", nil},
	{regexp.MustCompile(`^the query cannot be read: parse error: unterminated quote`), "search_query_quote", nil},
	{regexp.MustCompile(`^the query cannot be read: parse error: invalid (?:boost|fuzziness) value`), "search_query_number", nil},
	{regexp.MustCompile(`^the query cannot be read: `), "search_query_syntax", nil},
}

// Explain finds the problem msg reports and returns its interface
// string's key and the values of its placeholders, name then value; ok is
// false for a message no problem matches.
func Explain(msg string) (key string, args []string, ok bool) {
	for _, p := range Problems {
		m := p.Pattern.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		for i, name := range p.Args {
			args = append(args, name, m[i+1])
		}
		return p.Key, args, true
	}
	return "", nil, false
}
