package render

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"

	"github.com/yuin/goldmark"

	"protosite/site/config"
	"protosite/site/content"
	"protosite/site/i18n"
	"protosite/site/markdown"
)

// langView is one language of the site as rendering sees it: the site
// exists in every language, under the language's prefix, but for records
// without a translation (see missingPages), and each page shows its
// document in that language, or in the default language where it has no
// translation.
type langView struct {
	config.Language
	prefix string               // "" for the default language, "/nl" for Dutch
	msgs   *i18n.Catalog        // interface strings
	md     goldmark.Markdown    // renders bodies with the language's labels
	terms  []Term               // the glossary, from article 3 in this language where translated
	ui     string               // the scripts' strings, as JSON
	deckUI string               // the presentation script's strings, as JSON
	all    map[string]*langView // every language of the site, by code
	tmpl   templateSet          // the page templates, with the language's fixed strings
	// missing are the pages of the default language that this language
	// does not have, by URL: records (laws, countries, meetings,
	// recommendations) that are not translated. Their content is in the
	// default language only, so links lead there.
	missing map[string]bool

	mu   sync.Mutex
	errs []error // problems with messages, see t

	fragments sync.Map // parts of the layout rendered, by key (see Page.Fragment)
}

// isDefault reports whether the view is of the default language.
func (l *langView) isDefault() bool { return l.prefix == "" }

// url maps a site-absolute URL in the default language to the same place in
// this language: a page (a path ending in "/") gets the language's prefix,
// unless the language has no such page (see missing), when the link leads
// to the default language's; a file (stylesheet, QR code, data) is the same
// in every language.
func (l *langView) url(target string) string {
	if l.prefix == "" || !strings.HasPrefix(target, "/") {
		return target
	}
	page, _, _ := strings.Cut(target, "#")
	page, _, _ = strings.Cut(page, "?")
	if !strings.HasSuffix(page, "/") || l.missing[page] {
		return target
	}
	return l.prefix + target
}

// has reports whether the language has a page at base, a URL in the
// default language.
func (l *langView) has(base string) bool { return l.prefix == "" || !l.missing[base] }

// t formats a message for the code. Every message file has every key, so
// a failure is a mistake in the code, such as a misspelt key: it is
// recorded, with the key and the file named, and fails the build.
func (l *langView) t(key string, args ...any) string {
	s, err := l.msgs.T(key, args...)
	if err != nil {
		l.fail(err)
		return key
	}
	return s
}

// n formats a count message, like t.
func (l *langView) n(key string, n int, args ...any) string {
	s, err := l.msgs.N(key, n, args...)
	if err != nil {
		l.fail(err)
		return key
	}
	return s
}

// fail records a problem with a message.
func (l *langView) fail(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.errs = append(l.errs, err)
}

// err returns the problems recorded with messages.
func (l *langView) err() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return errors.Join(l.errs...)
}

// newLangViews prepares every language of the site, the default first.
func (r *Renderer) newLangViews(s *content.Site) ([]*langView, error) {
	cfg := s.Config
	var codes []string
	for _, l := range cfg.Languages {
		codes = append(codes, l.Code)
	}
	catalogs, err := loadMessages(codes...)
	if err != nil {
		return nil, err
	}
	var out []*langView
	all := map[string]*langView{}
	for _, lang := range languages(cfg) {
		msgs := catalogs[lang.Code]
		if msgs == nil {
			return nil, fmt.Errorf("site.yaml: language %q has no interface strings: add templates/i18n/%s.yaml (with every key of templates/i18n/%s.yaml)", lang.Code, lang.Code, i18n.Reference)
		}
		l := &langView{Language: lang, prefix: cfg.Prefix(lang.Code), msgs: msgs, all: all}
		all[lang.Code] = l
		if l.tmpl, err = templatesFor(msgs); err != nil {
			return nil, err
		}
		labels := markdown.Labels{RTL: lang.RTL()}
		if lang.Code != i18n.Reference {
			labels.LinkTo = func(label string) string { return l.t("provision.link_to", "label", label) }
		}
		l.md = markdown.New(markdown.WithProvisions(), markdown.WithLabels(labels))
		l.terms = glossary(s, lang.Code)
		l.missing = missingPages(s, lang.Code)
		if lang.Code == i18n.Reference {
			out = append(out, l)
			continue
		}
		if l.ui, err = l.scriptStrings("copy_link", "copy_link_aria", "copy_citation", "copy_citation_aria", "copy", "copy_aria", "copied", "copy_failed", "goto_invalid", "goto_missing", "live_problem"); err != nil {
			return nil, err
		}
		if l.deckUI, err = l.scriptStrings("slides", "slide_prev", "slide_next", "all_slides", "one_slide", "show_all", "show_one"); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}

// missingPages lists the pages a language other than the default does not
// have: the records (laws, meetings, recommendations) without a translation
// in it, the country pages, which hold nothing else, and the search page
// when it has no documents to search. Every other page
// exists in every language, showing the default language's document where
// it is not translated: the treaty, the index pages, the glossary, the
// training modules, and the free-standing pages.
func missingPages(s *content.Site, lang string) map[string]bool {
	if lang == s.Config.Language {
		return nil
	}
	missing := map[string]bool{}
	for _, list := range [][]*content.Doc{s.Meetings, s.Recommendations, s.Legislation} {
		for _, d := range list {
			if d.Translations[lang] == nil {
				missing[d.URL] = true
			}
		}
	}
	for _, c := range s.Countries.All() {
		missing[c.URL()] = true
	}
	// A language's search page searches the documents in that language
	// (site/search): a language with none, only an interface, has no
	// search page, and its search boxes lead to the default language's.
	if !hasDocuments(s, lang) {
		missing["/search/"] = true
	}
	return missing
}

// hasDocuments reports whether the content has documents in lang.
func hasDocuments(s *content.Site, lang string) bool {
	for _, d := range s.Translations {
		if d.Lang == lang {
			return true
		}
	}
	return false
}

// languages are the languages of the site, the default first, then the
// others in site.yaml's order.
func languages(cfg *config.Config) []config.Language {
	return append([]config.Language{cfg.Default()}, others(cfg)...)
}

// others are the languages other than the default one, in site.yaml's order.
func others(cfg *config.Config) []config.Language {
	var out []config.Language
	for _, l := range cfg.Languages {
		if l.Code != cfg.Language {
			out = append(out, l)
		}
	}
	return out
}

// scriptStrings encodes the messages "js.<key>" for the scripts, which read
// them from a data-ui attribute; placeholders stay for the script to fill.
func (l *langView) scriptStrings(keys ...string) (string, error) {
	m, err := l.jsStrings(keys)
	if err != nil {
		return "", err
	}
	b, err := json.Marshal(m) // keys sorted, so the output is stable
	return string(b), err
}

// jsStrings returns the messages "js.<key>" with their placeholders
// unfilled, by key.
func (l *langView) jsStrings(keys []string) (map[string]any, error) {
	m := map[string]any{}
	for _, k := range keys {
		s, ok := l.raw("js." + k)
		if !ok {
			return nil, fmt.Errorf("%s has no message js.%s", l.msgs.File, k)
		}
		m[k] = s
	}
	return m, nil
}

// scriptPlaceholders are the placeholders the scripts fill themselves.
var scriptPlaceholders = []string{"label", "citation", "text", "bytes", "limit"}

// raw returns a message with its placeholders unfilled.
func (l *langView) raw(key string) (string, bool) {
	if !l.msgs.Has(key) {
		return "", false
	}
	args := []any{}
	for _, h := range scriptPlaceholders {
		args = append(args, h, "{"+h+"}")
	}
	s, err := l.msgs.T(key, args...)
	return s, err == nil
}
