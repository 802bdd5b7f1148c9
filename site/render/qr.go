package render

import (
	"fmt"
	"runtime"
	"sync"

	"golang.org/x/sync/errgroup"

	"protosite/site/content"
	"protosite/site/output"
	"protosite/site/qrsvg"
	"protosite/site/resolve"
)

// qrURL is the site-absolute URL of the QR code named name: the AKN id of
// an article or provision, or moduleQRName of a module.
func qrURL(name string) string { return "/qr/" + name + ".svg" }

// moduleQRName names the QR code of a module's page; the prefix keeps it
// apart from the AKN ids of provisions.
func moduleQRName(d *content.Doc) string { return "module-" + d.ID }

// qrFiles draws a QR code for every provision, article and preamble
// included, and for every module page, in every language: each encodes the
// absolute URL of the page in its language, with the provision's anchor,
// under the site's base URL. The codes are drawn on every core.
func (r *Renderer) qrFiles(s *content.Site, g *resolve.Graph, langs []*langView) ([]output.File, error) {
	type job struct{ name, siteURL string }
	var jobs []job
	for _, id := range g.IDs() {
		jobs = append(jobs, job{id.String(), g.URL(id)})
	}
	for _, m := range s.Modules {
		jobs = append(jobs, job{moduleQRName(m), m.URL})
	}
	files := make([]output.File, len(jobs)*len(langs))
	var eg errgroup.Group
	eg.SetLimit(runtime.GOMAXPROCS(0))
	for i, l := range langs {
		for j, jb := range jobs {
			eg.Go(func() error {
				svg, err := r.qr.encode(absURL(s, l.url(jb.siteURL)))
				if err != nil {
					return fmt.Errorf("QR code for %s: %w", l.url(jb.siteURL), err)
				}
				files[i*len(jobs)+j] = output.File{Path: l.qr(qrURL(jb.name))[1:], Data: svg}
				return nil
			})
		}
	}
	if err := eg.Wait(); err != nil {
		return nil, err
	}
	return files, nil
}

// qrCache keeps the QR codes a Renderer made: a code depends only on the
// address it encodes, and a site rendered again under live editing
// encodes the same addresses.
type qrCache struct {
	mu  sync.Mutex
	svg map[string][]byte
}

// encode returns the QR code of url as SVG.
func (c *qrCache) encode(url string) ([]byte, error) {
	c.mu.Lock()
	svg, ok := c.svg[url]
	c.mu.Unlock()
	if ok {
		return svg, nil
	}
	svg, err := qrsvg.Encode(url)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.svg[url] = svg
	c.mu.Unlock()
	return svg, nil
}
