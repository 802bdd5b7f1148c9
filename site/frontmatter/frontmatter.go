// Package frontmatter splits YAML front matter from a Markdown file and
// decodes it strictly, reporting problems at their line and column.
package frontmatter

import (
	"bytes"
	"errors"
	"reflect"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"

	"protosite/site/diag"
)

const fence = "---"

// File is a content file split into its front matter and body.
type File struct {
	Path       string // path used in positions
	Src        []byte // the whole file
	Meta       []byte // the YAML between the fences, nil when there is none
	Body       []byte // everything after the closing fence
	BodyOffset int    // byte offset of Body in Src
	lines      *diag.Lines
	metaLine   int // file line on which Meta starts
	metaOffset int // byte offset of Meta in Src
}

// Split separates front matter from body. A file that does not open with
// "---" has no front matter; one that opens it but never closes it is an error.
func Split(path string, src []byte) (*File, *diag.Error) {
	f := &File{Path: path, Src: src, Body: src, lines: diag.NewLines(path, src, 0), metaLine: 2}
	first, rest, _ := bytes.Cut(src, []byte("\n"))
	if strings.TrimRight(string(first), " \t\r") != fence {
		return f, nil
	}
	off := len(first) + 1
	for off <= len(src) && len(rest) > 0 {
		line, next, found := bytes.Cut(rest, []byte("\n"))
		if strings.TrimRight(string(line), " \t\r") == fence {
			f.Meta = src[len(first)+1 : off]
			f.metaOffset = len(first) + 1
			f.BodyOffset = off + len(line)
			if found {
				f.BodyOffset++
			}
			f.Body = src[f.BodyOffset:]
			return f, nil
		}
		off += len(line) + 1
		rest = next
	}
	return nil, diag.Errorf(diag.Pos{File: path, Line: 1, Col: 1}, "front matter opened with --- is never closed")
}

// Pos returns the position of byte offset off in the whole file.
func (f *File) Pos(off int) diag.Pos { return f.lines.Pos(off) }

// FromYAML treats the whole of src as YAML, as in a settings file.
func FromYAML(path string, src []byte) *File {
	return &File{Path: path, Src: src, Meta: src, lines: diag.NewLines(path, src, 0), metaLine: 1}
}

// Fields records where each top-level key of the front matter stands.
type Fields struct {
	keys map[string]diag.Pos
	top  diag.Pos
	file *ast.File
	at   func(line, col int) diag.Pos
}

// At returns the position of the value at a YAML path such as
// "$.provisions[0].implements[1]", or of the nearest enclosing key that
// exists.
func (fs Fields) At(path string) diag.Pos {
	if fs.file != nil {
		if p, err := yaml.PathString(path); err == nil {
			if n, err := p.FilterFile(fs.file); err == nil && n != nil {
				if tk := n.GetToken(); tk != nil && tk.Position != nil {
					return fs.at(tk.Position.Line, tk.Position.Column)
				}
			}
		}
	}
	key, _, _ := strings.Cut(strings.TrimPrefix(path, "$."), ".")
	key, _, _ = strings.Cut(key, "[")
	return fs.Pos(key)
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
	fs.file, fs.at = nil, nil
	return fs
}

// Has reports whether key is present.
func (fs Fields) Has(key string) bool {
	_, ok := fs.keys[key]
	return ok
}

// Decode decodes the front matter into v, rejecting unknown fields and
// values of the wrong type.
func (f *File) Decode(v any) (fields Fields, derr *diag.Error) {
	// The YAML library panics on some malformed input (fuzzing found a
	// tag on a list field); report that as a problem in the file instead.
	defer func() {
		if r := recover(); r != nil {
			derr = diag.Errorf(diag.Pos{File: f.Path, Line: f.metaLine, Col: 1}, "front matter cannot be read: malformed YAML")
		}
	}()
	return f.decode(v)
}

func (f *File) decode(v any) (Fields, *diag.Error) {
	fields := Fields{keys: map[string]diag.Pos{}, top: diag.Pos{File: f.Path, Line: 1, Col: 1}}
	if f.Meta == nil {
		return fields, diag.Errorf(fields.top, "missing front matter (a YAML block between --- lines)")
	}
	file, err := parser.ParseBytes(f.Meta, 0)
	if err != nil {
		return fields, f.yamlError(err)
	}
	fields.file = file
	fields.at = f.tokenPos
	if len(file.Docs) > 0 {
		if m, ok := file.Docs[0].Body.(*ast.MappingNode); ok {
			for _, kv := range m.Values {
				tk := kv.Value.GetToken()
				switch kv.Value.(type) {
				case *ast.MappingNode, *ast.SequenceNode:
					// A nested block's own token is its first entry;
					// point at the key that opens it instead.
					tk = kv.Key.GetToken()
				}
				if tk == nil {
					tk = kv.Key.GetToken()
				}
				fields.keys[kv.Key.String()] = f.tokenPos(tk.Position.Line, tk.Position.Column)
			}
		}
	}
	if len(file.Docs) == 0 || file.Docs[0].Body == nil {
		return fields, nil
	}
	if err := yaml.NodeToValue(file.Docs[0].Body, v, yaml.DisallowUnknownField()); err != nil {
		return fields, f.yamlError(err)
	}
	return fields, nil
}

// tokenPos turns a YAML line and column into a position in the file. The
// YAML library counts a lone carriage return as a line break too, so the
// line is found in the YAML's own terms and mapped through its offset.
func (f *File) tokenPos(line, col int) diag.Pos {
	off := 0
	for l := 1; l < line && off < len(f.Meta); off++ {
		switch f.Meta[off] {
		case '\n':
			l++
		case '\r':
			if off+1 >= len(f.Meta) || f.Meta[off+1] != '\n' {
				l++
			}
		}
	}
	off = min(off+max(col-1, 0), len(f.Meta))
	return f.lines.Pos(f.metaOffset + off)
}

// yamlError turns a YAML library error into a positioned problem without
// the library's source excerpt.
func (f *File) yamlError(err error) *diag.Error {
	var terr *yaml.TypeError
	if errors.As(err, &terr) && terr.Token != nil && terr.Token.Position != nil {
		return diag.Errorf(f.tokenPos(terr.Token.Position.Line, terr.Token.Position.Column), "front matter: %q should be %s", terr.Token.Value, kindName(terr.DstType))
	}
	var yerr yaml.Error
	if errors.As(err, &yerr) {
		pos := diag.Pos{File: f.Path, Line: 1, Col: 1}
		if tk := yerr.GetToken(); tk != nil && tk.Position != nil {
			pos = f.tokenPos(tk.Position.Line, tk.Position.Column)
		}
		return diag.Errorf(pos, "front matter: %s", yerr.GetMessage())
	}
	return diag.Errorf(f.guessPos(err.Error()), "front matter: %v", err)
}

// guessPos finds where a value named in a quoted part of msg stands, for
// errors that carry no position, such as a date that does not parse.
func (f *File) guessPos(msg string) diag.Pos {
	if _, rest, ok := strings.Cut(msg, `"`); ok {
		if val, _, ok := strings.Cut(rest, `"`); ok && val != "" {
			if i := bytes.Index(f.Meta, []byte(val)); i >= 0 {
				line := bytes.Count(f.Meta[:i], []byte("\n"))
				col := i - (bytes.LastIndexByte(f.Meta[:i], '\n') + 1)
				return f.tokenPos(line+1, col+1)
			}
		}
	}
	return diag.Pos{File: f.Path, Line: 1, Col: 1}
}

// kindName says in words what kind of value a Go type holds.
func kindName(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole number"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "text"
	case reflect.Slice, reflect.Array:
		return "a list"
	case reflect.Struct, reflect.Map:
		return "a mapping of fields"
	}
	return "a " + t.Kind().String()
}
