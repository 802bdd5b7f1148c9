package e2e

import (
	"errors"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"protosite/site/content"
	"protosite/site/urls"
)

// dutchSource is the source of the Dutch translation: the Netherlands
// Treaty Database entry, which holds the English authentic text followed by
// the Dutch translation (see SOURCES.md beside it).
const dutchSource = sourcesDir + "/raw/BWBV0001750_README_commit061f5d5.md"

var (
	dutchArticle = regexp.MustCompile(`^###\s+Artikel\s+(\d+)\s*$`)
	dutchChapter = regexp.MustCompile(`^###\s+(I|II|III|IV)\b`)
)

// dutchSourceParts cuts the Dutch part of the raw source into the parts of
// the treaty, named as the content files are ("preamble", "article-06",
// "testimonium"), each without its headings (article numbers and titles,
// chapter numbers and titles, which the page shows in its own header) and
// without the database's label "PREAMBULE", which is not treaty text.
func dutchSourceParts(t *testing.T) map[string]string {
	t.Helper()
	src, err := os.ReadFile(dutchSource)
	if errors.Is(err, fs.ErrNotExist) {
		msg := "no treaty sources at " + dutchSource + ": cannot check the Dutch text is verbatim"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	start := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, "####Protocol tegen") })
	if start < 0 {
		t.Fatalf("%s has no Dutch title line (\"####Protocol tegen …\")", dutchSource)
	}
	parts := map[string]string{}
	part := "preamble"
	for _, l := range lines[start+1:] {
		trimmed := strings.TrimSpace(l)
		switch {
		case dutchArticle.MatchString(trimmed):
			n, _ := strconv.Atoi(dutchArticle.FindStringSubmatch(trimmed)[1])
			part = "article-" + twoDigits(n)
			continue
		case dutchChapter.MatchString(trimmed) || strings.HasPrefix(trimmed, "####"):
			continue
		case strings.HasPrefix(trimmed, "TEN BLIJKE WAARVAN"):
			part = "testimonium"
		case part == "preamble":
			var ok bool
			if trimmed, ok = strings.CutPrefix(trimmed, "PREAMBULE "); ok {
				l = trimmed
			}
		}
		parts[part] += l + "\n"
	}
	return parts
}

func twoDigits(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// dutchDocs loads the content and returns its Dutch treaty documents.
func dutchDocs(t *testing.T) (*content.Site, []*content.Doc) {
	t.Helper()
	s, err := content.Load(os.DirFS(contentDir))
	if err != nil {
		t.Fatalf("loading %s: %v", contentDir, err)
	}
	var out []*content.Doc
	for _, d := range s.Translations {
		if d.Lang == "nl" && d.Protocol != nil {
			out = append(out, d)
		}
	}
	return s, out
}

// TestDutchTextIsVerbatim compares, word by word, the Dutch treaty text
// each page under /nl/ shows with the Dutch part of the source, so that
// neither content edits nor rendering can change its wording. Only
// typography may differ: the words are compared, not the spaces and
// punctuation between them.
func TestDutchTextIsVerbatim(t *testing.T) {
	parts := dutchSourceParts(t)
	_, docs := dutchDocs(t)
	// The source has the preamble, 25 articles and the testimonium in
	// Dutch, and the content translates every one.
	if len(parts) != 27 {
		t.Errorf("the Dutch part of the source has %d parts, want 27: preamble, 25 articles, testimonium", len(parts))
	}
	if len(docs) != len(parts) {
		t.Errorf("content has %d Dutch treaty files, the source %d Dutch parts", len(docs), len(parts))
	}
	dir := sharedSite(t)
	for _, d := range docs {
		name := strings.TrimSuffix(path.Base(d.File.Path), ".nl.md")
		t.Run(name, func(t *testing.T) {
			want, ok := parts[name]
			if !ok {
				t.Fatalf("%s: no part %s in the Dutch source", d.File.Path, name)
			}
			page := filepath.Join(dir, "nl", filepath.FromSlash(urls.File(d.URL)))
			text, ok := treatyText(parseHTMLFile(t, page))
			if !ok {
				t.Fatalf("%s has no single <div class=\"treaty-text\">", page)
			}
			if diff := firstWordDifference(words(want), words(text)); diff != "" {
				t.Errorf("nl%s is not verbatim the Dutch text of %s: %s", d.URL, dutchSource, diff)
			}
		})
	}
}

// TestDutchPagesMatchEnglish checks that every Dutch treaty page has the
// English page's provision ids, in the same order, and says that it is a
// translation that is not authentic, naming its source.
func TestDutchPagesMatchEnglish(t *testing.T) {
	_, docs := dutchDocs(t)
	dir := sharedSite(t)
	treatyIDs := func(doc *html.Node) []string {
		var out []string
		for _, id := range ids(doc) {
			if strings.HasPrefix(id, "art_") || strings.HasPrefix(id, "preamble") {
				out = append(out, id)
			}
		}
		return out
	}
	for _, d := range docs {
		file := filepath.FromSlash(urls.File(d.URL))
		en := parseHTMLFile(t, filepath.Join(dir, file))
		nl := parseHTMLFile(t, filepath.Join(dir, "nl", file))
		if got, want := treatyIDs(nl), treatyIDs(en); !slices.Equal(got, want) {
			t.Errorf("nl%s has ids %q, want the English page's %q", d.URL, got, want)
		}
		notes := elements(nl, func(e *html.Node) bool { return hasClass(e, "translation-note") })
		if len(notes) != 1 {
			t.Errorf("nl%s has %d translation notes, want 1", d.URL, len(notes))
			continue
		}
		note := textOf(notes[0])
		for _, want := range []string{"geen authentieke tekst", "Arabische", "Chinese", "Engelse", "Franse", "Russische", "Spaanse", d.Protocol.SourceOrigin} {
			if !strings.Contains(note, want) {
				t.Errorf("nl%s: the translation note %q does not say %q", d.URL, note, want)
			}
		}
		if lang, _ := attr(nl.FirstChild.NextSibling, "lang"); lang != "nl" {
			t.Errorf("nl%s: <html lang=%q>, want nl", d.URL, lang)
		}
	}
	// The English pages are authentic text: no such note.
	en := parseHTMLFile(t, filepath.Join(dir, "articles", "6", "index.html"))
	if n := len(elements(en, func(e *html.Node) bool { return hasClass(e, "translation-note") })); n != 0 {
		t.Errorf("articles/6/ has %d translation notes, want none", n)
	}
}

// textOf is the text of n, as textContent gives it.
func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return b.String()
}
