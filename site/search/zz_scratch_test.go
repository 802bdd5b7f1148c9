package search

import (
	"fmt"
	"regexp"
	"testing"
)

func TestZZScratch(t *testing.T) {
	docs, _ := realDocs(t)
	e := buildAndExport(t, docs)
	re := regexp.MustCompile(`"o":"([^"]*)"`)
	rx := regexp.MustCompile(`"x":"((?:[^"\\]|\\.)*)"`)
	var o, x, tot int
	for _, f := range e.static.Files {
		if f.Path[14] != 'd' {
			continue
		}
		tot += len(f.Data)
		if m := re.FindSubmatch(f.Data); m != nil {
			o += len(m[1])
		}
		if m := rx.FindSubmatch(f.Data); m != nil {
			x += len(m[1])
		}
	}
	fmt.Println(tot, o, x)
}
