package layout

import (
	"maps"
	"slices"
	"strings"

	"magz/internal/doc"
	"magz/layout/page"
)

// Copyfitting: an article that would end part-way down a page, or run
// over onto a page by a few lines, is set again with the means a designer
// uses, and the setting that leaves the least empty space wins — counted
// once the planned pieces still free (ads of a half and a quarter page,
// boxes) fill what they can below its end, so that copy is fitted to the
// ads, as a magazine fits it. The means, in the order they are preferred
// (each costs a little, so that the design as drawn wins when nothing is
// gained):
//
//  1. the opener photo taller or shorter (heroSteps: its crop changes,
//     and it is never enlarged past doc.SharpPPI);
//  2. the article's own figures taller or shorter (fitSteps);
//  3. a short item that follows (an article with no opener photo) starts
//     on the same page, below a rule, instead of on a page of its own
//     (setArticle);
//  4. a pull quote from the article (pull.go), across its columns;
//  5. the planned pieces reserved for the room below its end (reserve,
//     budget.go), set when every article is (placeReserved).
//
// An article's flatplan (pages: N) outweighs the empty space: a setting
// with N pages wins over any other, and a miss is reported in words and
// lines (copyfitReport). Every setting is a trial on a scratch copy of the
// composer (scratch), and the best trial is adopted as it was set: the
// result is deterministic, and costs a dozen layouts of one article at
// most, its paragraphs broken into lines once (the setter remembers them).

// fit is one setting of an article's adjustable parts.
type fit struct {
	hero int  // the opener photo's height, in percent of its designed height
	figs int  // the figures' height, in percent of their designed height
	pull bool // a pull quote from the article (pull.go)
}

// designed is the article as drawn.
var designed = fit{hero: 100, figs: 100}

// fitSteps are the settings tried for figures: up to a fifth shorter or a
// quarter taller than designed, which crops them by as much and no more.
// heroSteps, for the opener photo, go lower: at 70 % it still takes a
// third of the page.
// Both are in the order tried: nearest the design first, so that a
// near setting that fills the page rules out the farther ones unseen.
var (
	fitSteps  = []int{94, 106, 88, 115, 80, 125}
	heroSteps = []int{94, 106, 88, 115, 82, 125, 76, 70}
)

// fitCost is what moving a knob one percent away from the design costs,
// in thousandths of a page left empty: a 10 % change must save at least
// 3 % of a page. (Integers: the same choice on every machine.)
const fitCost = 3

func (f fit) cost() int {
	d := func(v int) int {
		if v < 100 {
			return 100 - v
		}
		return v - 100
	}
	c := fitCost * (d(f.hero) + d(f.figs))
	if f.pull {
		c += pullCost
	}
	return c
}

// pullCost is what a pull quote from the article costs: as much as a
// tenth more or less of a photo.
const pullCost = 10 * fitCost

// ending is where an article's text ends: on its last page, the empty
// part of the text area below the lowest thing set there.
type ending struct {
	first, last int // the article's first and last page
	empty       int // thousandths of the last page's text area left empty below its content
	left        int // the same, once the planned pieces reserved for it are set there
	fit         fit
	runIn       bool
	textLines   int // lines of text, as set
	titlePct    int // the headline's size, percent of its rank's
}

// pages is how many pages the article takes.
func (e ending) pages() int { return e.last - e.first + 1 }

// flatplanCost is what a page more or less than the flatplan gives an
// article costs: more than any empty space.
const flatplanCost = 1000

// scratch is a copy of the composer to try a setting on: it shares what
// trials only read, and copies what an article changes (the pages, the
// last article page's items, which a short item running in adds to, the
// structure, the furniture's maps, the planned pieces still free), so
// that any number of trials leave c as it was. The winner is adopted.
func (c *composer) scratch() *composer {
	t := *c
	out := *c.out
	out.Pages = slices.Clip(c.out.Pages)
	if n := len(out.Pages); n > 0 && out.Pages[n-1].Kind == page.KindArticle {
		last := *out.Pages[n-1]
		last.Items = slices.Clip(last.Items)
		out.Pages = append(out.Pages[:n-1:n-1], &last)
	}
	out.Structure = slices.Clip(c.out.Structure)
	t.out = &out
	t.heads, t.noRH, t.fullBleed = maps.Clone(c.heads), maps.Clone(c.noRH), maps.Clone(c.fullBleed)
	t.reserved = maps.Clone(c.reserved)
	t.left = slices.Clip(c.left)
	return &t
}

// adopt makes the trial t the composer's state.
func (c *composer) adopt(t *composer) { *c = *t }

// fitArticle sets an article with the setting that leaves the least
// space empty on its last page, once the planned pieces still free have
// filled what they can, and returns where it ended. Each setting is a
// trial on scratch state; the best is kept as it was set.
func (c *composer) fitArticle(a *doc.Article, runIn bool) ending {
	first := len(c.out.Pages)
	if runIn {
		first--
	}
	set := func(t *composer, f fit) ending {
		t.fit = f
		node := t.parent
		t.article(a, runIn)
		t.parent = node
		e := t.ending(first, len(t.out.Pages)-1)
		e.fit, e.runIn, e.textLines, e.titlePct = f, runIn, t.textLines, t.titlePct
		return e
	}
	_, _, canPull := pullQuote(a)
	// a band across columns, on a page of the article's own; not in news
	// briefs nor in the planned pages (an agenda, letters)
	canPull = canPull && !runIn && a.Columns > 1 && c.rank(a) != doc.RankBrief && slices.Contains(c.iss.Articles, a)
	if c.opt.NoCopyfit || a.Hero == nil && !hasFigures(a) && !canPull {
		// as designed, or nothing to turn
		e := set(c, designed)
		c.reserve(&e)
		return e
	}
	// The design is tried first, and warns (of characters the fonts lack,
	// found as paragraphs are broken into lines, once: the setter remembers
	// them); the other trials would only repeat its warnings.
	var best *composer
	var bestEnd ending
	bestCost := 1 << 30
	tried := map[fit]bool{}
	try := func(f fit) {
		if tried[f] || bestCost <= f.cost() {
			return // no better than what was found
		}
		tried[f] = true
		t := c.scratch()
		if f != designed {
			t.opt.Warn = nil
		}
		e := set(t, f)
		t.reserve(&e)
		cost := e.left + f.cost()
		if a.Pages > 0 {
			cost += flatplanCost * abs(e.pages()-a.Pages)
		}
		if cost < bestCost {
			best, bestEnd, bestCost = t, e, cost
		}
	}
	// One knob at a time, the opener photo first, then the figures with
	// the best photo: a dozen trials rather than every combination.
	try(designed)
	if a.Hero != nil {
		for _, h := range heroSteps {
			try(fit{hero: h, figs: 100})
		}
	}
	if hasFigures(a) {
		hero := bestEnd.fit.hero
		for _, g := range fitSteps {
			try(fit{hero: hero, figs: g})
		}
	}
	if canPull {
		try(fit{hero: bestEnd.fit.hero, figs: bestEnd.fit.figs, pull: true})
	}
	best.opt.Warn = c.opt.Warn
	c.adopt(best)
	return bestEnd
}

func hasFigures(a *doc.Article) bool {
	found := false
	doc.Walk(a.Blocks, func(b doc.Block) {
		if _, ok := b.(*doc.Figure); ok {
			found = true
		}
	})
	return found
}

// ending measures page pi as the last of an article: how much of its text
// area is empty below the lowest thing on it.
func (c *composer) ending(first, pi int) ending {
	low := c.contentBottom(pi)
	top, bottom := c.th.MarginTop, c.bodyBottom()
	empty := 0
	if low < bottom {
		empty = int(1000 * int64(bottom-low) / int64(bottom-top))
	}
	return ending{first: first, last: pi, empty: empty}
}

// itemBottom is the lowest point of an item on its page.
func itemBottom(it page.Item) Length {
	switch it := it.(type) {
	case *page.Text:
		return it.Y + it.Size/4 // the baseline and the descenders
	case *page.Image:
		return it.Y + it.H
	case *page.Rect:
		return it.Y + it.H
	case *page.Rule:
		return max(it.Y1, it.Y2)
	}
	return 0
}

// runInRoom is how much of a page must be left empty for a short item to
// start there: less than that, and its title would sit at the foot.
const runInRoom = 300 // thousandths

// mayRunIn tells whether article a, a short item (no opener photo, so it
// needs no page of its own), may start on the page where the one before
// ends.
func (c *composer) mayRunIn(prev ending, a *doc.Article) bool {
	return !c.opt.NoCopyfit && a.Hero == nil && prev.empty >= runInRoom
}

// setArticle sets article a after the one that ended at prev: on the
// same page when that leaves less empty space in all (the space below
// prev's end counts when a starts on a fresh page), else on a fresh page.
// It reports whether a ran in, and where it ended.
func (c *composer) setArticle(a *doc.Article, prev ending) (bool, ending) {
	if !c.mayRunIn(prev, a) {
		return false, c.fitArticle(a, false)
	}
	in := c.scratch()
	in.unreserve(prev.last) // the room below prev is a's
	inEnd := in.fitArticle(a, true)
	fresh := c.scratch()
	freshEnd := fresh.fitArticle(a, false)
	if inEnd.left < prev.left+freshEnd.left {
		c.adopt(in)
		return true, inEnd
	}
	c.adopt(fresh)
	return false, freshEnd
}

// contentBottom is the lowest point of what is set on page pi.
func (c *composer) contentBottom(pi int) Length {
	low := c.th.MarginTop
	for _, it := range c.out.Pages[pi].Items {
		low = max(low, itemBottom(it))
	}
	return low
}

// ---- the copyfit report ---------------------------------------------------------

// copyfitReport records how each article fills its pages, for editors
// (magz check), and warns where an article misses its flatplan.
func (c *composer) copyfitReport(ends []ending, fillers map[int]string) {
	textH := c.bodyBottom() - c.th.MarginTop
	for i, a := range c.arts {
		e := ends[i]
		lines := Length(a.Columns) * textH / c.th.Grid // a full page of the article's columns
		f := Fit{Path: a.Pos.Path, Title: a.Title, First: e.first + 1, Last: e.last + 1, Planned: a.Pages,
			Empty: e.empty, HeroPct: e.fit.hero, FigsPct: e.fit.figs, RunIn: e.runIn, Pull: e.fit.pull, Filler: fillers[e.last],
			WordsPerLine: wordsPerLine(a, e.textLines), TitlePct: e.titlePct}
		if i+1 < len(ends) && ends[i+1].runIn {
			f.Followed = c.arts[i+1].Title
		}
		f.ShortLines = int(lines * Length(e.empty) / 1000)
		if e.pages() > 1 {
			f.EndLines = int(lines) - f.ShortLines
		}
		c.report.Articles = append(c.report.Articles, f)
		if a.Pages == 0 || a.Pages == e.pages() || c.opt.Warn == nil {
			continue
		}
		words := func(l int) int { return (l*f.WordsPerLine + 5) / 10 }
		if e.pages() > a.Pages {
			cut := f.EndLines + (e.pages()-a.Pages-1)*int(lines)
			c.opt.Warn(a.PagesPos, "the flatplan gives this article %d pages and it takes %d: cut about %d words (%d lines) to fit", a.Pages, e.pages(), words(cut), cut)
		} else {
			more := f.ShortLines + (a.Pages-e.pages()-1)*int(lines)
			c.opt.Warn(a.PagesPos, "the flatplan gives this article %d pages and it fills %d: about %d words (%d lines) more would fill them", a.Pages, e.pages(), words(more), more)
		}
	}
}

// wordsPerLine is an article's words per line of text, in tenths, from
// the lines it was set in: counted once, for the report.
func wordsPerLine(a *doc.Article, lines int) int {
	words := 0
	doc.Walk(a.Blocks, func(b doc.Block) {
		if p, ok := b.(*doc.Paragraph); ok {
			words += len(strings.Fields(doc.PlainText(p.Spans)))
		}
	})
	if lines == 0 {
		return 0
	}
	return words * 10 / lines
}
