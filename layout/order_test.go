package layout

import (
	"testing"

	"magz/internal/doc"
)

// TestFiguresKeepTheirPlace: in a single column, figures between
// paragraphs that do not fit where they stand wait for the next column,
// and the text runs on no further than the next figure, nor into a
// paragraph whose figure could not follow: each figure is set in the
// column of the paragraph before it or the next.
func TestFiguresKeepTheirPlace(t *testing.T) {
	c := flowComposer()
	var elems []elem
	for range 6 { // a photo story: short paragraphs, a big photo after each
		elems = append(elems, lines(c, 4)...)
		elems = append(elems, elem{kind: eFloat, h: 30 * c.th.Grid})
	}
	elems = append(elems, lines(c, 4)...)
	col := map[*elem]int{}
	i, frame := 0, 0
	var pending []int
	for i < len(elems) || len(pending) > 0 {
		placed, next, still := c.fill(frames(c, 1, 50), elems, i, pending)
		for _, pl := range placed {
			col[pl.e] = frame
		}
		i, pending = next, still
		if frame++; frame > 20 {
			t.Fatal("the flow does not end")
		}
	}
	for k := range elems {
		if elems[k].kind != eFloat {
			continue
		}
		before := col[&elems[k-1]]
		if got := col[&elems[k]]; got > before+1 || got < before {
			t.Errorf("figure %d in column %d, its paragraph in column %d", k, got, before)
		}
	}
}

// TestPullQuoteChoice: the sentence copyfitting may pull is a quotation
// from the text when there is one, else a sentence of fitting length from
// the middle; none when the article has a pull quote of its own. It is
// never set beside the block it comes from.
func TestPullQuoteChoice(t *testing.T) {
	para := func(s string) doc.Block { return &doc.Paragraph{Spans: []doc.Span{{Text: s}}} }
	filler := "Warga kampung membawa hasil kebun ke pasar distrik setiap minggu sejak jalan baru dibuka oleh pemerintah."
	a := &doc.Article{Blocks: []doc.Block{para(filler), para(filler), para(filler), para(filler), para("Kata kepala kampung, “Jalan ini bukan hanya untuk mobil, jalan ini untuk kami.” Lalu ia pulang."), para(filler), para(filler), para(filler)}}
	if q, after, ok := pullQuote(a); !ok || q != "Jalan ini bukan hanya untuk mobil, jalan ini untuk kami." {
		t.Errorf("pulled %q (%v), want the quotation", q, ok)
	} else if after != 6 {
		t.Errorf("pulled after block %d, want 6: the paragraph nearest the middle two paragraphs from its source (block 4)", after)
	}
	// a block quotation's sentence is pulled two paragraphs from it
	quote := &doc.Quote{Blocks: []doc.Block{para("Dulu saya pikir anak saya kurus karena memang begitu dari sananya. Ternyata tidak.")}}
	b := &doc.Article{Blocks: []doc.Block{para(filler), para(filler), para(filler), quote, para(filler), para(filler), para(filler)}}
	if q, after, ok := pullQuote(b); !ok || q != "Dulu saya pikir anak saya kurus karena memang begitu dari sananya." {
		t.Errorf("pulled %q (%v), want the block quotation's first sentence", q, ok)
	} else if after == 2 || after == 4 {
		t.Errorf("pulled after block %d, beside the quotation (block 3)", after)
	}
	// too short to keep it apart from its source: none
	c := &doc.Article{Blocks: []doc.Block{para(filler), para(filler), quote, para(filler), para(filler)}}
	if q, after, ok := pullQuote(c); ok {
		t.Errorf("pulled %q after block %d in an article too short to keep it from its source", q, after)
	}
	a.Blocks[4] = para(filler)
	if q, _, ok := pullQuote(a); !ok || q != filler {
		t.Errorf("pulled %q (%v), want a sentence of the text", q, ok)
	}
	a.Blocks = append(a.Blocks, &doc.PullQuote{Spans: []doc.Span{{Text: "Sudah ada."}}})
	if _, _, ok := pullQuote(a); ok {
		t.Errorf("an article with a pull quote of its own gets another")
	}
}
