package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestPNGIconsLookLikeTheSVG compares each PNG icon the site gives, the
// home-screen icon of Safari and the manifest's, with Chromium's own
// drawing of the SVG icon at the same size: the PNGs are drawn by the
// site's code, and must show what the SVG shows.
func TestPNGIconsLookLikeTheSVG(t *testing.T) {
	srv, _ := serveRealSite(t)
	fetch := func(u string) []byte {
		t.Helper()
		status, body := get(t, u)
		if status != http.StatusOK {
			t.Fatalf("GET %s: status %d", u, status)
		}
		return body
	}
	page := string(fetch(srv.URL + "/articles/6/"))
	svg := attrOf(t, page, `<link rel="icon" href="([^"]+)" type="image/svg\+xml">`)
	touch := attrOf(t, page, `<link rel="apple-touch-icon" href="([^"]+)" sizes="180x180">`)
	var manifest struct {
		Icons []struct{ Src, Sizes, Type string }
	}
	if err := json.Unmarshal(fetch(srv.URL+"/manifest.webmanifest"), &manifest); err != nil {
		t.Fatal(err)
	}
	type pngIcon struct {
		url        string
		size       int
		background string // what shows through the SVG where it is transparent
	}
	// Safari's icon is opaque, the SVG's blue behind its corners.
	icons := []pngIcon{{absolute(t, srv.URL+"/articles/6/", touch), 180, "#0b5cad"}}
	for _, ic := range manifest.Icons {
		if ic.Type != "image/png" {
			continue
		}
		var size int
		if _, err := fmt.Sscanf(ic.Sizes, "%dx", &size); err != nil || ic.Sizes != fmt.Sprintf("%dx%d", size, size) {
			t.Fatalf("manifest icon %s has sizes %q", ic.Src, ic.Sizes)
		}
		icons = append(icons, pngIcon{absolute(t, srv.URL+"/manifest.webmanifest", ic.Src), size, "#ffffff"})
	}
	if len(icons) != 3 {
		t.Fatalf("%d PNG icons, want Safari's and two in the manifest", len(icons))
	}

	tab := newTab(t, newBrowser(t))
	do(t, tab, "opening a page", chromedp.Navigate(srv.URL+"/articles/6/"))
	for _, ic := range icons {
		ours, err := png.Decode(bytes.NewReader(fetch(ic.url)))
		if err != nil {
			t.Fatalf("%s: %v", ic.url, err)
		}
		if b := ours.Bounds(); b.Dx() != ic.size || b.Dy() != ic.size {
			t.Errorf("%s is %dx%d, want %d pixels square", ic.url, b.Dx(), b.Dy(), ic.size)
			continue
		}
		eval[bool](t, tab, fmt.Sprintf(`(() => {
			document.body.innerHTML = '<img id="svg-icon" src="%s" width="%d" height="%d" style="display:block">';
			document.body.style.cssText = "margin:0;padding:0;background:%s";
			return document.getElementById("svg-icon").decode().then(() => true);
		})()`, svg, ic.size, ic.size, ic.background))
		shot := run(t, tab, "taking a picture of the SVG icon", chromedp.Screenshot("#svg-icon"))
		theirs, err := png.Decode(bytes.NewReader(shot))
		if err != nil {
			t.Fatal(err)
		}
		mean, far := difference(over(ours, ic.background), theirs)
		t.Logf("%s: mean difference %.2f of 255, %.2f%% of pixels far apart", ic.url, mean, far*100)
		// Edges are anti-aliased a little differently; shapes must agree.
		if mean > 2 || far > 0.01 {
			t.Errorf("%s differs from Chromium's drawing of the SVG: mean difference %.2f of 255, %.2f%% of pixels far apart", ic.url, mean, far*100)
		}
	}
}

// attrOf returns the first group of pattern in page.
func attrOf(t *testing.T, page, pattern string) string {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("the page has no %s", pattern)
	}
	return m[1]
}

// absolute makes ref, relative to the page at base, absolute.
func absolute(t *testing.T, base, ref string) string {
	t.Helper()
	b, err := url.Parse(base)
	if err == nil {
		b, err = b.Parse(ref)
	}
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// over draws img over the background colour #rrggbb.
func over(img image.Image, background string) image.Image {
	v, _ := strconv.ParseUint(strings.TrimPrefix(background, "#"), 16, 32)
	out := image.NewRGBA(img.Bounds())
	draw.Draw(out, out.Bounds(), image.NewUniform(color.RGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}), image.Point{}, draw.Src)
	draw.Draw(out, out.Bounds(), img, img.Bounds().Min, draw.Over)
	return out
}

// difference compares two pictures of a size: the mean difference of
// their colour channels, out of 255, and the share of pixels with a
// channel more than a quarter apart.
func difference(a, b image.Image) (mean, far float64) {
	ab, bb := a.Bounds(), b.Bounds()
	if ab.Dx() != bb.Dx() || ab.Dy() != bb.Dy() {
		return 255, 1
	}
	var sum float64
	var apart int
	for y := 0; y < ab.Dy(); y++ {
		for x := 0; x < ab.Dx(); x++ {
			r1, g1, b1, _ := a.At(ab.Min.X+x, ab.Min.Y+y).RGBA()
			r2, g2, b2, _ := b.At(bb.Min.X+x, bb.Min.Y+y).RGBA()
			worst := 0.0
			for _, d := range []float64{float64(r1) - float64(r2), float64(g1) - float64(g2), float64(b1) - float64(b2)} {
				if d < 0 {
					d = -d
				}
				d /= 257
				sum += d
				worst = max(worst, d)
			}
			if worst > 64 {
				apart++
			}
		}
	}
	n := float64(ab.Dx() * ab.Dy())
	return sum / (3 * n), float64(apart) / n
}
