// The covers: the front cover (photo, masthead, issue line, cover lines;
// full-bleed or framed) and the back cover.

package layout

import (
	"magz/internal/doc"
	"magz/internal/theme"
	"magz/layout/page"
	"slices"
	"strconv"
	"strings"
)

func (c *composer) backCover() *page.Page {
	p := &page.Page{Kind: page.KindBack}
	W, H := c.W, c.H
	p.Items = append(p.Items, &page.Rect{X: 0, Y: 0, W: W, H: H, Fill: c.th.Deep, Bleed: page.EdgeTop | page.EdgeRight | page.EdgeBottom | page.EdgeLeft})
	pg := c.th.Pages
	w := W - 2*pg.BackMargin
	ms := sansStyle(c.th.Type.DisplayBlack, pg.BackName.Size, pg.BackName.Leading, c.th.Paper, Center)
	lines := c.lines(c.iss.Magazine, ms, w, 2)
	y := H/2 - pg.BackRise
	p.Items = append(p.Items, c.as(page.RoleP, c.drawLines(lines, pg.BackMargin, y, ms, w))...)
	y += Length(len(lines)) * ms.Leading
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

// measureSize is the size text is measured at to be scaled to a width.
const measureSize = 100 * Pt

// masthead sets the magazine's name as large as fits the width w (or its
// logo, when the theme has one) at the top y, and returns where it ends.
func (c *composer) masthead(p *page.Page, x, top, w Length, col Color) Length {
	if logo := c.iss.Logo; logo != nil {
		sw, sh := c.imageSize(logo.Image)
		lw, lh := w, Length(int64(w)*int64(sh)/int64(max(sw, 1)))
		if lm := c.th.Cover.LogoMax; lh > lm {
			lw, lh = Length(int64(lm)*int64(sw)/int64(max(sh, 1))), lm
		}
		if most := widthAt(int64(sw), doc.SharpPPI); lw > most {
			// never larger than its pixels allow
			lw, lh = most, Length(int64(lh)*int64(most)/int64(lw))
		}
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

func (c *composer) cover(p *page.Page) {
	if c.th.Cover.Layout == theme.CoverFrame {
		c.coverFrame(p)
		return
	}
	W, H := c.W, c.H
	all := page.EdgeTop | page.EdgeRight | page.EdgeBottom | page.EdgeLeft
	if cv := c.iss.Cover; cv != nil {
		sw, sh := c.imageSize(cv.Image)
		bw, bh := W+2*c.th.Bleed, H+2*c.th.Bleed
		p.Items = append(p.Items, &page.Image{X: 0, Y: 0, W: W, H: H, Source: cv.Image.Path, Name: cv.Image.Rel, Crop: cropFor(sw, sh, bw, bh, cv.Focus), Bleed: all,
			Node: c.pictureNode(cv)})
	} else {
		p.Items = append(p.Items, &page.Rect{X: 0, Y: 0, W: W, H: H, Fill: c.th.Deep, Bleed: all})
	}
	// Dark bands keep the masthead and cover lines readable on any photo.
	cv := c.th.Cover
	band := &page.Rect{X: 0, Y: 0, W: W, H: cv.Band, Fill: Color{R: 0, G: 0, B: 0}, Alpha: cv.BandShade, Bleed: page.EdgeTop | page.EdgeLeft | page.EdgeRight}
	p.Items = append(p.Items, band)
	x, w := cv.Margin, W-2*cv.Margin
	y := c.masthead(p, x, cv.Margin, w, c.th.Paper) + cv.UnderMasthead
	info := strings.ToUpper(c.lab.Issue + " " + strconv.Itoa(c.iss.Number) + "  ·  " + c.lab.MonthYear(c.iss.Date))
	is := sansStyle(c.th.Type.DisplayBold, cv.IssueLine.Size, cv.IssueLine.Leading, c.th.Paper, Left)
	p.Items = append(p.Items, c.as(page.RoleP, c.drawLines(c.lines(info, is, w, 1), x, y, is, w))...)
	if c.iss.Title != "" {
		ts := sansStyle(c.th.Type.DisplayBlack, c.th.Scale.CoverTheme.Size, c.th.Scale.CoverTheme.Leading, c.th.Highlight, Left)
		lines := c.lines(c.iss.Title, ts, w, 2)
		y += cv.OverTheme
		p.Items = append(p.Items, c.as(page.RoleP, c.drawLines(lines, x, y, ts, w))...)
		y += Length(len(lines)-1) * ts.Leading
	}
	// The dark band under the masthead ends below it, whatever its size.
	band.H = max(band.H, y+cv.UnderBand)
	// Cover lines from the lead articles.
	sec := sansStyle(c.th.Type.DisplayBold, c.th.Scale.CoverSection.Size, c.th.Scale.CoverSection.Leading, c.th.Highlight, Left)
	tit := sansStyle(c.th.Type.DisplayBlack, c.th.Scale.CoverTitle.Size, c.th.Scale.CoverTitle.Leading, c.th.Paper, Left)
	cw := w * Length(cv.LinesWidth) / 100
	cls, total := c.coverLines(sec, tit, cw)
	if len(cls) > 0 {
		top := H - cv.LinesFoot - total
		p.Items = append(p.Items, &page.Rect{X: 0, Y: top - cv.LinesBand, W: W, H: H - top + cv.LinesBand, Fill: Color{R: 0, G: 0, B: 0}, Alpha: cv.LinesShade, Bleed: page.EdgeLeft | page.EdgeRight | page.EdgeBottom})
		c.drawCoverLines(p, cls, x, top, cw, sec, tit)
	}
	if photo := c.iss.Cover; photo != nil && photo.Credit != "" {
		cs := sansStyle(c.th.Type.Display, cv.Credit.Size, cv.Credit.Leading, cv.CreditColour, Right)
		p.Items = append(p.Items, c.as(page.RoleP, c.drawLines(c.lines(c.lab.Photo+": "+photo.Credit, cs, w, 1), x, H-cv.CreditFoot, cs, w))...)
	}
}

// coverLine is a lead article's line on the cover: its section and title.
type coverLine struct{ section, title []line }

// coverLines sets the cover lines of the first three articles (not those
// of the sections the theme skips) at width w, and their height in all.
func (c *composer) coverLines(sec, tit TextStyle, w Length) ([]coverLine, Length) {
	var cls []coverLine
	total := Length(0)
	for _, a := range c.iss.Articles {
		if len(cls) == 3 {
			break
		}
		if slices.ContainsFunc(c.th.Cover.SkipSections, func(s string) bool { return strings.EqualFold(a.Section, s) }) {
			continue
		}
		title, n := c.linesN(a.Title, tit, w, 3)
		cl := coverLine{title: title}
		if n > 3 && c.opt.Warn != nil {
			c.opt.Warn(a.Pos, "title is too long for the cover lines (%d lines, 3 fit); it is shortened on the cover", n)
		}
		if a.Section != "" {
			cl.section = c.lines(strings.ToUpper(a.Section), sec, w, 1)
		}
		cls = append(cls, cl)
		total += Length(len(cl.section))*sec.Leading + Length(len(cl.title))*tit.Leading + c.th.Cover.BetweenLines
	}
	return cls, total
}

// drawCoverLines draws cover lines from y down, each read as a paragraph.
func (c *composer) drawCoverLines(p *page.Page, cls []coverLine, x, y, w Length, sec, tit TextStyle) {
	for _, cl := range cls {
		n := c.node(page.RoleP, "") // a cover line reads as one paragraph
		if len(cl.section) > 0 {
			p.Items = append(p.Items, tag(c.drawLines(cl.section, x, y, sec, w), n)...)
			y += Length(len(cl.section)) * sec.Leading
		}
		y += tit.Size * 3 / 4
		p.Items = append(p.Items, tag(c.drawLines(cl.title, x, y, tit, w), n)...)
		y += Length(len(cl.title))*tit.Leading - tit.Size*3/4 + c.th.Cover.BetweenLines
	}
}

// coverFrame lays the cover out on the paper: the masthead in the deep
// colour, the issue line, the photo framed between the margins, and the
// cover lines below it in two columns of type.
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
	sec := sansStyle(c.th.Type.DisplayBold, c.th.Scale.CoverSection.Size, c.th.Scale.CoverSection.Leading, c.th.Accent, Left)
	tit := sansStyle(c.th.Type.DisplayBlack, c.th.Scale.CoverTitleFramed.Size, c.th.Scale.CoverTitleFramed.Leading, c.th.Ink, Left)
	cw := (w - cv.ColumnGap) / 2
	cls, _ := c.coverLines(sec, tit, cw)
	// the lines in two columns under the photo: the taller column counts
	var heights [2]Length
	for i, cl := range cls {
		heights[i%2] += Length(len(cl.section))*sec.Leading + Length(len(cl.title))*tit.Leading + cv.BetweenLines
	}
	linesH := max(heights[0], heights[1])
	photoH := H - cv.Margin - linesH - cv.OverLines - y
	if photo := c.iss.Cover; photo != nil && photoH > cv.MinPhoto {
		sw, sh := c.imageSize(photo.Image)
		p.Items = append(p.Items, &page.Image{X: x, Y: y, W: w, H: photoH, Source: photo.Image.Path, Name: photo.Image.Rel,
			Crop: cropFor(sw, sh, w, photoH, photo.Focus), Node: c.pictureNode(photo)})
		if photo.Credit != "" {
			cs := sansStyle(c.th.Type.Display, cv.Credit.Size, cv.Credit.Leading, c.th.Muted, Right)
			p.Items = append(p.Items, c.as(page.RoleP, c.drawLines(c.lines(c.lab.Photo+": "+photo.Credit, cs, w, 1), x, y+photoH+cv.CreditDrop, cs, w))...)
		}
	}
	top := H - cv.Margin - linesH
	var left, right []coverLine
	for i, cl := range cls {
		if i%2 == 0 {
			left = append(left, cl)
		} else {
			right = append(right, cl)
		}
	}
	c.drawCoverLines(p, left, x, top, cw, sec, tit)
	c.drawCoverLines(p, right, x+cw+cv.ColumnGap, top, cw, sec, tit)
}
