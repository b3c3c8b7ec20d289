package layout

import (
	"fmt"
	"magz/internal/locale"
	"magz/internal/theme"
	"magz/layout/page"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"magz/fonts"
	"magz/internal/diag"
	"magz/internal/doc"
	"magz/layout/hyph"
)

// Options are what layout needs from the rest of the build.
type Options struct {
	Metrics *Metrics
	// ImageSize returns the pixel size of an image as displayed (after EXIF
	// orientation); ok is false when the image could not be read.
	ImageSize func(img *doc.Image) (w, h int, ok bool)
	// Warn receives problems that do not stop the build.
	Warn func(pos diag.Pos, format string, args ...any)
	// NoCopyfit sets every article as designed (see copyfit.go), for
	// comparison.
	NoCopyfit bool
}

// Theme is the design of the magazine (see internal/theme).
type Theme = theme.Theme

// DefaultTheme is the house design.
func DefaultTheme() Theme { return theme.Default() }

type composer struct {
	iss   *doc.Issue
	opt   Options
	th    Theme
	st    *setter
	lab   locale.Labels
	out   *page.Issue
	W, H  Length
	art   *doc.Article // article being composed, for messages
	heads map[int]string
	noRH  map[int]bool // pages without a running head
	// fullBleed marks pages a photo covers entirely: no furniture at all.
	fullBleed map[int]bool
	// where is the source line being set, for messages.
	where diag.Pos
	// parent is the structure element new elements go into.
	parent int
	// notes are the Note elements of the article being set, by number.
	notes map[int]int
	// fit is the copyfitting setting of the article being set, and
	// textLines the lines of text it was set in (see copyfit.go).
	fit       fit
	textLines int
}

// node adds an element to the logical structure, inside the current
// parent, and returns it. Elements are made in reading order.
func (c *composer) node(role page.Role, alt string) int {
	c.out.Structure = append(c.out.Structure, page.Node{Role: role, Parent: c.parent, Alt: alt, Path: c.where.Path, Line: c.where.Line})
	return len(c.out.Structure) - 1
}

// within makes n the parent of the elements f makes.
func (c *composer) within(n int, f func()) {
	saved := c.parent
	c.parent = n
	f()
	c.parent = saved
}

// as tags items as a new element of the given role.
func (c *composer) as(role page.Role, items []page.Item) []page.Item {
	return tag(items, c.node(role, ""))
}

// tag puts the text, images and links among items that belong to no
// element yet into element n. Rules and rectangles stay decoration.
func tag(items []page.Item, n int) []page.Item {
	for _, it := range items {
		switch it := it.(type) {
		case *page.Text:
			if it.Node == 0 {
				it.Node = n
			}
		case *page.Image:
			if it.Node == 0 {
				it.Node = n
			}
		case *page.Link:
			if it.Node == 0 {
				it.Node = n
			}
		}
	}
	return items
}

// Compose lays out the whole issue.
func Compose(iss *doc.Issue, opt Options) *page.Issue {
	th := iss.Theme.Or()
	c := &composer{
		iss: iss, opt: opt, th: th, lab: locale.For(iss.Language).Labels,
		W: page.FromMicrometres(iss.Trim.Width), H: page.FromMicrometres(iss.Trim.Height),
		heads: map[int]string{}, noRH: map[int]bool{}, fullBleed: map[int]bool{},
	}
	c.st = &setter{m: opt.Metrics, hyph: hyph.For(locale.For(iss.Language).Hyphenation)}
	c.out = &page.Issue{Width: c.W, Height: c.H, Bleed: th.Bleed, Language: iss.Language, Title: issueTitle(iss), Author: iss.Publisher,
		Structure: []page.Node{{Role: page.RoleDocument}}}
	// The parts of the issue in reading order; the cover and contents are
	// drawn last, when the pages are known.
	coverNode := c.node(page.RoleSection, "")
	tocNode := c.node(page.RoleSection, "")

	cover := &page.Page{Kind: page.KindCover}
	entries, avail := c.tocEntries()
	split := tocPages(entries, avail, avail+c.tocTop(true)-c.tocTop(false))
	c.out.Pages = []*page.Page{cover}
	var contents []*page.Page
	for range split {
		p := &page.Page{Kind: page.KindContents}
		contents = append(contents, p)
		c.out.Pages = append(c.out.Pages, p)
	}
	starts := make([]int, len(iss.Articles))
	prev := ending{} // the contents end full: the first article opens a page
	ends := make([]ending, len(iss.Articles))
	for i, a := range iss.Articles {
		c.art = a
		c.where = a.Pos
		c.within(c.node(page.RoleArticle, ""), func() { _, prev = c.setArticle(a, prev) })
		starts[i] = prev.first
		ends[i] = prev
		c.out.Outline = append(c.out.Outline, page.OutlineItem{Title: a.Title, Page: starts[i]})
	}
	c.art = nil
	c.where = diag.Pos{} // what follows is magz's own
	fillers := c.fillHoles(ends)
	c.copyfitReport(ends, fillers)
	// Saddle stitching needs a multiple of 4 pages: pad with planned notes
	// pages before the back cover.
	for (len(c.out.Pages)+1)%4 != 0 {
		c.out.Pages = append(c.out.Pages, c.notesPage())
	}
	c.within(c.node(page.RoleSection, ""), func() { c.out.Pages = append(c.out.Pages, c.backCover()) })
	for i, p := range c.out.Pages {
		p.Folio = i + 1
	}
	c.within(coverNode, func() { c.cover(cover) })
	c.within(tocNode, func() { c.contents(contents, entries, split, starts) })
	c.furniture()
	return c.out
}

func issueTitle(iss *doc.Issue) string {
	t := iss.Magazine
	if iss.Number > 0 {
		t += " " + strconv.Itoa(iss.Number)
	}
	if iss.Title != "" {
		t += ": " + iss.Title
	}
	return t
}

// warnMissing reports characters the fonts cannot draw, once per article.
func (c *composer) warnMissing(pos diag.Pos) {
	seen := map[string]bool{}
	c.where = pos
	c.st.missing = func(r rune) {
		// once per character and line
		key := fmt.Sprint(r, c.where.Line)
		if seen[key] || c.opt.Warn == nil {
			return
		}
		seen[key] = true
		c.opt.Warn(c.where, "character %q (U+%04X) is not in the bundled fonts and is left out of the PDF", string(r), r)
	}
}

// ---- text helpers ----------------------------------------------------------

func sansStyle(face fonts.Face, size, leading Length, color Color, align Align) TextStyle {
	return TextStyle{Regular: face, Italic: face, Bold: face, BoldItalic: face, Size: size, Leading: leading, Color: color, Align: align}
}

// bodyStyle is the running text, justified. Where the language is not
// hyphenated, letters may space a little more, so that lines without
// hyphens still justify without holes between the words.
func (c *composer) bodyStyle() TextStyle {
	ts := TextStyle{Regular: c.th.Type.Text, Italic: c.th.Type.TextItalic, Bold: c.th.Type.TextBold, BoldItalic: c.th.Type.TextBoldItalic,
		Size: c.th.BodySize, Leading: c.th.Grid, Color: c.th.Ink, Align: Justify, Hyphenate: true}
	if _, ok := c.st.hyph.(hyph.Indonesian); !ok {
		ts.TrackStretch, ts.TrackShrink = 30, 12
	}
	return ts
}

func (c *composer) setText(s string, ts TextStyle, width Length) []line {
	return c.st.setParagraph([]doc.Span{{Text: s}}, ts, width, 0, nil)
}

// lines sets s in at most max lines; when it needs more, the last line
// kept ends with an ellipsis. Furniture (mastheads, headlines, contents)
// must never run off its page, however long the text an editor gives.
func (c *composer) lines(s string, ts TextStyle, width Length, max int) []line {
	ls, _ := c.linesN(s, ts, width, max)
	return ls
}

// linesN is lines, also telling how many lines the whole text needed (or
// more than max when it was cut).
func (c *composer) linesN(s string, ts TextStyle, width Length, max int) ([]line, int) {
	// Only a beginning can show: set no more than could fit.
	if limit := max * 300; utf8.RuneCountInString(s) > limit {
		s = string([]rune(s)[:limit])
	}
	ls := c.setText(s, ts, width)
	n := len(ls)
	if n <= max {
		return ls, n
	}
	ls = ls[:max]
	last := &ls[max-1]
	last.frags = slices.Clone(last.frags) // lines are shared with the setter's memory
	ell := c.st.fragsFor("…", ts.Regular, ts.Size, 0, ts.Color, "")
	ew := Length(0)
	for _, f := range ell {
		ew += f.width
	}
	// drop fragments until the ellipsis fits
	for len(last.frags) > 0 {
		f := last.frags[len(last.frags)-1]
		if f.x+f.width+ew <= width {
			break
		}
		last.frags = last.frags[:len(last.frags)-1]
	}
	x := Length(0)
	if n := len(last.frags); n > 0 {
		x = last.frags[n-1].x + last.frags[n-1].width
		t := &last.frags[n-1]
		t.text = strings.TrimSuffix(t.text, "-")
	}
	for _, f := range ell {
		last.frags = append(last.frags, placed{f, x})
		x += f.width
	}
	last.width = x
	return ls, n
}

// drawLines returns text items for lines whose first baseline is at y.
func (c *composer) drawLines(lines []line, x, y Length, ts TextStyle, width Length) []page.Item {
	var items []page.Item
	for i, ln := range lines {
		off := Length(0)
		switch ts.Align {
		case Center:
			off = (width - ln.width) / 2
		case Right:
			off = width - ln.width
		}
		base := y + Length(i)*ts.Leading
		for k, f := range ln.frags {
			// a gap to the next run is a word space; a line ends in one
			// unless the word goes on on the next line
			spaced := k+1 < len(ln.frags) && ln.frags[k+1].x > f.x+f.width+f.size/20 ||
				k+1 == len(ln.frags) && !ln.midWord
			t := &page.Text{X: x + off + f.x, Y: base - f.rise, Face: string(f.face), Size: f.size, Color: f.color, Text: f.text, Track: f.track, Actual: f.actual, HasActual: f.hasActual, Broken: f.hasActual, Spaced: spaced}
			if runs := locale.Runs(f.text); len(runs) == 1 {
				t.Lang = runs[0].Lang
			}
			items = append(items, t)
			switch {
			case strings.HasPrefix(f.link, "http") || strings.HasPrefix(f.link, "mailto:"):
				items = append(items, &page.Link{X: x + off + f.x, Y: base - f.size*8/10, W: f.width, H: f.size, URL: f.link})
			case strings.HasPrefix(f.link, notePrefix):
				// a footnote reference: its own element, linked to the note
				n, _ := strconv.Atoi(strings.TrimPrefix(f.link, notePrefix))
				t.Node = c.node(page.RoleReference, "")
				items = append(items, &page.Link{X: t.X, Y: t.Y - f.size, W: f.width, H: f.size * 13 / 10, Note: n, Node: t.Node, Page: -1})
			}
		}
	}
	return items
}

func translate(items []page.Item, dx, dy Length) []page.Item {
	out := make([]page.Item, len(items))
	for i, it := range items {
		out[i] = it.Moved(dx, dy)
	}
	return out
}

// ---- images ----------------------------------------------------------------

// cropFor returns the part of an sw×sh image that fills a frame of aspect
// fw:fh, as large as possible and centred on focus.
func cropFor(sw, sh int, fw, fh Length, focus [2]float64) [4]int {
	const whole = 1_000_000
	if sw <= 0 || sh <= 0 || fw <= 0 || fh <= 0 {
		return [4]int{0, 0, whole, whole}
	}
	// The share of the source the frame shows, in millionths: all of one
	// side, and of the other what keeps the frame's shape. In integers, so
	// that every machine crops alike.
	cw, ch := int64(whole), int64(whole)
	src, dst := int64(sw)*int64(fh), int64(fw)*int64(sh) // the shapes, cross-multiplied
	if src > dst {
		cw = (dst*whole + src/2) / src
	} else {
		ch = (src*whole + dst/2) / dst
	}
	// Centre the crop on the focus point, as far as the edges allow.
	place := func(size int64, f float64) int64 {
		s := int64(math.Round(f*whole)) - size/2
		return max(0, min(s, whole-size))
	}
	x, y := place(cw, focus[0]), place(ch, focus[1])
	return [4]int{int(x), int(y), int(x + cw), int(y + ch)}
}

// ppi is the resolution of a crop of an image sw pixels wide shown in a
// frame w wide.
// heroInsidePPI is the resolution of an opener photo of height h (as
// drawn across the page) set inside the margins at width w.
func (c *composer) heroInsidePPI(sw, sh int, focus [2]float64, h, w Length) float64 {
	ih := h * w / c.W
	return ppi(sw, cropFor(sw, sh, w, ih, focus), w)
}

func ppi(sw int, crop [4]int, w Length) float64 {
	return float64(crop[2]-crop[0]) / 1e6 * float64(sw) / (w.Points() / 72)
}

func (c *composer) imageSize(img *doc.Image) (int, int) {
	if c.opt.ImageSize != nil {
		if w, h, ok := c.opt.ImageSize(img); ok && w > 0 && h > 0 {
			return w, h
		}
	}
	return 3, 2
}

// ---- pages -----------------------------------------------------------------

func (c *composer) newPage(kind page.PageKind) *page.Page {
	p := &page.Page{Kind: kind}
	c.out.Pages = append(c.out.Pages, p)
	return p
}

// left reports whether page index i is a left-hand (even-numbered) page.
func left(i int) bool { return (i+1)%2 == 0 }

func (c *composer) textBox(i int) (x, w Length) {
	inner, outer := c.th.MarginInner, c.th.MarginOuter
	if left(i) {
		return outer, c.W - inner - outer
	}
	return inner, c.W - inner - outer
}

// gridY aligns y down to the next line of the baseline grid.
func (c *composer) gridY(y Length) Length {
	top := c.th.MarginTop
	if y <= top {
		return top
	}
	k := (y - top + c.th.Grid - 1) / c.th.Grid
	return top + k*c.th.Grid
}

func (c *composer) bodyBottom() Length {
	top := c.th.MarginTop
	n := (c.H - c.th.MarginBottom - top) / c.th.Grid
	return top + n*c.th.Grid
}

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
			hx := x
			if !left(i) {
				hx = x + w - lines[0].width
			}
			p.Items = append(p.Items, c.drawLines(lines, hx, pg.HeadBaseline, hs, w)...)
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

// ---- cover -------------------------------------------------------------------

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

// ---- contents ----------------------------------------------------------------

// tocStyles are the styles of a contents entry.
type tocStyles struct{ sec, tit, sub, by, num TextStyle }

func (c *composer) tocStyles() tocStyles {
	return tocStyles{
		sec: sansStyle(c.th.Type.DisplayBold, c.th.Scale.ContentsSection.Size, c.th.Scale.ContentsSection.Leading, c.th.Accent, Left),
		tit: TextStyle{Regular: c.th.Type.TextBold, Italic: c.th.Type.TextBoldItalic, Bold: c.th.Type.TextBold, BoldItalic: c.th.Type.TextBoldItalic,
			Size: c.th.Scale.ContentsTitle.Size, Leading: c.th.Scale.ContentsTitle.Leading, Color: c.th.Ink, Align: Left},
		sub: TextStyle{Regular: c.th.Type.Text, Italic: c.th.Type.TextItalic, Bold: c.th.Type.TextBold, BoldItalic: c.th.Type.TextBoldItalic,
			Size: c.th.Scale.ContentsStandfirst.Size, Leading: c.th.Scale.ContentsStandfirst.Leading, Color: c.th.Ink, Align: Left},
		by:  sansStyle(c.th.Type.DisplayItalic, c.th.Scale.ContentsBy.Size, c.th.Scale.ContentsBy.Leading, c.th.Muted, Left),
		num: sansStyle(c.th.Type.DisplayBlack, c.th.Scale.ContentsNumber.Size, c.th.Scale.ContentsNumber.Leading, c.th.Accent, Left),
	}
}

// tocEntry is a contents entry, set.
type tocEntry struct {
	sec, tit, sub, by []line
	title             string // the article title, for readers
	h                 Length
}

// tocTop is where the entries start on a contents page (below its heading).
func (c *composer) tocTop(first bool) Length {
	ct := c.th.Contents
	y := c.th.MarginTop + ct.HeadingDrop + ct.UnderHeading
	if first && c.iss.Title != "" {
		y += ct.OverTheme + 2*c.th.Scale.ContentsTheme.Leading
	}
	return y + ct.UnderRule
}

// tocEntries sets the contents entries, with the standfirsts when all
// entries then fit on one page.
func (c *composer) tocEntries() ([]tocEntry, Length) {
	st := c.tocStyles()
	_, w := c.textBox(1)
	tw := w - c.th.Contents.NumberColumn
	avail := c.bodyBottom() - c.tocTop(true) - c.th.Contents.Foot
	set := func(withSub bool) ([]tocEntry, Length) {
		var out []tocEntry
		total := Length(0)
		for _, a := range c.iss.Articles {
			e := tocEntry{tit: c.lines(a.Title, st.tit, tw, 3), title: a.Title}
			if a.Section != "" {
				e.sec = c.lines(strings.ToUpper(a.Section), st.sec, tw, 1)
			}
			if withSub && a.Subtitle != "" {
				e.sub = c.lines(a.Subtitle, st.sub, tw, 3)
			}
			if a.Author != "" {
				e.by = c.lines(a.Author, st.by, tw, 1)
			}
			e.h = Length(len(e.sec))*st.sec.Leading + Length(len(e.tit))*st.tit.Leading + c.th.Contents.UnderTitle +
				Length(len(e.sub))*st.sub.Leading + Length(len(e.by))*st.by.Leading + c.th.Contents.UnderEntry
			out = append(out, e)
			total += e.h
		}
		return out, total
	}
	entries, total := set(true)
	if total > avail {
		entries, _ = set(false)
	}
	return entries, avail
}

// tocPages splits the entries into pages.
func tocPages(entries []tocEntry, firstAvail, avail Length) [][]int {
	var pages [][]int
	var cur []int
	room := firstAvail
	for i, e := range entries {
		if len(cur) > 0 && e.h > room {
			pages = append(pages, cur)
			cur, room = nil, avail
		}
		cur = append(cur, i)
		room -= e.h
	}
	return append(pages, cur)
}

// contents draws the contents pages (pages[0] is page index 1).
func (c *composer) contents(pages []*page.Page, entries []tocEntry, split [][]int, starts []int) {
	st := c.tocStyles()
	toc := 0 // the TOC element, made at the first entry
	for pi, p := range pages {
		idx := 1 + pi
		x, w := c.textBox(idx)
		c.heads[idx] = c.lab.Contents
		ct := c.th.Contents
		ts := sansStyle(c.th.Type.DisplayBlack, ct.Heading.Size, ct.Heading.Leading, c.th.Deep, Left)
		y := c.th.MarginTop + ct.HeadingDrop
		heading := c.drawLines(c.lines(c.lab.Contents, ts, w, 1), x, y, ts, w)
		if pi == 0 {
			heading = c.as(page.RoleH1, heading) // repeated on later pages as furniture
		}
		p.Items = append(p.Items, heading...)
		y += ct.UnderHeading
		if pi == 0 && c.iss.Title != "" {
			tst := TextStyle{Regular: c.th.Type.TextItalic, Italic: c.th.Type.TextItalic, Bold: c.th.Type.TextBoldItalic, BoldItalic: c.th.Type.TextBoldItalic,
				Size: c.th.Scale.ContentsTheme.Size, Leading: c.th.Scale.ContentsTheme.Leading, Color: c.th.Muted, Align: Left}
			y += ct.OverTheme
			lines := c.lines(c.iss.Title, tst, w, 2)
			p.Items = append(p.Items, c.as(page.RoleP, c.drawLines(lines, x, y, tst, w))...)
			y += Length(len(lines)) * tst.Leading
		}
		y += ct.OverRule
		p.Items = append(p.Items, &page.Rule{X1: x, Y1: y, X2: x + w, Y2: y, Width: ct.RuleWidth, Color: c.th.Deep})
		y = c.tocTop(pi == 0)
		numW := ct.NumberColumn
		tw := w - numW
		if pi < len(split) {
			for _, i := range split[pi] {
				e := entries[i]
				top := y
				target := starts[i]
				if toc == 0 {
					toc = c.node(page.RoleTOC, "")
				}
				var entry int // one item: page number, section, title, standfirst, author
				c.within(toc, func() { c.within(c.node(page.RoleTOCItem, ""), func() { entry = c.node(page.RoleP, "") }) })
				start := len(p.Items)
				p.Items = append(p.Items, c.drawLines(c.setText(strconv.Itoa(target+1), st.num, numW), x, y+ct.NumberDrop, st.num, numW)...)
				if len(e.sec) > 0 {
					p.Items = append(p.Items, c.drawLines(e.sec, x+numW, y+ct.SectionDrop, st.sec, tw)...)
					y += st.sec.Leading
				}
				y += st.tit.Size
				p.Items = append(p.Items, c.drawLines(e.tit, x+numW, y, st.tit, tw)...)
				y += Length(len(e.tit)-1)*st.tit.Leading + ct.UnderTitle
				if len(e.sub) > 0 {
					y += st.sub.Leading
					p.Items = append(p.Items, c.drawLines(e.sub, x+numW, y, st.sub, tw)...)
					y += Length(len(e.sub)-1) * st.sub.Leading
				}
				if len(e.by) > 0 {
					y += st.by.Leading
					p.Items = append(p.Items, c.drawLines(e.by, x+numW, y, st.by, tw)...)
				}
				y += ct.UnderEntry
				p.Items = append(p.Items, &page.Link{X: x, Y: top, W: w, H: y - top, Page: target, Title: e.title})
				tag(p.Items[start:], entry)
				p.Items = append(p.Items, &page.Rule{X1: x + numW, Y1: y - ct.EntryRuleRise, X2: x + w, Y2: y - ct.EntryRuleRise, Width: ct.EntryRuleWidth, Color: ct.EntryRule})
			}
		}
		if pi == len(pages)-1 {
			// Masthead box: who makes the magazine.
			info := c.iss.Magazine + " · " + c.lab.Issue + " " + strconv.Itoa(c.iss.Number) + " · " + c.lab.Date(c.iss.Date)
			if c.iss.Publisher != "" {
				info += " · " + c.lab.Publisher + " " + c.iss.Publisher
			}
			is := sansStyle(c.th.Type.Display, c.th.Scale.Imprint.Size, c.th.Scale.Imprint.Leading, c.th.Muted, Left)
			lines := c.lines(info, is, w, 2)
			yb := c.bodyBottom() - Length(len(lines)-1)*is.Leading
			p.Items = append(p.Items, &page.Rule{X1: x, Y1: yb - ct.ImprintRule, X2: x + w, Y2: yb - ct.ImprintRule, Width: ct.ImprintRuleWidth, Color: c.th.Deep})
			p.Items = append(p.Items, c.as(page.RoleP, c.drawLines(lines, x, yb, is, w))...)
		}
	}
}

// ---- article -----------------------------------------------------------------

func firstLetter(spans []doc.Span) (string, []doc.Span, bool) {
	if len(spans) == 0 || spans[0].Note > 0 || spans[0].Break || spans[0].Style&doc.Mono != 0 {
		return "", nil, false
	}
	r, n := utf8.DecodeRuneInString(spans[0].Text)
	if !unicode.IsLetter(r) || !unicode.IsUpper(r) {
		return "", nil, false
	}
	rest := append([]doc.Span{{Text: spans[0].Text[n:], Style: spans[0].Style, Link: spans[0].Link}}, spans[1:]...)
	return string(r), rest, true
}

func (c *composer) article(a *doc.Article, runIn bool) {
	// an article of a section with a colour of its own is accented in it
	defer func(accent Color) { c.th.Accent = accent }(c.th.Accent)
	c.th.Accent = c.th.AccentOf(a.Section)
	c.warnMissing(a.Pos)
	c.where = a.Pos
	first := len(c.out.Pages)
	var opener *page.Page
	y := c.th.MarginTop
	if runIn {
		// A short item below the end of the one before, after a rule.
		first--
		opener = c.out.Pages[first]
		gap := Length(c.th.Space.RunInLines) * c.th.Grid
		y = c.gridY(c.contentBottom(first) + gap)
		x, w := c.textBox(first)
		opener.Items = append(opener.Items, &page.Rule{X1: x, Y1: y - gap/2, X2: x + w, Y2: y - gap/2, Width: c.th.Space.RunInRuleWidth, Color: c.th.Deep})
	} else {
		opener = c.newPage(page.KindArticle)
	}
	x, w := c.textBox(first)
	// The opener's elements in reading order: section, title, standfirst,
	// author, then the lead photo with its caption.
	var secNode, subNode, byNode, heroNode, capNode int
	if a.Section != "" {
		secNode = c.node(page.RoleP, "")
	}
	titleNode := c.node(page.RoleH1, "")
	if a.Subtitle != "" {
		subNode = c.node(page.RoleP, "")
	}
	if a.Author != "" {
		byNode = c.node(page.RoleP, "")
	}
	if a.Hero != nil {
		heroNode, capNode = c.figureNodes(a.Hero)
	}
	if a.Hero != nil {
		sw, sh := c.imageSize(a.Hero.Image)
		op := c.th.Opener
		hh := c.H * Length(op.PhotoLandscape) / 100
		if sw < sh {
			hh = c.H * Length(op.PhotoPortrait) / 100
		}
		bleed := page.EdgeTop | page.EdgeLeft | page.EdgeRight
		fw := c.W + 2*c.th.Bleed
		sharp := func(h Length) bool { // the photo runs off the page at height h
			return ppi(sw, cropFor(sw, sh, fw, h+c.th.Bleed, a.Hero.Focus), fw) >= page.SharpPPI
		}
		if scaled := hh * Length(c.fit.hero) / 100; c.fit.hero <= 100 || sharp(scaled) || !sharp(hh) && c.heroInsidePPI(sw, sh, a.Hero.Focus, scaled, w) >= page.SharpPPI {
			hh = scaled // copyfitting enlarges a photo only as far as it stays sharp
		}
		fh := hh + c.th.Bleed
		crop := cropFor(sw, sh, fw, fh, a.Hero.Focus)
		if ppi(sw, crop, fw) >= page.SharpPPI {
			// The photo has the pixels to run off the page.
			opener.Items = append(opener.Items, &page.Image{X: 0, Y: 0, W: c.W, H: hh, Source: a.Hero.Image.Path, Name: a.Hero.Image.Rel, Crop: crop, Bleed: bleed, Node: heroNode})
			c.noRH[first] = true
			y = hh + op.UnderPhoto
		} else {
			// Too few pixels to bleed: the photo stays inside the margins,
			// where it is printed smaller.
			hh = hh * w / c.W
			y = c.th.MarginTop
			opener.Items = append(opener.Items, &page.Image{X: x, Y: y, W: w, H: hh, Source: a.Hero.Image.Path, Name: a.Hero.Image.Rel, Crop: cropFor(sw, sh, w, hh, a.Hero.Focus), Node: heroNode})
			y += hh + op.UnderPhoto
		}
		capText := doc.PlainText(a.Hero.Caption)
		if a.Hero.Credit != "" {
			if capText != "" {
				capText += " "
			}
			capText += c.lab.Photo + ": " + a.Hero.Credit
		}
		if capText != "" {
			cs := sansStyle(c.th.Type.DisplayItalic, op.Caption.Size, op.Caption.Leading, c.th.Muted, Right)
			cw := w * Length(op.CaptionThirds) / 3
			lines := c.lines(capText, cs, cw, 3)
			opener.Items = append(opener.Items, tag(c.drawLines(lines, x+w*Length(3-op.CaptionThirds)/3, y+op.OverCaption, cs, cw), capNode)...)
			y += Length(len(lines))*cs.Leading + op.UnderCaption
		}
		y += op.AfterPhoto
	} else {
		y += c.th.Opener.NoPhoto
	}
	op := c.th.Opener
	if a.Section != "" {
		ss := sansStyle(c.th.Type.DisplayBold, c.th.Scale.Section.Size, c.th.Scale.Section.Leading, c.th.Accent, Left)
		y += op.OverSection
		lines := c.lines(strings.ToUpper(a.Section), ss, w, 1)
		opener.Items = append(opener.Items, &page.Rect{X: x, Y: y - op.OverSection - op.SectionBarGap, W: op.SectionBar, H: op.SectionBarHeight, Fill: c.th.Accent})
		opener.Items = append(opener.Items, tag(c.drawLines(lines, x, y, ss, w), secNode)...)
		y += op.UnderSection
	}
	hs := c.th.Scale.Title
	switch {
	case a.Hero != nil:
		hs = c.th.Scale.TitleWithPhoto
	case runIn:
		hs = c.th.Scale.TitleRunIn
	}
	if utf8.RuneCountInString(a.Title) > op.LongTitle {
		hs = hs * Length(op.LongTitleSize) / 100
	}
	ht := sansStyle(c.th.Type.DisplayBlack, hs, hs*Length(op.TitleLeading)/100, c.th.Deep, Left)
	tl, n := c.linesN(a.Title, ht, w, 5)
	if n > 5 && c.opt.Warn != nil {
		c.opt.Warn(a.Pos, "title does not fit its opener (%d lines, 5 fit); it is cut short", n)
	}
	y += hs * Length(op.TitleDrop) / 100
	opener.Items = append(opener.Items, tag(c.drawLines(tl, x, y, ht, w), titleNode)...)
	y += Length(len(tl)-1)*ht.Leading + op.UnderTitle
	if a.Subtitle != "" {
		st := TextStyle{Regular: c.th.Type.TextItalic, Italic: c.th.Type.TextItalic, Bold: c.th.Type.TextBoldItalic, BoldItalic: c.th.Type.TextBoldItalic,
			Size: c.th.Scale.Standfirst.Size, Leading: c.th.Scale.Standfirst.Leading, Color: c.th.Ink, Align: Left}
		sw := w * Length(op.StandfirstWidth) / 100
		sl, n := c.linesN(a.Subtitle, st, sw, 4)
		if n > 4 && c.opt.Warn != nil {
			c.opt.Warn(a.Pos, "subtitle does not fit its opener (%d lines, 4 fit); it is cut short", n)
		}
		y += c.th.Scale.Standfirst.Size
		opener.Items = append(opener.Items, tag(c.drawLines(sl, x, y, st, sw), subNode)...)
		y += Length(len(sl)-1)*st.Leading + op.UnderStandfirst
	}
	if a.Author != "" {
		bs := sansStyle(c.th.Type.DisplayBold, c.th.Scale.Byline.Size, c.th.Scale.Byline.Leading, c.th.Ink, Left)
		y += op.OverByline
		opener.Items = append(opener.Items, tag(c.drawLines(c.lines(c.lab.By+" "+a.Author, bs, w, 2), x, y, bs, w), byNode)...)
	}
	y += op.OverRule
	opener.Items = append(opener.Items, &page.Rule{X1: x, Y1: y, X2: x + w, Y2: y, Width: op.RuleWidth, Color: c.th.Deep})
	y = c.gridY(y + op.UnderRule)
	if y > c.bodyBottom()-Length(op.MinLines)*c.th.Grid {
		// The opener fills the page: the text starts on the next page.
		y = c.bodyBottom()
	}

	ncols := a.Columns
	colW, colX := c.columns(ncols, x, w)
	c.notes = map[int]int{}
	elems := c.articleElems(a, colW, w)
	c.textLines = 0
	for _, e := range elems {
		if e.kind == eLine {
			c.textLines++
		}
	}
	c.flow(elems, y, ncols, colX, a.Hero != nil)
	c.linkNotes(c.out.Pages[first:], first)
	for i := first; i < len(c.out.Pages); i++ {
		if c.heads[i] == "" {
			c.heads[i] = a.Section
			if c.heads[i] == "" {
				c.heads[i] = a.Title
			}
		}
	}
}

// linkNotes points the links of an article's footnote references at their
// notes, now that the notes are placed, and links each note's number back
// to its reference. pages are the article's, the first of them page first.
func (c *composer) linkNotes(pages []*page.Page, first int) {
	type place struct {
		page int
		text *page.Text
	}
	notes, refs := map[int]place{}, map[int]place{}
	noteOf := map[int]int{} // Note element -> note number
	for n, node := range c.notes {
		noteOf[node] = n
	}
	for pi, p := range pages {
		for _, it := range p.Items {
			switch it := it.(type) {
			case *page.Text:
				if n, ok := noteOf[it.Node]; ok {
					if _, seen := notes[n]; !seen {
						notes[n] = place{first + pi, it}
					}
				}
			case *page.Link:
				if it.Note != 0 {
					if _, seen := refs[it.Note]; !seen {
						refs[it.Note] = place{first + pi, nil}
					}
				}
			}
		}
	}
	for pi, p := range pages {
		for _, it := range p.Items {
			l, ok := it.(*page.Link)
			if !ok || l.Note == 0 {
				continue
			}
			if n, ok := notes[l.Note]; ok {
				l.Page, l.TargetY = n.page, n.text.Y-n.text.Size
				l.Title = c.lab.Notes + " " + strconv.Itoa(l.Note)
			}
			if r := refs[l.Note]; r.text == nil {
				refs[l.Note] = place{first + pi, &page.Text{X: l.X, Y: l.Y + l.H, Size: l.H}}
			}
		}
	}
	// back links: from the note's number to where it is referred to
	nums := make([]int, 0, len(notes))
	for n := range notes {
		nums = append(nums, n)
	}
	sort.Ints(nums)
	for _, n := range nums {
		note := notes[n]
		ref, ok := refs[n]
		if !ok || ref.text == nil {
			continue
		}
		t := note.text
		back := &page.Link{X: t.X, Y: t.Y - t.Size, W: c.opt.Metrics.TextWidth(t), H: t.Size * 13 / 10, Node: t.Node,
			Page: ref.page, TargetY: ref.text.Y - 2*ref.text.Size, Title: "↑ " + strconv.Itoa(n)}
		p := c.out.Pages[note.page]
		p.Items = append(p.Items, back)
	}
}

// figureNodes makes the structure of a figure: the picture, with its
// alternative text, holding its caption. A picture without alternative
// text (or marked decorative) is decoration, and its caption a paragraph.
func (c *composer) figureNodes(f *doc.Figure) (picture, caption int) {
	picture = c.pictureNode(f)
	if picture == page.Decoration {
		return picture, c.node(page.RoleP, "")
	}
	c.within(picture, func() { caption = c.node(page.RoleCaption, "") })
	return picture, caption
}

// pictureNode makes the Figure element of a picture, or marks it as
// decoration when it has no alternative text.
func (c *composer) pictureNode(f *doc.Figure) int {
	if f.Alt == "" || f.Decorative {
		return page.Decoration
	}
	return c.node(page.RoleFigure, f.Alt)
}

// columns returns the column width and the x of each column (relative to
// the text box).
func (c *composer) columns(n int, x, w Length) (Length, []Length) {
	if n == 1 {
		cw := w * Length(c.th.OneColumn) / 100
		return cw, []Length{(w - cw) / 2}
	}
	cw := (w - Length(n-1)*c.th.Gutter) / Length(n)
	xs := make([]Length, n)
	for i := range xs {
		xs[i] = Length(i) * (cw + c.th.Gutter)
	}
	return cw, xs
}
