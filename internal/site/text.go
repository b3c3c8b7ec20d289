package site

import (
	"image"
	"image/color"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"magz/fonts"
	"magz/layout"
)

// Type on the sharing kit's cards: the magazine's own faces, headlines
// broken by sense and balanced, as the pages break them, and set as the
// pages set them (layout.Metrics.SetLine): characters the face lacks in
// the fallback faces (Chinese, Korean, emoji), Arabic joined and right to
// left.

// typeset holds the parsed fonts of the cards and the layout's metrics
// (read-only once parsed, so shared by the cards drawn at the same time).
type typeset struct {
	mu      sync.Mutex
	fonts   map[fonts.Face]*opentype.Font
	metrics *layout.Metrics
}

// face returns a face of f at px pixels; faces are not safe for
// concurrent use, so each card has its own.
func (ts *typeset) face(f fonts.Face, px int) (*cardFace, error) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.metrics == nil {
		m, err := layout.NewMetrics()
		if err != nil {
			return nil, err
		}
		ts.metrics = m
	}
	c := &cardFace{ts: ts, face: f, px: px, open: map[fonts.Face]font.Face{}}
	if _, err := c.of(f); err != nil {
		return nil, err
	}
	return c, nil
}

// parsed returns the parsed font of a face (with ts.mu held).
func (ts *typeset) parsed(f fonts.Face) (*opentype.Font, error) {
	if ts.fonts == nil {
		ts.fonts = map[fonts.Face]*opentype.Font{}
	}
	if ot, ok := ts.fonts[f]; ok {
		return ot, nil
	}
	data, err := fonts.Data(f)
	if err != nil {
		return nil, err
	}
	ot, err := opentype.Parse(data)
	if err != nil {
		return nil, err
	}
	ts.fonts[f] = ot
	return ot, nil
}

// cardFace is a face at a size on a card, with the fallback faces its text
// needs opened at the same size.
type cardFace struct {
	ts   *typeset
	face fonts.Face
	px   int
	open map[fonts.Face]font.Face
}

// of returns face f of the card's size (with ts.mu held, or from the
// card's own goroutine for a face parsed already).
func (c *cardFace) of(f fonts.Face) (font.Face, error) {
	if fc, ok := c.open[f]; ok {
		return fc, nil
	}
	ot, err := c.ts.parsed(f)
	if err != nil {
		return nil, err
	}
	fc, err := opentype.NewFace(ot, &opentype.FaceOptions{Size: float64(c.px), DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	c.open[f] = fc
	return fc, nil
}

// Metrics are the card face's own (ascent, cap height).
func (c *cardFace) Metrics() font.Metrics { return c.open[c.face].Metrics() }

// Close closes the faces opened.
func (c *cardFace) Close() {
	for _, fc := range c.open {
		fc.Close()
	}
}

// set sets s on one line; sizes are in thousandths of a pixel.
func (c *cardFace) set(s string) ([]layout.Run, layout.Length, bool) {
	return c.ts.metrics.SetLine(s, c.face, layout.Length(c.px)*1000)
}

// measure is the width of s in whole pixels.
func (c *cardFace) measure(s string) int {
	_, w, _ := c.set(s)
	return int((w + 999) / 1000)
}

// draw writes s with its baseline at y, from x at the left, or, when it
// runs right to left, to right.
func (c *cardFace) draw(dst *image.RGBA, col color.Color, x, right, y int, s string) error {
	runs, width, rtl := c.set(s)
	x0 := fixed.I(x)
	if rtl {
		x0 = fixed.I(right) - fixed.Int26_6(width*64/1000)
	}
	for _, r := range runs {
		c.ts.mu.Lock()
		fc, err := c.of(r.Face)
		c.ts.mu.Unlock()
		if err != nil {
			return err
		}
		d := &font.Drawer{Dst: dst, Src: image.NewUniform(col), Face: fc, Dot: fixed.Point26_6{X: x0 + fixed.Int26_6(r.X*64/1000), Y: fixed.I(y)}}
		// glyph by glyph, unkerned, as measured; by the codes the PDF
		// draws (the emoji face finds its emoji beyond U+FFFF by them)
		for _, ch := range r.Face.Codes(r.Text) {
			d.DrawString(string(ch))
		}
	}
	return nil
}

// weakEnd are words a line should not end on when another break works:
// they lean on the word after them.
var weakEnd = map[string]bool{"di": true, "ke": true, "dari": true, "dan": true, "yang": true, "untuk": true, "atau": true,
	"dengan": true, "pada": true, "of": true, "to": true, "and": true, "the": true, "a": true, "in": true, "for": true}

// breakLines breaks text into at most maxLines lines no wider than width
// (measured by measure): as few lines as fit, and of those the breaking
// with the most even lines, no line ending on a weak word and no word
// alone on the last line when another breaking avoids it. ok is false
// when the text does not fit.
func breakLines(text string, width, maxLines int, measure func(string) int) (lines []string, ok bool) {
	words := strings.Fields(text)
	if len(words) == 0 {
		return nil, true
	}
	for n := 1; n <= min(maxLines, len(words)); n++ {
		best, bestCost := []string(nil), -1
		var try func(from int, acc []string, widest, penalty int)
		try = func(from int, acc []string, widest, penalty int) {
			left := n - len(acc)
			if left == 1 {
				line := strings.Join(words[from:], " ")
				w := measure(line)
				if w > width {
					return
				}
				p := penalty
				if len(words)-from == 1 && n > 1 {
					p += width / 3 // a word alone on the last line
				}
				if c := max(widest, w) - min(widest, w)/4 + p; bestCost < 0 || c < bestCost {
					best, bestCost = append(append([]string(nil), acc...), line), c
				}
				return
			}
			for end := from + 1; end <= len(words)-left; end++ {
				line := strings.Join(words[from:end], " ")
				w := measure(line)
				if w > width {
					break
				}
				p := penalty
				if weakEnd[strings.ToLower(strings.TrimFunc(words[end-1], unicode.IsPunct))] {
					p += width / 2
				}
				try(end, append(acc, line), max(widest, w), p)
			}
		}
		try(0, nil, 0, 0)
		if best != nil {
			return best, true
		}
	}
	return nil, false
}

// truncate fits text into maxLines lines of width, ending the last with
// "…": for text that does not fit at the smallest size.
func truncate(text string, width, maxLines int, measure func(string) int) []string {
	words := strings.Fields(text)
	var lines []string
	line := ""
	for _, w := range words {
		try := strings.TrimSpace(line + " " + w)
		if line != "" && measure(try) > width {
			lines = append(lines, line)
			if len(lines) == maxLines {
				last := lines[maxLines-1]
				for measure(last+"…") > width && strings.Contains(last, " ") {
					last = last[:strings.LastIndex(last, " ")]
				}
				lines[maxLines-1] = last + "…"
				return lines
			}
			line = w
			continue
		}
		line = try
	}
	return append(lines, line)
}

// measurer measures strings in a face, in whole pixels.
func measurer(f *cardFace) func(string) int { return f.measure }
