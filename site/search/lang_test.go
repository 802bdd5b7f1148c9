package search

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"protosite/site/output"
)

// syntheticDutchDocs are provisions of the Dutch translation of the
// Protocol, verbatim from content/protocol/*.nl.md, under /nl/ as a
// translation's documents are.
func syntheticDutchDocs() []Doc {
	p := func(anchor, label, title, text string, article string) Doc {
		u := "/nl/articles/" + article + "/"
		if anchor != "" {
			u += "#" + anchor
		}
		d := Doc{ID: u, Kind: "provision", Title: label, Heading: label + ": " + title, Text: text, URL: u, Articles: []string{article}, Lang: "nl"}
		if anchor == "" {
			d.Title, d.Heading = title, ""
		}
		return d
	}
	return []Doc{
		p("", "", "Artikel 2. Verklaring omtrent het doel", "Het doel van dit Protocol is de smokkel van migranten te voorkomen en te bestrijden, alsmede de samenwerking tussen de Staten die partij zijn daartoe te bevorderen, waarbij de rechten van gesmokkelde migranten worden beschermd.", "2"),
		p("art_6__para_1__point_a", "art. 6(1)(a)", "Artikel 6. Strafbaarstelling", "a. het smokkelen van migranten;", "6"),
		p("art_6__para_1__point_b__point_i", "art. 6(1)(b)(i)", "Artikel 6. Strafbaarstelling", "i. het vervaardigen van een frauduleus reis- of identiteitsdocument;", "6"),
		p("art_10__para_1__point_c", "art. 10(1)(c)", "Artikel 10. Informatie", "c. de authenticiteit en voorgeschreven vorm van reisdocumenten afgegeven door een Staat die partij is en de diefstal of het aanverwante misbruik van blanco reis- of identiteitsdocumenten;", "10"),
		p("art_14__para_2__point_a", "art. 14(2)(a)", "Artikel 14. Opleiding en technische samenwerking", "a. het verbeteren van de betrouwbaarheid en kwaliteit van reisdocumenten;", "14"),
		p("art_18__para_4", "art. 18(4)", "Artikel 18. Terugkeer van gesmokkelde migranten", "4. Teneinde de terugkeer van een persoon die het voorwerp is geweest van de in artikel 6 van dit Protocol bedoelde handelingen en niet over de juiste documenten beschikt, te vergemakkelijken, neemt de Staat die partij is waarvan die persoon onderdaan is of waarin hij of zij recht op permanent verblijf heeft, op zich, op verzoek van de ontvangende Staat die partij is, de reisdocumenten of andere vergunningen af te geven die nodig kunnen zijn om die persoon in staat te stellen te reizen naar zijn grondgebied en dit opnieuw te betreden.", "18"),
	}
}

// bilingualDocs are the synthetic English and Dutch documents.
func bilingualDocs() []Doc { return append(syntheticDocs(), syntheticDutchDocs()...) }

// dutchRequests search the Dutch documents, every language, and no
// language the index has. The browser does not analyse query words but
// looks them up among the words of the corpus: every word here is in the
// corpus of each language searched, or analysed into no term of it (a
// word such as "migrants", which the Dutch stemmer makes "migrant", a
// term of the Dutch corpus, is found by the server alone). The browser
// alone expands the last word of a query as a prefix, so no query ends
// with a word being typed.
func dutchRequests() []Request {
	var reqs []Request
	for _, q := range []string{
		"reisdocument", "smokkelen", "smokkel migranten", `"smokkelen van migranten"`, "gesmokkeld", "de", "het doel",
		"+reisdocumenten -blanco", "article:6", "kind:provision terugkeer", "frauduleus identiteitsdocument", "xyzzy",
	} {
		reqs = append(reqs, Request{Query: q, Lang: "nl"})
	}
	for _, q := range []string{"smuggled migranten", "smuggling smokkelen", "document", "article:6", "training", "xyzzy", "the", "de"} {
		reqs = append(reqs, Request{Query: q, Lang: AllLanguages})
	}
	return append(reqs,
		Request{Query: "migranten smuggled", Lang: AllLanguages, From: 2, Size: 3},
		Request{Query: "smuggled migranten", Lang: AllLanguages, Article: "6"},
		Request{Query: "smokkelen", Lang: "de"},
		Request{Query: "smokkelen", Lang: "NL"},
		Request{Query: `"unclosed`, Lang: "xx"},
	)
}

// urlsOf lists the URLs of a result's hits.
func urlsOf(res *Result) []string {
	var out []string
	for _, h := range res.Hits {
		out = append(out, h.URL)
	}
	return out
}

// TestSearchByLanguage checks that each language is searched with its own
// analyzer and alone, that "all" searches every language, and that a
// language the index does not have is the user's mistake.
func TestSearchByLanguage(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	if _, err := BuildStatic(dir, bilingualDocs()); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if got := ix.Languages(); !slices.Equal(got, []string{"en", "nl"}) || ix.DefaultLanguage() != "en" {
		t.Fatalf("the index has the languages %v, default %q; want en, nl, default en", got, ix.DefaultLanguage())
	}
	search := func(q, lang string) *Result {
		t.Helper()
		res, err := ix.Search(Request{Query: q, Lang: lang, Size: MaxSize})
		if err != nil {
			t.Fatalf("%q in %q: %v", q, lang, err)
		}
		return res
	}

	// "reisdocument" is written only in the plural, "reisdocumenten",
	// which the Dutch stemmer, and not the English one, takes to it;
	// "smokkelen" (to smuggle) finds "de smokkel" (smuggling) likewise.
	for q, want := range map[string][]string{
		"reisdocument": {"/nl/articles/10/#art_10__para_1__point_c", "/nl/articles/14/#art_14__para_2__point_a", "/nl/articles/18/#art_18__para_4"},
		"smokkelen":    {"/nl/articles/2/", "/nl/articles/6/#art_6__para_1__point_a"},
	} {
		res := search(q, "nl")
		got := urlsOf(res)
		slices.Sort(got)
		if !slices.Equal(got, want) || res.Lang != "nl" {
			t.Errorf("%q in Dutch finds %v (searched %q), want %v", q, got, res.Lang, want)
		}
		for _, h := range res.Hits {
			if h.Lang != "nl" {
				t.Errorf("%q in Dutch: hit %s is in %q", q, h.URL, h.Lang)
			}
		}
	}
	if got := search("Smokkel", "en"); got.Total != 0 {
		t.Errorf("the Dutch word smokkel finds %v in English, want nothing: English results are not Dutch", urlsOf(got))
	}

	// The default language is English, and it has no Dutch results.
	for _, lang := range []string{"", "en"} {
		res := search("migrants migranten", lang)
		if res.Total == 0 || res.Lang != "en" {
			t.Errorf("migrants in %q: %d results in %q, want English results", lang, res.Total, res.Lang)
		}
		for _, h := range res.Hits {
			if h.Lang != "en" || strings.HasPrefix(h.URL, "/nl/") {
				t.Errorf("migrants in %q: hit %s in %q, want English only", lang, h.URL, h.Lang)
			}
		}
	}

	// Every language: the union of the languages' results, with their
	// scores, best first.
	en, nl, all := search("migrants migranten", "en"), search("migrants migranten", "nl"), search("migrants migranten", AllLanguages)
	if all.Lang != AllLanguages || all.Total != en.Total+nl.Total {
		t.Fatalf("all languages: %d results in %q, want %d + %d", all.Total, all.Lang, en.Total, nl.Total)
	}
	scores := map[string]float64{}
	for _, h := range append(slices.Clone(en.Hits), nl.Hits...) {
		scores[h.URL] = h.Score
	}
	langs := map[string]bool{}
	for i, h := range all.Hits {
		langs[h.Lang] = true
		if s, ok := scores[h.URL]; !ok || s != h.Score {
			t.Errorf("all languages: hit %s scores %v, %v in its language", h.URL, h.Score, s)
		}
		if i > 0 && all.Hits[i-1].Score < h.Score {
			t.Errorf("all languages: hit %d scores %v, above hit %d's %v", i, h.Score, i-1, all.Hits[i-1].Score)
		}
	}
	if !langs["en"] || !langs["nl"] {
		t.Errorf("all languages: hits in %v, want English and Dutch", langs)
	}
	var counts int
	for _, f := range all.Facets[FieldArticles] {
		if f.Value == "6" {
			counts = f.Count
		}
	}
	var want int
	for _, r := range []*Result{en, nl} {
		for _, f := range r.Facets[FieldArticles] {
			if f.Value == "6" {
				want += f.Count
			}
		}
	}
	if counts != want || want == 0 {
		t.Errorf("all languages: %d results in article 6, want %d, the languages' sum", counts, want)
	}

	for _, lang := range []string{"de", "NL", "all ", "../en"} {
		if _, err := ix.Search(Request{Query: "migrants", Lang: lang}); !IsUserError(err) || !strings.Contains(err.Error(), "en, nl") {
			t.Errorf("searching in %q: %v, want a user error naming the languages", lang, err)
		}
	}
}

// TestDefaultLanguage checks how an index tells the site's default
// language: the one whose documents are not under a prefix of their tag.
func TestDefaultLanguage(t *testing.T) {
	docs := bilingualDocs()
	def, langs, _, err := byLang(docs)
	if err != nil || def != "en" || !slices.Equal(langs, []string{"en", "nl"}) {
		t.Errorf("English and Dutch: default %q, languages %v, %v", def, langs, err)
	}
	def, _, _, err = byLang(syntheticDutchDocs())
	if err != nil || def != "nl" {
		t.Errorf("Dutch alone: default %q, %v; want nl", def, err)
	}
	both := append(syntheticDocs(), Doc{ID: "/x/", URL: "/x/", Lang: "nl"})
	if _, _, _, err := byLang(both); err == nil {
		t.Error("two languages outside their prefixes: no error")
	}
	if _, _, _, err := byLang([]Doc{{ID: "/x/", URL: "/x/"}}); err == nil {
		t.Error("a document without a language: no error")
	}
	if _, _, _, err := byLang([]Doc{{ID: "/x/", URL: "/x/", Lang: "../x"}}); err == nil {
		t.Error("a document in a language that is no tag: no error")
	}
}

// TestAnalyzerFor checks which analyzer each language gets.
func TestAnalyzerFor(t *testing.T) {
	for lang, want := range map[string]string{
		"en": "en", "nl": "nl", "fr": "fr", "es": "es", "ar": "ar", "ru": "ru",
		"zh": "cjk", "zh-hans": "cjk", "ja": "cjk", "ko": "cjk", "en-GB": "en",
		"de": plainAnalyzer, "sw": plainAnalyzer,
	} {
		if got := AnalyzerFor(lang); got != want {
			t.Errorf("AnalyzerFor(%q) = %q, want %q", lang, got, want)
		}
	}
}

// TestMemoryLanguages checks that live editing follows languages as they
// come and go.
func TestMemoryLanguages(t *testing.T) {
	m, err := NewMemory(syntheticDocs())
	if err != nil {
		t.Fatal(err)
	}
	defer m.Close()
	if _, err := m.Search(Request{Query: "smokkelen", Lang: "nl"}); !IsUserError(err) {
		t.Errorf("Dutch before there is any: %v, want a user error", err)
	}
	n, err := m.Update(bilingualDocs())
	if err != nil || n != len(syntheticDutchDocs()) {
		t.Fatalf("adding the Dutch documents touched %d, %v; want %d", n, err, len(syntheticDutchDocs()))
	}
	res, err := m.Search(Request{Query: "reisdocument", Lang: "nl"})
	if err != nil || res.Total != 3 {
		t.Errorf("reisdocument in Dutch, live: %v, %v; want 3 results", res, err)
	}
	// A Dutch document edited, then Dutch gone again.
	docs := bilingualDocs()
	docs[len(docs)-1].Text = "Gewijzigd: de smokkel."
	if n, err := m.Update(docs); err != nil || n != 1 {
		t.Errorf("editing one Dutch document touched %d, %v; want 1", n, err)
	}
	if res, err := m.Search(Request{Query: "gewijzigd", Lang: "nl"}); err != nil || res.Total != 1 {
		t.Errorf("the edited word: %v, %v; want 1 result", res, err)
	}
	if _, err := m.Update(syntheticDocs()); err != nil {
		t.Fatal(err)
	}
	if got := m.Languages(); !slices.Equal(got, []string{"en"}) {
		t.Errorf("after the Dutch documents went, the languages are %v", got)
	}
	if res, err := m.Search(Request{Query: "smuggling", Lang: AllLanguages}); err != nil || res.Total == 0 {
		t.Errorf("all languages, English alone: %v, %v", res, err)
	}
}

// otherScriptDocs are test texts, not the Protocol, in a language bleve
// reads in pairs of ideographs (Chinese) and in one it has no analyzer for
// (German), beside the English documents.
func otherScriptDocs() []Doc {
	return append(syntheticDocs(),
		Doc{ID: "/zh-hans/test/1/", URL: "/zh-hans/test/1/", Kind: "page", Title: "测试页面", Text: "这是测试文本，不是议定书。测试会議在東京タワー举行：abc会議def、ｶﾀｶﾅ、한국어、会議123。", Lang: "zh-hans"},
		Doc{ID: "/zh-hans/test/2/", URL: "/zh-hans/test/2/", Kind: "page", Title: "第二个测试", Text: "测试文本的目的是检查搜索，同时保护测试的权利。", Lang: "zh-hans"},
		Doc{ID: "/de/test/1/", URL: "/de/test/1/", Kind: "page", Title: "Testseite", Text: "Dies ist ein Testtext, nicht das Protokoll: Übereinkommen, Kriminalität und die Straße sind Testwörter.", Lang: "de"},
	)
}

// otherScriptRequests search otherScriptDocs.
func otherScriptRequests() []Request {
	var reqs []Request
	for _, q := range []string{"测试", "测试文本", `"测试文本"`, "東京タワー", "abc会議def", "カタカナ", "ｶﾀｶﾅ", "한국어", "会議123", "会", "测试 -权利", "title:测试", "xyzzy"} {
		reqs = append(reqs, Request{Query: q, Lang: "zh-hans"})
	}
	for _, q := range []string{"übereinkommen", "Kriminalität strasse", "Straße", "die", "testtext"} {
		reqs = append(reqs, Request{Query: q, Lang: "de"})
	}
	return append(reqs, Request{Query: "test 测试", Lang: AllLanguages})
}

// TestOtherScripts checks that a translation in a language with bleve's
// CJK analyzer, or with none, builds and that its results are found.
func TestOtherScripts(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	if _, err := BuildStatic(dir, otherScriptDocs()); err != nil {
		t.Fatal(err)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, c := range []struct{ q, lang, want string }{
		{"测试文本", "zh-hans", "/zh-hans/test/2/"},
		{"東京タワー", "zh-hans", "/zh-hans/test/1/"},
		{"übereinkommen", "de", "/de/test/1/"},
	} {
		res, err := ix.Search(Request{Query: c.q, Lang: c.lang})
		if err != nil || !slices.Contains(urlsOf(res), c.want) {
			t.Errorf("%q in %s: %v, %v; want %s", c.q, c.lang, res, err, c.want)
		}
	}
}

// TestExportLanguages checks the export of several languages: a directory
// per language, the list of languages naming each one's manifest, and the
// same files from the same documents, built or read back.
func TestExportLanguages(t *testing.T) {
	e := buildAndExport(t, bilingualDocs())
	again, err := Export(e.indexDir)
	if err != nil {
		t.Fatal(err)
	}
	other := buildAndExport(t, bilingualDocs())
	for _, s := range []*Static{again, other.static} {
		if !slices.Equal(s.Scripts, e.static.Scripts) || !slices.EqualFunc(s.Files, e.static.Files, func(a, b output.File) bool { return a.Path == b.Path && bytes.Equal(a.Data, b.Data) }) {
			t.Fatal("the exports of the same documents differ")
		}
	}
	paths := map[string]bool{}
	for _, f := range e.static.Files {
		paths[f.Path] = true
		m := exportName.FindStringSubmatch(f.Path)
		if m == nil || m[1] != "l" && m[2] != "en" && m[2] != "nl" {
			t.Errorf("%s is not a file of the list, of English or of Dutch", f.Path)
		}
	}
	var list [][2]string
	for _, f := range e.static.Files {
		if "/"+f.Path == e.static.Scripts[0] {
			name, data := scriptData(t, f.Data)
			if err := json.Unmarshal(data, &list); err != nil || name != "l" {
				t.Fatalf("the list of languages %s: %v", f.Data, err)
			}
		}
	}
	if len(list) != 2 || list[0][0] != "en" || list[1][0] != "nl" {
		t.Fatalf("the list of languages is %v, want en, then nl", list)
	}
	for _, l := range list {
		if p := ExportDir + "/" + l[0] + "/m." + l[1] + ".js"; !paths[p] {
			t.Errorf("the list names %s, which is not exported", p)
		}
	}
}
