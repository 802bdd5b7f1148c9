package search

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"

	"github.com/blevesearch/bleve/v2"

	"protosite/site/output"
)

// ExportDir is where the exported index's files go in the output.
const ExportDir = "static/search"

// Static is the search index exported for the browser: script files that
// static/search.js loads on demand, so that search works on any static host
// and from file://, with the server's results.
type Static struct {
	Files   []output.File // the files, under ExportDir, named by a hash of their contents
	Scripts []string      // site-absolute URLs of the scripts a search page includes, in order
}

// Export reads the bleve index in indexDir and writes it out for the
// browser:
//
//   - a manifest (the page's script), with the document count, the
//     average field lengths BM25 uses, every document's field lengths and
//     keyword values (for scoring and facet counts), and the file names;
//   - buckets of terms, chosen by the first two characters of a term or a
//     word: a term's postings with positions in the title and the text, the
//     surface words of the corpus that bleve analysed into it, and the
//     words bleve drops;
//   - one file per document with its URL, title, kind, text and where the
//     text's tokens are, loaded only for the hits shown.
//
// The browser looks query words up among the surface words, so it never
// analyses text itself. The same index gives the same files.
func Export(indexDir string) (*Static, error) {
	idx, err := bleve.OpenUsing(indexDir, map[string]any{"read_only": true})
	if err != nil {
		return nil, fmt.Errorf("opening search index %s: %w", indexDir, err)
	}
	defer idx.Close()
	c, err := readCorpus(idx)
	if err != nil {
		return nil, fmt.Errorf("exporting search index %s: %w", indexDir, err)
	}
	stop, err := c.stopWords(idx.Mapping())
	if err != nil {
		return nil, fmt.Errorf("exporting search index %s: %w", indexDir, err)
	}
	s, err := c.export(stop)
	if err != nil {
		return nil, fmt.Errorf("exporting search index %s: %w", indexDir, err)
	}
	return s, nil
}

// export encodes the corpus into files.
func (c *corpus) export(stop []string) (*Static, error) {
	s := &Static{}
	buckets := c.buckets(stop)
	bucketData := make([][]byte, len(buckets))
	all := sha256.New()
	for i, b := range buckets {
		data, err := script(fmt.Sprintf("b%d", i), b)
		if err != nil {
			return nil, err
		}
		bucketData[i] = data
		all.Write(data)
	}
	// Buckets share one hash, of all of them, so that the manifest, which
	// every query loads, need not list a name per bucket.
	bucketHash := hex.EncodeToString(all.Sum(nil)[:4])
	for i, data := range bucketData {
		s.Files = append(s.Files, output.File{Path: fmt.Sprintf("%s/b%d.%s.js", ExportDir, i, bucketHash), Data: data})
	}

	docFiles, docHash, err := c.docFiles()
	if err != nil {
		return nil, err
	}
	s.Files = append(s.Files, docFiles...)

	data, err := script("m", c.manifest(len(buckets), bucketHash, docHash))
	if err != nil {
		return nil, err
	}
	path := fmt.Sprintf("%s/m.%s.js", ExportDir, hash(data))
	s.Files = append(s.Files, output.File{Path: path, Data: data})
	s.Scripts = []string{"/" + path}
	slices.SortFunc(s.Files, func(a, b output.File) int {
		switch {
		case a.Path < b.Path:
			return -1
		case a.Path > b.Path:
			return 1
		}
		return 0
	})
	return s, nil
}

// manifestFile is the manifest.
type manifestFile struct {
	Docs    int                     `json:"n"` // document count
	Avg     map[string]float64      `json:"a"` // field → average length for BM25
	Buckets int                     `json:"k"` // number of buckets
	BHash   string                  `json:"b"` // hash of the buckets' files
	DocHash string                  `json:"d"` // hash of the documents' files
	Lengths string                  `json:"l"` // per document the title's and the text's length
	Values  map[string]keywordField `json:"f"` // keyword field → its values
}

// keywordField lists a keyword field's values and which documents have
// each.
type keywordField struct {
	Values []string `json:"v"` // sorted
	Runs   string   `json:"r"` // per value, its documents (encodeRuns)
}

func (c *corpus) manifest(buckets int, bucketHash, docHash string) manifestFile {
	m := manifestFile{Docs: len(c.docs), Avg: c.avg, Buckets: buckets, BHash: bucketHash, DocHash: docHash, Values: map[string]keywordField{}}
	var l varints
	for _, d := range c.docs {
		l.put(d.length[FieldTitle])
		l.put(d.length[FieldText])
	}
	m.Lengths = l.String()
	for _, f := range keywordFields {
		kf := keywordField{Values: sortedKeys(c.keywords[f])}
		var v varints
		for _, val := range kf.Values {
			encodeRuns(&v, c.keywords[f][val])
		}
		kf.Runs = v.String()
		m.Values[f] = kf
	}
	return m
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

// hash names a file by its contents.
func hash(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:4])
}
