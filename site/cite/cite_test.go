package cite

import (
	"fmt"
	"strings"
	"testing"
)

// wantCite is one expected citation: the linked text and the AKN identifier.
// A span of "@x" expects an empty span at the first occurrence of x.
type wantCite struct{ span, ref string }

type parseCase struct {
	name string
	text string
	ctx  Context
	want []wantCite
}

var (
	outside = Context{}
	inArt6  = Context{Article: 6}
	in6p1   = Context{Article: 6, Para: "1"}
)

// parseCases holds every citation phrase of the Protocol's own text
// (../shared/sources/protocol beside the project), commentary forms, and what must not match.
var parseCases = []parseCase{
	// Article references, as the treaty writes them.
	{"art1(3)", "3. The offences established in accordance with article 6 of this Protocol shall be regarded as offences established in accordance with the Convention.", Context{Article: 1}, []wantCite{{"article 6", "art_6"}}},
	{"art5", "Migrants shall not become liable to criminal prosecution under this Protocol for the fact of having been the object of conduct set forth in article 6 of this Protocol.", Context{Article: 5}, []wantCite{{"article 6", "art_6"}}},
	{"art8(5)", "5. A flag State may, consistent with article 7 of this Protocol, subject its authorization to conditions", Context{Article: 8}, []wantCite{{"article 7", "art_7"}}},
	{"art9(1)", "1. Where a State Party takes measures against a vessel in accordance with article 8 of this Protocol, it shall:", Context{Article: 9}, []wantCite{{"article 8", "art_8"}}},
	{"art9(2)", "2. Where the grounds for measures taken pursuant to article 8 of this Protocol prove to be unfounded", Context{Article: 9}, []wantCite{{"article 8", "art_8"}}},
	{"art10(1)", "1. Without prejudice to articles 27 and 28 of the Convention, States Parties, in particular those with common borders or located on routes along which migrants are smuggled, shall, for the purpose of achieving the objectives of this Protocol, exchange among themselves", Context{Article: 10}, nil},
	{"art11(4)", "4. Each State Party shall take the necessary measures, in accordance with its domestic law, to provide for sanctions in cases of violation of the obligation set forth in paragraph 3 of this article.", Context{Article: 11, Para: "4"}, []wantCite{{"paragraph 3", "art_11__para_3"}}},
	{"art11(3)", "3. Such measures shall include, where appropriate, the commission of the offence established in accordance with article 6, paragraph 1 (a), of this Protocol", Context{Article: 11}, []wantCite{{"article 6, paragraph 1 (a)", "art_6__para_1__point_a"}}},
	{"art11(6)", "6. Without prejudice to article 27 of the Convention, States Parties shall consider strengthening cooperation", Context{Article: 11}, nil},
	{"art14(2)(c)", "(c) Use of fraudulent travel or identity documents for purposes of conduct set forth in article 6 and the means of concealment used in the smuggling of migrants;", Context{Article: 14}, []wantCite{{"article 6", "art_6"}}},
	{"art14(2)(g)", "(g) Technical means and techniques for detecting and intercepting concealed persons, to combat the conduct set forth in article 6.", Context{Article: 14}, []wantCite{{"article 6", "art_6"}}},
	{"art15(2)", "2. In accordance with article 31 of the Convention, States Parties shall cooperate in the field of public information", Context{Article: 15}, nil},
	{"art16(4)", "4. In applying the provisions of this article, States Parties shall take into account the special needs of women and children.", Context{Article: 16}, nil},
	{"art18(7)", "7. This article shall be without prejudice to any right afforded to persons who have been the object of conduct set forth in article 6 of this Protocol by any domestic law", Context{Article: 18}, []wantCite{{"article 6", "art_6"}}},
	{"art22(1)", "For the purpose of this paragraph, any instrument deposited by a regional economic integration organization shall not be counted", Context{Article: 22, Para: "1"}, nil},
	{"art23(2)", "shall exercise their right to vote under this article with a number of votes equal to the number of their member States", Context{Article: 23}, nil},
	{"heading", "# Article 6", outside, []wantCite{{"Article 6", "art_6"}}},
	{"heading bare", "Article 25", outside, []wantCite{{"Article 25", "art_25"}}},

	// Relative to the current article, as in articles 6, 8, 20, 21, 22 and 23.
	{"art6(2)(a)", "(a) Subject to the basic concepts of its legal system, attempting to commit an offence established in accordance with paragraph 1 of this article;", Context{Article: 6, Para: "2"}, []wantCite{{"paragraph 1", "art_6__para_1"}}},
	{"art6(2)(b)", "(b) Participating as an accomplice in an offence established in accordance with paragraph 1 (a), (b) (i) or (c) of this article and, subject to the basic concepts of its legal system, participating as an accomplice in an offence established in accordance with paragraph 1 (b) (ii) of this article;", Context{Article: 6, Para: "2"}, []wantCite{
		{"paragraph 1 (a)", "art_6__para_1__point_a"},
		{"(b) (i)", "art_6__para_1__point_b__point_i"},
		{"(c)", "art_6__para_1__point_c"},
		{"paragraph 1 (b) (ii)", "art_6__para_1__point_b__point_ii"},
	}},
	{"art6(3)", "3. Each State Party shall adopt such legislative and other measures as may be necessary to establish as aggravating circumstances to the offences established in accordance with paragraph 1 (a), (b) (i) and (c) of this article and, subject to the basic concepts of its legal system, to the offences established in accordance with paragraph 2 (b) and (c) of this article, circumstances:", inArt6, []wantCite{
		{"paragraph 1 (a)", "art_6__para_1__point_a"},
		{"(b) (i)", "art_6__para_1__point_b__point_i"},
		{"(c)", "art_6__para_1__point_c"},
		{"paragraph 2 (b)", "art_6__para_2__point_b"},
		{"(c)", "art_6__para_2__point_c"},
	}},
	{"art8(3)", "3. A State Party that has taken any measure in accordance with paragraph 2 of this article shall promptly inform the flag State", Context{Article: 8}, []wantCite{{"paragraph 2", "art_8__para_2"}}},
	{"art20(3)", "Each State Party may, at the time of signature, ratification, acceptance or approval of or accession to this Protocol, declare that it does not consider itself bound by paragraph 2 of this article. The other States Parties shall not be bound by paragraph 2 of this article with respect to any State Party that has made such a reservation.", Context{Article: 20}, []wantCite{
		{"paragraph 2", "art_20__para_2"},
		{"paragraph 2", "art_20__para_2"},
	}},
	{"art20(4)", "4. Any State Party that has made a reservation in accordance with paragraph 3 of this article may at any time withdraw that reservation", Context{Article: 20}, []wantCite{{"paragraph 3", "art_20__para_3"}}},
	{"art22(2)", "on the thirtieth day after the date of deposit by such State or organization of the relevant instrument or on the date this Protocol enters into force pursuant to paragraph 1 of this article, whichever is the later.", Context{Article: 22}, []wantCite{{"paragraph 1", "art_22__para_1"}}},
	{"plural paragraphs", "paragraphs 1 and 2 of this article", inArt6, []wantCite{{"paragraphs 1", "art_6__para_1"}, {"2", "art_6__para_2"}}},
	{"paragraph outside article", "paragraph 1 of this article", outside, nil},
	{"bare paragraph", "as set out in paragraph 3, States shall", inArt6, nil},
	{"paragraph without of", "paragraph 1 (a), (b) (i) or (c) apply", inArt6, nil},
	{"present article", "paragraph 2 of the present article", inArt6, []wantCite{{"paragraph 2", "art_6__para_2"}}},
	{"paragraph range", "paragraphs 1 to 3 of this article", inArt6, []wantCite{{"paragraphs 1", "art_6__para_1"}, {"@to", "art_6__para_2"}, {"3", "art_6__para_3"}}},

	// Relative to the current paragraph, as in article 6(1)(c).
	{"art6(1)(c)", "(c) Enabling a person who is not a national or a permanent resident to remain in the State concerned without complying with the necessary requirements for legally remaining in the State by the means mentioned in subparagraph (b) of this paragraph or any other illegal means.", in6p1, []wantCite{{"subparagraph (b)", "art_6__para_1__point_b"}}},
	{"subparagraphs", "subparagraphs (a) and (b) of this paragraph", in6p1, []wantCite{{"subparagraphs (a)", "art_6__para_1__point_a"}, {"(b)", "art_6__para_1__point_b"}}},
	{"subparagraph nested", "subparagraph (b) (i) of this paragraph", in6p1, []wantCite{{"subparagraph (b) (i)", "art_6__para_1__point_b__point_i"}}},
	{"subparagraph without paragraph", "subparagraph (b) of this paragraph", inArt6, nil},
	{"subparagraph outside", "subparagraph (b) of this paragraph", outside, nil},
	{"subparagraph bare", "subparagraph (b) applies", in6p1, nil},
	{"subparagraph of paragraph", "subparagraph (b) of paragraph 1 of this article", inArt6, []wantCite{{"subparagraph (b)", "art_6__para_1__point_b"}, {"paragraph 1", "art_6__para_1"}}},
	{"subparagraph of article", "subparagraph (a) of article 3", outside, []wantCite{{"subparagraph (a)", "art_3__point_a"}, {"article 3", "art_3"}}},
	{"subparagraph of this article", "subparagraph (c) of this article", Context{Article: 3}, []wantCite{{"subparagraph (c)", "art_3__point_c"}}},
	{"subparagraph range", "subparagraphs (a) to (c) of this paragraph", in6p1, []wantCite{{"subparagraphs (a)", "art_6__para_1__point_a"}, {"@to", "art_6__para_1__point_b"}, {"(c)", "art_6__para_1__point_c"}}},
	{"paragraph of article", "paragraph 3 of article 6 of this Protocol", outside, []wantCite{{"paragraph 3", "art_6__para_3"}, {"article 6", "art_6"}}},
	{"paragraphs of article", "paragraphs 1 and 2 of article 8", outside, []wantCite{{"paragraphs 1", "art_8__para_1"}, {"2", "art_8__para_2"}, {"article 8", "art_8"}}},
	{"paragraph of convention article", "paragraph 3 of article 6 of the Convention", outside, nil},

	// Article references, as commentary writes them.
	{"lower", "article 6", outside, []wantCite{{"article 6", "art_6"}}},
	{"abbrev", "see art. 6 below", outside, []wantCite{{"art. 6", "art_6"}}},
	{"abbrev cap", "Art. 6 is central", outside, []wantCite{{"Art. 6", "art_6"}}},
	{"abbrev no space", "art.6", outside, []wantCite{{"art.6", "art_6"}}},
	{"no-break space", "art.\u00a06", outside, []wantCite{{"art.\u00a06", "art_6"}}},
	{"this Protocol", "article 3 of this Protocol", outside, []wantCite{{"article 3", "art_3"}}},
	{"the Protocol", "article 6 of the Protocol", outside, []wantCite{{"article 6", "art_6"}}},
	{"full short name", "article 6 of the Smuggling of Migrants Protocol", outside, []wantCite{{"article 6", "art_6"}}},
	{"full title", "article 6 of the Protocol against the Smuggling of Migrants by Land, Sea and Air", outside, []wantCite{{"article 6", "art_6"}}},
	{"in accordance", "in accordance with article 6", outside, []wantCite{{"article 6", "art_6"}}},
	{"in parentheses", "(article 6)", outside, []wantCite{{"article 6", "art_6"}}},
	{"nonexistent article", "article 26", outside, []wantCite{{"article 26", "art_26"}}},
	{"four digits", "article 1234", outside, []wantCite{{"article 1234", "art_1234"}}},

	// Sub-parts.
	{"para point", "art. 6(1)(a)", outside, []wantCite{{"art. 6(1)(a)", "art_6__para_1__point_a"}}},
	{"spaced", "art. 6 (1) (a)", outside, []wantCite{{"art. 6 (1) (a)", "art_6__para_1__point_a"}}},
	{"nested", "art. 6(1)(b)(i)", outside, []wantCite{{"art. 6(1)(b)(i)", "art_6__para_1__point_b__point_i"}}},
	{"para only", "article 6(3)", outside, []wantCite{{"article 6(3)", "art_6__para_3"}}},
	{"comma paragraph", "article 6, paragraph 3", outside, []wantCite{{"article 6, paragraph 3", "art_6__para_3"}}},
	{"comma paragraphs", "article 6, paragraphs 1 and 3", outside, []wantCite{{"article 6, paragraphs 1", "art_6__para_1"}, {"3", "art_6__para_3"}}},
	{"comma subparagraph", "article 6, paragraph 1, subparagraph (b), of this Protocol", outside, []wantCite{{"article 6, paragraph 1, subparagraph (b)", "art_6__para_1__point_b"}}},
	{"comma subparagraphs", "article 6, paragraph 1, subparagraphs (a) and (c)", outside, []wantCite{{"article 6, paragraph 1, subparagraphs (a)", "art_6__para_1__point_a"}, {"(c)", "art_6__para_1__point_c"}}},
	{"comma subparagraph of convention", "article 6, paragraph 1, subparagraph (b), of the Convention", outside, nil},
	{"point under article", "art. 3(c)", outside, []wantCite{{"art. 3(c)", "art_3__point_c"}}},
	{"nested under article point", "art. 3(c)(ii)", outside, []wantCite{{"art. 3(c)(ii)", "art_3__point_c__point_ii"}}},
	{"two-letter point", "art. 3(aa)", outside, []wantCite{{"art. 3(aa)", "art_3__point_aa"}}},
	{"letter i point", "art. 6(1)(i)", outside, []wantCite{{"art. 6(1)(i)", "art_6__para_1__point_i"}}},
	{"no nested letter", "art. 6(1)(b)(c)", outside, []wantCite{{"art. 6(1)(b)", "art_6__para_1__point_b"}}},
	{"no third level", "art. 6(1)(b)(i)(ii)", outside, []wantCite{{"art. 6(1)(b)(i)", "art_6__para_1__point_b__point_i"}}},
	{"year is no paragraph", "article 5 (2016)", outside, []wantCite{{"article 5", "art_5"}}},
	{"paren on next line", "Article 6\n(1) Each State", outside, []wantCite{{"Article 6", "art_6"}}},
	{"paren word", "article 6 (Criminalization)", outside, []wantCite{{"article 6", "art_6"}}},
	{"point siblings", "art. 6(1)(a), (b) and (c)", outside, []wantCite{{"art. 6(1)(a)", "art_6__para_1__point_a"}, {"(b)", "art_6__para_1__point_b"}, {"(c)", "art_6__para_1__point_c"}}},
	{"paragraph siblings", "art. 6(1) and (3)", outside, []wantCite{{"art. 6(1)", "art_6__para_1"}, {"(3)", "art_6__para_3"}}},
	{"point range", "Art. 3 (a)–(d)", outside, []wantCite{{"Art. 3 (a)", "art_3__point_a"}, {"@–", "art_3__point_b"}, {"@–", "art_3__point_c"}, {"(d)", "art_3__point_d"}}},
	{"roman range", "Art. 6(1) (a), (b)(i)-(iii), (c)", outside, []wantCite{
		{"Art. 6(1) (a)", "art_6__para_1__point_a"},
		{"(b)(i)", "art_6__para_1__point_b__point_i"},
		{"@-", "art_6__para_1__point_b__point_ii"},
		{"(iii)", "art_6__para_1__point_b__point_iii"},
		{"(c)", "art_6__para_1__point_c"},
	}},
	{"roman sibling", "art. 6(1)(b)(i) and (ii)", outside, []wantCite{{"art. 6(1)(b)(i)", "art_6__para_1__point_b__point_i"}, {"(ii)", "art_6__para_1__point_b__point_ii"}}},
	{"paren paragraph range", "art. 6(1)-(3)", outside, []wantCite{{"art. 6(1)", "art_6__para_1"}, {"@-", "art_6__para_2"}, {"(3)", "art_6__para_3"}}},

	// Lists and ranges.
	{"and", "articles 15 and 16", outside, []wantCite{{"articles 15", "art_15"}, {"16", "art_16"}}},
	{"comma and", "articles 15, 16 and 18", outside, []wantCite{{"articles 15", "art_15"}, {"16", "art_16"}, {"18", "art_18"}}},
	{"oxford comma", "Articles 15, 16, and 18", outside, []wantCite{{"Articles 15", "art_15"}, {"16", "art_16"}, {"18", "art_18"}}},
	{"or", "articles 15 or 16", outside, []wantCite{{"articles 15", "art_15"}, {"16", "art_16"}}},
	{"list with parts", "articles 6(1) and 8(2)", outside, []wantCite{{"articles 6(1)", "art_6__para_1"}, {"8(2)", "art_8__para_2"}}},
	{"hyphen range", "arts. 8-9", outside, []wantCite{{"arts. 8", "art_8"}, {"9", "art_9"}}},
	{"en dash range", "arts. 8–9", outside, []wantCite{{"arts. 8", "art_8"}, {"9", "art_9"}}},
	{"wide range", "arts. 8-12 apply", outside, []wantCite{{"arts. 8", "art_8"}, {"@-", "art_9"}, {"@-", "art_10"}, {"@-", "art_11"}, {"12", "art_12"}}},
	{"to range", "articles 8 to 10", outside, []wantCite{{"articles 8", "art_8"}, {"@to", "art_9"}, {"10", "art_10"}}},
	{"reversed range", "arts. 9-8", outside, []wantCite{{"arts. 9", "art_9"}, {"8", "art_8"}}},
	{"range cap ok", "arts. 1-50", outside, rangeCites("arts. 1", 1, 50)},
	{"range over cap", "arts. 1-51", outside, []wantCite{{"arts. 1", "art_1"}, {"51", "art_51"}}},
	{"singular no list", "article 6 and 7 States", outside, []wantCite{{"article 6", "art_6"}}},
	{"list then article", "articles 15 and article 16", outside, []wantCite{{"articles 15", "art_15"}, {"article 16", "art_16"}}},
	{"two phrases", "article 6 of this Protocol and article 31 of the Convention", outside, []wantCite{{"article 6", "art_6"}}},

	{"spaced dash", "arts. 8 - 10", outside, []wantCite{{"arts. 8", "art_8"}, {"@-", "art_9"}, {"10", "art_10"}}},
	{"list across lines", "articles 15,\n16 and 18", outside, []wantCite{{"articles 15", "art_15"}, {"16", "art_16"}, {"18", "art_18"}}},
	{"range then list", "articles 8-9 and 12", outside, []wantCite{{"articles 8", "art_8"}, {"9", "art_9"}, {"12", "art_12"}}},
	{"point range in article", "art. 6(1)(a)–(c) and art. 3", outside, []wantCite{{"art. 6(1)(a)", "art_6__para_1__point_a"}, {"@–", "art_6__para_1__point_b"}, {"(c)", "art_6__para_1__point_c"}, {"art. 3", "art_3"}}},
	{"reversed roman range", "article 6(1)(b)(ii)-(i)", outside, []wantCite{{"article 6(1)(b)(ii)", "art_6__para_1__point_b__point_ii"}, {"(i)", "art_6__para_1__point_b__point_i"}}},
	{"sibling with nested", "art. 6(1)(b)(i), (c)(ii)", outside, []wantCite{{"art. 6(1)(b)(i)", "art_6__para_1__point_b__point_i"}, {"(c)(ii)", "art_6__para_1__point_c__point_ii"}}},
	{"paragraphs with points", "paragraphs 1 (a) and 2 (b) of this article", inArt6, []wantCite{{"paragraphs 1 (a)", "art_6__para_1__point_a"}, {"2 (b)", "art_6__para_2__point_b"}}},
	{"subparagraphs of article paragraph", "subparagraphs (a), (b) and (c) of paragraph 2 of article 6 of the Protocol", outside, []wantCite{
		{"subparagraphs (a)", "art_6__para_2__point_a"},
		{"(b)", "art_6__para_2__point_b"},
		{"(c)", "art_6__para_2__point_c"},
		{"paragraph 2", "art_6__para_2"},
		{"article 6", "art_6"},
	}},
	{"paragraph of article then article", "paragraph 1 of article 6 and article 7", outside, []wantCite{{"paragraph 1", "art_6__para_1"}, {"article 6", "art_6"}, {"article 7", "art_7"}}},
	{"convention then protocol", "articles 27 and 28 of the Convention and article 6", outside, []wantCite{{"article 6", "art_6"}}},

	// Not citations of the Protocol.
	{"convention full title", "article 6 of the United Nations Convention against Transnational Organized Crime", outside, nil},
	{"convention short name", "article 6 of the Organized Crime Convention", outside, nil},
	{"optional protocol", "article 6 of the Optional Protocol", outside, nil},
	{"convention", "article 31 of the Convention", outside, nil},
	{"convention list", "articles 27 and 28 of the Convention", outside, nil},
	{"convention range", "arts. 27-29 of the Convention", outside, nil},
	{"convention parts", "article 18, paragraph 3, of the Convention", outside, nil},
	{"this convention", "article 5 of this Convention", outside, nil},
	{"code", "article 12 of the Criminal Code", outside, nil},
	{"act", "article 5 of the Immigration Act 2016", outside, nil},
	{"other protocol", "article 5 of the Trafficking in Persons Protocol", outside, nil},
	{"firearms protocol", "article 5 of the Protocol against the Illicit Manufacturing of and Trafficking in Firearms", outside, nil},
	{"trafficking protocol", "article 3 of the Protocol to Prevent, Suppress and Punish Trafficking in Persons", outside, nil},
	{"no number", "Article", outside, nil},
	{"word no number", "this article shall apply", inArt6, nil},
	{"zero", "article 0", outside, nil},
	{"leading zero", "article 06", outside, nil},
	{"five digits", "article 12345", outside, nil},
	{"thousands", "article 1,000", outside, nil},
	{"decimal", "article 6.2", outside, nil},
	{"suffix", "article 6bis", outside, nil},
	{"particle", "particle 6", outside, nil},
	{"partial", "partial 6", outside, nil},
	{"part.", "part. 6", outside, nil},
	{"art without dot", "art 6", outside, nil},
	{"uppercase", "ARTICLE 6", outside, nil},
	{"no space", "article6", outside, nil},
	{"lowercase name", "article 6 of the text", outside, []wantCite{{"article 6", "art_6"}}},
	{"invalid utf8", "\xffarticle 6\xff", outside, []wantCite{{"article 6", "art_6"}}},
	{"letter before", "éarticle 6", outside, nil},
	{"bad context", "paragraph 1 of this article", Context{Article: -3, Para: "1"}, nil},
	{"bad context para", "subparagraph (b) of this paragraph", Context{Article: 6, Para: "1__x"}, nil},
}

// rangeCites returns the citations of "arts. from-to" with the dash right after from.
func rangeCites(first string, from, to int) []wantCite {
	cs := []wantCite{{first, fmt.Sprint("art_", from)}}
	for v := from + 1; v < to; v++ {
		cs = append(cs, wantCite{"@-", fmt.Sprint("art_", v)})
	}
	return append(cs, wantCite{fmt.Sprint(to), fmt.Sprint("art_", to)})
}

func TestParse(t *testing.T) {
	for _, tc := range parseCases {
		t.Run(tc.name, func(t *testing.T) { checkParse(t, tc) })
	}
}

// checkParse checks the citations Parse finds in tc.text.
func checkParse(t *testing.T, tc parseCase) {
	t.Helper()
	got := Parse(tc.text, tc.ctx)
	if len(got) != len(tc.want) {
		t.Fatalf("Parse(%q) = %s, want %d citations", tc.text, show(tc.text, got), len(tc.want))
	}
	for i, w := range tc.want {
		c := got[i]
		if c.Ref.String() != w.ref {
			t.Errorf("citation %d: ref %s, want %s", i, c.Ref, w.ref)
		}
		if at, ok := strings.CutPrefix(w.span, "@"); ok {
			if c.Start != c.End || c.Start != strings.Index(tc.text, at) {
				t.Errorf("citation %d: span [%d,%d), want empty at %q", i, c.Start, c.End, at)
			}
		} else if span := tc.text[c.Start:c.End]; span != w.span {
			t.Errorf("citation %d: span %q, want %q", i, span, w.span)
		}
	}
}

func show(text string, cs []Citation) string {
	var b strings.Builder
	for _, c := range cs {
		fmt.Fprintf(&b, "[%q %s] ", text[c.Start:c.End], c.Ref)
	}
	return b.String()
}

// TestParseEmpty checks that text without citations costs no allocation.
func TestParseEmpty(t *testing.T) {
	text := "The provisions of this article apply, and particles are partial."
	if n := testing.AllocsPerRun(100, func() { Parse(text, inArt6) }); n != 0 {
		t.Errorf("Parse allocates %v times on text without citations", n)
	}
}
