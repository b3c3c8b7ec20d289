package pdf

import (
	"fmt"

	"magz/internal/icc"
	"magz/internal/svg"
	"magz/layout/page"
)

// Drawings. An SVG logo is drawn as its own vectors, shape by shape, in
// its own colours: on screen as the drawing gives them (sRGB); in print a
// grey in black ink alone, any other colour separated colorimetrically
// through the output profile (relative colorimetric: a brand colour
// printed as near as the press comes to it). Like a picture, the drawing
// fills its frame, the crop given in millionths of its view box.

// drawVector draws art in an image item's frame.
func (d *drawer) drawVector(art *svg.Art, it *page.Image) error {
	f := d.f
	vb := art.ViewBox
	// the part of the view box shown, in the drawing's units
	cx0 := vb[0] + int64(it.Crop[0])*vb[2]/1_000_000
	cy0 := vb[1] + int64(it.Crop[1])*vb[3]/1_000_000
	cw := max(int64(it.Crop[2]-it.Crop[0])*vb[2]/1_000_000, 1)
	ch := max(int64(it.Crop[3]-it.Crop[1])*vb[3]/1_000_000, 1)
	x, y, w, h := it.Bleed.Extend(it.X, it.Y, it.W, it.H, d.bleed)
	// a point of the drawing on the page, in integers: no rounding differs
	// between machines
	at := func(p svg.Point) (float64, float64) {
		px := x + page.Length((p.X-cx0)*int64(w)/cw)
		py := y + page.Length((p.Y-cy0)*int64(h)/ch)
		return d.x(px), d.x(py)
	}
	d.overprint(false)
	f.ClipRect(d.x(x), d.x(y), pt(w), pt(h), false)
	for _, s := range art.Shapes {
		if err := d.vectorFill(s.Fill); err != nil {
			return err
		}
		if s.Fill.A < 255 {
			f.SetAlpha(float64(s.Fill.A)/255, "Normal")
		}
		for _, seg := range s.Path {
			switch seg.Op {
			case svg.MoveTo:
				f.MoveTo(at(seg.Pts[0]))
			case svg.LineTo:
				f.LineTo(at(seg.Pts[0]))
			case svg.CubicTo:
				x1, y1 := at(seg.Pts[0])
				x2, y2 := at(seg.Pts[1])
				x3, y3 := at(seg.Pts[2])
				f.CurveBezierCubicTo(x1, y1, x2, y2, x3, y3)
			case svg.Close:
				f.ClosePath()
			}
		}
		if s.EvenOdd {
			f.DrawPath("F*")
		} else {
			f.DrawPath("F")
		}
		if s.Fill.A < 255 {
			f.SetAlpha(1, "Normal")
		}
	}
	f.ClipEnd()
	d.track, d.op = 0, false // Q restored the text and graphics state
	return f.Error()
}

// vectorFill sets a drawing's fill colour.
func (d *drawer) vectorFill(c svg.Colour) error {
	pc := page.Color{R: c.R, G: c.G, B: c.B}
	if d.opt.Edition != Print || d.opt.OutputIntent == nil {
		d.fillColor(pc)
		return nil
	}
	v := inks(pc) // a grey: black ink alone, as dark as the grey
	if v[0]+v[1]+v[2] > 0 {
		if d.logo == nil {
			if err := d.logoLink(); err != nil {
				return err
			}
		}
		out := d.logo.Eval([]uint16{uint16(c.R) * 257, uint16(c.G) * 257, uint16(c.B) * 257})
		for i := range v {
			v[i] = int((int64(out[i])*100 + 32767) / 65535)
		}
	}
	d.fill(pc, v)
	return nil
}

// logoLink makes the colorimetric separation of a drawing's colours.
func (d *drawer) logoLink() error {
	out, err := icc.Parse(d.opt.OutputIntent.Profile)
	if err != nil {
		return fmt.Errorf("the output profile: %w", err)
	}
	in, err := icc.Parse(d.opt.SRGB)
	if err != nil {
		return fmt.Errorf("the sRGB profile: %w", err)
	}
	d.logo, err = icc.NewLink(in, out, icc.Relative, icc.LinkOptions{})
	return err
}
