package content

import (
	"cmp"
	"fmt"
	"io/fs"
	"maps"
	"path"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/goccy/go-yaml"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"protosite/site/akn"
	"protosite/site/config"
	"protosite/site/diag"
	"protosite/site/frontmatter"
	"protosite/site/markdown"
	"protosite/site/provision"
)

// MaxFileSize bounds a content file, so that a stray binary or generated
// file cannot exhaust memory.
const MaxFileSize = 4 << 20

// loader holds what loading needs across files.
type loader struct {
	cfg       *config.Config
	treaty    goldmark.Markdown // for the Protocol's text, with provisions
	prose     goldmark.Markdown // for everything else
	errs      diag.List
	countries *Countries
	broken    map[int]bool    // articles whose files did not load
	failed    map[string]bool // files that did not load, by path
}

// Load reads every document under fsys and reports every problem found,
// each with its position. Unless the settings cannot be read, it returns the
// documents that loaded even when others did not.
func Load(fsys fs.FS) (*Site, error) {
	cfg, err := config.Load(fsys)
	if err != nil {
		return nil, err
	}
	l := &loader{
		cfg:    cfg,
		broken: map[int]bool{},
		failed: map[string]bool{},
	}
	s := &Site{Config: cfg, Guidance: map[int]*Doc{}}
	s.Countries = loadCountries(fsys, &l.errs)
	l.countries = s.Countries
	paths, err := contentFiles(fsys)
	if err != nil {
		return nil, err
	}
	for i, r := range l.loadFiles(fsys, paths) {
		for _, e := range r.errs.Errors() {
			l.errs.Add(e)
		}
		for n := range r.broken {
			l.broken[n] = true
		}
		switch doc := r.doc; {
		case doc == nil:
			l.failed[paths[i]] = true
		case doc.Lang != cfg.Language:
			s.Translations = append(s.Translations, doc)
		default:
			s.Docs = append(s.Docs, doc)
		}
	}
	l.organise(s)
	s.BrokenArticles = l.broken
	// The documents that loaded are returned with the problems, so that
	// later stages can report theirs too.
	return s, l.errs.Err()
}

// contentFiles lists the content files under fsys in lexical order.
func contentFiles(fsys fs.FS) ([]string, error) {
	var paths []string
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("walking content: %w", err)
		}
		if d.IsDir() {
			if p != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		if path.Ext(p) == ".md" && !strings.HasPrefix(d.Name(), ".") && d.Name() != "README.md" {
			paths = append(paths, p)
		}
		return nil
	})
	return paths, err
}

// fileResult is what loading one file gave: the document, or nil, and the
// problems found.
type fileResult struct {
	doc    *Doc
	errs   diag.List
	broken map[int]bool
}

// loadFiles loads the files on every core. Each goroutine has a loader of
// its own, with its own Markdown parsers, and each file its own problems,
// so that the result does not depend on which goroutine loaded what.
func (l *loader) loadFiles(fsys fs.FS, paths []string) []fileResult {
	results := make([]fileResult, len(paths))
	workers := max(1, min(runtime.GOMAXPROCS(0), len(paths)/16))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			fl := &loader{cfg: l.cfg, countries: l.countries, treaty: markdown.New(markdown.WithProvisions()), prose: markdown.New()}
			for i := w; i < len(paths); i += workers {
				fl.errs, fl.broken = diag.List{}, map[int]bool{}
				results[i].doc = fl.loadFile(fsys, paths[i])
				results[i].errs, results[i].broken = fl.errs, fl.broken
			}
		})
	}
	wg.Wait()
	return results
}

func (l *loader) loadFile(fsys fs.FS, p string) *Doc {
	top := diag.Pos{File: p, Line: 1, Col: 1}
	info, err := fs.Stat(fsys, p)
	if err != nil {
		l.errs.Addf(top, "cannot read: %v", err)
		return nil
	}
	if info.Size() > MaxFileSize {
		l.errs.Addf(top, "file is %d bytes, more than the limit of %d", info.Size(), MaxFileSize)
		return nil
	}
	src, err := fs.ReadFile(fsys, p)
	if err != nil {
		l.errs.Addf(top, "cannot read: %v", err)
		return nil
	}
	if len(strings.TrimSpace(string(src))) == 0 {
		l.errs.Addf(top, "file is empty")
		return nil
	}
	if !utf8.Valid(src) {
		off := firstInvalidUTF8(src)
		l.errs.Add(diag.Errorf(diag.NewLines(p, src, 0).Pos(off), "invalid UTF-8"))
		return nil
	}
	f, derr := frontmatter.Split(p, src)
	if derr != nil {
		l.errs.Add(derr)
		return nil
	}
	doc := &Doc{File: f, Lang: l.cfg.Language}
	if _, lang := splitLang(p); lang != "" {
		if !l.checkLang(top, p, lang) {
			return nil
		}
		doc.Lang = lang
	}
	dir, _, _ := strings.Cut(p, "/")
	decode, ok := l.decoders()[dir]
	if !ok {
		l.errs.Addf(top, "unknown content folder %q (known: %s)", dir, strings.Join(slices.Sorted(maps.Keys(l.decoders())), ", "))
		return nil
	}
	before := l.errs.Len()
	decode(doc)
	if l.errs.Len() > before {
		return nil
	}
	doc.Fields = doc.Fields.Compact()
	l.parse(doc)
	return doc
}

// splitLang reads the language from a content file's name: a translation
// is named after the file it translates with the language code before
// ".md", so "protocol/article-06.nl.md" translates "protocol/article-06.md"
// into "nl". For a file without a language code, orig is p and lang "".
func splitLang(p string) (orig, lang string) {
	dir, base := path.Split(p)
	stem := strings.TrimSuffix(base, ".md")
	i := strings.LastIndexByte(stem, '.')
	if i <= 0 || !looksLikeLang(stem[i+1:]) {
		return p, ""
	}
	return dir + stem[:i] + ".md", stem[i+1:]
}

// looksLikeLang reports whether s could be a language code: two or three
// letters, and optionally subtags such as "-hans".
func looksLikeLang(s string) bool {
	primary, _, _ := strings.Cut(s, "-")
	if len(primary) < 2 || len(primary) > 3 {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}

// checkLang reports whether lang, read from the name of file p, is a
// language of the site other than the default one.
func (l *loader) checkLang(top diag.Pos, p, lang string) bool {
	orig, _ := splitLang(p)
	if lang == l.cfg.Language {
		l.errs.Addf(top, "%s is in the default language %q: name it %s", p, lang, orig)
		return false
	}
	if _, ok := l.cfg.Lang(lang); !ok {
		var codes []string
		for _, c := range l.cfg.Languages {
			codes = append(codes, c.Code)
		}
		l.errs.Addf(top, "file name %s names language %q, which is not in site.yaml's languages (%s)", p, lang, strings.Join(codes, ", "))
		return false
	}
	return true
}

func firstInvalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return 0
}

func (l *loader) decodeProtocol(doc *Doc) {
	var m ProtocolMeta
	if _, ok := l.decodeMeta(doc, &m, func(f frontmatter.Fields) { m.validate(f, &l.errs) }); !ok {
		l.noteBrokenArticle(doc)
		return
	}
	doc.Protocol = &m
	switch {
	case m.Article > 0:
		doc.Kind = KindArticle
		doc.URL = "/articles/" + strconv.Itoa(m.Article) + "/"
		doc.Title = "Article " + strconv.Itoa(m.Article) + ". " + m.Title
		doc.Root = akn.Article(m.Article)
	case m.Section == "preamble":
		doc.Kind = KindPreamble
		doc.URL = "/preamble/"
		doc.Title = cmp.Or(m.Title, "Preamble")
		doc.Root = akn.Preamble()
	default:
		doc.Kind = KindTestimonium
		doc.URL = "/testimonium/"
		doc.Title = cmp.Or(m.Title, "Testimonium")
	}
}

func (l *loader) decodePage(doc *Doc) {
	var m PageMeta
	if _, ok := l.decodeMeta(doc, &m, func(f frontmatter.Fields) { m.validate(f, &l.errs) }); !ok {
		return
	}
	doc.Kind, doc.Page, doc.Title = KindPage, &m, m.Title
	slug := fileID(doc)
	doc.URL = "/" + slug + "/"
	if slug == "index" {
		doc.URL = "/"
	}
}

// noteBrokenArticle records the number of an article whose front matter
// is wrong, read leniently, so that citations of it are not also reported
// as citations of an article that does not exist.
func (l *loader) noteBrokenArticle(doc *Doc) {
	var m struct {
		Article int `yaml:"article"`
	}
	if doc.File.Meta != nil && yaml.Unmarshal(doc.File.Meta, &m) == nil && m.Article > 0 {
		l.broken[m.Article] = true
	}
}

// parse turns the body into a goldmark tree and reports structural
// problems in the Protocol's numbering.
func (l *loader) parse(doc *Doc) {
	md := l.prose
	if doc.Kind == KindArticle || doc.Kind == KindPreamble {
		md = l.treaty
	}
	article := doc.Root.Article
	if doc.Guidance != nil {
		article = doc.Guidance.Article
	}
	pc := markdown.NewContext(article, doc.Root, doc.Lang)
	doc.AST = md.Parser().Parse(text.NewReader(doc.File.Body), parser.WithContext(pc))
	for _, p := range provision.Problems(pc) {
		l.errs.Add(diag.Errorf(doc.Pos(p.Offset), "%s", p.Msg))
	}
	for _, p := range markdown.Problems(pc) {
		l.errs.Add(diag.Errorf(doc.Pos(p.Offset), "%s", p.Msg))
	}
}

// organise sorts documents into their places and checks that no two claim
// the same place.
func (l *loader) organise(s *Site) {
	slices.SortFunc(s.Docs, func(a, b *Doc) int { return strings.Compare(a.File.Path, b.File.Path) })
	byURL := map[string]*Doc{}
	for _, d := range s.Docs {
		if prev, ok := byURL[d.URL]; ok && d.Kind != KindGuidance {
			l.errs.Addf(diag.Pos{File: d.File.Path, Line: 1, Col: 1}, "%s has the same URL %s as %s", d.File.Path, d.URL, prev.File.Path)
			continue
		}
		if d.Kind != KindGuidance {
			byURL[d.URL] = d
		}
		switch d.Kind {
		case KindArticle:
			s.Articles = append(s.Articles, d)
		case KindPreamble:
			s.Preamble = d
		case KindTestimonium:
			s.Testimonium = d
		case KindPage:
			s.Pages = append(s.Pages, d)
		case KindMeeting:
			s.Meetings = append(s.Meetings, d)
		case KindRecommendation:
			s.Recommendations = append(s.Recommendations, d)
		case KindLegislation:
			s.Legislation = append(s.Legislation, d)
		case KindModule:
			s.Modules = append(s.Modules, d)
		case KindGuidance:
			if prev := s.Guidance[d.Guidance.Article]; prev != nil {
				l.errs.Addf(d.Fields.Pos("article"), "guidance on article %d is already given in %s", d.Guidance.Article, prev.File.Path)
				continue
			}
			s.Guidance[d.Guidance.Article] = d
		}
	}
	l.crossCheck(s, byURL)
	l.linkTranslations(s)
	slices.SortFunc(s.Articles, func(a, b *Doc) int { return cmp.Compare(a.Protocol.Article, b.Protocol.Article) })
	for i, a := range s.Articles {
		if a.Protocol.Article != i+1 && len(l.broken) == 0 {
			l.errs.Addf(a.Fields.Pos("article"), "article %d follows article %d: articles must be numbered 1 to %d without gaps", a.Protocol.Article, i, len(s.Articles))
			break
		}
	}
	slices.SortFunc(s.Pages, func(a, b *Doc) int {
		return cmp.Or(cmp.Compare(a.Page.Weight, b.Page.Weight), strings.Compare(a.URL, b.URL))
	})
}
