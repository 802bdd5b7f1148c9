package search

import (
	"fmt"
	"path/filepath"
	"testing"
)

func TestScratchDF(t *testing.T) {
	docs := scratchDocs(t, 10000)
	dir := filepath.Join("/tmp/idx10k")
	if err := Build(dir, docs); err != nil {
		t.Log(err)
	}
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, c := range readRelevance(t) {
		r, err := ix.Search(Request{Query: c.query})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Printf("%-50q total=%d took=%v\n", c.query, r.Total, r.Took)
	}
}
