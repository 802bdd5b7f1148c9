package search

import (
	"slices"
	"strconv"
	"strings"
	"testing"
)

// TestProblemsExplainRefusals refuses a query of each kind a search page
// explains and checks that search.Problems recognises the message the
// search gives (the browser's engine gives the same, see
// TestEngine) with the values it names.
func TestProblemsExplainRefusals(t *testing.T) {
	long := strings.Repeat("é", 251)
	for _, c := range []struct {
		q, key string
		args   []string
	}{
		{"   ", "search_query_empty", nil},
		{long, "search_query_too_long", []string{"bytes", "502", "limit", strconv.Itoa(MaxQueryBytes)}},
		{"smugling~", "search_query_fuzzy", nil},
		{"smugling~2 travel", "search_query_fuzzy", nil},
		{"/smug.*/", "search_query_regexp", nil},
		{"smug*", "search_query_wildcard", nil},
		{`"unterminated`, "search_query_quote", nil},
		{"a^x", "search_query_number", nil},
		{"a~x", "search_query_number", nil},
		{"+", "search_query_syntax", nil},
		{"a:", "search_query_syntax", nil},
	} {
		r := Request{Query: c.q}
		err := r.validate()
		if err == nil {
			_, err = r.buildQuery()
		}
		if !IsUserError(err) {
			t.Errorf("%q: the search does not refuse it (%v)", c.q, err)
			continue
		}
		key, args, ok := Explain(err.Error())
		if !ok || key != c.key || !slices.Equal(args, c.args) {
			t.Errorf("%q is refused with %q, explained as %q %q (%v), want %q %q", c.q, err, key, args, ok, c.key, c.args)
		}
	}
	if key, _, ok := Explain("the kind filter is not a valid value"); ok {
		t.Errorf("a bad filter, which a reader of the page cannot give, is explained as %s", key)
	}
}
