package icon

import (
	"errors"
	"fmt"
	"math"
	"strconv"

	"golang.org/x/image/vector"
)

// point is a point of the viewBox.
type point struct{ x, y float64 }

// segment is a line, or a cubic Bézier curve when curve is set, from the
// end of the segment before it to to.
type segment struct {
	c1, c2, to point
	curve      bool
}

// subpath is an outline: a start and segments, closed when filled.
type subpath struct {
	start    point
	segments []segment
}

// draw adds the subpath to r, scaled from the viewBox to pixels.
func (p subpath) draw(r *vector.Rasterizer, scale float32) {
	s := float64(scale)
	r.MoveTo(float32(p.start.x*s), float32(p.start.y*s))
	for _, g := range p.segments {
		if g.curve {
			r.CubeTo(float32(g.c1.x*s), float32(g.c1.y*s), float32(g.c2.x*s), float32(g.c2.y*s), float32(g.to.x*s), float32(g.to.y*s))
		} else {
			r.LineTo(float32(g.to.x*s), float32(g.to.y*s))
		}
	}
	r.ClosePath()
}

// rect reads a rect element, its corners rounded by rx (and ry).
func rect(attr map[string]string) ([]subpath, error) {
	v := map[string]float64{}
	for _, name := range []string{"x", "y", "width", "height", "rx", "ry"} {
		if s, ok := attr[name]; ok {
			f, err := strconv.ParseFloat(s, 64)
			if err != nil || f < 0 && name != "x" && name != "y" {
				return nil, fmt.Errorf("%s %q: want a number of user units", name, s)
			}
			v[name] = f
		}
	}
	x, y, w, h := v["x"], v["y"], v["width"], v["height"]
	rx, hasRX := v["rx"]
	ry, hasRY := v["ry"]
	if !hasRY {
		ry = rx
	}
	if !hasRX {
		rx = ry
	}
	rx, ry = math.Min(rx, w/2), math.Min(ry, h/2)
	p := &builder{}
	p.moveTo(point{x + rx, y})
	p.lineTo(point{x + w - rx, y})
	p.arc(rx, ry, 0, false, true, point{x + w, y + ry})
	p.lineTo(point{x + w, y + h - ry})
	p.arc(rx, ry, 0, false, true, point{x + w - rx, y + h})
	p.lineTo(point{x + rx, y + h})
	p.arc(rx, ry, 0, false, true, point{x, y + h - ry})
	p.lineTo(point{x, y + ry})
	p.arc(rx, ry, 0, false, true, point{x + rx, y})
	return p.paths, nil
}

// builder gathers subpaths as path commands move and draw.
type builder struct {
	paths  []subpath
	at     point // the current point
	closed bool  // the last subpath is closed: drawing on starts another
}

func (b *builder) moveTo(p point) {
	b.paths = append(b.paths, subpath{start: p})
	b.at, b.closed = p, false
}

func (b *builder) lineTo(p point) {
	if p != b.at {
		b.add(segment{to: p})
	}
}

func (b *builder) cubeTo(c1, c2, p point) { b.add(segment{c1: c1, c2: c2, to: p, curve: true}) }

func (b *builder) add(g segment) {
	if b.closed {
		b.moveTo(b.at)
	}
	last := &b.paths[len(b.paths)-1]
	last.segments = append(last.segments, g)
	b.at = g.to
}

// closePath ends the subpath; what is drawn next starts from its start.
func (b *builder) closePath() { b.at, b.closed = b.paths[len(b.paths)-1].start, true }

// arc draws an elliptical arc to p as SVG does (SVG 1.1, appendix F.6),
// in cubic curves of at most a quarter turn each.
func (b *builder) arc(rx, ry, rotation float64, large, sweep bool, p point) {
	from := b.at
	rx, ry = math.Abs(rx), math.Abs(ry)
	if from == p {
		return
	}
	if rx == 0 || ry == 0 {
		b.lineTo(p)
		return
	}
	phi := rotation * math.Pi / 180
	cos, sin := math.Cos(phi), math.Sin(phi)
	// The midpoint between the ends, in the ellipse's axes.
	dx, dy := (from.x-p.x)/2, (from.y-p.y)/2
	x1 := cos*dx + sin*dy
	y1 := -sin*dx + cos*dy
	// Radii too small to reach are scaled up until they do.
	if l := x1*x1/(rx*rx) + y1*y1/(ry*ry); l > 1 {
		rx, ry = rx*math.Sqrt(l), ry*math.Sqrt(l)
	}
	num := rx*rx*ry*ry - rx*rx*y1*y1 - ry*ry*x1*x1
	den := rx*rx*y1*y1 + ry*ry*x1*x1
	k := math.Sqrt(math.Max(0, num/den))
	if large == sweep {
		k = -k
	}
	cx1, cy1 := k*rx*y1/ry, -k*ry*x1/rx
	cx := cos*cx1 - sin*cy1 + (from.x+p.x)/2
	cy := sin*cx1 + cos*cy1 + (from.y+p.y)/2
	angle := func(ux, uy, vx, vy float64) float64 { return math.Atan2(ux*vy-uy*vx, ux*vx+uy*vy) }
	theta := angle(1, 0, (x1-cx1)/rx, (y1-cy1)/ry)
	delta := angle((x1-cx1)/rx, (y1-cy1)/ry, (-x1-cx1)/rx, (-y1-cy1)/ry)
	if !sweep && delta > 0 {
		delta -= 2 * math.Pi
	} else if sweep && delta < 0 {
		delta += 2 * math.Pi
	}
	n := int(math.Ceil(math.Abs(delta)/(math.Pi/2) - 1e-9))
	step := delta / float64(n)
	// The control points' distance along the tangent, for a unit circle.
	t := 4.0 / 3 * math.Tan(step/4)
	on := func(a float64) (point, point) { // a point of the ellipse and its derivative
		ex, ey := rx*math.Cos(a), ry*math.Sin(a)
		tx, ty := -rx*math.Sin(a), ry*math.Cos(a)
		return point{cos*ex - sin*ey + cx, sin*ex + cos*ey + cy}, point{cos*tx - sin*ty, sin*tx + cos*ty}
	}
	a := theta
	for i := range n {
		p0, d0 := on(a)
		p1, d1 := on(a + step)
		if i == n-1 {
			p1 = p // the end exactly where the path says
		}
		b.cubeTo(point{p0.x + t*d0.x, p0.y + t*d0.y}, point{p1.x - t*d1.x, p1.y - t*d1.y}, p1)
		a += step
	}
}

// parsePath reads a path's d attribute: the commands M, L, H, V, C, A and
// Z, absolute and relative.
func parsePath(d string) ([]subpath, error) {
	s := &pathScanner{s: d}
	b := &builder{}
	var cmd byte
	for {
		s.skip()
		if s.done() {
			break
		}
		if c := s.s[s.i]; isCommand(c) {
			cmd = c
			s.i++
		} else if cmd == 0 {
			return nil, fmt.Errorf("path %q: a number where a command is expected", d)
		}
		rel := cmd >= 'a'
		base := point{}
		if rel {
			base = b.at
		}
		if cmd != 'M' && cmd != 'm' && len(b.paths) == 0 {
			return nil, fmt.Errorf("path %q: drawing before the first M", d)
		}
		var err error
		switch cmd | 0x20 { // lower case
		case 'm':
			var p point
			if p, err = s.point(); err == nil {
				b.moveTo(point{base.x + p.x, base.y + p.y})
				// Pairs after a move are lines.
				cmd = map[bool]byte{true: 'l', false: 'L'}[rel]
			}
		case 'l':
			var p point
			if p, err = s.point(); err == nil {
				b.lineTo(point{base.x + p.x, base.y + p.y})
			}
		case 'h':
			var x float64
			if x, err = s.number(); err == nil {
				b.lineTo(point{base.x + x, b.at.y})
			}
		case 'v':
			var y float64
			if y, err = s.number(); err == nil {
				b.lineTo(point{b.at.x, base.y + y})
			}
		case 'c':
			var c1, c2, p point
			if c1, err = s.point(); err == nil {
				if c2, err = s.point(); err == nil {
					p, err = s.point()
				}
			}
			if err == nil {
				b.cubeTo(point{base.x + c1.x, base.y + c1.y}, point{base.x + c2.x, base.y + c2.y}, point{base.x + p.x, base.y + p.y})
			}
		case 'a':
			err = s.arc(b, base)
		case 'z':
			b.closePath()
			cmd = 0 // Z takes no numbers
		default:
			err = fmt.Errorf("command %c is not drawn", cmd)
		}
		if err != nil {
			return nil, fmt.Errorf("path %q: %w", d, err)
		}
	}
	if len(b.paths) == 0 {
		return nil, errors.New("the path draws nothing")
	}
	return b.paths, nil
}

func isCommand(c byte) bool {
	switch c | 0x20 {
	case 'm', 'l', 'h', 'v', 'c', 's', 'q', 't', 'a', 'z':
		return true
	}
	return false
}

// pathScanner reads the numbers and flags of a path's commands.
type pathScanner struct {
	s string
	i int
}

func (s *pathScanner) done() bool { return s.i >= len(s.s) }

// skip passes white space and a comma.
func (s *pathScanner) skip() {
	for !s.done() && (s.s[s.i] == ' ' || s.s[s.i] == ',' || s.s[s.i] == '\t' || s.s[s.i] == '\n' || s.s[s.i] == '\r') {
		s.i++
	}
}

// number reads a number, which ends where a character cannot continue it:
// "1-16" is 1 and -16, "0.5.5" is 0.5 and .5.
func (s *pathScanner) number() (float64, error) {
	s.skip()
	start, dot, exp := s.i, false, false
scan:
	for ; !s.done(); s.i++ {
		c := s.s[s.i]
		switch {
		case c >= '0' && c <= '9':
		case (c == '-' || c == '+') && (s.i == start || s.s[s.i-1] == 'e' || s.s[s.i-1] == 'E'):
		case c == '.' && !dot && !exp:
			dot = true
		case (c == 'e' || c == 'E') && !exp && s.i > start:
			exp = true
		default:
			break scan
		}
	}
	v, err := strconv.ParseFloat(s.s[start:s.i], 64)
	if err != nil {
		return 0, fmt.Errorf("a number expected at %d", start)
	}
	return v, nil
}

func (s *pathScanner) point() (point, error) {
	x, err := s.number()
	if err != nil {
		return point{}, err
	}
	y, err := s.number()
	return point{x, y}, err
}

// flag reads an arc's flag, a single 0 or 1 that needs no separator.
func (s *pathScanner) flag() (bool, error) {
	s.skip()
	if s.done() || (s.s[s.i] != '0' && s.s[s.i] != '1') {
		return false, fmt.Errorf("an arc flag expected at %d", s.i)
	}
	s.i++
	return s.s[s.i-1] == '1', nil
}

// arc reads an arc's numbers and draws it.
func (s *pathScanner) arc(b *builder, base point) error {
	var r [3]float64
	for i := range r {
		v, err := s.number()
		if err != nil {
			return err
		}
		r[i] = v
	}
	large, err := s.flag()
	if err != nil {
		return err
	}
	sweep, err := s.flag()
	if err != nil {
		return err
	}
	p, err := s.point()
	if err != nil {
		return err
	}
	b.arc(r[0], r[1], r[2], large, sweep, point{base.x + p.x, base.y + p.y})
	return nil
}
