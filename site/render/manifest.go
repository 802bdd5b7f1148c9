package render

import (
	"encoding/json"
	"fmt"

	"protosite/site/output"
	"protosite/site/urls"
)

// ManifestName is the web app manifest's file name, in each language's
// root directory.
const ManifestName = "manifest.webmanifest"

// webManifest is a web app manifest: what a phone needs to put the site on
// its home screen and open it in a window of its own.
type webManifest struct {
	Name       string         `json:"name"`
	Lang       string         `json:"lang"`
	Dir        string         `json:"dir"`
	StartURL   string         `json:"start_url"`
	Scope      string         `json:"scope"`
	Display    string         `json:"display"`
	Background string         `json:"background_color"`
	Theme      string         `json:"theme_color"`
	Icons      []manifestIcon `json:"icons"`
}

// manifestIcon is one icon of a manifest.
type manifestIcon struct {
	Src   string `json:"src"`
	Sizes string `json:"sizes"`
	Type  string `json:"type"`
}

// manifestURL is the site-absolute URL of l's manifest.
func (l *langView) manifestURL() string { return l.prefix + "/" + ManifestName }

// manifest writes l's web app manifest. It starts at the language's home
// page, and its scope is the whole site, whose pages in the default
// language the language's pages link to where they have no translation.
// The window keeps the browser's back button and address ("minimal-ui"):
// readers copy addresses of provisions.
func manifest(l *langView, siteTitle string, assets map[string]string) (output.File, error) {
	at := l.manifestURL()
	m := webManifest{
		Name: cmpOr(l.Title, siteTitle), Lang: l.Code, Dir: l.Dir,
		StartURL: "./", Scope: urls.Rel(at, "/"), Display: "minimal-ui",
		// The stylesheet's --bg and --accent.
		Background: "#ffffff", Theme: "#0b5cad",
		Icons: []manifestIcon{{Src: urls.Rel(at, assets["icon.svg"]), Sizes: "any", Type: "image/svg+xml"}},
	}
	// Drawn as PNG for browsers that take no SVG icon.
	for _, size := range iconSizes {
		if size != touchIcon {
			m.Icons = append(m.Icons, manifestIcon{Src: urls.Rel(at, assets[iconPNG(size)]), Sizes: fmt.Sprintf("%dx%d", size, size), Type: "image/png"})
		}
	}
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return output.File{}, fmt.Errorf("writing %s: %w", at, err)
	}
	return output.File{Path: at[1:], Data: append(data, '\n')}, nil
}
