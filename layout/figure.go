// Figures in the flow: a figure sized for its column or across the page,
// an inset with its caption beside it when it has too few pixels or too
// little height to fill its column, and a photo that fills a page.

package layout

import (
	"magz/internal/doc"
	"magz/layout/page"
)

// Heights of a figure's picture, in percent of the body height: in a
// column, and across the columns.
const (
	columnFigure = 55
	wideFigure   = 45
)

// figure adds a figure. In a multi-column article a landscape photo with
// the pixels for it goes across the columns — the first of an article's
// such photos, and every third after it, at full width (the dominant
// picture), the others at a clearly smaller scale: two of three columns
// with the caption in the third, or one column of two. The column version
// is kept for when the article turns out short.
func (b *builder) figure(f *doc.Figure) {
	c := b.c
	sw, sh := c.imageSize(f.Image)
	pic, capt := c.figureNodes(f)
	col := b.figureAt(f, b.colW, b.colW, columnFigure, pic, capt)
	if b.ncols < 2 || sw*10 < sh*12 || !c.sharpAcross(f, b.textW, c.bodyHeight()*wideFigure/100) {
		b.add(col)
		return
	}
	b.wideFigs++
	pw := b.textW
	if b.wideFigs%3 != 1 { // a secondary picture
		if b.ncols < 3 {
			b.add(col)
			return
		}
		pw = b.textW - b.colW - c.th.Gutter
	}
	wide := b.figureAt(f, b.textW, pw, wideFigure, pic, capt)
	wide.kind = ePage
	wide.narrow = &col
	wide.fig = f
	wide.figNodes = [2]int{pic, capt}
	b.add(wide)
}

// bodyHeight is the height of the text area.
func (c *composer) bodyHeight() Length { return c.bodyBottom() - c.th.MarginTop }

// figureAt sets a figure in a place w wide, its picture at most pw wide
// and maxPct percent of the body height; pic and capt are its structure
// elements. A picture narrower than its place (an inset, or a secondary
// picture across the columns) has its caption beside it when there is
// room.
func (b *builder) figureAt(f *doc.Figure, w, pw Length, maxPct int, pic, capt int) elem {
	c := b.c
	p := c.fitPicture(f, pw, c.bodyHeight()*Length(maxPct)/100)
	// copyfitting: the crop gives or takes, within the crop limit; a photo
	// is enlarged only as far as it stays sharp
	if c.fit.figs != 100 && p.w == pw {
		if q, ok := c.refit(f, p, p.h*Length(c.fit.figs)/100); ok {
			p = q
		}
	}
	items := []page.Item{&page.Image{X: 0, Y: 0, W: p.w, H: p.h, Source: f.Image.Path, Name: f.Image.Rel, Crop: p.crop, Node: pic}}
	capStyle := c.captionStyle()
	spans := captionSpans(f, c.lab.Photo)
	if len(spans) == 0 {
		return elem{kind: eFloat, h: b.roundGrid(p.h + c.th.Space.CaptionGap + c.th.Grid/2), items: items}
	}
	pc := c.th.Pictures
	if beside := w - p.w - pc.InsetGap; beside >= pc.InsetCaption {
		// an inset: the caption beside the picture, from its top
		lines := c.st.setParagraph(spans, capStyle, beside, 0, nil)
		items = append(items, tag(c.drawLines(lines, p.w+pc.InsetGap, capStyle.Size, capStyle, beside), capt)...)
		h := max(p.h, Length(len(lines))*capStyle.Leading) + c.th.Space.CaptionAfter
		return elem{kind: eFloat, h: b.roundGrid(h + c.th.Grid/2), items: items}
	}
	y := p.h + c.th.Space.CaptionGap
	lines := c.st.setParagraph(spans, capStyle, w, 0, nil)
	items = append(items, tag(c.drawLines(lines, 0, y+capStyle.Size, capStyle, w), capt)...)
	y += Length(len(lines))*capStyle.Leading + c.th.Space.CaptionAfter
	return elem{kind: eFloat, h: b.roundGrid(y + c.th.Grid/2), items: items}
}

// captionStyle is the style of captions in the columns.
func (c *composer) captionStyle() TextStyle {
	return TextStyle{Regular: c.th.Type.Display, Italic: c.th.Type.DisplayItalic, Bold: c.th.Type.DisplayBold, BoldItalic: c.th.Type.DisplayBold,
		Size: c.th.Scale.Caption.Size, Leading: c.th.Scale.Caption.Leading, Color: c.th.Ink, Align: Left}
}

// captionSpans is a figure's caption followed by its credit.
func captionSpans(f *doc.Figure, photo string) []doc.Span {
	spans := append([]doc.Span(nil), f.Caption...)
	if f.Credit != "" {
		if len(spans) > 0 {
			spans = append(spans, doc.Span{Text: " "})
		}
		spans = append(spans, doc.Span{Text: photo + ": " + f.Credit, Style: doc.Emph})
	}
	return spans
}

// fullPageOK tells whether a photo may fill a page: cropped to the page's
// shape within the crop limit, with the pixels for SharpPPI.
func (c *composer) fullPageOK(f *doc.Figure) bool {
	sw, sh := c.imageSize(f.Image)
	b := c.th.Bleed
	fw, fh := c.W+2*b, c.H+2*b
	return cropFits(sw, sh, fw, fh, c.cropLimit(f.Image)) && ppiAt(sw, cropFor(sw, sh, fw, fh, f.Focus), fw) >= doc.SharpPPI
}

// fullPagePhoto fills page pi with a photo bled off every edge, its
// caption over a dark band at the foot.
func (c *composer) fullPagePhoto(p *page.Page, pi int, f *doc.Figure, nodes [2]int) {
	sw, sh := c.imageSize(f.Image)
	b := c.th.Bleed
	p.Items = append(p.Items, &page.Image{X: 0, Y: 0, W: c.W, H: c.H, Source: f.Image.Path, Name: f.Image.Rel,
		Crop: cropFor(sw, sh, c.W+2*b, c.H+2*b, f.Focus), Bleed: page.EdgeTop | page.EdgeRight | page.EdgeBottom | page.EdgeLeft, Node: nodes[0]})
	c.noRH[pi] = true
	c.fullBleed[pi] = true
	spans := captionSpans(f, c.lab.Photo)
	if len(spans) == 0 {
		return
	}
	x, w := c.textBox(pi)
	cs := TextStyle{Regular: c.th.Type.Display, Italic: c.th.Type.DisplayItalic, Bold: c.th.Type.DisplayBold, BoldItalic: c.th.Type.DisplayBold,
		Size: c.th.Scale.PhotoCaption.Size, Leading: c.th.Scale.PhotoCaption.Leading, Color: c.th.Paper, Align: Left}
	cw := w * Length(c.th.Space.PhotoBandThirds) / 3
	lines := c.st.setParagraph(spans, cs, cw, 0, nil)
	sp := c.th.Space
	h := Length(len(lines))*cs.Leading + sp.PhotoBandPad
	top := c.H - sp.PhotoBandFoot - h
	p.Items = append(p.Items, &page.Rect{X: 0, Y: top, W: c.W, H: h + sp.PhotoBandFoot, Fill: Color{}, Alpha: sp.PhotoBandShade, Bleed: page.EdgeLeft | page.EdgeRight | page.EdgeBottom})
	p.Items = append(p.Items, tag(c.drawLines(lines, x, top+sp.PhotoBandInset+cs.Size, cs, cw), nodes[1])...)
}
