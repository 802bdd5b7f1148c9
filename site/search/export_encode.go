package search

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"protosite/site/output"
)

// The browser decodes what the export encodes: static/search.js must change
// with export*.go.

// varints is a sequence of unsigned LEB128 varints, sent as unpadded
// base64: small numbers take one byte, and the string needs no escaping.
type varints []byte

func (v *varints) put(n int) { *v = binary.AppendUvarint(*v, uint64(n)) }

func (v varints) String() string { return base64.RawStdEncoding.EncodeToString(v) }

// encodeRuns writes a sorted list of document numbers as runs of
// consecutive numbers: the count of runs, then per run the gap from the
// previous run's end and its length. Documents are numbered by URL, so
// values such as a kind or an article come in long runs.
func encodeRuns(v *varints, docs []int) {
	type run struct{ start, n int }
	var runs []run
	for _, d := range docs {
		if k := len(runs) - 1; k >= 0 && runs[k].start+runs[k].n == d {
			runs[k].n++
			continue
		}
		runs = append(runs, run{d, 1})
	}
	v.put(len(runs))
	end := 0
	for _, r := range runs {
		v.put(r.start - end)
		v.put(r.n)
		end = r.start + r.n
	}
}

// script wraps data as a script that registers it under name.
func script(name string, data any) ([]byte, error) {
	j, err := json.Marshal(data)
	if err != nil {
		return nil, fmt.Errorf("encoding %s: %w", name, err)
	}
	var b strings.Builder
	b.WriteString("window.protositeSearch.add(")
	n, _ := json.Marshal(name)
	b.Write(n)
	b.WriteByte(',')
	b.Write(j)
	b.WriteString(");\n")
	return []byte(b.String()), nil
}

// sortedKeys returns a map's keys in order.
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
	g.names = append(g.names, name)
	g.data = append(g.data, data)
	return nil
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
		files[i] = output.File{Path: fmt.Sprintf("%s/%s.%s.js", ExportDir, g.names[i], h), Data: d}
	}
	return files, h
}
