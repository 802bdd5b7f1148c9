package e2e

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"golang.org/x/net/html"

	"protosite/site/content"
	"protosite/site/provision"
	"protosite/site/resolve"
)

// TestTrainerViews checks that every article and every training module has
// a handout and a presentation, that a presentation has a slide per
// top-level provision, and that there is a QR code for every provision,
// article and module. TestNoBrokenLinks checks their links.
func TestTrainerViews(t *testing.T) {
	s, err := content.Load(os.DirFS(contentDir))
	if err != nil {
		t.Fatal(err)
	}
	g, err := resolve.Resolve(s)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Modules) == 0 {
		t.Fatal("the content has no training modules")
	}
	dir := sharedSite(t)
	for _, d := range append(append([]*content.Doc{}, s.Articles...), s.Modules...) {
		for _, view := range []string{"handout", "present"} {
			file := filepath.Join(dir, filepath.FromSlash(strings.TrimPrefix(d.URL, "/")), view, "index.html")
			if _, err := os.Stat(file); err != nil {
				t.Errorf("%s has no %s: %v", d.URL, view, err)
			}
		}
	}
	for _, a := range s.Articles {
		want := 1 // the title slide
		for c := a.AST.FirstChild(); c != nil; c = c.NextSibling() {
			if p, ok := c.(*provision.Provision); ok && !p.ID.IsZero() {
				want++
			}
		}
		if want == 1 {
			want = 2 // an article without numbered paragraphs is one slide
		}
		doc := parseHTMLFile(t, filepath.Join(dir, "articles", strconv.Itoa(a.Protocol.Article), "present", "index.html"))
		slides := elements(doc, func(e *html.Node) bool { return e.Data == "section" && hasClass(e, "slide") })
		if len(slides) != want {
			t.Errorf("the presentation of article %d has %d slides, want %d: a title slide and one per paragraph, or one for an article without them", a.Protocol.Article, len(slides), want)
		}
	}
	entries, err := os.ReadDir(filepath.Join(dir, "qr"))
	if err != nil {
		t.Fatal(err)
	}
	if want := len(g.IDs()) + len(s.Modules); len(entries) != want {
		t.Errorf("%d QR codes, want %d: one per provision, article and preamble (%d) and per module (%d)", len(entries), want, len(g.IDs()), len(s.Modules))
	}
}

// TestPresentationKeys checks that a presentation shows one slide at a time
// and that the keyboard moves between slides, and that without JavaScript
// it is one long page.
func TestPresentationKeys(t *testing.T) {
	t.Parallel()
	srv, _ := serveRealSite(t)
	b := newBrowser(t)
	const shown = `Array.from(document.querySelectorAll(".deck > .slide")).filter(s => !s.hidden && s.offsetParent !== null).map(s => s.id).join(" ")`
	const last = "slide-5" // article 6: a title slide and four paragraphs

	t.Run("keyboard", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "opening the presentation of article 6", chromedp.Navigate(srv.URL+"/articles/6/present/"))
		if got := settle(t, tab, shown, "slide-1"); got != "slide-1" {
			t.Fatalf("visible slides are %q, want slide-1 alone", got)
		}
		for _, step := range []struct{ key, name, want string }{
			{kb.ArrowRight, "ArrowRight", "slide-2"},
			{kb.ArrowRight, "ArrowRight", "slide-3"},
			{kb.ArrowLeft, "ArrowLeft", "slide-2"},
			{kb.End, "End", last},
			{kb.ArrowRight, "ArrowRight at the end", last},
			{kb.Home, "Home", "slide-1"},
			{kb.PageDown, "PageDown", "slide-2"},
		} {
			do(t, tab, "pressing "+step.name, chromedp.KeyEvent(step.key))
			if got := settle(t, tab, shown, step.want); got != step.want {
				t.Errorf("after %s, visible slides are %q, want %s", step.name, got, step.want)
			}
			if got := eval[string](t, tab, `location.hash`); got != "#"+step.want {
				t.Errorf("after %s, location.hash is %q, want #%s", step.name, got, step.want)
			}
		}
		counter := eval[string](t, tab, `document.querySelector(".deck-counter").textContent`)
		if counter != "2 / 5" {
			t.Errorf("the counter shows %q, want 2 / 5", counter)
		}
	})

	t.Run("address of a slide", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "opening slide 4 of article 6", chromedp.Navigate(srv.URL+"/articles/6/present/#slide-4"))
		if got := settle(t, tab, shown, "slide-4"); got != "slide-4" {
			t.Errorf("visible slides are %q, want slide-4 alone", got)
		}
	})

	t.Run("without JavaScript", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "opening the presentation without JavaScript", disableScripts, chromedp.Navigate(srv.URL+"/articles/6/present/"))
		want := "slide-1 slide-2 slide-3 slide-4 " + last
		if got := eval[string](t, tab, shown); got != want {
			t.Errorf("visible slides are %q, want all of them: %s", got, want)
		}
	})
}
