package search

import (
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode/utf16"
)

// The browser decodes what this file encodes: static/search.js must change
// with it.

// prefixRunes is how many characters of a word pick its bucket, so that
// every word starting with the same three characters is in one bucket and
// prefix search on a word being typed needs one file. Three rather than two
// spread the buckets evenly: English has many words in "co", "pr" and "re".
const prefixRunes = 3

// bucketBytes is about how large a bucket of terms grows. A query loads a
// bucket per word, so small buckets keep downloads small; the manifest does
// not grow with their number, but every file costs a request and a few
// bytes of wrapping. 256 gave the smallest first-query downloads on the
// site's content (BenchmarkFirstQuery).
const bucketBytes = 256

// bucketOf returns the bucket of a word or term among n: FNV-1a over the
// UTF-16 code units of its first characters, which JavaScript computes the
// same way.
func bucketOf(word string, n int) int {
	r := []rune(word)
	if len(r) > prefixRunes {
		r = r[:prefixRunes]
	}
	h := uint32(2166136261)
	for _, u := range utf16.Encode(r) {
		h ^= uint32(u)
		h *= 16777619
	}
	return int(h % uint32(n))
}

// varints is a sequence of unsigned LEB128 varints, sent as unpadded
// base64: small numbers take one byte, and the string needs no escaping.
type varints []byte

func (v *varints) put(n int) { *v = binary.AppendUvarint(*v, uint64(n)) }

func (v varints) String() string { return base64.RawStdEncoding.EncodeToString(v) }

// encodePostings writes a term's postings in the title and then the text:
// per field the number of documents, then per document the gap from the
// previous document number, the frequency and the positions, each a gap
// from the previous one.
func encodePostings(ps []*posting) string {
	var v varints
	for _, p := range ps {
		if p == nil {
			v.put(0)
			continue
		}
		v.put(len(p.docs))
		prev := 0
		for i, d := range p.docs {
			v.put(d - prev)
			prev = d
			v.put(p.freqs[i])
			at := 0
			for _, pos := range p.positions[i] {
				v.put(pos - at)
				at = pos
			}
		}
	}
	return v.String()
}

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

// surfaceCode writes a surface word relative to its term: the rest of the
// word when the term is a prefix of it, as stemmed words mostly are, else
// "=" and the whole word ("=" is never part of a word).
func surfaceCode(word, term string) string {
	if rest, ok := strings.CutPrefix(word, term); ok {
		return rest
	}
	return "=" + word
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
