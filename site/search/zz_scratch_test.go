package search

import (
	"fmt"
	"strings"
	"testing"
)

func TestZZScratch(t *testing.T) {
	docs, _ := realDocs(t)
	e := buildAndExport(t, docs)
	files := map[string]int{}
	for _, f := range e.static.Files { files[strings.TrimPrefix(f.Path, ExportDir+"/")] = len(f.Data) }
	for _, q := range []string{"fraudulent travel document", "return of smuggled migrants", "training", "vessel without nationality", "kind:legislation smuggling", "smuggling", "protection of the rights of migrants"} {
		res := runEngine(t, e, []engineRequest{{Q: q}})[0]
		b, d := 0, 0
		for _, n := range res.Loaded { if n[0] == 'b' { b += files[n] } else { d += files[n] } }
		fmt.Println(q, "buckets", b, "docs", d, len(res.Loaded))
	}
	fmt.Println("manifest", files[strings.TrimPrefix(e.static.Scripts[0], "/"+ExportDir+"/")])
}
