// Planned material: advertisements and public-service notices made as
// images to a size (full, half or quarter page), the photo page, the
// masthead box and the issue's notices in text. The page budget
// (budget.go) decides what goes where; this file sets each.

package layout

import (
	"magz/internal/doc"
	"magz/layout/page"
)

// Box is a width and a height.
type Box struct{ W, H Length }

// Slot is what an ad of a size is printed in: W×H, which for a full page
// is the trim with its bleed on every side.
type Slot struct {
	W, H  Length
	Trim  Box    // the page
	Bleed Length // how far a full page runs past the trim
}

// AdSlot is the slot of an ad of size s in the issue: a full page to the
// trim and its bleed, a half page the text area's width and half its
// height (less a line between two halves), a quarter page a quarter of it.
func AdSlot(iss *doc.Issue, s doc.AdSize) Slot {
	th := iss.Theme.Or()
	return slotFor(th, page.FromMicrometres(iss.Trim.Width), page.FromMicrometres(iss.Trim.Height), s)
}

func (c *composer) adSlot(s doc.AdSize) Slot { return slotFor(c.th, c.W, c.H, s) }

func slotFor(th Theme, W, H Length, s doc.AdSize) Slot {
	out := Slot{Trim: Box{W, H}, Bleed: th.Bleed}
	w := W - th.MarginInner - th.MarginOuter
	live := bodyBottomOf(th, H) - th.MarginTop
	switch s {
	case doc.AdFull:
		out.W, out.H = W+2*th.Bleed, H+2*th.Bleed
	case doc.AdHalf:
		out.W, out.H = w, (live-th.Grid)/2
	default:
		out.W, out.H = w, (live-3*th.Grid)/4
	}
	return out
}

// adItems sets an ad of a half or quarter page at x, y: its image, read
// as a figure with its alternative text, under a hairline that says what
// it is (an advertisement is never mistaken for the magazine's own text).
func (c *composer) adItems(ad *doc.Ad, x, y Length) []page.Item {
	slot := c.adSlot(ad.Size)
	f := ad.Figure
	sw, sh := c.imageSize(f.Image)
	node := c.pictureNode(f)
	return []page.Item{
		&page.Image{X: x, Y: y, W: slot.W, H: slot.H, Source: f.Image.Path, Name: f.Image.Rel, Crop: cropFor(sw, sh, slot.W, slot.H, f.Focus), Node: node},
		&page.Rule{X1: x, Y1: y + slot.H, X2: x + slot.W, Y2: y + slot.H, Width: c.th.Space.RowRuleWidth, Color: c.th.Muted},
	}
}

// fullAdPage is a page an ad of a full page fills, to the bleed: no
// running head, no folio.
func (c *composer) fullAdPage(ad *doc.Ad) *page.Page {
	p := c.newPage(page.KindPlanned)
	pi := len(c.out.Pages) - 1
	f := ad.Figure
	sw, sh := c.imageSize(f.Image)
	b := c.th.Bleed
	c.within(c.node(page.RoleSection, ""), func() {
		p.Items = append(p.Items, &page.Image{X: 0, Y: 0, W: c.W, H: c.H, Source: f.Image.Path, Name: f.Image.Rel,
			Crop: cropFor(sw, sh, c.W+2*b, c.H+2*b, f.Focus), Bleed: page.EdgeTop | page.EdgeRight | page.EdgeBottom | page.EdgeLeft, Node: c.pictureNode(f)})
	})
	c.noRH[pi], c.fullBleed[pi] = true, true
	return p
}

// adverts tells whether any of ads is a house advertisement rather than a
// public-service notice.
func adverts(ads []*doc.Ad) bool {
	for _, a := range ads {
		if !a.Notice {
			return true
		}
	}
	return false
}

// photoPage sets the photo page: its title over the photo, as large as
// the text area allows while it stays sharp, and the caption under it.
func (c *composer) photoPage(ph *doc.PhotoPage) *page.Page {
	p := c.newPage(page.KindPlanned)
	pi := len(c.out.Pages) - 1
	x, w := c.textBox(pi)
	title := ph.Title
	if title == "" {
		title = c.lab.PhotoPage
	}
	c.heads[pi] = title
	f := ph.Figure
	c.within(c.node(page.RoleSection, ""), func() {
		titleNode := c.node(page.RoleH1, "")
		pic, capt := c.figureNodes(f)
		size := c.headlineSize(doc.RankFeature)
		ts := sansStyle(c.th.Type.DisplayBlack, size, size*Length(c.th.Opener.TitleLeading)/100, c.th.Deep, Left)
		lines, ts := c.headlineLines(title, ts, w, 2)
		y := c.th.MarginTop + ts.Size
		p.Items = append(p.Items, tag(c.drawLines(lines, x, y, ts, w), titleNode)...)
		y += Length(len(lines)-1)*ts.Leading + c.th.Opener.UnderTitle
		// the caption's height first: the photo takes the rest
		cs := TextStyle{Regular: c.th.Type.Display, Italic: c.th.Type.DisplayItalic, Bold: c.th.Type.DisplayBold, BoldItalic: c.th.Type.DisplayBold,
			Size: c.th.Scale.PhotoCaption.Size, Leading: c.th.Scale.PhotoCaption.Leading, Color: c.th.Ink, Align: Left}
		spans := c.captionSpans(f)
		var capLines []line
		if len(spans) > 0 {
			capLines = c.st.setParagraph(spans, cs, w, 0, nil)
		}
		capH := Length(len(capLines))*cs.Leading + c.th.Space.CaptionGap
		sw, sh := c.imageSize(f.Image)
		// The photo fills the text area's width and the height left, as
		// far as its pixels stay sharp there: a landscape photo is cropped
		// to a taller frame, never past doc.SharpPPI.
		h := c.bodyBottom() - y - capH
		iw := w
		if sharpH := Length(int64(sh) * 72000 / doc.SharpPPI); sharpH < h {
			h = max(sharpH, Length(int64(w)*int64(sh)/int64(sw)))
		}
		// too few pixels even at its own shape: smaller, centred (the
		// crop's share of the photo stays the same at any scale)
		crop := cropFor(sw, sh, iw, h, f.Focus)
		if maxW := Length(int64(crop[2]-crop[0]) * int64(sw) / 1e6 * 72000 / doc.SharpPPI); maxW < iw {
			h, iw = h*maxW/iw, maxW
		}
		ix := x + (w-iw)/2
		p.Items = append(p.Items, &page.Image{X: ix, Y: y, W: iw, H: h, Source: f.Image.Path, Name: f.Image.Rel, Crop: cropFor(sw, sh, iw, h, f.Focus), Node: pic})
		y += h + c.th.Space.CaptionGap + cs.Size
		p.Items = append(p.Items, tag(c.drawLines(capLines, ix, y, cs, iw), capt)...)
	})
	return p
}

// captionSpans is a figure's caption followed by its credit.
func (c *composer) captionSpans(f *doc.Figure) []doc.Span {
	spans := append([]doc.Span(nil), f.Caption...)
	if f.Credit != "" {
		if len(spans) > 0 {
			spans = append(spans, doc.Span{Text: " "})
		}
		spans = append(spans, doc.Span{Text: c.lab.Photo + ": " + f.Credit, Style: doc.Emph})
	}
	return spans
}

// box sets a titled box of paragraphs at width w, centred on a tinted
// panel, as a heading and paragraphs of the current structure element.
func (c *composer) box(title string, paras [][]doc.Span, w Length) (Length, []page.Item) {
	pad := c.th.Space.BoxPad
	inner := w - 2*pad
	// As a notice: the title centred, the text justified with its last
	// line centred; the box reads as one piece across the columns.
	ts := sansStyle(c.th.Type.DisplayBlack, c.th.Scale.BoxTitle, c.th.Grid, c.th.Deep, Center)
	bs := TextStyle{Regular: c.th.Type.Display, Italic: c.th.Type.DisplayItalic, Bold: c.th.Type.DisplayBold, BoldItalic: c.th.Type.DisplayBold,
		Size: c.th.Scale.BoxText.Size, Leading: c.th.Scale.BoxText.Leading, Color: c.th.Ink, Align: Justify, Hyphenate: true}
	last := bs
	last.Align = Center
	items := []page.Item{nil} // the panel, once its height is known
	y := pad
	tl := c.lines(title, ts, inner, 2)
	items = append(items, c.as(page.Heading(2), c.drawLines(tl, pad, y+ts.Size, ts, inner))...)
	y += Length(len(tl))*ts.Leading + c.th.Space.BoxTitleUnder
	for _, p := range paras {
		lines := c.st.setParagraph(p, bs, inner, 0, nil)
		if len(lines) == 0 {
			continue
		}
		n := len(lines) - 1
		drawn := append(c.drawLines(lines[:n], pad, y+bs.Size, bs, inner), c.drawLines(lines[n:], pad, y+bs.Size+Length(n)*bs.Leading, last, inner)...)
		items = append(items, c.as(page.RoleP, drawn)...)
		y += Length(len(lines)) * bs.Leading
	}
	h := (y + pad + c.th.Grid - 1) / c.th.Grid * c.th.Grid
	items[0] = &page.Rect{X: 0, Y: 0, W: w, H: h, Fill: c.th.Tint}
	return h, items
}
