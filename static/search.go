package static

import (
	"bytes"
	"fmt"
	"io/fs"
)

// searchParts lists the files of engine/ in the order SearchEngine joins
// them. intro.js opens the function they all share and outro.js closes
// it, so they come first and last. Nothing between is called before the
// whole script has run, so their order is one of reading: from loading
// the export to answering a request.
func searchParts() []string {
	return []string{
		"intro.js",     // the engine's constants and protositeSearch
		"load.js",      // data files registered and loaded by <script>
		"decode.js",    // VLQ, UTF-8 and the tokens of a document's piece
		"files.js",     // one language's manifest, buckets and postings
		"words.js",     // the words of a text and of a query
		"parse.js",     // bleve's query string grammar
		"searchers.js", // the tree of searchers a query makes
		"score.js",     // BM25 scores, phrases and where a searcher matched
		"prepare.js",   // what a query loads, and its matches collected
		"facets.js",    // facet counts, per language and merged
		"snippet.js",   // hits and their snippets
		"index.js",     // each language's index, made of the parts above
		"request.js",   // protositeSearch.search and warm
		"outro.js",     // the end of the shared function
	}
}

// SearchEngine returns the browser's search engine, the one script that
// pages load as search.js, joined from the files of engine/.
func SearchEngine() ([]byte, error) {
	var buf bytes.Buffer
	for _, name := range searchParts() {
		data, err := fs.ReadFile(FS, "engine/"+name)
		if err != nil {
			return nil, fmt.Errorf("reading part %s of the search engine: %w", name, err)
		}
		buf.Write(data)
		if !bytes.HasSuffix(data, []byte("\n")) {
			// A part that ends in a comment must not swallow the next
			// part's first line.
			buf.WriteByte('\n')
		}
	}
	return buf.Bytes(), nil
}
