package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"magz/layout/page"
)

// Inspecting a finished print edition, as a preflight reads it: what the
// hand-off sheet tells the print shop is measured here on the file magz
// wrote, not taken from what magz meant to write.

// InkReport is what a print PDF's type, rules and pictures are made of.
type InkReport struct {
	Texts       int // text runs shown
	BlackTexts  int // in black ink alone
	SmallTexts  int // under SmallText
	SmallMulti  int // small ones in more than one ink besides black
	SolidBlack  int // text runs and rules in solid black
	Overprinted int // of those, how many overprint
	ThinRules   int // strokes under ThinRule
	ThinMulti   int // thin ones in more than one ink besides black
	// MostInk is the most ink (percent) of any fill, stroke or text
	// colour set in the content.
	MostInk int
	// Images counts the pictures by colour space (DeviceCMYK,
	// DeviceGray, …); Masked those with a soft mask.
	Images map[string]int
	Masked int
	// Reversed counts light text runs set on four-colour areas (pictures
	// in CMYK, fills of two inks or more); ReversedSmall those under
	// ReversedMin and not bold, which misregistration fills in.
	Reversed, ReversedSmall int
}

// ReversedMin is the least size of type reversed out of four colours
// that is not bold.
const ReversedMin = 9 * page.Pt

// Inspect reads a print PDF magz finished and measures its inks.
func Inspect(file []byte) (InkReport, error) {
	rep := InkReport{Images: map[string]int{}}
	src, err := readSource(file)
	if err != nil {
		return rep, err
	}
	pages, err := src.pages()
	if err != nil {
		return rep, err
	}
	seenImage := map[int]bool{}
	for i, p := range pages {
		pg, err := pageDict(src, p)
		if err != nil {
			return rep, err
		}
		rn, _ := pg.ref("Resources")
		res, err := src.dict(rn)
		if err != nil {
			return rep, err
		}
		cn, ok := pg.ref("Contents")
		if !ok {
			continue
		}
		content, err := src.object(cn)
		if err != nil {
			return rep, err
		}
		data, err := inflate(content)
		if err != nil {
			return rep, fmt.Errorf("page %d: %w", i+1, err)
		}
		if err := rep.page(src, res, data, seenImage); err != nil {
			return rep, fmt.Errorf("page %d: %w", i+1, err)
		}
	}
	return rep, nil
}

func inflate(o *object) ([]byte, error) {
	if o.dict().name("Filter") != "FlateDecode" {
		return o.stream, nil
	}
	zr, err := zlib.NewReader(bytes.NewReader(o.stream))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// gstate is the graphics state the inspection follows.
type gstate struct {
	fill, stroke []float64 // CMYK, 0 to 1; nil for another colour space
	size, width  float64
	overprint    bool
	bold         bool       // the font is a bold or black face
	ctm          [6]float64 // the transformation matrix
}

// area is a part of a page printed in four colours, in page space.
type area struct{ x0, y0, x1, y1 float64 }

// apply maps a point through a matrix.
func apply(m [6]float64, x, y float64) (float64, float64) {
	return float64(m[0]*x) + float64(m[2]*y) + m[4], float64(m[1]*x) + float64(m[3]*y) + m[5]
}

// times is a·b (a applied first).
func times(a, b [6]float64) [6]float64 {
	return [6]float64{
		float64(a[0]*b[0]) + float64(a[1]*b[2]), float64(a[0]*b[1]) + float64(a[1]*b[3]),
		float64(a[2]*b[0]) + float64(a[3]*b[2]), float64(a[2]*b[1]) + float64(a[3]*b[3]),
		float64(a[4]*b[0]) + float64(a[5]*b[2]) + b[4], float64(a[4]*b[1]) + float64(a[5]*b[3]) + b[5],
	}
}

// page follows one content stream's operators.
func (rep *InkReport) page(src *source, res *dict, data []byte, seenImage map[int]bool) error {
	p := &parser{scanner: scanner{data: data}}
	st := gstate{width: 1, ctm: [6]float64{1, 0, 0, 1, 0, 0}}
	var stack []gstate
	var operands []value
	var fourColour []area
	var tx, ty float64 // where the text starts (Td in BT … ET)
	var pending *area  // a rectangle of several inks, until it is filled
	for {
		t, err := p.next()
		if err != nil {
			return err
		}
		if t.kind == tokEOF {
			return nil
		}
		if t.kind != tokKeyword {
			v, err := p.valueFrom(t)
			if err != nil {
				return err
			}
			operands = append(operands, v)
			continue
		}
		op := string(data[t.start:t.end])
		switch op {
		case "q":
			stack = append(stack, st)
		case "Q":
			if len(stack) > 0 {
				st, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "k", "K":
			c := numbers(operands)
			if len(c) == 4 {
				rep.MostInk = max(rep.MostInk, percentOf(c[0])+percentOf(c[1])+percentOf(c[2])+percentOf(c[3]))
			}
			if op == "k" {
				st.fill = c
			} else {
				st.stroke = c
			}
		case "g", "rg", "sc", "scn", "cs":
			st.fill = nil
		case "G", "RG", "SC", "SCN", "CS":
			st.stroke = nil
		case "Tf":
			if n := numbers(operands[min(1, len(operands)):]); len(n) == 1 {
				st.size = n[0]
			}
			if len(operands) == 2 {
				if nm, ok := operands[0].(name); ok {
					st.bold = boldFont(src, res, nm)
				}
			}
		case "cm":
			if n := numbers(operands); len(n) == 6 {
				st.ctm = times([6]float64(n), st.ctm)
			}
		case "Td":
			if n := numbers(operands); len(n) == 2 {
				tx, ty = apply(st.ctm, n[0], n[1])
			}
		case "re":
			if n := numbers(operands); len(n) == 4 && st.fill != nil && others(st.fill) >= 2 {
				// a fill of several inks, if it is filled (fpdf writes re f)
				x0, y0 := apply(st.ctm, n[0], n[1])
				x1, y1 := apply(st.ctm, n[0]+n[2], n[1]+n[3])
				pending = &area{min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)}
			}
		case "f", "F", "f*", "B", "b":
			if pending != nil {
				fourColour = append(fourColour, *pending)
			}
		case "w":
			if n := numbers(operands); len(n) == 1 {
				st.width = n[0]
			}
		case "gs":
			if len(operands) == 1 {
				if nm, ok := operands[0].(name); ok {
					if d := res.dict("ExtGState").dict(nm); d != nil {
						if v := d.get("op"); v != nil {
							st.overprint = v == keyword("true")
						}
					}
				}
			}
		case "Tj", "TJ", "'", `"`:
			rep.text(st)
			rep.reversed(st, tx, ty, fourColour)
		case "S", "s":
			rep.stroke(st)
		case "Do":
			if len(operands) == 1 {
				if nm, ok := operands[0].(name); ok {
					cmyk, err := rep.image(src, res, nm, seenImage)
					if err != nil {
						return err
					}
					if cmyk {
						x0, y0 := apply(st.ctm, 0, 0)
						x1, y1 := apply(st.ctm, 1, 1)
						fourColour = append(fourColour, area{min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)})
					}
				}
			}
		case "BI":
			return fmt.Errorf("an inline image, which magz does not write")
		}
		if op != "re" {
			pending = nil
		}
		operands = operands[:0]
	}
}

// percentOf is an ink of 0 to 1 in whole percent (the product rounded
// on its own: no fused multiply-add).
func percentOf(v float64) int { return int(math.Round(float64(v * 100))) }

// numbers reads operands that are all numbers.
func numbers(vs []value) []float64 {
	var out []float64
	for _, v := range vs {
		n, ok := v.(number)
		if !ok {
			return nil
		}
		f, err := strconv.ParseFloat(string(n), 64)
		if err != nil {
			return nil
		}
		out = append(out, f)
	}
	return out
}

// others counts the inks besides black a CMYK colour uses.
func others(c []float64) int {
	n := 0
	for _, v := range c[:3] {
		if v > 0 {
			n++
		}
	}
	return n
}

func (rep *InkReport) text(st gstate) {
	rep.Texts++
	c := st.fill
	if c == nil {
		return
	}
	if others(c) == 0 {
		rep.BlackTexts++
	}
	if st.size < SmallText.Points() {
		rep.SmallTexts++
		if others(c) > 1 {
			rep.SmallMulti++
		}
	}
	if others(c) == 0 && c[3] >= solidBlack/100.0 {
		rep.SolidBlack++
		if st.overprint {
			rep.Overprinted++
		}
	}
}

func (rep *InkReport) stroke(st gstate) {
	c := st.stroke
	if c == nil {
		return // registration marks, in a spot colour
	}
	if st.width < ThinRule.Points() {
		rep.ThinRules++
		if others(c) > 1 {
			rep.ThinMulti++
		}
	}
	if others(c) == 0 && c[3] >= solidBlack/100.0 {
		rep.SolidBlack++
		if st.overprint {
			rep.Overprinted++
		}
	}
}

// image counts a picture the first time it is drawn, and tells whether
// it prints in four colours.
func (rep *InkReport) image(src *source, res *dict, nm name, seen map[int]bool) (bool, error) {
	n, ok := res.dict("XObject").ref(nm)
	if !ok {
		return false, nil
	}
	d, err := src.dict(n)
	if err != nil {
		return false, err
	}
	if d.name("Subtype") != "Image" {
		return false, nil
	}
	cmyk := d.name("ColorSpace") != "DeviceGray"
	if seen[n] {
		return cmyk, nil
	}
	seen[n] = true
	cs := string(d.name("ColorSpace"))
	if cs == "" {
		if a := d.array("ColorSpace"); len(a) > 0 {
			if first, ok := a[0].(name); ok {
				cs = string(first)
			}
		}
	}
	rep.Images[cs]++
	if _, ok := d.ref("SMask"); ok {
		rep.Masked++
	}
	return cmyk, nil
}

// reversed counts light text set on a four-colour area.
func (rep *InkReport) reversed(st gstate, x, y float64, fourColour []area) {
	c := st.fill
	if c == nil || percentOf(c[0])+percentOf(c[1])+percentOf(c[2])+percentOf(c[3]) > lightText {
		return
	}
	for _, a := range fourColour {
		if x >= a.x0 && x <= a.x1 && y >= a.y0 && y <= a.y1 {
			rep.Reversed++
			if st.size < ReversedMin.Points() && !st.bold {
				rep.ReversedSmall++
			}
			return
		}
	}
}

// lightText is the most ink (percent) of text that counts as reversed:
// paper white, or a light tint.
const lightText = 30

// boldFont tells whether a font resource is a bold or black face, by the
// name it is embedded under.
func boldFont(src *source, res *dict, nm name) bool {
	n, ok := res.dict("Font").ref(nm)
	if !ok {
		return false
	}
	f, err := src.dict(n)
	if err != nil {
		return false
	}
	base := strings.ToLower(string(f.name("BaseFont")))
	return strings.Contains(base, "bold") || strings.Contains(base, "black")
}
