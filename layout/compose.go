package layout

import (
	"fmt"
	"magz/internal/locale"
	"magz/internal/msg"
	"magz/internal/theme"
	"magz/layout/page"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"magz/fonts"
	"magz/internal/diag"
	"magz/internal/doc"
	"magz/layout/hyph"
)

// Options are what layout needs from the rest of the build. ImageSize
// and Graphic are called from several goroutines at once (copyfitting's
// trials are set two or more at a time: setAtOnce); Warn from one at a
// time.
type Options struct {
	Metrics *Metrics
	// ImageSize returns the pixel size of an image as displayed (after EXIF
	// orientation); ok is false when the image could not be read.
	ImageSize func(img *doc.Image) (w, h int, ok bool)
	// Graphic tells flat art (screenshots, maps, logos: PNG, GIF) from
	// photos: it is never cropped and never printed under doc.SharpPPI.
	// Nil: every image is a photo.
	Graphic func(img *doc.Image) bool
	// Warn receives problems that do not stop the build.
	Warn func(pos diag.Pos, format string, args ...any)
	// NoCopyfit sets every article as designed (see copyfit.go), for
	// comparison.
	NoCopyfit bool
}

// Theme is the design of the magazine (see internal/theme).
type Theme = theme.Theme

// DefaultTheme is the house design.
func DefaultTheme() Theme { return theme.Default() }

type composer struct {
	iss   *doc.Issue
	opt   Options
	th    Theme
	st    *setter
	lab   locale.Labels
	out   *page.Issue
	W, H  Length
	art   *doc.Article // article being composed, for messages
	heads map[int]string
	noRH  map[int]bool // pages without a running head
	// fullBleed marks pages a photo covers entirely: no furniture at all.
	fullBleed map[int]bool
	// where is the source line being set, for messages.
	where diag.Pos
	// parent is the structure element new elements go into.
	parent int
	// notes are the Note elements of the article being set, by number.
	notes map[int]int
	// fit is the copyfitting setting of the article being set, and
	// textLines the lines of text it was set in (see copyfit.go).
	fit       fit
	textLines int
	// designs are the articles' opener designs (opener.go), and
	// openerPull the pull quote an interview's opener sets large, which
	// its text then leaves out.
	designs         map[*doc.Article]theme.Design
	openerPull      *doc.PullQuote
	openerPullItems []page.Item
	// ranks are the articles' ranks (headline.go); titlePct is the size
	// the last headline was set at, in percent of its rank's.
	ranks    map[*doc.Article]doc.Rank
	titlePct int
	// short gathers the reasons the screen PDF cannot claim PDF/UA-1.
	short *shortfalls
	// arts are the articles and the planned pages from Markdown, in the
	// order they are set; staffOnContents tells whether the masthead box
	// stands on the contents page; report is what the layout tells editors.
	arts            []*doc.Article
	staffOnContents bool
	report          *Report
	// link is the link the text drawn last belongs to (see linkNode).
	link openLink
	// left are the planned pieces (ads, boxes) not yet given a place;
	// reserved those given the room below an article's end, by page.
	left     []piece
	reserved map[int][]piece
	// bodies are the articles' bodies as set so far, shared by every
	// trial (bodies.go).
	bodies *bodyCache
}

// shortfalls are the reasons the screen PDF cannot claim PDF/UA-1, each
// once, however often layout trials meet it.
type shortfalls struct {
	seen map[page.Shortfall]bool
	list []page.Shortfall
}

// notUA records a reason the screen PDF cannot claim PDF/UA-1, said in
// the editor's language (msg.Sprintf), at pos.
func (c *composer) notUA(pos diag.Pos, reason string) {
	s := page.Shortfall{Path: pos.Path, Line: pos.Line, Col: pos.Col, Reason: reason}
	if !c.short.seen[s] {
		c.short.seen[s] = true
		c.short.list = append(c.short.list, s)
	}
}

// node adds an element to the logical structure, inside the current
// parent, and returns it. Elements are made in reading order.
func (c *composer) node(role page.Role, alt string) int {
	c.out.Structure = append(c.out.Structure, page.Node{Role: role, Parent: c.parent, Alt: alt, Path: c.where.Path, Line: c.where.Line})
	return len(c.out.Structure) - 1
}

// within makes n the parent of the elements f makes.
func (c *composer) within(n int, f func()) {
	saved := c.parent
	c.parent = n
	f()
	c.parent = saved
}

// as tags items as a new element of the given role.
func (c *composer) as(role page.Role, items []page.Item) []page.Item {
	return tag(items, c.node(role, ""))
}

// tag puts the text, images and links among items that belong to no
// element yet into element n. Rules and rectangles stay decoration.
func tag(items []page.Item, n int) []page.Item {
	for _, it := range items {
		switch it := it.(type) {
		case *page.Text:
			if it.Node == 0 {
				it.Node = n
			}
		case *page.Image:
			if it.Node == 0 {
				it.Node = n
			}
		case *page.Link:
			if it.Node == 0 {
				it.Node = n
			}
		}
	}
	return items
}

// Compose lays out the whole issue, and reports how the articles fill
// their pages and how the pages are budgeted.
func Compose(iss *doc.Issue, opt Options) (*page.Issue, *Report) {
	c := newComposer(iss, opt)
	// The parts of the issue in reading order; the cover and contents are
	// drawn last, when the pages are known.
	coverNode := c.node(page.RoleSection, "")
	tocNode := c.node(page.RoleSection, "")

	cover := &page.Page{Kind: page.KindCover}
	toc := c.tocPlan()
	c.staffOnContents = c.staffFits(toc)
	c.out.Pages = []*page.Page{cover}
	var contents []*page.Page
	for range toc.split {
		p := &page.Page{Kind: page.KindContents}
		contents = append(contents, p)
		c.out.Pages = append(c.out.Pages, p)
	}
	c.left = c.pieces()
	starts, ends := c.setArticles()
	c.where = diag.Pos{} // what follows is magz's own
	photo := 0
	if p := iss.Plan; p != nil {
		if p.Photo != nil {
			c.photoPage(p.Photo)
			photo = 1
		}
		for range p.NotesPages {
			c.out.Pages = append(c.out.Pages, c.notesPage())
		}
	}
	holes, used := c.placeReserved()
	c.copyfitReport(ends, holes)
	b := c.budget(c.left)
	c.within(c.node(page.RoleSection, ""), func() { c.out.Pages = append(c.out.Pages, c.backCover()) })
	b.PhotoPages = photo
	c.account(&b, used)
	c.report.Budget = b
	for i, p := range c.out.Pages {
		p.Folio = i + 1
	}
	c.within(coverNode, func() { c.cover(cover) })
	c.within(tocNode, func() { c.contents(contents, toc, starts) })
	c.furniture()
	c.out.NotUA = c.short.list
	return c.out, c.report
}

// newComposer is a composer for issue iss, with nothing set yet.
func newComposer(iss *doc.Issue, opt Options) *composer {
	th := iss.Theme.Or()
	c := &composer{
		iss: iss, opt: opt, th: th, lab: locale.For(iss.Language).Labels,
		W: page.FromMicrometres(iss.Trim.Width), H: page.FromMicrometres(iss.Trim.Height),
		heads: map[int]string{}, noRH: map[int]bool{}, fullBleed: map[int]bool{},
		short:  &shortfalls{seen: map[page.Shortfall]bool{}},
		report: &Report{},
		bodies: newBodyCache(),
	}
	c.st = &setter{m: opt.Metrics, hyph: hyph.For(locale.For(iss.Language).Hyphenation), set: &paraCache{m: map[paraKey]paraSet{}}}
	c.out = &page.Issue{Width: c.W, Height: c.H, Bleed: th.Bleed, Language: iss.Language, Title: issueTitle(iss), Author: iss.Publisher,
		Structure: []page.Node{{Role: page.RoleDocument}}}
	c.arts = iss.Articles
	if iss.Plan != nil {
		c.arts = slices.Concat(iss.Articles, iss.Plan.Pages) // the planned pages from Markdown follow
	}
	return c
}

func issueTitle(iss *doc.Issue) string {
	t := iss.Magazine
	if iss.Number > 0 {
		t += " " + strconv.Itoa(iss.Number)
	}
	if iss.Title != "" {
		t += ": " + iss.Title
	}
	return t
}

// warnMissing reports characters the fonts cannot draw, once per article.
func (c *composer) warnMissing(pos diag.Pos) {
	seen := map[string]bool{}
	c.where = pos
	c.st.missing = func(r rune) {
		// once per character and line
		key := fmt.Sprint(r, c.where.Line)
		if seen[key] {
			return
		}
		c.notUA(c.where, msg.Sprintf("character %q (U+%04X) cannot be set: no font has it", string(r), r))
		if c.opt.Warn == nil {
			return
		}
		seen[key] = true
		c.opt.Warn(c.where, "character %q (U+%04X) is not in the bundled fonts and is left out of the PDF", string(r), r)
	}
}

// ---- text helpers ----------------------------------------------------------

func sansStyle(face fonts.Face, size, leading Length, color Color, align Align) TextStyle {
	return TextStyle{Regular: face, Italic: face, Bold: face, BoldItalic: face, Size: size, Leading: leading, Color: color, Align: align}
}

// bodyStyle is the running text, justified. Where the language is not
// hyphenated, letters may space a little more, so that lines without
// hyphens still justify without holes between the words.
func (c *composer) bodyStyle() TextStyle {
	ts := TextStyle{Regular: c.th.Type.Text, Italic: c.th.Type.TextItalic, Bold: c.th.Type.TextBold, BoldItalic: c.th.Type.TextBoldItalic,
		Size: c.th.BodySize, Leading: c.th.Grid, Color: c.th.Ink, Align: Justify, Hyphenate: true}
	if _, ok := c.st.hyph.(hyph.Indonesian); !ok {
		ts.TrackStretch, ts.TrackShrink = 30, 12
	}
	return ts
}

func (c *composer) setText(s string, ts TextStyle, width Length) []line {
	return c.st.setParagraph([]doc.Span{{Text: s}}, ts, width, 0, nil)
}

// lines sets s in at most max lines; when it needs more, the last line
// kept ends with an ellipsis. Furniture (mastheads, headlines, contents)
// must never run off its page, however long the text an editor gives.
func (c *composer) lines(s string, ts TextStyle, width Length, max int) []line {
	ls, _ := c.linesN(s, ts, width, max)
	return ls
}

// linesN is lines, also telling how many lines the whole text needed (or
// more than max when it was cut).
func (c *composer) linesN(s string, ts TextStyle, width Length, max int) ([]line, int) {
	// Only a beginning can show: set no more than could fit.
	if limit := max * 300; utf8.RuneCountInString(s) > limit {
		s = string([]rune(s)[:limit])
	}
	ls := c.setText(s, ts, width)
	n := len(ls)
	if n <= max {
		return ls, n
	}
	ls = ls[:max]
	last := &ls[max-1]
	last.frags = slices.Clone(last.frags) // lines are shared with the setter's memory
	ell := c.st.fragsFor("…", ts.Regular, ts.Size, 0, ts.Color, "")
	ew := Length(0)
	for _, f := range ell {
		ew += f.width
	}
	// drop fragments until the ellipsis fits
	for len(last.frags) > 0 {
		f := last.frags[len(last.frags)-1]
		if f.x+f.width+ew <= width {
			break
		}
		last.frags = last.frags[:len(last.frags)-1]
	}
	x := Length(0)
	if n := len(last.frags); n > 0 {
		x = last.frags[n-1].x + last.frags[n-1].width
		t := &last.frags[n-1]
		t.text = strings.TrimSuffix(t.text, "-")
	}
	for _, f := range ell {
		last.frags = append(last.frags, placed{f, x})
		x += f.width
	}
	last.width = x
	return ls, n
}

// drawLines returns text items for lines whose first baseline is at y.
func (c *composer) drawLines(lines []line, x, y Length, ts TextStyle, width Length) []page.Item {
	var items []page.Item
	for i, ln := range lines {
		off := Length(0)
		switch ts.Align {
		case Center:
			off = (width - ln.width) / 2
		case Right:
			off = width - ln.width
		}
		base := y + Length(i)*ts.Leading
		// a gap to the next run is a word space; a line ends in one
		// unless the word goes on on the next line
		spaces := make([]bool, len(ln.frags))
		for k, f := range ln.frags {
			spaces[k] = k+1 < len(ln.frags) && ln.frags[k+1].x > f.x+f.width+f.size/20 ||
				k+1 == len(ln.frags) && !ln.midWord
		}
		needs, rtl := needsBidi(ln)
		if ln.dir != dirAuto {
			rtl = ln.dir == dirRTL
		}
		var langs []string // the language of each fragment
		if needs || rtl {
			// right-to-left text in visual order (bidi.go)
			left, right := extent(ln.frags)
			var runs []int
			ln.frags, spaces, runs = c.st.visual(ln, spaces, rtl)
			langs = runLangs(ln.frags, runs)
			if rtl && (ts.Align == Justify || ts.Align == Left) {
				// A right-to-left paragraph is the mirror of a
				// left-to-right one: its lines start at the right, the
				// first line's indent is on the right, a short line sits
				// right. visual mirrored the line within its extent; this
				// mirrors the extent within the measure. (Right and
				// Center are places in the design, kept.)
				off = width - left - right
			}
		}
		for k, f := range ln.frags {
			spaced := spaces[k]
			t := &page.Text{X: x + off + f.x, Y: base - f.rise, Face: string(f.face), Size: f.size, Color: f.color, Text: f.text, Track: f.track, Actual: f.actual, HasActual: f.hasActual, Broken: f.hasActual, Spaced: spaced}
			if langs != nil {
				t.Lang = langs[k]
			} else {
				t.Lang = lang(f.text)
			}
			items = append(items, t)
			// A link is one Link element holding its text and its
			// annotations (one for each line it takes).
			switch {
			case strings.HasPrefix(f.link, "http") || strings.HasPrefix(f.link, "mailto:"):
				t.Node = c.linkNode(f.link)
				items = append(items, &page.Link{X: x + off + f.x, Y: base - f.size*8/10, W: f.width, H: f.size, URL: f.link, Node: t.Node})
			case strings.HasPrefix(f.link, notePrefix):
				// a footnote reference: its own element, linked to the note
				n, _ := strconv.Atoi(strings.TrimPrefix(f.link, notePrefix))
				c.endLink()
				c.within(c.node(page.RoleReference, ""), func() { t.Node = c.linkNode(f.link) })
				c.endLink()
				items = append(items, &page.Link{X: t.X, Y: t.Y - f.size, W: f.width, H: f.size * 13 / 10, Note: n, Node: t.Node, Page: -1})
			case strings.HasPrefix(f.link, backPrefix):
				// a note's number, which links back to its reference once
				// the note is placed (linkNotes)
				t.Node = c.linkNode(f.link)
			default:
				c.endLink()
			}
		}
	}
	return items
}

// lang is the language of a fragment's text when it is in one other
// script (see locale.Runs), else "".
func lang(text string) string {
	// ASCII is in the document's language (locale.Runs: one run, no
	// language), and most fragments are ASCII: asked for every fragment
	// of every body the search sets, it is answered without a slice
	ascii := true
	for i := 0; i < len(text) && ascii; i++ {
		ascii = text[i] < utf8.RuneSelf
	}
	if ascii {
		return ""
	}
	if runs := locale.Runs(text); len(runs) == 1 {
		return runs[0].Lang
	}
	return ""
}

// runLangs are the languages of a line's fragments: a fragment in a run
// of right-to-left text without one of its own (a number in Arabic) takes
// the run's, so that the run is one piece of marked content in the PDF,
// which readers take as one text (see bidi.go). runs numbers the runs.
func runLangs(frags []placed, runs []int) []string {
	out := make([]string, len(frags))
	of := map[int]string{} // each run's language: its first fragment's with one
	for k, f := range frags {
		out[k] = lang(f.text)
		if r := runs[k]; r > 0 && of[r] == "" {
			of[r] = out[k]
		}
	}
	for k := range out {
		if out[k] == "" && runs[k] > 0 {
			out[k] = of[runs[k]]
		}
	}
	return out
}

// extent is where a line's fragments begin and end.
func extent(ps []placed) (left, right Length) {
	for i, f := range ps {
		if i == 0 || f.x < left {
			left = f.x
		}
		right = max(right, f.x+f.width)
	}
	return left, right
}

func translate(items []page.Item, dx, dy Length) []page.Item {
	out := make([]page.Item, len(items))
	for i, it := range items {
		out[i] = it.Moved(dx, dy)
	}
	return out
}

// ---- pages -----------------------------------------------------------------

func (c *composer) newPage(kind page.PageKind) *page.Page {
	p := &page.Page{Kind: kind}
	c.out.Pages = append(c.out.Pages, p)
	return p
}

// left reports whether page index i is a left-hand (even-numbered) page.
func left(i int) bool { return (i+1)%2 == 0 }

func (c *composer) textBox(i int) (x, w Length) {
	inner, outer := c.th.MarginInner, c.th.MarginOuter
	if left(i) {
		return outer, c.W - inner - outer
	}
	return inner, c.W - inner - outer
}

// gridY aligns y down to the next line of the baseline grid.
func (c *composer) gridY(y Length) Length {
	top := c.th.MarginTop
	if y <= top {
		return top
	}
	k := (y - top + c.th.Grid - 1) / c.th.Grid
	return top + k*c.th.Grid
}

// bodyBottom is the foot of the text area: the last line of the grid.
func (c *composer) bodyBottom() Length { return bodyBottomOf(c.th, c.H) }

func bodyBottomOf(th Theme, H Length) Length {
	top := th.MarginTop
	n := (H - th.MarginBottom - top) / th.Grid
	return top + n*th.Grid
}
