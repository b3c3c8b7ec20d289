// The covers. The front cover has a hierarchy: the masthead, then one lead
// cover line set large (the lead story, by rank) with its standfirst, then
// the secondary lines smaller. On a photo cover the masthead stands on a
// band only as tall as it needs, and the cover lines go where the photo's
// subject is not: at the foot, or in a column on the side away from it.
// The framed cover sets the same hierarchy on the paper around the photo.
// The back cover carries the logo when the magazine has one.

package layout

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"magz/fonts"
	"magz/internal/doc"
	"magz/internal/images"
	"magz/internal/theme"
	"magz/layout/page"
)

// measureSize is the size text is measured at to be scaled to a width.
const measureSize = 100 * Pt

// masthead sets the magazine's name as large as fits the width w (or its
// logo, when the theme has one) at the top y, and returns where it ends.
func (c *composer) masthead(p *page.Page, x, top, w Length, col Color) Length {
	if logo := c.iss.Logo; logo != nil {
		lw, lh := c.logoSize(w, c.th.Cover.LogoMax)
		sw, sh := c.imageSize(logo.Image)
		p.Items = append(p.Items, &page.Image{X: x, Y: top, W: lw, H: lh, Source: logo.Image.Path, Name: logo.Image.Rel,
			Crop: cropFor(sw, sh, lw, lh, [2]float64{0.5, 0.5}), Node: c.pictureNode(logo)})
		return top + lh
	}
	one := c.opt.Metrics.Width(c.th.Type.DisplayBlack, measureSize, c.iss.Magazine+" ")
	size := c.th.Cover.MastheadMax
	if one > 0 && Length(int64(w)*int64(measureSize)/int64(one)) < size {
		size = Length(int64(w) * int64(measureSize) / int64(one))
	}
	ms := sansStyle(c.th.Type.DisplayBlack, size, size, col, Left)
	y := top + size*Length(c.th.Cover.MastheadDrop)/100
	mlines := c.lines(c.iss.Magazine, ms, w+size/4, 2)
	p.Items = append(p.Items, c.as(page.RoleP, c.drawLines(mlines, x, y, ms, w))...)
	return y + Length(len(mlines)-1)*ms.Leading + size/4
}

// logoSize is the logo's size at most w wide and maxH tall, never larger
// than its pixels allow at doc.SharpPPI.
func (c *composer) logoSize(w, maxH Length) (Length, Length) {
	sw, sh := c.imageSize(c.iss.Logo.Image)
	lw, lh := w, Length(int64(w)*int64(sh)/int64(max(sw, 1)))
	if lh > maxH {
		lw, lh = Length(int64(maxH)*int64(sw)/int64(max(sh, 1))), maxH
	}
	if most := widthAt(int64(sw), doc.SharpPPI); lw > most {
		lw, lh = most, Length(int64(lh)*int64(most)/int64(lw))
	}
	return lw, lh
}

func (c *composer) cover(p *page.Page) {
	if c.th.Cover.Layout == theme.CoverFrame {
		c.coverFrame(p)
		return
	}
	c.coverPhoto(p)
}

// subject is where a photo's focal point falls in a frame w×h at x, y
// cropped by crop, and how far around it the subject is taken to reach.
type subject struct{ x, y, r Length }

func (c *composer) subjectIn(f *doc.Figure, crop [4]int, x, y, w, h Length) subject {
	fx, fy := images.FocusMillionths(f.Focus)
	px := x + Length((fx-int64(crop[0]))*int64(w)/int64(max(crop[2]-crop[0], 1)))
	py := y + Length((fy-int64(crop[1]))*int64(h)/int64(max(crop[3]-crop[1], 1)))
	return subject{px, py, c.W * Length(c.th.Cover.Subject) / 100}
}

// coverPhoto: the photo fills the cover. The masthead and issue line
// stand on the photo in the colour that reads on what is under them (the
// photo's lightness there), or on a band as tall as they need when
// neither reads — a shade under the name in type, the paper under a logo,
// stopping short of a subject beside the masthead; the cover lines at the
// foot, or — when the subject is low — in a column on the side away from
// it. The photo's crop keeps the subject below the masthead when the
// photo's shape leaves room to.
func (c *composer) coverPhoto(p *page.Page) {
	W, H, b := c.W, c.H, c.th.Bleed
	cv := c.th.Cover
	all := page.EdgeTop | page.EdgeRight | page.EdgeBottom | page.EdgeLeft
	x, w := cv.Margin, W-2*cv.Margin
	// the masthead and issue line, set on a page of their own to be
	// measured, then moved onto the cover
	infoW := w
	if c.iss.Logo != nil {
		// a logo stands on a plate of the paper as wide as itself, the
		// issue line under it
		infoW, _ = c.logoSize(w, cv.LogoMax)
		infoW = max(infoW, c.th.Pictures.InsetCaption)
	}
	head, bandH := c.coverHead(w, infoW)
	sub := subject{W / 2, H / 2, 0}
	var crop [4]int
	fw, fh := W+2*b, H+2*b
	photo := c.iss.Cover
	if photo != nil {
		sw, sh := c.imageSize(photo.Image)
		crop = c.coverCrop(photo, sw, sh, fw, fh, bandH)
		p.Items = append(p.Items, &page.Image{W: W, H: H, Source: photo.Image.Path, Name: photo.Image.Rel, Crop: crop, Bleed: all, Node: c.pictureNode(photo)})
		sub = c.subjectIn(photo, crop, -b, -b, fw, fh)
	} else {
		p.Items = append(p.Items, &page.Rect{W: W, H: H, Fill: c.th.Deep, Bleed: all})
	}
	band := &page.Rect{W: W, H: bandH, Fill: Color{}, Alpha: cv.BandShade, Bleed: page.EdgeTop | page.EdgeLeft | page.EdgeRight}
	if sub.y-sub.r < bandH && sub.r > 0 {
		// the subject stands high: beside the masthead, the band (and the
		// issue line, on two lines) stop short of it
		if room := sub.x - sub.r - 2*cv.Margin; c.headRight(head)-x > room && room >= c.th.Pictures.InsetCaption {
			head, bandH = c.coverHead(w, room)
			band.H = bandH
		}
		if right := c.headRight(head) + cv.Margin; right < sub.x-sub.r {
			band.W, band.Bleed = right, page.EdgeTop|page.EdgeLeft
		}
	}
	l, looked := lumaUnder(photo, crop, fw, fh, 0, 0, band.W+b, bandH+b)
	col, onBand := c.th.Paper, true
	switch {
	case c.iss.Logo != nil:
		// a logo keeps its own colours: on a light photo as it is, else
		// on its plate of the paper
		col, onBand = c.th.Deep, !looked || l < logoOnPhoto
		band.Fill, band.Alpha = c.th.Paper, 0
		band.W, band.Bleed = c.headRight(head)+cv.Margin, page.EdgeTop|page.EdgeLeft
	case looked && 255-l >= readsAt:
		onBand = false
	case looked && l-lumaOf(c.th.Deep) >= readsAt:
		col, onBand = c.th.Deep, false
	case looked && sub.y-sub.r < band.H && sub.x+sub.r > band.X && sub.x-sub.r < band.X+band.W:
		// a shade would dim the subject: the name in whichever colour
		// reads better, on the photo as it is
		onBand = false
		if l-lumaOf(c.th.Deep) > 255-l {
			col = c.th.Deep
		}
	}
	for _, it := range head.Items {
		if t, ok := it.(*page.Text); ok {
			t.Color = col
		}
	}
	if onBand {
		p.Items = append(p.Items, band)
	}
	p.Items = append(p.Items, head.Items...)
	c.photoCoverLines(p, sub, bandH, photo, crop)
	if photo != nil && photo.Credit != "" {
		// on the photo: bold, since light type this small reversed out of
		// four colours fills in when the plates stray
		cs := sansStyle(c.th.Type.DisplayBold, cv.Credit.Size, cv.Credit.Leading, cv.CreditColour, Right)
		p.Items = append(p.Items, c.as(page.RoleP, c.drawLines(c.lines(c.lab.Photo+": "+photo.Credit, cs, w, 1), x, H-cv.CreditFoot, cs, w))...)
	}
}

// coverHead sets the masthead (w wide) and the issue line (infoW wide,
// on two lines when it must) on a page of their own, and returns it with
// the height of the band they need.
func (c *composer) coverHead(w, infoW Length) (*page.Page, Length) {
	cv := c.th.Cover
	head := &page.Page{}
	y := c.masthead(head, cv.Margin, cv.Margin, w, c.th.Paper) + cv.UnderMasthead
	is := sansStyle(c.th.Type.DisplayBold, cv.IssueLine.Size, cv.IssueLine.Leading, c.th.Paper, Left)
	lines := c.lines(c.issueLine(), is, infoW, 2)
	head.Items = append(head.Items, c.as(page.RoleP, c.drawLines(lines, cv.Margin, y, is, infoW))...)
	return head, y + Length(len(lines)-1)*is.Leading + is.Leading/2 + cv.UnderBand/2
}

// issueLine is the cover's issue line: number, month and the issue's theme.
func (c *composer) issueLine() string {
	info := strings.ToUpper(c.lab.Issue + " " + strconv.Itoa(c.iss.Number) + "  ·  " + c.lab.MonthYear(c.iss.Date))
	if c.iss.Title != "" {
		info += "  ·  " + c.iss.Title
	}
	return info
}

// Type on a photo reads without a shade when its lightness and the
// photo's under it differ by readsAt (of 255): about 3:1, enough for type
// this large. A logo stands on the photo as it is when the photo is at
// least logoOnPhoto light.
const (
	readsAt     = 110
	logoOnPhoto = 200
)

// headRight is how far right the masthead's items reach.
func (c *composer) headRight(p *page.Page) Length {
	r := Length(0)
	for _, it := range p.Items {
		switch it := it.(type) {
		case *page.Image:
			r = max(r, it.X+it.W)
		case *page.Text:
			w := c.opt.Metrics.Width(fonts.Face(it.Face), it.Size, it.Text) + it.Track*Length(utf8.RuneCountInString(it.Text))
			r = max(r, it.X+w)
		}
	}
	return r
}

// lumaUnder is the mean lightness (0–255) of the part of photo f, cropped
// by crop into a frame fw×fh, under the frame's rectangle x0,y0–x1,y1; ok
// is false when the pipeline did not look at the photo.
func lumaUnder(f *doc.Figure, crop [4]int, fw, fh, x0, y0, x1, y1 Length) (int, bool) {
	if f == nil || !f.HasLuma || fw <= 0 || fh <= 0 {
		return 0, false
	}
	at := func(v, size Length, a, b int) int64 { // frame to millionths of the photo
		v = max(0, min(v, size))
		return int64(a) + int64(v)*int64(b-a)/int64(size)
	}
	sx0, sx1 := at(x0, fw, crop[0], crop[2]), at(x1, fw, crop[0], crop[2])
	sy0, sy1 := at(y0, fh, crop[1], crop[3]), at(y1, fh, crop[1], crop[3])
	const cell = images.Whole / 8
	var sum, weight int64
	for r := 0; r < 8; r++ {
		oy := min(sy1, int64(r+1)*cell) - max(sy0, int64(r)*cell)
		for c := 0; c < 8; c++ {
			ox := min(sx1, int64(c+1)*cell) - max(sx0, int64(c)*cell)
			if ox > 0 && oy > 0 {
				w := ox / 1000 * (oy / 1000)
				sum += w * int64(f.Luma[r][c])
				weight += w
			}
		}
	}
	if weight == 0 {
		return 0, false
	}
	return int((sum + weight/2) / weight), true
}

// lumaOf is a colour's lightness (0–255), as lumaUnder measures a photo.
func lumaOf(c Color) int {
	return (299*int(c.R) + 587*int(c.G) + 114*int(c.B) + 500) / 1000
}

// coverCrop crops the cover photo to the page about its focal point —
// and, when the photo is taller than the page, lower, so that the subject
// stands clear below the masthead's band.
func (c *composer) coverCrop(f *doc.Figure, sw, sh int, fw, fh, bandH Length) [4]int {
	crop := cropFor(sw, sh, fw, fh, f.Focus)
	s := c.subjectIn(f, crop, 0, 0, fw, fh)
	clear := bandH + c.th.Bleed + s.r
	if s.y >= clear || crop[1] == 0 && crop[3] == images.Whole {
		return crop
	}
	// move the crop up the photo by what the subject lacks, as far as the
	// photo's top allows
	up := int64(clear-s.y) * int64(crop[3]-crop[1]) / int64(fh)
	up = min(up, int64(crop[1]))
	return [4]int{crop[0], crop[1] - int(up), crop[2], crop[3] - int(up)}
}

// coverLine is an article's line on the cover: its section, its title and
// (for the lead) its standfirst, each set in its style.
type coverLine struct {
	section, title, sub []line
	sec, tit, st        TextStyle
	lead                bool
}

// place is where a cover line's parts fall below its top: the baselines
// of its section, title and standfirst, and where it ends (descenders
// included; the space after it not).
func (cl coverLine) place() (sec, tit, sub, end Length) {
	y := Length(0)
	if len(cl.section) > 0 {
		sec, y = cl.sec.Size, cl.sec.Leading
	}
	tit = y + cl.tit.Size
	y = tit + Length(len(cl.title)-1)*cl.tit.Leading + cl.tit.Size/4
	if len(cl.sub) > 0 {
		sub = y + cl.st.Size + cl.st.Size/4
		y = sub + Length(len(cl.sub)-1)*cl.st.Leading + cl.st.Size/4
	}
	return sec, tit, sub, y
}

// height is how tall a cover line is set, the space after it included.
func (cl coverLine) height(between Length) Length {
	_, _, _, end := cl.place()
	return end + between
}

// coverArticles are the articles the cover names: the lead first (by
// rank), then the next two the theme does not skip.
func (c *composer) coverArticles() []*doc.Article {
	var out []*doc.Article
	for _, a := range c.iss.Articles {
		if slices.ContainsFunc(c.th.Cover.SkipSections, func(s string) bool { return strings.EqualFold(a.Section, s) }) {
			continue
		}
		if c.rank(a) == doc.RankLead {
			out = append([]*doc.Article{a}, out...)
		} else {
			out = append(out, a)
		}
	}
	return out[:min(len(out), 3)]
}

// coverLines sets the cover lines: the lead at leadW wide in the lead's
// size with two lines of its standfirst, the others at w wide in the
// secondary size; colours for the photo cover (light) or the paper. A
// title that fits its three lines only smaller is warned of when warn.
func (c *composer) coverLines(leadW, w Length, light, warn bool) []coverLine {
	cv := c.th.Cover
	ink, deep, accent := c.th.Ink, c.th.Deep, c.th.Accent
	if light {
		ink, deep, accent = c.th.Paper, c.th.Paper, c.th.Highlight
	}
	sec := sansStyle(c.th.Type.DisplayBold, c.th.Scale.CoverSection.Size, c.th.Scale.CoverSection.Leading, accent, Left)
	var out []coverLine
	for i, a := range c.coverArticles() {
		cl := coverLine{sec: sec, lead: i == 0, tit: sansStyle(c.th.Type.DisplayBlack, cv.SecondTitle.Size, cv.SecondTitle.Leading, deep, Left)}
		width, maxLines := w, 3
		if cl.lead {
			cl.tit = sansStyle(c.th.Type.DisplayBlack, cv.LeadTitle.Size, cv.LeadTitle.Leading, deep, Left)
			width = leadW
		}
		want := cl.tit
		cl.title, cl.tit = c.headlineLines(a.Title, cl.tit, width, maxLines)
		if cl.tit.Size < want.Size && warn && c.opt.Warn != nil {
			_, n := c.linesN(a.Title, want, width, maxLines)
			c.opt.Warn(a.Pos, "title is too long for the cover lines (%d lines, 3 fit); it is shortened on the cover", n)
		}
		if a.Section != "" {
			cl.section = c.lines(strings.ToUpper(a.Section), sec, width, 1)
		}
		if cl.lead && a.Subtitle != "" {
			cl.st = TextStyle{Regular: c.th.Type.TextItalic, Italic: c.th.Type.TextItalic, Bold: c.th.Type.TextBoldItalic, BoldItalic: c.th.Type.TextBoldItalic,
				Size: cv.LeadStandfirst.Size, Leading: cv.LeadStandfirst.Leading, Color: ink, Align: Left}
			cl.sub, cl.st = c.headlineLines(a.Subtitle, cl.st, width*9/10, 2)
		}
		out = append(out, cl)
	}
	return out
}

// drawCoverLine draws a cover line from y (its top) at x, read as one
// paragraph, and returns where the next starts.
func (c *composer) drawCoverLine(p *page.Page, cl coverLine, x, y, w Length) Length {
	n := c.node(page.RoleP, "")
	sec, tit, sub, end := cl.place()
	if len(cl.section) > 0 {
		p.Items = append(p.Items, tag(c.drawLines(cl.section, x, y+sec, cl.sec, w), n)...)
	}
	p.Items = append(p.Items, tag(c.drawLines(cl.title, x, y+tit, cl.tit, w), n)...)
	if len(cl.sub) > 0 {
		p.Items = append(p.Items, tag(c.drawLines(cl.sub, x, y+sub, cl.st, w), n)...)
	}
	return y + end + c.th.Cover.BetweenLines
}

// photoCoverLines places the cover lines on the photo where its subject is
// not: at the foot over a shade when the subject stands above them, else
// in a column on the side away from it, below the masthead's band.
func (c *composer) photoCoverLines(p *page.Page, sub subject, bandH Length, photo *doc.Figure, crop [4]int) {
	cv := c.th.Cover
	W, H := c.W, c.H
	x, w := cv.Margin, W-2*cv.Margin
	cw := w * Length(cv.LinesWidth) / 100
	cls := c.coverLines(cw, cw, true, true)
	if len(cls) == 0 {
		return
	}
	total := Length(0)
	for _, cl := range cls {
		total += cl.height(cv.BetweenLines)
	}
	b := c.th.Bleed
	fw, fh := W+2*b, H+2*b
	// the lines are light: a shade under them unless the photo is dark there
	dark := func(x0, y0, x1, y1 Length) bool {
		l, ok := lumaUnder(photo, crop, fw, fh, x0+b, y0+b, x1+b, y1+b)
		return ok && 255-l >= readsAt
	}
	top := H - cv.LinesFoot - total
	if sub.y+sub.r <= top-cv.LinesBand || sub.r == 0 {
		if !dark(0, top-cv.LinesBand, W, H) {
			p.Items = append(p.Items, &page.Rect{Y: top - cv.LinesBand, W: W, H: H - top + cv.LinesBand, Fill: Color{}, Alpha: cv.LinesShade, Bleed: page.EdgeLeft | page.EdgeRight | page.EdgeBottom})
		}
		for _, cl := range cls {
			top = c.drawCoverLine(p, cl, x, top, cw)
		}
		return
	}
	// the subject is low: a column on the other side, as wide as the
	// photo leaves (at least the theme's narrowest)
	colW := max(w*Length(cv.SideWidth)/100, min(cw, sub.x-sub.r-2*cv.Margin))
	colX := x
	if sub.x < W/2 {
		colW = max(w*Length(cv.SideWidth)/100, min(cw, W-sub.x-sub.r-2*cv.Margin))
		colX = W - cv.Margin - colW
	}
	cls = c.coverLines(colW, colW, true, false)
	total = 0
	for _, cl := range cls {
		total += cl.height(cv.BetweenLines)
	}
	top = max(bandH+cv.LinesBand, H-cv.LinesFoot-total)
	shade := &page.Rect{Y: bandH, W: colW + 2*cv.Margin, H: H - bandH, Fill: Color{}, Alpha: cv.LinesShade, Bleed: page.EdgeBottom | page.EdgeLeft}
	if sub.x < W/2 { // the column on the right
		shade.X, shade.W, shade.Bleed = colX-cv.Margin, W-colX+cv.Margin, page.EdgeBottom|page.EdgeRight
	}
	if !dark(shade.X, shade.Y, shade.X+shade.W, H) {
		p.Items = append(p.Items, shade)
	}
	for _, cl := range cls {
		top = c.drawCoverLine(p, cl, colX, top, colW)
	}
}

// coverFrame lays the cover out on the paper: the masthead in the deep
// colour, the issue line and a rule; the photo framed between the margins
// with the lead cover line under it, large, across the width; then the
// secondary lines side by side under a rule.
func (c *composer) coverFrame(p *page.Page) {
	W, H := c.W, c.H
	cv := c.th.Cover
	x, w := cv.Margin, W-2*cv.Margin
	y := c.masthead(p, x, cv.Margin, w, c.th.Deep) + cv.UnderMastheadFramed
	info := strings.ToUpper(c.lab.Issue + " " + strconv.Itoa(c.iss.Number) + "  ·  " + c.lab.MonthYear(c.iss.Date))
	if c.iss.Title != "" {
		info += "  ·  " + c.iss.Title
	}
	is := sansStyle(c.th.Type.DisplayBold, cv.IssueLine.Size, cv.IssueLine.Leading, c.th.Accent, Left)
	y += is.Size
	p.Items = append(p.Items, c.as(page.RoleP, c.drawLines(c.lines(info, is, w, 1), x, y, is, w))...)
	y += cv.OverRule
	p.Items = append(p.Items, &page.Rule{X1: x, Y1: y, X2: x + w, Y2: y, Width: cv.RuleWidth, Color: c.th.Deep})
	y += cv.UnderRule
	cls := c.coverLines(w, (w-cv.ColumnGap)/2, false, true)
	// from the foot up: the secondary lines side by side, a rule, the lead
	var second []coverLine
	var lead *coverLine
	for i := range cls {
		if cls[i].lead {
			lead = &cls[i]
		} else {
			second = append(second, cls[i])
		}
	}
	secondH := Length(0)
	for _, cl := range second {
		secondH = max(secondH, cl.height(0))
	}
	leadH := Length(0)
	if lead != nil {
		leadH = lead.height(cv.BetweenLines)
	}
	bottom := H - cv.Margin
	secondTop := bottom - secondH
	leadTop := secondTop - leadH
	if len(second) > 0 {
		leadTop -= cv.OverLines
	}
	photoH := leadTop - cv.OverLines - y
	if photo := c.iss.Cover; photo != nil && photoH > cv.MinPhoto {
		sw, sh := c.imageSize(photo.Image)
		pic := c.fitPicture(photo, w, photoH)
		if pic.h > photoH { // no taller than its room, whatever the tolerance
			pic.w, pic.h = pic.w*photoH/pic.h, photoH
		}
		px := x + (w-pic.w)/2
		p.Items = append(p.Items, &page.Image{X: px, Y: y, W: pic.w, H: pic.h, Source: photo.Image.Path, Name: photo.Image.Rel,
			Crop: cropFor(sw, sh, pic.w, pic.h, photo.Focus), Node: c.pictureNode(photo)})
		if photo.Credit != "" {
			cs := sansStyle(c.th.Type.Display, cv.Credit.Size, cv.Credit.Leading, c.th.Muted, Right)
			p.Items = append(p.Items, c.as(page.RoleP, c.drawLines(c.lines(c.lab.Photo+": "+photo.Credit, cs, pic.w, 1), px, y+pic.h+cv.CreditDrop, cs, pic.w))...)
		}
	}
	if lead != nil {
		c.drawCoverLine(p, *lead, x, leadTop, w)
	}
	if len(second) > 0 {
		ry := secondTop - cv.OverLines/2
		p.Items = append(p.Items, &page.Rule{X1: x, Y1: ry, X2: x + w, Y2: ry, Width: cv.RuleWidth / 2, Color: c.th.Deep})
	}
	sw := (w - cv.ColumnGap) / 2
	for i, cl := range second {
		c.drawCoverLine(p, cl, x+Length(i)*(sw+cv.ColumnGap), secondTop, sw)
	}
}

// backCover: the deep colour with the name in type — or, with a logo,
// the logo on a plate of the paper — above the issue line, and the
// publisher at the foot.
func (c *composer) backCover() *page.Page {
	p := &page.Page{Kind: page.KindBack}
	W, H := c.W, c.H
	pg := c.th.Pages
	w := W - 2*pg.BackMargin
	p.Items = append(p.Items, &page.Rect{W: W, H: H, Fill: c.th.Deep, Bleed: page.EdgeTop | page.EdgeRight | page.EdgeBottom | page.EdgeLeft})
	y := H/2 - pg.BackRise
	if logo := c.iss.Logo; logo != nil {
		lw, lh := c.logoSize(w*Length(pg.BackLogo)/100, H/5)
		pad := pg.BackPlate
		p.Items = append(p.Items, &page.Rect{X: (W-lw)/2 - pad, Y: y - lh - 2*pad, W: lw + 2*pad, H: lh + 2*pad, Fill: c.th.Paper})
		sw, sh := c.imageSize(logo.Image)
		p.Items = append(p.Items, &page.Image{X: (W - lw) / 2, Y: y - lh - pad, W: lw, H: lh, Source: logo.Image.Path, Name: logo.Image.Rel,
			Crop: cropFor(sw, sh, lw, lh, [2]float64{0.5, 0.5}), Node: c.pictureNode(logo)})
		y += pg.BackIssue.Leading
	} else {
		ms := sansStyle(c.th.Type.DisplayBlack, pg.BackName.Size, pg.BackName.Leading, c.th.Paper, Center)
		lines := c.lines(c.iss.Magazine, ms, w, 2)
		p.Items = append(p.Items, c.as(page.RoleP, c.drawLines(lines, pg.BackMargin, y, ms, w))...)
		y += Length(len(lines)) * ms.Leading
	}
	sub := sansStyle(c.th.Type.Display, pg.BackIssue.Size, pg.BackIssue.Leading, c.th.Paper, Center)
	info := c.lab.Issue + " " + strconv.Itoa(c.iss.Number) + " · " + c.lab.MonthYear(c.iss.Date)
	if c.iss.Title != "" {
		info = c.iss.Title + " · " + info
	}
	p.Items = append(p.Items, c.as(page.RoleP, c.drawLines(c.lines(info, sub, w, 3), pg.BackMargin, y, sub, w))...)
	if c.iss.Publisher != "" {
		pub := sansStyle(c.th.Type.Display, pg.BackPublisher.Size, pg.BackPublisher.Leading, pg.BackPublisherColour, Center)
		p.Items = append(p.Items, c.as(page.RoleP, c.drawLines(c.lines(c.lab.Publisher+" "+c.iss.Publisher, pub, w, 2), pg.BackMargin, H-pg.BackFoot, pub, w))...)
	}
	return p
}
