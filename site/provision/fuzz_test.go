package provision

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/tools/txtar"

	"protosite/site/akn"
)

// FuzzParse parses random Markdown as an article, or as the preamble, and
// checks the invariants the site relies on: no panic, every provision named,
// every repeated identifier reported, and rendering succeeds.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			f.Fatal(err)
		}
		if in := section(ar, "input.md"); in != nil {
			f.Add(string(in.Data), strings.Contains(file, "preamble"))
		}
	}
	f.Add("1. a\n(a) b\n(i) c\n(i) c\n(h) d\n(i) e\n3. f\n", false)
	f.Add("x\n\n(ii) y\n> (a) z\n\n- 1. w\n", true)
	md := newMarkdown()
	f.Fuzz(func(t *testing.T, src string, preamble bool) {
		root := akn.Article(6)
		if preamble {
			root = akn.Preamble()
		}
		p := parse(md, root, []byte(src))
		out := render(t, md, []byte(src), p.doc)

		problems := Problems(p.pc)
		for _, pr := range problems {
			if pr.Offset < 0 || pr.Offset > len(src) {
				t.Errorf("problem %q at offset %d, outside the source", pr.Msg, pr.Offset)
			}
		}
		seen := map[string]int{}
		n := 0
		_ = Walk(p.doc, func(pv *Provision) error {
			n++
			if pv.ID.IsZero() {
				t.Errorf("provision %q at %d has no id", pv.Marker, pv.Pos())
			}
			if k := pv.Parent().Kind(); k != ast.KindDocument && k != KindProvision {
				t.Errorf("provision %s inside a %v", pv.ID, k)
			}
			seen[pv.ID.String()]++
			return nil
		})
		for id, count := range seen {
			if count > 1 && !reported(problems, "duplicate identifier "+id) {
				t.Errorf("%s used %d times but not reported", id, count)
			}
		}
		if got := strings.Count(out, `<div class="provision"`); got != n {
			t.Errorf("%d provisions rendered as %d divs", n, got)
		}
	})
}

func reported(problems []Problem, s string) bool {
	for _, p := range problems {
		if strings.Contains(p.Msg, s+")") {
			return true
		}
	}
	return false
}

func BenchmarkParseRender(b *testing.B) {
	src := article6(b)
	md := newMarkdown()
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		p := parse(md, akn.Article(6), src)
		render(b, md, src, p.doc)
	}
}
