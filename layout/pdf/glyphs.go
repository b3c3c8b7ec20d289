package pdf

import (
	"fmt"
	"strings"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"magz/fonts"
	"magz/layout/page"
)

// Text that reads otherwise than it shows. A word hyphenated at a line end
// shows in two parts; a drop cap shows its word's first letter apart. The
// screen edition must read each as the whole word in every reader, and
// most readers take the text of the page and nothing else: Firefox's
// pdf.js ignores marked-content /ActualText, and reads a word drawn as
// two pieces of text as two words. So the screen edition draws what shows
// as the outlines of its glyphs, an artifact (no text at all), and writes
// what it reads, the whole word, as invisible text over the first part's
// place (text render mode 3, squeezed to the part's width so that a
// selection highlights what shows): every reader finds the word once, and
// whole.

// outlineFaces holds the faces parsed for drawing glyph outlines.
type outlineFaces struct {
	faces map[fonts.Face]*sfnt.Font
	buf   sfnt.Buffer
}

func (o *outlineFaces) face(face fonts.Face) (*sfnt.Font, error) {
	if f, ok := o.faces[face]; ok {
		return f, nil
	}
	data, err := fonts.Data(face)
	if err != nil {
		return nil, err
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", face, err)
	}
	if o.faces == nil {
		o.faces = map[fonts.Face]*sfnt.Font{}
	}
	o.faces[face] = f
	return f, nil
}

// outlines returns the path (PDF operators, filled with the non-zero
// rule) of text set in face at size from (x, y), its baseline's start in
// PDF's user space (y up), in thousandths of a point, with track added
// after each character; and the width it takes. Arithmetic is in
// integers, so every machine writes the same bytes.
func (o *outlineFaces) outlines(face fonts.Face, size, track page.Length, text string, x, y page.Length) (string, page.Length, error) {
	f, err := o.face(face)
	if err != nil {
		return "", 0, err
	}
	upem := int64(f.UnitsPerEm())
	ppem := fixed.Int26_6(upem << 6) // coordinates in font units, 26.6
	// a font unit in 26.6 to thousandths of a point at size
	scale := func(v fixed.Int26_6) page.Length {
		n, d := int64(v)*int64(size), upem<<6
		if n < 0 {
			return page.Length(-((-n + d/2) / d))
		}
		return page.Length((n + d/2) / d)
	}
	var b strings.Builder
	pen := x
	for _, r := range text {
		gi, err := f.GlyphIndex(&o.buf, r)
		if err != nil || gi == 0 {
			continue // not in the face: the setter left it out
		}
		adv, err := f.GlyphAdvance(&o.buf, gi, ppem, font.HintingNone)
		if err != nil {
			return "", 0, err
		}
		segs, err := f.LoadGlyph(&o.buf, gi, ppem, nil)
		if err != nil {
			return "", 0, fmt.Errorf("font %s: glyph for %q: %w", face, r, err)
		}
		pt := func(p fixed.Point26_6) (page.Length, page.Length) { return pen + scale(p.X), y - scale(p.Y) }
		var cur fixed.Point26_6
		open := false // a contour is open
		for _, s := range segs {
			switch s.Op {
			case sfnt.SegmentOpMoveTo:
				if open {
					b.WriteString("h\n")
				}
				px, py := pt(s.Args[0])
				fmt.Fprintf(&b, "%s %s m\n", num(px), num(py))
				cur, open = s.Args[0], true
			case sfnt.SegmentOpLineTo:
				px, py := pt(s.Args[0])
				fmt.Fprintf(&b, "%s %s l\n", num(px), num(py))
				cur = s.Args[0]
			case sfnt.SegmentOpQuadTo:
				// a quadratic curve as the cubic that draws it
				q, e := s.Args[0], s.Args[1]
				c1 := fixed.Point26_6{X: cur.X + (q.X-cur.X)*2/3, Y: cur.Y + (q.Y-cur.Y)*2/3}
				c2 := fixed.Point26_6{X: e.X + (q.X-e.X)*2/3, Y: e.Y + (q.Y-e.Y)*2/3}
				writeCurve(&b, pt, c1, c2, e)
				cur = e
			case sfnt.SegmentOpCubeTo:
				writeCurve(&b, pt, s.Args[0], s.Args[1], s.Args[2])
				cur = s.Args[2]
			}
		}
		if open {
			b.WriteString("h\n")
		}
		pen += advance(adv, upem, size) + track
	}
	if b.Len() > 0 {
		b.WriteString("f\n")
	}
	return b.String(), pen - x, nil
}

// width returns how wide text set in face at size is, with track after
// each character, as the PDF's widths give it.
func (o *outlineFaces) width(face fonts.Face, size, track page.Length, text string) (page.Length, error) {
	f, err := o.face(face)
	if err != nil {
		return 0, err
	}
	upem := int64(f.UnitsPerEm())
	w := page.Length(0)
	for _, r := range text {
		gi, err := f.GlyphIndex(&o.buf, r)
		if err != nil || gi == 0 {
			continue
		}
		adv, err := f.GlyphAdvance(&o.buf, gi, fixed.Int26_6(upem<<6), font.HintingNone)
		if err != nil {
			return 0, err
		}
		w += advance(adv, upem, size) + track
	}
	return w, nil
}

// advance is a glyph's advance at size as the PDF's widths give it: fpdf
// stores round(advance*1000/unitsPerEm) per glyph.
func advance(adv fixed.Int26_6, upem int64, size page.Length) page.Length {
	w := (int64(adv.Round())*1000 + upem/2) / upem
	return page.Length(w * int64(size) / 1000)
}

func writeCurve(b *strings.Builder, pt func(fixed.Point26_6) (page.Length, page.Length), c1, c2, e fixed.Point26_6) {
	x1, y1 := pt(c1)
	x2, y2 := pt(c2)
	x3, y3 := pt(e)
	fmt.Fprintf(b, "%s %s %s %s %s %s c\n", num(x1), num(y1), num(x2), num(y2), num(x3), num(y3))
}

// num writes a length in points with three decimals, from its integer
// thousandths.
func num(l page.Length) string {
	sign := ""
	if l < 0 {
		sign, l = "-", -l
	}
	return fmt.Sprintf("%s%d.%03d", sign, l/1000, l%1000)
}

// readAs draws a text that reads otherwise than it shows (a part of a
// word broken at a line end, a drop cap and the rest of its word): its
// glyphs as outlines, an artifact, and what it reads as (if anything) as
// invisible text of its element, over it. The fill colour is the text's.
func (d *drawer) readAs(it *page.Text) error {
	face := fonts.Face(it.Face)
	path, shown, err := d.glyphs.outlines(face, it.Size, it.Track, it.Text, it.X+d.off, d.height-(it.Y+d.off))
	if err != nil {
		return err
	}
	d.mark(0)
	d.f.RawWriteStr(path)
	if it.Actual == "" {
		return nil
	}
	read := it.Actual + " "
	w, err := d.glyphs.width(face, it.Size, it.Track, read)
	if err != nil {
		return err
	}
	// squeezed (or stretched) to the width of what shows, in percent
	scale := page.Length(100_000)
	if w > 0 && shown > 0 {
		scale = shown * 100_000 / w
	}
	if it.Lang != "" {
		d.markAs(it.Node, "/Lang "+textString(it.Lang))
	} else {
		d.mark(it.Node)
	}
	d.f.RawWriteStr("3 Tr " + num(scale) + " Tz\n")
	d.f.Text(d.x(it.X), d.x(it.Y), read)
	d.f.RawWriteStr("0 Tr 100 Tz\n")
	if it.Lang != "" {
		d.unmark()
	}
	return nil
}
