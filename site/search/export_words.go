package search

import (
	"fmt"
	"slices"
	"strings"

	"github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
)

// stopWords lists the words the analyzer drops: bleve's stop list of the
// language, stop ("" for none), and every word of the stored text that
// produced no term, each checked with the index's own analyzer. The browser needs them because bleve
// scores a dropped word differently from a word it does not know: a query
// word the analyzer drops matches nothing and weighs nothing, while an
// unknown word still weighs in the query norm and the coordination factor.
func (c *corpus) stopWords(m mapping.IndexMapping, stop string) ([]string, error) {
	an := m.AnalyzerNamed(m.AnalyzerNameForPath(FieldText))
	if an == nil {
		return nil, fmt.Errorf("the index has no analyzer for %s", FieldText)
	}
	candidates := map[string]bool{}
	if stop != "" {
		list, err := registry.NewCache().TokenMapNamed(stop)
		if err != nil {
			return nil, fmt.Errorf("reading the stop list %s: %w", stop, err)
		}
		for w := range list {
			candidates[strings.ToLower(w)] = true
		}
	}
	for w := range c.dropped {
		candidates[w] = true
	}
	var out []string
	for w := range candidates {
		if w == "" || c.surfaces[w] != nil {
			continue
		}
		if len(an.Analyze([]byte(w))) == 0 {
			out = append(out, w)
		}
	}
	slices.Sort(out)
	return out, nil
}

// addDropped adds the words between a document's tokens to those the
// analyzer dropped.
func (p *part) addDropped(d *exportDoc) {
	tok := unicode.NewUnicodeTokenizer()
	add := func(gap string) {
		if p.gaps[gap] {
			return
		}
		p.gaps[gap] = true
		for _, t := range tok.Tokenize([]byte(gap)) {
			p.dropped[strings.ToLower(string(t.Term))] = true
		}
	}
	// The stretches of text between the tokens, where the dropped words are.
	at := 0
	for _, t := range d.tokens {
		if t.start > at {
			add(d.text[at:t.start])
		}
		at = max(at, t.end)
	}
	if at < len(d.text) {
		add(d.text[at:])
	}
}
