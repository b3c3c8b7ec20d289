package layout

import (
	"slices"
	"strings"
	"testing"

	"magz/fonts"
	"magz/internal/doc"
	"magz/internal/locale"
	"magz/layout/hyph"
	"magz/layout/page"
)

// TestVisualOrder lays out hand-made lines: Latin, two Arabic words and
// Latin; a number inside Arabic; a right-to-left line. Places and glyphs
// are visual; fragments are drawn in logical order but for a run of
// right-to-left text (with its numbers), drawn left to right as one run.
func TestVisualOrder(t *testing.T) {
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	st := &setter{m: m}
	mk := func(words ...string) (line, []bool) {
		var ln line
		x := Length(0)
		for _, w := range words {
			f := st.fragsFor(w, fonts.Serif, 10*Pt, 0, Color{}, "")
			for _, fr := range f {
				ln.frags = append(ln.frags, placed{frag: fr, x: x})
				x += fr.width
			}
			x += 3 * Pt // a word space
		}
		spaced := make([]bool, len(ln.frags))
		for i := range spaced {
			spaced[i] = i+1 < len(spaced)
		}
		return ln, spaced
	}
	order := func(ps []placed) []string {
		// left to right as drawn
		idx := make([]int, len(ps))
		for i := range idx {
			idx[i] = i
		}
		for i := range idx {
			for j := i + 1; j < len(idx); j++ {
				if ps[idx[j]].x < ps[idx[i]].x {
					idx[i], idx[j] = idx[j], idx[i]
				}
			}
		}
		var out []string
		for _, i := range idx {
			out = append(out, ps[i].text)
		}
		return out
	}
	rev := func(s string) string {
		r := []rune(s)
		for a, b := 0, len(r)-1; a < b; a, b = a+1, b-1 {
			r[a], r[b] = r[b], r[a]
		}
		return string(r)
	}

	ln, sp := mk("Kata", "مرحبا", "بكم", "lagi")
	needs, rtl := needsBidi(ln)
	if !needs || rtl {
		t.Fatalf("needs %v rtl %v", needs, rtl)
	}
	ps, _, runs := st.visual(ln, sp, rtl)
	got := order(ps)
	w1, w2 := rev(ln.frags[1].text), rev(ln.frags[2].text) // shaped, glyphs reversed
	if len(got) != 4 || got[0] != "Kata" || got[1] != w2 || got[2] != w1 || got[3] != "lagi" {
		t.Errorf("visual order %q, want Kata, بكم, مرحبا, lagi", got)
	}
	if ps[0].text != "Kata" || ps[1].text != w2 || ps[2].text != w1 || ps[3].text != "lagi" {
		t.Error("not drawn in logical order with the Arabic run left to right")
	}
	if !slices.Equal(runs, []int{0, 1, 1, 0}) {
		t.Errorf("runs %v, want the Arabic words in run 1", runs)
	}
	if ps[0].x != ln.frags[0].x || ps[3].x != ln.frags[3].x {
		t.Error("left-to-right words moved")
	}

	// a number inside Arabic stays inside it, between the words
	ln, sp = mk("Kata", "مرحبا", "2026", "بكم", "lagi")
	ps, _, runs = st.visual(ln, sp, false)
	got = order(ps)
	if len(got) != 5 || got[1] != rev(ln.frags[3].text) || got[2] != "2026" || got[3] != rev(ln.frags[1].text) {
		t.Errorf("visual order %q, want Kata, بكم, 2026, مرحبا, lagi", got)
	}
	if !slices.Equal(runs, []int{0, 1, 1, 1, 0}) || ps[2].text != "2026" {
		t.Errorf("runs %v: the number is not drawn in the Arabic run", runs)
	}

	// a line of Arabic alone runs right to left from the right
	ln, sp = mk("في", "السوق")
	needs, rtl = needsBidi(ln)
	if !needs || !rtl {
		t.Fatalf("needs %v rtl %v", needs, rtl)
	}
	ps, _, _ = st.visual(ln, sp, rtl)
	if got := order(ps); got[0] != rev(ln.frags[1].text) {
		t.Errorf("visual order %q", got)
	}
}

// TestRightToLeftLineSitsRight: a short line of Arabic alone (a
// paragraph's last) is set against the right edge of the column.
func TestRightToLeftLineSitsRight(t *testing.T) {
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	c := &composer{st: &setter{m: m}}
	fr := c.st.fragsFor("السوق", fonts.Serif, 10*Pt, 0, Color{}, "")
	ln := line{frags: []placed{{frag: fr[0]}}, width: fr[0].width}
	width := 200 * Pt
	items := c.drawLines([]line{ln}, 0, 0, TextStyle{Size: 10 * Pt, Leading: 12 * Pt, Align: Justify}, width)
	tx := items[0].(*page.Text)
	if right := tx.X + fr[0].width; right != width {
		t.Errorf("the line ends at %d, the column at %d", right, width)
	}
}

// TestRightToLeftParagraph: a paragraph whose first strong letter is
// Arabic is the mirror of a left-to-right one — its first line's indent
// is on the right, its justified lines fill the measure, its last line
// sits right, Latin words within it too; a left-to-right paragraph's
// last line of Arabic alone sits left, as UAX #9 has it.
func TestRightToLeftParagraph(t *testing.T) {
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	c := &composer{th: DefaultTheme(), opt: Options{Metrics: m}, st: &setter{m: m, hyph: hyph.For(locale.PUEBI)}, out: &page.Issue{}}
	ts := c.bodyStyle()
	width, indent := 60*MM, 5*MM
	arabic := strings.Repeat("مرحبا بكم في السوق الكبير كل صباح ", 6)
	// lineSpan is where each line's text begins and ends
	lineSpan := func(b *builder) [][2]Length {
		var out [][2]Length
		for _, e := range b.elems {
			var l, r Length = 1 << 40, 0
			for _, it := range e.items {
				if tx, ok := it.(*page.Text); ok && strings.TrimSpace(tx.Text) != "" {
					l, r = min(l, tx.X), max(r, tx.X+m.TextWidth(tx))
				}
			}
			out = append(out, [2]Length{l, r})
		}
		return out
	}
	near := func(a, b Length) bool { return a-b < Pt/2 && b-a < Pt/2 }

	b := &builder{c: c, colW: width, textW: width, ncols: 1}
	b.paragraph([]doc.Span{{Text: arabic + "dengan kata Latin di tengahnya " + arabic}}, ts, 0, indent)
	spans := lineSpan(b)
	if len(spans) < 4 {
		t.Fatalf("%d lines", len(spans))
	}
	if first := spans[0]; !near(first[1], width-indent) || !near(first[0], 0) {
		t.Errorf("first line from %d to %d, want 0 to %d (indent on the right)", first[0], first[1], width-indent)
	}
	for i, s := range spans[1 : len(spans)-1] {
		if !near(s[0], 0) || !near(s[1], width) {
			t.Errorf("line %d from %d to %d, want the measure 0 to %d", i+2, s[0], s[1], width)
		}
	}
	if last := spans[len(spans)-1]; !near(last[1], width) || last[0] < 10*Pt {
		t.Errorf("last line from %d to %d: want it against the right edge, %d", last[0], last[1], width)
	}

	// left to right, ending in Arabic alone
	b = &builder{c: c, colW: width, textW: width, ncols: 1}
	b.paragraph([]doc.Span{{Text: "Di pasar orang menyapa dengan salam yang sama setiap pagi: " + arabic}}, ts, 0, indent)
	spans = lineSpan(b)
	if first := spans[0]; !near(first[0], indent) {
		t.Errorf("left-to-right first line starts at %d, want %d", first[0], indent)
	}
	if last := spans[len(spans)-1]; !near(last[0], 0) || near(last[1], width) {
		t.Errorf("left-to-right last line from %d to %d: want it against the left edge", last[0], last[1])
	}
}

// TestRightToLeftListAndQuote: a list item and a quotation in Arabic have
// their indent, their marker and their bar on the right; in Latin, on the
// left.
func TestRightToLeftListAndQuote(t *testing.T) {
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	c := &composer{th: DefaultTheme(), opt: Options{Metrics: m}, st: &setter{m: m, hyph: hyph.For(locale.PUEBI)}, out: &page.Issue{}}
	width := 60 * MM
	para := func(s string) []doc.Block { return []doc.Block{&doc.Paragraph{Spans: []doc.Span{{Text: s}}}} }
	arabic, latin := "مرحبا بكم في السوق الكبير كل صباح", "Selamat datang di pasar besar setiap pagi"
	for _, tc := range []struct {
		text string
		rtl  bool
	}{{arabic, true}, {latin, false}} {
		b := &builder{c: c, colW: width, textW: width, ncols: 1}
		b.block(&doc.List{Items: [][]doc.Block{para(tc.text)}}, 0, c.bodyStyle())
		b.block(&doc.Quote{Blocks: para(tc.text)}, 0, c.bodyStyle())
		var marker *page.Text
		var bar *page.Rule
		left, right := width, Length(0)
		for _, e := range b.elems {
			for _, it := range e.items {
				switch it := it.(type) {
				case *page.Text:
					if it.Text == "•" {
						marker = it
						continue
					}
					left, right = min(left, it.X), max(right, it.X+m.TextWidth(it))
				case *page.Rule:
					bar = it
				}
			}
		}
		if marker == nil || bar == nil {
			t.Fatalf("%s: no marker or no bar", tc.text)
		}
		onRight := marker.X > width/2 && bar.X1 > width/2 && right < width-2*Pt
		onLeft := marker.X < width/2 && bar.X1 < width/2 && left > 2*Pt
		if tc.rtl && !onRight || !tc.rtl && !onLeft {
			t.Errorf("%s: marker at %d, bar at %d, text from %d to %d in %d", tc.text, marker.X, bar.X1, left, right, width)
		}
	}
}
