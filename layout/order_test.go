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
// the middle; none when the article has a pull quote of its own.
func TestPullQuoteChoice(t *testing.T) {
	para := func(s string) doc.Block { return &doc.Paragraph{Spans: []doc.Span{{Text: s}}} }
	filler := "Warga kampung membawa hasil kebun ke pasar distrik setiap minggu sejak jalan baru dibuka oleh pemerintah."
	a := &doc.Article{Blocks: []doc.Block{para(filler), para(filler), para("Kata kepala kampung, “Jalan ini bukan hanya untuk mobil, jalan ini untuk kami.” Lalu ia pulang."), para(filler), para(filler)}}
	if q, _, ok := pullQuote(a); !ok || q != "Jalan ini bukan hanya untuk mobil, jalan ini untuk kami." {
		t.Errorf("pulled %q (%v), want the quotation", q, ok)
	}
	a.Blocks[2] = para(filler)
	if q, _, ok := pullQuote(a); !ok || q != filler {
		t.Errorf("pulled %q (%v), want a sentence of the text", q, ok)
	}
	a.Blocks = append(a.Blocks, &doc.PullQuote{Spans: []doc.Span{{Text: "Sudah ada."}}})
	if _, _, ok := pullQuote(a); ok {
		t.Errorf("an article with a pull quote of its own gets another")
	}
}
