// An article's opener, in one of several designs (theme.Design): the photo
// across the top; the photo beside the headline; a tall portrait with a
// quote for interviews; the photo filling the page with the headline over
// its calm part; and, without a photo, the headline on the paper or on a
// band of colour. The article's header may name its design (opener:);
// otherwise it is chosen by the article's kind and photo, and two articles
// in a row never open alike.

package layout

import (
	"slices"
	"strings"

	"magz/internal/doc"
	"magz/internal/images"
	"magz/internal/theme"
	"magz/layout/page"
)

// openerNodes are the structure elements of an opener, made in reading
// order: section, title, standfirst, byline, then the photo and caption.
type openerNodes struct{ sec, title, sub, by, hero, caption int }

func (c *composer) openerNodes(a *doc.Article, photo bool) openerNodes {
	var n openerNodes
	if a.Section != "" {
		n.sec = c.node(page.RoleP, "")
	}
	n.title = c.node(page.RoleH1, "")
	if a.Subtitle != "" {
		n.sub = c.node(page.RoleP, "")
	}
	if a.Author != "" {
		n.by = c.node(page.RoleP, "")
	}
	if photo {
		n.hero, n.caption = c.figureNodes(a.Hero)
	}
	return n
}

// opener sets an article's opener and returns the page the article
// starts on and where its text starts.
func (c *composer) opener(a *doc.Article, runIn bool) (first int, y Length) {
	if runIn {
		return c.runInOpener(a)
	}
	d := c.design(a)
	first = len(c.out.Pages)
	p := c.newPage(page.KindArticle)
	n := c.openerNodes(a, d.Photo())
	switch d {
	case theme.DesignTop:
		y = c.topOpener(p, first, a, n)
	case theme.DesignBeside, theme.DesignPortrait:
		y = c.besideOpener(p, first, a, n, d == theme.DesignPortrait)
	case theme.DesignFull:
		c.fullOpener(p, first, a, n)
		return first, c.bodyBottom() // the text starts on the next page
	case theme.DesignBand:
		y = c.bandOpener(p, first, a, n)
	default:
		x, w := c.textBox(first)
		y = c.openerHead(p, a, n, x, c.th.MarginTop+c.th.Opener.NoPhoto, w, false)
		y = c.openerRule(p, first, y)
	}
	return first, y
}

// runInOpener sets a short item below the end of the one before, after a
// rule: its head on the paper.
func (c *composer) runInOpener(a *doc.Article) (first int, y Length) {
	first = len(c.out.Pages) - 1
	p := c.out.Pages[first]
	gap := Length(c.th.Space.RunInLines) * c.th.Grid
	y = c.gridY(c.contentBottom(first) + gap)
	x, w := c.textBox(first)
	p.Items = append(p.Items, &page.Rule{X1: x, Y1: y - gap/2, X2: x + w, Y2: y - gap/2, Width: c.th.Space.RunInRuleWidth, Color: c.th.Deep})
	n := c.openerNodes(a, false)
	y = c.openerHead(p, a, n, x, y+c.th.Opener.NoPhoto, w, false)
	return first, c.openerRule(p, first, y)
}

// openerHead sets the section, headline, standfirst and byline from y at
// x, w wide (on a dark photo when light), and returns the baseline of its
// last line.
func (c *composer) openerHead(p *page.Page, a *doc.Article, n openerNodes, x, y, w Length, light bool) Length {
	op := c.th.Opener
	ink, deep, accent := c.th.Ink, c.th.Deep, c.th.Accent
	if light {
		ink, deep, accent = c.th.Paper, c.th.Paper, c.th.Highlight
	}
	if a.Section != "" {
		ss := sansStyle(c.th.Type.DisplayBold, c.th.Scale.Section.Size, c.th.Scale.Section.Leading, accent, Left)
		y += op.OverSection
		lines := c.lines(strings.ToUpper(a.Section), ss, w, 1)
		p.Items = append(p.Items, &page.Rect{X: x, Y: y - op.OverSection - op.SectionBarGap, W: op.SectionBar, H: op.SectionBarHeight, Fill: accent})
		p.Items = append(p.Items, tag(c.drawLines(lines, x, y, ss, w), n.sec)...)
		y += op.UnderSection
	}
	tl, ht := c.titleLines(a, w, 5) // headline.go: the rank's size, broken by sense
	ht.Color = deep
	y += ht.Size * Length(op.TitleDrop) / 100
	p.Items = append(p.Items, tag(c.drawLines(tl, x, y, ht, w), n.title)...)
	y += Length(len(tl)-1)*ht.Leading + op.UnderTitle
	if a.Subtitle != "" && n.sub != 0 {
		st := TextStyle{Regular: c.th.Type.TextItalic, Italic: c.th.Type.TextItalic, Bold: c.th.Type.TextBoldItalic, BoldItalic: c.th.Type.TextBoldItalic,
			Size: c.th.Scale.Standfirst.Size, Leading: c.th.Scale.Standfirst.Leading, Color: ink, Align: Left}
		sw := w * Length(op.StandfirstWidth) / 100
		sl, st := c.standfirstLines(a, st, sw, 4)
		y += c.th.Scale.Standfirst.Size
		p.Items = append(p.Items, tag(c.drawLines(sl, x, y, st, sw), n.sub)...)
		y += Length(len(sl)-1)*st.Leading + op.UnderStandfirst
	}
	if a.Author != "" {
		bs := sansStyle(c.th.Type.DisplayBold, c.th.Scale.Byline.Size, c.th.Scale.Byline.Leading, ink, Left)
		y += op.OverByline
		p.Items = append(p.Items, tag(c.drawLines(c.lines(c.lab.By+" "+a.Author, bs, w, 2), x, y, bs, w), n.by)...)
	}
	return y
}

// openerRule closes an opener with a rule across the text area under y
// and returns where the text starts: on the next page when the opener
// leaves too little room.
func (c *composer) openerRule(p *page.Page, first int, y Length) Length {
	op := c.th.Opener
	x, w := c.textBox(first)
	y += op.OverRule
	p.Items = append(p.Items, &page.Rule{X1: x, Y1: y, X2: x + w, Y2: y, Width: op.RuleWidth, Color: c.th.Deep})
	return c.textStart(y + op.UnderRule)
}

// textStart is where the text starts under an opener ending at y.
func (c *composer) textStart(y Length) Length {
	y = c.gridY(y)
	if y > c.bodyBottom()-Length(c.th.Opener.MinLines)*c.th.Grid {
		return c.bodyBottom() // the opener fills the page
	}
	return y
}

// heroCaption sets the opener photo's caption and credit at y, w wide,
// and returns where it ends.
func (c *composer) heroCaption(p *page.Page, a *doc.Article, node int, x, y, w Length, align Align, colour Color) Length {
	text := doc.PlainText(a.Hero.Caption)
	if a.Hero.Credit != "" {
		if text != "" {
			text += " "
		}
		text += c.lab.Photo + ": " + a.Hero.Credit
	}
	if text == "" {
		return y
	}
	op := c.th.Opener
	cs := sansStyle(c.th.Type.DisplayItalic, op.Caption.Size, op.Caption.Leading, colour, align)
	lines := c.lines(text, cs, w, 3)
	p.Items = append(p.Items, tag(c.drawLines(lines, x, y+op.OverCaption, cs, w), node)...)
	return y + Length(len(lines))*cs.Leading + op.UnderCaption
}

// heroHeight applies copyfitting to an opener photo's height h: it grows
// only as far as the photo stays sharp in a frame fw wide, and changes
// only within the crop limit.
func (c *composer) heroHeight(f *doc.Figure, fw, h, bleedH Length) Length {
	if c.fit.hero == 100 {
		return h
	}
	sw, sh := c.imageSize(f.Image)
	scaled := h * Length(c.fit.hero) / 100
	if !cropFits(sw, sh, fw, scaled+bleedH, c.cropLimit(f.Image)) {
		return h
	}
	if scaled > h && ppiAt(sw, cropFor(sw, sh, fw, scaled+bleedH, f.Focus), fw) < doc.SharpPPI {
		return h
	}
	return scaled
}

// topHeight is the height of a photo across the top: the theme's, for a
// landscape or a portrait photo.
func (c *composer) topHeight(f *doc.Figure) Length {
	sw, sh := c.imageSize(f.Image)
	if sw < sh {
		return c.H * Length(c.th.Opener.PhotoPortrait) / 100
	}
	return c.H * Length(c.th.Opener.PhotoLandscape) / 100
}

// topOpener: the photo across the top of the page (inside the margins
// when it has too few pixels to run off it), its caption, then the head.
func (c *composer) topOpener(p *page.Page, first int, a *doc.Article, n openerNodes) Length {
	x, w := c.textBox(first)
	op := c.th.Opener
	sw, sh := c.imageSize(a.Hero.Image)
	fw := c.W + 2*c.th.Bleed
	hh := c.heroHeight(a.Hero, fw, c.topHeight(a.Hero), c.th.Bleed)
	crop := cropFor(sw, sh, fw, hh+c.th.Bleed, a.Hero.Focus)
	var y Length
	if ppiAt(sw, crop, fw) >= doc.SharpPPI && cropFits(sw, sh, fw, hh+c.th.Bleed, c.cropLimit(a.Hero.Image)) {
		p.Items = append(p.Items, &page.Image{X: 0, Y: 0, W: c.W, H: hh, Source: a.Hero.Image.Path, Name: a.Hero.Image.Rel, Crop: crop,
			Bleed: page.EdgeTop | page.EdgeLeft | page.EdgeRight, Node: n.hero})
		c.noRH[first] = true
		y = hh + op.UnderPhoto
	} else {
		// too few pixels, or an odd shape: inside the margins, as large as
		// its pixels and the crop limit allow
		pic := c.fitPicture(a.Hero, w, hh*w/c.W)
		p.Items = append(p.Items, &page.Image{X: x, Y: c.th.MarginTop, W: pic.w, H: pic.h, Source: a.Hero.Image.Path, Name: a.Hero.Image.Rel, Crop: pic.crop, Node: n.hero})
		y = c.th.MarginTop + pic.h + op.UnderPhoto
	}
	cw := w * Length(op.CaptionThirds) / 3
	y = c.heroCaption(p, a, n.caption, x+w-cw, y, cw, Right, c.th.Muted) + op.AfterPhoto
	y = c.openerHead(p, a, n, x, y, w, false)
	return c.openerRule(p, first, y)
}

// besideFrame is the photo of a beside or portrait opener: its width off
// the outer edge (bleed included) and its height from the top of the
// page (bleed included), chosen from the photo's shape within the
// theme's heights; copyfitting changes the height when fitted.
func (c *composer) besideFrame(f *doc.Figure, portrait, fitted bool) (fw, fh Length) {
	op := c.th.Opener
	pct, lo, hi := op.BesideWidth, op.BesideMin, op.BesideMax
	if portrait {
		pct, lo, hi = op.PortraitWidth, op.PortraitMin, op.PortraitMax
	}
	b := c.th.Bleed
	sw, sh := c.imageSize(f.Image)
	fw = c.W*Length(pct)/100 + b
	h := Length(int64(fw) * int64(sh) / int64(sw))
	fh = max(c.H*Length(lo)/100, min(h, c.H*Length(hi)/100)) + b
	if !fitted {
		return fw, fh
	}
	return fw, c.heroHeight(f, fw, fh-b, b) + b
}

// besideOpener: the photo (or, for interviews, a tall portrait) off the
// outer edge and the top, its caption under it; beside it the head, and
// for a portrait the article's pull quote set large.
func (c *composer) besideOpener(p *page.Page, first int, a *doc.Article, n openerNodes, portrait bool) Length {
	op := c.th.Opener
	x, w := c.textBox(first)
	b, gap := c.th.Bleed, c.th.Gutter
	fw, fh := c.besideFrame(a.Hero, portrait, true)
	sw, sh := c.imageSize(a.Hero.Image)
	crop := cropFor(sw, sh, fw, fh, a.Hero.Focus)
	outerLeft := left(first)
	pw := fw - b // on the page
	var photoBottom, capX, headX, headW Length
	capW := pw - c.th.MarginOuter - gap
	if ppiAt(sw, crop, fw) >= doc.SharpPPI && cropFits(sw, sh, fw, fh, c.cropLimit(a.Hero.Image)) {
		img := &page.Image{Y: 0, W: pw, H: fh - b, Source: a.Hero.Image.Path, Name: a.Hero.Image.Rel, Crop: crop, Node: n.hero,
			Bleed: page.EdgeTop | page.EdgeRight}
		img.X, capX = c.W-pw, c.W-pw+gap
		headX, headW = x, c.W-pw-gap-x
		if outerLeft {
			img.X, img.Bleed, capX = 0, page.EdgeTop|page.EdgeLeft, c.th.MarginOuter
			headX, headW = pw+gap, x+w-pw-gap
		}
		p.Items = append(p.Items, img)
		c.noRH[first] = true
		photoBottom = fh - b
	} else {
		// too few pixels to run off the page: the outer half of the text
		// area, as large as the pixels allow
		half := (w - gap) / 2
		pic := c.fitPicture(a.Hero, half, (fh-b)*half/pw)
		img := &page.Image{X: x + w - pic.w, Y: c.th.MarginTop, W: pic.w, H: pic.h, Source: a.Hero.Image.Path, Name: a.Hero.Image.Rel, Crop: pic.crop, Node: n.hero}
		capX, capW, headX, headW = x+w-half, half, x, half
		if outerLeft {
			img.X, capX, headX = x, x, x+half+gap
		}
		p.Items = append(p.Items, img)
		photoBottom = c.th.MarginTop + pic.h
	}
	capEnd := c.heroCaption(p, a, n.caption, capX, photoBottom+op.UnderPhoto, capW, Left, c.th.Muted)
	y := c.openerHead(p, a, n, headX, c.th.MarginTop+op.NoPhoto, headW, false)
	if portrait {
		y = c.openerQuote(p, a, headX, y, headW)
	}
	return c.openerRule(p, first, max(y, capEnd))
}

// openerQuote sets an interview's words beside its portrait: its first
// pull quote (which the text then leaves out), large, between rules. It
// returns where it ends.
func (c *composer) openerQuote(p *page.Page, a *doc.Article, x, y, w Length) Length {
	var q *doc.PullQuote
	doc.Walk(a.Blocks, func(b doc.Block) {
		if pq, ok := b.(*doc.PullQuote); ok && q == nil {
			q = pq
		}
	})
	if q == nil {
		return y
	}
	// its structure element is made where the quote stands in the text
	// (flow.go), so that it is read there
	c.openerPull, c.openerPullItems = q, nil
	op, sp := c.th.Opener, c.th.Space
	ts := TextStyle{Regular: c.th.Type.TextBoldItalic, Italic: c.th.Type.TextBold, Bold: c.th.Type.TextBoldItalic, BoldItalic: c.th.Type.TextBold,
		Size: op.Quote.Size, Leading: op.Quote.Leading, Color: c.th.Accent, Align: Left}
	y += op.OverRule + sp.PullRule
	p.Items = append(p.Items, &page.Rule{X1: x, Y1: y, X2: x + w, Y2: y, Width: sp.PullRuleWidth, Color: c.th.Accent})
	spans := append([]doc.Span{{Text: "“"}}, q.Spans...)
	spans = append(spans, doc.Span{Text: "”"})
	lines := c.st.setParagraph(spans, ts, w, 0, nil)
	y += sp.PullOver + ts.Size
	quote := c.drawLines(lines, x, y, ts, w)
	y += Length(len(lines)-1) * ts.Leading
	if q.Attribution != "" {
		as := sansStyle(c.th.Type.DisplayBold, c.th.Scale.Attribution.Size, c.th.Scale.Attribution.Leading, c.th.Ink, Left)
		y += sp.PullAttribution + as.Size
		quote = append(quote, c.drawLines(c.lines("— "+q.Attribution, as, w, 2), x, y, as, w)...)
	}
	p.Items = append(p.Items, quote...)
	c.openerPullItems = quote
	y += sp.PullUnder
	p.Items = append(p.Items, &page.Rule{X1: x, Y1: y, X2: x + w, Y2: y, Width: sp.PullRuleWidth, Color: c.th.Accent})
	return y
}

// fullOpener: the photo fills the page; the head stands over a shade in
// the part of the page away from the photo's focal point (its foot, or
// its head when the subject is low), the caption at the other end.
func (c *composer) fullOpener(p *page.Page, first int, a *doc.Article, n openerNodes) {
	sw, sh := c.imageSize(a.Hero.Image)
	b := c.th.Bleed
	crop := cropFor(sw, sh, c.W+2*b, c.H+2*b, a.Hero.Focus)
	p.Items = append(p.Items, &page.Image{W: c.W, H: c.H, Source: a.Hero.Image.Path, Name: a.Hero.Image.Rel, Crop: crop,
		Bleed: page.EdgeTop | page.EdgeRight | page.EdgeBottom | page.EdgeLeft, Node: n.hero})
	c.noRH[first], c.fullBleed[first] = true, true
	x, w := c.textBox(first)
	// where the subject is on the page, in millionths of its height
	_, fy := images.FocusMillionths(a.Hero.Focus)
	subject := (fy - int64(crop[1])) * 1_000_000 / int64(max(crop[3]-crop[1], 1))
	// the head is set on a page of its own, measured, then moved into place
	// over its shade
	probe := &page.Page{}
	hw := w * 3 / 4
	headH := c.openerHead(probe, a, n, 0, 0, hw, true) + c.th.Opener.OverRule
	pad := c.th.Opener.BandPad
	shade := &page.Rect{X: 0, W: c.W, Fill: Color{}, Alpha: c.th.Space.PhotoBandShade}
	var headY, capY Length
	if subject < 500_000 { // the subject is high: the head at the foot
		shade.Y, shade.H, shade.Bleed = c.H-c.th.MarginBottom-headH-2*pad, c.th.MarginBottom+headH+2*pad, page.EdgeLeft|page.EdgeRight|page.EdgeBottom
		headY, capY = shade.Y+pad, c.th.MarginTop-c.th.Opener.OverCaption
	} else {
		shade.Y, shade.H, shade.Bleed = 0, c.th.MarginTop+headH+2*pad, page.EdgeLeft|page.EdgeRight|page.EdgeTop
		headY, capY = c.th.MarginTop, c.H-c.th.MarginBottom
	}
	p.Items = append(p.Items, shade)
	p.Items = append(p.Items, translate(probe.Items, x, headY)...)
	c.heroCaption(p, a, n.caption, x+w/2, capY, w/2, Right, c.th.Paper)
}

// bandOpener: without a photo, the head on a band of the tint colour
// across the top of the page.
func (c *composer) bandOpener(p *page.Page, first int, a *doc.Article, n openerNodes) Length {
	x, w := c.textBox(first)
	pad := c.th.Opener.BandPad
	band := &page.Rect{X: 0, Y: 0, W: c.W, Fill: c.th.Tint, Bleed: page.EdgeTop | page.EdgeLeft | page.EdgeRight}
	p.Items = append(p.Items, band)
	c.noRH[first] = true
	y := c.openerHead(p, a, n, x, c.th.MarginTop+pad, w*5/6, false)
	band.H = y + pad + c.th.Opener.OverRule
	return c.textStart(band.H + c.th.Opener.UnderRule)
}

// design is the opener design of article a in the issue being composed.
func (c *composer) design(a *doc.Article) theme.Design {
	if c.designs == nil {
		c.designs = map[*doc.Article]theme.Design{}
		prev := theme.DesignAuto
		for _, b := range c.iss.Articles {
			d := c.chooseDesign(b, prev)
			c.designs[b], prev = d, d
		}
	}
	if d, ok := c.designs[a]; ok {
		return d
	}
	return c.chooseDesign(a, theme.DesignAuto) // an article made outside the issue, in tests
}

// chooseDesign chooses the opener of article a, which follows one opened
// with prev: the design its header names when its photo suits it, else
// the first of the designs that suit its kind and photo that is not prev.
func (c *composer) chooseDesign(a *doc.Article, prev theme.Design) theme.Design {
	choices := c.designChoices(a)
	if a.Opener != theme.DesignAuto {
		if slices.Contains(choices, a.Opener) || a.Opener == theme.DesignFull && a.Hero != nil && c.fullPageOK(a.Hero) {
			return a.Opener
		}
		if c.opt.Warn != nil {
			c.opt.Warn(a.Pos, "opener %s does not suit this article (its photo's shape or pixels, or no photo); it opens as %s", a.Opener, choices[0])
		}
	}
	for _, d := range choices {
		if d != prev {
			return d
		}
	}
	return choices[0]
}

// designChoices lists the designs that suit article a, best first: by its
// kind (an interview opens with a portrait) and its photo's shape, the
// theme's design first when it suits.
func (c *composer) designChoices(a *doc.Article) []theme.Design {
	if a.Hero == nil {
		return []theme.Design{theme.DesignType, theme.DesignBand}
	}
	sw, sh := c.imageSize(a.Hero.Image)
	interview := slices.ContainsFunc(c.th.Opener.Interviews, func(s string) bool { return strings.EqualFold(s, a.Section) })
	var ds []theme.Design
	switch {
	case interview:
		ds = []theme.Design{theme.DesignPortrait, theme.DesignBeside, theme.DesignTop}
	case sh*10 > sw*11: // a portrait
		ds = []theme.Design{theme.DesignBeside, theme.DesignPortrait, theme.DesignTop}
	default:
		ds = []theme.Design{theme.DesignTop, theme.DesignBeside}
	}
	if d := c.th.Opener.Design; d.Photo() {
		ds = append([]theme.Design{d}, slices.DeleteFunc(ds, func(x theme.Design) bool { return x == d })...)
	}
	out := slices.DeleteFunc(ds, func(d theme.Design) bool { return !c.suits(a.Hero, d) })
	if len(out) == 0 {
		// an odd shape: across the top, fitted inside the margins
		return []theme.Design{theme.DesignTop, theme.DesignBeside}
	}
	return out
}

// suits tells whether photo f can open an article in design d: cropped
// to its frame within the crop limit (and for a full page, sharp).
func (c *composer) suits(f *doc.Figure, d theme.Design) bool {
	sw, sh := c.imageSize(f.Image)
	limit := c.cropLimit(f.Image)
	switch d {
	case theme.DesignTop:
		return cropFits(sw, sh, c.W+2*c.th.Bleed, c.topHeight(f)+c.th.Bleed, limit)
	case theme.DesignBeside, theme.DesignPortrait:
		fw, fh := c.besideFrame(f, d == theme.DesignPortrait, false)
		return cropFits(sw, sh, fw, fh, limit)
	case theme.DesignFull:
		return c.fullPageOK(f)
	}
	return false
}
