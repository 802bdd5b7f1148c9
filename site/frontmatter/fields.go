package frontmatter

import (
	"strings"
	"sync"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	yamlv3 "go.yaml.in/yaml/v3"

	"protosite/site/diag"
)

// Fields records where each top-level key of the front matter stands.
type Fields struct {
	keys map[string]diag.Pos
	top  diag.Pos
	tree *tree // what At needs beyond the keys; nil once compacted
}

// tree is the parsed front matter that At looks paths up in. When goccy
// decoded the file, it is goccy's syntax tree. When yaml.v3 did, it is
// yaml.v3's, which answers for the values goccy would place alike, and
// goccy's tree is parsed only when a path leads elsewhere, so that the
// answers are goccy's in every case.
type tree struct {
	src   *File
	node  *yamlv3.Node // yaml.v3's root node; nil when goccy decoded
	lines lineIndex    // where the lines start, when yaml.v3 decoded
	once  sync.Once
	file  *ast.File // goccy's; when node is set, parsed on first need
}

// At returns the position of the value at a YAML path such as
// "$.provisions[0].implements[1]", or of the nearest enclosing key that
// exists.
func (fs Fields) At(path string) diag.Pos {
	if fs.tree != nil {
		if p, ok := fs.tree.at(path); ok {
			return p
		}
	}
	key, _, _ := strings.Cut(strings.TrimPrefix(path, "$."), ".")
	key, _, _ = strings.Cut(key, "[")
	return fs.Pos(key)
}

// at finds the value at path, reporting false when there is none.
func (t *tree) at(path string) (diag.Pos, bool) {
	if t.node != nil {
		if n, answered := lookup(t.node, path); answered {
			if n == nil {
				return diag.Pos{}, false
			}
			return t.pos(n.Line, n.Column), true
		}
	}
	file := t.goccy()
	if file == nil {
		return diag.Pos{}, false
	}
	if p, err := yaml.PathString(path); err == nil {
		if n, err := p.FilterFile(file); err == nil && n != nil {
			if tk := n.GetToken(); tk != nil && tk.Position != nil {
				return t.pos(tk.Position.Line, tk.Position.Column), true
			}
		}
	}
	return diag.Pos{}, false
}

// pos turns a YAML line and column into a position in the file, as
// tokenPos does, but without counting the lines anew each time.
func (t *tree) pos(line, col int) diag.Pos {
	if t.lines == nil {
		return t.src.tokenPos(line, col)
	}
	off := min(t.lines.start(line, len(t.src.Meta))+max(col-1, 0), len(t.src.Meta))
	return t.src.lines.Pos(t.src.metaOffset + off)
}

// goccy returns goccy's syntax tree, parsing the front matter the first
// time it is needed after yaml.v3 decoded it. Should goccy fail where
// yaml.v3 did not, At falls back to the key's position.
func (t *tree) goccy() *ast.File {
	t.once.Do(func() {
		if t.file != nil {
			return
		}
		defer func() { _ = recover() }()
		if file, err := parser.ParseBytes(t.src.Meta, 0); err == nil {
			t.file = file
		}
	})
	return t.file
}

// Pos returns the position of key's value, or of the front matter's start
// when the key is absent.
func (fs Fields) Pos(key string) diag.Pos {
	if p, ok := fs.keys[key]; ok {
		return p
	}
	return fs.top
}

// Compact drops what only At needs, the parsed YAML, keeping the key
// positions: a site of thousands of documents need not hold every file's
// syntax tree once its front matter is checked.
func (fs Fields) Compact() Fields {
	fs.tree = nil
	return fs
}

// Has reports whether key is present.
func (fs Fields) Has(key string) bool {
	_, ok := fs.keys[key]
	return ok
}
