package e2e

import (
	"archive/zip"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"protosite/site/offline"
)

// unzip extracts the zip file name into dir, refusing names that would
// land outside it.
func unzip(t *testing.T, name, dir string) {
	t.Helper()
	zr, err := zip.OpenReader(name)
	if err != nil {
		t.Fatalf("opening %s: %v", name, err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if !filepath.IsLocal(f.Name) {
			t.Fatalf("%s holds %q, which is not a local path", name, f.Name)
		}
		dst := filepath.Join(dir, filepath.FromSlash(f.Name))
		if f.FileInfo().IsDir() {
			if err := os.MkdirAll(dst, 0o755); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			t.Fatal(err)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %s: %v", name, f.Name, err)
		}
		data, err := io.ReadAll(r)
		r.Close()
		if err != nil {
			t.Fatalf("%s: %s: %v", name, f.Name, err)
		}
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// fileURL is the file:// URL of a local path.
func fileURL(path string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(path)}).String()
}

// notAPage says why the tab's document is not a page of the site, or "":
// Chromium shows a directory listing for a directory on file://.
const notAPage = `(() => {
	if (document.getElementById("parentDirLinkBox") || /^Index of /.test(document.title)) { return "a directory listing: " + document.title; }
	if (!document.querySelector("main#main")) { return "no <main id=main>: " + document.title; }
	return "";
})()`

// TestOfflinePack opens the offline pack the build writes, unzipped, from
// file:// as a reader without a network would: links open pages, not
// directory listings, and search works from the static index, its results
// leading to the highlighted provision.
func TestOfflinePack(t *testing.T) {
	t.Parallel()
	dir := sharedSite(t)
	root := t.TempDir()
	unzip(t, filepath.Join(dir, "offline", "protosite-offline.zip"), root)
	pack := filepath.Join(root, offline.Folder)
	b := newBrowser(t)

	t.Run("follow a link", func(t *testing.T) {
		tab := newTab(t, b)
		home := fileURL(filepath.Join(pack, "index.html"))
		do(t, tab, "opening "+home, chromedp.Navigate(home))
		if msg := eval[string](t, tab, notAPage); msg != "" {
			t.Fatalf("%s is %s", home, msg)
		}
		// A page from file:// may not read its own stylesheet's rules:
		// check that it has a sheet.
		if !eval[bool](t, tab, `[...document.querySelectorAll("link[rel=stylesheet]")].every(l => l.sheet !== null) && document.styleSheets.length > 0`) {
			t.Errorf("%s has no stylesheet rules: the stylesheet did not load", home)
		}
		// The header's Articles link, then article 6 from the list.
		clickAndWaitForLoad(t, tab, chromedp.Search(`//header//nav//a[normalize-space(.)="Articles"]`))
		if msg := eval[string](t, tab, notAPage); msg != "" {
			t.Fatalf("the header's Articles link leads to %s", msg)
		}
		clickAndWaitForLoad(t, tab, chromedp.CSS(`main a[href^="6/"]`))
		want := fileURL(filepath.Join(pack, "articles", "6", "index.html"))
		if got := eval[string](t, tab, `location.href`); got != want {
			t.Errorf("the link to article 6 leads to %s, want %s", got, want)
		}
		if msg := eval[string](t, tab, notAPage); msg != "" {
			t.Fatalf("the link to article 6 leads to %s", msg)
		}
		if !eval[bool](t, tab, `document.getElementById("art_6") !== null`) {
			t.Errorf("the page the link to article 6 leads to has no #art_6")
		}
	})

	// From file:// no service worker can keep the site: the offer to keep
	// it on the device stays hidden, and the zip is the copy.
	t.Run("no keeping from file", func(t *testing.T) {
		tab := newTab(t, b)
		u := fileURL(filepath.Join(pack, "offline", "index.html"))
		do(t, tab, "opening "+u, chromedp.Navigate(u))
		if !eval[bool](t, tab, `document.readyState === "complete" && document.getElementById("device-save")?.hidden === true`) {
			t.Errorf("%s offers to keep the site on the device", u)
		}
	})

	t.Run("search", func(t *testing.T) {
		tab := newTab(t, b)
		u := fileURL(filepath.Join(pack, "search", "index.html")) + "?q=fraudulent+travel+document"
		do(t, tab, "opening "+u, chromedp.Navigate(u))
		const enough = `document.querySelectorAll("#search-results > li").length >= 3`
		if !settle(t, tab, enough, true) {
			status := eval[string](t, tab, `document.getElementById("search-status")?.textContent ?? ""`)
			t.Fatalf("%s shows %d results, want at least 3; status: %q", u, eval[int](t, tab, `document.querySelectorAll("#search-results > li").length`), status)
		}
		links := eval[[]string](t, tab, `[...document.querySelectorAll("#search-results > li")].slice(0, 5).map(li => li.querySelector("a").href)`)
		var fragments []string
		for _, l := range links {
			p, err := url.Parse(l)
			if err != nil {
				t.Fatalf("result link %q: %v", l, err)
			}
			fragments = append(fragments, p.Fragment)
			if p.Scheme != "file" || !strings.HasPrefix(p.Path, filepath.ToSlash(pack)+"/") || !strings.HasSuffix(p.Path, "/index.html") {
				t.Errorf("result link %s is not a page of the pack spelled with its index.html", l)
			}
			if p.Query().Get("hl") == "" {
				t.Errorf("result link %s has no ?hl= with the words to highlight", l)
			}
		}
		for _, want := range []string{"art_6__para_1__point_b__point_i", "art_3__point_c"} {
			if !slices.Contains(fragments, want) {
				t.Errorf("the first five results lead to %q, want #%s among them", fragments, want)
			}
		}

		first := links[0]
		clickAndWaitForLoad(t, tab, chromedp.CSS(`#search-results > li:first-child a`))
		if got := eval[string](t, tab, `location.href`); got != first {
			t.Errorf("the first result leads to %s, want %s", got, first)
		}
		if msg := eval[string](t, tab, notAPage); msg != "" {
			t.Fatalf("the first result leads to %s", msg)
		}
		target := fragments[0]
		if got := eval[string](t, tab, `document.querySelector(":target")?.id ?? ""`); got != target {
			t.Errorf("after following the first result the :target element is %q, want %q", got, target)
		}
		const marks = `document.querySelectorAll(":target mark.search-hit").length`
		if n := settle(t, tab, marks+` > 0`, true); !n {
			t.Errorf("the first result's target #%s has no <mark class=\"search-hit\">: the words searched for are not highlighted", target)
		}
		if t.Failed() {
			t.Log(fmt.Sprintf("first five results: %q", links))
		}
	})

	t.Run("reading list", func(t *testing.T) {
		tab := newTab(t, b)
		u := fileURL(filepath.Join(pack, "reading", "index.html")) + "?p=art_3__point_c,art_6__para_1__point_a"
		do(t, tab, "opening "+u, chromedp.Navigate(u))
		if got := eval[int](t, tab, readingItemsCount); got != 2 {
			t.Fatalf("%s shows %d items, want 2", u, got)
		}
		clickAndWaitForLoad(t, tab, chromedp.CSS(`#reading-items > li:last-child h2 a`))
		want := fileURL(filepath.Join(pack, "articles", "6", "index.html")) + "#art_6__para_1__point_a"
		if got := eval[string](t, tab, `location.href`); got != want {
			t.Errorf("the item art. 6(1)(a) leads to %s, want %s", got, want)
		}
		if msg := eval[string](t, tab, notAPage); msg != "" {
			t.Fatalf("the item art. 6(1)(a) leads to %s", msg)
		}
	})
}
