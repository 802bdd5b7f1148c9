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

// decodeGoccy decodes the front matter with goccy, rejecting unknown fields
// and values of the wrong type, and says what is wrong and where.
func (f *File) decodeGoccy(v any) (fields Fields, derr *diag.Error) {
	// The YAML library panics on some malformed input (fuzzing found a
	// tag on a list field); report that as a problem in the file instead.
	defer func() {
		if r := recover(); r != nil {
			derr = diag.Errorf(diag.Pos{File: f.Path, Line: f.metaLine, Col: 1}, "front matter cannot be read: malformed YAML")
		}
	}()
	return f.goccy(v)
}

func (f *File) goccy(v any) (Fields, *diag.Error) {
	fields := Fields{keys: map[string]diag.Pos{}, top: diag.Pos{File: f.Path, Line: 1, Col: 1}}
	if f.Meta == nil {
		return fields, diag.Errorf(fields.top, "missing front matter (a YAML block between --- lines)")
	}
	file, err := parser.ParseBytes(f.Meta, 0)
	if err != nil {
		return fields, f.yamlError(err)
	}
	fields.tree = &tree{src: f, file: file}
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
