package e2e

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"golang.org/x/tools/txtar"

	"protosite/site/build"
)

// TestLanguageSwitchKeepsProvision reads art. 6(1)(a) in English, switches
// to Dutch and lands on the same subparagraph, and back: a provision has
// the same id in every language and the switch carries the #anchor.
// Without JavaScript the switch still leads to the same page, at its top.
func TestLanguageSwitchKeepsProvision(t *testing.T) {
	t.Parallel()
	srv, _ := serveRealSite(t)
	b := newBrowser(t)
	const id = "art_6__para_1__point_a"
	switchTo := func(name string) chromedp.Search {
		return chromedp.Search(`//nav[contains(@class,"lang-switch")]//a[normalize-space(.)="` + name + `"]`)
	}
	target := `document.querySelector(":target")?.id ?? ""`

	t.Run("with JavaScript", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "opening art. 6(1)(a)", chromedp.Navigate(srv.URL+"/articles/6/#"+id))
		clickAndWaitForLoad(t, tab, switchTo("Nederlands"))
		if got, want := eval[string](t, tab, `location.pathname + location.hash`), "/nl/articles/6/#"+id; got != want {
			t.Errorf("after switching to Nederlands, the address is %s, want %s", got, want)
		}
		if got := settle(t, tab, target, id); got != id {
			t.Errorf("after switching to Nederlands, the :target element is %q, want %s", got, id)
		}
		if got := eval[string](t, tab, `document.documentElement.lang`); got != "nl" {
			t.Errorf("the Dutch page has lang %q", got)
		}
		if got := eval[string](t, tab, `document.getElementById("`+id+`").querySelector("p").textContent`); !bytes.Contains([]byte(got), []byte("het smokkelen van migranten")) {
			t.Errorf("#%s on the Dutch page reads %q, want the Dutch text", id, got)
		}
		// The reader moves on to another provision; the switch follows.
		do(t, tab, "following the ¶ of art. 6(2)", chromedp.Click(chromedp.CSS(`#art_6__para_2 > p > a.pilcrow`)))
		settle(t, tab, `location.hash`, "#art_6__para_2")
		clickAndWaitForLoad(t, tab, switchTo("English"))
		if got, want := eval[string](t, tab, `location.pathname + location.hash`), "/articles/6/#art_6__para_2"; got != want {
			t.Errorf("after switching back to English, the address is %s, want %s", got, want)
		}
		if got := settle(t, tab, target, "art_6__para_2"); got != "art_6__para_2" {
			t.Errorf("after switching back to English, the :target element is %q, want art_6__para_2", got)
		}
	})

	// A reading list's address holds the list: the switch carries it.
	t.Run("reading list", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "opening a reading list", chromedp.Navigate(srv.URL+"/reading/?p=art_6__para_1__point_a"))
		do(t, tab, "adding art. 3(c)",
			chromedp.SetValue(chromedp.ID("reading-add"), "3(c)"),
			chromedp.Click(chromedp.CSS(`#reading-form button[type="submit"]`)))
		clickAndWaitForLoad(t, tab, switchTo("Nederlands"))
		if got, want := eval[string](t, tab, `location.pathname + location.search`), "/nl/reading/?p=art_6__para_1__point_a,art_3__point_c"; got != want {
			t.Errorf("after switching to Nederlands, the address is %s, want %s", got, want)
		}
		if got := eval[string](t, tab, `document.querySelector("#reading-items .reading-text")?.textContent ?? ""`); !bytes.Contains([]byte(got), []byte("het smokkelen van migranten")) {
			t.Errorf("the Dutch reading list's first item reads %q, want the Dutch text", got)
		}
	})

	t.Run("without JavaScript", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "opening art. 6(1)(a) without JavaScript", disableScripts, chromedp.Navigate(srv.URL+"/articles/6/#"+id))
		clickAndWaitForLoad(t, tab, switchTo("Nederlands"))
		if got, want := eval[string](t, tab, `location.pathname`), "/nl/articles/6/"; got != want {
			t.Errorf("without JavaScript, switching to Nederlands leads to %s, want %s", got, want)
		}
	})
}

// serveFixture renders a txtar site from site/build/testdata and serves it.
func serveFixture(t *testing.T, name string) *httptest.Server {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("..", "build", "testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	res, err := build.Render(fsys)
	if err != nil {
		t.Fatalf("rendering %s: %v", name, err)
	}
	dir := filepath.Join(t.TempDir(), "public")
	if err := build.Write(dir, func(w *build.Writer) error { return w.PutAll(res.Files) }); err != nil {
		t.Fatal(err)
	}
	return serveDir(t, dir)
}

// box is an element's place on the screen, in CSS pixels.
type box struct {
	Left   float64 `json:"left"`
	Right  float64 `json:"right"`
	Top    float64 `json:"top"`
	Bottom float64 `json:"bottom"`
}

const boxOf = `(sel) => { const r = document.querySelector(sel).getBoundingClientRect(); return {left: r.left, right: r.right, top: r.top, bottom: r.bottom}; }`

// TestRightToLeftLayout opens the Arabic page of the fixture site and checks
// that it is laid out right to left, against the same page in English: the
// computed direction, where the header, the breadcrumb, the heading and the
// previous/next links stand, and, on a screenshot, on which side the ink of
// the heading lies. Citations in the Arabic text stay left to right.
func TestRightToLeftLayout(t *testing.T) {
	t.Parallel()
	srv := serveFixture(t, "languages.txtar")
	b := newBrowser(t)
	const width, height = 1000, 800
	viewport := chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{Width: width, Height: height, DeviceScaleFactor: 1})
		return err
	})
	type layout struct {
		Dir        string `json:"dir"`
		Brand      box    `json:"brand"`
		Search     box    `json:"search"`
		Home       box    `json:"home"`
		Crumb      box    `json:"crumb"`
		Heading    box    `json:"heading"`
		Main       box    `json:"main"`
		Next       box    `json:"next"`
		CiteDir    string `json:"citeDir"`
		Breadcrumb string `json:"breadcrumb"`
	}
	const read = `(() => { const b = ` + boxOf + `; return {
		dir: getComputedStyle(document.documentElement).direction,
		brand: b(".brand"), search: b(".header-search"),
		home: b(".breadcrumb li:first-child"), crumb: b(".breadcrumb li:last-child"),
		heading: b(".treaty-header h1"), main: b("main"), next: b(".prev-next .next"),
		citeDir: getComputedStyle(document.querySelector(".treaty-text a.cite")).direction,
		breadcrumb: getComputedStyle(document.querySelector(".breadcrumb li + li"), "::before").content,
	}; })()`
	open := func(t *testing.T, path string) (context.Context, layout) {
		tab := newTab(t, b)
		do(t, tab, "opening "+path, viewport, chromedp.Navigate(srv.URL+path))
		return tab, eval[layout](t, tab, read)
	}

	t.Run("English is left to right", func(t *testing.T) {
		tab, l := open(t, "/articles/1/")
		if l.Dir != "ltr" || l.Brand.Left > l.Search.Left || l.Home.Left > l.Crumb.Left {
			t.Errorf("the English page is not laid out left to right: %+v", l)
		}
		if lo, hi := inkSpan(t, tab, l.Heading); float64(lo) > l.Main.Left+40 || float64(hi) > (l.Main.Left+l.Main.Right)/2 {
			t.Errorf("the English heading's ink spans x = %d…%d in a main of %.0f…%.0f: want it at the left", lo, hi, l.Main.Left, l.Main.Right)
		}
	})

	t.Run("Arabic is right to left", func(t *testing.T) {
		tab, l := open(t, "/ar/articles/1/")
		if l.Dir != "rtl" {
			t.Errorf("computed direction of the Arabic page is %q, want rtl", l.Dir)
		}
		// The header starts at the right: the brand, first in the header,
		// stands right of the search box and near the right edge.
		if l.Brand.Left < l.Search.Right || l.Brand.Right < width-40 {
			t.Errorf("the brand stands at x = %.0f…%.0f and the search box at %.0f…%.0f: want the brand at the right of a %d px page", l.Brand.Left, l.Brand.Right, l.Search.Left, l.Search.Right, width)
		}
		// The breadcrumb reads from right to left.
		if l.Home.Left < l.Crumb.Right {
			t.Errorf("breadcrumb: Home at x = %.0f, the current page at %.0f: want Home at the right", l.Home.Left, l.Crumb.Left)
		}
		// "Next" is at the left, as the next page lies leftwards.
		if l.Next.Right > float64(width)/2 {
			t.Errorf("the next-page link stands at x = %.0f…%.0f: want it in the left half", l.Next.Left, l.Next.Right)
		}
		if l.CiteDir != "ltr" {
			t.Errorf("a citation in the Arabic text has direction %q, want ltr, so that art. 2(1)(a) keeps its order", l.CiteDir)
		}
		// The screenshot: the heading's ink lies at the right of main.
		lo, hi := inkSpan(t, tab, l.Heading)
		if float64(hi) < l.Main.Right-40 || float64(lo) < (l.Main.Left+l.Main.Right)/2 {
			t.Errorf("the Arabic heading's ink spans x = %d…%d in a main of %.0f…%.0f: want it at the right", lo, hi, l.Main.Left, l.Main.Right)
		}
	})
}

// inkSpan takes a screenshot and returns the leftmost and rightmost columns,
// within the rows of b, that hold a pixel far from the page's background.
func inkSpan(t *testing.T, tab context.Context, b box) (lo, hi int) {
	t.Helper()
	data := run(t, tab, "taking a screenshot", chromedp.CaptureScreenshot())
	if dir := os.Getenv("PROTOSITE_SCREENSHOTS"); dir != "" {
		_ = os.WriteFile(filepath.Join(dir, filepath.Base(t.Name())+"-viewport.png"), data, 0o644)
	}
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decoding the screenshot: %v", err)
	}
	bg := img.At(1, int(b.Top)+1)
	lo, hi = -1, -1
	bounds := img.Bounds()
	for y := max(int(b.Top), bounds.Min.Y); y < min(int(b.Bottom), bounds.Max.Y); y++ {
		for x := bounds.Min.X; x < bounds.Max.X; x++ {
			if far(img, x, y, bg) {
				if lo < 0 || x < lo {
					lo = x
				}
				hi = max(hi, x)
			}
		}
	}
	if lo < 0 {
		t.Fatalf("no ink in rows %.0f…%.0f of the screenshot", b.Top, b.Bottom)
	}
	return lo, hi
}

// far reports whether the pixel at x, y differs clearly from bg.
func far(img image.Image, x, y int, bg interface{ RGBA() (r, g, b, a uint32) }) bool {
	r1, g1, b1, _ := img.At(x, y).RGBA()
	r2, g2, b2, _ := bg.RGBA()
	d := func(a, b uint32) uint32 {
		if a > b {
			return a - b
		}
		return b - a
	}
	return d(r1, r2)+d(g1, g2)+d(b1, b2) > 3*0x4000
}
