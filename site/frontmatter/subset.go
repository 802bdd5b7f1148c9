package frontmatter

import (
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	yamlv3 "go.yaml.in/yaml/v3"
)

// The fast path accepts only YAML on which yaml.v3 and goccy agree: the
// plain, block and quoted scalars, mappings and lists that front matter is
// written in. Whatever is outside it, or where the two libraries read the
// same text differently (YAML 1.1's yes and no, octal 0777, anchors, tags,
// explicit keys), is left to goccy. The checks are deliberately narrow: a
// file they turn away only costs goccy's time, while one they let through
// wrongly would decode differently from before.

// checker checks a yaml.v3 tree against the Go type it is decoded into.
// It also rejects keys that name no field, which yaml.v3's Node.Decode,
// unlike its Decoder, cannot be told to do.
type checker struct {
	src     []byte                                   // the YAML
	lines   lineIndex                                // where each of its lines starts
	structs map[reflect.Type]map[string]reflect.Type // each struct's fields by YAML name
}

func newChecker(src []byte, lines lineIndex) *checker {
	return &checker{src: src, lines: lines, structs: map[reflect.Type]map[string]reflect.Type{}}
}

// value checks node n decoded into a value of type t.
func (c *checker) value(n *yamlv3.Node, t reflect.Type) error {
	if n.Anchor != "" || n.Kind == yamlv3.AliasNode {
		return errors.New("anchor or alias")
	}
	if n.Style&yamlv3.TaggedStyle != 0 {
		return fmt.Errorf("explicit tag %s", n.Tag)
	}
	if c.nonSpecificTag(n) {
		return errors.New("non-specific tag !")
	}
	// goccy places a plain value that goes on over several lines at the
	// second when it starts with a dash, and does not read one in
	// brackets; a value folded from several lines has a space in it.
	if n.Kind == yamlv3.ScalarNode && n.Style == 0 && strings.ContainsAny(n.Value, " \n") && !c.onOneLine(n) {
		return fmt.Errorf("plain %q over several lines", n.Value)
	}
	if n.Style&yamlv3.DoubleQuotedStyle != 0 && !c.knownEscapes(n) {
		return errors.New("double-quoted with an escape goccy may not know")
	}
	if n.Style&(yamlv3.LiteralStyle|yamlv3.FoldedStyle) != 0 && !c.plainHeader(n) {
		return errors.New("block scalar with an indentation indicator")
	}
	if n.Style&yamlv3.FlowStyle != 0 {
		if err := c.flow(n); err != nil {
			return err
		}
	}
	if t.Kind() == reflect.Pointer {
		if isNull(n) {
			return nil
		}
		t = t.Elem()
	}
	if err := supported(t); err != nil {
		return err
	}
	if reflect.PointerTo(t).Implements(reflect.TypeFor[encoding.TextUnmarshaler]()) {
		return text(n)
	}
	switch t.Kind() {
	case reflect.Struct:
		return c.mapping(n, t)
	case reflect.Map:
		if isNull(n) {
			return nil
		}
		if n.Kind != yamlv3.MappingNode {
			return errors.New("not a mapping")
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if err := key(n.Content[i]); err != nil {
				return err
			}
			if err := c.value(n.Content[i+1], t.Elem()); err != nil {
				return err
			}
		}
		return nil
	case reflect.Slice:
		if isNull(n) {
			return nil
		}
		if n.Kind != yamlv3.SequenceNode {
			return errors.New("not a list")
		}
		for _, e := range n.Content {
			if err := c.value(e, t.Elem()); err != nil {
				return err
			}
		}
		return nil
	case reflect.String:
		return text(n)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return integer(n)
	case reflect.Bool:
		return boolean(n)
	}
	return fmt.Errorf("unsupported kind %s", t.Kind())
}

// supported turns away types the two libraries decode by rules of their
// own: their unmarshaler interfaces, time values, pointers to pointers,
// byte slices (yaml.v3's !!binary) and interfaces.
func supported(t reflect.Type) error {
	if _, ok := t.MethodByName("UnmarshalYAML"); ok {
		return fmt.Errorf("%s has UnmarshalYAML", t)
	}
	if _, ok := reflect.PointerTo(t).MethodByName("UnmarshalYAML"); ok {
		return fmt.Errorf("%s has UnmarshalYAML", t)
	}
	switch {
	case t == reflect.TypeFor[time.Time](), t == reflect.TypeFor[time.Duration]():
		return fmt.Errorf("%s is decoded specially", t)
	case t.Kind() == reflect.Pointer, t.Kind() == reflect.Interface:
		return fmt.Errorf("unsupported kind %s", t.Kind())
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8:
		return errors.New("byte slice")
	case t.Kind() == reflect.Map && t.Key().Kind() != reflect.String:
		return errors.New("map key is not a string")
	}
	return nil
}

// mapping checks a mapping decoded into struct type t: every key must name
// one of its fields.
func (c *checker) mapping(n *yamlv3.Node, t reflect.Type) error {
	if n.Kind != yamlv3.MappingNode {
		return errors.New("not a mapping")
	}
	fields, err := c.fields(t)
	if err != nil {
		return err
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if err := key(k); err != nil {
			return err
		}
		if c.nonSpecificTag(k) {
			return fmt.Errorf("key %q has the non-specific tag !", k.Value)
		}
		ft, ok := fields[k.Value]
		if !ok {
			return fmt.Errorf("unknown field %q", k.Value)
		}
		if err := c.value(n.Content[i+1], ft); err != nil {
			return err
		}
	}
	return nil
}

// fields returns struct type t's fields by the name both libraries give
// them: the yaml tag's, or else the field's name in lower case.
func (c *checker) fields(t reflect.Type) (map[string]reflect.Type, error) {
	if m, ok := c.structs[t]; ok {
		return m, nil
	}
	m := make(map[string]reflect.Type, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous {
			return nil, fmt.Errorf("%s embeds %s", t, f.Type)
		}
		if !f.IsExported() {
			continue
		}
		tag, hasTag := f.Tag.Lookup("yaml")
		if !hasTag && f.Tag.Get("json") != "" {
			return nil, fmt.Errorf("%s.%s has a json tag, which goccy reads", t, f.Name)
		}
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		for opt := range strings.SplitSeq(opts, ",") {
			if opt != "" && opt != "omitempty" && opt != "flow" {
				return nil, fmt.Errorf("%s.%s has option %q", t, f.Name, opt)
			}
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		if _, dup := m[name]; dup {
			return nil, fmt.Errorf("%s has two fields named %q", t, name)
		}
		m[name] = f.Type
	}
	c.structs[t] = m
	return m, nil
}

// key checks a mapping key: a plain string, which both libraries name
// alike (goccy would keep the quotes of a quoted key in Fields).
func key(n *yamlv3.Node) error {
	if n.Kind != yamlv3.ScalarNode || n.Style != 0 || n.Tag != "!!str" || n.Anchor != "" || n.Value == "" {
		return fmt.Errorf("key %q is not a plain string", n.Value)
	}
	return nil
}
