// The page budget: a printed issue has a multiple of four pages, and every
// one of them carries the issue's own material. The flatplan is: the
// covers and contents, the articles and the planned pages from Markdown,
// the photo page and the notes pages an editor asks for; that many pages,
// rounded up to a multiple of four, is the issue. Where an article ends
// part-way down a page, the room below it takes the masthead box, half-
// and quarter-page ads and the notices in text (chosen by the search of
// the issue, search.go; set by placeReserved); the pages still spare take the full-page ads, then pages of the smaller ads left
// over. Only when the material runs out are ruled notes pages printed, and
// the budget says what to add or cut.
//
// What goes where is decided from the issue alone, in the order the
// editor lists the material: the same issue gives the same pages.

package layout

import (
	"maps"
	"slices"
	"strconv"
	"strings"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/layout/page"
)

// Budget is how the printed pages are made up, for editors (magz check).
type Budget struct {
	Pages    int // printed: a multiple of four
	Front    int // the front and back covers and the contents pages
	Articles int // pages the articles take (the planned pages from Markdown included)
	// Pages of planned material: the photo page, pages of ads, pages of
	// public-service notices, notes pages asked for.
	PhotoPages, AdPages, NoticePages, NotesAsked int
	// Set on article pages, in the room below an article's end: ads of a
	// half and a quarter page, and boxes (the masthead, notices in text).
	HalfAds, QuarterAds, Boxes int
	// Spare are the ruled notes pages printed for want of material.
	Spare int
	// Unused are the ads and notices left out: no page needed them.
	Unused []string
	// To print Pages-4 instead: the planned pages that would be left out
	// (Drop) and the pages of articles to cut (Cut, about CutWords words).
	Drop, Cut, CutWords int
}

// piece is planned material set in the room below an article's end or
// on a page of its own: an ad of a half or quarter page, or a box.
type piece struct {
	title string
	h     Length // with the line above it
	ad    *doc.Ad
	box   *plannedFiller
	order int // where it is listed
}

// pieces lists the smaller planned material in the order it is used: the
// masthead box (unless the contents page holds it), the ads of a half and
// a quarter page, the notices in text.
func (c *composer) pieces() []piece {
	_, w := c.textBox(2)
	var out []piece
	for i, f := range c.fillers() {
		if i == 0 && c.staffOnContents {
			continue
		}
		mark := len(c.out.Structure)
		h, _ := f.set(w)
		c.out.Structure = c.out.Structure[:mark] // measured only
		out = append(out, piece{title: f.title, h: h + c.th.Grid, box: &f})
	}
	var ads []piece
	if p := c.iss.Plan; p != nil {
		for _, ad := range p.Ads {
			if ad.Size != doc.AdFull {
				ads = append(ads, piece{title: ad.Title, h: c.adSlot(ad.Size).H + c.th.Grid, ad: ad})
			}
		}
	}
	all := append(ads, out...)
	if len(out) > 0 && !c.staffOnContents {
		all = slices.Concat(out[:1], ads, out[1:])
	}
	for k := range all {
		all[k].order = k
	}
	return all
}

// fillerMin is the least room, in thousandths of the text area, worth a
// filler: below it, an article's end is not a hole.
const fillerMin = 150

// maxPerHole is the most pieces set in one article's room.
const maxPerHole = 3

// placeReserved sets the reserved pieces on their pages: at the foot of
// the page, or straight below the text when the room they leave is a gap
// of its own. It returns the title of the first piece set on each page,
// and the pieces set.
func (c *composer) placeReserved() (map[int]string, []piece) {
	placed := map[int]string{}
	var used []piece
	for _, pi := range slices.Sorted(maps.Keys(c.reserved)) {
		ps := c.reserved[pi]
		total := Length(0)
		for _, pc := range ps {
			total += pc.h
		}
		x, w := c.textBox(pi)
		room := c.bodyBottom() - c.contentBottom(pi)
		y := c.bodyBottom() - total // the last piece ends on the text area's foot
		if (room-total)*1000 >= fillerMin*(c.bodyBottom()-c.th.MarginTop) {
			y = c.gridY(c.contentBottom(pi) + c.th.Grid)
		}
		p := c.out.Pages[pi]
		for _, pc := range ps {
			p.Items = append(p.Items, c.pieceItems(pc, x, y, w)...)
			y += pc.h
		}
		placed[pi] = ps[0].title
		used = append(used, ps...)
	}
	return placed, used
}

// bestFit chooses up to maxPerHole of the pieces that fit room together
// and leave the least of it; among equals, the fewest, then the first
// listed. It returns their indexes in order.
func bestFit(pieces []piece, room Length) []int {
	var best []int
	bestLeft := room
	var try func(from int, chosen []int, left Length)
	try = func(from int, chosen []int, left Length) {
		if len(chosen) > 0 && (left < bestLeft || left == bestLeft && len(chosen) < len(best)) {
			best, bestLeft = slices.Clone(chosen), left
		}
		if len(chosen) == maxPerHole {
			return
		}
		for k := from; k < len(pieces); k++ {
			if pieces[k].h <= left {
				try(k+1, append(chosen, k), left-pieces[k].h)
			}
		}
	}
	try(0, nil, room)
	return best
}

// pieceItems sets a piece at x, y (the top of the line above it) in a
// column of width w: the line is a space, the piece below it.
func (c *composer) pieceItems(pc piece, x, y, w Length) []page.Item {
	y += c.th.Grid
	if pc.ad != nil {
		var items []page.Item
		c.within(c.node(page.RoleSection, ""), func() { items = c.adItems(pc.ad, x, y) })
		return items
	}
	var items []page.Item
	c.within(c.node(page.RoleSection, ""), func() { _, items = pc.box.set(w) })
	return translate(items, x, y)
}

// budget makes the issue's pages up to a multiple of four with the
// planned material (the back cover is still to come): the full-page ads
// and notices, then pages of the smaller pieces left, ruled notes pages
// only when nothing is left. It returns the budget.
func (c *composer) budget(left []piece) Budget {
	var b Budget
	plan := c.iss.Plan
	if plan == nil {
		plan = &doc.Plan{}
	}
	have := len(c.out.Pages) + 1 // the back cover
	b.Pages = (have + 3) / 4 * 4
	spare := b.Pages - have
	var full []*doc.Ad
	for _, ad := range plan.Ads {
		if ad.Size == doc.AdFull {
			full = append(full, ad)
		}
	}
	// pages of the smaller pieces left, each filled as far as it goes,
	// and at least half: a page mostly empty is no better than a blank one
	var groups [][]piece
	for len(left) > 0 && spare > len(full)+len(groups) {
		room := c.bodyBottom() - c.th.MarginTop + c.th.Grid
		pick := bestFit(left, room)
		h := Length(0)
		for _, k := range pick {
			h += left[k].h
		}
		if len(pick) == 0 || 2*h < room {
			break
		}
		var g, rest []piece
		for k := range left {
			if slices.Contains(pick, k) {
				g = append(g, left[k])
			} else {
				rest = append(rest, left[k])
			}
		}
		groups, left = append(groups, g), rest
	}
	if len(full) > spare {
		for _, ad := range full[spare:] {
			b.Unused = append(b.Unused, ad.Title)
		}
		full = full[:spare]
	}
	for _, pc := range left {
		if pc.ad != nil {
			b.Unused = append(b.Unused, pc.title)
		}
	}
	b.Spare = spare - len(full) - len(groups)
	for range b.Spare {
		c.out.Pages = append(c.out.Pages, c.notesPage())
	}
	for _, g := range groups {
		c.piecesPage(g)
		if ads := piecesAds(g); len(ads) > 0 && !adverts(ads) {
			b.NoticePages++
		} else {
			b.AdPages++
		}
	}
	// the full pages last: the inside back cover carries one
	for _, ad := range full {
		c.fullAdPage(ad)
		if ad.Notice {
			b.NoticePages++
		} else {
			b.AdPages++
		}
	}
	return b
}

func piecesAds(ps []piece) []*doc.Ad {
	var out []*doc.Ad
	for _, p := range ps {
		if p.ad != nil {
			out = append(out, p.ad)
		}
	}
	return out
}

// piecesPage is a page of pieces stacked from the top of the text area.
func (c *composer) piecesPage(ps []piece) {
	p := c.newPage(page.KindPlanned)
	pi := len(c.out.Pages) - 1
	x, w := c.textBox(pi)
	c.heads[pi] = c.lab.Colophon
	if ads := piecesAds(ps); len(ads) > 0 {
		c.heads[pi] = c.lab.Advert
		if !adverts(ads) {
			c.heads[pi] = c.lab.Notice
		}
	}
	y := c.th.MarginTop - c.th.Grid
	for _, pc := range ps {
		p.Items = append(p.Items, c.pieceItems(pc, x, y, w)...)
		y += pc.h
	}
}

// account fills in the budget's count of the pages as set (covers and
// contents, articles, notes pages asked for), of the pieces set below the
// articles' ends, and what printing four pages fewer would take.
func (c *composer) account(b *Budget, used []piece) {
	for _, p := range c.out.Pages {
		switch p.Kind {
		case page.KindCover, page.KindBack, page.KindContents:
			b.Front++
		case page.KindArticle:
			b.Articles++
		case page.KindNotes:
			b.NotesAsked++
		}
	}
	b.NotesAsked -= b.Spare
	for _, pc := range used {
		switch {
		case pc.ad == nil:
			b.Boxes++
		case pc.ad.Size == doc.AdHalf:
			b.HalfAds++
		default:
			b.QuarterAds++
		}
	}
	// four pages fewer: the planned pages go first, then pages of articles
	target := b.Pages - 4
	if target <= 0 {
		return
	}
	b.Drop = b.PhotoPages + b.AdPages + b.NoticePages + b.NotesAsked + b.Spare
	if keep := b.Front + b.Articles; keep > target {
		b.Cut = keep - target
		words := 0
		for _, a := range c.arts {
			w, _ := articleWords(a)
			words += w
		}
		if b.Articles > 0 {
			b.CutWords = words * b.Cut / b.Articles
		}
	}
}

// plannedFiller is a box of text the budget places: the masthead box, a
// notice written in issue.yaml. set sets it at a width (inside the current
// structure element) and returns its height and items.
type plannedFiller struct {
	title string
	set   func(w Length) (Length, []page.Item)
}

// fillers returns the boxes of text: the masthead box (the magazine,
// issue, publisher and the issue's colophon: lines), then the issue's
// fillers: in their order.
func (c *composer) fillers() []plannedFiller {
	iss := c.iss
	out := []plannedFiller{{c.lab.Colophon, func(w Length) (Length, []page.Item) { return c.box(c.lab.Colophon, c.staffParas(), w) }}}
	for _, f := range iss.Fillers {
		out = append(out, plannedFiller{f.Title, func(w Length) (Length, []page.Item) {
			defer func(was diag.Pos) { c.where = was }(c.where)
			c.where = f.Pos // the box is read as written in issue.yaml
			return c.box(f.Title, [][]doc.Span{f.Text}, w)
		}})
	}
	return out
}

// staffParas is the masthead box's text: the magazine, issue and
// publisher, then the colophon's lines, run on as one paragraph.
func (c *composer) staffParas() [][]doc.Span {
	iss := c.iss
	mast := []string{iss.Magazine + " · " + c.lab.Issue + " " + strconv.Itoa(iss.Number) + " · " + c.lab.MonthYear(iss.Date)}
	if iss.Publisher != "" {
		mast = append(mast, c.lab.Publisher+" "+iss.Publisher)
	}
	mast = append(mast, iss.Colophon...)
	return [][]doc.Span{{{Text: strings.Join(mast, "\u00a0· ")}}} // the dot ends a line, never starts one
}
