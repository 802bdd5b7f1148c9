package akn

import "testing"

// CitationCases are shared with the browser's parser, which a test in
// site/render runs against the same table.
var citationCases = []struct{ in, want string }{
	{"6", "art_6"},
	{"art 6", "art_6"},
	{"Art. 6", "art_6"},
	{"article 18", "art_18"},
	{"Article 18", "art_18"},
	{"6(1)(a)", "art_6__para_1__point_a"},
	{"6 (1) (a)", "art_6__para_1__point_a"},
	{"art 6.1.a", "art_6__para_1__point_a"},
	{"art. 6(1)(b)(i)", "art_6__para_1__point_b__point_i"},
	{"6.1.b.ii", "art_6__para_1__point_b__point_ii"},
	{"3(c)", "art_3__point_c"},
	{"3(c)(iii)", "art_3__point_c__point_iii"},
	{"ART 8.7", "art_8__para_7"},
	{"preamble", "preamble"},
	{"Preamble", "preamble"},
	{"preamble 3", "preamble__recital_3"},
	{"preamble, recital 3", "preamble__recital_3"},
	{"art_6__para_1__point_a", "art_6__para_1__point_a"},
	{"", ""},
	{"fraudulent documents", ""},
	{"6(1)(2)", ""},
	{"0", ""},
	{"art", ""},
	{"6(1)(abcdef)", ""},
	{"preamble x", ""},
}

func TestParseCitation(t *testing.T) {
	for _, tt := range citationCases {
		id, err := ParseCitation(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("ParseCitation(%q) = %s, want an error", tt.in, id)
			}
			continue
		}
		if err != nil || id.String() != tt.want {
			t.Errorf("ParseCitation(%q) = %s, %v; want %s", tt.in, id, err, tt.want)
		}
	}
}
