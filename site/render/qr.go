package render

import (
	"fmt"

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
// included, and for every module page: each encodes the absolute URL of
// the page, with the provision's anchor, under the site's base URL.
func qrFiles(s *content.Site, g *resolve.Graph) ([]output.File, error) {
	var files []output.File
	add := func(name, siteURL string) error {
		svg, err := qrsvg.Encode(absURL(s, siteURL))
		if err != nil {
			return fmt.Errorf("QR code for %s: %w", siteURL, err)
		}
		files = append(files, output.File{Path: qrURL(name)[1:], Data: svg})
		return nil
	}
	for _, id := range g.IDs() {
		if err := add(id.String(), g.URL(id)); err != nil {
			return nil, err
		}
	}
	for _, m := range s.Modules {
		if err := add(moduleQRName(m), m.URL); err != nil {
			return nil, err
		}
	}
	return files, nil
}
