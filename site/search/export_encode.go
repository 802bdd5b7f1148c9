package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"protosite/site/output"
)

// The browser decodes what the export encodes: the engine's files in
// static/engine/ must change with export*.go.

// vlqDigits are the digits of vlq: base64's, of which each carries five
// bits of a number and says, with its sixth, whether more follow.
const vlqDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

// vlq is a sequence of unsigned numbers in base64 digits of five bits
// each, least significant first, as source maps write them: a number
// below 32 takes one character, below 1,024 two, and the string needs no
// escaping in JSON.
type vlq []byte

func (v *vlq) put(n int) {
	if n < 0 {
		panic("vlq: negative number")
	}
	for n >= 32 {
		*v = append(*v, vlqDigits[32|n&31])
		n >>= 5
	}
	*v = append(*v, vlqDigits[n])
}

func (v vlq) String() string { return string(v) }

// script writes data as a script that registers it under name. The JSON
// is written by hand in the hot paths (jsonWriter) and by encoding/json
// elsewhere.
func script(name string, data any) ([]byte, error) {
	j, err := json.Marshal(data)
	if err != nil {
		return nil, fmt.Errorf("encoding %s: %w", name, err)
	}
	return wrap(name, j), nil
}

// wrap wraps JSON as a script that registers it under name.
func wrap(name string, j []byte) []byte {
	const head, tail = "window.protositeSearch.add(", ");\n"
	out := make([]byte, 0, len(head)+len(name)+3+len(j)+len(tail))
	out = append(out, head...)
	out = strconv.AppendQuote(out, name)
	out = append(out, ',')
	out = append(out, j...)
	return append(out, tail...)
}

// jsonWriter appends JSON without reflection.
type jsonWriter []byte

// str appends a JSON string: encoding/json's escaping of a string, so
// that hand-written and marshalled files agree.
func (w *jsonWriter) str(s string) {
	simple := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c >= 0x80 {
			simple = false
			break
		}
	}
	if simple {
		*w = append(*w, '"')
		*w = append(*w, s...)
		*w = append(*w, '"')
		return
	}
	j, _ := json.Marshal(s)
	*w = append(*w, j...)
}

func (w *jsonWriter) raw(s string) { *w = append(*w, s...) }

func (w *jsonWriter) int(n int) { *w = strconv.AppendInt(*w, int64(n), 10) }

// sortedKeys returns a map's keys in order, never nil: the export writes
// an empty list as [], which the browser's engine iterates.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// hash names a file by its contents.
func hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:4])
}

// group is a set of files named by one hash, of all of them: a change to
// any renames them all, and whoever loads them needs to know one hash.
type group struct {
	names []string
	data  [][]byte
}

// add adds a script registering v under name.
func (g *group) add(name string, v any) error {
	data, err := script(name, v)
	if err != nil {
		return err
	}
	g.addScript(name, data)
	return nil
}

// addScript adds a script made by wrap.
func (g *group) addScript(name string, data []byte) {
	g.names = append(g.names, name)
	g.data = append(g.data, data)
}

// files returns the group's files and their hash.
func (g *group) files() ([]output.File, string) {
	sum := sha256.New()
	for _, d := range g.data {
		sum.Write(d)
	}
	h := hex.EncodeToString(sum.Sum(nil)[:4])
	files := make([]output.File, len(g.data))
	for i, d := range g.data {
		files[i] = output.File{Path: ExportDir + "/" + g.names[i] + "." + h + ".js", Data: d}
	}
	return files, h
}
