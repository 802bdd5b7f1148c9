package search

import (
	"path/filepath"
	"testing"
)

// TestIndexInChunksAnswersAsInOne writes the same documents as one segment
// and in chunks of a few documents, merged: every request gets the same
// answer, scores included, and the export's averages hold for both.
func TestIndexInChunksAnswersAsInOne(t *testing.T) {
	docs, ok := realDocs(t)
	reqs := realRequests()
	if !ok {
		docs, reqs = syntheticDocs(), syntheticRequests()
	}
	var english []Doc
	for _, d := range docs {
		if d.Lang == "en" {
			english = append(english, d)
		}
	}
	english, err := sortedDocs(english)
	if err != nil {
		t.Fatal(err)
	}
	open := func(chunk int) *Index {
		dir := filepath.Join(t.TempDir(), "index")
		if err := createIndexDir(dir, layout{Default: "en", Languages: []string{"en"}}); err != nil {
			t.Fatal(err)
		}
		b, wait, err := indexLang(langDir(dir, "en"), "en", english, chunk)
		if err != nil {
			t.Fatal(err)
		}
		if err := wait(); err != nil {
			t.Fatalf("writing in chunks of %d: %v", chunk, err)
		}
		c, err := newCorpus(b)
		if err != nil {
			t.Fatal(err)
		}
		if err := c.averages().check(langDir(dir, "en")); err != nil {
			t.Errorf("chunks of %d: %v", chunk, err)
		}
		ix, err := Open(dir)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { ix.Close() })
		return ix
	}
	whole, chunked := open(len(english)+1), open(7)
	sameAnswers(t, reqs, chunked.Search, whole.Search)
}
