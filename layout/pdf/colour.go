package pdf

import (
	"fmt"

	"magz/layout/page"
)

// neutralSpread is how far apart R, G and B may be for a colour to count
// as a grey, printed in black ink alone.
const neutralSpread = 16

// inks returns the print form of c: cyan, magenta, yellow and black, 0 to
// 100. The page model's own print form wins; a grey is black ink alone (as
// dark as the grey looks); any other colour is separated with full grey
// component replacement, which never puts more than 200 % of ink down.
func inks(c page.Color) [4]int {
	if c.HasInk {
		return [4]int{int(c.Ink[0]), int(c.Ink[1]), int(c.Ink[2]), int(c.Ink[3])}
	}
	r, g, b := int(c.R), int(c.G), int(c.B)
	hi, lo := max(r, g, b), min(r, g, b)
	if hi-lo <= neutralSpread {
		lum := (299*r + 587*g + 114*b) / 1000
		return [4]int{0, 0, 0, (100*(255-lum) + 127) / 255}
	}
	// the grey component, 1-max(r,g,b), goes to black; each of the other
	// inks is what is left of its complement: at most 1-k, so at most
	// 200 % in all
	sep := func(v int) int { return (100*(hi-v) + 127) / 255 }
	return [4]int{sep(r), sep(g), sep(b), (100*(255-hi) + 127) / 255}
}

// inkOp returns the PDF operator that sets inks as a process colour: k
// for fills and text, K for strokes.
func inkOp(v [4]int, op string) string {
	return fmt.Sprintf("%s %s %s %s %s\n", pct(v[0]), pct(v[1]), pct(v[2]), pct(v[3]), op)
}

// pct writes a percentage as a PDF number from 0 to 1.
func pct(v int) string {
	switch v {
	case 0:
		return "0"
	case 100:
		return "1"
	}
	return fmt.Sprintf("%.2f", float64(v)/100)
}

// TotalInk is the sum of the four inks of c in print, in percent: the
// coverage a printer's ink limit is about.
func TotalInk(c page.Color) int {
	v := inks(c)
	return v[0] + v[1] + v[2] + v[3]
}

// Inks is the print form of c: cyan, magenta, yellow and black, 0 to 100.
func Inks(c page.Color) [4]int { return inks(c) }
