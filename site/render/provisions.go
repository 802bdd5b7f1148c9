package render

import (
	"bytes"
	"encoding/json"
	"strings"

	"protosite/site/resolve"
)

// provisionsScript lists every provision's address for the go-to box, as a
// script that sets window.protositeProvisions: a map from AKN id to the
// path from the site root, such as "articles/6/#art_6__para_1".
func provisionsScript(g *resolve.Graph) ([]byte, error) {
	list := map[string]string{}
	for _, id := range g.IDs() {
		list[id.String()] = strings.TrimPrefix(g.URL(id), "/")
	}
	data, err := json.Marshal(list) // sorted by key, escaped for a script
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	b.WriteString("window.protositeProvisions=")
	b.Write(data)
	b.WriteString(";\n")
	return b.Bytes(), nil
}
