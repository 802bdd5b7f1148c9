package search

import (
	"math"
	"strings"
	"testing"
	"unicode"
)

// TestExplanationAddsUpToTheScore checks that a hit's reckoning is of its
// score, the query's alone, and that it is given only when asked for.
func TestExplanationAddsUpToTheScore(t *testing.T) {
	ix := syntheticIndex(t)
	for _, r := range syntheticRequests() {
		r.Explain = true
		res, err := ix.Search(r)
		if err != nil {
			continue // a request the search refuses has no hits to explain
		}
		for _, h := range res.Hits {
			e := h.Explanation
			if e == nil {
				t.Fatalf("%+v: hit %s has no explanation", r, h.URL)
			}
			checkMessages(t, e)
			if math.Abs(e.Value-h.Score) > 1e-9*math.Max(1, h.Score) {
				t.Errorf("%+v: hit %s scores %v, its explanation %v (%s)", r, h.URL, h.Score, e.Value, e.Message)
			}
		}
		r.Explain = false
		res, err = ix.Search(r)
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if h.Explanation != nil {
				t.Fatalf("%+v: hit %s is explained unasked", r, h.URL)
			}
		}
	}
}

// checkMessages fails on a message that is not printable text, such as
// one holding bleve's internal document id.
func checkMessages(t *testing.T, e *Explanation) {
	t.Helper()
	if strings.ContainsFunc(e.Message, func(r rune) bool { return !unicode.IsPrint(r) }) || strings.Contains(e.Message, " in ") {
		t.Errorf("explanation message %q holds more than text", e.Message)
	}
	for _, c := range e.Children {
		checkMessages(t, c)
	}
}
