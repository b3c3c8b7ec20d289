package layout

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"
	"golang.org/x/text/unicode/norm"

	"magz/fonts"
	"magz/internal/doc"
	"magz/layout/hyph"
	"magz/layout/shape"
)

// TextStyle says how a paragraph is set.
type TextStyle struct {
	Regular, Italic, Bold, BoldItalic fonts.Face
	Size                              Length
	Leading                           Length
	Color                             Color
	Align                             Align
	Hyphenate                         bool
	// TrackStretch and TrackShrink bound letter-spacing in justified lines,
	// in thousandths of the size per character (0: the defaults).
	TrackStretch, TrackShrink int
}

func (s TextStyle) track(width Length) (stretch, shrink int) {
	stretch, shrink = s.TrackStretch, s.TrackShrink
	if stretch == 0 {
		stretch = trackStretch
		if width < narrowEms*s.Size {
			stretch = trackStretchNarrow
		}
	}
	if shrink == 0 {
		shrink = trackShrink
	}
	return
}

// Align of lines in a paragraph.
type Align int

const (
	Justify Align = iota
	Left
	Center
	Right
)

func (s TextStyle) face(st doc.Style) fonts.Face {
	switch {
	case st&doc.Mono != 0:
		return fonts.Mono
	case st&doc.Strong != 0 && st&doc.Emph != 0:
		return s.BoldItalic
	case st&doc.Strong != 0:
		return s.Bold
	case st&doc.Emph != 0:
		return s.Italic
	}
	return s.Regular
}

// frag is a run of text in one face, the unit drawn as a Text item.
type frag struct {
	text  string
	face  fonts.Face
	size  Length
	rise  Length // raise above the baseline (superscripts)
	color Color
	link  string
	width Length
	track Length // extra space after each character (letter-spacing)
	// actual, when hasActual, is what the fragment reads as (a word
	// broken at a line end reads whole from its first part)
	actual    string
	hasActual bool
}

// line is a set line: fragments with x offsets from the line start.
type line struct {
	frags []placed
	width Length // natural width when not justified
	// midWord: the line ends inside a word (a hyphen, an address, an
	// emergency break), so no word space follows its last fragment
	midWord bool
	// hyphen: the breaking added a hyphen at the line's end.
	hyphen bool
	// dir is the direction of the paragraph the line belongs to.
	dir direction
}

type placed struct {
	frag
	x Length
}

// setter sets paragraphs; it reports characters no bundled face can draw.
type setter struct {
	m       *Metrics
	hyph    hyph.Hyphenator
	missing func(r rune)
	// set remembers the paragraphs already broken into lines: copyfitting
	// sets an article several times, and only its photos change. Trials
	// set at the same time (setAtOnce) each have a copy of the setter, and
	// share this.
	set *paraCache
}

// paraCache are paragraphs broken into lines, by paraKey, shared by the
// trials set at the same time (setAtOnce).
type paraCache struct {
	mu sync.Mutex
	m  map[paraKey]paraSet
}

// paraKey names a paragraph set at a width: its spans (written out, see
// spansKey), its style and its shape.
type paraKey struct {
	spans              string
	ts                 TextStyle
	width, firstIndent Length
	indent             Length // the drop cap's, on the first nIndent lines
	nIndent            int
}

type paraSet struct{ lines []line }

// spansKey writes spans out whole: the same text, styles, links, notes and
// breaks give the same key, and no other spans do.
func spansKey(spans []doc.Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(strconv.Itoa(len(s.Text)))
		b.WriteByte(':')
		b.WriteString(s.Text)
		b.WriteString(strconv.Itoa(len(s.Link)))
		b.WriteByte(':')
		b.WriteString(s.Link)
		fmt.Fprintf(&b, "/%d/%d/%t;", s.Style, s.Note, s.Break)
	}
	return b.String()
}

// fragsFor splits s into runs of face, using the fallback face for
// characters face lacks. Characters no face has are reported and left out.
func (st *setter) fragsFor(s string, face fonts.Face, size, rise Length, color Color, link string) []frag {
	var out []frag
	var cur strings.Builder
	curFace := face
	flush := func() {
		if cur.Len() > 0 {
			t := cur.String()
			out = append(out, frag{text: t, face: curFace, size: size, rise: rise, color: color, link: link,
				width: st.m.Width(curFace, size, t)})
			cur.Reset()
		}
	}
	// Arabic letters take their joined forms here, before they are
	// measured (see layout/shape); Hangul written as jamo, its syllables
	for _, r := range shape.Arabic(composeHangul(s)) {
		f := face
		switch {
		case curFace == fonts.Emoji && emojiJoiner(r):
			f = fonts.Emoji // stays with its emoji, which it joins or modifies
		case st.m.Has(face, r):
		case r == '\u00ad' || r == '\u200b' || r == '\ufe0f' || r == '\u200d':
			continue // invisible: soft hyphen, zero width space, emoji joiners
		default:
			f = ""
			for _, fb := range fonts.Fallbacks {
				if st.m.Has(fb, r) {
					f = fb
					break
				}
			}
			if f == "" {
				if st.missing != nil {
					st.missing(r)
				}
				continue
			}
		}
		if f != curFace {
			flush()
			curFace = f
		}
		cur.WriteRune(r)
	}
	flush()
	return out
}

// composeHangul composes Korean written as conjoining jamo (U+1100–
// U+11FF, U+A960–U+A97F, U+D7B0–U+D7FF; some systems decompose Hangul so)
// into its syllables, which the Korean face draws (Unicode's canonical
// composition, NFC; the font has no rules to join jamo).
func composeHangul(s string) string {
	if strings.IndexFunc(s, func(r rune) bool {
		return r >= 0x1100 && r <= 0x11FF || r >= 0xA960 && r <= 0xA97F || r >= 0xD7B0 && r <= 0xD7FF
	}) < 0 {
		return s
	}
	return norm.NFC.String(s)
}

// emojiJoiner tells the characters that join emoji into one (U+200D
// ZERO WIDTH JOINER) or modify the emoji before them (U+FE0F, the skin
// tones): the emoji face has them, empty, so that the text of a sequence
// stays whole.
func emojiJoiner(r rune) bool { return r == '\u200d' || r == '\ufe0f' || r >= 0x1F3FB && r <= 0x1F3FF }

// notePrefix starts the link of a footnote reference: "#note-3".
const notePrefix = "#note-"

// word is a run of fragments between spaces. breaks are the places inside
// it where Unicode's line breaking (UAX #14) allows a break: after a hyphen
// or a dash, between ideographs. They are byte offsets into its text.
type word struct {
	frags  []frag
	breaks []int
}

// size returns the length of the word's text in bytes.
func (w *word) size() int {
	n := 0
	for _, f := range w.frags {
		n += len(f.text)
	}
	return n
}

func (w *word) text() string {
	var b strings.Builder
	for _, f := range w.frags {
		b.WriteString(f.text)
	}
	return b.String()
}

// nodes builds the Knuth-Plass node list of a paragraph.
func (st *setter) nodes(spans []doc.Span, ts TextStyle, width Length, firstIndent Length) []node {
	var ns []node
	if firstIndent > 0 {
		ns = append(ns, node{kind: nBox, width: firstIndent})
	}
	var w word
	// Word space: the face's own, but at least a quarter em, stretching by
	// a little over half and shrinking by two fifths. Narrow magazine
	// columns need that room to justify without rivers.
	spaceW := st.m.Width(ts.Regular, ts.Size, " ")
	if ts.Align == Justify {
		spaceW = max(spaceW, ts.Size/4)
	}
	flushWord := func() {
		if len(w.frags) > 0 {
			ns = append(ns, st.wordNodes(w, ts, width)...)
			w = word{}
		}
	}
	space := func() {
		flushWord()
		if k := len(ns); k > 0 && ns[k-1].kind != nGlue {
			if ts.Align == Justify {
				ns = append(ns, node{kind: nGlue, width: spaceW, stretch: spaceW * 45 / 100, shrink: spaceW * 2 / 5})
			} else {
				ns = append(ns, node{kind: nGlue, width: spaceW})
			}
		}
	}
	// a number after right-to-left text, up to the next letter, takes that
	// text's face: it is part of the right-to-left run (UAX #9, W2), which
	// readers take as one text only when it is in one face (see bidi.go)
	var rtlFace fonts.Face
	for _, sp := range spans {
		switch {
		case sp.Break:
			flushWord()
			ns = append(ns, node{kind: nGlue, stretch: fil}, node{kind: nPenalty, penalty: -infPenalty})
		case sp.Note > 0:
			// a superscript note number sticks to the word before it
			sup := st.fragsFor(strconv.Itoa(sp.Note), ts.Regular, ts.Size*6/10, ts.Size*35/100, ts.Color, notePrefix+strconv.Itoa(sp.Note))
			w.frags = append(w.frags, sup...)
		default:
			// Break opportunities are UAX #14's: a segment ends where a
			// line may break. One that ends in spaces ends a word; any
			// other is a place to break inside the word.
			face := ts.face(sp.Style)
			rest, state := sp.Text, -1
			for rest != "" {
				var seg string
				seg, rest, _, state = uniseg.FirstLineSegmentInString(rest, state)
				text := strings.TrimRight(seg, " ")
				if text != "" {
					f := face
					if rtlFace != "" && sp.Style&doc.Mono == 0 && !hasStrong(text) {
						f = rtlFace
					}
					frs := st.fragsFor(text, f, ts.Size, 0, ts.Color, sp.Link)
					rtlFace = strongFace(frs, rtlFace)
					w.frags = append(w.frags, frs...)
				}
				switch {
				case len(text) < len(seg):
					space()
				case rest != "":
					w.breaks = append(w.breaks, w.size())
				}
			}
		}
	}
	flushWord()
	for len(ns) > 0 && ns[len(ns)-1].kind == nGlue {
		ns = ns[:len(ns)-1]
	}
	if ts.Align != Justify {
		// Ragged lines: stretch only at the line end, as TeX's \raggedright.
		var rag []node
		for _, nd := range ns {
			if nd.kind == nGlue && nd.stretch < fil {
				rag = append(rag, node{kind: nGlue, stretch: width / 3},
					node{kind: nPenalty, space: true},
					node{kind: nGlue, width: nd.width, stretch: -width / 3})
				continue
			}
			if nd.kind == nPenalty && nd.penalty > -infPenalty {
				nd.penalty += 50
			}
			rag = append(rag, nd)
		}
		ns = rag
	}
	if ts.Align == Justify {
		withTracking(ns, ts, width)
	}
	return append(ns, node{kind: nGlue, stretch: fil}, node{kind: nPenalty, penalty: -infPenalty})
}

// keeps tells whether breaking word (or a part of it) after pos bytes
// leaves enough letters on each side, in a word long enough to break.
func (p BreakParams) keeps(word string, pos int) bool {
	letters := func(s string) int {
		n := 0
		for _, r := range s {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				n++
			}
		}
		return n
	}
	before, after := letters(word[:pos]), letters(word[pos:])
	return before >= p.MinBefore && after >= p.MinAfter && before+after >= p.MinWord
}

// urlBreakAfter are the characters a web or mail address may break after.
// UAX #14 has no rules for addresses (it would break "https:" from "//"),
// so they follow the custom of printed addresses instead: after a slash,
// a dot, a hyphen, a question mark or an ampersand, and never with a
// hyphen added.
var urlBreakAfter = "/.-?&"

// breakPoint is a place inside a word where a line may end.
type breakPoint struct {
	pos       int
	penalty   int
	flagged   bool // a hyphen is added
	dash      bool // after a hyphen the word has
	emergency bool // only because the word is too long for a line
}

// isURL tells whether a word is a web or mail address.
func isURL(txt string) bool {
	return strings.Contains(txt, "://") || strings.HasPrefix(txt, "www.") || strings.Contains(txt, "@")
}

// wordNodes returns a word as boxes, with hyphenation penalties between its
// syllables, and emergency break points in words too long for a line.
func (st *setter) wordNodes(w word, ts TextStyle, width Length) []node {
	txt := w.text()
	var bps []breakPoint
	switch {
	case isURL(txt):
		bps = st.urlBreaks(w, txt, width)
	case ts.Hyphenate:
		bps = st.hyphenBreaks(w, txt, width)
	default:
		// UAX #14's opportunities, keeping two characters each side
		for _, p := range w.breaks {
			if p >= 2 && len(txt)-p >= 2 {
				bps = append(bps, breakPoint{pos: p, penalty: 40})
			}
		}
	}
	sort.SliceStable(bps, func(i, j int) bool { return bps[i].pos < bps[j].pos })
	bps = slices.CompactFunc(bps, func(a, b breakPoint) bool { return a.pos == b.pos })
	if !isURL(txt) && wordWidth(w.frags) > width*9/10 {
		// Too long for a line whatever happens: allow a break anywhere,
		// expensive, so nothing ever overflows the column.
		bps = emergencyBreaks(bps, txt, 0, len(txt), true)
	}
	return st.wordBoxes(w, bps)
}

func wordWidth(fs []frag) Length {
	total := Length(0)
	for _, f := range fs {
		total += f.width
	}
	return total
}

// urlBreaks are an address's breaks: after urlBreakAfter's characters,
// and anywhere inside a part between them too long for a line.
func (st *setter) urlBreaks(w word, txt string, width Length) []breakPoint {
	var bps []breakPoint
	for i := 1; i < len(txt)-1; i++ {
		if strings.IndexByte(urlBreakAfter, txt[i]) >= 0 && txt[i+1] != txt[i] { // not inside "//"
			bps = append(bps, breakPoint{pos: i + 1, penalty: 50})
		}
	}
	last := 0
	for _, b := range append(slices.Clone(bps), breakPoint{pos: len(txt)}) {
		if wordWidth(sliceFrags(st.m, w.frags, last, b.pos)) > width*9/10 {
			bps = emergencyBreaks(bps, txt, last, b.pos, false)
		}
		last = b.pos
	}
	return bps
}

// hyphenBreaks are a word's hyphenation points (the language's, keeping
// BreakParams' letters on each side) and UAX #14's after dashes.
func (st *setter) hyphenBreaks(w word, txt string, width Length) []breakPoint {
	var bps []breakPoint
	params := NewBreakParams(width)
	// after dashes and between ideographs, as UAX #14 allows
	for _, p := range w.breaks {
		if !strings.HasSuffix(txt[:p], "-") && p > 0 && p < len(txt) && params.keeps(txt, p) {
			bps = append(bps, breakPoint{pos: p, penalty: 40})
		}
	}
	// hyphenate the letters, not the punctuation around them
	start := strings.IndexFunc(txt, unicode.IsLetter)
	end := strings.LastIndexFunc(txt, unicode.IsLetter)
	if start < 0 || end <= start {
		return bps
	}
	_, sz := utf8.DecodeRuneInString(txt[end:])
	core := txt[start : end+sz]
	for _, b := range st.hyph.Breaks(core) {
		if !params.keeps(core, b.Pos) {
			continue // too few letters on a side, or a short word
		}
		p := breakPoint{pos: start + b.Pos, penalty: params.HyphenPenalty, flagged: !b.Explicit}
		if b.Preferred {
			p.penalty = params.PreferredPenalty
		}
		if b.Explicit {
			p.penalty, p.dash = 40, true
		}
		bps = append(bps, p)
	}
	return bps
}

// emergencyBreaks adds an expensive break at every character of
// txt[from:to] (three from either end of the word) that has none.
func emergencyBreaks(bps []breakPoint, txt string, from, to int, hyphen bool) []breakPoint {
	have := map[int]bool{}
	for _, b := range bps {
		have[b.pos] = true
	}
	for k := range txt[from:to] {
		if i := from + k; i >= 3 && len(txt)-i >= 3 && i > from && !have[i] {
			bps = append(bps, breakPoint{pos: i, penalty: 900, flagged: hyphen, emergency: true})
		}
	}
	sort.Slice(bps, func(i, j int) bool { return bps[i].pos < bps[j].pos })
	return bps
}

// wordBoxes cuts a word into boxes at its break points.
func (st *setter) wordBoxes(w word, bps []breakPoint) []node {
	txt := w.text()
	var out []node
	last := 0
	for _, b := range bps {
		piece := sliceFrags(st.m, w.frags, last, b.pos)
		out = append(out, boxOf(piece))
		hw := Length(0)
		if b.flagged {
			lf := piece[len(piece)-1]
			hw = st.m.Width(lf.face, lf.size, "-")
		}
		out = append(out, node{kind: nPenalty, width: hw, penalty: b.penalty, flagged: b.flagged, dash: b.dash, emergency: b.emergency})
		last = b.pos
	}
	out = append(out, boxOf(sliceFrags(st.m, w.frags, last, len(txt))))
	return out
}

func boxOf(fs []frag) node {
	n := node{kind: nBox, frags: fs}
	for _, f := range fs {
		n.width += f.width
	}
	return n
}

// Letter-spacing limits for justified text, per character, in thousandths
// of the type size: a touch of tracking takes up slack that word spaces
// alone would show as holes (as pdfTeX's font expansion does).
const (
	trackStretch = 22
	trackShrink  = 16
	// A narrow column (under narrowEms ems, some 35 characters) has few
	// spaces to share its slack: its letters may space a little more
	// (6 % of the size at most, reached only by a line that would
	// otherwise be loose). At 44 a line of four or five spaces in Suara
	// Teluk's 32-character columns took twice its word space where a
	// hyphen could not help (runs of two), and its other lines hyphens
	// they did not need.
	narrowEms          = 20
	trackStretchNarrow = 60
)

// withTracking gives the boxes of a justified paragraph their letter
// stretch and shrink.
func withTracking(ns []node, ts TextStyle, width Length) {
	trackStretch, trackShrink := ts.track(width)
	for i := range ns {
		if ns[i].kind != nBox {
			continue
		}
		for _, f := range ns[i].frags {
			if !tracked(f.face) {
				continue
			}
			n := Length(utf8.RuneCountInString(f.text))
			ns[i].stretch += n * f.size * Length(trackStretch) / 1000
			ns[i].shrink += n * f.size * Length(trackShrink) / 1000
		}
	}
}

// tracked tells whether letter-spacing applies to a face: not to code,
// whose letters keep their columns, nor to emoji (a pictogram has no
// letter-spacing, and one would move the empty joiners of a sequence
// back over the emoji before them).
func tracked(f fonts.Face) bool { return f != fonts.Mono && f != fonts.Emoji }

// sliceFrags returns the fragments covering bytes [from,to) of the word.
func sliceFrags(m *Metrics, fs []frag, from, to int) []frag {
	var out []frag
	off := 0
	for _, f := range fs {
		a, b := off, off+len(f.text)
		off = b
		lo, hi := max(a, from), min(b, to)
		if lo >= hi {
			continue
		}
		g := f
		if lo != a || hi != b {
			g.text = f.text[lo-a : hi-a]
			g.width = m.Width(g.face, g.size, g.text)
		}
		out = append(out, g)
	}
	return out
}

// setParagraph breaks a paragraph into lines of the given width.
// indents, when given, narrows the first lines (a drop cap beside them).
func (st *setter) setParagraph(spans []doc.Span, ts TextStyle, fullWidth, firstIndent Length, indents []Length) []line {
	if !uniform(indents) {
		return st.breakParagraph(spans, ts, fullWidth, firstIndent, indents)
	}
	key := paraKey{spans: spansKey(spans), ts: ts, width: fullWidth, firstIndent: firstIndent, nIndent: len(indents)}
	if len(indents) > 0 {
		key.indent = indents[0]
	}
	if st.set == nil {
		st.set = &paraCache{m: map[paraKey]paraSet{}}
	}
	st.set.mu.Lock()
	got, ok := st.set.m[key]
	st.set.mu.Unlock()
	if !ok {
		// broken outside the lock; one made meanwhile at the same key
		// is the same lines
		got = paraSet{lines: st.breakParagraph(spans, ts, fullWidth, firstIndent, indents)}
		st.set.mu.Lock()
		if prev, ok := st.set.m[key]; ok {
			got = prev
		} else {
			st.set.m[key] = got
		}
		st.set.mu.Unlock()
	}
	return slices.Clone(got.lines) // the caller's to change; the fragments are shared, never changed
}

// uniform tells whether every indent is the same.
func uniform(indents []Length) bool {
	for _, in := range indents {
		if in != indents[0] {
			return false
		}
	}
	return true
}

// breakParagraph is setParagraph's work: the lines of a paragraph.
func (st *setter) breakParagraph(spans []doc.Span, ts TextStyle, fullWidth, firstIndent Length, indents []Length) []line {
	widthAt := func(l int) Length {
		if l < len(indents) {
			return fullWidth - indents[l]
		}
		return fullWidth
	}
	ns := st.nodes(spans, ts, fullWidth, firstIndent)
	if len(ns) <= 2 {
		return nil
	}
	p := NewBreakParams(fullWidth)
	if !ts.Hyphenate {
		p.Tolerance = 1000
	}
	breaks := breakLines(ns, widthAt, p)
	dir := paragraphDirection(spans)
	var lines []line
	var hyphenated []int // lines that end inside a word
	start := 0
	for li, b := range breaks {
		// skip discardable items at the line start
		for start < b && ns[start].kind != nBox {
			start++
		}
		last := li == len(breaks)-1
		width := widthAt(li)
		indent := fullWidth - width
		// Natural width, and how much the word spaces (gy, gz) and the
		// letters (ly, lz) can stretch and shrink.
		var nat, gy, gz, ly, lz Length
		for i := start; i < b; i++ {
			nd := ns[i]
			switch {
			case nd.kind == nGlue && nd.stretch < fil && nd.stretch > -fil:
				nat += nd.width
				gy += nd.stretch
				gz += nd.shrink
			case nd.kind == nGlue:
				nat += nd.width
			case nd.kind == nBox:
				nat += nd.width
				ly += nd.stretch
				lz += nd.shrink
			}
		}
		end := ns[b]
		hyphen := end.kind == nPenalty && end.flagged
		if hyphen {
			nat += end.width
		}
		// Letters take their share of the slack up to their limit (ratio 1),
		// word spaces take the rest: spacing stays even, letter-spacing
		// never exceeds its bounds.
		gRatio, lRatio := 0.0, 0.0
		// The last line (and one ended by a forced break) keeps natural
		// spacing, unless it has to shrink to fit.
		lastLike := last || (end.kind == nPenalty && end.penalty <= -infPenalty)
		if ts.Align == Justify && (!lastLike || nat > width) {
			slack := width - nat
			switch {
			case slack > 0 && gy+ly > 0:
				r := float64(slack) / float64(gy+ly)
				lRatio, gRatio = min(r, 1), r
				if r > 1 && gy > 0 {
					gRatio = float64(slack-ly) / float64(gy)
				}
			case slack < 0 && gz+lz > 0:
				r := max(float64(slack)/float64(gz+lz), -1)
				lRatio, gRatio = r, r
			}
		}
		ratio := gRatio
		ln := line{dir: dir}
		ln.midWord = end.kind == nPenalty && end.penalty > -infPenalty && !end.space
		x := indent
		for i := start; i < b; i++ {
			nd := ns[i]
			switch nd.kind {
			case nBox:
				for _, f := range nd.frags {
					if ts.Align == Justify && lRatio != 0 && tracked(f.face) {
						per, shrink := ts.track(fullWidth)
						if lRatio < 0 {
							per = shrink
						}
						f.track = Length(lRatio * float64(f.size) * float64(per) / 1000)
						f.width += f.track * Length(utf8.RuneCountInString(f.text))
					}
					ln.frags = appendFrag(ln.frags, placed{f, x})
					x += f.width
				}
				if len(nd.frags) == 0 {
					x += nd.width
				}
			case nGlue:
				if nd.stretch >= fil {
					continue
				}
				if ts.Align != Justify {
					x += nd.width
					continue
				}
				g := nd.width
				if ratio > 0 {
					g += Length(ratio * float64(nd.stretch))
				} else if ratio < 0 {
					g += Length(ratio * float64(nd.shrink))
				}
				x += g
			}
		}
		if hyphen && len(ln.frags) > 0 {
			ln.hyphen = true
			lf := &ln.frags[len(ln.frags)-1]
			lf.text += "-"
			lf.width += end.width
			x += end.width
		}
		if ts.Align == Justify && !lastLike && ratio != 0 && len(ln.frags) > 1 {
			// Snap the last fragment to the column edge: rounding must not
			// leave a ragged right margin.
			lf := &ln.frags[len(ln.frags)-1]
			shift := fullWidth - (lf.x + lf.width)
			if shift > -2*Pt && shift < 2*Pt {
				lf.x += shift
				x = fullWidth
			}
		}
		ln.width = x
		lines = append(lines, ln)
		start = b + 1
		if ln.midWord {
			hyphenated = append(hyphenated, len(lines)-1)
		}
	}
	readWhole(lines, hyphenated)
	return lines
}

// readWhole makes a word broken at a line end read as one word: its first
// part reads as the whole word, its other parts as nothing. A word may go
// on over several lines (a long address); a hyphen the breaking added is
// not part of it, one written in the word is.
func readWhole(lines []line, broken []int) {
	for k := 0; k < len(broken); k++ {
		i := broken[k]
		if i+1 >= len(lines) || len(lines[i].frags) == 0 || len(lines[i+1].frags) == 0 {
			continue
		}
		first := &lines[i].frags[len(lines[i].frags)-1]
		whole := first.text
		if lines[i].hyphen {
			whole = strings.TrimSuffix(whole, "-")
		}
		// the word's parts on the lines that follow, up to the line where
		// it ends
		for j := i + 1; j < len(lines) && len(lines[j].frags) > 0; j++ {
			rest := &lines[j].frags[0]
			part := rest.text
			goesOn := k+1 < len(broken) && broken[k+1] == j && len(lines[j].frags) == 1
			if goesOn && lines[j].hyphen {
				part = strings.TrimSuffix(part, "-")
			}
			whole += part
			rest.actual, rest.hasActual = "", true
			if !goesOn {
				break
			}
			k++
		}
		first.actual, first.hasActual = whole, true
	}
}

// appendFrag merges a fragment into the previous one when it continues it
// (pieces of one hyphenatable word), so each word is one text run.
func appendFrag(fs []placed, p placed) []placed {
	if k := len(fs) - 1; k >= 0 {
		q := &fs[k]
		if q.face == p.face && q.size == p.size && q.rise == p.rise && q.color == p.color && q.link == p.link && q.track == p.track && q.x+q.width == p.x {
			q.text += p.text
			q.width += p.width
			return fs
		}
	}
	return append(fs, p)
}
