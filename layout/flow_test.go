package layout

import (
	"fmt"
	"strings"
	"testing"

	"magz/internal/doc"
	"magz/internal/locale"
	"magz/layout/hyph"
	"magz/layout/page"
)

// Flow rules, one test each, on element lists made by hand: a paragraph is
// a run of eLine elements one grid line high, as the builder makes them.

func flowComposer() *composer { return &composer{th: DefaultTheme()} }

// lines returns the n lines of one paragraph.
func lines(c *composer, n int) []elem {
	out := make([]elem, n)
	for i := range out {
		out[i] = elem{kind: eLine, h: c.th.Grid, idx: i, n: n}
	}
	return out
}

func heading(c *composer) elem {
	return elem{kind: eHead, h: 2 * c.th.Grid, keepNext: true}
}

// columns tells, for each placed element in order, its column: "0011".
func columns(placed []placement) string {
	var b strings.Builder
	for _, p := range placed {
		fmt.Fprint(&b, p.frame)
	}
	return b.String()
}

// frames returns n columns of the given number of grid lines.
func frames(c *composer, n, lines int) []frame {
	fs := make([]frame, n)
	for i := range fs {
		fs[i] = frame{x: Length(i) * 100 * Pt, h: Length(lines) * c.th.Grid}
	}
	return fs
}

func TestFlowNoOrphans(t *testing.T) {
	c := flowComposer()
	// 4 lines fill column 0 but for one line; a 3-line paragraph follows:
	// its first line must not stay alone at the foot of column 0.
	elems := append(lines(c, 4), lines(c, 3)...)
	placed, next, _ := c.fill(frames(c, 2, 5), elems, 0, nil)
	if got := columns(placed); got != "0000111" || next != len(elems) {
		t.Errorf("columns %s (next %d), want 0000111: the first line of a paragraph went alone", got, next)
	}
}

func TestFlowNoWidows(t *testing.T) {
	c := flowComposer()
	// A 5-line paragraph in columns of 4: 4+1 would leave a widow at the
	// top of column 1; 3+2 does not.
	placed, _, _ := c.fill(frames(c, 2, 4), lines(c, 5), 0, nil)
	if got := columns(placed); got != "00011" {
		t.Errorf("columns %s, want 00011: the last line of a paragraph went alone", got)
	}
}

func TestFlowKeepWithNext(t *testing.T) {
	c := flowComposer()
	// 3 lines, then a heading (2 grid lines) and a paragraph, in columns
	// of 6: the heading fits in column 0 but its text would not follow.
	elems := append(lines(c, 3), heading(c))
	elems = append(elems, lines(c, 4)...)
	placed, _, _ := c.fill(frames(c, 2, 6), elems, 0, nil)
	if got := columns(placed); got != "00011111" {
		t.Errorf("columns %s, want 00011111: a heading was left at the foot of a column", got)
	}
}

func TestFlowFloatWaits(t *testing.T) {
	c := flowComposer()
	// A figure 4 lines high after 3 lines in columns of 5: it waits for
	// the top of column 1 while the text goes on filling column 0.
	elems := append(lines(c, 3), elem{kind: eFloat, h: 4 * c.th.Grid})
	elems = append(elems, lines(c, 2)...)
	placed, next, pending := c.fill(frames(c, 2, 5), elems, 0, nil)
	if next != len(elems) || len(pending) != 0 {
		t.Fatalf("not all placed: next %d, pending %v", next, pending)
	}
	var figCol, figY = -1, Length(-1)
	for _, p := range placed {
		if p.e.kind == eFloat {
			figCol, figY = p.frame, p.y
		}
	}
	if figCol != 1 || figY != 0 {
		t.Errorf("figure in column %d at %v, want the top of column 1", figCol, figY)
	}
	if got := columns(placed); !strings.HasPrefix(got, "00000") {
		t.Errorf("columns %s: the text after the figure did not fill column 0 first", got)
	}
}

func TestFlowPageElementsSkipped(t *testing.T) {
	c := flowComposer()
	// A pull-quote band belongs to the page, not to a column.
	elems := append(lines(c, 2), elem{kind: ePage, h: 6 * c.th.Grid, band: true})
	elems = append(elems, lines(c, 2)...)
	placed, next, _ := c.fill(frames(c, 1, 10), elems, 0, nil)
	if len(placed) != 4 || next != len(elems) {
		t.Errorf("placed %d of 4 lines (next %d): the band took column room", len(placed), next)
	}
}

func TestFlowBalance(t *testing.T) {
	c := flowComposer()
	// The last page of an article: 7 lines in 3 tall columns are set
	// 3+2+2 or similar, never 7+0+0.
	elems := lines(c, 7)
	fs := frames(c, 3, 20)
	placed, _, _ := c.fill(fs, elems, 0, nil)
	placed = c.balance(fs, elems, 0, nil, placed)
	count := map[int]int{}
	for _, p := range placed {
		count[p.frame]++
	}
	if len(placed) != 7 || count[0] > 3 || count[2] == 0 {
		t.Errorf("balanced columns hold %v lines, want about 3, 2, 2", count)
	}
}

func TestFlowOverlongFloatStillPlaced(t *testing.T) {
	c := flowComposer()
	// A figure taller than a column goes at the top of one rather than
	// never: nothing is lost.
	elems := []elem{{kind: eFloat, h: 9 * c.th.Grid}}
	elems = append(elems, lines(c, 2)...)
	placed, next, pending := c.fill(frames(c, 2, 5), elems, 0, nil)
	if next != len(elems) || len(pending) != 0 || len(placed) != 3 {
		t.Errorf("placed %d, next %d, pending %v", len(placed), next, pending)
	}
}

// TestListStartsWhereWritten: an ordered list starting at 0 (or 3) is
// numbered from there in print, as in the source.
func TestListStartsWhereWritten(t *testing.T) {
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	c := &composer{th: DefaultTheme(), st: &setter{m: m, hyph: hyph.For(locale.PUEBI)}, out: &page.Issue{}}
	for _, start := range []int{0, 1, 3} {
		b := &builder{c: c, colW: 60 * MM, textW: 60 * MM, ncols: 1}
		item := func(s string) []doc.Block { return []doc.Block{&doc.Paragraph{Spans: []doc.Span{{Text: s}}}} }
		b.block(&doc.List{Ordered: true, Start: start, Items: [][]doc.Block{item("satu"), item("dua")}}, 0, c.bodyStyle())
		var marks []string
		for _, e := range b.elems {
			for _, it := range e.items {
				if tx, ok := it.(*page.Text); ok && strings.HasSuffix(tx.Text, ".") {
					marks = append(marks, tx.Text)
				}
			}
		}
		want := fmt.Sprintf("%d. %d.", start, start+1)
		if got := strings.Join(marks, " "); got != want {
			t.Errorf("list starting at %d numbered %q, want %q", start, got, want)
		}
	}
}

func TestFlowThreeLinesStayWhole(t *testing.T) {
	c := flowComposer()
	// 3 lines fill column 0 but for two; a 3-line paragraph follows: 2+1
	// would leave a widow, 1+2 an orphan, so it goes whole to column 1.
	elems := append(lines(c, 3), lines(c, 3)...)
	placed, next, _ := c.fill(frames(c, 2, 5), elems, 0, nil)
	if got := columns(placed); got != "000111" || next != len(elems) {
		t.Errorf("columns %s (next %d), want 000111: a 3-line paragraph was split", got, next)
	}
}

func TestFlowCodeKeepsItsLines(t *testing.T) {
	c := flowComposer()
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	c.opt.Metrics = m
	c.st = &setter{m: m}
	b := &builder{c: c, colW: 60 * MM, ncols: 2}
	b.code(&doc.Code{Text: "satu\ndua\ntiga\nempat\nlima"}, 0)
	if len(b.elems) != 5 {
		t.Fatalf("%d code lines, want 5", len(b.elems))
	}
	// Columns with room for 4 text lines and 4 code lines: 4+1 would
	// leave the code's last line alone at the top of column 1.
	elems := append(lines(c, 4), b.elems...)
	fs := frames(c, 2, 0)
	for k := range fs {
		fs[k].h = 4*c.th.Grid + 4*b.elems[0].h
	}
	placed, _, _ := c.fill(fs, elems, 0, nil)
	if got := columns(placed); got != "000000011" {
		t.Errorf("columns %s, want 000000011: a code block left a line alone", got)
	}
}
