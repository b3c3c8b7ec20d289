// An article: its opener (photo, section, title, standfirst, byline), its
// body flowed in columns, its notes linked both ways.

package layout

import (
	"magz/internal/doc"
	"magz/layout/page"
	"sort"
	"strconv"
	"unicode"
	"unicode/utf8"
)

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
	first, y := c.opener(a, runIn)
	x, w := c.textBox(first)

	ncols := a.Columns
	colW, colX := c.columns(ncols, x, w)
	c.notes = map[int]int{}
	elems := c.bodyElems(a, colW, w)
	c.textLines = 0
	for _, e := range elems {
		if e.kind == eLine {
			c.textLines++
		}
	}
	c.flow(elems, y, ncols, colX, a.Hero != nil, runIn)
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
				n, ok := noteOf[it.Node]
				if !ok && it.Node > 0 && c.out.Structure[it.Node].Role == page.RoleLink {
					n, ok = noteOf[c.out.Structure[it.Node].Parent] // the note's number
				}
				if ok {
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
			Page: ref.page, TargetY: ref.text.Y - 2*ref.text.Size, Title: c.lab.BackToNote + " " + strconv.Itoa(n)}
		p := c.out.Pages[note.page]
		p.Items = append(p.Items, back)
	}
}

// columns returns the column width and the x of each column (relative to
// the text box).
func (c *composer) columns(n int, x, w Length) (Length, []Length) {
	if n == 1 {
		cw := min(w*Length(c.th.OneColumn)/100, c.measure())
		return cw, []Length{(w - cw) / 2}
	}
	cw := (w - Length(n-1)*c.th.Gutter) / Length(n)
	xs := make([]Length, n)
	for i := range xs {
		xs[i] = Length(i) * (cw + c.th.Gutter)
	}
	return cw, xs
}

// measureSample is running Indonesian text, whose characters (spaces
// included) give the body face's average width.
const measureSample = "Pembangunan jalan di kabupaten itu membawa perubahan bagi masyarakat kampung, terutama bagi para pedagang dan petani."

// measure is the width of a single column: the theme's Measure in
// characters of body text, as wide as they run on average.
func (c *composer) measure() Length {
	ts := c.bodyStyle()
	per := c.opt.Metrics.Width(ts.Regular, ts.Size, measureSample) / Length(utf8.RuneCountInString(measureSample))
	return per * Length(c.th.Measure)
}
