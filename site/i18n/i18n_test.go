package i18n

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"protosite/templates"
)

// TestSiteMessageFiles loads the site's own message files: the six
// official languages of the United Nations and Dutch, each complete.
func TestSiteMessageFiles(t *testing.T) {
	cats, err := Load(templates.FS, "i18n", "templates/")
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{"ar", "zh", "en", "fr", "ru", "es", "nl"} {
		c := cats[code]
		if c == nil {
			t.Errorf("no message file for %s", code)
			continue
		}
		if got, want := len(c.Keys()), len(cats[Reference].Keys()); got != want {
			t.Errorf("%s has %d keys, en %d", code, got, want)
		}
	}
}

func load(t *testing.T, files map[string]string) (map[string]*Catalog, error) {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, src := range files {
		fsys["i18n/"+name] = &fstest.MapFile{Data: []byte(src)}
	}
	return Load(fsys, "i18n", "templates/")
}

// TestProblemsNameFileAndKey checks that every kind of problem with a
// message file fails loading with the file and the key named.
func TestProblemsNameFileAndKey(t *testing.T) {
	const en = `nav.home: "Home"
nav.count:
  one: "{n} law"
  other: "{n} laws"
greeting: "Hello {name}"
`
	tests := []struct {
		name, file, src string
		want            []string
	}{
		{"missing key", "nl.yaml", "nav.count:\n  one: \"{n} wet\"\n  other: \"{n} wetten\"\ngreeting: \"Hallo {name}\"\n",
			[]string{"templates/i18n/nl.yaml", "nav.home is missing"}},
		{"extra key", "nl.yaml", en + "nav.extra: \"x\"\n", []string{"templates/i18n/nl.yaml", "nav.extra is not a key of en.yaml"}},
		{"missing plural form", "ru.yaml", strings.Replace(en, "  other:", "  few: \"{n} x\"\n  other:", 1),
			[]string{"templates/i18n/ru.yaml", "nav.count", `form "many" is missing`}},
		{"string for count", "fr.yaml", "nav.home: \"Accueil\"\nnav.count: \"{n} lois\"\ngreeting: \"Bonjour {name}\"\n",
			[]string{"templates/i18n/fr.yaml", "nav.count: must be a count"}},
		{"lost placeholder", "es.yaml", strings.Replace(en, "Hello {name}", "Hola", 1),
			[]string{"templates/i18n/es.yaml", "greeting: placeholder {name} of en.yaml is missing"}},
		{"unknown placeholder", "es.yaml", strings.Replace(en, "Hello {name}", "Hola {nombre}", 1),
			[]string{"templates/i18n/es.yaml", "greeting: placeholder {nombre} is not in en.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := load(t, map[string]string{"en.yaml": en, tt.file: tt.src})
			if err == nil {
				t.Fatal("loaded without error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

// TestFormat fills placeholders and picks plural forms by each language's
// rules.
func TestFormat(t *testing.T) {
	cats, err := Load(templates.FS, "i18n", "templates/")
	if err != nil {
		t.Fatal(err)
	}
	counts := []struct {
		lang string
		n    int
		want string
	}{
		{"en", 1, "1 law"}, {"en", 2, "2 laws"},
		{"nl", 1, "1 wet"}, {"nl", 3, "3 wetten"},
		{"fr", 0, "0 loi"}, {"fr", 1, "1 loi"}, {"fr", 2, "2 lois"},
		{"ru", 1, "1 закон"}, {"ru", 3, "3 закона"}, {"ru", 5, "5 законов"}, {"ru", 21, "21 закон"}, {"ru", 22, "22 закона"}, {"ru", 11, "11 законов"},
		{"ar", 1, "قانون واحد"}, {"ar", 2, "قانونان"}, {"ar", 3, "3 قوانين"}, {"ar", 11, "11 قانوناً"}, {"ar", 100, "100 قانون"},
		{"zh", 1, "1 部法律"}, {"zh", 7, "7 部法律"},
		{"es", 1, "1 ley"}, {"es", 4, "4 leyes"},
	}
	for _, c := range counts {
		got, err := cats[c.lang].N("count.legislation", c.n)
		if err != nil || got != c.want {
			t.Errorf("%s: N(count.legislation, %d) = %q, %v; want %q", c.lang, c.n, got, err, c.want)
		}
	}
	if got, _ := cats["nl"].T("article.heading", "number", 6); got != "Artikel 6" {
		t.Errorf("nl article.heading = %q", got)
	}
	if _, err := cats["en"].T("article.heading"); err == nil || !strings.Contains(err.Error(), "{number}") {
		t.Errorf("a missing argument gives %v, want an error naming {number}", err)
	}
	if _, err := cats["en"].T("no.such.key"); err == nil || !strings.Contains(err.Error(), "templates/i18n/en.yaml has no message no.such.key") {
		t.Errorf("a missing key gives %v", err)
	}
	h, err := cats["en"].HTML("compare.as_a_whole_html", "href", "../", "label", "<b>")
	if err != nil || !strings.Contains(string(h), `<a href="../">&lt;b&gt;</a>`) {
		t.Errorf("HTML message = %q, %v: want its markup kept and its argument escaped", h, err)
	}
}

// TestLanguagesUseTheirForms checks that each file gives every form its
// language's counts use, which Load enforces, with the forms expected.
func TestLanguagesUseTheirForms(t *testing.T) {
	cats, err := Load(templates.FS, "i18n", "templates/")
	if err != nil {
		t.Fatal(err)
	}
	// Russian whole numbers take one, few and many; other is for fractions.
	want := map[string]int{"zh": 1, "en": 2, "nl": 2, "ru": 3, "ar": 6}
	for code, n := range want {
		if got := len(cats[code].forms()); got != n {
			t.Errorf("%s counts use %d plural forms, want %d", code, got, n)
		}
	}
	if !slices.Contains(cats["ar"].Keys(), "count.legislation") {
		t.Error("ar has no count.legislation")
	}
}
