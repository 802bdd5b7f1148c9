package frontmatter

import (
	"strconv"

	yamlv3 "go.yaml.in/yaml/v3"
)

// lookup finds the node at a path such as "$.provisions[0].implements[1]"
// in a yaml.v3 tree that passed the checker. It answers only where goccy
// would give the same position: for a scalar, where both point at its
// first character, and for a path that leads nowhere. For anything else,
// a path in another syntax or a mapping or list, which goccy places by its
// first entry or its colon, it does not answer.
func lookup(root *yamlv3.Node, path string) (n *yamlv3.Node, answered bool) {
	if len(path) == 0 || path[0] != '$' {
		return nil, false
	}
	n = root
	for i := 1; i < len(path); {
		var name string
		index := -1
		switch path[i] {
		case '.':
			j := i + 1
			for j < len(path) && isNameByte(path[j]) {
				j++
			}
			if j == i+1 {
				return nil, false
			}
			name, i = path[i+1:j], j
		case '[':
			j := i + 1
			for j < len(path) && '0' <= path[j] && path[j] <= '9' {
				j++
			}
			if j == i+1 || j == len(path) || path[j] != ']' || (path[i+1] == '0' && j > i+2) {
				return nil, false
			}
			k, err := strconv.Atoi(path[i+1 : j])
			if err != nil {
				return nil, false
			}
			index, i = k, j+1
		default:
			return nil, false
		}
		if n == nil {
			continue // keep checking the syntax
		}
		n = child(n, name, index)
	}
	if n == nil {
		return nil, true
	}
	if n.Kind != yamlv3.ScalarNode {
		return nil, false
	}
	return n, true
}

// child returns n's entry under key name, or at index when it is not -1,
// or nil.
func child(n *yamlv3.Node, name string, index int) *yamlv3.Node {
	switch {
	case index >= 0 && n.Kind == yamlv3.SequenceNode:
		if index < len(n.Content) {
			return n.Content[index]
		}
	case index < 0 && n.Kind == yamlv3.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == name {
				return n.Content[i+1]
			}
		}
	}
	return nil
}

// isNameByte reports whether c may stand in a key of a path this lookup
// answers for.
func isNameByte(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
}
