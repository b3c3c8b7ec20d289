package layout

import (
	"bytes"
	"reflect"
	"testing"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/images"
	"magz/internal/jpeg"
	"magz/internal/reader"
	"magz/layout/page"
)

// TestBodyRenumbered: an article's body made once and taken again after
// more structure elements (as when an earlier article took a pull quote
// in one partial issue and not in another) sets the same pages and
// structure as the body set afresh there — for every article of the
// sample issue (notes, a table) and one with links, a footnote, a list
// and a quotation, each as designed and with its figures and a pull quote
// changed.
func TestBodyRenumbered(t *testing.T) {
	diags := &diag.List{}
	iss := reader.Read("../issues/issue-12", diags)
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	p := func(spans ...doc.Span) *doc.Paragraph { return &doc.Paragraph{Spans: spans} }
	words := doc.Span{Text: "Nelayan di teluk itu berangkat sebelum subuh dan pulang ketika matahari sudah tinggi, membawa ikan yang makin sedikit dari tahun ke tahun. "}
	linked := &doc.Article{Slug: "tautan", Title: "Tautan dan catatan", Section: "Uji", Columns: 2, Pos: diag.Pos{Path: "tautan.md", Line: 1},
		Blocks: []doc.Block{
			p(words, doc.Span{Text: "Lihat laman koperasi", Link: "https://example.org/koperasi"}, doc.Span{Text: " dan catatan"}, doc.Span{Note: 1}, words),
			&doc.List{Items: [][]doc.Block{{p(words)}, {p(doc.Span{Text: "tautan kedua", Link: "https://example.org/dua"}, words)}}},
			&doc.Quote{Blocks: []doc.Block{p(words, words)}},
			p(words, words, words),
		},
		Notes: []doc.Note{{N: 1, Spans: []doc.Span{{Text: "Catatan dari lapangan, "}, {Text: "dengan tautan", Link: "https://example.org/catatan"}}}},
	}
	iss.Articles = append(iss.Articles, linked)
	store := images.NewStore(nil, jpeg.Fast)
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	opt := Options{Metrics: m, ImageSize: func(img *doc.Image) (int, int, bool) {
		in, ok := store.Probe(img, diags)
		if !ok {
			return 0, 0, false
		}
		return in.Width, in.Height, true
	}}
	set := func(c *composer, a *doc.Article, extra int, f fit) *composer {
		s := c.scratch()
		for range extra {
			s.node(page.RoleDiv, "")
		}
		s.art, s.where, s.fit = a, a.Pos, f
		s.within(s.node(page.RoleArticle, ""), func() { s.article(a, false) })
		return s
	}
	dump := func(s *composer) string {
		var b bytes.Buffer
		s.out.Dump(&b)
		return b.String()
	}
	replayed := 0
	for _, a := range iss.Articles {
		for _, f := range []fit{designed, {hero: 100, figs: 88}, {hero: 100, figs: 100, pull: true}} {
			c := newComposer(iss, opt)
			set(c, a, 0, f) // made
			for _, b := range c.bodies.m {
				if b != nil {
					replayed++ // and taken again now
				}
			}
			got := set(c, a, 3, f) // three elements on
			fresh := *c
			fresh.bodies = newBodyCache()
			want := set(&fresh, a, 3, f)
			if g, w := dump(got), dump(want); g != w {
				t.Errorf("%s %+v: pages differ when the body is taken again:\n%s\nwant\n%s", a.Slug, f, g, w)
			}
			if !reflect.DeepEqual(got.out.Structure, want.out.Structure) {
				t.Errorf("%s %+v: structure differs when the body is taken again", a.Slug, f)
			}
			if !reflect.DeepEqual(got.notes, want.notes) || got.link != want.link || got.where != want.where {
				t.Errorf("%s %+v: notes %v link %v where %v, want %v %v %v", a.Slug, f, got.notes, got.link, got.where, want.notes, want.link, want.where)
			}
		}
	}
	if replayed == 0 {
		t.Error("no body was taken again")
	}
}

// TestBodyReplay: a body taken again after three more structure elements
// has every reference to its own elements moved on by three (items,
// figures' elements, a wide figure's column version, a table's header,
// shared by its rows as before), references to its parent made the new
// parent's, and decoration left alone.
func TestBodyReplay(t *testing.T) {
	head := &elem{items: []page.Item{&page.Text{Text: "Kolom", Node: 5}}}
	narrow := &elem{items: []page.Item{&page.Image{Node: 6}}}
	rule := &page.Rule{X2: 10}
	b := &body{base: 5, parent: 4, nodes: []page.Node{{Role: page.RoleTable, Parent: 4}, {Role: page.RoleFigure, Parent: 5}},
		notes: map[int]int{1: 6}, link: openLink{target: "https://example.org", node: 6},
		elems: []elem{
			{items: []page.Item{&page.Text{Text: "a", Node: 4}, &page.Link{Node: 6}, rule, &page.Image{Node: page.Decoration}}, head: head},
			{items: []page.Item{&page.Text{Text: "b", Node: 5}}, head: head},
			{kind: ePage, figNodes: [2]int{6, 0}, narrow: narrow},
		}}
	c := &composer{out: &page.Issue{Structure: make([]page.Node, 8)}, parent: 7, notes: map[int]int{}}
	elems := b.replay(c)
	if got := c.out.Structure[8:]; len(got) != 2 || got[0].Parent != 7 || got[1].Parent != 8 {
		t.Errorf("nodes %+v, want parents 7 and 8", got)
	}
	if c.notes[1] != 9 || c.link.node != 9 {
		t.Errorf("notes %v, link %v: want 9", c.notes, c.link)
	}
	node := func(it page.Item) int {
		switch it := it.(type) {
		case *page.Text:
			return it.Node
		case *page.Image:
			return it.Node
		case *page.Link:
			return it.Node
		}
		return -2
	}
	if got := []int{node(elems[0].items[0]), node(elems[0].items[1]), node(elems[0].items[3]), node(elems[1].items[0])}; !reflect.DeepEqual(got, []int{7, 9, page.Decoration, 8}) {
		t.Errorf("items' elements %v, want [7 9 -1 8]", got)
	}
	if elems[0].items[2] != rule {
		t.Error("a rule was copied")
	}
	if elems[0].head != elems[1].head || elems[0].head == head || node(elems[0].head.items[0]) != 8 {
		t.Error("the table's header is not renumbered once and shared")
	}
	if elems[2].figNodes != [2]int{9, 0} || elems[2].narrow == narrow || node(elems[2].narrow.items[0]) != 9 {
		t.Errorf("figure %v, narrow %v: want [9 0], renumbered", elems[2].figNodes, elems[2].narrow)
	}
	if node(b.elems[0].items[0]) != 4 || node(head.items[0]) != 5 || node(narrow.items[0]) != 6 || b.elems[2].figNodes != [2]int{6, 0} {
		t.Error("the body kept changed")
	}
}
