package qrsvg

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"rsc.io/qr/coding"
)

// svgImage is what the tests read back from an SVG.
type svgImage struct {
	ViewBox string `xml:"viewBox,attr"`
	Role    string `xml:"role,attr"`
	Shape   string `xml:"shape-rendering,attr"`
	Title   string `xml:"title"`
	Rect    struct {
		Width  string `xml:"width,attr"`
		Height string `xml:"height,attr"`
		Fill   string `xml:"fill,attr"`
	} `xml:"rect"`
	Paths []struct {
		D string `xml:"d,attr"`
	} `xml:"path"`
}

// version is the QR version rsc.io/qr chooses for text at Level: the
// smallest whose capacity holds the text in byte mode. URLs are lower
// case, so they never fit the numeric or alphanumeric modes.
func version(t *testing.T, text string) coding.Version {
	t.Helper()
	enc := coding.String(text)
	for v := coding.Version(coding.MinVersion); v <= coding.MaxVersion; v++ {
		if enc.Bits(v) <= v.DataBytes(coding.Level(Level))*8 {
			return v
		}
	}
	t.Fatalf("%q does not fit any QR version", text)
	return 0
}

var square = regexp.MustCompile(`^M(\d+) (\d+)h1v1h-1z`)

func TestEncode(t *testing.T) {
	for _, text := range []string{
		"https://protosite.example.org/articles/6/",
		"https://protosite.example.org/articles/6/#art_6__para_1__point_b__point_ii",
		"https://example.org/sub/modules/criminalization-basics/",
		`https://example.org/?a=<b>&c="d"`, // escaped in the title
	} {
		t.Run(text, func(t *testing.T) {
			svg, err := Encode(text)
			if err != nil {
				t.Fatal(err)
			}
			// Well-formed XML, every token of it.
			dec := xml.NewDecoder(bytes.NewReader(svg))
			for {
				if _, err := dec.Token(); err == io.EOF {
					break
				} else if err != nil {
					t.Fatalf("not well-formed XML: %v\n%s", err, svg)
				}
			}
			var img svgImage
			if err := xml.Unmarshal(svg, &img); err != nil {
				t.Fatal(err)
			}
			if img.Title != text {
				t.Errorf("<title> is %q, want the text %q", img.Title, text)
			}
			if img.Role != "img" || img.Shape != "crispEdges" {
				t.Errorf(`role=%q shape-rendering=%q, want "img" and "crispEdges"`, img.Role, img.Shape)
			}
			// The module count is the size of the version chosen, plus the
			// quiet zone on both sides.
			size := 17 + 4*int(version(t, text))
			n := size + 2*Quiet
			if want := fmt.Sprintf("0 0 %d %d", n, n); img.ViewBox != want {
				t.Errorf("viewBox is %q, want %q (version %d, %d modules, quiet zone %d)", img.ViewBox, want, version(t, text), size, Quiet)
			}
			if r := img.Rect; r.Width != strconv.Itoa(n) || r.Height != strconv.Itoa(n) || r.Fill != "#fff" {
				t.Errorf("background is %+v, want a white square of %d modules, quiet zone included", r, n)
			}
			if len(img.Paths) != 1 {
				t.Fatalf("%d paths, want one", len(img.Paths))
			}
			// Every dark module is a unit square inside the quiet zone; the
			// finder pattern puts dark modules on every edge of the code.
			d := img.Paths[0].D
			minX, minY, maxX, maxY := n, n, -1, -1
			dark := 0
			for d != "" {
				m := square.FindStringSubmatch(d)
				if m == nil {
					t.Fatalf("path data is not unit squares at %.30q", d)
				}
				x, _ := strconv.Atoi(m[1])
				y, _ := strconv.Atoi(m[2])
				minX, minY, maxX, maxY = min(minX, x), min(minY, y), max(maxX, x), max(maxY, y)
				dark++
				d = d[len(m[0]):]
			}
			if minX != Quiet || minY != Quiet || maxX != Quiet+size-1 || maxY != Quiet+size-1 {
				t.Errorf("dark modules span x %d–%d, y %d–%d; want %d–%d both ways, leaving a quiet zone of %d", minX, maxX, minY, maxY, Quiet, Quiet+size-1, Quiet)
			}
			if dark < size*size/4 || dark > size*size*3/4 {
				t.Errorf("%d of %d modules are dark: not a plausible QR code", dark, size*size)
			}
			again, err := Encode(text)
			if err != nil || !bytes.Equal(svg, again) {
				t.Error("encoding the same text twice gives different bytes")
			}
			if !strings.HasSuffix(string(svg), "</svg>\n") {
				t.Error("the SVG does not end with </svg> and a newline")
			}
		})
	}
}
