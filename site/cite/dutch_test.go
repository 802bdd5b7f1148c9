package cite

import "testing"

// nlIn returns the context of Dutch text in article art, paragraph para.
func nlIn(art int, para string) Context { return Context{Article: art, Para: para, Lang: "nl"} }

// dutchCases holds the reference phrases of the Dutch text of the
// Protocol (content/protocol/*.nl.md), other Dutch forms, and what must
// not match.
var dutchCases = []parseCase{
	{"art1(3)", "3. De overeenkomstig artikel 6 van dit Protocol strafbaar gestelde feiten worden beschouwd als overeenkomstig het Verdrag strafbaar gestelde feiten.", nlIn(1, "3"), []wantCite{{"artikel 6", "art_6"}}},
	{"art8(5)", "5. Een Vlaggenstaat kan, overeenkomstig artikel 7 van dit Protocol, zijn toestemming afhankelijk stellen", nlIn(8, "5"), []wantCite{{"artikel 7", "art_7"}}},
	{"art14(2)(c) without of", "ter bestrijding van de in artikel 6 bedoelde handelingen en de middelen", nlIn(14, "2"), []wantCite{{"artikel 6", "art_6"}}},
	{"art11(3)", "het plegen van het overeenkomstig artikel 6, eerste lid, onder a, van dit Protocol strafbaar gestelde feit.", nlIn(11, "3"), []wantCite{{"artikel 6, eerste lid, onder a", "art_6__para_1__point_a"}}},
	{"art10(1) convention", "1. Onverminderd de artikelen 27 en 28 van het Verdrag, wisselen de Staten die partij zijn", nlIn(10, "1"), nil},
	{"art11(6) convention", "6. Onverminderd artikel 27 van het Verdrag overwegen de Staten die partij zijn", nlIn(11, "6"), nil},
	{"art15(2) convention", "2. Overeenkomstig artikel 31 van het Verdrag, werken de Staten die partij zijn samen", nlIn(15, "2"), nil},
	{"art6(2)(a)", "a. met inachtneming van de grondbeginselen van zijn rechtsstelsel, de poging tot het plegen van een overeenkomstig het eerste lid van dit artikel strafbaar gesteld feit;", nlIn(6, "2"), []wantCite{{"eerste lid", "art_6__para_1"}}},
	{"art6(2)(b)", "b. medeplichtigheid aan een overeenkomstig het eerste lid, onder de onderdelen a, b.i of c, van dit artikel strafbaar gesteld feit en, met inachtneming van de grondbeginselen van zijn rechtssysteem, medeplichtigheid aan een overeenkomstig het eerste lid, onderdeel b.ii, van dit artikel strafbaar gesteld feit;", nlIn(6, "2"), []wantCite{
		{"eerste lid, onder de onderdelen a", "art_6__para_1__point_a"},
		{"b.i", "art_6__para_1__point_b__point_i"},
		{"c", "art_6__para_1__point_c"},
		{"eerste lid, onderdeel b.ii", "art_6__para_1__point_b__point_ii"},
	}},
	{"art6(3)", "ten aanzien van de overeenkomstig het eerste lid, onderdelen a, b.i en c, van dit artikel strafbaar gestelde feiten alsmede, met inachtneming van de grondbeginselen van zijn rechtssysteem, van de overeenkomstig het tweede lid, onderdelen b en c, van dit artikel strafbaar gestelde feiten omstandigheden die:", nlIn(6, "3"), []wantCite{
		{"eerste lid, onderdelen a", "art_6__para_1__point_a"},
		{"b.i", "art_6__para_1__point_b__point_i"},
		{"c", "art_6__para_1__point_c"},
		{"tweede lid, onderdelen b", "art_6__para_2__point_b"},
		{"c", "art_6__para_2__point_c"},
	}},
	{"art6(1)(c) this paragraph", "zonder te voldoen aan de vereisten voor rechtmatig verblijf in die Staat met de middelen genoemd in onderdeel b van dit lid of met andere illegale middelen.", nlIn(6, "1"), []wantCite{{"onderdeel b", "art_6__para_1__point_b"}}},
	{"art8(3)", "3. Een Staat die partij is die een maatregel heeft genomen overeenkomstig het tweede lid van dit artikel, stelt de Vlaggenstaat onverwijld in kennis", nlIn(8, "3"), []wantCite{{"tweede lid", "art_8__para_2"}}},
	{"art11(4)", "in gevallen van schending van de in het derde lid van dit artikel bedoelde verplichting.", nlIn(11, "4"), []wantCite{{"derde lid", "art_11__para_3"}}},
	{"art20(3)", "verklaren zich niet gebonden te achten door het tweede lid van dit artikel. De andere Staten", nlIn(20, "3"), []wantCite{{"tweede lid", "art_20__para_2"}}},
	{"art23(3)", "3. Een wijziging aangenomen overeenkomstig het eerste lid van dit artikel dient te worden bekrachtigd", nlIn(23, "3"), []wantCite{{"eerste lid", "art_23__para_1"}}},

	// Other forms: the modern "lid 1", lists of articles, commentary.
	{"lid number", "zie artikel 6, lid 1, onder a en b van dit Protocol", Context{Lang: "nl"}, []wantCite{{"artikel 6, lid 1, onder a", "art_6__para_1__point_a"}, {"b", "art_6__para_1__point_b"}}},
	{"article of points", "de definitie in artikel 3, onder a, van dit Protocol", Context{Lang: "nl"}, []wantCite{{"artikel 3, onder a", "art_3__point_a"}}},
	{"relative lid number", "bedoeld in lid 2 van dit artikel", nlIn(8, ""), []wantCite{{"lid 2", "art_8__para_2"}}},
	{"articles of the Protocol", "De artikelen 15 en 16 van dit Protocol gaan over preventie.", Context{Lang: "nl"}, []wantCite{{"artikelen 15", "art_15"}, {"16", "art_16"}}},
	{"capitalised", "Artikel 6 stelt smokkel strafbaar.", Context{Lang: "nl"}, []wantCite{{"Artikel 6", "art_6"}}},
	{"English abbreviation", "Zie art. 6(1)(a) en artikel 8.", Context{Lang: "nl"}, []wantCite{{"art. 6(1)(a)", "art_6__para_1__point_a"}, {"artikel 8", "art_8"}}},
	{"another instrument", "artikel 197a van het Wetboek van Strafrecht en artikel 16 van de Grondwet", Context{Lang: "nl"}, nil},

	// What must not match.
	{"lid of this article without an article", "het tweede lid van dit artikel", Context{Lang: "nl"}, nil},
	{"lid without of", "het eerste lid bepaalt", nlIn(6, "2"), nil},
	{"this paragraph outside a paragraph", "onderdeel b van dit lid", nlIn(6, ""), nil},
	{"member", "een lid van de werkgroep", nlIn(6, "1"), nil},
	{"onder andere", "onder andere door het creëren van communicatiekanalen", nlIn(11, "6"), nil},
	{"this article alone", "Dit artikel tast niet de verplichtingen aan", nlIn(18, "8"), nil},
	{"article without number", "het in dit artikel strafbaar gesteld feit", nlIn(6, "4"), nil},
	{"English in English mode", "artikel 6 van dit Protocol", outside, nil},
}

func TestParseDutch(t *testing.T) {
	for _, tc := range dutchCases {
		t.Run(tc.name, func(t *testing.T) { checkParse(t, tc) })
	}
}
