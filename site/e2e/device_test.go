package e2e

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// saveTimeout bounds saving the whole site in one language into the
// browser's cache from a server on loopback.
const saveTimeout = 90 * time.Second

// TestKeepingTheSiteOnTheDevice reads the site with the server gone, as a
// reader at a border post would: a page opened before, the pages saved
// with "Keep on this device", search from the saved index, and the page
// saying that an address was not saved, in the address's language.
func TestKeepingTheSiteOnTheDevice(t *testing.T) {
	srv, _ := serveRealSite(t)
	b := newBrowser(t)
	tab := newTab(t, b)

	open := func(path string) {
		t.Helper()
		do(t, tab, "opening "+path, chromedp.Navigate(srv.URL+path))
	}
	open("/articles/6/")
	if got := settle(t, tab, `!!navigator.serviceWorker.controller`, true); !got {
		t.Fatal("no service worker controls the page")
	}
	open("/articles/7/")
	open("/nl/articles/6/")

	open("/offline/")
	if got := settle(t, tab, `document.getElementById("device-save").hidden === false && !document.getElementById("device-save-button").disabled`, true); !got {
		t.Fatalf("the Keep on this device button is not offered; status %q", eval[string](t, tab, `document.getElementById("device-save-status").textContent`))
	}
	total := eval[int](t, tab, `fetch("en.json").then(r => r.json()).then(l => l.files.length)`)
	if total < 300 {
		t.Fatalf("the save list names %d files, fewer than the English pages", total)
	}
	want := "Kept on this device: all " + strconv.Itoa(total) + " files."
	keep := func() string {
		t.Helper()
		before := eval[string](t, tab, `document.getElementById("device-save-status").textContent`)
		do(t, tab, "saving the site", chromedp.Click(chromedp.CSS("#device-save-button")))
		status := before
		for deadline := time.Now().Add(saveTimeout); time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
			status = eval[string](t, tab, `document.getElementById("device-save-status").textContent`)
			if status != before && (strings.HasPrefix(status, want) || strings.HasPrefix(status, "Not saved")) {
				break
			}
		}
		if !strings.HasPrefix(status, want) || !strings.Contains(status, "Last kept whole on ") {
			t.Fatalf("after saving, the status is %q, want %q and the day", status, want)
		}
		return status
	}
	if status := keep(); strings.Contains(status, "changed") {
		t.Errorf("just saved, the status says %q", status)
	}

	// A copy kept from an older build of the site says that the site has
	// changed since, and when it was kept; keeping it again brings it up
	// to date.
	eval[bool](t, tab, `caches.open("protosite-v1").then(c => c.put(new URL("en.json", location.href).href,
		new Response('{"bytes":0,"files":[]}', {headers: {"X-Protosite-Kept": "2026-01-02T12:00:00Z"}}))).then(() => true)`)
	do(t, tab, "reloading the offline page", chromedp.Reload())
	if got := settle(t, tab, `document.getElementById("device-save-status").textContent.includes("The site has changed since")`, true); !got {
		t.Errorf("with a copy of an older site, the status is %q", eval[string](t, tab, `document.getElementById("device-save-status").textContent`))
	}
	if got := eval[string](t, tab, `document.getElementById("device-save-status").textContent`); !strings.Contains(got, "2 January 2026") {
		t.Errorf("the status %q does not say when the copy was kept", got)
	}
	if status := keep(); strings.Contains(status, "changed") {
		t.Errorf("kept again, the status still says %q", status)
	}

	// Every connection to the server is refused from now on.
	srv.Close()

	heading := func(path string) string {
		t.Helper()
		open(path)
		return eval[string](t, tab, `document.querySelector("h1")?.textContent ?? ""`)
	}
	open("/offline/")
	if got := settle(t, tab, `document.getElementById("device-save-status").textContent.startsWith(`+strconv.Quote(want)+`)`, true); !got {
		t.Errorf("with no server, the offline page says %q, want %q", eval[string](t, tab, `document.getElementById("device-save-status").textContent`), want)
	}
	for path, want := range map[string]string{
		"/articles/7/":  "Article 7",  // opened before
		"/articles/12/": "Article 12", // saved, never opened
		"/":             "Smuggling",  // saved
	} {
		if got := heading(path); !strings.Contains(got, want) {
			t.Errorf("with no server, %s shows %q, want %q", path, got, want)
		}
	}
	if got := eval[bool](t, tab, `getComputedStyle(document.body).fontFamily !== "" && document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0`); !got {
		t.Error("with no server, the page has no stylesheet")
	}

	t.Run("search", func(t *testing.T) {
		open("/search/?q=smuggling")
		got := settle(t, tab, `document.querySelectorAll("#search-results li a").length > 0`, true)
		if !got {
			t.Errorf("with no server, searching finds nothing; status %q", eval[string](t, tab, `document.getElementById("search-status")?.textContent ?? ""`))
		}
	})

	t.Run("an address not saved", func(t *testing.T) {
		for path, want := range map[string]string{
			"/no-such-page/":    "This page is not saved on this device",
			"/nl/no-such-page/": "Deze pagina is niet bewaard op dit apparaat",
		} {
			if got := heading(path); got != want {
				t.Errorf("with no server, %s shows %q, want %q", path, got, want)
			}
		}
	})
}

// TestKeepingNeedsNoScriptToRead checks the Offline copy page without
// JavaScript: the zip is offered and the saving section stays hidden, so
// that no button is shown that cannot work.
func TestKeepingNeedsNoScriptToRead(t *testing.T) {
	srv, _ := serveRealSite(t)
	tab := newTab(t, newBrowser(t))
	do(t, tab, "disabling scripts", disableScripts)
	do(t, tab, "opening the offline page", chromedp.Navigate(srv.URL+"/offline/"))
	if got := eval[bool](t, tab, `document.querySelector('a[href$="protosite-offline.zip"]') !== null`); !got {
		t.Error("without JavaScript, the Offline copy page does not link the zip")
	}
	if got := eval[bool](t, tab, `document.getElementById("device-save").getClientRects().length === 0`); !got {
		t.Error("without JavaScript, the Keep on this device section is shown")
	}
	if got := eval[bool](t, tab, `navigator.serviceWorker.controller === null`); !got {
		t.Error("without JavaScript, a service worker controls the page")
	}
}

// TestSiteCanBeInstalled asks Chromium whether a page can be put on a
// phone's home screen as an app: its manifest, icon and service worker
// must be what the browser needs.
func TestSiteCanBeInstalled(t *testing.T) {
	srv, _ := serveRealSite(t)
	tab := newTab(t, newBrowser(t))
	for _, path := range []string{"/articles/6/", "/nl/articles/6/"} {
		do(t, tab, "opening "+path, chromedp.Navigate(srv.URL+path))
		settle(t, tab, `!!navigator.serviceWorker.controller`, true)
		var errs []*page.InstallabilityError
		do(t, tab, "asking whether "+path+" can be installed", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			res, err := cdp.Call(ctx, tg, page.GetInstallabilityErrors, cdp.Empty{})
			errs = res.InstallabilityErrors
			return err
		}))
		for _, e := range errs {
			var args []string
			for _, a := range e.ErrorArguments {
				args = append(args, a.Name+"="+a.Value)
			}
			t.Errorf("%s cannot be installed: %s %v", path, e.ErrorID, args)
		}
	}
}
