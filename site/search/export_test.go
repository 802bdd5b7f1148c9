package search

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"protosite/site/content"
)

// syntheticDocs is a small corpus that exercises the export and the
// browser engine: stop words, stems, possessives, phrases, numbers,
// keyword fields, ties, long texts and text in other scripts.
func syntheticDocs() []Doc {
	long := strings.Repeat("The States Parties shall cooperate to the fullest extent possible, in accordance with their domestic law. ", 11) +
		"Each State Party shall take measures — “without delay” — to return smuggled migrants, including the Côte d’Ivoire nationals; " +
		strings.Repeat("Nothing in this Protocol shall affect the other rights, obligations and responsibilities of States. ", 12)
	return []Doc{
		{ID: "/articles/1/#art_1", Kind: "provision", Title: "Article 1: Relation with the Convention", Text: "This Protocol supplements the United Nations Convention against Transnational Organized Crime. It shall be interpreted together with the Convention.", URL: "/articles/1/#art_1", Articles: []string{"1"}, Lang: "en"},
		{ID: "/articles/3/#art_3__point_c", Kind: "provision", Title: "Article 3 (c): Use of terms", Text: "(c) “Fraudulent travel or identity document” shall mean any travel or identity document that has been falsely made or altered in some material way by anyone other than a person or agency lawfully authorized to make or issue the travel or identity document on behalf of a State.", URL: "/articles/3/#art_3__point_c", Articles: []string{"3"}, Lang: "en"},
		{ID: "/articles/6/#art_6__para_1__point_b__point_i", Kind: "provision", Title: "Article 6, paragraph 1 (b) (i): Criminalization", Text: "(i) Producing a fraudulent travel or identity document;", URL: "/articles/6/#art_6__para_1__point_b__point_i", Articles: []string{"6"}, Lang: "en"},
		{ID: "/articles/6/#art_6__para_3", Kind: "provision", Title: "Article 6, paragraph 3: Criminalization", Text: "3. Each State Party shall adopt such legislative and other measures as may be necessary to establish as aggravating circumstances to the offences established in accordance with paragraph 1 (a), (b) (i) and (c) of this article circumstances that endanger the lives or safety of the migrants concerned.", URL: "/articles/6/#art_6__para_3", Articles: []string{"6"}, Lang: "en"},
		{ID: "/articles/8/#art_8__para_7", Kind: "provision", Title: "Article 8, paragraph 7: Measures against the smuggling of migrants by sea", Text: "7. A State Party that has reasonable grounds to suspect that a vessel is engaged in the smuggling of migrants by sea and is without nationality or may be assimilated to a vessel without nationality may board and search the vessel.", URL: "/articles/8/#art_8__para_7", Articles: []string{"8"}, Lang: "en"},
		{ID: "/articles/18/#art_18__para_1", Kind: "provision", Title: "Article 18, paragraph 1: Return of smuggled migrants", Text: "1. Each State Party agrees to facilitate and accept, without undue or unreasonable delay, the return of a person who has been the object of conduct set forth in article 6 of this Protocol and who is its national.", URL: "/articles/18/#art_18__para_1", Articles: []string{"18"}, Lang: "en"},
		{ID: "/articles/18/#art_18__para_9", Kind: "provision", Title: "Article 18, paragraph 9", Text: long, URL: "/articles/18/#art_18__para_9", Articles: []string{"18"}, Lang: "en"},
		{ID: "/articles/14/#art_14__para_1", Kind: "provision", Title: "Article 14, paragraph 1: Training and technical cooperation", Text: "1. States Parties shall provide or strengthen specialized training for immigration and other relevant officials in preventing the conduct set forth in article 6 of this Protocol.", URL: "/articles/14/#art_14__para_1", Articles: []string{"14"}, Lang: "en"},
		{ID: "/legislation/fra-ceseda/#l823-1", Kind: "legislation", Title: "France: CESEDA, article L823-1", Text: "Le fait, pour toute personne, de faciliter par aide directe ou indirecte l'entrée irrégulière d'un étranger en France est puni d'un emprisonnement de cinq ans et d'une amende de 30 000 euros.", URL: "/legislation/fra-ceseda/#l823-1", Articles: []string{"6"}, Country: "FRA", Year: "2005", Lang: "en"},
		{ID: "/legislation/deu-aufenthg/#s96", Kind: "legislation", Title: "Germany: Residence Act, section 96", Text: "Einschleusen von Ausländern: Wer einen Ausländer zur Einreise anstiftet, über die Straße; Müller's Bericht, Grüße.", URL: "/legislation/deu-aufenthg/#s96", Articles: []string{"6", "8"}, Country: "DEU", Year: "2004", Lang: "en"},
		{ID: "/legislation/esp-cp/#art318bis", Kind: "legislation", Title: "Spain: Criminal Code, article 318 bis", Text: "El que intencionadamente ayude a una persona que no sea nacional de un Estado miembro de la Unión Europea a entrar en territorio español será castigado con una pena de multa de tres meses a un año o prisión de tres meses a un año.", URL: "/legislation/esp-cp/#art318bis", Articles: []string{"6"}, Country: "ESP", Year: "2015", Lang: "en"},
		{ID: "/legislation/esp-cp/", Kind: "legislation", Title: "Spain: Criminal Code", Text: "Smuggling of migrants is punished under the Criminal Code of 1995, as amended in 2015; the offence covers smuggled persons and migrants’ rights.", URL: "/legislation/esp-cp/", Articles: []string{"3", "6"}, Country: "ESP", Year: "2015", Lang: "en"},
		{ID: "/recommendations/wg-2018-10/", Kind: "recommendation", Title: "Recommendation 10: Training", Text: "States should train officials on smuggling of migrants and on the rights of smuggled migrants, e.g. through the U.N. curriculum, at 3.5 per cent of the budget in 2000.", URL: "/recommendations/wg-2018-10/", Articles: []string{"14", "16"}, Year: "2018", Meeting: "wg-2018", Lang: "en"},
		{ID: "/recommendations/wg-2018-11/", Kind: "recommendation", Title: "Recommendation 11: Training", Text: "Training of officials on smuggling.", URL: "/recommendations/wg-2018-11/", Articles: []string{"14"}, Year: "2018", Meeting: "wg-2018", Lang: "en"},
		{ID: "/recommendations/wg-2018-12/", Kind: "recommendation", Title: "Recommendation 12: Training", Text: "Training of officials on smuggling.", URL: "/recommendations/wg-2018-12/", Articles: []string{"14"}, Year: "2018", Meeting: "wg-2018", Lang: "en"},
		{ID: "/recommendations/cop-2020-3/", Kind: "recommendation", Title: "Recommendation 3: Well-founded fear and non-refoulement", Text: "The State's obligations and the States’ obligations under international law, in particular non-refoulement, apply; see art_6__para_1__point_b for details. The Protocol is not about trafficking.", URL: "/recommendations/cop-2020-3/", Articles: []string{"16", "19"}, Year: "2020", Meeting: "cop-2020", Lang: "en"},
		{ID: "/meetings/wg-2018/", Kind: "meeting", Title: "Working Group 2018", Text: "The Working Group met in Vienna; 会議 in 東京 was also mentioned. Πρωτόκολλο κατά της λαθραίας διακίνησης μεταναστών.", URL: "/meetings/wg-2018/", Year: "2018", Meeting: "wg-2018", Lang: "en"},
		{ID: "/about/", Kind: "page", Title: "About this site", Text: "", URL: "/about/", Lang: "en"},
		{ID: "/about/#training", Kind: "page", Title: "Training material", Text: "Slides, handouts, sample travel documents and exercises for trainers, with exact links to provisions.", URL: "/about/#training", Lang: "en"},
	}
}

// realDocs returns the site's documents, or false when the content does
// not load (others may be editing it, or the loader it needs).
func realDocs(tb testing.TB) (docs []Doc, ok bool) {
	defer func() {
		if r := recover(); r != nil {
			tb.Logf("loading the real content panics, so only the synthetic corpus is used: %v", r)
			docs, ok = nil, false
		}
	}()
	site, err := content.Load(os.DirFS("../../content"))
	if err != nil {
		tb.Logf("the real content does not load, so only the synthetic corpus is used: %v", err)
		return nil, false
	}
	return Documents(site), true
}

// exported is an index built from docs and exported into a directory.
type exported struct {
	indexDir string
	dir      string // where the files are written
	static   *Static
}

func buildAndExport(tb testing.TB, docs []Doc) *exported {
	tb.Helper()
	tmp := tb.TempDir()
	e := &exported{indexDir: filepath.Join(tmp, "index"), dir: filepath.Join(tmp, "public")}
	s, err := BuildStatic(e.indexDir, docs)
	if err != nil {
		tb.Fatal(err)
	}
	e.static = s
	for _, f := range s.Files {
		p := filepath.Join(e.dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			tb.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	return e
}

// scriptData returns what an export file registers.
func scriptData(t *testing.T, data []byte) (string, json.RawMessage) {
	t.Helper()
	s := string(data)
	const prefix = "window.protositeSearch.add("
	if !strings.HasPrefix(s, prefix) || !strings.HasSuffix(s, ");\n") {
		t.Fatalf("not a registering script: %.80s", s)
	}
	s = strings.TrimSuffix(strings.TrimPrefix(s, prefix), ");\n")
	name, rest, ok := strings.Cut(s, ",")
	if !ok {
		t.Fatalf("no name in %.80s", s)
	}
	var n string
	if err := json.Unmarshal([]byte(name), &n); err != nil {
		t.Fatal(err)
	}
	return n, json.RawMessage(rest)
}

// exportName is the name of an export file: the list of languages, or a
// file of a language's, under its tag.
var exportName = regexp.MustCompile(`^static/search/(l|([a-z]{2,3})/(m|b\d+(?:-\d+)?|d\d+|x\d+-\d+))\.[0-9a-f]{8}\.js$`)

func TestExport(t *testing.T) {
	docs := syntheticDocs()
	e := buildAndExport(t, docs)

	// Exporting the index again, which reads it back, and building and
	// exporting the same documents again give the same files.
	again, err := Export(e.indexDir)
	if err != nil {
		t.Fatal(err)
	}
	other := buildAndExport(t, docs)
	for _, s := range []*Static{again, other.static} {
		if !slices.Equal(s.Scripts, e.static.Scripts) || len(s.Files) != len(e.static.Files) {
			t.Fatalf("exports differ: %v vs %v", s.Scripts, e.static.Scripts)
		}
		for i, f := range s.Files {
			if f.Path != e.static.Files[i].Path || !bytes.Equal(f.Data, e.static.Files[i].Data) {
				t.Errorf("%s differs between exports of the same documents", f.Path)
			}
		}
	}

	paths := map[string]bool{}
	buckets := map[string]json.RawMessage{}
	chunked := 0
	var manifest struct {
		N  int `json:"n"`
		DK int `json:"dk"`
	}
	for _, f := range e.static.Files {
		m := exportName.FindStringSubmatch(f.Path)
		if m == nil {
			t.Errorf("%s: not a hashed name under static/search/", f.Path)
			continue
		}
		paths[f.Path] = true
		name, data := scriptData(t, f.Data)
		if name != m[1] {
			t.Errorf("%s registers itself as %q", f.Path, name)
		}
		if name != "l" && m[2] != "en" {
			t.Errorf("%s is a file of %s; the documents are all in English", f.Path, m[2])
		}
		name = m[3]
		switch {
		case m[1] == "l":
			var langs [][2]string
			if err := json.Unmarshal(data, &langs); err != nil {
				t.Fatal(err)
			}
			if len(langs) != 1 || langs[0][0] != "en" {
				t.Errorf("the list of languages is %v, want English alone", langs)
			}
		case name == "m":
			if err := json.Unmarshal(data, &manifest); err != nil {
				t.Fatal(err)
			}
		case strings.HasPrefix(name, "b") && !strings.Contains(name, "-"):
			buckets[name] = data
		case strings.HasPrefix(name, "d"):
			var chunk []json.RawMessage
			if err := json.Unmarshal(data, &chunk); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			chunked += len(chunk)
		}
	}
	if len(e.static.Scripts) != 1 || !strings.HasPrefix(e.static.Scripts[0], "/static/search/l.") {
		t.Fatalf("scripts %v, want the list of languages alone", e.static.Scripts)
	}
	for _, s := range e.static.Scripts {
		if !strings.HasPrefix(s, "/") || !paths[strings.TrimPrefix(s, "/")] {
			t.Errorf("script %s is not among the files", s)
		}
	}
	if chunked != len(docs) || manifest.N != len(docs) || manifest.DK < 1 {
		t.Errorf("%d documents in chunks of %d, the manifest counts %d, for %d documents", chunked, manifest.DK, manifest.N, len(docs))
	}

	surf, stop := map[string][]string{}, map[string]bool{}
	for _, data := range buckets {
		var b struct {
			T map[string][]any
			S string
		}
		if err := json.Unmarshal(data, &b); err != nil {
			t.Fatal(err)
		}
		for term, e := range b.T {
			codes := e[1:]
			if e[0] != float64(0) {
				codes = e[3:]
			}
			for _, c := range codes {
				code := c.(string)
				w := term + code
				if strings.HasPrefix(code, "=") {
					w = code[1:]
				}
				surf[w] = append(surf[w], term)
			}
		}
		for _, w := range strings.Fields(b.S) {
			stop[w] = true
		}
	}
	for w, want := range map[string][]string{"documents": {"document"}, "document": {"document"}, "smuggled": {"smuggl"}, "state's": {"state"}, "müller's": {"müller"}, "irrégulière": {"irrégulièr"}, "会": {"会"}} {
		if got := surf[w]; !slices.Equal(got, want) {
			t.Errorf("surface word %q maps to %q, want %q", w, got, want)
		}
	}
	for _, w := range []string{"the", "of", "and", "is"} {
		if surf[w] != nil {
			t.Errorf("stop word %q is in the surface map as %q", w, surf[w])
		}
		if !stop[w] {
			t.Errorf("stop word %q is not among the dropped words", w)
		}
	}
	if stop["document"] {
		t.Error("a word with terms is among the dropped words")
	}
}

func TestExportEmpty(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "index")
	s, err := BuildStatic(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Scripts) != 1 || len(s.Files) != 1 {
		t.Errorf("an empty index exports %d files and scripts %v, want an empty list of languages", len(s.Files), s.Scripts)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, lang := range []string{"", AllLanguages} {
		res, err := ix.Search(Request{Query: "anything", Lang: lang})
		if err != nil || res.Total != 0 {
			t.Errorf("searching an empty index in %q: %v, %v; want no results", lang, res, err)
		}
	}
	if _, err := ix.Search(Request{Query: "anything", Lang: "en"}); !IsUserError(err) {
		t.Errorf("searching an empty index in English: %v, want a user error", err)
	}
	if _, err := Export(dir); err != nil {
		t.Errorf("exporting an empty index: %v", err)
	}
}
