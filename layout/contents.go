// The contents pages: an entry per article with its page, and the masthead
// box at the foot of the last one.

package layout

import (
	"magz/layout/page"
	"strconv"
	"strings"
)

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

// tocPlan is how the contents are set: the entries set at the width of
// a column, the columns on a page, the entries on each page.
type tocPlan struct {
	entries []tocEntry
	cols    int
	colW    Length // a column's width, page number included
	split   [][]int
	avail   Length // the height the entries take on the first page
}

// tocPlan sets the contents so that they fit one page: with the
// standfirsts when they all fit then, in one column, else in two; past
// two columns, on further pages.
func (c *composer) tocPlan() tocPlan {
	_, w := c.textBox(1)
	avail := c.bodyBottom() - c.tocTop(true) - c.th.Contents.Foot
	var plan tocPlan
	for _, try := range []struct {
		cols int
		sub  bool
	}{{1, true}, {1, false}, {2, true}, {2, false}} {
		colW := (w - Length(try.cols-1)*c.th.Gutter) / Length(try.cols)
		entries := c.tocEntries(colW-c.th.Contents.NumberColumn, try.sub)
		plan = tocPlan{entries: entries, cols: try.cols, colW: colW, avail: avail,
			split: tocPages(entries, avail, avail+c.tocTop(true)-c.tocTop(false), try.cols)}
		if len(plan.split) == 1 {
			break
		}
	}
	return plan
}

// tocEntries sets the contents entries at width tw (the page number's
// column aside), with the standfirsts when withSub.
func (c *composer) tocEntries(tw Length, withSub bool) []tocEntry {
	st := c.tocStyles()
	var out []tocEntry
	for _, a := range c.arts {
		e := tocEntry{title: a.Title}
		e.tit, _ = c.headlineLines(a.Title, st.tit, tw, 3)
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
	}
	return out
}

// tocPages splits the entries into pages of cols columns.
func tocPages(entries []tocEntry, firstAvail, avail Length, cols int) [][]int {
	var pages [][]int
	var cur []int
	room, col := firstAvail, 0
	for i, e := range entries {
		if len(cur) > 0 && e.h > room {
			if col+1 < cols {
				col++
				room = firstAvail
				if len(pages) > 0 {
					room = avail
				}
			} else {
				pages = append(pages, cur)
				cur, room, col = nil, avail, 0
			}
		}
		cur = append(cur, i)
		room -= e.h
	}
	return append(pages, cur)
}

// tocColumns gives each entry of a page its column and its top, from the
// entries' top y, in columns of height avail.
func tocColumns(entries []tocEntry, idx []int, y, avail Length, cols int) (col []int, top []Length) {
	room, k, at := avail, 0, y
	for n, i := range idx {
		if n > 0 && entries[i].h > room && k+1 < cols {
			k, room, at = k+1, avail, y
		}
		col, top = append(col, k), append(top, at)
		room -= entries[i].h
		at += entries[i].h
	}
	return col, top
}

// contents draws the contents pages (pages[0] is page index 1).
func (c *composer) contents(pages []*page.Page, plan tocPlan, starts []int) {
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
		tw := plan.colW - numW
		avail := plan.avail
		if pi > 0 {
			avail += c.tocTop(true) - c.tocTop(false)
		}
		if pi < len(plan.split) {
			cols, tops := tocColumns(plan.entries, plan.split[pi], y, avail, plan.cols)
			for n, i := range plan.split[pi] {
				e := plan.entries[i]
				x := x + Length(cols[n])*(plan.colW+c.th.Gutter)
				y = tops[n]
				top := y
				target := starts[i]
				if toc == 0 {
					toc = c.node(page.RoleTOC, "")
				}
				// one item: page number, section, title, standfirst, author,
				// all one link to the article
				var entry int
				c.within(toc, func() {
					c.within(c.node(page.RoleTOCItem, ""), func() { c.within(c.node(page.RoleP, ""), func() { entry = c.node(page.RoleLink, "") }) })
				})
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
				p.Items = append(p.Items, &page.Link{X: x, Y: top, W: plan.colW, H: y - top, Page: target, Title: e.title})
				tag(p.Items[start:], entry)
				p.Items = append(p.Items, &page.Rule{X1: x + numW, Y1: y - ct.EntryRuleRise, X2: x + plan.colW, Y2: y - ct.EntryRuleRise, Width: ct.EntryRuleWidth, Color: ct.EntryRule})
			}
		}
		if pi == len(pages)-1 && c.staffOnContents {
			// The masthead box: who makes the magazine.
			var items []page.Item
			var h Length
			c.within(c.node(page.RoleSection, ""), func() { h, items = c.box(c.lab.Colophon, c.staffParas(), w) })
			p.Items = append(p.Items, translate(items, x, c.bodyBottom()-h)...)
		} else if pi == len(pages)-1 {
			// The imprint: who makes the magazine.
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

// staffFits tells whether the masthead box fits at the foot of the last
// contents page, below its entries: there, every issue finds it.
func (c *composer) staffFits(plan tocPlan) bool {
	_, w := c.textBox(1)
	mark := len(c.out.Structure)
	h, _ := c.box(c.lab.Colophon, c.staffParas(), w)
	c.out.Structure = c.out.Structure[:mark] // measured only
	last := plan.split[len(plan.split)-1]
	used := Length(0)
	_, tops := tocColumns(plan.entries, last, 0, plan.avail, plan.cols)
	for n, i := range last {
		used = max(used, tops[n]+plan.entries[i].h)
	}
	return used+h+c.th.Grid <= plan.avail+c.th.Contents.Foot
}
