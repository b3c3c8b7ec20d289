package svg

import (
	"strconv"
	"strings"

	"magz/internal/msg"
)

// scanner reads numbers and command letters of path data and lists.
type scanner struct {
	s string
	i int
}

func (sc *scanner) done() bool { return sc.i >= len(sc.s) }

func (sc *scanner) space() {
	for sc.i < len(sc.s) && strings.IndexByte(" \t\r\n,", sc.s[sc.i]) >= 0 {
		sc.i++
	}
}

// number reads one number (sign, digits, point, exponent) in units.
func (sc *scanner) number() (int64, error) {
	start := sc.i
	if sc.i < len(sc.s) && (sc.s[sc.i] == '+' || sc.s[sc.i] == '-') {
		sc.i++
	}
	dot := false
	for sc.i < len(sc.s) {
		c := sc.s[sc.i]
		switch {
		case c >= '0' && c <= '9':
		case c == '.' && !dot:
			dot = true
		case (c == 'e' || c == 'E') && sc.i > start:
			sc.i++
			if sc.i < len(sc.s) && (sc.s[sc.i] == '+' || sc.s[sc.i] == '-') {
				sc.i++
			}
			continue
		default:
			goto end
		}
		sc.i++
	}
end:
	f, err := strconv.ParseFloat(sc.s[start:sc.i], 64)
	if err != nil || sc.i == start {
		return 0, msg.Errorf("%q is not a number", sc.s[start:min(len(sc.s), start+12)])
	}
	return toUnits(f)
}

// flag reads an arc's flag (0 or 1), which may stand without separator.
func (sc *scanner) peekCommand() (byte, bool) {
	sc.space()
	if sc.done() {
		return 0, false
	}
	c := sc.s[sc.i]
	if strings.IndexByte("MmLlHhVvCcSsQqTtZzAa", c) >= 0 {
		return c, true
	}
	return 0, false
}

// parsePath reads path data into absolute moves, lines and cubic curves.
func parsePath(d string) ([]Seg, error) {
	sc := &scanner{s: d}
	var out []Seg
	var cur, start, lastCtrl Point
	var prev byte
	nums := func(n int) ([]int64, error) {
		v := make([]int64, n)
		for i := range v {
			sc.space()
			x, err := sc.number()
			if err != nil {
				return nil, err
			}
			v[i] = x
		}
		return v, nil
	}
	var cmd byte
	for {
		if c, ok := sc.peekCommand(); ok {
			cmd = c
			sc.i++
		} else if sc.done() {
			break
		} else if cmd == 0 {
			return nil, msg.Errorf("path data %q does not start with a command", d[:min(len(d), 20)])
		} else if cmd == 'Z' || cmd == 'z' {
			return nil, msg.Errorf("numbers after a close (z) in path data")
		} else if cmd == 'M' {
			cmd = 'L' // numbers after a move are lines
		} else if cmd == 'm' {
			cmd = 'l'
		}
		rel := cmd >= 'a' && cmd <= 'z'
		at := func(x, y int64) Point {
			if rel {
				return Point{cur.X + x, cur.Y + y}
			}
			return Point{x, y}
		}
		up := cmd &^ 0x20
		switch up {
		case 'Z':
			out = append(out, Seg{Op: Close})
			cur = start
		case 'M', 'L':
			v, err := nums(2)
			if err != nil {
				return nil, err
			}
			cur = at(v[0], v[1])
			op := LineTo
			if up == 'M' {
				op, start = MoveTo, cur
			}
			out = append(out, Seg{Op: op, Pts: [3]Point{cur}})
		case 'H', 'V':
			v, err := nums(1)
			if err != nil {
				return nil, err
			}
			p := cur
			switch {
			case up == 'H' && rel:
				p.X += v[0]
			case up == 'H':
				p.X = v[0]
			case rel:
				p.Y += v[0]
			default:
				p.Y = v[0]
			}
			cur = p
			out = append(out, Seg{Op: LineTo, Pts: [3]Point{cur}})
		case 'C', 'S':
			n := 6
			if up == 'S' {
				n = 4
			}
			v, err := nums(n)
			if err != nil {
				return nil, err
			}
			var c1 Point
			if up == 'S' {
				c1 = cur
				if p := prev &^ 0x20; p == 'C' || p == 'S' {
					c1 = Point{2*cur.X - lastCtrl.X, 2*cur.Y - lastCtrl.Y}
				}
				v = append([]int64{0, 0}, v...)
			} else {
				c1 = at(v[0], v[1])
			}
			c2, end := at(v[2], v[3]), at(v[4], v[5])
			out = append(out, Seg{Op: CubicTo, Pts: [3]Point{c1, c2, end}})
			lastCtrl, cur = c2, end
		case 'Q', 'T':
			n := 4
			if up == 'T' {
				n = 2
			}
			v, err := nums(n)
			if err != nil {
				return nil, err
			}
			var q Point
			if up == 'T' {
				q = cur
				if p := prev &^ 0x20; p == 'Q' || p == 'T' {
					q = Point{2*cur.X - lastCtrl.X, 2*cur.Y - lastCtrl.Y}
				}
				v = append([]int64{0, 0}, v...)
			} else {
				q = at(v[0], v[1])
			}
			end := at(v[2], v[3])
			// a quadratic curve as the cubic through the same points
			c1 := Point{cur.X + divRound(2*(q.X-cur.X), 3), cur.Y + divRound(2*(q.Y-cur.Y), 3)}
			c2 := Point{end.X + divRound(2*(q.X-end.X), 3), end.Y + divRound(2*(q.Y-end.Y), 3)}
			out = append(out, Seg{Op: CubicTo, Pts: [3]Point{c1, c2, end}})
			lastCtrl, cur = q, end
		case 'A':
			return nil, msg.Errorf("an arc (A in path data), which magz does not draw: save the logo with arcs as curves (in Inkscape, Path → Object to Path)")
		}
		prev = cmd
	}
	if len(out) > 0 && out[0].Op != MoveTo {
		return nil, msg.Errorf("path data does not start with a move")
	}
	return out, nil
}

func attrNumber(attr map[string]string, key string) (int64, error) {
	v := attr[key]
	if v == "" {
		return 0, nil
	}
	return length(v)
}

// rect is a rectangle (rounded corners are not drawn round).
func rect(attr map[string]string) ([]Seg, error) {
	var v [4]int64
	for i, k := range []string{"x", "y", "width", "height"} {
		n, err := attrNumber(attr, k)
		if err != nil {
			return nil, err
		}
		v[i] = n
	}
	if attr["rx"] != "" || attr["ry"] != "" {
		return nil, msg.Errorf("a rectangle with round corners: save it as a path")
	}
	x, y, w, h := v[0], v[1], v[2], v[3]
	return []Seg{{Op: MoveTo, Pts: [3]Point{{x, y}}}, {Op: LineTo, Pts: [3]Point{{x + w, y}}},
		{Op: LineTo, Pts: [3]Point{{x + w, y + h}}}, {Op: LineTo, Pts: [3]Point{{x, y + h}}}, {Op: Close}}, nil
}

// kappa is the distance of a quarter circle's control points from its
// ends, in millionths of the radius: 4/3·(√2−1).
const kappa = 552285

// ellipse is four cubic quarter arcs.
func ellipse(cxs, cys, rxs, rys string) ([]Seg, error) {
	var v [4]int64
	for i, s := range []string{cxs, cys, rxs, rys} {
		if s == "" && i < 2 {
			continue
		}
		n, err := length(s)
		if err != nil {
			return nil, err
		}
		v[i] = n
	}
	cx, cy, rx, ry := v[0], v[1], v[2], v[3]
	if rx <= 0 || ry <= 0 {
		return nil, nil
	}
	kx, ky := divRound(rx*kappa, one), divRound(ry*kappa, one)
	p := func(x, y int64) Point { return Point{cx + x, cy + y} }
	return []Seg{
		{Op: MoveTo, Pts: [3]Point{p(rx, 0)}},
		{Op: CubicTo, Pts: [3]Point{p(rx, ky), p(kx, ry), p(0, ry)}},
		{Op: CubicTo, Pts: [3]Point{p(-kx, ry), p(-rx, ky), p(-rx, 0)}},
		{Op: CubicTo, Pts: [3]Point{p(-rx, -ky), p(-kx, -ry), p(0, -ry)}},
		{Op: CubicTo, Pts: [3]Point{p(kx, -ry), p(rx, -ky), p(rx, 0)}},
		{Op: Close},
	}, nil
}

// polygon is a closed outline through points.
func polygon(points string) ([]Seg, error) {
	n, err := numbers(points)
	if err != nil {
		return nil, err
	}
	if len(n) < 6 || len(n)%2 != 0 {
		return nil, nil
	}
	var out []Seg
	for i := 0; i < len(n); i += 2 {
		op := LineTo
		if i == 0 {
			op = MoveTo
		}
		out = append(out, Seg{Op: op, Pts: [3]Point{{n[i], n[i+1]}}})
	}
	return append(out, Seg{Op: Close}), nil
}

// named are the colour names logos use most.
var named = map[string]Colour{
	"black": {0, 0, 0, 255}, "white": {255, 255, 255, 255}, "red": {255, 0, 0, 255},
	"green": {0, 128, 0, 255}, "blue": {0, 0, 255, 255}, "yellow": {255, 255, 0, 255},
	"gray": {128, 128, 128, 255}, "grey": {128, 128, 128, 255},
}

// parseColour reads #rgb, #rrggbb, rgb(r, g, b) or a basic colour name.
func parseColour(s string) (Colour, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if c, ok := named[s]; ok {
		return c, nil
	}
	hex := func(h string) (uint8, bool) {
		v, err := strconv.ParseUint(h, 16, 8)
		return uint8(v), err == nil
	}
	switch {
	case strings.HasPrefix(s, "#") && len(s) == 7:
		r, ok1 := hex(s[1:3])
		g, ok2 := hex(s[3:5])
		b, ok3 := hex(s[5:7])
		if ok1 && ok2 && ok3 {
			return Colour{r, g, b, 255}, nil
		}
	case strings.HasPrefix(s, "#") && len(s) == 4:
		r, ok1 := hex(s[1:2] + s[1:2])
		g, ok2 := hex(s[2:3] + s[2:3])
		b, ok3 := hex(s[3:4] + s[3:4])
		if ok1 && ok2 && ok3 {
			return Colour{r, g, b, 255}, nil
		}
	case strings.HasPrefix(s, "rgb(") && strings.HasSuffix(s, ")"):
		parts := strings.Split(s[4:len(s)-1], ",")
		if len(parts) == 3 {
			var c [3]uint8
			ok := true
			for i, p := range parts {
				v, err := strconv.Atoi(strings.TrimSpace(p))
				if err != nil || v < 0 || v > 255 {
					ok = false
				}
				c[i] = uint8(v)
			}
			if ok {
				return Colour{c[0], c[1], c[2], 255}, nil
			}
		}
	case strings.HasPrefix(s, "url("):
		return Colour{}, msg.Errorf("a fill of a gradient or pattern (%s): magz draws flat colours", s)
	}
	return Colour{}, msg.Errorf("fill %q is not a colour magz reads (#rrggbb, #rgb, rgb(r, g, b), or black, white, …)", s)
}

// parseTransform reads a transform list: matrix, translate, scale, and
// rotate by quarter turns.
func parseTransform(s string) (matrix, error) {
	m := identity
	rest := strings.TrimSpace(s)
	for rest != "" {
		open := strings.IndexByte(rest, '(')
		closing := strings.IndexByte(rest, ')')
		if open < 0 || closing < open {
			return m, msg.Errorf("transform %q is not read", s)
		}
		fn := strings.TrimSpace(strings.Trim(rest[:open], ", "))
		args, err := numbers(rest[open+1 : closing])
		if err != nil {
			return m, err
		}
		rest = strings.TrimSpace(strings.TrimLeft(rest[closing+1:], ", "))
		var t matrix
		// args are in units (thousandths): factors become millionths
		f := func(v int64) int64 { return v * (one / unit) }
		switch {
		case fn == "matrix" && len(args) == 6:
			t = matrix{f(args[0]), f(args[1]), f(args[2]), f(args[3]), args[4], args[5]}
		case fn == "translate" && (len(args) == 1 || len(args) == 2):
			t = identity
			t[4] = args[0]
			if len(args) == 2 {
				t[5] = args[1]
			}
		case fn == "scale" && (len(args) == 1 || len(args) == 2):
			sy := args[0]
			if len(args) == 2 {
				sy = args[1]
			}
			t = matrix{f(args[0]), 0, 0, f(sy), 0, 0}
		case fn == "rotate" && len(args) == 1 && args[0]%(90*unit) == 0:
			switch (args[0]/(90*unit)%4 + 4) % 4 {
			case 0:
				t = identity
			case 1:
				t = matrix{0, one, -one, 0, 0, 0}
			case 2:
				t = matrix{-one, 0, 0, -one, 0, 0}
			case 3:
				t = matrix{0, -one, one, 0, 0, 0}
			}
		default:
			return m, msg.Errorf("transform %s(…) is not one magz reads (matrix, translate, scale, rotate by quarter turns)", fn)
		}
		// the list applies right to left: the last to the point first
		m = t.then(m)
	}
	return m, nil
}
