package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"protosite/site/icon"
	"protosite/site/markdown"
	"protosite/site/output"
	"protosite/static"
)

// assets are the stylesheet and script, named by a hash of their contents
// so that they can be cached for ever.
type assets struct {
	url   map[string]string // logical name ("style.css") → site-absolute URL
	files []output.File
}

// scriptAssets are the scripts besides site.js that pages may load, and
// the site's icon, drawn as PNG too (iconSizes).
var scriptAssets = []string{"goto.js", "terms.js", "compare.js", "search.js", "search-page.js", "present.js", "reading.js", "live.js", "device.js", "icon.svg"}

// serviceWorker is the service worker's file, at the site's root: a
// worker controls the pages under the directory it is served from, and
// its name must not change between builds, since a browser looks for a
// new version of the worker at the address it registered.
const serviceWorker = "sw.js"

func newAssets() (*assets, error) {
	a := &assets{url: map[string]string{}}
	css, err := fs.ReadFile(static.FS, "style.css")
	if err != nil {
		return nil, fmt.Errorf("reading stylesheet: %w", err)
	}
	var buf bytes.Buffer
	buf.Write(css)
	buf.WriteString("\n/* Code highlighting, generated from chroma styles. */\n")
	if err := markdown.HighlightCSS(&buf); err != nil {
		return nil, fmt.Errorf("generating highlighting stylesheet: %w", err)
	}
	a.add("style.css", buf.Bytes())
	js, err := fs.ReadFile(static.FS, "site.js")
	if err != nil {
		return nil, fmt.Errorf("reading script: %w", err)
	}
	a.add("site.js", js)
	for _, name := range scriptAssets {
		data, err := readScript(name)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", name, err)
		}
		a.add(name, data)
	}
	if err := a.addIcons(); err != nil {
		return nil, err
	}
	sw, err := fs.ReadFile(static.FS, serviceWorker)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", serviceWorker, err)
	}
	a.url[serviceWorker] = "/" + serviceWorker
	a.files = append(a.files, output.File{Path: serviceWorker, Data: sw})
	return a, nil
}

// readScript reads a script asset: search.js is joined from its parts, so
// that the browser still loads the engine in one request.
func readScript(name string) ([]byte, error) {
	if name == "search.js" {
		return static.SearchEngine()
	}
	return fs.ReadFile(static.FS, name)
}

func (a *assets) add(name string, data []byte) {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	hashed := "static/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:5]) + ext
	a.url[name] = "/" + hashed
	a.files = append(a.files, output.File{Path: hashed, Data: data})
}

// with returns the asset URLs and files with one more asset, made for one
// build, leaving a unchanged.
func (a *assets) with(name string, data []byte) (map[string]string, []output.File) {
	more := &assets{url: map[string]string{}, files: append([]output.File(nil), a.files...)}
	for k, v := range a.url {
		more.url[k] = v
	}
	more.add(name, data)
	return more.url, more.files
}

// iconSizes are the sizes, in pixels, of the icon drawn as PNG, for what
// takes no SVG icon: 180 for Safari's home screen (apple-touch-icon), 192
// and 512 for a web app manifest's icons.
var iconSizes = []int{touchIcon, 192, 512}

// touchIcon is the size of Safari's home-screen icon, which is drawn
// opaque: Safari rounds its corners itself.
const touchIcon = 180

// iconPNG is the logical name of the icon drawn size pixels wide.
func iconPNG(size int) string { return fmt.Sprintf("icon-%d.png", size) }

// addIcons draws the SVG icon as PNG in each of iconSizes.
func (a *assets) addIcons() error {
	svg, err := fs.ReadFile(static.FS, "icon.svg")
	if err != nil {
		return fmt.Errorf("reading icon.svg: %w", err)
	}
	d, err := icon.Parse(svg)
	if err != nil {
		return fmt.Errorf("static/icon.svg: %w", err)
	}
	for _, size := range iconSizes {
		data, err := d.PNG(size, size == touchIcon)
		if err != nil {
			return err
		}
		a.add(iconPNG(size), data)
	}
	return nil
}
