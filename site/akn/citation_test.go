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
	// The words of the site's languages.
	{"artikel 6 lid 1 onder a", "art_6__para_1__point_a"},
	{"Artikel 8", "art_8"},
	{"article 6, paragraphe 1, alinéa b", "art_6__para_1__point_b"},
	{"artículo 6, párrafo 1, apartado a)", "art_6__para_1__point_a"},
	{"Articulo 16", "art_16"},
	{"статья 6, пункт 1 (a)", "art_6__para_1__point_a"},
	{"Статья 18", "art_18"},
	{"المادة 6", "art_6"},
	{"المادة ٦ (١)", "art_6__para_1"},
	{"第六条第一款(a)项", "art_6__para_1__point_a"},
	{"第6条第1款", "art_6__para_1"},
	{"第二十五条", "art_25"},
	{"第十条", "art_10"},
	{"第十八条", "art_18"},
	{"préambule", "preamble"},
	{"Preámbulo, considerando 2", "preamble__recital_2"},
	{"преамбула 3", "preamble__recital_3"},
	{"序言", "preamble"},
	{"artikel lid", ""},
	{"第条", ""},
	{"第一十一百条", ""},
	{"", ""},
	{"fraudulent documents", ""},
	{"6(1)(2)", ""},
	{"6(0)", ""},
	{"6.000", ""},
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
