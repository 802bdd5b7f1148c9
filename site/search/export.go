package search

import (
	"fmt"
	"slices"
	"strings"

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

// Export reads the bleve index in indexDir through bleve's index reader and
// writes it out for the browser, so that static/search.js answers queries
// with the server's hits and scores:
//
//   - the manifest, the page's one script: the document count, the average
//     field lengths bleve's BM25 uses, every document's field lengths and
//     keyword values (for scoring, filters and facet counts), and the
//     hashes that name the other files;
//   - buckets "b<k>", chosen by the first characters of a word or term:
//     terms with their postings in the title and the text (documents,
//     frequencies, positions), the surface words of the corpus bleve
//     analysed into each term, and the words bleve drops;
//   - a file per document "d<n>" with its URL, title, kind and text, the
//     text cut into pieces "d<n>-<k>" when long, with where its tokens are,
//     loaded only for the hits shown.
//
// The browser looks query words up among the surface words, so it never
// analyses text itself. Documents are numbered by external id, so the same
// index content gives the same files.
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
	bs := c.buckets(stop)
	buckets, bucketHash, err := bucketFiles(bs)
	if err != nil {
		return nil, err
	}
	docs, docHash, err := c.docFiles()
	if err != nil {
		return nil, err
	}
	data, err := script("m", c.manifest(len(bs), bucketHash, docHash))
	if err != nil {
		return nil, err
	}
	path := fmt.Sprintf("%s/m.%s.js", ExportDir, hash(data))
	s := &Static{Files: slices.Concat(buckets, docs, []output.File{{Path: path, Data: data}}), Scripts: []string{"/" + path}}
	slices.SortFunc(s.Files, func(a, b output.File) int { return strings.Compare(a.Path, b.Path) })
	return s, nil
}

// manifestFile is the manifest.
type manifestFile struct {
	Docs    int                     `json:"n"`  // document count
	Boost   float64                 `json:"tb"` // TitleBoost, as the server expands queries
	Avg     map[string]float64      `json:"a"`  // field → average length for BM25
	Buckets int                     `json:"k"`  // number of buckets
	BHash   string                  `json:"b"`  // hash of the buckets' files
	DocHash string                  `json:"d"`  // hash of the documents' files
	Lengths string                  `json:"l"`  // per document the title's and the text's length
	Values  map[string]keywordField `json:"f"`  // keyword field → its values
}

// keywordField lists a keyword field's values and which documents have
// each.
type keywordField struct {
	Values []string `json:"v"` // sorted
	Runs   string   `json:"r"` // per value, its documents (encodeRuns)
}

// manifest describes the corpus and names the other files.
func (c *corpus) manifest(buckets int, bucketHash, docHash string) manifestFile {
	m := manifestFile{Docs: len(c.docs), Boost: TitleBoost, Avg: c.avg, Buckets: buckets, BHash: bucketHash, DocHash: docHash, Values: map[string]keywordField{}}
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
