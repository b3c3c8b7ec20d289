// Galleries: a run of figures (two or more with no text between them) is
// set as one element with a lead picture and the others at a clearly
// smaller scale — beside it in a column, or under it in rows — chosen by
// their count and shapes. Pictures are cropped by no more than the
// theme's limit (rows are justified to the pictures' own shapes, so most
// are not cropped at all); screenshots and other flat art are set in a row
// of their own shapes, whole.

package layout

import (
	"magz/internal/doc"
	"magz/layout/page"
)

// The proportions of a gallery, in percent: the lead's share of the width
// beside a column of the others; the lead's and a row's greatest height
// (of the body height); how much taller than the lead the column beside
// it may be before its pictures are made smaller.
const (
	galleryLeadShare = 62
	galleryLeadMax   = 40
	galleryRowMax    = 20
	galleryColumnMax = 110
)

// figureRun is the run of figures at the start of blocks.
func figureRun(blocks []doc.Block) []*doc.Figure {
	var run []*doc.Figure
	for _, bl := range blocks {
		f, ok := bl.(*doc.Figure)
		if !ok {
			break
		}
		run = append(run, f)
	}
	return run
}

// slot is a picture of a gallery in its place, and where its caption
// goes (capW 0: none).
type slot struct {
	f                      *doc.Figure
	nodes                  [2]int
	x, y, w, h             Length
	capX, capY, capW, capH Length
}

// gallery adds a run of figures as one element: across the columns of a
// multi-column article (with a column-wide version for when the article
// turns out short), in the column of a one-column one.
func (b *builder) gallery(figs []*doc.Figure) {
	c := b.c
	nodes := make([][2]int, len(figs))
	for i, f := range figs {
		nodes[i][0], nodes[i][1] = c.figureNodes(f)
	}
	col := b.galleryAt(figs, nodes, b.colW)
	if b.ncols >= 2 {
		wide := b.galleryAt(figs, nodes, b.textW)
		wide.kind = ePage
		wide.narrow = &col
		b.add(wide)
		return
	}
	b.add(col)
}

// galleryAt lays the run out W wide.
func (b *builder) galleryAt(figs []*doc.Figure, nodes [][2]int, W Length) elem {
	c := b.c
	lead := c.galleryLead(figs, W)
	var slots []slot
	graphics := true
	for _, f := range figs {
		graphics = graphics && c.graphic(f.Image)
	}
	switch {
	case graphics:
		slots = c.galleryRows(figs, nodes, 0, W, c.bodyHeight()*galleryLeadMax/100)
	case len(figs) <= 3:
		slots = c.gallerySide(figs, nodes, lead, W)
	}
	if slots == nil {
		slots = c.galleryTop(figs, nodes, lead, W)
	}
	var items []page.Item
	bottom := Length(0)
	cs := c.captionStyle()
	for _, s := range slots {
		sw, sh := c.imageSize(s.f.Image)
		crop := cropFor(sw, sh, s.w, s.h, s.f.Focus)
		w, h := s.w, s.h
		if ppiAt(sw, crop, w) < c.leastPPI(s.f.Image) {
			// too few pixels for its place: smaller, in its place's corner
			w = widthAt(int64(crop[2]-crop[0])*int64(sw)/1_000_000, doc.SharpPPI)
			h = max(s.h*w/max(s.w, 1), 1)
		}
		items = append(items, &page.Image{X: s.x, Y: s.y, W: w, H: h, Source: s.f.Image.Path, Name: s.f.Image.Rel, Crop: crop, Node: s.nodes[0]})
		bottom = max(bottom, s.y+s.h)
		if s.capW > 0 {
			lines := c.st.setParagraph(captionSpans(s.f, c.lab.Photo), cs, s.capW, 0, nil)
			items = append(items, tag(c.drawLines(lines, s.capX, s.capY+cs.Size, cs, s.capW), s.nodes[1])...)
			bottom = max(bottom, s.capY+Length(len(lines))*cs.Leading)
		}
	}
	return elem{kind: eFloat, h: b.roundGrid(bottom + c.th.Space.CaptionAfter + c.th.Grid/2), items: items}
}

// galleryLead is the picture that leads a gallery W wide: the first with
// the pixels to be its largest picture sharply, else the one with the
// most pixels.
func (c *composer) galleryLead(figs []*doc.Figure, W Length) int {
	best, most := 0, int64(-1)
	for i, f := range figs {
		sw, sh := c.imageSize(f.Image)
		if int64(sw)*int64(inch)/int64(W*galleryLeadShare/100) >= doc.SharpPPI && !c.graphic(f.Image) {
			return i
		}
		if px := int64(sw) * int64(sh); px > most {
			best, most = i, px
		}
	}
	return best
}

// captionHeight is the height a figure's caption takes under a picture w
// wide, the gap above it included (0 without a caption).
func (c *composer) captionHeight(f *doc.Figure, w Length) Length {
	spans := captionSpans(f, c.lab.Photo)
	if len(spans) == 0 || w <= 0 {
		return 0
	}
	cs := c.captionStyle()
	lines := c.st.setParagraph(spans, cs, w, 0, nil)
	return c.th.Space.CaptionGap + Length(len(lines))*cs.Leading
}

// gallerySide puts the lead on the left, about three fifths of the width,
// and the others in a column beside it, each with its caption; the lead's
// caption goes under the column when there is room, else under the lead.
// To stand level, the lead may grow taller and the column's pictures be
// cropped (both within the crop limit), then made smaller (to three fifths
// at least). It returns nil when the column would still be too tall, or
// too narrow for its captions.
func (c *composer) gallerySide(figs []*doc.Figure, nodes [][2]int, lead int, W Length) []slot {
	gap := c.th.Gutter
	wl := (W - gap) * galleryLeadShare / 100
	maxH := c.bodyHeight() * galleryLeadMax / 100
	lp := c.fitPicture(figs[lead], wl, maxH)
	wl = lp.w
	ws := W - gap - wl
	if ws < c.th.Pictures.InsetCaption {
		return nil
	}
	// the column as the pictures' shapes make it
	var col []slot
	pics, fixed := Length(0), gap*Length(len(figs)-2)
	for i, f := range figs {
		if i == lead {
			continue
		}
		p := c.fitPicture(f, ws, maxH)
		ch := c.captionHeight(f, ws)
		col = append(col, slot{f: f, nodes: nodes[i], w: p.w, h: p.h, capH: ch})
		pics += p.h
		fixed += ch
	}
	// the lead as tall as the column asks, within the crop limit
	sw, sh := c.imageSize(figs[lead].Image)
	tallest := min(maxH, lp.h*100/Length(100-c.cropLimit(figs[lead].Image)))
	if lp.w == wl && cropFits(sw, sh, wl, tallest, c.cropLimit(figs[lead].Image)) {
		lp.h = max(lp.h, min((pics+fixed)*100/galleryColumnMax, tallest))
	}
	room := lp.h*galleryColumnMax/100 - fixed
	if pics > room {
		// first crop the column's pictures, each by no more than its limit
		for i := range col {
			sw, sh := c.imageSize(col[i].f.Image)
			whole := Length(int64(col[i].w) * int64(sh) / int64(max(sw, 1))) // the picture's own height
			least := whole*Length(100-c.cropLimit(col[i].f.Image))/100 + MM/10
			col[i].h = min(col[i].h, max(least, col[i].h*room/pics))
		}
		pics = 0
		for _, s := range col {
			pics += s.h
		}
	}
	if pics > room {
		k := room * 1000 / max(pics, 1) // then make them smaller
		if k < 600 {
			return nil
		}
		for i := range col {
			col[i].w, col[i].h = col[i].w*k/1000, col[i].h*k/1000
		}
	}
	out := []slot{{f: figs[lead], nodes: nodes[lead], w: lp.w, h: lp.h}}
	y, x := Length(0), wl+gap
	for _, s := range col {
		s.x, s.y = x, y
		if s.capH > 0 {
			s.capX, s.capY, s.capW = x, y+s.h+c.th.Space.CaptionGap, ws
		}
		out = append(out, s)
		y += s.h + s.capH + gap
	}
	if lc := c.captionHeight(figs[lead], ws); lc > 0 && y+lc <= lp.h {
		out[0].capX, out[0].capY, out[0].capW = x, y, ws // under the column
	} else if lc > 0 {
		out[0].capX, out[0].capY, out[0].capW = 0, lp.h+c.th.Space.CaptionGap, wl
	}
	return out
}

// galleryTop puts the lead across the top and the others under it in
// justified rows of up to three, clearly smaller.
func (c *composer) galleryTop(figs []*doc.Figure, nodes [][2]int, lead int, W Length) []slot {
	gap := c.th.Gutter
	lp := c.fitPicture(figs[lead], W, c.bodyHeight()*galleryLeadMax/100)
	out := []slot{{f: figs[lead], nodes: nodes[lead], w: lp.w, h: lp.h}}
	y := lp.h
	if ch := c.captionHeight(figs[lead], lp.w); ch > 0 {
		out[0].capY, out[0].capW = lp.h+c.th.Space.CaptionGap, lp.w
		y += ch
	}
	var rest []*doc.Figure
	var restNodes [][2]int
	for i, f := range figs {
		if i != lead {
			rest, restNodes = append(rest, f), append(restNodes, nodes[i])
		}
	}
	rowMax := min(c.bodyHeight()*galleryRowMax/100, lp.h*55/100)
	return append(out, c.galleryRows(rest, restNodes, y+gap, W, rowMax)...)
}

// galleryRows sets figures in justified rows of up to three (two in a
// column) from y: each row as high as fills the width with the pictures'
// own shapes (at most maxH), each picture's caption under it.
func (c *composer) galleryRows(figs []*doc.Figure, nodes [][2]int, y, W, maxH Length) []slot {
	gap := c.th.Gutter
	perRow := 3
	if W < 3*c.th.Pictures.InsetCaption+2*gap {
		perRow = 2
	}
	var out []slot
	for start := 0; start < len(figs); start += perRow {
		end := min(start+perRow, len(figs))
		// the row's height: the width shared by the shapes (width/height
		// in thousandths)
		var shapes int64
		for _, f := range figs[start:end] {
			sw, sh := c.imageSize(f.Image)
			shapes += int64(sw) * 1000 / int64(max(sh, 1))
		}
		free := W - gap*Length(end-start-1)
		h := min(Length(int64(free)*1000/max(shapes, 1)), maxH)
		// a row held to maxH falls short of the width: its pictures are
		// widened, cropped in height by no more than their limit
		widen := int64(1000)
		if short := Length(int64(h) * shapes / 1000); short < free {
			widen = min(int64(free)*1000/max(int64(short), 1), 1000*100/int64(100-c.th.Pictures.CropLimit)-1)
			for _, f := range figs[start:end] {
				if c.graphic(f.Image) {
					widen = 1000
				}
			}
		}
		x := Length(0)
		capH := Length(0)
		row := []slot{}
		for i, f := range figs[start:end] {
			sw, sh := c.imageSize(f.Image)
			w := Length(int64(h) * int64(sw) / int64(max(sh, 1)) * widen / 1000)
			if last := i == end-start-1; last && widen == 1000 && W-x-w < MM && W-x > w && !c.graphic(f.Image) {
				w = W - x // the last takes the rounding
			}
			s := slot{f: f, nodes: nodes[start+i], x: x, y: y, w: w, h: h}
			if ch := c.captionHeight(f, w); ch > 0 {
				s.capX, s.capY, s.capW = x, y+h+c.th.Space.CaptionGap, w
				capH = max(capH, ch)
			}
			row = append(row, s)
			x += w + gap
		}
		out = append(out, row...)
		y += h + capH + gap
	}
	return out
}
