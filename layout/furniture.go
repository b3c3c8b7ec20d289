// Furniture: running heads and folios on every page, and the notes page.

package layout

import (
	"magz/internal/theme"
	"magz/layout/page"
	"strconv"
	"strings"
)

// furniture adds running heads and folios.
func (c *composer) furniture() {
	for i, p := range c.out.Pages {
		if p.Kind == page.KindCover || p.Kind == page.KindBack {
			continue
		}
		if c.fullBleed[i] {
			continue // a photo covers the page: no running head, no folio
		}
		x, w := c.textBox(i)
		folio := strconv.Itoa(p.Folio)
		pg := c.th.Pages
		fs := sansStyle(c.th.Type.DisplayBold, pg.Folio.Size, pg.Folio.Leading, c.th.Ink, Left)
		fw := c.opt.Metrics.Width(c.th.Type.DisplayBold, pg.Folio.Size, folio)
		fy := c.H - pg.FolioFoot
		fx := x
		switch {
		case c.th.Furniture.Folio == theme.FolioCentre:
			fx = x + (w-fw)/2
		case !left(i):
			fx = x + w - fw
		}
		p.Items = append(p.Items, &page.Text{X: fx, Y: fy, Face: string(fs.Regular), Size: fs.Size, Color: c.th.Ink, Text: folio})
		if c.noRH[i] || !c.th.Furniture.RunningHeads {
			continue
		}
		head := c.iss.Magazine
		face := c.th.Type.DisplayBold
		if !left(i) {
			head = c.heads[i]
			face = c.th.Type.Display
		}
		if head == "" {
			head = c.iss.Magazine
		}
		hs := sansStyle(face, c.th.Scale.RunningHead.Size, c.th.Scale.RunningHead.Leading, c.th.Muted, Left)
		lines := c.setText(strings.ToUpper(head), hs, w*Length(pg.HeadThirds)/3)
		if len(lines) > 0 {
			lines = lines[:1]
			// placed here, at the outer edge, in a measure of its own
			// width: a right-to-left head must not be mirrored again
			// across the text box
			hx := x
			if !left(i) {
				hx = x + w - lines[0].width
			}
			p.Items = append(p.Items, c.drawLines(lines, hx, pg.HeadBaseline, hs, lines[0].width)...)
		}
		p.Items = append(p.Items, &page.Rule{X1: x, Y1: pg.HeadRule, X2: x + w, Y2: pg.HeadRule, Width: pg.HeadRuleWidth, Color: c.th.Muted})
	}
}

func (c *composer) notesPage() *page.Page {
	p := &page.Page{Kind: page.KindNotes}
	i := len(c.out.Pages)
	x, w := c.textBox(i)
	c.heads[i] = c.lab.NotesPage
	pg := c.th.Pages
	ts := sansStyle(c.th.Type.DisplayBlack, pg.NotesHeading.Size, pg.NotesHeading.Leading, c.th.Deep, Left)
	p.Items = append(p.Items, c.drawLines(c.lines(c.lab.NotesPage, ts, w, 1), x, c.th.MarginTop+pg.NotesHeadingDrop, ts, w)...)
	for y := c.gridY(c.th.MarginTop + pg.NotesTop); y <= c.bodyBottom(); y += 2 * c.th.Grid {
		p.Items = append(p.Items, &page.Rule{X1: x, Y1: y, X2: x + w, Y2: y, Width: pg.NotesLineWidth, Color: pg.NotesLine})
	}
	return p
}
