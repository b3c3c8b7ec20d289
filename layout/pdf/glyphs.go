package pdf

import (
	"fmt"
	"sort"
	"strings"

	"magz/fonts"
	"magz/layout/page"
)

// Text that reads otherwise than it shows. A word hyphenated at a line end
// shows in two parts; an address broken over lines in several; a drop cap
// shows its word's first letter apart. The screen edition must read each
// as the whole word in every reader, and most readers take the text of the
// page and nothing else: Firefox's pdf.js ignores marked-content
// /ActualText, and reads a word drawn as two pieces of text as two. So the
// screen edition draws what shows in a copy of its face that reads as
// nothing — every code of it maps to U+200B ZERO WIDTH SPACE, a format
// character pdf.js leaves out of the text, in an artifact holding a Span
// whose /ActualText is empty for poppler and Acrobat — and writes what it
// reads,
// the whole word, as invisible text (render mode 3) over the first part,
// squeezed to its width so that a selection highlights what shows. Every
// reader finds the word once, and whole; the page looks as printed.

// silentSuffix names the copy of a face whose text reads as nothing.
const silentSuffix = "-silent"

// silentFonts are, by the name fpdf gives each silent copy of a face
// (its /BaseFont), the characters drawn in it.
type silentFonts map[string]map[rune]bool

// silent selects the silent copy of face, registering it the first time,
// and records the characters of text drawn in it.
func (d *drawer) silent(face fonts.Face, size page.Length, text string) error {
	family := family(face) + silentSuffix
	if !d.silentFaces[face] {
		data, err := fonts.Data(face)
		if err != nil {
			return err
		}
		d.f.AddUTF8FontFromBytes(family, "", data)
		if err := d.f.Error(); err != nil {
			return fmt.Errorf("font %s: %w", face, err)
		}
		d.silentFaces[face] = true
	}
	d.f.SetFont(family, "", pt(size))
	base := "utf8" + strings.ToLower(family) // as fpdf names it
	if d.tags.silent[base] == nil {
		d.tags.silent[base] = map[rune]bool{}
	}
	for _, r := range text {
		d.tags.silent[base][r] = true
	}
	return nil
}

// readAs draws a text that reads otherwise than it shows (a part of a
// word broken at a line end, a drop cap and the rest of its word): as it
// shows, in the face's silent copy, an artifact; and what it reads as (if
// anything) as invisible text of its element, over it.
func (d *drawer) readAs(it *page.Text) error {
	face := fonts.Face(it.Face)
	shows, reads := face.Codes(it.Text), face.Codes(it.Actual) // see fonts.Face.Code
	if err := d.silent(face, it.Size, shows); err != nil {
		return err
	}
	// an artifact; poppler honours /ActualText on a Span only
	d.markAs(0, "")
	d.f.RawWriteStr("/Span <</ActualText ()>> BDC\n")
	d.f.Text(d.x(it.X), d.x(it.Y), shows)
	d.f.RawWriteStr("EMC\n")
	d.unmark()
	if it.Actual == "" {
		return nil
	}
	// squeezed (or stretched) to the width of what shows, in percent
	d.f.SetFont(family(face), "", pt(it.Size))
	shown, read := d.f.GetStringWidth(shows), d.f.GetStringWidth(reads+" ")
	n, m := len([]rune(shows)), len([]rune(reads))+1
	scale := page.Length(100_000)
	if w := page.Length(read*1000) + page.Length(m)*it.Track; w > 0 {
		scale = (page.Length(shown*1000) + page.Length(n)*it.Track) * 100_000 / w
	}
	if it.Lang != "" {
		d.markAs(it.Node, "/Lang "+textString(it.Lang))
	} else {
		d.mark(it.Node)
	}
	d.f.RawWriteStr("3 Tr " + num(scale) + " Tz\n")
	d.f.Text(d.x(it.X), d.x(it.Y), reads+" ")
	d.f.RawWriteStr("0 Tr 100 Tz\n")
	if it.Lang != "" {
		d.unmark()
	}
	return nil
}

// num writes a length in points with three decimals, from its integer
// thousandths.
func num(l page.Length) string {
	sign := ""
	if l < 0 {
		sign, l = "-", -l
	}
	return fmt.Sprintf("%s%d.%03d", sign, l/1000, l%1000)
}

// silence makes the silent copies of faces read as nothing: their
// ToUnicode maps every character drawn in them to U+200B.
func silence(src *source, r *rewrite, fonts silentFonts) error {
	if len(fonts) == 0 {
		return nil
	}
	for n := 1; n < len(src.offsets); n++ {
		if !src.exists(n) {
			continue
		}
		d, err := src.dict(n)
		if err != nil || d.name("Subtype") != "Type0" {
			continue
		}
		runes, ok := fonts[string(d.name("BaseFont"))]
		if !ok {
			continue
		}
		to, ok := d.ref("ToUnicode")
		if !ok {
			return fmt.Errorf("finishing the PDF: font %s has no ToUnicode", d.name("BaseFont"))
		}
		r.replace(to, stream("", silentCMap(runes)))
	}
	return nil
}

// silentCMap is a ToUnicode CMap that maps the given characters (fpdf's
// codes are the characters' own, two bytes) to U+200B.
func silentCMap(runes map[rune]bool) []byte {
	codes := make([]int, 0, len(runes))
	for r := range runes {
		if r <= 0xffff {
			codes = append(codes, int(r))
		}
	}
	sort.Ints(codes)
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n")
	b.WriteString("/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for len(codes) > 0 {
		k := min(len(codes), 100) // at most 100 entries a block
		fmt.Fprintf(&b, "%d beginbfchar\n", k)
		for _, c := range codes[:k] {
			fmt.Fprintf(&b, "<%04X> <200B>\n", c)
		}
		b.WriteString("endbfchar\n")
		codes = codes[k:]
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return []byte(b.String())
}
