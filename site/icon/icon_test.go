package icon

import (
	"bytes"
	"image/color"
	"reflect"
	"strings"
	"testing"

	"protosite/static"
)

// at is the colour of the pixel x, y of the drawing size pixels wide.
func at(t *testing.T, svg string, size, x, y int, opaque bool) color.RGBA {
	t.Helper()
	d, err := Parse([]byte(svg))
	if err != nil {
		t.Fatal(err)
	}
	return d.Image(size, opaque).RGBAAt(x, y)
}

var (
	blue        = color.RGBA{0x0b, 0x5c, 0xad, 0xff}
	white       = color.RGBA{0xff, 0xff, 0xff, 0xff}
	transparent = color.RGBA{}
)

func TestShapesFillWhatTheyCover(t *testing.T) {
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">` +
		`<rect width="100" height="100" rx="20" fill="#0b5cad"/>` +
		// A square from 40 to 60, drawn with relative and absolute
		// commands, and a half disc on its right, drawn as an arc.
		`<path fill="#fff" d="M40 40h20v20H40z"/>` +
		`<path fill="#fff" d="m70,40a10 10 0 0 1 0 20z"/>` +
		"</svg>"
	for _, c := range []struct {
		name   string
		x, y   int
		opaque bool
		want   color.RGBA
	}{
		{"a corner, cut by the rounding", 1, 1, false, transparent},
		{"a corner of the opaque drawing", 1, 1, true, blue},
		{"the middle of an edge", 50, 1, false, blue},
		{"inside the square", 50, 50, false, white},
		{"inside the half disc", 75, 50, false, white},
		{"left of the half disc", 67, 50, false, blue},
		{"beyond the half disc's radius", 78, 42, false, blue},
	} {
		if got := at(t, svg, 100, c.x, c.y, c.opaque); got != c.want {
			t.Errorf("%s (%d, %d): %v, want %v", c.name, c.x, c.y, got, c.want)
		}
	}
	// Scaled, the same places in pixels twice as far.
	if got := at(t, svg, 200, 150, 100, false); got != white {
		t.Errorf("at 200 pixels, (150, 100) is %v, want white", got)
	}
}

// Numbers run together as SVG allows: a sign or a second full stop starts
// a number, and an arc's flags need no separator.
func TestCompactPathSyntax(t *testing.T) {
	a, err := parsePath(`M10 10L90 10L90 90A40 40 0 0 1 10 90Z`)
	if err != nil {
		t.Fatal(err)
	}
	b, err := parsePath(`M10,10 90,10 90 90a40,40,0,01-80,0z`)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a, b) {
		t.Errorf("compact flags: %+v, want %+v", b, a)
	}
	// Drawing on after Z starts another outline, at the closed one's start.
	c, err := parsePath(`M0 0H10V10ZL-10 0V-10z`)
	if err != nil {
		t.Fatal(err)
	}
	if len(c) != 2 || c[1].start != (point{0, 0}) || len(c[1].segments) != 2 {
		t.Errorf("M0 0H10V10ZL-10 0V-10z: %+v, want two outlines from 0,0", c)
	}
	n := &pathScanner{s: "-16.5.5e1-2"}
	var got []float64
	for !n.done() {
		v, err := n.number()
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
	}
	if want := []float64{-16.5, 5, -2}; len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("numbers of -16.5.5e1-2: %v, want %v", got, want)
	}
}

// What the package does not draw is an error that names the line and
// the element, never an icon drawn otherwise than the SVG says.
func TestRefusesWhatItDoesNotDraw(t *testing.T) {
	for _, c := range []struct{ svg, want string }{
		{`<svg viewBox="0 0 10 10">` + "\n" + `<circle r="5" fill="#000"/></svg>`, "line 2: <circle>: not drawn"},
		{`<svg viewBox="0 0 10 10"><rect width="5" height="5" fill="#000" stroke="#fff"/></svg>`, "attribute stroke is not drawn"},
		{`<svg viewBox="0 0 10 10"><path d="M0 0Q5 5 10 0z" fill="#000"/></svg>`, "command Q is not drawn"},
		{`<svg viewBox="0 0 10 10"><path d="L5 5" fill="#000"/></svg>`, "drawing before the first M"},
		{`<svg viewBox="0 0 10 10"><path d="M0 0L5" fill="#000"/></svg>`, "a number expected"},
		{`<svg viewBox="0 0 10 10"><rect width="5" height="5" fill="red"/></svg>`, `fill "red": want #rrggbb or #rgb`},
		{`<svg viewBox="0 0 10 10"><rect width="5" height="5"/></svg>`, `fill "": want`},
		{`<svg viewBox="5 5 10 10"></svg>`, "viewBox"},
		{`<svg><rect width="5" height="5" fill="#000"/></svg>`, "viewBox"},
		{`<svg viewBox="0 0 10 10"><rect`, "reading the icon"},
	} {
		_, err := Parse([]byte(c.svg))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want one saying %q", c.svg, err, c.want)
		}
	}
}

// The same drawing gives the same bytes: the build's output is the same
// for the same input.
func TestPNGIsTheSameEachTime(t *testing.T) {
	d, err := Parse([]byte(`<svg viewBox="0 0 512 512"><rect width="512" height="512" rx="96" fill="#0b5cad"/><path fill="#fff" d="M152 96h160l88 88v232a16 16 0 0 1-16 16H152z"/></svg>`))
	if err != nil {
		t.Fatal(err)
	}
	a, err := d.PNG(192, false)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := d.PNG(192, false)
	if !bytes.Equal(a, b) {
		t.Error("two PNGs of the same drawing differ")
	}
}

// BenchmarkSiteIcon draws the site's icon as every build does: Safari's
// and the manifest's sizes.
func BenchmarkSiteIcon(b *testing.B) {
	svg, err := static.FS.ReadFile("icon.svg")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		d, err := Parse(svg)
		if err != nil {
			b.Fatal(err)
		}
		for i, size := range []int{180, 192, 512} {
			if _, err := d.PNG(size, i == 0); err != nil {
				b.Fatal(err)
			}
		}
	}
}
