// An article's opener: the lead photo across the top (or inside the margins
// when it has too few pixels to bleed), section, headline, standfirst and byline.

package layout

import (
	"magz/internal/doc"
	"magz/layout/page"
	"strings"
)

// opener sets an article's opener: its lead photo with the caption, the
// section, title, standfirst and byline, and the rule under them. It
// returns the page the article starts on and where its text starts.
func (c *composer) opener(a *doc.Article, runIn bool) (first int, y Length) {
	first = len(c.out.Pages)
	var opener *page.Page
	y = c.th.MarginTop
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
			return ppiAt(sw, cropFor(sw, sh, fw, h+c.th.Bleed, a.Hero.Focus), fw) >= doc.SharpPPI
		}
		insideSharp := func(h Length) bool {
			ih := h * w / c.W
			return ppiAt(sw, cropFor(sw, sh, w, ih, a.Hero.Focus), w) >= doc.SharpPPI
		}
		if scaled := hh * Length(c.fit.hero) / 100; c.fit.hero <= 100 || sharp(scaled) || !sharp(hh) && insideSharp(scaled) {
			hh = scaled // copyfitting enlarges a photo only as far as it stays sharp
		}
		fh := hh + c.th.Bleed
		crop := cropFor(sw, sh, fw, fh, a.Hero.Focus)
		if ppiAt(sw, crop, fw) >= doc.SharpPPI {
			// The photo has the pixels to run off the page.
			opener.Items = append(opener.Items, &page.Image{X: 0, Y: 0, W: c.W, H: hh, Source: a.Hero.Image.Path, Name: a.Hero.Image.Rel, Crop: crop, Bleed: bleed, Node: heroNode})
			c.noRH[first] = true
			y = hh + op.UnderPhoto
		} else {
			// Too few pixels to bleed: the photo stays inside the margins,
			// where it is printed smaller — as small as its pixels ask.
			p := c.fitPicture(a.Hero, w, hh*w/c.W)
			y = c.th.MarginTop
			opener.Items = append(opener.Items, &page.Image{X: x, Y: y, W: p.w, H: p.h, Source: a.Hero.Image.Path, Name: a.Hero.Image.Rel, Crop: p.crop, Node: heroNode})
			y += p.h + op.UnderPhoto
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
	tl, ht := c.titleLines(a, w, 5) // headline.go: the rank's size, broken by sense
	hs := ht.Size
	y += hs * Length(op.TitleDrop) / 100
	opener.Items = append(opener.Items, tag(c.drawLines(tl, x, y, ht, w), titleNode)...)
	y += Length(len(tl)-1)*ht.Leading + op.UnderTitle
	if a.Subtitle != "" {
		st := TextStyle{Regular: c.th.Type.TextItalic, Italic: c.th.Type.TextItalic, Bold: c.th.Type.TextBoldItalic, BoldItalic: c.th.Type.TextBoldItalic,
			Size: c.th.Scale.Standfirst.Size, Leading: c.th.Scale.Standfirst.Leading, Color: c.th.Ink, Align: Left}
		sw := w * Length(op.StandfirstWidth) / 100
		sl, st := c.standfirstLines(a, st, sw, 4)
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

	return first, y
}
