package search

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"protosite/site/content"
	gencorpus "protosite/site/corpus"
)

// generatedDocs caches the search documents of generated corpora, by
// number of laws, for the benchmarks of one test binary run.
var generatedDocs = struct {
	sync.Mutex
	docs map[int][]Doc
}{docs: map[int][]Doc{}}

// corpusDocs returns the search documents of the real content (laws = 0)
// or of the real Protocol with laws synthetic legislation documents, each
// giving about five search documents.
func corpusDocs(tb testing.TB, laws int) []Doc {
	tb.Helper()
	if laws == 0 {
		docs, ok := realDocs(tb)
		if !ok {
			tb.Skip("the real content does not load")
		}
		return docs
	}
	generatedDocs.Lock()
	defer generatedDocs.Unlock()
	if docs, ok := generatedDocs.docs[laws]; ok {
		return docs
	}
	dir, err := os.MkdirTemp("", "protosite-corpus-")
	if err != nil {
		tb.Fatal(err)
	}
	defer os.RemoveAll(dir)
	dir = filepath.Join(dir, "content")
	if err := gencorpus.Generate("../../content", dir, laws); err != nil {
		tb.Skipf("generating %d laws: %v", laws, err)
	}
	site, err := content.Load(os.DirFS(dir))
	if err != nil {
		tb.Skipf("the generated content does not load: %v", err)
	}
	docs := Documents(site)
	generatedDocs.docs[laws] = docs
	return docs
}
