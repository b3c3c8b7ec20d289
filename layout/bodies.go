// An article's body set once per way it can be set: copyfitting's trials
// (copyfit.go) and the search (search.go) set each article a few
// dozen times, after different pages and with different settings, but its
// body's elements (its paragraphs broken into lines and drawn, its figures
// sized) depend only on the article, the width of its columns and the
// settings of its figures and pull quote — and on the number of the first
// structure element they make, which is the only thing that differs from
// one trial to the next. So the elements are made once for each of those,
// and a trial takes a copy of them, renumbered to its structure.

package layout

import (
	"maps"
	"slices"
	"sync"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/layout/page"
)

// bodyKey is what an article's body elements depend on, besides the
// structure they are numbered in.
type bodyKey struct {
	a           *doc.Article
	figs        int  // fit.figs
	pull        bool // fit.pull
	colW, textW Length
	accent      Color
	where       diag.Pos
}

// body is an article's body as articleElems made it: its elements, the
// structure elements it added (from base on, inside parent), and what it
// left in the composer.
type body struct {
	base, parent int
	elems        []elem
	nodes        []page.Node
	notes        map[int]int
	link         openLink
	where        diag.Pos
}

// bodyCache are the bodies made, by key, shared by the trials set at the
// same time (setAtOnce). A key made nil: a body made afresh every time.
type bodyCache struct {
	mu sync.Mutex
	m  map[bodyKey]*body
}

func newBodyCache() *bodyCache { return &bodyCache{m: map[bodyKey]*body{}} }

// get is the body made at k, if one was.
func (bc *bodyCache) get(k bodyKey) (*body, bool) {
	bc.mu.Lock()
	defer bc.mu.Unlock()
	b, ok := bc.m[k]
	return b, ok
}

// put keeps b at k, unless a body was made at k meanwhile: any body made
// at k is taken again alike (TestBodyRenumbered).
func (bc *bodyCache) put(k bodyKey, b *body) {
	bc.mu.Lock()
	defer bc.mu.Unlock()
	if _, ok := bc.m[k]; !ok {
		bc.m[k] = b
	}
}

// bodyElems is articleElems, made once per bodyKey (see above). An article
// set with warnings on, one whose opener took a pull quote (its items are
// tagged where they stand in the text), or one set while a link is open,
// is set afresh every time.
func (c *composer) bodyElems(a *doc.Article, colW, textW Length) []elem {
	if c.bodies == nil || c.opt.Warn != nil || c.openerPull != nil || c.link.node != 0 || c.parent <= 0 {
		return c.articleElems(a, colW, textW)
	}
	k := bodyKey{a: a, figs: c.fit.figs, pull: c.fit.pull, colW: colW, textW: textW, accent: c.th.Accent, where: c.where}
	if b, ok := c.bodies.get(k); ok {
		if b == nil {
			return c.articleElems(a, colW, textW)
		}
		return b.replay(c)
	}
	base, parent := len(c.out.Structure), c.parent
	elems := c.articleElems(a, colW, textW)
	b := &body{base: base, parent: parent, elems: slices.Clone(elems), nodes: slices.Clone(c.out.Structure[base:]),
		notes: maps.Clone(c.notes), link: c.link, where: c.where}
	if !b.renumberable() {
		b = nil
	}
	c.bodies.put(k, b)
	return elems
}

// renumberable tells whether every structure element b's elements and
// nodes refer to is one of its own or its parent (or none).
func (b *body) renumberable() bool {
	ok := func(n int) bool { return n <= 0 || n == b.parent || n >= b.base && n < b.base+len(b.nodes) }
	var items func(e *elem) bool
	items = func(e *elem) bool {
		for _, it := range e.items {
			switch it := it.(type) {
			case *page.Text:
				if !ok(it.Node) {
					return false
				}
			case *page.Image:
				if !ok(it.Node) {
					return false
				}
			case *page.Link:
				if !ok(it.Node) {
					return false
				}
			case *page.Rule, *page.Rect:
			default:
				return false // a kind of item unknown here
			}
		}
		return ok(e.figNodes[0]) && ok(e.figNodes[1]) &&
			(e.narrow == nil || items(e.narrow)) && (e.head == nil || items(e.head))
	}
	for k := range b.elems {
		if !items(&b.elems[k]) {
			return false
		}
	}
	for _, n := range b.nodes {
		if !ok(n.Parent) {
			return false
		}
	}
	for _, n := range b.notes {
		if !ok(n) {
			return false
		}
	}
	return ok(b.link.node)
}

// replay adds b's structure elements to c's, inside c's current parent,
// and returns a copy of its elements numbered accordingly, leaving c as
// articleElems would have.
func (b *body) replay(c *composer) []elem {
	delta, parent := len(c.out.Structure)-b.base, c.parent
	re := func(n int) int {
		switch {
		case n <= 0:
			return n
		case n == b.parent:
			return parent
		default:
			return n + delta
		}
	}
	for _, n := range b.nodes {
		n.Parent = re(n.Parent)
		c.out.Structure = append(c.out.Structure, n)
	}
	for num, n := range b.notes {
		c.notes[num] = re(n)
	}
	c.link, c.where = b.link, b.where
	c.link.node = re(c.link.node)
	elems := slices.Clone(b.elems)
	if delta == 0 && parent == b.parent {
		return elems // items are never changed once made: shared
	}
	heads := map[*elem]*elem{}
	var renumber func(e *elem)
	renumber = func(e *elem) {
		items := make([]page.Item, len(e.items))
		for i, it := range e.items {
			switch it := it.(type) {
			case *page.Text:
				t := *it
				t.Node = re(t.Node)
				items[i] = &t
			case *page.Image:
				m := *it
				m.Node = re(m.Node)
				items[i] = &m
			case *page.Link:
				l := *it
				l.Node = re(l.Node)
				items[i] = &l
			default:
				items[i] = it // rules and rectangles: no element, never changed
			}
		}
		e.items = items
		e.figNodes = [2]int{re(e.figNodes[0]), re(e.figNodes[1])}
		if e.narrow != nil {
			nw := *e.narrow
			renumber(&nw)
			e.narrow = &nw
		}
		if e.head != nil {
			h, ok := heads[e.head]
			if !ok {
				hc := *e.head
				renumber(&hc)
				h = &hc
				heads[e.head] = h
			}
			e.head = h
		}
	}
	for k := range elems {
		renumber(&elems[k])
	}
	return elems
}
