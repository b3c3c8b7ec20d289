package layout

import (
	"strings"

	"magz/internal/doc"
	"magz/layout/page"
)

// Copyfitting: an article that would end part-way down a page, or run
// over onto a page by a few lines, is set again with the means a designer
// uses, and the setting that leaves the least empty space wins. The means,
// in the order they are preferred (each costs a little, so that the design
// as drawn wins when nothing is gained):
//
//  1. the opener photo taller or shorter (heroSteps: its crop changes,
//     and it is never enlarged past doc.SharpPPI);
//  2. the article's own figures taller or shorter (fitSteps);
//  3. a short item that follows (an article with no opener photo) starts
//     on the same page, below a rule, instead of on a page of its own
//     (setArticle);
//  4. the planned fillers (the masthead box, the notices) at the
//     foot of the pages still left partly empty (fillHoles).
//
// An article's flatplan (pages: N) outweighs the empty space: a setting
// with N pages wins over any other, and a miss is reported in words and
// lines (copyfitReport). Every setting is tried from the same state on
// the page the article starts on: the result is deterministic, and costs a
// dozen layouts of one article at most, its paragraphs broken into lines
// once (the setter remembers them).

// fit is one setting of an article's adjustable parts.
type fit struct {
	hero int // the opener photo's height, in percent of its designed height
	figs int // the figures' height, in percent of their designed height
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
	return fitCost * (d(f.hero) + d(f.figs))
}

// ending is where an article's text ends: on its last page, the empty
// part of the text area below the lowest thing set there.
type ending struct {
	first, last int // the article's first and last page
	empty       int // thousandths of the last page's text area left empty below its content
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

// snapshot is the composer's state before an article, to set it again.
type snapshot struct {
	pages, nodes int
	items        int // on the last page, which a short item running in shares
}

func (c *composer) snapshot() snapshot {
	s := snapshot{pages: len(c.out.Pages), nodes: len(c.out.Structure)}
	if s.pages > 0 {
		s.items = len(c.out.Pages[s.pages-1].Items)
	}
	return s
}

// restore takes back everything composed since s.
func (c *composer) restore(s snapshot) {
	for i := s.pages; i < len(c.out.Pages); i++ {
		delete(c.heads, i)
		delete(c.noRH, i)
		delete(c.fullBleed, i)
	}
	c.out.Pages = c.out.Pages[:s.pages]
	c.out.Structure = c.out.Structure[:s.nodes]
	if s.pages > 0 {
		last := c.out.Pages[s.pages-1]
		last.Items = last.Items[:s.items]
	}
}

// fitArticle sets an article with the setting that leaves the least
// space empty on its last page, and returns where it ended.
func (c *composer) fitArticle(a *doc.Article, runIn bool) ending {
	start := c.snapshot()
	first := start.pages
	if runIn {
		first--
	}
	if c.opt.NoCopyfit || a.Hero == nil && !hasFigures(a) {
		// as designed, or nothing to turn
		c.fit = designed
		c.article(a, runIn)
		e := c.ending(first, len(c.out.Pages)-1)
		e.fit, e.runIn, e.textLines, e.titlePct = designed, runIn, c.textLines, c.titlePct
		return e
	}
	// The design is tried first, and warns (of characters the fonts lack,
	// found as paragraphs are broken into lines, once: the setter remembers
	// them); the other trials would only repeat its warnings.
	warn := c.opt.Warn
	best, bestCost := designed, 1<<30
	tried := map[fit]bool{}
	try := func(f fit) {
		if tried[f] || bestCost <= f.cost() {
			return // no better than what was found
		}
		tried[f] = true
		c.opt.Warn = nil
		if f == designed {
			c.opt.Warn = warn
		}
		c.fit = f
		node := c.parent
		c.article(a, runIn)
		c.parent = node
		e := c.ending(first, len(c.out.Pages)-1)
		cost := e.empty + f.cost()
		if a.Pages > 0 {
			cost += flatplanCost * abs(e.pages()-a.Pages)
		}
		if cost < bestCost {
			best, bestCost = f, cost
		}
		c.restore(start)
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
		hero := best.hero
		for _, g := range fitSteps {
			try(fit{hero: hero, figs: g})
		}
	}
	c.opt.Warn = warn
	c.fit = best
	c.article(a, runIn)
	e := c.ending(first, len(c.out.Pages)-1)
	e.fit, e.runIn, e.textLines, e.titlePct = best, runIn, c.textLines, c.titlePct
	return e
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
	start := c.snapshot()
	in := c.fitArticle(a, true)
	c.restore(start)
	fresh := c.fitArticle(a, false)
	if in.empty < prev.empty+fresh.empty {
		c.restore(start)
		return true, c.fitArticle(a, true)
	}
	return false, fresh
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
			Empty: e.empty, HeroPct: e.fit.hero, FigsPct: e.fit.figs, RunIn: e.runIn, Filler: fillers[e.last],
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
