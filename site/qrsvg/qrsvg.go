// Package qrsvg draws QR codes as SVG: the code is computed by rsc.io/qr
// and drawn here as one path of unit squares on a white square, so that it
// scales to any size without blurring and prints sharply.
package qrsvg

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"

	"rsc.io/qr"
)

// Quiet is the light margin around the code, in modules: the four modules
// the QR standard requires for a reader to find the code.
const Quiet = 4

// Level is the error correction level: M lets a reader recover from about
// 15% of the code being damaged or smudged, as on a photocopied handout.
const Level = qr.M

// Scale is the size of one module in the SVG's default size, in CSS pixels.
const Scale = 4

// Encode returns an SVG image of a QR code for text, typically an absolute
// URL. The image is a square of Size(text)+2*Quiet modules, named by text
// in its <title>. The same text always gives the same bytes.
func Encode(text string) ([]byte, error) {
	c, err := qr.Encode(text, Level)
	if err != nil {
		return nil, fmt.Errorf("encoding %q as a QR code: %w", text, err)
	}
	n := strconv.Itoa(c.Size + 2*Quiet)
	px := strconv.Itoa((c.Size + 2*Quiet) * Scale)
	var b bytes.Buffer
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ` + n + " " + n + `" width="` + px + `" height="` + px + `" role="img" shape-rendering="crispEdges">`)
	b.WriteString("<title>")
	if err := xml.EscapeText(&b, []byte(text)); err != nil {
		return nil, err
	}
	b.WriteString("</title>")
	b.WriteString(`<rect width="` + n + `" height="` + n + `" fill="#fff"/>`)
	b.WriteString(`<path fill="#000" d="`)
	for y := range c.Size {
		for x := range c.Size {
			if c.Black(x, y) {
				b.WriteString("M" + strconv.Itoa(x+Quiet) + " " + strconv.Itoa(y+Quiet) + "h1v1h-1z")
			}
		}
	}
	b.WriteString(`"/></svg>` + "\n")
	return b.Bytes(), nil
}
