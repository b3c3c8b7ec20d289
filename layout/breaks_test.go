package layout

import (
	"strings"
	"testing"
	"unicode"

	"magz/internal/doc"
	"magz/layout/page"
)

// Breaks a typesetter would accept, one test per rule.

// lineTexts returns each line's text, its fragments joined by spaces.
func lineTexts(ls []line) []string {
	var out []string
	for _, ln := range ls {
		var ws []string
		for _, f := range ln.frags {
			ws = append(ws, f.text)
		}
		out = append(out, strings.Join(ws, " "))
	}
	return out
}

func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// TestHyphensLeaveThreeLetters: wherever a paragraph is hyphenated, at
// least three letters stand before the hyphen and after it, and no word of
// five letters or fewer is broken; in columns from narrow to wide.
func TestHyphensLeaveThreeLetters(t *testing.T) {
	c := headlineComposer(t)
	ts := c.bodyStyle()
	txt := text(400) + " pemeliharaan perbaikan kesehatan keputusan pertemuan perempuan kegiatan pelatihan sekolah kepala baru sagu dari"
	hyphens := 0
	for w := 100 * Pt; w <= 260*Pt; w += 8 * Pt {
		ls := lineTexts(c.st.setParagraph([]doc.Span{{Text: txt}}, ts, w, 0, nil))
		for i, l := range ls[:len(ls)-1] {
			if !strings.HasSuffix(l, "-") {
				continue
			}
			hyphens++
			f := strings.Fields(l)
			before := strings.TrimSuffix(f[len(f)-1], "-")
			after := strings.Fields(ls[i+1])[0]
			if letters(before) < 3 || letters(after) < 3 || letters(before)+letters(after) <= 5 {
				t.Errorf("width %s: %s-%s", w, before, after)
			}
		}
	}
	if hyphens < 20 {
		t.Errorf("only %d hyphens in all: the test sees too few breaks", hyphens)
	}
}

// TestNoHyphenInCellsAndHeadings: table cells and headings are never
// hyphenated, however narrow their column.
func TestNoHyphenInCellsAndHeadings(t *testing.T) {
	spans := func(s string) []doc.Span { return []doc.Span{{Text: s}} }
	model := composeArticle(t,
		&doc.Heading{Level: 2, Spans: spans("Pemeliharaan Jembatan Penyeberangan Antarkampung")},
		&doc.Table{Align: []doc.Align{doc.AlignLeft, doc.AlignLeft, doc.AlignLeft, doc.AlignLeft, doc.AlignRight},
			Header: [][]doc.Span{spans("Tahun"), spans("Perubahan"), spans("Keterangan"), spans("Pertanggungjawaban"), spans("Jumlah")},
			Rows:   [][][]doc.Span{{spans("2026"), spans("Penyeberangan"), spans("pemeliharaan berkelanjutan"), spans("kabupaten"), spans("412")}}})
	for _, p := range model.Pages {
		for _, it := range p.Items {
			if tx, ok := it.(*page.Text); ok && tx.Size < 9*Pt && strings.HasSuffix(tx.Text, "-") {
				t.Errorf("%q is hyphenated", tx.Text)
			}
			if tx, ok := it.(*page.Text); ok && tx.Face == string(DefaultTheme().Type.DisplayBlack) && strings.HasSuffix(tx.Text, "-") {
				t.Errorf("heading %q is hyphenated", tx.Text)
			}
		}
	}
}

// tableArticle is an article of some paragraphs, then a table of n rows.
func tableRows(n int) *doc.Table {
	spans := func(s string) []doc.Span { return []doc.Span{{Text: s}} }
	tb := &doc.Table{Align: []doc.Align{doc.AlignLeft, doc.AlignRight}, Header: [][]doc.Span{spans("Kampung"), spans("Warga")}}
	for i := range n {
		tb.Rows = append(tb.Rows, [][]doc.Span{spans("Kampung " + vocabulary[i%len(vocabulary)]), spans("412")})
	}
	return tb
}

// TestShortTableWhole: a table of up to twelve rows is one block, never
// split between columns; a longer one is a row a block, each knowing its
// header.
func TestShortTableWhole(t *testing.T) {
	c := headlineComposer(t)
	b := &builder{c: c, colW: 80 * MM, textW: 170 * MM, ncols: 2}
	b.table(tableRows(12), 0)
	if len(b.elems) != 1 || b.elems[0].kind != eBlock {
		t.Fatalf("a table of 12 rows is %d elements, want one block", len(b.elems))
	}
	b = &builder{c: c, colW: 80 * MM, textW: 170 * MM, ncols: 2}
	b.table(tableRows(13), 0)
	if len(b.elems) != 14 || !b.elems[0].keepNext || b.elems[0].head != nil {
		t.Fatalf("a table of 13 rows is %d elements (header keeps with the next: %v)", len(b.elems), b.elems[0].keepNext)
	}
	for i, e := range b.elems[1:] {
		if e.head == nil {
			t.Errorf("row %d does not know its header", i+1)
		}
	}
}

// TestLongTableRepeatsHeader: where a long table breaks to the next
// column, its header is set again above the rows that continue, as
// decoration (it was read where the table starts).
func TestLongTableRepeatsHeader(t *testing.T) {
	c := headlineComposer(t)
	b := &builder{c: c, colW: 80 * MM, textW: 170 * MM, ncols: 2}
	b.table(tableRows(30), 0)
	elems := b.elems
	fs := frames(c, 2, 20)
	placed, next, _ := c.fill(fs, elems, 0, nil)
	if next != len(elems) {
		t.Fatalf("the table did not fit two columns of 20 lines (%d of %d rows)", next, len(elems))
	}
	heads := 0
	for _, pl := range placed {
		if pl.e == &elems[0] || pl.e == elems[1].head {
			heads++
		}
		if pl.frame == 1 && pl.y == 0 && pl.e != elems[1].head {
			t.Errorf("the second column starts with %v, not the header again", pl.e.items)
		}
	}
	if heads != 2 {
		t.Errorf("the header is set %d times, want twice: atop each column", heads)
	}
	for _, it := range elems[1].head.items {
		if tx, ok := it.(*page.Text); ok && tx.Node != page.Decoration {
			t.Errorf("the repeated header's %q is read again", tx.Text)
		}
	}
}

// TestURLBreaks: a web address breaks only after / . - ? & (never inside
// "//"), with no hyphen added.
func TestURLBreaks(t *testing.T) {
	c := headlineComposer(t)
	ts := c.bodyStyle()
	url := "https://contoh.lembahhijau.go.id/posyandu-keliling/jadwal-dan-titik-kumpul-2026?kampung=yoboi&bulan=12"
	for w := 90 * Pt; w <= 200*Pt; w += 10 * Pt {
		ls := c.st.setParagraph([]doc.Span{{Text: "Jadwal ada di " + url + " setiap bulan.", Link: url}}, ts, w, 0, nil)
		got := strings.Join(lineTexts(ls), "|")
		if strings.ReplaceAll(got, "|", "") != strings.ReplaceAll("Jadwal ada di "+url+" setiap bulan.", " ", "") &&
			strings.ReplaceAll(strings.ReplaceAll(got, "|", ""), " ", "") != strings.ReplaceAll("Jadwal ada di "+url+" setiap bulan.", " ", "") {
			t.Errorf("width %s: the text changed: %q", w, got)
		}
		for i, ln := range ls[:len(ls)-1] {
			last := ln.frags[len(ln.frags)-1].text
			if !strings.Contains(url, last) || ln.frags[len(ln.frags)-1].link == "" || strings.HasSuffix(url, last) {
				continue // a line ending outside the address, or at its end
			}
			if r := last[len(last)-1]; !strings.ContainsRune("/.-?&", rune(r)) {
				t.Errorf("width %s: the address breaks after %q (line %d: %q)", w, last, i+1, last)
			}
			if strings.HasSuffix(last, "/") && strings.HasPrefix(ls[i+1].frags[0].text, "/") {
				t.Errorf("width %s: the address breaks inside //", w)
			}
		}
	}
}

// TestOneColumnMeasure: a single column holds 55 to 70 characters a line,
// whatever the page's width.
func TestOneColumnMeasure(t *testing.T) {
	c := headlineComposer(t)
	ts := c.bodyStyle()
	for _, w := range []Length{150 * MM, 178 * MM, 250 * MM} {
		cw, _ := c.columns(1, 0, w)
		ls := lineTexts(c.st.setParagraph([]doc.Span{{Text: text(600)}}, ts, cw, 0, nil))
		chars := 0
		for _, l := range ls[:len(ls)-1] {
			chars += len([]rune(l))
		}
		if per := chars / (len(ls) - 1); per < 55 || per > 70 {
			t.Errorf("text width %s: a single column of %s holds %d characters a line", w, cw, per)
		}
	}
}

// TestHyphenRunCountsOwnHyphens: a line ending at a word's own hyphen
// (anak-anak) counts in the run of hyphenated lines: never more than two
// in a row.
func TestHyphenRunCountsOwnHyphens(t *testing.T) {
	c := headlineComposer(t)
	ts := c.bodyStyle()
	words := strings.Fields(text(300))
	for i := range words {
		if i%4 == 1 {
			words[i] = words[i] + "-" + words[i] // reduplications
		}
	}
	txt := strings.Join(words, " ")
	runs := 0
	for w := 90 * Pt; w <= 200*Pt; w += 5 * Pt {
		run := 0
		for _, l := range lineTexts(c.st.setParagraph([]doc.Span{{Text: txt}}, ts, w, 0, nil)) {
			if strings.HasSuffix(l, "-") {
				run++
				runs++
			} else {
				run = 0
			}
			if run > 2 {
				t.Errorf("width %s: three lines in a row end in a hyphen", w)
				break
			}
		}
	}
	if runs < 20 {
		t.Errorf("only %d lines end in a hyphen: the test sees too few", runs)
	}
}
