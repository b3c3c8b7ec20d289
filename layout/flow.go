package layout

import (
	"magz/layout/page"
	"slices"
	"strconv"
	"strings"

	"magz/fonts"
	"magz/internal/doc"
)

// An article's body becomes a list of elements stacked in columns: lines of
// text on the baseline grid, and unbreakable blocks (figures, pull quotes,
// table rows). The flow places them column by column, page by page.

type elemKind int

const (
	eLine elemKind = iota
	eHead
	eFloat // a figure: may move to the top of the next column
	eBlock
	ePage // spans all columns: a wide figure at the top of a page, or a pull-quote band
)

type elem struct {
	kind        elemKind
	h           Length
	items       []page.Item // relative to the element's top-left corner
	idx, n      int         // line idx of n in its paragraph
	keepNext    bool
	spaceBefore Length // dropped at the top of a column
	band        bool   // an ePage element set across the middle of the page
	placed      bool   // an ePage element already on a page
	narrow      *elem  // a wide figure set at column width, for short articles
	fig         *doc.Figure
	figNodes    [2]int // structure elements of fig: picture and caption
	head        *elem  // a long table's header, set again atop each column its rows continue in
}

type builder struct {
	c     *composer
	colW  Length
	textW Length // width of all columns with their gutters
	ncols int
	elems []elem
	first bool // next paragraph is the first of the article (drop cap)
	// wideFigs counts the figures set across the columns (figure.go)
	wideFigs int
	noInd    bool // next paragraph is not indented
}

func (c *composer) articleElems(a *doc.Article, colW, textW Length) []elem {
	b := &builder{c: c, colW: colW, textW: textW, ncols: a.Columns, first: true, noInd: true}
	q, after, pull := pullQuote(a)
	for i := 0; i < len(a.Blocks); i++ {
		if run := figureRun(a.Blocks[i:]); len(run) >= 2 {
			b.gallery(run) // gallery.go: one element, a lead picture
			i += len(run) - 1
			continue
		}
		b.block(a.Blocks[i], 0, c.bodyStyle())
		if pull && c.fit.pull && i == after {
			b.pulled(q) // copyfitting's
		}
	}
	if len(a.Notes) > 0 {
		// set as a third-level heading, read as a section heading; magz's
		// own words, from no line of the source
		where := c.where
		c.where.Line = 0
		b.tagged(page.RoleH2, func() { b.heading(c.lab.Notes, 3) })
		c.where = where
		ns := c.bodyStyle()
		ns.Size, ns.Leading = c.th.Scale.Notes.Size, c.th.Scale.Notes.Leading
		for _, n := range a.Notes {
			num := strconv.Itoa(n.N)
			// the number links back to the reference (linkNotes)
			spans := append([]doc.Span{{Text: num + ".", Style: doc.Strong, Link: backPrefix + num}, {Text: " ", Style: doc.Strong}}, n.Spans...)
			b.tagged(page.RoleNote, func() {
				c.notes[n.N] = c.parent
				c.out.Structure[c.parent].Note = n.N
				b.paragraph(spans, ns, 0, 0)
			})
		}
	}
	return b.elems
}

func (b *builder) add(e elem) { b.elems = append(b.elems, e) }

// tagged makes a structure element of role for what f adds: the content of
// the elements f adds (that no inner element took) belongs to it, and the
// elements f makes go inside it.
func (b *builder) tagged(role page.Role, f func()) {
	n := b.c.node(role, "")
	start := len(b.elems)
	b.c.within(n, f)
	for i := start; i < len(b.elems); i++ {
		tag(b.elems[i].items, n)
		if nw := b.elems[i].narrow; nw != nil {
			tag(nw.items, n)
		}
	}
}

// paragraph adds the lines of a paragraph, indented by indent.
func (b *builder) paragraph(spans []doc.Span, ts TextStyle, indent, firstIndent Length) {
	c := b.c
	width := b.colW - indent
	var capItems []page.Item
	var shape []Length
	// A drop cap opens a paragraph in a column wide enough to keep a
	// measure beside it (narrowEms): in a narrower one its lines beside
	// the letter would hold too few words to justify.
	if b.first && indent == 0 && width >= narrowEms*ts.Size {
		sp := c.th.Space
		if letter, rest, ok := firstLetter(spans); ok && len(doc.PlainText(rest)) > sp.DropCapMin && !strings.HasPrefix(rest[0].Text, " ") {
			n := Length(sp.DropCapLines)
			size := (n-1)*ts.Leading*100/Length(sp.DropCapScale) + ts.Size
			cw := c.opt.Metrics.Width(c.th.Type.DisplayBlack, size, letter) + sp.DropCapGap
			base := ts.Leading*n - c.th.Scale.BaselineRise
			capItems = []page.Item{&page.Text{X: 0, Y: base, Face: string(c.th.Type.DisplayBlack), Size: size, Color: c.th.Accent, Text: letter, HasActual: true}}
			for range sp.DropCapLines {
				shape = append(shape, cw)
			}
			spans = rest
			firstIndent = 0
		}
	}
	b.first = false
	if b.noInd {
		firstIndent = 0
	}
	b.noInd = false
	lines := c.st.setParagraph(spans, ts, width, firstIndent, shape)
	x := indent
	if paragraphDirection(spans) == dirRTL {
		x = 0 // a right-to-left paragraph is indented (in a list, a quote) on the right
	}
	for i, ln := range lines {
		items := c.drawLines([]line{ln}, x, ts.Leading-c.th.Scale.BaselineRise, ts, width)
		if i == 0 && capItems != nil {
			// The first word, read as text, includes its drop cap.
			for _, it := range items {
				if t, ok := it.(*page.Text); ok {
					word := t.Text
					if t.HasActual { // the word goes on on the next line
						word = t.Actual
					}
					t.Actual, t.HasActual = capItems[0].(*page.Text).Text+word, true
					break
				}
			}
			items = append(capItems, items...) // read first: the letter, then the rest
		}
		e := elem{kind: eLine, h: ts.Leading, items: items, idx: i, n: len(lines)}
		if capItems != nil && i < 2 && len(lines) >= 3 {
			e.keepNext = true
		}
		b.add(e)
	}
}

func (b *builder) heading(text string, level int) {
	c := b.c
	size := c.th.Scale.Heading
	face := c.th.Type.DisplayBlack
	if level > 2 {
		size = c.th.Scale.Subheading
		face = c.th.Type.DisplayBold
	}
	ts := sansStyle(face, size, c.th.Grid, c.th.Deep, Left)
	lines := c.setText(text, ts, b.colW)
	for i, ln := range lines {
		e := elem{kind: eHead, h: c.th.Grid, items: c.drawLines([]line{ln}, 0, c.th.Grid-c.th.Scale.BaselineRise, ts, b.colW), keepNext: true}
		if i == 0 {
			e.spaceBefore = c.th.Grid
		}
		b.add(e)
	}
	b.noInd = true
}

// roundGrid rounds a block height up to whole grid lines.
func (b *builder) roundGrid(h Length) Length {
	g := b.c.th.Grid
	return (h + g - 1) / g * g
}

func (b *builder) block(bl doc.Block, indent Length, ts TextStyle) {
	c := b.c
	if p := bl.Position(); p.Line > 0 {
		c.where = p
	}
	switch bl := bl.(type) {
	case *doc.Paragraph:
		b.tagged(page.RoleP, func() { b.paragraph(bl.Spans, ts, indent, ts.Size) })
	case *doc.Heading:
		b.tagged(page.Heading(bl.Level), func() { b.heading(doc.PlainText(bl.Spans), bl.Level) })
	case *doc.Figure:
		b.figure(bl)
	case *doc.PullQuote:
		if bl == c.openerPull {
			// set large in the opener, beside the portrait; read here
			c.as(page.RoleBlockQuote, c.openerPullItems)
			return
		}
		// read where it stands in the source, whatever page it is set on
		b.tagged(page.RoleBlockQuote, func() { b.pullQuote(bl) })
	case *doc.Quote:
		b.tagged(page.RoleBlockQuote, func() { b.quote(bl, indent, ts) })
	case *doc.List:
		b.tagged(page.RoleList, func() { b.list(bl, indent, ts) })
	case *doc.Code:
		b.tagged(page.RoleCode, func() { b.code(bl, indent) })
	case *doc.Table:
		b.tagged(page.RoleTable, func() { b.table(bl, indent) })
	case *doc.Rule:
		mid := b.colW / 2
		b.add(elem{kind: eBlock, h: c.th.Grid, items: []page.Item{&page.Rule{X1: mid - c.th.Space.BreakRule, Y1: c.th.Grid / 2, X2: mid + c.th.Space.BreakRule, Y2: c.th.Grid / 2, Width: c.th.Space.BreakRuleWidth, Color: c.th.Muted}}})
		b.noInd = true
	}
}

func (b *builder) quote(bl *doc.Quote, indent Length, ts TextStyle) {
	c := b.c
	qs := ts
	qs.Regular, qs.Italic = c.th.Type.TextItalic, c.th.Type.Text
	qs.Bold, qs.BoldItalic = c.th.Type.TextBoldItalic, c.th.Type.TextBold
	start := len(b.elems)
	for _, inner := range bl.Blocks {
		b.noInd = true
		b.block(inner, indent+c.th.Space.QuoteIndent, qs)
	}
	bar := indent + c.th.Space.QuoteBar
	if blocksDirection(bl.Blocks) == dirRTL {
		bar = b.colW - bar // on the right of right-to-left text
	}
	for i := start; i < len(b.elems); i++ {
		e := &b.elems[i]
		e.items = append(e.items, &page.Rule{X1: bar, Y1: 0, X2: bar, Y2: e.h, Width: c.th.Space.QuoteBarWidth, Color: c.th.Accent})
	}
	b.noInd = true
}

// list sets a list: each item a label (bullet or number) and a body.
func (b *builder) list(bl *doc.List, indent Length, ts TextStyle) {
	c := b.c
	n := bl.Start
	for _, item := range bl.Items {
		marker := "•"
		if bl.Ordered {
			marker = strconv.Itoa(n) + "."
			n++
		}
		c.within(c.node(page.RoleListItem, ""), func() {
			label := c.node(page.RoleLabel, "")
			start := len(b.elems)
			b.tagged(page.RoleListBody, func() {
				for _, inner := range item {
					b.noInd = true
					b.block(inner, indent+c.th.Space.ListIndent, ts)
				}
			})
			if start < len(b.elems) {
				e := &b.elems[start]
				x := indent + c.th.Space.ListMarker
				if blocksDirection(item) == dirRTL { // the marker on the right of right-to-left text
					x = b.colW - x - c.opt.Metrics.Width(ts.Bold, ts.Size, marker)
				}
				e.items = append(e.items, &page.Text{X: x, Y: c.th.Grid - c.th.Scale.BaselineRise, Face: string(ts.Bold), Size: ts.Size, Color: c.th.Accent, Text: marker, Node: label})
			}
		})
	}
	b.noInd = true
}

func (b *builder) pullQuote(q *doc.PullQuote) { b.setPull(q, b.ncols >= 2) }

// setPull sets a pull quote: as a band across the page, or in the column.
func (b *builder) setPull(q *doc.PullQuote, band bool) {
	c := b.c
	w, align, size := b.colW, Left, c.th.Scale.PullQuote
	if band {
		w, align, size = b.textW*Length(c.th.Space.PullWidth)/100, Center, c.th.Scale.PullQuoteBand
	}
	ts := TextStyle{Regular: c.th.Type.TextBoldItalic, Italic: c.th.Type.TextBold, Bold: c.th.Type.TextBoldItalic, BoldItalic: c.th.Type.TextBold,
		Size: size, Leading: size * Length(c.th.Space.PullLeading) / 100, Color: c.th.Accent, Align: align}
	spans := append([]doc.Span{{Text: "“"}}, q.Spans...)
	spans = append(spans, doc.Span{Text: "”"})
	lines := c.st.setParagraph(spans, ts, w, 0, nil)
	full := b.colW
	x := Length(0)
	if band {
		full = b.textW
		x = (b.textW - w) / 2
	}
	sp := c.th.Space
	items := []page.Item{&page.Rule{X1: 0, Y1: sp.PullRule, X2: full, Y2: sp.PullRule, Width: sp.PullRuleWidth, Color: c.th.Accent}}
	y := sp.PullRule + sp.PullOver + ts.Size
	items = append(items, c.drawLines(lines, x, y, ts, w)...)
	y += Length(len(lines)-1)*ts.Leading + sp.PullUnder
	if q.Attribution != "" {
		as := sansStyle(c.th.Type.DisplayBold, c.th.Scale.Attribution.Size, c.th.Scale.Attribution.Leading, c.th.Ink, align)
		y += sp.PullAttribution
		items = append(items, c.drawLines(c.lines("— "+q.Attribution, as, w, 2), x, y, as, w)...)
	}
	y += sp.PullEnd
	items = append(items, &page.Rule{X1: 0, Y1: y, X2: full, Y2: y, Width: sp.PullRuleWidth, Color: c.th.Accent})
	if band {
		b.add(elem{kind: ePage, band: true, h: b.roundGrid(y + c.th.Grid/2), items: items})
	} else {
		b.add(elem{kind: eBlock, h: b.roundGrid(y + c.th.Grid/2), items: items, spaceBefore: c.th.Grid})
	}
	b.noInd = true
}

func (b *builder) code(cb *doc.Code, indent Length) {
	c := b.c
	size := c.th.Scale.Code
	lead := c.th.Grid * Length(c.th.Space.CodeLeading) / 100
	w := b.colW - indent - c.th.Space.CodePad
	cwid := c.opt.Metrics.Width(fonts.Mono, size, "0")
	perLine := int(w / cwid)
	if perLine < 8 {
		perLine = 8
	}
	var lines []string
	for _, l := range strings.Split(strings.ReplaceAll(cb.Text, "\t", "    "), "\n") {
		r := []rune(l)
		for len(r) > perLine {
			// break after a space or punctuation when there is one
			cut := perLine
			for k := perLine; k > perLine/2; k-- {
				if strings.ContainsRune(" #/,;.-_=&?", r[k-1]) {
					cut = k
					break
				}
			}
			lines = append(lines, string(r[:cut]))
			r = r[cut:]
		}
		lines = append(lines, string(r))
	}
	total := Length(0)
	for i, l := range lines {
		h := lead
		if i == len(lines)-1 {
			h = b.roundGrid(total+lead+c.th.Space.CodePad) - total
		}
		items := []page.Item{&page.Rect{X: indent, Y: 0, W: b.colW - indent, H: lead, Fill: c.th.Tint}}
		if l != "" {
			items = append(items, c.drawLines(c.st.monoLine(l, size, c.th.Ink), indent+c.th.Space.CodeInset, lead-c.th.Space.CodeBaseline, TextStyle{Leading: lead}, w)...)
		}
		// the lines of a code block are kept as a paragraph's: no widows,
		// no orphans
		b.add(elem{kind: eLine, h: h, items: items, idx: i, n: len(lines)})
		total += h
	}
	b.noInd = true
}

// monoLine sets a line of code without breaking it.
func (st *setter) monoLine(s string, size Length, color Color) []line {
	fs := st.fragsFor(s, fonts.Mono, size, 0, color, "")
	var ln line
	x := Length(0)
	for _, f := range fs {
		ln.frags = append(ln.frags, placed{f, x})
		x += f.width
	}
	ln.width = x
	return []line{ln}
}

// maxWholeTable is the most rows (under its header) a table has and is
// never split: a longer one may break between rows, its header repeated
// at the top of the next column.
const maxWholeTable = 12

func (b *builder) table(t *doc.Table, indent Length) {
	c := b.c
	ncol := len(t.Align)
	if ncol == 0 {
		return
	}
	// Cells are never hyphenated: a word too long for its column is what
	// the column's width is made for.
	ts := TextStyle{Regular: c.th.Type.Display, Italic: c.th.Type.DisplayItalic, Bold: c.th.Type.DisplayBold, BoldItalic: c.th.Type.DisplayBold,
		Size: c.th.Scale.Caption.Size, Leading: c.th.Scale.Caption.Leading, Color: c.th.Ink, Align: Left}
	widths, fits := b.tableWidths(t, b.colW-indent, ts)
	for size := ts.Size; !fits && size > ts.Size*8/10; {
		// a table whose longest words do not fit the column is set a
		// little smaller, before a word would have to break
		size -= ts.Size / 20
		small := ts
		small.Size, small.Leading = size, ts.Leading*size/ts.Size
		if widths, fits = b.tableWidths(t, b.colW-indent, small); fits {
			ts = small
		}
	}
	rows := append([][][]doc.Span{t.Header}, t.Rows...)
	var elems []elem
	for ri, r := range rows {
		if ri == 0 && len(t.Header) == 0 {
			continue
		}
		elems = append(elems, b.tableRow(t, r, ri == 0, widths, indent, ts))
	}
	// the last row completes the table to whole grid lines
	sum := Length(0)
	for _, e := range elems {
		sum += e.h
	}
	elems[len(elems)-1].h += b.roundGrid(sum+c.th.Grid/2) - sum
	elems[0].spaceBefore = c.th.Grid / 2
	if len(t.Rows) <= maxWholeTable {
		// one block: a short table is read whole, never split
		whole := elem{kind: eBlock, spaceBefore: elems[0].spaceBefore}
		for _, e := range elems {
			whole.items = append(whole.items, translate(e.items, 0, whole.h)...)
			whole.h += e.h
		}
		b.add(whole)
	} else {
		var head *elem
		if len(t.Header) > 0 {
			elems[0].keepNext = true
			// the header again, as decoration, atop each column the
			// table continues in
			h := elems[0]
			h.items, h.spaceBefore = decoration(h.items), 0
			head = &h
		}
		for k := range elems {
			if k > 0 || head == nil {
				elems[k].head = head
			}
			b.add(elems[k])
		}
	}
	b.noInd = true
}

// decoration copies items as decoration: read by no one (a repeated
// table header: its cells were read where the table starts).
func decoration(items []page.Item) []page.Item {
	out := make([]page.Item, len(items))
	for i, it := range items {
		out[i] = it.Moved(0, 0)
		switch t := out[i].(type) {
		case *page.Text:
			t.Node = page.Decoration
		case *page.Image:
			t.Node = page.Decoration
		}
	}
	return out
}

// tableWidths gives each column at least its longest word (in the
// header's bold face for the header) and the rest of the width w in
// proportion to how much text it holds; fits is false when the longest
// words do not fit w.
func (b *builder) tableWidths(t *doc.Table, w Length, ts TextStyle) (widths []Length, fits bool) {
	c := b.c
	ncol := len(t.Align)
	need := make([]Length, ncol)
	want := make([]Length, ncol)
	rows := append([][][]doc.Span{t.Header}, t.Rows...)
	for ri, r := range rows {
		face := c.th.Type.Display
		if ri == 0 {
			face = c.th.Type.DisplayBold
		}
		for j := 0; j < ncol && j < len(r); j++ {
			txt := doc.PlainText(r[j])
			want[j] = max(want[j], c.opt.Metrics.Width(face, ts.Size, txt)+2*c.th.Space.CellPad)
			for _, word := range strings.Fields(txt) {
				need[j] = max(need[j], c.opt.Metrics.Width(face, ts.Size, word)+2*c.th.Space.CellPad)
			}
		}
	}
	if fits = sumOf(need) <= w; !fits {
		// the longest words cannot all be whole: none takes more than
		// its share
		for j := range need {
			need[j] = min(need[j], w/Length(ncol))
		}
	}
	total, extra := Length(0), Length(0)
	for j := range need {
		need[j] = max(need[j], c.th.Space.MinColumn)
		want[j] = max(want[j], need[j])
		total += need[j]
		extra += want[j] - need[j]
	}
	widths = make([]Length, ncol)
	for j := range widths {
		switch {
		case total >= w:
			widths[j] = need[j] * w / total
		case extra > 0:
			widths[j] = need[j] + min(want[j]-need[j], (w-total)*(want[j]-need[j])/extra)
		default:
			widths[j] = need[j]
		}
	}
	// whatever is left widens the columns evenly
	sum := Length(0)
	for _, x := range widths {
		sum += x
	}
	for j := range widths {
		widths[j] += (w - sum) / Length(ncol)
	}
	return widths, fits
}

func sumOf(ls []Length) Length {
	s := Length(0)
	for _, l := range ls {
		s += l
	}
	return s
}

// tableRow sets one row of a table (the header when head) as an element:
// its cells, as structure, and the rule under it.
func (b *builder) tableRow(t *doc.Table, r [][]doc.Span, head bool, widths []Length, indent Length, ts TextStyle) elem {
	c := b.c
	rs := ts
	cellRole := page.RoleCell
	if head {
		rs.Regular, cellRole = c.th.Type.DisplayBold, page.RoleHeaderCell
	}
	var items []page.Item
	maxLines := 1
	x := indent
	row := c.node(page.RoleRow, "")
	for j := range widths {
		var cell []doc.Span
		if j < len(r) {
			cell = r[j]
		}
		cs := rs
		switch t.Align[j] {
		case doc.AlignRight:
			cs.Align = Right
		case doc.AlignCenter:
			cs.Align = Center
		}
		pad := c.th.Space.CellPad
		lines := c.st.setParagraph(cell, cs, widths[j]-2*pad, 0, nil)
		var cellItems []page.Item
		c.within(row, func() {
			cell := c.cell(cellRole)
			c.within(cell, func() { cellItems = tag(c.drawLines(lines, x+pad, pad+ts.Size, cs, widths[j]-2*pad), cell) })
		})
		items = append(items, cellItems...)
		maxLines = max(maxLines, len(lines))
		x += widths[j]
	}
	w := b.colW - indent
	h := Length(maxLines)*ts.Leading + c.th.Space.RowUnder
	if head {
		// the tint first, under the cells
		items = append([]page.Item{&page.Rect{X: indent, Y: 0, W: w, H: h, Fill: c.th.Tint}}, items...)
	}
	items = append(items, &page.Rule{X1: indent, Y1: h, X2: indent + w, Y2: h, Width: c.th.Space.RowRuleWidth, Color: c.th.Muted})
	return elem{kind: eBlock, h: h, items: items}
}

// ---- the flow ----------------------------------------------------------------

// The flow's rules of thumb, in tenths (or percent) of what they compare:
const (
	// narrowSlack: a short article keeps its photos at column width when
	// its text, a fifth more, fits on its opener.
	narrowSlack = 12
	// openerSlack: wide figures close the opener page when its text, a
	// tenth more, fits above them.
	openerSlack = 11
	// lookAhead: the wide figures a page takes are those the next seven
	// tenths of its text area of text reach.
	lookAhead = 7
	// widePhotos: wide figures take at most this percent of a page's
	// height while text is still to come.
	widePhotos = 60
)

type frame struct{ x, y, h Length }

type placement struct {
	e     *elem
	frame int
	y     Length
}

// fill places elements from index i (after any pending floats) into the
// frames. It returns what it placed, the next element and the floats still
// waiting.
func (c *composer) fill(frames []frame, elems []elem, i int, pending []int) ([]placement, int, []int) {
	var out []placement
	for fi, fr := range frames {
		if fr.h < c.th.Grid {
			continue
		}
		y := Length(0)
		// Floats that waited go to the top of the column.
		var still []int
		for _, pi := range pending {
			e := &elems[pi]
			if y+e.h <= fr.h || y == 0 {
				out = append(out, placement{e, fi, y})
				y += e.h
			} else {
				still = append(still, pi)
			}
		}
		pending = still
		for i < len(elems) {
			e := &elems[i]
			if e.kind == ePage {
				i++ // placed by the page, not the column
				continue
			}
			sb := e.spaceBefore
			if y == 0 {
				sb = 0
			}
			need := sb + e.h
			var head *elem // a long table's rows continue: its header again
			if e.head != nil && y == 0 {
				head = e.head
				need += head.h
			}
			if e.kind == eFloat {
				if len(pending) > 0 {
					// a figure already waits for the next column: the text
					// runs on to this one and no further, so that figures
					// stay near the paragraphs that introduce them
					break
				}
				if y+need > fr.h && y > 0 {
					pending = append(pending, i)
					i++
					if next := nextFloat(elems, i); next >= 0 && e.h+elems[next].h > fr.h {
						// the next figure could not join it atop the next
						// column: its paragraph waits there too
						break
					}
					continue
				}
			}
			// Keep headings with the two lines after them.
			if e.keepNext {
				extra := Length(0)
				for k, n := i+1, 0; k < len(elems) && n < 2; k++ {
					if elems[k].kind == eFloat {
						continue
					}
					extra += elems[k].h
					n++
					if !elems[k].keepNext && elems[k].kind != eHead {
						if elems[k].kind != eLine {
							break
						}
					}
				}
				if y > 0 && y+need+extra > fr.h && need+extra <= fr.h {
					break
				}
			}
			// No orphans: a paragraph's first line goes with its second;
			// a paragraph of three lines stays whole, as 2+1 would leave a
			// widow and 1+2 an orphan.
			if e.kind == eLine && e.idx == 0 && e.n > 1 && y > 0 {
				keep, h := min(e.n, 2), need
				if e.n == 3 {
					keep = 3
				}
				for k := 1; k < keep && i+k < len(elems); k++ {
					h += elems[i+k].h
				}
				if y+h > fr.h {
					break
				}
			}
			// No widows: never leave a paragraph's last line alone at the
			// top of a column; take a second line along.
			if e.kind == eLine && e.idx == e.n-2 && e.idx >= 2 && y+need <= fr.h && y+need+elems[i+1].h > fr.h {
				break
			}
			if y+need > fr.h && y > 0 {
				break
			}
			if head != nil {
				out = append(out, placement{head, fi, y})
				y += head.h
				need -= head.h
			}
			out = append(out, placement{e, fi, y + sb})
			y += need
			i++
		}
	}
	return out, i, pending
}

func (c *composer) flow(elems []elem, firstTop Length, ncols int, colX []Length, hero, runIn bool) {
	unplaced := func() bool {
		for k := range elems {
			if elems[k].kind == ePage && !elems[k].placed {
				return true
			}
		}
		return false
	}
	// A short article that fits on its opener page with its photos at
	// column width keeps them there rather than opening a page for them.
	text := Length(0)
	for _, e := range elems {
		switch {
		case e.narrow != nil:
			text += e.narrow.h
		default:
			text += e.h + e.spaceBefore
		}
	}
	// So does a short item running in below another: its photos stay in
	// its columns, never at the head of a page above what follows.
	if runIn || text*narrowSlack/10 <= Length(ncols)*(c.bodyBottom()-firstTop) {
		for k := range elems {
			if elems[k].narrow != nil {
				elems[k] = *elems[k].narrow
			}
		}
	}
	i := 0
	var pending []int
	top := firstTop
	first := true
	for {
		pi := len(c.out.Pages) - 1
		pg := c.out.Pages[pi]
		var frames []frame
		band := false
		switch {
		case first && hero:
			// The opener has its hero photo: wide figures may close the
			// page only when the whole article then fits on it.
			frames = c.openerFigures(pg, pi, elems, ncols, colX, top)
		default:
			frames, band = c.pageElements(pg, pi, elems, i, ncols, colX, top)
			if frames == nil {
				// a full-page photo: nothing else on this page
				if i >= len(elems) && len(pending) == 0 && !unplaced() {
					return
				}
				c.newPage(page.KindArticle)
				continue
			}
		}
		first = false
		startI, startPending := i, append([]int(nil), pending...)
		placed, next, still := c.fill(frames, elems, i, pending)
		i, pending = next, still
		textDone := i >= len(elems) && len(pending) == 0
		if textDone && !band && len(frames) > 0 {
			placed = c.narrowLast(frames, elems, startI, startPending, placed)
		}
		if textDone && ncols > 1 && !band && len(placed) > 0 {
			// The text ends on this page: balance its columns (photos
			// still to come go on pages of their own).
			placed = c.balance(frames, elems, startI, startPending, placed)
		}
		c.put(pg, frames, placed)
		if textDone && unplaced() && !band && len(frames) > 0 {
			c.figuresUnder(pg, frames, elems, placed)
		}
		if textDone && !unplaced() {
			return
		}
		c.newPage(page.KindArticle)
		top = c.th.MarginTop
	}
}

// openerFigures puts an article's wide figures at the foot of its opener
// page when all of its text fits above them: a short article then needs no
// page for its photos alone.
func (c *composer) openerFigures(p *page.Page, pi int, elems []elem, ncols int, colX []Length, top Length) []frame {
	bottom := c.bodyBottom()
	x, _ := c.textBox(pi)
	text, figH := Length(0), Length(0)
	var figs []int
	for k := range elems {
		switch {
		case elems[k].kind == ePage && !elems[k].band:
			figs = append(figs, k)
			figH += elems[k].h
		default:
			text += elems[k].h + elems[k].spaceBefore
		}
	}
	h := bottom - top
	if len(figs) > 0 && len(figs) <= 2 && figH <= h/2 && text*openerSlack/10 <= Length(ncols)*(h-figH) {
		y := bottom - figH
		for _, k := range figs {
			p.Items = append(p.Items, translate(elems[k].items, x, y)...)
			elems[k].placed = true
			y += elems[k].h
		}
		h -= figH
	}
	out := make([]frame, ncols)
	for k := range out {
		out[k] = frame{x: x + colX[k], y: top, h: h}
	}
	return out
}

// pageElements places the elements that span the columns on a new page:
// wide figures at the top (those the text has passed first, then those
// coming up on this page), and one pull quote as a band across the middle
// of the columns. It returns the column frames left for the text, in
// reading order.
func (c *composer) pageElements(p *page.Page, pi int, elems []elem, i, ncols int, colX []Length, top Length) ([]frame, bool) {
	bottom := c.bodyBottom()
	x, textW := c.textBox(pi)
	capacity := Length(ncols) * (bottom - top) * lookAhead / 10
	remaining := Length(0)
	for k := i; k < len(elems); k++ {
		if elems[k].kind != ePage {
			remaining += elems[k].h
		}
	}
	// With the text all set, the photos left fill whole pages.
	maxFigs, budget := 2, (bottom-top)*widePhotos/100
	if remaining == 0 {
		maxFigs, budget = 4, bottom-top
	}
	if remaining == 0 {
		// One photo left after the text: it gets the whole page.
		var left []int
		for k := range elems {
			if elems[k].kind == ePage && !elems[k].placed && !elems[k].band {
				left = append(left, k)
			}
		}
		if len(left) == 1 && elems[left[0]].fig != nil && c.fullPageOK(elems[left[0]].fig) {
			c.fullPagePhoto(p, pi, elems[left[0]].fig, elems[left[0]].figNodes)
			elems[left[0]].placed = true
			return nil, false
		}
	}
	var figs []int
	quote := -1
	figH := Length(0)
	seen := Length(0)
	for k := range elems {
		e := &elems[k]
		if k >= i && e.kind != ePage {
			seen += e.h
		}
		if k >= i && seen > capacity {
			break
		}
		if e.kind != ePage || e.placed {
			continue
		}
		if e.band {
			if quote < 0 {
				quote = k
			}
			continue
		}
		if len(figs) < maxFigs && figH+e.h <= budget {
			figs = append(figs, k)
			figH += e.h
		}
	}
	y := top
	for _, k := range figs {
		p.Items = append(p.Items, translate(elems[k].items, x, y)...)
		elems[k].placed = true
		y += elems[k].h
	}
	top = y
	fs := func(t, h Length) []frame {
		out := make([]frame, ncols)
		for k := range out {
			out[k] = frame{x: x + colX[k], y: t, h: h}
		}
		return out
	}
	if quote >= 0 {
		q := &elems[quote]
		room := bottom - top
		if remaining < Length(ncols)*(room-q.h) {
			// The text ends on this page: the quote opens it rather than
			// splitting columns that would not fill.
			if q.h <= room {
				p.Items = append(p.Items, translate(q.items, x, top)...)
				q.placed = true
				top += q.h
			}
			return fs(top, bottom-top), false
		}
		if room >= q.h+8*c.th.Grid {
			bandY := c.gridY(top + (room-q.h)/2)
			p.Items = append(p.Items, translate(q.items, x, bandY)...)
			q.placed = true
			_ = textW
			return append(fs(top, bandY-top), fs(bandY+q.h, bottom-bandY-q.h)...), true
		}
	}
	return fs(top, bottom-top), false
}

// balance finds the shortest column height that still holds the last page's
// elements, so that the columns end level.
func (c *composer) balance(frames []frame, elems []elem, i int, pending []int, placed []placement) []placement {
	full := frames[0].h
	total := Length(0)
	for k := i; k < len(elems); k++ {
		if elems[k].kind != ePage {
			total += elems[k].h + elems[k].spaceBefore
		}
	}
	for _, p := range pending {
		total += elems[p].h
	}
	g := c.th.Grid
	start := (total/Length(len(frames)) + g - 1) / g * g
	for h := start; h < full; h += g {
		fs := make([]frame, len(frames))
		for k := range frames {
			fs[k] = frames[k]
			fs[k].h = h
		}
		p, next, still := c.fill(fs, elems, i, append([]int(nil), pending...))
		if next >= len(elems) && len(still) == 0 {
			return p
		}
	}
	return placed
}

func (c *composer) put(p *page.Page, frames []frame, placed []placement) {
	// Every trial puts an article's items on its pages: their texts are
	// copied into one block, not one by one.
	n, texts := 0, 0
	for _, pl := range placed {
		n += len(pl.e.items)
		for _, it := range pl.e.items {
			if _, ok := it.(*page.Text); ok {
				texts++
			}
		}
	}
	p.Items = slices.Grow(p.Items, n)
	block := make([]page.Text, texts)
	for _, pl := range placed {
		fr := frames[pl.frame]
		dx, dy := fr.x, fr.y+pl.y
		for _, it := range pl.e.items {
			t, ok := it.(*page.Text)
			if !ok {
				p.Items = append(p.Items, it.Moved(dx, dy))
				continue
			}
			moved := &block[0]
			block = block[1:]
			*moved = *t
			moved.X, moved.Y = moved.X+dx, moved.Y+dy
			p.Items = append(p.Items, moved)
		}
	}
}

// figuresUnder sets, in the room left under an article's last lines on
// page pg, the wide figures still to come that fit there.
func (c *composer) figuresUnder(pg *page.Page, frames []frame, elems []elem, placed []placement) {
	used := Length(0)
	for _, pl := range placed {
		used = max(used, frames[pl.frame].y+pl.y+pl.e.h)
	}
	if used == 0 {
		used = frames[0].y
	}
	room := c.bodyBottom() - used - c.th.Grid
	x, _ := c.textBox(len(c.out.Pages) - 1)
	var take []int
	h := Length(0)
	for k := range elems {
		e := &elems[k]
		if e.kind == ePage && !e.placed && !e.band && h+e.h <= room {
			take = append(take, k)
			h += e.h
		}
	}
	y := c.bodyBottom() - h
	for _, k := range take {
		pg.Items = append(pg.Items, translate(elems[k].items, x, y)...)
		elems[k].placed = true
		y += elems[k].h
	}
}

// narrowLast keeps an article's last figures on the page its text ends
// on, near the paragraphs that introduce them: when the wide figures
// still to come (one or two; a photo story's more go on pages of photos)
// would not fit under the last lines, they are set at column width in the
// flow, if all then fits this page. It returns the placements.
func (c *composer) narrowLast(frames []frame, elems []elem, i int, pending []int, placed []placement) []placement {
	var wide []int
	need := Length(0)
	for k := range elems {
		if e := &elems[k]; e.kind == ePage && !e.placed && !e.band && e.narrow != nil {
			wide = append(wide, k)
			need += e.h
		}
	}
	if len(wide) == 0 || len(wide) > 2 || wide[0] < i {
		return placed // none; a photo story's pages of photos; or the text they follow is set already
	}
	used := frames[0].y
	for _, pl := range placed {
		used = max(used, frames[pl.frame].y+pl.y+pl.e.h)
	}
	if need <= c.bodyBottom()-used-c.th.Grid {
		return placed // they fit wide under the text
	}
	trial := slices.Clone(elems)
	for _, k := range wide {
		trial[k] = *trial[k].narrow
	}
	p, next, still := c.fill(frames, trial, i, slices.Clone(pending))
	if next < len(trial) || len(still) > 0 {
		return placed
	}
	copy(elems, trial)
	return p
}

// nextFloat is the index of the first figure in the column flow from i,
// or -1.
func nextFloat(elems []elem, i int) int {
	for k := i; k < len(elems); k++ {
		if elems[k].kind == eFloat {
			return k
		}
	}
	return -1
}
