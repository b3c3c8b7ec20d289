package layout

import (
	"cmp"
	"slices"
	"unicode/utf8"

	"magz/fonts"
	"magz/internal/doc"

	"golang.org/x/text/unicode/bidi"
)

// Right-to-left text. Lines are broken in logical order (the order the
// editor wrote); a line holding right-to-left text (Arabic, Hebrew) is
// then laid out in visual order by the Unicode Bidirectional Algorithm
// (UAX #9): levels are resolved by golang.org/x/text/unicode/bidi (the
// weak and neutral types and paired brackets, with Unicode's tables), and
// runs are reversed by level as rule L2 says. The glyphs of a
// right-to-left fragment are written in visual order, which is how PDF
// text is extracted: readers reverse right-to-left runs back. The
// fragments are drawn in logical order (the order readers and the
// structure tree meet them), except that a run of right-to-left text
// (with the numbers in it) is drawn as one piece, left to right, as PDF
// writers draw it and readers expect: pdf.js makes one text of pieces
// drawn forwards, with the spaces between them, and puts it in logical
// order; of pieces drawn backwards, word after word leftwards, it makes
// words without the spaces between them.

// direction is a paragraph's: the direction its lines run in, which side
// they start from (where the first line's indent goes, where a short line
// sits).
type direction int8

const (
	// dirAuto: unknown (a line set on its own); a line is taken as right
	// to left when it has no left-to-right letter
	dirAuto direction = iota
	dirLTR
	dirRTL
)

// paragraphDirection is the direction of a paragraph: that of its first
// strong character (UAX #9, rules P2 and P3), left to right when it has
// none.
func paragraphDirection(spans []doc.Span) direction {
	for _, sp := range spans {
		for _, r := range sp.Text {
			p, _ := bidi.LookupRune(r)
			switch p.Class() {
			case bidi.L:
				return dirLTR
			case bidi.R, bidi.AL:
				return dirRTL
			}
		}
	}
	return dirLTR
}

// blocksDirection is the direction of the first paragraph of blocks (a
// list item's, a quotation's) that has a strong letter; left to right
// when none has.
func blocksDirection(blocks []doc.Block) direction {
	d, _ := firstDirection(blocks)
	return d
}

func firstDirection(blocks []doc.Block) (direction, bool) {
	for _, bl := range blocks {
		var spans []doc.Span
		switch bl := bl.(type) {
		case *doc.Paragraph:
			spans = bl.Spans
		case *doc.Heading:
			spans = bl.Spans
		case *doc.Quote:
			if d, ok := firstDirection(bl.Blocks); ok {
				return d, true
			}
		}
		for _, sp := range spans {
			if hasStrong(sp.Text) {
				return paragraphDirection(spans), true
			}
		}
	}
	return dirLTR, false
}

// hasStrong tells whether text has a letter of a direction (UAX #9's
// strong types).
func hasStrong(text string) bool {
	for _, r := range text {
		switch p, _ := bidi.LookupRune(r); p.Class() {
		case bidi.L, bidi.R, bidi.AL:
			return true
		}
	}
	return false
}

// strongFace follows the strong letters of frags: after a right-to-left
// one, the face it is set in; after a left-to-right one, none; was when
// there are none.
func strongFace(frags []frag, was fonts.Face) fonts.Face {
	for _, f := range frags {
		for _, r := range f.text {
			switch p, _ := bidi.LookupRune(r); p.Class() {
			case bidi.R, bidi.AL:
				was = f.face
			case bidi.L:
				was = ""
			}
		}
	}
	return was
}

// needsBidi tells whether a line has right-to-left text, and whether it
// is right to left as a whole (no left-to-right letter in it).
func needsBidi(ln line) (needs, rtl bool) {
	rtl = true
	for _, f := range ln.frags {
		for _, r := range f.text {
			p, _ := bidi.LookupRune(r)
			switch p.Class() {
			case bidi.R, bidi.AL, bidi.AN:
				needs = true
			case bidi.L:
				rtl = false
			}
		}
	}
	return needs, needs && rtl
}

// levels resolves the embedding level of each rune of text, a line in
// logical order: even levels run left to right, odd ones right to left.
// rtl is the paragraph's direction.
func levels(text []rune, rtl bool) []int {
	var p bidi.Paragraph
	// x/text guesses a paragraph's direction from its first strong
	// character; a left-to-right or right-to-left mark gives it
	mark := "\u200e"
	if rtl {
		mark = "\u200f"
	}
	p.SetString(mark + string(text))
	o, err := p.Order()
	out := make([]int, len(text))
	if err != nil {
		return out
	}
	base := 0
	if rtl {
		base = 1
	}
	const shift = 1 // the mark
	for i := range o.NumRuns() {
		run := o.Run(i)
		start, end := run.Pos()
		lvl := base
		switch {
		case run.Direction() == bidi.RightToLeft:
			lvl = 1
		case base == 1 || arabicNumber(text, start-shift, end-shift):
			lvl = 2 // left to right inside right to left
		}
		for k := max(start-shift, 0); k <= end-shift && k < len(out); k++ {
			out[k] = lvl
		}
	}
	return out
}

// arabicNumber tells whether text[start:end+1] is a number (or neutral
// text) that follows right-to-left text, with no left-to-right letter in
// it: the algorithm puts such a number at level 2 inside a left-to-right
// paragraph (rules W2 and I1), so that it stays within the right-to-left
// run around it.
func arabicNumber(text []rune, start, end int) bool {
	if start < 0 {
		start = 0
	}
	for k := start; k <= end && k < len(text); k++ {
		p, _ := bidi.LookupRune(text[k])
		if p.Class() == bidi.L {
			return false
		}
	}
	for k := start - 1; k >= 0; k-- {
		p, _ := bidi.LookupRune(text[k])
		switch p.Class() {
		case bidi.R, bidi.AL:
			return true
		case bidi.L:
			return false
		}
	}
	return false
}

// visual lays a line out in visual order: fragments of mixed levels are
// split, runs are reversed from the highest level down (L2), each
// reversal mirroring the fragments' places within the run's extent (so
// justified gaps stay where they fall), and right-to-left fragments have
// their glyphs reversed. spaced tells, in logical order, which fragments
// a word space follows; the result says the same of the pieces. The
// pieces come in the order they are drawn (see above); run numbers the
// runs of right-to-left text from 1 (0: a piece in none).
func (st *setter) visual(ln line, spaced []bool, rtl bool) (out []placed, sp []bool, run []int) {
	var text []rune
	for i, f := range ln.frags {
		text = append(text, []rune(f.text)...)
		if spaced[i] {
			text = append(text, ' ')
		}
	}
	lv := levels(text, rtl)
	// split fragments where the level changes
	type piece struct {
		placed
		level  int
		spaced bool
	}
	var ps []piece
	at := 0
	for i, f := range ln.frags {
		rs := []rune(f.text)
		x := f.x
		start := 0
		for k := 1; k <= len(rs); k++ {
			if k < len(rs) && lv[at+k] == lv[at+start] {
				continue
			}
			p := piece{placed: f, level: lv[at+start]}
			p.text = string(rs[start:k])
			p.x = x
			if start > 0 || k < len(rs) {
				p.width = st.m.Width(f.face, f.size, p.text) + f.track*Length(k-start)
				p.hasActual, p.actual = false, ""
			}
			p.spaced = spaced[i] && k == len(rs)
			x += p.width
			ps = append(ps, p)
			start = k
		}
		at += len(rs)
		if spaced[i] {
			at++
		}
	}
	// L2: from the highest level down to the lowest odd one, reverse every
	// run at that level or above
	order := make([]int, len(ps))
	top, low := 0, 1<<30
	for i := range ps {
		order[i] = i
		top = max(top, ps[i].level)
		if ps[i].level%2 == 1 {
			low = min(low, ps[i].level)
		}
	}
	for lvl := top; lvl >= low && lvl >= 1; lvl-- {
		for i := 0; i < len(order); {
			if ps[order[i]].level < lvl {
				i++
				continue
			}
			j := i
			for j < len(order) && ps[order[j]].level >= lvl {
				j++
			}
			left := ps[order[i]].x
			right := ps[order[j-1]].x + ps[order[j-1]].width
			for k := i; k < j; k++ {
				p := &ps[order[k]]
				p.x = left + right - p.x - p.width
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				order[a], order[b] = order[b], order[a]
			}
			i = j
		}
	}
	for i := range ps {
		if p := &ps[i]; p.level%2 == 1 && utf8.RuneCountInString(p.text) > 1 {
			p.text = bidi.ReverseString(p.text) // marks stay after their letters, brackets mirror
		}
	}
	// the order of drawing: logical, a right-to-left run left to right
	runs := 0
	for i := 0; i < len(ps); {
		if !rightToLeft(ps[i].level, ps[i].text) {
			out, sp, run = append(out, ps[i].placed), append(sp, ps[i].spaced), append(run, 0)
			i++
			continue
		}
		j := i
		for j < len(ps) && rightToLeft(ps[j].level, ps[j].text) {
			j++
		}
		part := slices.Clone(ps[i:j])
		slices.SortStableFunc(part, func(a, b piece) int { return cmp.Compare(a.x, b.x) })
		runs++
		for _, p := range part {
			out, sp, run = append(out, p.placed), append(sp, p.spaced), append(run, runs)
		}
		i = j
	}
	return out, sp, run
}

// rightToLeft tells whether a piece at a level belongs to a run of
// right-to-left text: it runs right to left, or it sits inside such text
// and has no left-to-right letter (a number in Arabic).
func rightToLeft(level int, text string) bool {
	if level%2 == 1 {
		return true
	}
	if level == 0 {
		return false
	}
	for _, r := range text {
		if p, _ := bidi.LookupRune(r); p.Class() == bidi.L {
			return false
		}
	}
	return true
}
