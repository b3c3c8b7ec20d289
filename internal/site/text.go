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
)

// Type on the sharing kit's cards: the magazine's own faces, headlines
// broken by sense and balanced, as the pages break them.

// typeset holds the parsed fonts of the cards (read-only once parsed, so
// shared by the cards drawn at the same time).
type typeset struct {
	mu    sync.Mutex
	fonts map[fonts.Face]*opentype.Font
}

// face returns a face of f at px pixels; faces are not safe for
// concurrent use, so each card has its own.
func (ts *typeset) face(f fonts.Face, px int) (font.Face, error) {
	ts.mu.Lock()
	if ts.fonts == nil {
		ts.fonts = map[fonts.Face]*opentype.Font{}
	}
	ot, ok := ts.fonts[f]
	if !ok {
		data, err := fonts.Data(f)
		if err == nil {
			ot, err = opentype.Parse(data)
		}
		if err != nil {
			ts.mu.Unlock()
			return nil, err
		}
		ts.fonts[f] = ot
	}
	ts.mu.Unlock()
	return opentype.NewFace(ot, &opentype.FaceOptions{Size: float64(px), DPI: 72, Hinting: font.HintingNone})
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
func measurer(f font.Face) func(string) int {
	return func(s string) int { return font.MeasureString(f, s).Ceil() }
}

// drawText writes s with its baseline at (x, y).
func drawText(dst *image.RGBA, f font.Face, c color.Color, x, y int, s string) {
	d := &font.Drawer{Dst: dst, Src: image.NewUniform(c), Face: f, Dot: fixed.P(x, y)}
	d.DrawString(s)
}
