package render

import (
	"fmt"
	"html/template"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"

	"protosite/site/i18n"
	"protosite/templates"
)

// templateSet is the page templates, by name, for one language.
type templateSet map[string]*template.Template

// fixedMessage is a call of a message without arguments in a template,
// such as {{$.T "nav.articles"}}: the same on every page of a language.
var fixedMessage = regexp.MustCompile(`\{\{\s*(?:\$|\.Page)\.(T|H)\s+"([a-z0-9_.-]+)"\s*\}\}`)

// parsedSets holds the templates of each language once parsed: they come
// from the embedded files, which do not change while the program runs, so
// later builds (protosite serve -watch, tests) reuse them.
var parsedSets struct {
	sync.Mutex
	byLang map[string]templateSet
}

// messages holds the interface strings read so far, by language: they
// come from the embedded files, like the templates, so each file is read
// once, when a site first needs its language.
var messages struct {
	sync.Mutex
	byLang map[string]*i18n.Catalog
}

// loadMessages returns the interface strings of the reference language and
// of the languages codes (every language when there are none), each file
// checked against the reference file. A language without a file is left
// out; the caller reports it.
func loadMessages(codes ...string) (map[string]*i18n.Catalog, error) {
	messages.Lock()
	defer messages.Unlock()
	var todo []string
	for _, c := range append([]string{i18n.Reference}, codes...) {
		if messages.byLang[c] == nil {
			todo = append(todo, c)
		}
	}
	if len(codes) == 0 || len(todo) > 0 {
		if len(codes) == 0 {
			todo = nil // every file
		}
		read, err := i18n.LoadLangs(templates.FS, "i18n", "templates/", todo...)
		if err != nil {
			return nil, fmt.Errorf("reading interface strings: %w", err)
		}
		if messages.byLang == nil {
			messages.byLang = map[string]*i18n.Catalog{}
		}
		for code, c := range read {
			if messages.byLang[code] == nil {
				messages.byLang[code] = c
			}
		}
	}
	out := map[string]*i18n.Catalog{}
	for code, c := range messages.byLang {
		if len(codes) == 0 || code == i18n.Reference || slices.Contains(codes, code) {
			out[code] = c
		}
	}
	return out, nil
}

// templatesFor returns the page templates with the language's fixed
// messages written in, parsing them on first use. Writing them in saves a
// method call per message per page, which is most of the cost of a page.
func templatesFor(msgs *i18n.Catalog) (templateSet, error) {
	parsedSets.Lock()
	defer parsedSets.Unlock()
	if set := parsedSets.byLang[msgs.Lang]; set != nil {
		return set, nil
	}
	set, err := parseTemplates(msgs)
	if err != nil {
		return nil, err
	}
	if parsedSets.byLang == nil {
		parsedSets.byLang = map[string]templateSet{}
	}
	parsedSets.byLang[msgs.Lang] = set
	return set, nil
}

// parseTemplates parses every page template with the base layout, the
// fixed messages of msgs written in: a string escaped for HTML, which is
// right in text and in quoted attributes, where templates use them, and
// HTML as it is.
func parseTemplates(msgs *i18n.Catalog) (templateSet, error) {
	var problem error
	fill := func(src string) string {
		return fixedMessage.ReplaceAllStringFunc(src, func(call string) string {
			m := fixedMessage.FindStringSubmatch(call)
			var s string
			if m[1] == "H" {
				h, err := msgs.HTML(m[2])
				if err != nil {
					problem = err
				}
				s = string(h)
			} else {
				t, err := msgs.T(m[2])
				if err != nil {
					problem = err
				}
				s = template.HTMLEscapeString(t)
			}
			// A message must not open an action of the template.
			return strings.ReplaceAll(s, "{{", "{&#123;")
		})
	}
	read := func(name string) (string, error) {
		b, err := fs.ReadFile(templates.FS, name)
		return fill(string(b)), err
	}
	base := template.New("base").Funcs(funcs)
	for _, name := range []string{"base.html", "toc.html"} {
		src, err := read(name)
		if err != nil {
			return nil, err
		}
		if _, err := base.New(name).Parse(src); err != nil {
			return nil, fmt.Errorf("parsing templates: %w", err)
		}
	}
	set := templateSet{}
	for _, name := range pageTemplates {
		src, err := read(name + ".html")
		if err != nil {
			return nil, err
		}
		t, err := template.Must(base.Clone()).New(name + ".html").Parse(src)
		if err != nil {
			return nil, fmt.Errorf("parsing template %s: %w", name, err)
		}
		set[name] = t
	}
	if problem != nil {
		return nil, problem
	}
	return set, nil
}
