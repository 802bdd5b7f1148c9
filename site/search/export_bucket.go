package search

import (
	"strconv"
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
// site's content (BenchmarkFirstQuery). There are never more buckets than
// word beginnings.
const bucketBytes = 256

// Postings and positions longer than these many characters are files of
// their own, loaded only for the terms a query has: a bucket holds the
// words of many terms, and positions serve only phrases.
const (
	ownPostings  = 96
	ownPositions = 128
)

// bucketOf returns the bucket of a word or term among n: FNV-1a over the
// UTF-16 code units of its first characters, which JavaScript computes the
// same way.
func bucketOf(word string, n int) int {
	h := uint32(2166136261)
	i := 0
	for _, r := range word {
		if i == prefixRunes {
			break
		}
		i++
		if r >= 0x10000 {
			r1, r2 := utf16.EncodeRune(r)
			h = (h ^ uint32(r1)) * 16777619
			h = (h ^ uint32(r2)) * 16777619
			continue
		}
		h = (h ^ uint32(r)) * 16777619
	}
	return int(h % uint32(n))
}

// prefix returns a word's first prefixRunes characters.
func prefix(word string) string {
	i := 0
	for at := range word {
		if i == prefixRunes {
			return word[:at]
		}
		i++
	}
	return word
}

// bucketEntry is a term's entry in a bucket: its postings and positions,
// inline or as the number of a file of their own, its document frequency
// over both fields, and the codes of the surface words in the bucket
// analysed into it (surfaceCode); or only those codes after a 0 when the
// term is in another bucket.
type bucketEntry struct {
	postings, positions string
	df                  int
	elsewhere           bool
	codes               []string
}

// bucketFiles sorts terms, surface words and dropped words into buckets by
// their first characters and writes them, "b<k>", with the postings and
// positions of their own, "b<k>-<i>", sharing one hash, so that the
// manifest, which every query loads, need not list a name per file. It
// returns the files, their hash and the number of buckets.
func (c *corpus) bucketFiles(stop []string) ([]output.File, string, int) {
	terms := sortedKeys(c.terms)
	total := 0
	prefixes := map[string]bool{}
	enc := make(map[string]*bucketEntry, len(terms))
	for _, t := range terms {
		p := c.terms[t]
		e := &bucketEntry{postings: p.postingsOf(), positions: p.positionsOf(), df: p.df[0] + p.df[1]}
		enc[t] = e
		total += min(len(e.postings), ownPostings) + min(len(e.positions), ownPositions) + len(t) + 12
		prefixes[prefix(t)] = true
	}
	words := sortedKeys(c.surfaces)
	for _, w := range words {
		total += len(w) + 4
		prefixes[prefix(w)] = true
	}
	for _, w := range stop {
		prefixes[prefix(w)] = true
	}
	n := max(1, min((total+bucketBytes-1)/bucketBytes, len(prefixes)))
	out := make([]map[string]*bucketEntry, n)
	for i := range out {
		out[i] = map[string]*bucketEntry{}
	}
	for _, t := range terms {
		out[bucketOf(t, n)][t] = enc[t]
	}
	for _, w := range words {
		b := out[bucketOf(w, n)]
		for _, t := range sortedKeys(c.surfaces[w]) {
			e, ok := b[t]
			if !ok {
				e = &bucketEntry{elsewhere: true}
				b[t] = e
			}
			e.codes = append(e.codes, surfaceCode(w, t))
		}
	}
	stops := make([][]string, n)
	for _, w := range stop {
		k := bucketOf(w, n)
		stops[k] = append(stops[k], w)
	}
	var g group
	for k, b := range out {
		name := c.named("b" + strconv.Itoa(k))
		own := 0
		var w jsonWriter
		w.raw(`{"t":{`)
		for i, t := range sortedKeys(b) {
			e := b[t]
			if i > 0 {
				w.raw(",")
			}
			w.str(t)
			w.raw(":[")
			if e.elsewhere {
				w.raw("0")
			} else {
				for i, s := range []string{e.postings, e.positions} {
					limit := ownPostings
					if i == 1 {
						limit = ownPositions
					}
					if len(s) > limit {
						own++
						var f jsonWriter
						f.str(s)
						g.addScript(name+"-"+strconv.Itoa(own), wrap(name+"-"+strconv.Itoa(own), f))
						w.int(own)
					} else {
						w.str(s)
					}
					w.raw(",")
				}
				w.int(e.df)
			}
			for _, code := range e.codes {
				w.raw(",")
				w.str(code)
			}
			w.raw("]")
		}
		w.raw(`},"s":`)
		w.str(strings.Join(stops[k], " "))
		w.raw("}")
		g.addScript(name, wrap(name, w))
	}
	files, h := g.files()
	return files, h, n
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
