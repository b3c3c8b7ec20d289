package layout

import (
	"maps"
	"runtime"
	"slices"
	"strings"
	"sync"

	"magz/internal/doc"
	"magz/internal/theme"
	"magz/layout/page"
)

// Copyfitting: an article that would end part-way down a page, or run
// over onto a page by a few lines, is set again with the means a designer
// uses (trials), and the issue is searched for the settings that leave the
// least empty space in all (search.go) — counted once the planned pieces
// (ads of a half and a quarter page, boxes) fill what they can below the
// articles' ends, so that copy is fitted to the ads, as a magazine fits
// it. The means (each costs a little, fit.cost, so that the design as
// drawn wins when nothing is gained):
//
//  1. the opener photo taller or shorter (heroSteps: its crop changes,
//     and it is never enlarged past doc.SharpPPI);
//  2. the article's own figures taller or shorter (fitSteps), and both
//     together at a few steps;
//  3. a short item that follows (an article with no opener photo) starts
//     on the same page, below a rule, instead of on a page of its own
//     (mayRunIn);
//  4. a pull quote from the article (pull.go), in its column, with the
//     pictures as designed or taller;
//  5. the planned pieces chosen for the room below its end (successors,
//     search.go), set when every article is (placeReserved).
//
// An article's flatplan (pages: N) outweighs the empty space: a setting
// with N pages wins over any other, and a miss is reported in words and
// lines (copyfitReport). Every setting is a trial on a scratch copy of the
// composer (scratch), and the best issue is adopted as it was set: the
// result is deterministic, and costs a few dozen layouts of one article
// at most, its paragraphs broken into lines once (the setter remembers
// them).

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

// pageCost is what a page more or less than the article takes as designed
// costs, when no flatplan says how many it takes: more than a gap of a
// third of a page, less than a page left nearly empty (a few lines run
// over are pulled back; photos are not shrunk to save a page).
const pageCost = 400

// flatplanCost is what a page more or less than the flatplan gives an
// article costs: more than a page left empty (gapCost 3000) and the three
// ruled notes pages a page less can spare the issue (sparePageCost each,
// when the pages come to one over a multiple of 4) together: the
// editor's flatplan is kept to.
const flatplanCost = 8000

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

// trial is an article set one way, on a scratch copy of the composer.
type trial struct {
	t    *composer
	onto *composer // when not nil, t was made after as many pages as onto's, and is moved onto them when its pages are needed (pageSet.comp)
	e    ending
	cost int    // the setting's own cost and the gaps it leaves on its pages but the last
	mid  int    // the tallest gap on its last page above what is set there, in thousandths
	room Length // the room below what is set on its last page
}

// trials sets article a each way worth trying, each on a scratch copy of
// c (the design first: it warns of what the fonts lack, once; the others
// would only repeat it), and returns them; settings that end alike are
// kept once, the cheapest. runIn starts it below the article before.
func (c *composer) trials(a *doc.Article, runIn bool) []trial {
	first := len(c.out.Pages)
	if runIn {
		first--
	}
	set := func(c *composer, f fit) trial {
		t := c.scratch()
		if f != designed {
			t.opt.Warn = nil
		}
		t.art, t.where, t.fit = a, a.Pos, f
		t.within(t.node(page.RoleArticle, ""), func() { t.article(a, runIn) })
		t.art, t.opt.Warn = nil, c.opt.Warn
		last := len(t.out.Pages) - 1
		e := t.ending(first, last)
		e.fit, e.runIn, e.textLines, e.titlePct = f, runIn, t.textLines, t.titlePct
		tr := trial{t: t, e: e, cost: f.cost(), room: t.bodyBottom() - t.contentBottom(last)}
		if a.Pages > 0 {
			tr.cost += flatplanCost * abs(e.pages()-a.Pages)
		}
		for pi := first; pi <= last; pi++ {
			mid, room := t.gaps(pi)
			if pi == last {
				tr.mid = mid
				continue
			}
			tr.cost += gapCost(max(mid, t.thousandths(room)))
		}
		return tr
	}
	out := []trial{set(c, designed)}
	if c.opt.NoCopyfit {
		return out
	}
	// A setting costs at least its own cost: one that costs more than a
	// trial made already costs with its room left empty cannot win, in
	// any state of the issue. So the cheapest are tried first: as many
	// at a time as there are processors (setAtOnce), taken in order as
	// if set one after the other.
	worst := func(tr trial) int { return tr.cost + gapCost(max(tr.mid, tr.t.thousandths(tr.room))) }
	bound := worst(out[0])
	pages := out[0].e.pages()
	fs := c.fits(a, runIn)
	slices.SortStableFunc(fs, func(x, y fit) int { return x.cost() - y.cost() })
	procs := runtime.GOMAXPROCS(0)
	for i := 0; i < len(fs) && fs[i].cost() < bound; {
		n := 1
		for n < procs && i+n < len(fs) && fs[i+n].cost() < bound {
			n++
		}
		batch := fs[i : i+n]
		i += n
		trs, taken := c.setAtOnce(batch, set)
		for k, tr := range trs {
			if batch[k].cost() >= bound {
				i = len(fs) // it and the rest cannot win: set for nothing
				break
			}
			taken[k]()
			if a.Pages == 0 {
				tr.cost += pageCost * abs(tr.e.pages()-pages)
			}
			bound = min(bound, worst(tr))
			j := slices.IndexFunc(out, func(o trial) bool { return o.e.pages() == tr.e.pages() && o.room == tr.room && o.mid == tr.mid })
			switch {
			case j < 0:
				out = append(out, tr)
			case tr.cost < out[j].cost:
				out[j] = tr
			}
		}
	}
	return out
}

// setAtOnce sets each setting of fs (with set) at the same time, each on
// a copy of c with a setter and a list of shortfalls of its own: what
// they share (the paragraphs broken into lines, the bodies, the font
// metrics) is guarded, and what a setting gives is the same whoever set
// the others. taken[k] is called when the search takes trial k, in the
// order it would have set them one after the other: it gives c's list the
// shortfalls that trial met, leaves c's setter reporting missing
// characters as the trial set it to, and gives the trial c's setter and
// list. A trial not taken (set for nothing beyond a bound) tells nothing.
func (c *composer) setAtOnce(fs []fit, set func(*composer, fit) trial) (trs []trial, taken []func()) {
	trs = make([]trial, len(fs))
	taken = make([]func(), len(fs))
	if len(fs) == 1 {
		trs[0], taken[0] = set(c, fs[0]), func() {}
		return trs, taken
	}
	var wg sync.WaitGroup
	for k, f := range fs {
		own := *c
		st := *c.st
		own.st, own.short = &st, &shortfalls{seen: map[page.Shortfall]bool{}}
		wg.Go(func() { trs[k] = set(&own, f) })
		taken[k] = func() {
			for _, s := range own.short.list {
				if !c.short.seen[s] {
					c.short.seen[s] = true
					c.short.list = append(c.short.list, s)
				}
			}
			c.st.missing = st.missing
			trs[k].t.st, trs[k].t.short = c.st, c.short
		}
	}
	wg.Wait()
	return trs, taken
}

// fits are the settings of article a tried besides the design: one knob
// at a time (the opener photo, the figures), the two together at a few
// steps, and a pull quote with the pictures as designed or taller.
func (c *composer) fits(a *doc.Article, runIn bool) []fit {
	var out []fit
	hero := a.Hero != nil && !runIn && c.design(a).Photo() && c.design(a) != theme.DesignFull
	if hero {
		for _, h := range heroSteps {
			out = append(out, fit{hero: h, figs: 100})
		}
	}
	if hasFigures(a) {
		for _, g := range fitSteps {
			out = append(out, fit{hero: 100, figs: g})
		}
		if hero {
			for _, hg := range [][2]int{{88, 88}, {115, 115}, {125, 125}, {76, 80}} {
				out = append(out, fit{hero: hg[0], figs: hg[1]})
			}
		}
	}
	_, _, canPull := pullQuote(a)
	// in its column, with the text; not in news briefs nor in the planned
	// pages (an agenda, letters)
	if canPull && !runIn && a.Columns > 1 && c.rank(a) != doc.RankBrief && slices.Contains(c.iss.Articles, a) {
		// with the pictures as designed, and with them at their tallest:
		// a long article short of its last page takes both
		pulls := []fit{{hero: 100, figs: 100}}
		if hero {
			pulls = append(pulls, fit{hero: 125, figs: 100})
		}
		if hasFigures(a) {
			pulls = append(pulls, fit{hero: 100, figs: 125})
		}
		if hero && hasFigures(a) {
			pulls = append(pulls, fit{hero: 115, figs: 115}, fit{hero: 125, figs: 125})
		}
		for _, f := range pulls {
			f.pull = true
			out = append(out, f)
		}
	}
	return out
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
