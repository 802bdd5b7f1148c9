package render

import (
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/text/language"

	"protosite/site/i18n"
	"protosite/static"
	"protosite/templates"
)

// TestTemplateKeysExist checks that every message a template names exists,
// so that a misspelt key is caught without rendering the page that uses it.
func TestTemplateKeysExist(t *testing.T) {
	msgs, err := loadMessages()
	if err != nil {
		t.Fatal(err)
	}
	en := msgs[i18n.Reference]
	call := regexp.MustCompile(`(?:\$|\.Page)\.(?:T|H|N)\s+"([^"]+)"`)
	names, err := fs.Glob(templates.FS, "*.html")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, name := range names {
		src, err := fs.ReadFile(templates.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range call.FindAllStringSubmatch(string(src), -1) {
			n++
			if !en.Has(m[1]) {
				t.Errorf("templates/%s uses message %s, which templates/i18n/en.yaml does not have", name, m[1])
			}
		}
	}
	if n < 100 {
		t.Errorf("found %d message calls in the templates: the pattern is out of date", n)
	}
}

// TestScriptStringsAreEnglish checks that the scripts' own English strings,
// used when a page carries none, are those of en.yaml, so that the two
// cannot drift apart.
func TestScriptStringsAreEnglish(t *testing.T) {
	msgs, err := loadMessages()
	if err != nil {
		t.Fatal(err)
	}
	en := msgs[i18n.Reference]
	var scripts strings.Builder
	for _, name := range []string{"site.js", "goto.js", "present.js", "live.js", "search-page.js", "reading.js"} {
		src, err := fs.ReadFile(static.FS, name)
		if err != nil {
			t.Fatal(err)
		}
		scripts.Write(src)
	}
	all := scripts.String()
	for _, key := range en.Keys() {
		short, ok := strings.CutPrefix(key, "js.")
		if !ok {
			continue
		}
		if slices.Contains(searchCounts, short) {
			// A count: the script holds each form, {n} left to fill.
			for form, n := range pluralSamples(language.English) {
				s, err := en.N(key, n, "n", "{n}")
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(all, form+": "+strconv.Quote(s)) {
					t.Errorf("no script holds %s: %s as the English of %s (en.yaml %s)", form, strconv.Quote(s), short, key)
				}
			}
			continue
		}
		var unfilled []any
		for _, h := range scriptPlaceholders {
			unfilled = append(unfilled, h, "{"+h+"}")
		}
		s, err := en.T(key, unfilled...)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(all, strconv.Quote(s)) {
			t.Errorf("no script holds %s as the English of %s (en.yaml %s)", strconv.Quote(s), short, key)
		}
	}
}
