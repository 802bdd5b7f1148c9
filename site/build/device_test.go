package build

import (
	"encoding/json"
	"strings"
	"testing"
)

// offlinePage is an Offline copy page, which offers to keep the site on
// the device.
const offlinePage = `-- pages/offline.md --
---
title: "Offline copy"
---
Download [the offline copy](/offline/protosite-offline.zip).
`

// TestReadingWithNoConnection checks what a browser needs to keep the
// site: the service worker at the root, a manifest and a page for
// addresses not kept in every language, and the saving section on the
// Offline copy page, hidden until its script shows it.
func TestReadingWithNoConnection(t *testing.T) {
	files := languageSiteWith(t, offlinePage)
	if !strings.Contains(files["sw.js"], `addEventListener("fetch"`) {
		t.Error("the service worker is not at sw.js")
	}
	for _, c := range []struct{ prefix, lang, scope, icon string }{
		{"", "en", "./", "static/icon"},
		{"ar/", "ar", "../", "../static/icon"},
	} {
		var m struct {
			Name, Lang, Dir, Scope string
			StartURL               string `json:"start_url"`
			Icons                  []struct{ Src, Sizes, Type string }
		}
		if err := json.Unmarshal([]byte(files[c.prefix+"manifest.webmanifest"]), &m); err != nil {
			t.Fatalf("%smanifest.webmanifest: %v", c.prefix, err)
		}
		if m.Lang != c.lang || m.StartURL != "./" || m.Scope != c.scope || m.Name != "Test Protocol" {
			t.Errorf("%smanifest.webmanifest: %+v", c.prefix, m)
		}
		// The SVG icon, and the same drawn as PNG for browsers that take
		// no SVG icon.
		var kinds []string
		for _, ic := range m.Icons {
			kinds = append(kinds, ic.Type+" "+ic.Sizes)
			if !strings.HasPrefix(ic.Src, c.icon) || files[strings.TrimPrefix(ic.Src, "../")] == "" {
				t.Errorf("%smanifest.webmanifest's icon %+v is not an asset of the site", c.prefix, ic)
			}
		}
		if got, want := strings.Join(kinds, ", "), "image/svg+xml any, image/png 192x192, image/png 512x512"; got != want {
			t.Errorf("%smanifest.webmanifest's icons are %s, want %s", c.prefix, got, want)
		}
		if m.Lang == "ar" && m.Dir != "rtl" {
			t.Errorf("the Arabic manifest's dir is %q", m.Dir)
		}
	}
	mustContain(t, "article 1", files["articles/1/index.html"],
		`data-offline="../../offline/unsaved/"`, `<link rel="manifest" href="../../manifest.webmanifest">`,
		`<link rel="icon" href="../../static/icon.`, `.svg" type="image/svg+xml">`,
		`<link rel="apple-touch-icon" href="../../static/icon-180.`, `.png" sizes="180x180">`)
	mustContain(t, "Dutch article 1", files["nl/articles/1/index.html"],
		`data-offline="../../offline/unsaved/"`, `<link rel="manifest" href="../../manifest.webmanifest">`)
	mustContain(t, "the Dutch page for an address not kept", files["nl/offline/unsaved/index.html"],
		`<meta name="robots" content="noindex">`, `<h1>Deze pagina is niet bewaard op dit apparaat</h1>`, `<a href="../">Offline kopie</a>`)
	mustNotContain(t, "article 1", files["articles/1/index.html"], `name="robots"`)
	mustNotContain(t, "sitemap.xml", files["sitemap.xml"], "offline/unsaved/")

	page := files["offline/index.html"]
	mustContain(t, "the Offline copy page", page,
		`<section class="device-save" id="device-save" hidden aria-labelledby="device-save-h" data-list="en.json"`,
		`data-saving="Saving: {done} of {total} files…"`,
		`<button type="button" id="device-save-button" disabled>Keep on this device</button>`,
		`src="../static/device.`)
	// The Dutch page shows the English text, marked as English; the
	// section, in Dutch, stands outside it.
	mustContain(t, "the Dutch Offline copy page", files["nl/offline/index.html"],
		`<article class="page" lang="en">`, "</article>\n<section class=\"device-save\"", `data-list="../../offline/nl.json"`)
	mustNotContain(t, "the About page", files["about/index.html"], "device-save", "device.")
}

// TestNotKeptPageWithoutOfflinePage: a site without an Offline copy page
// still has the page for addresses not kept, which then does not link to
// the missing page.
func TestNotKeptPageWithoutOfflinePage(t *testing.T) {
	files := languageSite(t)
	page := files["offline/unsaved/index.html"]
	mustContain(t, "the page for an address not kept", page, `<h1>This page is not saved on this device</h1>`)
	mustNotContain(t, "the page for an address not kept", page, `Offline copy</a>`)
}
