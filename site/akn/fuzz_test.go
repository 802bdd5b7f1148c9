package akn

import "testing"

// FuzzParseCitation checks that whatever a reader types into the go-to
// box is either refused or read as an id that parses back to itself.
func FuzzParseCitation(f *testing.F) {
	for _, c := range citationCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		id, err := ParseCitation(s)
		if err != nil {
			return
		}
		back, err := Parse(id.String())
		if err != nil {
			t.Fatalf("ParseCitation(%q) = %s, which does not parse: %v", s, id, err)
		}
		if back.String() != id.String() {
			t.Fatalf("ParseCitation(%q) = %s, which parses back as %s", s, id, back)
		}
	})
}
