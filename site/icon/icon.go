// Package icon draws the site's SVG icon as PNG images, for the browsers
// and home screens that take no SVG icon: Safari's apple-touch-icon and
// the PNG icons of a web app manifest. The SVG stays the one drawing; the
// package reads the little of SVG it uses, rectangles and paths filled
// with one colour, and refuses the rest, so that a changed drawing fails
// the build rather than making a wrong icon.
package icon

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"strconv"
	"strings"

	"golang.org/x/image/vector"
)

// shape is one filled outline of the drawing, in the viewBox's units.
type shape struct {
	fill  color.NRGBA
	paths []subpath
}

// Drawing is an SVG icon read into filled outlines.
type Drawing struct {
	width, height float32 // the viewBox's size
	shapes        []shape
}

// Parse reads an SVG icon: a viewBox at 0 0, and rect and path elements
// with a fill colour in #rrggbb or #rgb.
func Parse(svg []byte) (*Drawing, error) {
	dec := xml.NewDecoder(bytes.NewReader(svg))
	d := &Drawing{}
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading the icon: %w", err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		attr := map[string]string{}
		for _, a := range el.Attr {
			attr[a.Name.Local] = a.Value
		}
		line, _ := dec.InputPos()
		if err := d.add(el.Name.Local, attr); err != nil {
			return nil, fmt.Errorf("line %d: <%s>: %w", line, el.Name.Local, err)
		}
	}
	if d.width <= 0 || d.height <= 0 {
		return nil, errors.New("the icon has no viewBox")
	}
	return d, nil
}

// add reads one element of the drawing.
func (d *Drawing) add(name string, attr map[string]string) error {
	switch name {
	case "svg":
		f, err := numbers(attr["viewBox"])
		if err != nil || len(f) != 4 || f[0] != 0 || f[1] != 0 {
			return fmt.Errorf("viewBox %q: want 0 0 width height", attr["viewBox"])
		}
		d.width, d.height = f[2], f[3]
		return nil
	case "rect", "path":
	default:
		return errors.New("not drawn: only rect and path are")
	}
	for _, a := range []string{"stroke", "transform", "opacity", "fill-opacity", "fill-rule", "style", "clip-path"} {
		if _, ok := attr[a]; ok {
			return fmt.Errorf("attribute %s is not drawn", a)
		}
	}
	fill, err := parseColor(attr["fill"])
	if err != nil {
		return err
	}
	var paths []subpath
	if name == "rect" {
		paths, err = rect(attr)
	} else {
		paths, err = parsePath(attr["d"])
	}
	if err != nil {
		return err
	}
	d.shapes = append(d.shapes, shape{fill: fill, paths: paths})
	return nil
}

// Image draws the icon size pixels wide, its height in the viewBox's
// proportion, each shape over the ones before it. An opaque image has the
// first shape's colour where the drawing leaves it transparent: a home
// screen that rounds icons itself shows black there.
func (d *Drawing) Image(size int, opaque bool) *image.RGBA {
	scale := float32(size) / d.width
	h := int(d.height*scale + 0.5)
	// RGBA rather than NRGBA: the rasterizer fills it in place, without
	// a call per pixel.
	img := image.NewRGBA(image.Rect(0, 0, size, h))
	if opaque && len(d.shapes) > 0 {
		draw.Draw(img, img.Bounds(), image.NewUniform(d.shapes[0].fill), image.Point{}, draw.Src)
	}
	for _, s := range d.shapes {
		r := vector.NewRasterizer(size, h)
		for _, p := range s.paths {
			p.draw(r, scale)
		}
		r.Draw(img, img.Bounds(), image.NewUniform(s.fill), image.Point{})
	}
	return img
}

// PNG draws the icon size pixels wide as a PNG file, as Image does.
func (d *Drawing) PNG(size int, opaque bool) ([]byte, error) {
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.DefaultCompression}
	if err := enc.Encode(&b, d.Image(size, opaque)); err != nil {
		return nil, fmt.Errorf("encoding the %d-pixel icon: %w", size, err)
	}
	return b.Bytes(), nil
}

// parseColor reads a fill in #rrggbb or #rgb.
func parseColor(s string) (color.NRGBA, error) {
	if len(s) == 4 && s[0] == '#' {
		s = string([]byte{'#', s[1], s[1], s[2], s[2], s[3], s[3]})
	}
	v, err := strconv.ParseUint(strings.TrimPrefix(s, "#"), 16, 32)
	if len(s) != 7 || s[0] != '#' || err != nil {
		return color.NRGBA{}, fmt.Errorf("fill %q: want #rrggbb or #rgb", s)
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}, nil
}

// numbers reads numbers separated by spaces or commas.
func numbers(s string) ([]float32, error) {
	var out []float32
	for _, f := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == ',' }) {
		v, err := strconv.ParseFloat(f, 32)
		if err != nil {
			return nil, err
		}
		out = append(out, float32(v))
	}
	return out, nil
}
