// Package svg reads the SVG drawings magz can print as vectors — a
// magazine's logo saved as outlines: filled shapes (path, rect, circle,
// ellipse, polygon) in flat colours, grouped, moved, scaled or rotated
// by transforms — and rasterizes them for the editions that need
// pixels. Everything is computed in integers (coordinates in thousandths
// of the drawing's units), so the same file gives the same bytes on every
// machine. What a logo should not hold is an error that says so: strokes
// (outline them), arcs (save them as curves), gradients, text and
// embedded pictures.
package svg

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"strconv"
	"strings"

	"magz/internal/msg"
)

// unit is a thousandth of the drawing's user unit: coordinates are int64
// in units.
const unit = 1000

// Point is a point in units.
type Point struct{ X, Y int64 }

// Op is a path operation.
type Op byte

const (
	MoveTo  Op = 'M'
	LineTo  Op = 'L'
	CubicTo Op = 'C' // two control points, then the end
	Close   Op = 'Z'
)

// Seg is one operation and its points (one for MoveTo and LineTo, three
// for CubicTo, none for Close).
type Seg struct {
	Op  Op
	Pts [3]Point
}

// Colour is a fill in sRGB with its opacity (0 to 255).
type Colour struct{ R, G, B, A uint8 }

// Shape is one filled outline.
type Shape struct {
	Fill    Colour
	EvenOdd bool // fill-rule evenodd (else nonzero)
	Path    []Seg
}

// Art is a parsed drawing: its view box (in units) and its shapes in
// painting order.
type Art struct {
	ViewBox [4]int64 // x, y, width, height
	Shapes  []Shape
}

// matrix is an affine transform in millionths: [a b c d e f] maps (x, y)
// to (a·x + c·y + e, b·x + d·y + f); e and f in units.
type matrix [6]int64

const one = 1_000_000

var identity = matrix{one, 0, 0, one, 0, 0}

func (m matrix) apply(p Point) Point {
	return Point{
		X: divRound(m[0]*p.X+m[2]*p.Y, one) + m[4],
		Y: divRound(m[1]*p.X+m[3]*p.Y, one) + m[5],
	}
}

// then is m followed by n.
func (m matrix) then(n matrix) matrix {
	return matrix{
		divRound(m[0]*n[0]+m[1]*n[2], one), divRound(m[0]*n[1]+m[1]*n[3], one),
		divRound(m[2]*n[0]+m[3]*n[2], one), divRound(m[2]*n[1]+m[3]*n[3], one),
		divRound(m[4]*n[0]+m[5]*n[2], one) + n[4], divRound(m[4]*n[1]+m[5]*n[3], one) + n[5],
	}
}

func divRound(x, d int64) int64 {
	if (x < 0) != (d < 0) {
		return -((abs(x) + abs(d)/2) / abs(d))
	}
	return (abs(x) + abs(d)/2) / abs(d)
}

func abs(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// style is what a shape inherits from its groups.
type style struct {
	fill    Colour
	noFill  bool
	evenOdd bool
	opacity int64 // 0 to 255
	m       matrix
}

// maxShapes bounds a drawing: a logo has tens of shapes, not millions.
const maxShapes = 20000

// Parse reads an SVG drawing.
func Parse(data []byte) (*Art, error) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = false
	art := &Art{}
	var stack []style
	root := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, msg.Errorf("not readable SVG: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			attr := map[string]string{}
			for _, a := range t.Attr {
				attr[a.Name.Local] = strings.TrimSpace(a.Value)
			}
			if !root {
				if t.Name.Local != "svg" {
					return nil, msg.Errorf("not an SVG drawing (it starts with <%s>)", t.Name.Local)
				}
				root = true
				if err := art.viewBox(attr); err != nil {
					return nil, err
				}
				stack = append(stack, style{fill: Colour{0, 0, 0, 255}, opacity: 255, m: identity})
			}
			st, err := inherit(stack[len(stack)-1], attr)
			if err != nil {
				return nil, msg.Errorf("<%s>: %w", t.Name.Local, err)
			}
			stack = append(stack, st)
			if err := art.element(t.Name.Local, attr, st); err != nil {
				return nil, msg.Errorf("<%s>: %w", t.Name.Local, err)
			}
			if len(art.Shapes) > maxShapes {
				return nil, msg.Errorf("more than %d shapes: not a logo", maxShapes)
			}
			if skip[t.Name.Local] {
				if err := dec.Skip(); err != nil {
					return nil, msg.Errorf("not readable SVG: %v", err)
				}
				stack = stack[:len(stack)-1]
			}
		case xml.EndElement:
			if len(stack) > 1 {
				stack = stack[:len(stack)-1]
			}
		}
	}
	if !root {
		return nil, msg.Errorf("not an SVG drawing")
	}
	if len(art.Shapes) == 0 {
		return nil, msg.Errorf("the drawing has no filled shape")
	}
	return art, nil
}

// skip are elements read no further: what they hold is not drawn.
var skip = map[string]bool{"title": true, "desc": true, "metadata": true, "defs": true, "style": true, "clipPath": true, "mask": true}

// viewBox reads the root's view box, or its width and height.
func (a *Art) viewBox(attr map[string]string) error {
	if vb := attr["viewBox"]; vb != "" {
		n, err := numbers(vb)
		if err != nil || len(n) != 4 || n[2] <= 0 || n[3] <= 0 {
			return msg.Errorf("viewBox %q is not four numbers with a size", vb)
		}
		copy(a.ViewBox[:], n)
		return nil
	}
	w, err1 := length(attr["width"])
	h, err2 := length(attr["height"])
	if err1 != nil || err2 != nil || w <= 0 || h <= 0 {
		return msg.Errorf("the drawing has no viewBox and no width and height")
	}
	a.ViewBox = [4]int64{0, 0, w, h}
	return nil
}

// length reads a number with an optional px unit.
func length(s string) (int64, error) {
	s = strings.TrimSuffix(strings.TrimSpace(s), "px")
	n, err := numbers(s)
	if err != nil || len(n) != 1 {
		return 0, msg.Errorf("%q is not a length in user units", s)
	}
	return n[0], nil
}

// inherit applies an element's presentation attributes to its parent's.
func inherit(st style, attr map[string]string) (style, error) {
	props := map[string]string{}
	for _, k := range []string{"fill", "fill-rule", "fill-opacity", "opacity", "stroke", "stroke-width", "display", "visibility"} {
		if v, ok := attr[k]; ok {
			props[k] = v
		}
	}
	for _, decl := range strings.Split(attr["style"], ";") {
		if k, v, ok := strings.Cut(decl, ":"); ok {
			props[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	if v := props["fill"]; v != "" {
		if v == "none" || v == "transparent" {
			st.noFill = true
		} else {
			c, err := parseColour(v)
			if err != nil {
				return st, err
			}
			st.fill, st.noFill = c, false
		}
	}
	if v := props["fill-rule"]; v != "" {
		st.evenOdd = v == "evenodd"
	}
	for _, k := range []string{"opacity", "fill-opacity"} {
		if v := props[k]; v != "" {
			f, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
			if err != nil {
				return st, msg.Errorf("%s %q is not a number", k, v)
			}
			if strings.HasSuffix(v, "%") {
				f /= 100
			}
			st.opacity = st.opacity * int64(math.Round(float64(max(0, min(1, f))*255))) / 255
		}
	}
	if v := props["stroke"]; v != "" && v != "none" {
		return st, msg.Errorf("a stroke, which magz does not draw: convert strokes to outlines (Object → Path → Stroke to Path in Inkscape)")
	}
	if props["display"] == "none" || props["visibility"] == "hidden" {
		st.noFill = true
	}
	if v := attr["transform"]; v != "" {
		m, err := parseTransform(v)
		if err != nil {
			return st, err
		}
		st.m = m.then(st.m)
	}
	return st, nil
}

// element adds the shape an element draws.
func (a *Art) element(nameLocal string, attr map[string]string, st style) error {
	var path []Seg
	var err error
	switch nameLocal {
	case "svg", "g", "title", "desc", "metadata", "defs", "style", "clipPath", "mask":
		return nil
	case "path":
		path, err = parsePath(attr["d"])
	case "rect":
		path, err = rect(attr)
	case "circle":
		path, err = ellipse(attr["cx"], attr["cy"], attr["r"], attr["r"])
	case "ellipse":
		path, err = ellipse(attr["cx"], attr["cy"], attr["rx"], attr["ry"])
	case "polygon", "polyline":
		path, err = polygon(attr["points"])
	case "text", "image", "linearGradient", "radialGradient", "pattern", "use", "foreignObject":
		return msg.Errorf("magz draws only filled shapes in a logo: save text as outlines, and pictures, gradients and clones as shapes")
	default:
		return nil // another element that draws nothing (sodipodi:namedview, …)
	}
	if err != nil {
		return err
	}
	if st.noFill || st.opacity == 0 || len(path) == 0 {
		return nil
	}
	for i := range path {
		for j := range path[i].Pts {
			path[i].Pts[j] = st.m.apply(path[i].Pts[j])
		}
	}
	fill := st.fill
	fill.A = uint8(int64(fill.A) * st.opacity / 255)
	a.Shapes = append(a.Shapes, Shape{Fill: fill, EvenOdd: st.evenOdd, Path: path})
	return nil
}

// numbers reads a list of numbers separated by white space or commas, in
// units.
func numbers(s string) ([]int64, error) {
	var out []int64
	sc := scanner{s: s}
	for {
		sc.space()
		if sc.done() {
			return out, nil
		}
		v, err := sc.number()
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
}

// toUnits converts a number read as text to units, rounded.
func toUnits(f float64) (int64, error) {
	if math.IsNaN(f) || math.Abs(f) > 1e7 {
		return 0, msg.Errorf("the number %g is out of range", f)
	}
	return int64(math.Round(float64(f * unit))), nil
}
