// The issue searched: each article can be set several ways (copyfit.go:
// trials), and the room below its end can take several choices of the
// planned pieces still free (budget.go). Setting each article the way best
// for itself, and giving its room the pieces that fill it best, can leave
// a later article's room with nothing that fits, while an earlier one took
// a piece it could have done without. So the issue is searched as a
// typesetter searches a paragraph's breaks: a few of the best partial
// issues (states) are carried from article to article; each one's
// successors are the article's trials, each with each choice of pieces for
// its room; the cheapest few go on, and at the end the cheapest issue,
// with its spare pages made up, is kept. A trial depends only on the pages
// before it, so states that share their pages share their trials.
//
// What a partial issue costs is what copyfitting's settings cost and the
// gaps left on its pages: empty bands across the text area (gaps, gapCost),
// a band of gapMin or more costing three times its height — the gap a
// reader sees, not spacing.

package layout

import (
	"cmp"
	"fmt"
	"maps"
	"slices"

	"magz/internal/doc"
	"magz/layout/page"
)

// beamWidth is how many partial issues the search carries on. A state
// whose next article may run in is ranked as if that article filled the
// room below its end (prune), so the cheap settings of an article (a
// photo 6 % taller, a pull quote) crowd out a dearer one that leaves less
// room for the run-in to fill: at 8, issue-12 lost its cheapest issue
// that way (Noken's opener photo 25 % taller, the items after it running
// in; 2724 against 2840), and with it a page of a quarter left empty (the
// auditor's blank bands 0.52 → 0.50 per 20 pages). From 24 on the search
// finds it; the layout of the 32-page synthetic issues takes about as
// long (1 s), issue-12's 0.1 s more.
const beamWidth = 24

// gapMin is the least height of an empty band across the text area, in
// thousandths of it, that a reader sees as a gap rather than spacing: a
// little under fillerMin, the least worth a filler, as the eye measures
// the live area from the highest line of text, not from the margin.
const gapMin = 120

// gapCost is what an empty band across the text area costs, by its
// height in thousandths of the text area: its height, and three times its
// height from gapMin on.
func gapCost(b int) int {
	if b < gapMin {
		return b
	}
	return 3 * b
}

// sparePageCost is what a ruled notes page printed for want of material
// costs: as much as a gap of under half the text area (gapCost(466)). A
// notes page at the back reads as less of a fault than a hole in an
// article: set at 2000, the benchmark issue (12 articles, no planned
// material) traded three notes pages for four pages ending above half
// way; from 1350 to 1500 it prints the two notes pages and the gaps the
// greedy copyfit did.
const sparePageCost = 1400

// unusedCost is what a planned piece left out of the issue costs: a
// little, so that of two issues alike the one using more of the editor's
// material wins.
const unusedCost = 5

// thousandths is a height in thousandths of the text area's.
func (c *composer) thousandths(h Length) int {
	if h <= 0 {
		return 0
	}
	return int(1000 * int64(h) / int64(c.bodyHeight()))
}

// gaps measures page pi's text area: the tallest band across it with
// nothing set in it, above the lowest thing set there (mid, thousandths of
// the text area), and the room below that thing. Rules do not count: a
// hairline does not fill a band.
func (c *composer) gaps(pi int) (mid int, room Length) {
	top, bottom := c.th.MarginTop, c.bodyBottom()
	type span struct{ a, b Length }
	items := c.out.Pages[pi].Items
	spans := make([]span, 0, len(items))
	for _, it := range items {
		var s span
		switch it := it.(type) {
		case *page.Text:
			s = span{it.Y - it.Size, it.Y + it.Size/4}
		case *page.Image:
			s = span{it.Y, it.Y + it.H}
		case *page.Rect:
			s = span{it.Y, it.Y + it.H}
		default:
			continue
		}
		if s.b > top && s.a < bottom {
			s = span{max(s.a, top), min(s.b, bottom)}
			// the runs of a line follow each other, alike: one band
			if n := len(spans); n == 0 || spans[n-1] != s {
				spans = append(spans, s)
			}
		}
	}
	slices.SortFunc(spans, func(x, y span) int { return cmp.Compare(x.a, y.a) })
	reach, widest := top, Length(0)
	for _, s := range spans {
		widest = max(widest, s.a-reach)
		reach = max(reach, s.b)
	}
	return c.thousandths(widest), bottom - reach
}

// pageSet are the pages set so far, the last article's ending, and the
// trials of the next article once made (one node of the search: every
// state on it shares its pages).
type pageSet struct {
	// c has the pages; or, until they are needed (comp), they are the
	// pages of onto followed by those the trial made set on its own
	// (rebase): most states die in prune, their pages never looked at.
	c, onto, made *composer
	prev          ending
	next          []trial                // of the next article: set on a fresh page
	nextIn        []trial                // and running in below prev
	kids          map[*composer]*pageSet // the page sets its trials make, once expanded
}

// expand makes the trials of article a after these pages, once. Set on
// a fresh page, an article is set the same after any pages of the same
// number and elements: those trials are made once (in made) and moved
// onto the pages of each set (rebase, once a state on them survives).
// Run in, it depends on the page it starts on.
func (n *pageSet) expand(a *doc.Article, made map[[2]int]*pageSet) {
	if n.kids != nil {
		return
	}
	n.kids = map[*composer]*pageSet{}
	c := n.comp()
	k := [2]int{len(c.out.Pages), len(c.out.Structure)}
	if from, ok := made[k]; ok {
		for _, tr := range from.next {
			tr.onto = c
			n.next = append(n.next, tr)
		}
	} else {
		n.next = c.trials(a, false)
		made[k] = n
	}
	if c.mayRunIn(n.prev, a) {
		n.nextIn = c.trials(a, true)
	}
}

// comp is the composer with n's pages, made from the trial's own pages
// when it was made after other pages (rebase).
func (n *pageSet) comp() *composer {
	if n.c == nil {
		n.c = rebase(n.onto, n.made)
		n.onto, n.made = nil, nil
	}
	return n.c
}

// pages is how many pages n has, made or not: as many as the trial's
// own composer, made after as many pages as onto has.
func (n *pageSet) pages() int {
	if n.c != nil {
		return len(n.c.out.Pages)
	}
	return len(n.made.out.Pages)
}

// rebase is src, a trial made after pages and structure elements as
// many as onto's, made after onto's: onto's pages and elements, then the
// trial's own.
func rebase(onto, src *composer) *composer {
	t := onto.scratch()
	np, ns := len(onto.out.Pages), len(onto.out.Structure)
	t.out.Pages = append(t.out.Pages, src.out.Pages[np:]...)
	t.out.Structure = append(t.out.Structure, src.out.Structure[ns:]...)
	for pi := np; pi < len(src.out.Pages); pi++ {
		if h, ok := src.heads[pi]; ok {
			t.heads[pi] = h
		}
		if src.noRH[pi] {
			t.noRH[pi] = true
		}
		if src.fullBleed[pi] {
			t.fullBleed[pi] = true
		}
	}
	return t
}

// child is the page set a trial made.
func (n *pageSet) child(tr trial) *pageSet {
	k := n.kids[tr.t]
	if k == nil {
		k = &pageSet{c: tr.t, prev: tr.e}
		if tr.onto != nil {
			k = &pageSet{onto: tr.onto, made: tr.t, prev: tr.e}
		}
		n.kids[tr.t] = k
	}
	return k
}

// state is a partial issue: its pages, the pieces reserved for the rooms
// below its articles' ends (by page) and those still free, how its
// articles ended, and what it costs.
type state struct {
	n        *pageSet
	reserved map[int][]piece
	left     []piece
	ends     []ending
	cost     int
	lastCost int // what the last article's last page costs: given back when the next runs in
	seq      int // the order states were made in, for ties
}

// setArticles sets the articles and the planned pages from Markdown, in
// order, searching the issue (see above), and adopts the best. It returns
// the page each starts on and how each ended.
func (c *composer) setArticles() ([]int, []ending) {
	states := []*state{{n: &pageSet{c: c}, left: c.left}}
	seq := 0
	for i, a := range c.arts {
		var next []*state
		made := map[[2]int]*pageSet{}
		for _, s := range states {
			s.n.expand(a, made)
			for _, group := range [][]trial{s.n.next, s.n.nextIn} {
				for _, tr := range group {
					for _, ns := range c.successors(s, tr) {
						seq++
						ns.seq = seq
						next = append(next, ns)
					}
				}
			}
		}
		var after *doc.Article
		if i+1 < len(c.arts) {
			after = c.arts[i+1]
		}
		states = c.prune(next, after)
	}
	best, bestCost := states[0], 0
	for k, s := range states {
		if cost := s.cost + c.restCost(s); k == 0 || cost < bestCost {
			best, bestCost = s, cost
		}
	}
	c.adopt(best.n.comp())
	c.reserved, c.left = best.reserved, best.left
	starts := make([]int, len(best.ends))
	for i, e := range best.ends {
		starts[i] = e.first
		c.out.Outline = append(c.out.Outline, page.OutlineItem{Title: c.arts[i].Title, Page: e.first})
	}
	return starts, best.ends
}

// successors are the states that follow s when its next article is set
// as trial tr: one for each choice of pieces for the room below its end.
func (c *composer) successors(s *state, tr trial) []*state {
	reserved, left, cost := s.reserved, s.left, s.cost
	if tr.e.runIn {
		// the room below the article before is this one's: the pieces
		// reserved for it are free again, and its cost given back
		prev := s.n.prev.last
		if took := reserved[prev]; len(took) > 0 {
			reserved = maps.Clone(reserved)
			delete(reserved, prev)
			left = slices.SortedStableFunc(slices.Values(slices.Concat(took, left)), func(a, b piece) int { return a.order - b.order })
		}
		cost -= s.lastCost
	}
	cost += tr.cost
	t := tr.t // its last page is its own, moved onto other pages or not
	choices := [][]int{nil}
	if tr.e.empty >= gapMin && !t.fullBleed[tr.e.last] && !c.opt.NoCopyfit {
		choices = pieceChoices(left, tr.room)
	}
	n := s.n.child(tr)
	var out []*state
	for _, pick := range choices {
		e := tr.e
		h := Length(0)
		var took, rest []piece
		for k, pc := range left {
			if slices.Contains(pick, k) {
				took = append(took, pc)
				h += pc.h
			} else {
				rest = append(rest, pc)
			}
		}
		e.left = t.thousandths(tr.room - h)
		last := gapCost(max(tr.mid, e.left))
		ns := &state{n: n, reserved: reserved, left: rest, ends: slices.Concat(s.ends, []ending{e}), cost: cost + last, lastCost: last}
		if len(took) > 0 {
			ns.reserved = maps.Clone(reserved)
			if ns.reserved == nil {
				ns.reserved = map[int][]piece{}
			}
			ns.reserved[e.last] = took
		}
		out = append(out, ns)
	}
	return out
}

// pieceChoices lists the ways the room below an article's end can take
// pieces of free (up to maxPerHole that fit it together): none, then each
// set of heights once, made of the first listed of equal pieces. It
// returns their indexes in order.
func pieceChoices(free []piece, room Length) [][]int {
	out := [][]int{nil}
	seen := map[string]bool{}
	var try func(from int, chosen []int, left Length)
	try = func(from int, chosen []int, left Length) {
		if len(chosen) > 0 {
			hs := make([]Length, len(chosen))
			for i, k := range chosen {
				hs[i] = free[k].h
			}
			slices.Sort(hs)
			if key := fmt.Sprint(hs); !seen[key] {
				seen[key] = true
				out = append(out, slices.Clone(chosen))
			}
		}
		if len(chosen) == maxPerHole {
			return
		}
		for k := from; k < len(free); k++ {
			if free[k].h <= left {
				try(k+1, append(chosen, k), left-free[k].h)
			}
		}
	}
	try(0, nil, room)
	return out
}

// prune keeps, of states that would go on alike (the same pages, the same
// room open below the last article with the same pieces reserved for it,
// the same pieces free), the cheapest, and of those the beamWidth
// cheapest; the first made wins a tie. (The pieces reserved below the
// last article are free again if the next runs in.)
//
// States are ranked by their cost, less the cost of the room below their
// last article when the next article (next, if any) may run in there: it
// is likely to fill it, and the pieces reserved for it are then free.
func (c *composer) prune(states []*state, next *doc.Article) []*state {
	type key struct {
		pages, open int
		free, last  string
	}
	orders := func(ps []piece) string {
		o := make([]int, len(ps))
		for i, pc := range ps {
			o[i] = pc.order
		}
		return fmt.Sprint(o)
	}
	best := map[key]*state{}
	var keys []key
	for _, s := range states {
		k := key{pages: s.n.pages(), open: -1, free: orders(s.left)}
		if prev := s.n.prev; prev.empty >= runInRoom {
			k.open, k.last = prev.empty, orders(s.reserved[prev.last])
		}
		if b, ok := best[k]; !ok || s.cost < b.cost || s.cost == b.cost && s.seq < b.seq {
			if !ok {
				keys = append(keys, k)
			}
			best[k] = s
		}
	}
	out := make([]*state, 0, len(keys))
	for _, k := range keys {
		out = append(out, best[k])
	}
	rank := func(s *state) int {
		if next != nil && c.mayRunIn(s.n.prev, next) {
			return s.cost - s.lastCost
		}
		return s.cost
	}
	slices.SortFunc(out, func(a, b *state) int { return cmp.Or(cmp.Compare(rank(a), rank(b)), cmp.Compare(a.seq, b.seq)) })
	return keepPageCounts(out, beamWidth)
}

// keepPageCounts keeps the first n of the states ranked, and the first
// of each number of pages, modulo 4, they leave out: a state with a page
// more or less is dearer so far but may spare the issue ruled notes pages
// at its end, where its pages are made up to a multiple of 4
// (sparePageCost, restCost), which only the end of the search can tell.
func keepPageCounts(ranked []*state, n int) []*state {
	out := ranked[:min(len(ranked), n)]
	var seen [4]bool
	for _, s := range out {
		seen[s.n.pages()%4] = true
	}
	for _, s := range ranked[len(out):] {
		if p := s.n.pages() % 4; !seen[p] {
			seen[p] = true
			out = append(out, s)
		}
	}
	return out
}

// restCost is what the rest of the issue costs after state s: the pages
// the budget makes up from the pieces s leaves (their gaps), the notes
// pages printed for want of material, the pieces left out.
func (c *composer) restCost(s *state) int {
	t := s.n.comp().scratch()
	t.reserved, t.left = s.reserved, s.left
	t.opt.Warn = nil
	if p := t.iss.Plan; p != nil {
		if p.Photo != nil {
			t.photoPage(p.Photo)
		}
		for range p.NotesPages {
			t.out.Pages = append(t.out.Pages, t.notesPage())
		}
	}
	from := len(t.out.Pages)
	b := t.budget(t.left)
	cost := sparePageCost*b.Spare + unusedCost*len(b.Unused)
	for pi := from; pi < len(t.out.Pages); pi++ {
		if p := t.out.Pages[pi]; p.Kind == page.KindPlanned && !t.fullBleed[pi] {
			mid, room := t.gaps(pi)
			cost += gapCost(max(mid, t.thousandths(room)))
		}
	}
	return cost
}
