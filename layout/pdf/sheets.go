package pdf

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/go-pdf/fpdf"

	"magz/fonts"
	"magz/layout/impose"
	"magz/layout/page"
)

// WriteSheets draws an imposition of the issue's pages — a booklet's
// press sheets or reader spreads — in the print edition's inks, each page
// moved into place with a transformation and clipped to its part of the
// sheet, and finishes it as PDF/X for the same printing condition.
func WriteSheets(w io.Writer, iss *page.Issue, s impose.Sheets, opt Options) error {
	opt.Edition = Print
	d, err := newDrawer(s.W.Points(), s.H.Points(), iss, opt)
	if err != nil {
		return err
	}
	f := d.f
	whole := fpdf.PageBox{SizeType: fpdf.SizeType{Wd: s.W.Points(), Ht: s.H.Points()}}
	for i, side := range s.Sides {
		f.AddPage()
		d.page, d.op = i, false
		f.SetPageBoxRec("TrimBox", whole)
		for _, pl := range side.Pages {
			if pl.Page < 0 || pl.Page >= len(iss.Pages) {
				continue
			}
			d.track, d.op = 0, false // q/Q below restore the graphics state
			f.ClipRect(pt(pl.Clip.X), pt(pl.Clip.Y), pt(pl.Clip.W), pt(pl.Clip.H), false)
			f.TransformBegin()
			f.TransformTranslate(pt(pl.X), pt(pl.Y))
			for _, it := range iss.Pages[pl.Page].Items {
				if err := d.item(it, nil); err != nil {
					return fmt.Errorf("page %d: %w", pl.Page+1, err)
				}
			}
			f.TransformEnd()
			f.ClipEnd()
			d.track, d.op = 0, false
		}
		if s.Marks {
			d.sheetMarks(s, side)
			if err := d.slugLine(iss, s, side); err != nil {
				return err
			}
		}
		if err := f.Error(); err != nil {
			return fmt.Errorf("sheet %d: %w", side.Sheet, err)
		}
		if opt.OnPage != nil {
			opt.OnPage()
		}
		if err := opt.cancelled(); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return err
	}
	src, err := d.source(buf.Bytes())
	if err != nil {
		return err
	}
	meta := Metadata{Title: iss.Title, Author: iss.Author, Language: iss.Language, Creator: opt.Creator, Date: opt.Date}
	if opt.OutputIntent == nil {
		return fmt.Errorf("sheets need the printing condition")
	}
	return finishPDFX(w, src, *opt.OutputIntent, opt.SRGB, meta, d.masks)
}

// Marks on a press sheet, in registration colour outside the bleed: crop
// marks where each page's fore edge, head and foot are trimmed (after its
// creep), and dashed fold marks at the spine.
const (
	markGap = page.MM     // from the bleed to a mark
	markLen = 5 * page.MM // a mark's length
)

func (d *drawer) sheetMarks(s impose.Sheets, side impose.Side) {
	f := d.f
	f.SetDrawSpotColor(registration, 100)
	f.SetLineWidth(0.25)
	gap := s.Bleed + markGap
	line := func(x1, y1, x2, y2 page.Length) { f.Line(pt(x1), pt(y1), pt(x2), pt(y2)) }
	for _, pl := range side.Pages {
		t := pl.Trim
		fore, dir := t.X, page.Length(-1) // the fore edge, and outward
		if !pl.Left {
			fore, dir = t.X+t.W, 1
		}
		for _, y := range []page.Length{t.Y, t.Y + t.H} {
			up := page.Length(-1)
			if y != t.Y {
				up = 1
			}
			// the head or foot trim, beside the fore edge
			line(fore+dir*gap, y, fore+dir*(gap+markLen), y)
			// the fore-edge trim, above the head and below the foot
			line(fore, y+up*gap, fore, y+up*(gap+markLen))
		}
	}
	// fold marks at the spine, above and below the pages
	if len(side.Pages) > 0 {
		t := side.Pages[0].Trim
		f.SetDashPattern([]float64{2, 2}, 0)
		line(s.Spine, t.Y-gap, s.Spine, t.Y-gap-markLen)
		line(s.Spine, t.Y+t.H+gap, s.Spine, t.Y+t.H+gap+markLen)
		f.SetDashPattern([]float64{}, 0)
	}
}

// slugLine names the sheet side and its pages at the sheet's foot, in
// registration colour, for the print shop (language-neutral: numbers).
func (d *drawer) slugLine(iss *page.Issue, s impose.Sheets, side impose.Side) error {
	if err := d.face(fonts.Sans); err != nil {
		return err
	}
	f := d.f
	f.SetFont(family(fonts.Sans), "", 6)
	f.SetTextSpotColor(registration, 100)
	f.SetFillSpotColor(registration, 100)
	var pages []string
	for _, pl := range side.Pages {
		if pl.Page < 0 {
			pages = append(pages, "–")
		} else {
			pages = append(pages, fmt.Sprint(pl.Page+1))
		}
	}
	which := "A"
	if side.Back {
		which = "B"
	}
	creep := page.Length(0)
	if len(side.Pages) > 0 {
		creep = side.Pages[0].Creep
	}
	text := fmt.Sprintf("%s · %d%s · %s · creep %s mm", iss.Title, side.Sheet, which, strings.Join(pages, " | "), mmString(creep))
	t := side.Pages[0].Trim
	f.Text(pt(s.Spine-t.W/2), pt(t.Y+t.H+s.Bleed+markGap+markLen+2*page.MM), text)
	return nil
}

// mmString writes a length in millimetres with two decimals.
func mmString(l page.Length) string {
	hundredths := (l*100 + page.MM/2) / page.MM
	return fmt.Sprintf("%d.%02d", hundredths/100, hundredths%100)
}
