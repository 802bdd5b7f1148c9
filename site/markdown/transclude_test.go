package markdown

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"

	"protosite/site/akn"
	"protosite/site/provision"
)

// parse parses src as prose, outside the treaty, and returns the tree and
// the directive problems found.
func parse(t *testing.T, src string) (ast.Node, []Problem) {
	t.Helper()
	pc := NewContext(0, akn.ID{}, "en")
	doc := New().Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(pc))
	return doc, Problems(pc)
}

func transclusions(doc ast.Node) []*Transclusion {
	var out []*Transclusion
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := n.(*Transclusion); ok && entering {
			out = append(out, t)
		}
		return ast.WalkContinue, nil
	})
	return out
}

func TestDirectiveParses(t *testing.T) {
	src := "Read this first.\n::provision art. 6(3)\n\n::provision   article 1, paragraph 2   \n"
	doc, problems := parse(t, src)
	if len(problems) > 0 {
		t.Fatalf("problems: %v", problems)
	}
	ts := transclusions(doc)
	if len(ts) != 2 {
		t.Fatalf("found %d directives, want 2", len(ts))
	}
	for i, want := range []struct{ ref, text string }{{"art_6__para_3", "art. 6(3)"}, {"art_1__para_2", "article 1, paragraph 2"}} {
		tr := ts[i]
		if tr.Ref.String() != want.ref {
			t.Errorf("directive %d cites %s, want %s", i, tr.Ref, want.ref)
		}
		if tr.Parent() != doc {
			t.Errorf("directive %d is inside %s, want the document: a directive line interrupts a paragraph", i, tr.Parent().Kind())
		}
		c, ok := tr.FirstChild().(*Citation)
		if !ok {
			t.Fatalf("directive %d has no Citation child, so resolving would not check it", i)
		}
		if got := c.CitingText([]byte(src)); got != want.text {
			t.Errorf("directive %d: citing text %q, want %q", i, got, want.text)
		}
		if got := src[c.Offset:]; !strings.HasPrefix(got, want.text) {
			t.Errorf("directive %d: offset %d points at %q, want the citation", i, c.Offset, got)
		}
	}
	// The paragraph before the first directive keeps only its own line.
	if p, ok := doc.FirstChild().(*ast.Paragraph); !ok || p.Lines().Len() != 1 {
		t.Errorf("the paragraph before the directive is %v, want one line", doc.FirstChild().Kind())
	}
}

func TestDirectiveProblems(t *testing.T) {
	for _, tt := range []struct{ src, want string }{
		{"::provision\n", "needs the citation of a provision"},
		{"::provision the offences\n", `"the offences": write the citation of one provision`},
		{"::provision art. 6(3) and art. 6(4)\n", "write the citation of one provision and nothing else"},
		{"::provision art. 6(3), aggravating\n", "and nothing else"},
	} {
		doc, problems := parse(t, tt.src)
		if len(problems) != 1 || !strings.Contains(problems[0].Msg, tt.want) {
			t.Errorf("%q: problems %v, want one containing %q", tt.src, problems, tt.want)
			continue
		}
		if off := problems[0].Offset; off < len("::provision") || off > len(tt.src) {
			t.Errorf("%q: problem at offset %d, want the citation's", tt.src, off)
		}
		ts := transclusions(doc)
		if len(ts) != 1 || ts[0].HasChildren() {
			t.Errorf("%q: want one directive without a Citation", tt.src)
		}
	}
}

func TestNotADirective(t *testing.T) {
	for _, src := range []string{
		"::provisions art. 6\n",    // another word
		"    ::provision art. 6\n", // indented code
		"`::provision art. 6`\n",   // code span
		"A :: provision art. 6\n",  // not at the start of the line
	} {
		doc, problems := parse(t, src)
		if ts := transclusions(doc); len(ts) != 0 || len(problems) != 0 {
			t.Errorf("%q: parsed %d directives and %d problems, want none", src, len(ts), len(problems))
		}
	}
	// A definition list still works beside the extension.
	doc, _ := parse(t, "Term\n: Definition\n")
	if doc.FirstChild() == nil || doc.FirstChild().Kind().String() != "DefinitionList" {
		t.Errorf("a term and its definition parse as %v, want a DefinitionList", doc.FirstChild().Kind())
	}
}

// TestRenderCopy renders a provision as a module would show it: without
// the original's ids and ¶ links, with its links leading from the copy's
// page to where they led.
func TestRenderCopy(t *testing.T) {
	src := []byte("1. Paragraph 2 of this article applies.\n\n2. It does:\n\n(a) [here](/articles/2/); and\n\n(b) there.\n")
	pc := NewContext(1, akn.Article(1), "en")
	doc := New(WithProvisions()).Parser().Parse(text.NewReader(src), parser.WithContext(pc))
	var para2 *provision.Provision
	_ = provision.Walk(doc, func(p *provision.Provision) error {
		if p.ID.String() == "art_1__para_2" {
			para2 = p
		}
		return nil
	})
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if c, ok := n.(*Citation); ok && entering {
			c.Href = "#" + c.Ref.String() // as resolving sets it, relative to /articles/1/
		}
		return ast.WalkContinue, nil
	})
	var whole, one bytes.Buffer
	o := CopyOptions{Origin: "/articles/1/", Page: "/modules/m/", Base: "https://example.org/sub/"}
	if err := RenderCopy(&whole, src, o, doc); err != nil {
		t.Fatal(err)
	}
	if err := RenderCopy(&one, src, o, para2); err != nil {
		t.Fatal(err)
	}
	got := whole.String()
	for _, want := range []string{
		`<div class="provision" data-citation="art. 1(2)(a)">`,
		`<a class="cite" href="../../articles/1/#art_1__para_2" title="art. 1(2)">Paragraph 2</a>`,
		`<a href="../../articles/2/" data-url="example.org/sub/articles/2/">here</a>`,
		`<a class="origin" href="../../articles/1/#art_1__para_2__point_b" aria-label="art. 1(2)(b) on its article page">¶</a>`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("copy does not contain %s:\n%s", want, got)
		}
	}
	for _, unwanted := range []string{` id="`, "pilcrow"} {
		if strings.Contains(got, unwanted) {
			t.Errorf("copy contains %s:\n%s", unwanted, got)
		}
	}
	if s := one.String(); !strings.HasPrefix(s, `<div class="provision" data-citation="art. 1(2)">`) || strings.Contains(s, "art. 1(1)") {
		t.Errorf("copy of art. 1(2) alone is:\n%s", s)
	}

	// A shallow copy of art. 1(2) is its own words, without (a) and (b).
	var shallow bytes.Buffer
	o.Shallow = true
	if err := RenderCopy(&shallow, src, o, para2); err != nil {
		t.Fatal(err)
	}
	want := `<div class="provision" data-citation="art. 1(2)">` + "\n" +
		`<p><span class="num">2.</span> It does: <a class="origin" href="../../articles/1/#art_1__para_2" aria-label="art. 1(2) on its article page">¶</a></p>` + "\n" +
		"</div>\n"
	if got := shallow.String(); got != want {
		t.Errorf("shallow copy of art. 1(2) is\n%s\nwant\n%s", got, want)
	}

	// When the copy's page holds the original page's provisions, a
	// citation of one leads to the same id on the copy's page; a link to
	// another page does not change, nor does the ¶ link to the original.
	var anchored bytes.Buffer
	o.Shallow, o.Holds = false, func(page string) bool { return page == "/articles/1/" }
	if err := RenderCopy(&anchored, src, o, doc); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`<a class="cite" href="#art_1__para_2" title="art. 1(2)">Paragraph 2</a>`,
		`<a href="../../articles/2/" data-url="example.org/sub/articles/2/">here</a>`,
		`<a class="origin" href="../../articles/1/#art_1__para_2__point_b" aria-label="art. 1(2)(b) on its article page">¶</a>`,
	} {
		if !strings.Contains(anchored.String(), want) {
			t.Errorf("copy that holds article 1 does not contain %s:\n%s", want, anchored.String())
		}
	}

	// With IDs, each provision keeps its id, for a page that holds it
	// once; the copy is otherwise the same.
	var withIDs bytes.Buffer
	o.IDs = true
	if err := RenderCopy(&withIDs, src, o, doc); err != nil {
		t.Fatal(err)
	}
	if want := `<div class="provision" id="art_1__para_2__point_a" data-citation="art. 1(2)(a)">`; !strings.Contains(withIDs.String(), want) {
		t.Errorf("copy with IDs does not contain %s:\n%s", want, withIDs.String())
	}
	if got := regexp.MustCompile(` id="[^"]*"`).ReplaceAllString(withIDs.String(), ""); got != anchored.String() {
		t.Errorf("copy with IDs, its ids taken out, is\n%s\nwant\n%s", got, anchored.String())
	}
}

func TestRebase(t *testing.T) {
	for _, tt := range []struct{ href, origin, page, want string }{
		{"#art_6__para_1", "/articles/6/", "/modules/x/", "../../articles/6/#art_6__para_1"},
		{"../8/", "/articles/6/#art_6__para_2", "/articles/6/handout/", "../../8/"},
		{"/legislation/a/#b", "/modules/x/", "/modules/x/present/", "../../../legislation/a/#b"},
		{"../../legislation/a/", "/modules/x/", "/modules/x/handout/", "../../../legislation/a/"},
		{"https://example.org/x", "/modules/x/", "/", "https://example.org/x"},
		{"#art_6", "/articles/6/", "/articles/6/", "#art_6"},
	} {
		if got := rebase(tt.href, tt.origin, tt.page); got != tt.want {
			t.Errorf("rebase(%q, %q, %q) = %q, want %q", tt.href, tt.origin, tt.page, got, tt.want)
		}
	}
}
