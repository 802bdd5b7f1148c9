// Package i18n holds the site's interface strings (menus, labels, counts,
// the words of the scripts) in every language, one message file per
// language, and formats them for templates.
//
// A message file is YAML, named after its language code (nl.yaml). Each
// key maps to a string, or, for a count, to one string per plural form of
// the language (zero, one, two, few, many, other, as CLDR defines them):
//
//	nav.articles: "Articles"
//	count.laws:
//	  one: "{n} law"
//	  other: "{n} laws"
//
// Placeholders are written {name}; a count's number is {n}. Keys ending in
// "_html" hold HTML, the site's own, trusted as such; their arguments are
// escaped. The English file, en.yaml, is the reference: every other file
// must have exactly its keys, every plural form its language uses and the
// same placeholders, or loading fails naming the file and the key.
package i18n

import (
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"

	"protosite/site/diag"
	"protosite/site/frontmatter"
)

// Reference is the language whose message file lists every key.
const Reference = "en"

// Catalog is the interface strings of one language.
type Catalog struct {
	Lang string // the language code, such as "nl"
	File string // where the messages were read, for error messages
	tag  language.Tag
	msgs map[string]message

	usedForms []plural.Form // see forms
}

// message is one entry of a file: a string, or one string per plural form.
type message struct {
	text   string
	forms  map[plural.Form]string
	holder []string // the placeholders used, sorted, without braces
}

// formNames are the plural forms as message files name them.
var formNames = map[string]plural.Form{
	"zero": plural.Zero, "one": plural.One, "two": plural.Two,
	"few": plural.Few, "many": plural.Many, "other": plural.Other,
}

func formName(f plural.Form) string {
	for name, v := range formNames {
		if v == f {
			return name
		}
	}
	return "other"
}

var placeholder = regexp.MustCompile(`\{([a-z_][a-z0-9_]*)\}`)

// Load reads every *.yaml file in dir of fsys; prefix is put before the
// file names in error messages (such as "templates/"). It checks each file
// against the reference file and reports every problem.
func Load(fsys fs.FS, dir, prefix string) (map[string]*Catalog, error) {
	return LoadLangs(fsys, dir, prefix)
}

// LoadLangs is Load for the reference file and the files of the languages
// codes only; with no codes, it reads every file. A language without a
// file is not an error here: the caller says what it needs.
func LoadLangs(fsys fs.FS, dir, prefix string, codes ...string) (map[string]*Catalog, error) {
	names, err := fs.Glob(fsys, path.Join(dir, "*.yaml"))
	if err != nil {
		return nil, err
	}
	if len(codes) > 0 {
		names = slices.DeleteFunc(names, func(name string) bool {
			code := strings.TrimSuffix(path.Base(name), ".yaml")
			return code != Reference && !slices.Contains(codes, code)
		})
	}
	var errs diag.List
	out := map[string]*Catalog{}
	for _, name := range names {
		code := strings.TrimSuffix(path.Base(name), ".yaml")
		c := &Catalog{Lang: code, File: prefix + name, msgs: map[string]message{}}
		tag, err := language.Parse(code)
		if err != nil {
			errs.Addf(diag.Pos{File: c.File}, "%q is not a language code: name message files after their language, such as nl.yaml", code)
			continue
		}
		c.tag = tag
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, err
		}
		c.read(src, &errs)
		out[code] = c
	}
	ref := out[Reference]
	if ref == nil {
		errs.Addf(diag.Pos{File: prefix + path.Join(dir, Reference+".yaml")}, "no reference message file")
		return nil, errs.Err()
	}
	for _, code := range slices.Sorted(maps.Keys(out)) {
		if code != Reference {
			out[code].check(ref, &errs)
		}
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return out, nil
}

// read decodes the file and checks each entry on its own. The file is
// decoded plainly first; only when it has a problem is it decoded again,
// more slowly, to say where each key stands.
func (c *Catalog) read(src []byte, errs *diag.List) {
	raw := map[string]any{}
	var fields *frontmatter.Fields
	if yaml.Unmarshal(src, &raw) != nil {
		fields = &frontmatter.Fields{}
	}
	var local diag.List
	c.readEntries(raw, fields, &local)
	if fields == nil && local.Len() == 0 {
		return
	}
	// Decode again, with positions, and report.
	raw = map[string]any{}
	f, derr := frontmatter.FromYAML(c.File, src).Decode(&raw)
	if derr != nil {
		errs.Add(derr)
		return
	}
	c.msgs = map[string]message{}
	c.readEntries(raw, &f, errs)
}

// readEntries checks each entry of a decoded file; fields, if set, gives
// the keys' positions for the problems reported.
func (c *Catalog) readEntries(raw map[string]any, fields *frontmatter.Fields, errs *diag.List) {
	for _, key := range slices.Sorted(maps.Keys(raw)) {
		pos := diag.Pos{File: c.File}
		if fields != nil {
			pos = fields.Pos(key)
		}
		switch v := raw[key].(type) {
		case string:
			c.msgs[key] = message{text: v, holder: holders(v)}
		case map[string]any:
			m := message{forms: map[plural.Form]string{}}
			for name, s := range v {
				f, ok := formNames[name]
				str, isStr := s.(string)
				if !ok || !isStr {
					errs.Addf(pos, "%s: %q is not a plural form (zero, one, two, few, many, other) with a string", key, name)
					continue
				}
				m.forms[f] = str
				m.holder = append(m.holder, holders(str)...)
			}
			slices.Sort(m.holder)
			m.holder = slices.Compact(m.holder)
			if _, ok := m.forms[plural.Other]; !ok {
				errs.Addf(pos, "%s: a count needs at least the form \"other\"", key)
			}
			for _, f := range c.forms() {
				if _, ok := m.forms[f]; !ok {
					errs.Addf(pos, "%s: the form %q is missing: %s counts use it", key, formName(f), c.Lang)
				}
			}
			c.msgs[key] = m
		default:
			errs.Addf(pos, "%s: a message is a string, or a map of plural forms to strings", key)
		}
	}
}

// forms returns the plural forms the language uses for whole numbers.
func (c *Catalog) forms() []plural.Form {
	if c.usedForms != nil {
		return c.usedForms
	}
	seen := map[plural.Form]bool{}
	var out []plural.Form
	for _, n := range append(rangeInts(0, 1000), 1000000, 2000000) {
		f := plural.Cardinal.MatchPlural(c.tag, n, 0, 0, 0, 0)
		if !seen[f] {
			seen[f] = true
			out = append(out, f)
		}
	}
	slices.Sort(out)
	c.usedForms = out
	return out
}

func rangeInts(lo, hi int) []int {
	out := make([]int, 0, hi-lo)
	for i := lo; i < hi; i++ {
		out = append(out, i)
	}
	return out
}

// holders lists the placeholders in s.
func holders(s string) []string {
	var out []string
	for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// check compares the file with the reference file.
func (c *Catalog) check(ref *Catalog, errs *diag.List) {
	top := diag.Pos{File: c.File}
	for _, key := range slices.Sorted(maps.Keys(ref.msgs)) {
		want := ref.msgs[key]
		got, ok := c.msgs[key]
		switch {
		case !ok:
			errs.Addf(top, "%s is missing (%s has it: %q)", key, path.Base(ref.File), want.sample())
			continue
		case (want.forms == nil) != (got.forms == nil):
			errs.Addf(top, "%s: must be a %s, as in %s", key, want.shape(), path.Base(ref.File))
			continue
		}
		for _, h := range got.holder {
			if !slices.Contains(want.holder, h) {
				errs.Addf(top, "%s: placeholder {%s} is not in %s, which has %s", key, h, path.Base(ref.File), braces(want.holder))
			}
		}
		for _, h := range want.holder {
			if h != "n" && !slices.Contains(got.holder, h) {
				errs.Addf(top, "%s: placeholder {%s} of %s is missing", key, h, path.Base(ref.File))
			}
		}
	}
	for _, key := range slices.Sorted(maps.Keys(c.msgs)) {
		if _, ok := ref.msgs[key]; !ok {
			errs.Addf(top, "%s is not a key of %s: remove it or add it there", key, path.Base(ref.File))
		}
	}
}

func (m message) sample() string {
	if m.forms != nil {
		return m.forms[plural.Other]
	}
	return m.text
}

func (m message) shape() string {
	if m.forms != nil {
		return "count (a map of plural forms)"
	}
	return "string"
}

func braces(hs []string) string {
	if len(hs) == 0 {
		return "none"
	}
	return "{" + strings.Join(hs, "}, {") + "}"
}

// Has reports whether the catalog has key.
func (c *Catalog) Has(key string) bool { _, ok := c.msgs[key]; return ok }

// Keys returns every key, sorted.
func (c *Catalog) Keys() []string { return slices.Sorted(maps.Keys(c.msgs)) }

// T formats the message key with args, given as pairs of placeholder name
// and value.
func (c *Catalog) T(key string, args ...any) (string, error) {
	m, err := c.get(key, false)
	if err != nil {
		return "", err
	}
	if strings.HasSuffix(key, "_html") {
		return "", fmt.Errorf("%s: message %s holds HTML: use it where HTML goes", c.File, key)
	}
	return c.format(key, m.text, args, false)
}

// N formats the count message key for the number n, which fills {n}, with
// more args as for T.
func (c *Catalog) N(key string, n int, args ...any) (string, error) {
	m, err := c.get(key, true)
	if err != nil {
		return "", err
	}
	if strings.HasSuffix(key, "_html") {
		return "", fmt.Errorf("%s: count %s cannot hold HTML", c.File, key)
	}
	return c.format(key, m.forms[c.form(n)], append([]any{"n", n}, args...), false)
}

// HTML formats the message key, which must end in "_html", as HTML: the
// message is trusted, its arguments escaped unless they are template.HTML.
func (c *Catalog) HTML(key string, args ...any) (template.HTML, error) {
	if !strings.HasSuffix(key, "_html") {
		s, err := c.T(key, args...)
		return template.HTML(template.HTMLEscapeString(s)), err
	}
	m, err := c.get(key, false)
	if err != nil {
		return "", err
	}
	s, err := c.format(key, m.text, args, true)
	return template.HTML(s), err
}

// form returns the plural form of n in the catalog's language.
func (c *Catalog) form(n int) plural.Form {
	return plural.Cardinal.MatchPlural(c.tag, max(n, -n), 0, 0, 0, 0)
}

func (c *Catalog) get(key string, count bool) (message, error) {
	m, ok := c.msgs[key]
	switch {
	case !ok:
		return message{}, fmt.Errorf("%s has no message %s", c.File, key)
	case count && m.forms == nil:
		return message{}, fmt.Errorf("%s: message %s is not a count", c.File, key)
	case !count && m.forms != nil:
		return message{}, fmt.Errorf("%s: message %s is a count: give it a number", c.File, key)
	}
	return m, nil
}

// format fills the placeholders of s.
func (c *Catalog) format(key, s string, args []any, html bool) (string, error) {
	if len(args) == 0 && !strings.Contains(s, "{") {
		// Most messages are asked for without arguments and have no
		// placeholder to fill: pages ask for them by the hundred.
		return s, nil
	}
	if len(args)%2 != 0 {
		return "", fmt.Errorf("message %s: arguments come in pairs of name and value", key)
	}
	vals := map[string]string{}
	for i := 0; i < len(args); i += 2 {
		name, ok := args[i].(string)
		if !ok {
			return "", fmt.Errorf("message %s: argument %d must be a placeholder name", key, i)
		}
		vals[name] = text(args[i+1], html)
	}
	var missing string
	out := placeholder.ReplaceAllStringFunc(s, func(h string) string {
		name := h[1 : len(h)-1]
		v, ok := vals[name]
		if !ok {
			missing = name
		}
		return v
	})
	if missing != "" {
		return "", fmt.Errorf("%s: message %s needs a value for {%s}", c.File, key, missing)
	}
	return out, nil
}

// text writes an argument, escaped for HTML when html is set.
func text(v any, html bool) string {
	var s string
	switch v := v.(type) {
	case template.HTML:
		if html {
			return string(v)
		}
		s = string(v)
	case string:
		s = v
	case int:
		s = strconv.Itoa(v)
	case fmt.Stringer:
		s = v.String()
	default:
		s = fmt.Sprint(v)
	}
	if html {
		return template.HTMLEscapeString(s)
	}
	return s
}
