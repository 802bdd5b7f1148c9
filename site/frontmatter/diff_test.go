package frontmatter

import (
	"encoding/json"
	"fmt"
	"maps"
	"reflect"

	yamlv3 "go.yaml.in/yaml/v3"
)

// diffDecode decodes file's front matter with yaml.v3 into fast and with
// goccy into slow, which must be zero values of the same type. It reports
// whether the fast path took the file, and, when it did, anything in which
// the result differs from goccy's: goccy failing, another value, another
// key position, or another position from At for any path into the front
// matter or just beside it.
func diffDecode(file *File, fast, slow any) (took bool, err error) {
	ff, ferr := file.decodeFast(fast)
	if ferr != nil {
		return false, nil
	}
	sf, derr := file.decodeGoccy(slow)
	if derr != nil {
		return true, fmt.Errorf("yaml.v3 decoded what goccy rejects with %v", derr)
	}
	if !reflect.DeepEqual(fast, slow) {
		return true, fmt.Errorf("yaml.v3 decoded\n%s\ngoccy\n%s", dump(fast), dump(slow))
	}
	if !maps.Equal(ff.keys, sf.keys) || ff.top != sf.top {
		return true, fmt.Errorf("yaml.v3's key positions\n%v\ngoccy's\n%v", ff.keys, sf.keys)
	}
	for _, p := range append(paths(ff.tree.node, "$"), "$[*]", "$..id", "$.*") {
		if a, b := ff.At(p), sf.At(p); a != b {
			return true, fmt.Errorf("At(%q) is %v after yaml.v3, %v after goccy", p, a, b)
		}
	}
	return true, nil
}

// dump shows a decoded value in full, pointers followed.
func dump(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%#v", v)
	}
	return string(b)
}

// paths lists the YAML paths of n and of everything in it, each with a
// few that lead nowhere beside it.
func paths(n *yamlv3.Node, at string) []string {
	out := []string{at, at + ".nowhere", at + "[0]", at + "[999]"}
	switch n.Kind {
	case yamlv3.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			out = append(out, paths(n.Content[i+1], at+"."+n.Content[i].Value)...)
		}
	case yamlv3.SequenceNode:
		for i, c := range n.Content {
			out = append(out, paths(c, fmt.Sprintf("%s[%d]", at, i))...)
		}
	}
	return out
}
