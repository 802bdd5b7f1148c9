package search

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"protosite/site/content"
)

func TestZZScratch(t *testing.T) {
	site, err := content.Load(os.DirFS("../../content"))
	if err != nil {
		t.Fatal(err)
	}
	docs := Documents(site)
	dir := filepath.Join(t.TempDir(), "idx")
	if err := Build(dir, docs); err != nil {
		t.Fatal(err)
	}
	s, err := Export(dir)
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int
	tot := map[string]int{}
	for _, f := range s.Files {
		k := strings.SplitN(strings.TrimPrefix(f.Path, "static/search/"), ".", 2)[0][:1]
		tot[k] += len(f.Data)
		if k == "b" {
			sizes = append(sizes, len(f.Data))
		}
		if k == "m" || f.Path == s.Files[0].Path {
			fmt.Println(f.Path, len(f.Data))
			if os.Getenv("SHOW") != "" {
				fmt.Println(string(f.Data))
			}
		}
	}
	sort.Ints(sizes)
	fmt.Println(tot, len(s.Files), sizes)
	os.MkdirAll("/tmp/scratch/out", 0o755)
	for _, f := range s.Files {
		p := filepath.Join("/tmp/scratch/out", f.Path)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, f.Data, 0o644)
	}
}
