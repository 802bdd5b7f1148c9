package provision

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"golang.org/x/tools/txtar"

	"protosite/site/akn"
)

// article6 returns the body of article 6 from its test case.
func article6(t testing.TB) []byte {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/article06.txtar")
	if err != nil {
		t.Fatal(err)
	}
	in := section(ar, "input.md")
	if in == nil {
		t.Fatal("article06.txtar has no input.md")
	}
	return in.Data
}

func TestArticle6IDs(t *testing.T) {
	src := article6(t)
	p := parse(newMarkdown(), akn.Article(6), src)
	want := []string{
		"art_6__para_1",
		"art_6__para_1__point_a",
		"art_6__para_1__point_b",
		"art_6__para_1__point_b__point_i",
		"art_6__para_1__point_b__point_ii",
		"art_6__para_1__point_c",
		"art_6__para_2",
		"art_6__para_2__point_a",
		"art_6__para_2__point_b",
		"art_6__para_2__point_c",
		"art_6__para_3",
		"art_6__para_3__point_a",
		"art_6__para_3__point_b",
		"art_6__para_4",
	}
	if got := ids(t, p.doc); !slices.Equal(got, want) {
		t.Errorf("ids:\n got %q\nwant %q", got, want)
	}
	if ps := Problems(p.pc); len(ps) != 0 {
		t.Errorf("problems: %+v", ps)
	}
}

// TestTreeShape checks the node layout the site relies on: own words first
// as a paragraph, nested provisions after, markers as written.
func TestTreeShape(t *testing.T) {
	p := parse(newMarkdown(), akn.Article(6), article6(t))
	var para1 *Provision
	_ = Walk(p.doc, func(pr *Provision) error {
		if pr.ID.String() == "art_6__para_1" {
			para1 = pr
		}
		return nil
	})
	if para1 == nil {
		t.Fatal("no art_6__para_1")
	}
	if para1.Marker != "1." || para1.Parent() != p.doc {
		t.Errorf("para 1: marker %q, parent %v", para1.Marker, para1.Parent().Kind())
	}
	if _, ok := para1.FirstChild().(*ast.Paragraph); !ok {
		t.Errorf("first child is %v, want Paragraph", para1.FirstChild().Kind())
	}
	var markers []string
	for c := para1.FirstChild().NextSibling(); c != nil; c = c.NextSibling() {
		markers = append(markers, c.(*Provision).Marker)
	}
	if want := []string{"(a)", "(b)", "(c)"}; !slices.Equal(markers, want) {
		t.Errorf("children of para 1: %q, want %q", markers, want)
	}
	if got := para1.Pos(); got != 0 {
		t.Errorf("para 1 at offset %d, want 0", got)
	}
}

func TestProblems(t *testing.T) {
	tests := []struct {
		name string
		src  string
		at   []string // the source text each problem points at, in order
		msgs []string
	}{
		{
			name: "roman without letter",
			src:  "1. Chapeau:\n\n(i) first;\n\n(ii) second.\n",
			at:   []string{"(i) first", "(ii) second"},
			msgs: []string{
				"point (i) reads as a roman numeral but follows no lettered point",
				"point (ii) reads as a roman numeral but follows no lettered point",
			},
		},
		{
			name: "duplicate point",
			src:  "1. Chapeau:\n\n(a) one;\n\n(b) two;\n\n(b) two again.\n",
			at:   []string{"(b) two again"},
			msgs: []string{"art. 6(1)(b) is numbered twice (duplicate identifier art_6__para_1__point_b)"},
		},
		{
			name: "paragraph out of sequence",
			src:  "1. One.\n\n3. Three.\n\n4. Four.\n",
			at:   []string{"3. Three"},
			msgs: []string{"paragraph 3 is out of sequence, expected 2"},
		},
		{
			name: "first paragraph not 1",
			src:  "  2. Two.\n",
			at:   []string{"2. Two"},
			msgs: []string{"paragraph 2 is out of sequence, expected 1"},
		},
		{
			name: "duplicate paragraph",
			src:  "1. One.\n\n1. One again.\n",
			at:   []string{"1. One again"},
			msgs: []string{"art. 6(1) is numbered twice (duplicate identifier art_6__para_1)"},
		},
		{
			name: "point repeated under the article",
			src:  "Intro:\n\n(a) one;\n(a) one again.\n",
			at:   []string{"(a) one again"},
			msgs: []string{"art. 6(a) is numbered twice (duplicate identifier art_6__point_a)"},
		},
		{
			name: "same point under different parents is fine",
			src:  "1. One:\n\n(a) x;\n\n2. Two:\n\n(a) y.\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parse(newMarkdown(), akn.Article(6), []byte(tt.src))
			var want []Problem
			for i, at := range tt.at {
				off := strings.Index(tt.src, at)
				if off < 0 {
					t.Fatalf("%q not in source", at)
				}
				want = append(want, Problem{Offset: off, Msg: tt.msgs[i]})
			}
			if got := Problems(p.pc); !slices.Equal(got, want) {
				t.Errorf("problems:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

func TestNoRootNoProblems(t *testing.T) {
	p := parse(newMarkdown(), akn.ID{}, []byte("3. Three.\n\n(i) orphan.\n\n(a) x;\n\n(a) x.\n"))
	if ps := Problems(p.pc); len(ps) != 0 {
		t.Errorf("problems without a root: %+v", ps)
	}
	for _, id := range ids(t, p.doc) {
		if id != "" {
			t.Errorf("provision named %q without a root", id)
		}
	}
}

func TestWithoutPilcrow(t *testing.T) {
	md := newMarkdown(WithPilcrow(false))
	src := []byte("1. One <x>.\n")
	got := render(t, md, src, parse(md, akn.Article(6), src).doc)
	want := `<div class="provision" id="art_6__para_1" data-citation="art. 6(1)">` + "\n" +
		`<p><span class="num">1.</span> One <!-- raw HTML omitted -->.</p>` + "\n</div>\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestOrderedListWithoutExtension makes sure "1. " keeps its Markdown
// meaning wherever the extension is not added.
func TestOrderedListWithoutExtension(t *testing.T) {
	md := goldmark.New()
	src := []byte("1. One\n2. Two\n")
	got := render(t, md, src, parse(md, akn.Article(6), src).doc)
	if want := "<ol>\n<li>One</li>\n<li>Two</li>\n</ol>\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestOnlyTopLevel checks that markers inside other blocks are left to them.
func TestOnlyTopLevel(t *testing.T) {
	md := newMarkdown()
	src := []byte("> 1. quoted list\n\n- (a) in a bullet\n")
	got := render(t, md, src, parse(md, akn.Article(6), src).doc)
	want := "<blockquote>\n<ol>\n<li>quoted list</li>\n</ol>\n</blockquote>\n<ul>\n<li>(a) in a bullet</li>\n</ul>\n"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestEmptyProvision covers a marker with nothing after it on its line and a
// provision whose text Markdown turned into a link definition.
func TestEmptyProvision(t *testing.T) {
	md := newMarkdown()
	src := []byte("1. \n\n(a) [x]: /u\n")
	got := render(t, md, src, parse(md, akn.Article(6), src).doc)
	want := `<div class="provision" id="art_6__para_1" data-citation="art. 6(1)">` + "\n" +
		`<p><span class="num">1.</span> <a class="pilcrow" href="#art_6__para_1" aria-label="Link to art. 6(1)">¶</a></p>` + "\n" +
		`<div class="provision" id="art_6__para_1__point_a" data-citation="art. 6(1)(a)">` + "\n" +
		`<p><span class="num">(a)</span> <a class="pilcrow" href="#art_6__para_1__point_a" aria-label="Link to art. 6(1)(a)">¶</a></p>` + "\n" +
		"</div>\n</div>\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestWalkStops(t *testing.T) {
	p := parse(newMarkdown(), akn.Article(6), article6(t))
	stop := errors.New("stop")
	n := 0
	err := Walk(p.doc, func(*Provision) error {
		n++
		if n == 3 {
			return stop
		}
		return nil
	})
	if err != stop || n != 3 {
		t.Errorf("Walk returned %v after %d calls, want stop after 3", err, n)
	}
}

func TestScanMarker(t *testing.T) {
	tests := []struct {
		line   string
		kind   markerKind
		marker string
		num    string
		width  int
	}{
		{"1. Each", paraMarker, "1.", "1", 3},
		{"12.\t\tX", paraMarker, "12.", "12", 5},
		{"(b) When", pointMarker, "(b)", "b", 4},
		{"(iii)  That", pointMarker, "(iii)", "iii", 7},
		{"(aaaaa) x", pointMarker, "(aaaaa)", "aaaaa", 8},
		{"1. \n", paraMarker, "1.", "1", 3},
		{"(aaaaaa) x", noMarker, "", "", 0},
		{"1234567890. x", noMarker, "", "", 0},
		{"(a)x", noMarker, "", "", 0},
		{"(a)\n", noMarker, "", "", 0},
		{"1.\n", noMarker, "", "", 0},
		{"(A) x", noMarker, "", "", 0},
		{"() x", noMarker, "", "", 0},
		{"1) x", noMarker, "", "", 0},
		{"(1) x", noMarker, "", "", 0},
		{"a. x", pointMarker, "a.", "a", 3},
		{"iii.  x", pointMarker, "iii.", "iii", 6},
		{"aaaaaa. x", noMarker, "", "", 0},
		{"A. x", noMarker, "", "", 0},
		{"i.e. x", noMarker, "", "", 0},
		{"a.\n", noMarker, "", "", 0},
		{"a) x", noMarker, "", "", 0},
	}
	for _, tt := range tests {
		kind, marker, num, width := scanMarker([]byte(tt.line))
		if kind != tt.kind || marker != tt.marker || num != tt.num || width != tt.width {
			t.Errorf("scanMarker(%q) = %v %q %q %d, want %v %q %q %d",
				tt.line, kind, marker, num, width, tt.kind, tt.marker, tt.num, tt.width)
		}
	}
}

func TestRomanAndLetters(t *testing.T) {
	for _, s := range []string{"i", "ii", "iii", "iv", "v", "vi", "ix", "x", "xiv", "xxxix"} {
		if !isRoman(s) {
			t.Errorf("isRoman(%q) = false", s)
		}
	}
	for _, s := range []string{"", "iiii", "vv", "iix", "vx", "c", "l", "a", "xl", "im"} {
		if isRoman(s) {
			t.Errorf("isRoman(%q) = true", s)
		}
	}
	for s, want := range map[string]string{"a": "b", "h": "i", "u": "v", "z": "aa", "aa": "bb", "zz": "aaa", "ab": "", "zzzzz": ""} {
		if got := nextLetter(s); got != want {
			t.Errorf("nextLetter(%q) = %q, want %q", s, got, want)
		}
	}
}
