package frontmatter

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"

	yamlv3 "go.yaml.in/yaml/v3"

	"protosite/site/diag"
)

// decodeFast decodes the front matter with yaml.v3 when it keeps to the
// part of YAML on which yaml.v3 and goccy agree, giving the value and the
// key positions goccy would. Any error only means that goccy must decide:
// the error itself is never shown.
func (f *File) decodeFast(v any) (fields Fields, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml.v3 panicked: %v", r)
		}
	}()
	if f.Meta == nil {
		return Fields{}, errors.New("no front matter")
	}
	if err := checkBytes(f.Meta); err != nil {
		return Fields{}, err
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return Fields{}, errors.New("not decoding into a pointer")
	}
	root, err := parseOne(f.Meta)
	if err != nil {
		return Fields{}, err
	}
	lines := newLineIndex(f.Meta)
	if err := newChecker(f.Meta, lines).value(root, rv.Type().Elem()); err != nil {
		return Fields{}, err
	}
	// Decode into a copy, so that a failure halfway leaves v as it was
	// for goccy.
	out := reflect.New(rv.Type().Elem())
	out.Elem().Set(rv.Elem())
	if err := root.Decode(out.Interface()); err != nil {
		return Fields{}, fmt.Errorf("yaml.v3: %w", err)
	}
	rv.Elem().Set(out.Elem())
	return f.fastFields(root, lines), nil
}

// parseOne parses src, which must hold exactly one document, and returns
// the document's root node.
func parseOne(src []byte) (*yamlv3.Node, error) {
	dec := yamlv3.NewDecoder(bytes.NewReader(src))
	var doc yamlv3.Node
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("yaml.v3: %w", err)
	}
	if err := dec.Decode(new(yamlv3.Node)); err != io.EOF {
		return nil, errors.New("more than one document")
	}
	if doc.Kind != yamlv3.DocumentNode || len(doc.Content) != 1 {
		return nil, errors.New("not a document with one root")
	}
	return doc.Content[0], nil
}

// fastFields records the top-level keys' positions as goccy's code in
// decodeGoccy does: a nested mapping or list at its key, anything else at
// its value.
func (f *File) fastFields(root *yamlv3.Node, lines lineIndex) Fields {
	t := &tree{src: f, node: root, lines: lines}
	fields := Fields{keys: map[string]diag.Pos{}, top: diag.Pos{File: f.Path, Line: 1, Col: 1}, tree: t}
	if root.Kind != yamlv3.MappingNode {
		return fields
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		at := v
		if v.Kind == yamlv3.MappingNode || v.Kind == yamlv3.SequenceNode {
			at = k
		}
		fields.keys[k.Value] = t.pos(at.Line, at.Column)
	}
	return fields
}
