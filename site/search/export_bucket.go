package search

import (
	"fmt"
	"strings"
	"unicode/utf16"

	"protosite/site/output"
)

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

// bucket is one bucket's file: its terms, each with its postings (or 0
// when they are in another bucket) followed by the codes of the surface
// words in this bucket analysed into it (surfaceCode), and the dropped
// words, space-separated.
type bucket struct {
	Terms map[string][]any `json:"t"`
	Stop  string           `json:"s"`
}

// buckets sorts terms, surface words and dropped words into buckets by
// their first characters.
func (c *corpus) buckets(stop []string) []bucket {
	enc := map[string]string{}
	total := 0
	for _, term := range c.terms() {
		enc[term] = encodePostings([]*posting{c.postings[FieldTitle][term], c.postings[FieldText][term]})
		total += len(enc[term]) + len(term) + 8
	}
	for w := range c.surfaces {
		total += len(w) + 4
	}
	n := max(1, (total+bucketBytes-1)/bucketBytes)
	out := make([]bucket, n)
	for i := range out {
		out[i].Terms = map[string][]any{}
	}
	for term, p := range enc {
		out[bucketOf(term, n)].Terms[term] = []any{p}
	}
	for _, w := range sortedKeys(c.surfaces) {
		b := out[bucketOf(w, n)]
		for _, term := range sortedKeys(c.surfaces[w]) {
			e, ok := b.Terms[term]
			if !ok {
				e = []any{0}
			}
			b.Terms[term] = append(e, surfaceCode(w, term))
		}
	}
	stops := make([][]string, n)
	for _, w := range stop {
		stops[bucketOf(w, n)] = append(stops[bucketOf(w, n)], w)
	}
	for i := range out {
		for _, w := range stops[i] {
			if out[i].Stop != "" {
				out[i].Stop += " "
			}
			out[i].Stop += w
		}
	}
	return out
}

// terms lists the terms of the text fields.
func (c *corpus) terms() []string {
	seen := map[string]bool{}
	for _, f := range textFields {
		for t := range c.postings[f] {
			seen[t] = true
		}
	}
	return sortedKeys(seen)
}

// bucketFiles writes the buckets, "b<k>", sharing one hash, of all of
// them, so that the manifest, which every query loads, need not list a name
// per bucket.
func bucketFiles(buckets []bucket) ([]output.File, string, error) {
	var g group
	for i, b := range buckets {
		if err := g.add(fmt.Sprintf("b%d", i), b); err != nil {
			return nil, "", err
		}
	}
	files, h := g.files()
	return files, h, nil
}

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

// surfaceCode writes a surface word relative to its term: the rest of the
// word when the term is a prefix of it, as stemmed words mostly are, else
// "=" and the whole word ("=" is never part of a word).
func surfaceCode(word, term string) string {
	if rest, ok := strings.CutPrefix(word, term); ok {
		return rest
	}
	return "=" + word
}
