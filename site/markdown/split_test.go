package markdown

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark/text"
)

// TestLineBreakSurvivesLinking checks that a citation or a defined term at
// the end of a line keeps the line break after it.
func TestLineBreakSurvivesLinking(t *testing.T) {
	src := []byte("See article 6\nand the vessel\nas defined.\n")
	md := New()
	doc := md.Parser().Parse(text.NewReader(src))
	LinkTerms(doc, src, []Definition{{Phrase: "vessel", ID: "art_3__point_d", Href: "#d"}}, nil)
	var out bytes.Buffer
	if err := md.Renderer().Render(&out, src, doc); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	for _, want := range []string{"article 6\nand the", "vessel</a>\nas defined"} {
		if !strings.Contains(got, want) {
			t.Errorf("rendered %q, want it to contain %q", got, want)
		}
	}
}

func TestTermsAreNotNames(t *testing.T) {
	defs := []Definition{{Phrase: "Smuggling of migrants", ID: "art_3__point_a", Href: "#a"}}
	for text, want := range map[string]bool{
		"the Protocol against the Smuggling of Migrants by Land": false,
		"Smuggling of migrants shall mean":                       true,
		"the smuggling of migrants is an offence":                true,
		"smuggling of migrantsx":                                 false,
	} {
		_, _, _, got := findTerm([]byte(text), defs, map[string]bool{})
		if got != want {
			t.Errorf("findTerm in %q = %v, want %v", text, got, want)
		}
	}
}
