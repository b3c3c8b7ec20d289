package svg

import (
	"image"
	"sort"
)

// Rasterizing in integers: outlines flattened into lines in 1/256 of a
// pixel, four sub-scanlines a pixel row, the coverage of each pixel summed
// from the spans the fill rule gives, shapes painted over each other.

const (
	sub     = 256 // fixed-point steps of a pixel along x and y
	subRows = 4   // sub-scanlines per pixel row
)

type edge struct {
	x0, y0, x1, y1 int64 // y0 < y1, in 1/256 px
	dir            int   // +1 downward in the outline, −1 upward
}

// Rasterize draws the art into a w×h picture (its view box stretched to
// it), transparent where nothing is drawn.
func (a *Art) Rasterize(w, h int) *image.NRGBA {
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	if w <= 0 || h <= 0 {
		return out
	}
	vb := a.ViewBox
	toPx := func(p Point) (int64, int64) {
		return divRound((p.X-vb[0])*int64(w)*sub, vb[2]), divRound((p.Y-vb[1])*int64(h)*sub, vb[3])
	}
	cov := make([]int64, w)
	for _, s := range a.Shapes {
		edges := flatten(s.Path, toPx)
		if len(edges) == 0 {
			continue
		}
		minY, maxY := edges[0].y0, edges[0].y1
		for _, e := range edges {
			minY, maxY = min(minY, e.y0), max(maxY, e.y1)
		}
		r0, r1 := max(int(minY/sub), 0), min(int((maxY+sub-1)/sub), h)
		for row := r0; row < r1; row++ {
			clear(cov)
			any := false
			for k := range subRows {
				y := int64(row)*sub + (int64(k)*2+1)*sub/(2*subRows)
				any = spans(edges, y, s.EvenOdd, cov) || any
			}
			if !any {
				continue
			}
			paint(out, row, cov, s.Fill)
		}
	}
	return out
}

// flatten turns an outline into edges, closing every subpath.
func flatten(path []Seg, toPx func(Point) (int64, int64)) []edge {
	var edges []edge
	var cx, cy, sx, sy int64
	var cur Point
	line := func(x0, y0, x1, y1 int64) {
		switch {
		case y0 == y1:
		case y0 < y1:
			edges = append(edges, edge{x0, y0, x1, y1, 1})
		default:
			edges = append(edges, edge{x1, y1, x0, y0, -1})
		}
	}
	for _, s := range path {
		switch s.Op {
		case MoveTo:
			line(cx, cy, sx, sy)
			cur = s.Pts[0]
			cx, cy = toPx(cur)
			sx, sy = cx, cy
		case LineTo:
			x, y := toPx(s.Pts[0])
			line(cx, cy, x, y)
			cx, cy, cur = x, y, s.Pts[0]
		case CubicTo:
			p0x, p0y := cx, cy
			p1x, p1y := toPx(s.Pts[0])
			p2x, p2y := toPx(s.Pts[1])
			p3x, p3y := toPx(s.Pts[2])
			// pieces by the control polygon's length: about one per 2 px
			l := abs(p1x-p0x) + abs(p1y-p0y) + abs(p2x-p1x) + abs(p2y-p1y) + abs(p3x-p2x) + abs(p3y-p2y)
			n := max(min(l/(2*sub), 64), 4)
			for i := int64(1); i <= n; i++ {
				u, t := n-i, i
				d := n * n * n
				x := divRound(u*u*u*p0x+3*u*u*t*p1x+3*u*t*t*p2x+t*t*t*p3x, d)
				y := divRound(u*u*u*p0y+3*u*u*t*p1y+3*u*t*t*p2y+t*t*t*p3y, d)
				line(cx, cy, x, y)
				cx, cy = x, y
			}
			cur = s.Pts[2]
		case Close:
			line(cx, cy, sx, sy)
			cx, cy = sx, sy
		}
	}
	line(cx, cy, sx, sy)
	_ = cur
	return edges
}

type crossing struct {
	x   int64
	dir int
}

// spans adds, for the sub-scanline y, the part of each pixel inside the
// fill to cov (up to sub per pixel); it reports whether anything was.
func spans(edges []edge, y int64, evenOdd bool, cov []int64) bool {
	var xs []crossing
	for _, e := range edges {
		if y < e.y0 || y >= e.y1 {
			continue
		}
		x := e.x0 + divRound((e.x1-e.x0)*(y-e.y0), e.y1-e.y0)
		xs = append(xs, crossing{x, e.dir})
	}
	if len(xs) < 2 {
		return false
	}
	sort.Slice(xs, func(i, j int) bool { return xs[i].x < xs[j].x || xs[i].x == xs[j].x && xs[i].dir < xs[j].dir })
	wind, any := 0, false
	for i := 0; i+1 < len(xs); i++ {
		wind += xs[i].dir
		inside := wind != 0
		if evenOdd {
			inside = wind%2 != 0
		}
		if inside && xs[i+1].x > xs[i].x {
			addSpan(cov, xs[i].x, xs[i+1].x)
			any = true
		}
	}
	return any
}

// addSpan adds the span [x0, x1) (1/256 px) to the pixels it covers.
func addSpan(cov []int64, x0, x1 int64) {
	w := int64(len(cov))
	x0, x1 = max(x0, 0), min(x1, w*sub)
	for x0 < x1 {
		px := x0 / sub
		end := min((px+1)*sub, x1)
		cov[px] += end - x0
		x0 = end
	}
}

// paint lays a colour over one row where cov says, source over.
func paint(m *image.NRGBA, row int, cov []int64, c Colour) {
	full := int64(sub * subRows)
	pix := m.Pix[row*m.Stride:]
	for x, v := range cov {
		if v <= 0 {
			continue
		}
		a := min(v, full) * int64(c.A) / full // the shape's alpha here, 0..255
		if a == 0 {
			continue
		}
		p := pix[4*x : 4*x+4 : 4*x+4]
		da := int64(p[3])
		oa := a + da*(255-a)/255
		if oa == 0 {
			continue
		}
		mix := func(s uint8, d uint8) uint8 {
			return uint8((int64(s)*a + int64(d)*da*(255-a)/255 + oa/2) / oa)
		}
		p[0], p[1], p[2], p[3] = mix(c.R, p[0]), mix(c.G, p[1]), mix(c.B, p[2]), uint8(oa)
	}
}
