package e2e

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"protosite/site/server"
)

// disableScripts makes the tab's pages run without JavaScript, as with
// scripts blocked or the script failing to load; it must come before the
// navigation.
var disableScripts = chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
	_, err := cdp.Call(ctx, t, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	return err
})

// TestReadingWithoutJavaScript checks that the text, the ¶ links and the
// cross-references work with JavaScript off.
func TestReadingWithoutJavaScript(t *testing.T) {
	t.Parallel()
	srv, _ := serveRealSite(t)
	b := newBrowser(t)
	openArticle := func(t *testing.T, n string) context.Context {
		tab := newTab(t, b)
		do(t, tab, "opening article "+n+" without JavaScript", disableScripts, chromedp.Navigate(srv.URL+"/articles/"+n+"/"))
		return tab
	}

	t.Run("item text", func(t *testing.T) {
		tab := openArticle(t, "6")
		got := run(t, tab, "reading art. 6(1)(b)(i)", chromedp.TextContent(chromedp.ID("art_6__para_1__point_b__point_i")))
		if want := "Producing a fraudulent travel or identity document"; !strings.Contains(got, want) {
			t.Errorf("text of #art_6__para_1__point_b__point_i is %q, want it to contain %q", got, want)
		}
	})

	t.Run("pilcrow link", func(t *testing.T) {
		tab := openArticle(t, "6")
		do(t, tab, "clicking the ¶ of art. 6(1)(a)", chromedp.Click(chromedp.CSS(`#art_6__para_1__point_a > p > a.pilcrow`)))
		want := "#art_6__para_1__point_a"
		if got := settle(t, tab, `location.hash`, want); got != want {
			t.Errorf("after clicking the ¶ of art. 6(1)(a), location.hash is %q, want %q", got, want)
		}
	})

	t.Run("cross-reference in the same article", func(t *testing.T) {
		tab := openArticle(t, "6")
		do(t, tab, `clicking "paragraph 1 (a)" in art. 6(2)(b)`,
			chromedp.Click(chromedp.Search(`//*[@id="art_6__para_2__point_b"]//a[normalize-space(.)="paragraph 1 (a)"]`)))
		want := srv.URL + "/articles/6/#art_6__para_1__point_a"
		if got := settle(t, tab, `location.href`, want); got != want {
			t.Errorf(`after clicking "paragraph 1 (a)" in art. 6(2)(b), location is %s, want %s`, got, want)
		}
		if got := eval[string](t, tab, `document.querySelector(":target")?.id ?? ""`); got != "art_6__para_1__point_a" {
			t.Errorf(`after clicking "paragraph 1 (a)", the :target element is %q, want art_6__para_1__point_a`, got)
		}
	})

	t.Run("cross-reference to another article", func(t *testing.T) {
		tab := openArticle(t, "1")
		clickAndWaitForLoad(t, tab, chromedp.Search(`//*[@id="art_1__para_3"]//a[normalize-space(.)="article 6"]`))
		if got, want := eval[string](t, tab, `location.pathname`), "/articles/6/"; got != want {
			t.Errorf(`after clicking "article 6" in art. 1(3), location.pathname is %q, want %q`, got, want)
		}
		if !eval[bool](t, tab, `document.getElementById("art_6") !== null`) {
			t.Errorf(`after clicking "article 6" in art. 1(3), the page has no #art_6`)
		}
	})

	t.Run("the whole text", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "opening the whole text at art. 6(2)(b) without JavaScript", disableScripts, chromedp.Navigate(srv.URL+"/text/#art_6__para_2__point_b"))
		// The address lands on the provision, on the first screen.
		top := eval[float64](t, tab, `document.getElementById("art_6__para_2__point_b").getBoundingClientRect().top`)
		if height := eval[float64](t, tab, `innerHeight`); top < 0 || top > height/2 {
			t.Errorf("the whole text opened at #art_6__para_2__point_b shows it at %.0f px, want within the top half of the %.0f px window", top, height)
		}
		// A cross-reference stays on the page.
		do(t, tab, `clicking "paragraph 1 (a)" in art. 6(2)(b)`,
			chromedp.Click(chromedp.Search(`//*[@id="art_6__para_2__point_b"]//a[normalize-space(.)="paragraph 1 (a)"]`)))
		want := srv.URL + "/text/#art_6__para_1__point_a"
		if got := settle(t, tab, `location.href`, want); got != want {
			t.Errorf(`after clicking "paragraph 1 (a)" on the whole text, location is %s, want %s`, got, want)
		}
		// Every part is there, in order, each heading leading to its page.
		parts := eval[[]string](t, tab, `[...document.querySelectorAll(".full-text-part :is(h2, h3) a")].map(a => new URL(a.href).pathname)`)
		if len(parts) != 27 || parts[0] != "/preamble/" || parts[6] != "/articles/6/" || parts[26] != "/testimonium/" {
			t.Errorf("the whole text's parts lead to %q, want the preamble, 25 articles and the testimonium", parts)
		}
		if n := eval[int](t, tab, `(() => { const ids = [...document.querySelectorAll("[id]")].map(e => e.id); return ids.length - new Set(ids).size; })()`); n != 0 {
			t.Errorf("%d ids are repeated on the whole text", n)
		}
	})

	t.Run("no copy buttons", func(t *testing.T) {
		tab := openArticle(t, "6")
		// The copy buttons are made by site.js; without it there must be
		// no dead buttons.
		const copyButtons = `document.querySelectorAll(".copy-tools").length +
			[...document.querySelectorAll("button")].filter(b => /^Copy\b/.test(b.textContent.trim())).length`
		if n := eval[int](t, tab, copyButtons); n != 0 {
			t.Errorf("without JavaScript, articles/6/ has %d copy tools or copy buttons, want none", n)
		}
	})
}

// copyTools is what the page shows for one provision: the label of its ¶
// link and the copy buttons beside it.
type copyTools struct {
	ID      string   `json:"id"`
	Pilcrow string   `json:"pilcrow"` // aria-label of its ¶ link, "Link to art. 6(1)"
	Buttons []string `json:"buttons"` // texts of the buttons after the ¶
	Labels  []string `json:"labels"`  // aria-labels of those buttons
}

// readCopyTools lists every element of article 6 with an id and the copy
// tools after its own ¶ link.
const readCopyTools = `[...document.querySelectorAll('[id^="art_6"]')].map(el => {
	const pilcrow = el.querySelector(":scope > p > .pilcrow, :scope > header .pilcrow");
	const tools = pilcrow && pilcrow.nextElementSibling && pilcrow.nextElementSibling.matches(".copy-tools") ? pilcrow.nextElementSibling : null;
	const buttons = tools ? [...tools.querySelectorAll("button")] : [];
	return {
		id: el.id,
		pilcrow: pilcrow ? pilcrow.getAttribute("aria-label") : "",
		buttons: buttons.map(b => b.textContent),
		labels: buttons.map(b => b.getAttribute("aria-label")),
	};
})`

// TestCopyButtons checks the buttons site.js adds beside each provision's
// ¶ link, and that "Copy citation" copies the citation.
func TestCopyButtons(t *testing.T) {
	t.Parallel()
	srv, _ := serveRealSite(t)
	b := newBrowser(t)
	const prefix = "Smuggling of Migrants Protocol"

	t.Run("every provision has them", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "opening article 6", chromedp.Navigate(srv.URL+"/articles/6/"))
		tools := eval[[]copyTools](t, tab, readCopyTools)
		var seen []string
		for _, c := range tools {
			seen = append(seen, c.ID)
			label, ok := strings.CutPrefix(c.Pilcrow, "Link to ")
			if !ok {
				t.Errorf("#%s: ¶ link has aria-label %q, want \"Link to …\"", c.ID, c.Pilcrow)
				continue
			}
			if want := []string{"Copy link", "Copy citation"}; !slices.Equal(c.Buttons, want) {
				t.Errorf("#%s: buttons after the ¶ are %q, want %q", c.ID, c.Buttons, want)
				continue
			}
			// The buttons must name the provision the ¶ link names, as
			// the reader will see it: no escaping may leak into them.
			if want := []string{"Copy link to " + label, "Copy citation " + prefix + ", " + label}; !slices.Equal(c.Labels, want) {
				t.Errorf("#%s: button labels are %q, want %q", c.ID, c.Labels, want)
			}
		}
		if !slices.Equal(seen, article6IDs) {
			t.Errorf("elements of article 6 with copy tools:\ngot  %q\nwant %q", seen, article6IDs)
		}
	})

	t.Run("copy citation and link", func(t *testing.T) {
		tab := newTab(t, b)
		// The clipboard is read back for real: headless Chromium allows
		// navigator.clipboard.readText() once the origin is granted the
		// clipboard permissions, and the test server's 127.0.0.1 origin is
		// a secure context, so site.js uses the asynchronous clipboard.
		grantClipboard(t, tab, srv.URL)
		do(t, tab, "opening article 6", chromedp.Navigate(srv.URL+"/articles/6/"))
		const tools = `//*[@id="art_6__para_1__point_b__point_i"]/p/span[@class="copy-tools"]`

		do(t, tab, "clicking Copy citation on art. 6(1)(b)(i)", chromedp.Click(chromedp.Search(tools+`/button[.="Copy citation"]`)))
		// Copying is asynchronous: wait for it.
		wantCitation := prefix + ", art. 6(1)(b)(i)"
		if got := settle(t, tab, `navigator.clipboard.readText()`, wantCitation); got != wantCitation {
			t.Errorf("Copy citation on art. 6(1)(b)(i) copied %q, want %q", got, wantCitation)
		}
		const status = `document.querySelector("#art_6__para_1__point_b__point_i > p > .copy-tools > .copy-status").textContent`
		if got := settle(t, tab, status, "Copied"); got != "Copied" {
			t.Errorf("status after Copy citation is %q, want %q", got, "Copied")
		}

		do(t, tab, "clicking Copy link on art. 6(1)(b)(i)", chromedp.Click(chromedp.Search(tools+`/button[.="Copy link"]`)))
		wantLink := srv.URL + "/articles/6/#art_6__para_1__point_b__point_i"
		if got := settle(t, tab, `navigator.clipboard.readText()`, wantLink); got != wantLink {
			t.Errorf("Copy link on art. 6(1)(b)(i) copied %q, want %q", got, wantLink)
		}
	})
}

// TestCiteThisArticle opens article 6's "Cite this article" box and
// copies each form of its citation with the button site.js puts after it.
func TestCiteThisArticle(t *testing.T) {
	t.Parallel()
	srv, _ := serveRealSite(t)
	tab := newTab(t, newBrowser(t))
	grantClipboard(t, tab, srv.URL)
	do(t, tab, "opening article 6", chromedp.Navigate(srv.URL+"/articles/6/"))
	do(t, tab, "opening Cite this article", chromedp.Click(chromedp.CSS(`details.cite-this > summary`)))
	for i, want := range []string{
		"Smuggling of Migrants Protocol, art. 6",
		"Protocol against the Smuggling of Migrants by Land, Sea and Air, supplementing the United Nations Convention against Transnational Organized Crime (adopted 15 November 2000, entered into force 28 January 2004) 2241 UNTS 507, art 6",
		"https://protosite.example.org/articles/6/",
	} {
		button := fmt.Sprintf(`(//dl[@class="cite-forms"]/dd)[%d]//button`, i+1)
		if got := eval[string](t, tab, fmt.Sprintf(`document.evaluate(%q, document).iterateNext().getAttribute("aria-label")`, button)); got != "Copy "+want {
			t.Errorf("button %d is labelled %q, want %q", i+1, got, "Copy "+want)
		}
		do(t, tab, "clicking Copy", chromedp.Click(chromedp.Search(button)))
		if got := settle(t, tab, `navigator.clipboard.readText()`, want); got != want {
			t.Errorf("Copy after form %d copied %q, want %q", i+1, got, want)
		}
	}
}

// grantClipboard lets pages of origin read and write the clipboard without
// a prompt, which headless Chromium could not answer.
func grantClipboard(t *testing.T, tab context.Context, origin string) {
	t.Helper()
	for _, p := range []*browser.PermissionDescriptor{
		{Name: "clipboard-read"},                                  // clipboardReadWrite
		{Name: "clipboard-write"},                                 // clipboardSanitizedWrite
		{Name: "clipboard-write", AllowWithoutSanitization: true}, // clipboardReadWrite
	} {
		_, err := chromedp.CallBrowser(tab, browser.SetPermission, browser.SetPermissionParams{
			Permission: p, Setting: browser.PermissionSettingGranted, Origin: origin,
		})
		if err != nil {
			t.Fatalf("granting %s to %s: %v", p.Name, origin, err)
		}
	}
}

// subPathHandler serves the site under prefix ("/sub/path/"), as a host
// that puts it below its root does.
func subPathHandler(t *testing.T, dir, prefix string) http.Handler {
	t.Helper()
	h, err := server.New(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { h.Close() })
	mux := http.NewServeMux()
	mux.Handle(prefix, http.StripPrefix(strings.TrimSuffix(prefix, "/"), h))
	return mux
}

// stylesheetLoaded says whether the page's first stylesheet was fetched
// and parsed: a link to a wrong place leaves it without rules.
const stylesheetLoaded = `document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0`

// TestSubPath checks that the site works below the root of a host, which
// it can only do if all its links are relative.
func TestSubPath(t *testing.T) {
	t.Parallel()
	dir := sharedSite(t)
	srv := httptest.NewServer(subPathHandler(t, dir, "/sub/path/"))
	t.Cleanup(srv.Close)
	tab := newTab(t, newBrowser(t))

	do(t, tab, "opening article 6 under /sub/path/", chromedp.Navigate(srv.URL+"/sub/path/articles/6/"))
	if !eval[bool](t, tab, stylesheetLoaded) {
		t.Errorf("/sub/path/articles/6/ has no stylesheet rules: the stylesheet did not load")
	}
	clickAndWaitForLoad(t, tab, chromedp.Search(`//header//nav//a[normalize-space(.)="Articles"]`))
	if got, want := eval[string](t, tab, `location.pathname`), "/sub/path/articles/"; got != want {
		t.Errorf("the header's Articles link leads to %s, want %s", got, want)
	}
	if got, want := eval[string](t, tab, `document.querySelector("h1")?.textContent ?? ""`), "Articles by chapter"; got != want {
		t.Errorf("the header's Articles link leads to a page headed %q, want %q", got, want)
	}
}

// TestNotFoundPage checks the 404 page at a depth other than the root,
// where its links only work thanks to the <base> the server adds, both
// at the root of the host and under a sub-path.
func TestNotFoundPage(t *testing.T) {
	t.Parallel()
	dir := sharedSite(t)
	b := newBrowser(t)
	for _, prefix := range []string{"/", "/sub/path/"} {
		t.Run("under "+prefix, func(t *testing.T) {
			srv := httptest.NewServer(subPathHandler(t, dir, prefix))
			t.Cleanup(srv.Close)
			missing := srv.URL + prefix + "articles/99/"
			resp, err := http.Get(missing)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusNotFound {
				t.Errorf("GET %s: status %d, want %d", missing, resp.StatusCode, http.StatusNotFound)
			}

			tab := newTab(t, b)
			do(t, tab, "opening "+missing, chromedp.Navigate(missing))
			if !eval[bool](t, tab, stylesheetLoaded) {
				t.Errorf("%s has no stylesheet rules: the stylesheet did not load", missing)
			}
			clickAndWaitForLoad(t, tab, chromedp.Search(`//main//a[normalize-space(.)="All articles by chapter"]`))
			if got, want := eval[string](t, tab, `location.pathname`), prefix+"articles/"; got != want {
				t.Errorf(`"All articles by chapter" leads to %s, want %s`, got, want)
			}
			if got, want := eval[string](t, tab, `document.querySelector("h1")?.textContent ?? ""`), "Articles by chapter"; got != want {
				t.Errorf(`"All articles by chapter" leads to a page headed %q, want %q`, got, want)
			}
		})
	}
}

// overflow is a JavaScript function of a width that describes the page's
// width and the elements that stick out beyond that width on the right,
// widest first.
const overflow = `(width => {
	const out = [...document.querySelectorAll("body *")]
		.map(el => ({el, right: el.getBoundingClientRect().right}))
		.filter(x => x.right > width + 0.5)
		.sort((a, b) => b.right - a.right)
		.slice(0, 5)
		.map(x => x.el.tagName.toLowerCase() + (x.el.id ? "#" + x.el.id : "") + (x.el.className ? "." + String(x.el.className).split(" ").join(".") : "") + " right=" + Math.round(x.right));
	return {scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, widest: out};
})`

// phoneWidth and phoneHeight are the viewport of a small phone, in CSS pixels.
const phoneWidth, phoneHeight = 375, 800

// screen makes the tab's viewport width×height CSS pixels, a phone's when
// mobile.
func screen(width, height int64, mobile bool) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetDeviceMetricsOverride, emulation.SetDeviceMetricsOverrideParams{
			Width: width, Height: height, DeviceScaleFactor: 1, Mobile: mobile,
		})
		return err
	})
}

// pageWidth is what overflow reports.
type pageWidth struct {
	ScrollWidth int      `json:"scrollWidth"`
	InnerWidth  int      `json:"innerWidth"`
	Widest      []string `json:"widest"`
}

// checkFitsPhone fails t if the page in tab is wider than a phone.
func checkFitsPhone(t *testing.T, tab context.Context, page string) {
	t.Helper()
	got := eval[pageWidth](t, tab, fmt.Sprintf("%s(%d)", overflow, phoneWidth))
	// A mobile browser widens the layout viewport to fit content wider than
	// the screen and zooms out, so there innerWidth grows rather than
	// scrollWidth: check both.
	if got.InnerWidth != phoneWidth {
		t.Errorf("%s is wider than a phone: window.innerWidth is %d, want %d; widest elements: %q", page, got.InnerWidth, phoneWidth, got.Widest)
	}
	if got.ScrollWidth > got.InnerWidth {
		t.Errorf("%s scrolls sideways on a phone: scrollWidth %d > innerWidth %d; widest elements: %q", page, got.ScrollWidth, got.InnerWidth, got.Widest)
	}
}

// TestPhoneLayout checks that pages fit a small phone's width, so that
// reading them needs no sideways scrolling, and that what a reader came
// for is on the first screen.
func TestPhoneLayout(t *testing.T) {
	t.Parallel()
	srv, _ := serveRealSite(t)
	b := newBrowser(t)
	phone := screen(phoneWidth, phoneHeight, true)

	t.Run("article", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, fmt.Sprintf("opening article 6 on a %d×%d screen", phoneWidth, phoneHeight), phone, chromedp.Navigate(srv.URL+"/articles/6/"))
		checkFitsPhone(t, tab, "articles/6/")
		// The header and what precedes the treaty text (the citation box and
		// the article's "Cited by", both folded) leave the text on the first
		// screen: a reader opening an article reads it without scrolling.
		header := eval[float64](t, tab, `document.querySelector(".site-header").getBoundingClientRect().height`)
		if header > maxPhoneHeader {
			t.Errorf("the header is %.0f px high on a %d px wide phone, want at most %d", header, phoneWidth, maxPhoneHeader)
		}
		text := eval[float64](t, tab, `document.getElementById("art_6__para_1").getBoundingClientRect().top`)
		if text > phoneHeight*3/4 {
			t.Errorf("article 6's text starts %.0f px down a %d px high screen, want within its first three quarters", text, phoneHeight)
		}
	})

	// The navigation is one line on a phone: the current section's link,
	// past the screen's edge, is scrolled into that line's view, and the
	// page itself does not scroll.
	t.Run("navigation", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "opening the glossary on a phone", phone, chromedp.Navigate(srv.URL+"/glossary/"))
		const inView = `(() => {
			const line = document.querySelector(".site-nav").getBoundingClientRect();
			const link = document.querySelector(".site-nav [aria-current]").getBoundingClientRect();
			return link.left >= line.left && link.right <= line.right;
		})()`
		if !settle(t, tab, inView, true) {
			t.Errorf("the glossary's link in the navigation is out of view on a phone")
		}
		if y := eval[float64](t, tab, `window.scrollY`); y != 0 {
			t.Errorf("the page scrolled to y=%.0f, want 0", y)
		}
	})

	// The languages side by side follow each other on a phone, each
	// labelled with its language.
	t.Run("languages side by side", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "opening article 6's languages side by side on a phone", phone, chromedp.Navigate(srv.URL+"/articles/6/parallel/"))
		checkFitsPhone(t, tab, "articles/6/parallel/")
		got := eval[[]string](t, tab, `[...document.querySelectorAll("#art_6__para_1__point_a td")].map(td => td.querySelector(".parallel-lang").innerText + " | " + td.querySelector("p").innerText.replace(/\s+/g, " ").trim())`)
		want := []string{"English · authentic text | (a) The smuggling of migrants; ¶", "Nederlands · translation, not authentic | a. het smokkelen van migranten; ¶"}
		if !slices.Equal(got, want) {
			t.Errorf("art. 6(1)(a) side by side on a phone reads %q, want %q", got, want)
		}
	})

	t.Run("the whole text", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "opening the whole text on a phone", phone, chromedp.Navigate(srv.URL+"/text/"))
		checkFitsPhone(t, tab, "text/")
		// The contents are folded: the preamble starts on the first screen.
		if top := eval[float64](t, tab, `document.getElementById("preamble").getBoundingClientRect().top`); top > phoneHeight {
			t.Errorf("the preamble starts at %.0f px on a %d px phone screen, want it on the first screen", top, phoneHeight)
		}
	})

	// The facets, one line each on a phone, leave the first result on the
	// first screen; on a wide screen they stand beside the results.
	const firstHit = `document.querySelector("#search-results > li")?.getBoundingClientRect().top ?? -1`
	t.Run("search results", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "searching on a phone", phone, chromedp.Navigate(srv.URL+"/search/?q=fraudulent+document"))
		settle(t, tab, `document.querySelectorAll("#search-facets ul").length`, 4)
		checkFitsPhone(t, tab, "search/?q=fraudulent+document")
		if top := eval[float64](t, tab, firstHit); top < 0 || top > phoneHeight {
			t.Errorf("the first result is %.0f px down a %d px high screen, want on it", top, phoneHeight)
		}
	})
	t.Run("search results on a wide screen", func(t *testing.T) {
		tab := newTab(t, b)
		do(t, tab, "searching on a wide screen", screen(1280, 900, false), chromedp.Navigate(srv.URL+"/search/?q=fraudulent+document"))
		settle(t, tab, `document.querySelectorAll("#search-facets ul").length`, 4)
		facets := eval[float64](t, tab, `document.getElementById("search-facets").getBoundingClientRect().right`)
		results := eval[float64](t, tab, `document.getElementById("search-results").getBoundingClientRect().left`)
		if facets > results {
			t.Errorf("the facets end at x=%.0f, right of where the results start (x=%.0f): want them beside the results", facets, results)
		}
		if top := eval[float64](t, tab, firstHit); top < 0 || top > 600 {
			t.Errorf("the first result is %.0f px down a 900 px high screen, want in its first two thirds", top)
		}
	})
}

// maxPhoneHeader is how high the site's header may be on a phone, in CSS
// pixels: a fifth of a small phone's screen.
const maxPhoneHeader = phoneHeight / 5
