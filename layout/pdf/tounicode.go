package pdf

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf16"

	"magz/layout/page"
	"magz/layout/shape"
)

// Arabic text is drawn as presentation forms, the glyphs of its letters
// joined (layout/shape), in visual order. fpdf maps every glyph to the
// character it was drawn for, so readers would extract the forms, not
// the letters: where a document draws such forms, the finishing step
// gives its fonts a ToUnicode map that names the letters instead (a
// lam-alef ligature names both, in the visual order of its glyph, which
// extraction reverses with the rest of the right-to-left run).

// presentationForm tells a character of Unicode's Arabic presentation
// forms.
func presentationForm(r rune) bool { return r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF }

// drawsForms tells whether any text of the issue is set in presentation
// forms.
func drawsForms(iss *page.Issue) bool {
	for _, p := range iss.Pages {
		for _, it := range p.Items {
			if t, ok := it.(*page.Text); ok && strings.IndexFunc(t.Text, presentationForm) >= 0 {
				return true
			}
		}
	}
	return false
}

// toUnicodeCMap is the ToUnicode map of a font of fpdf's (whose codes
// are the characters drawn, 0000 to FFFF) with the presentation forms
// mapped to their letters.
func toUnicodeCMap() []byte {
	letters := shape.Letters()
	var ranges, chars []string
	for hi := 0; hi < 0x100; hi++ {
		lo, hiEnd := hi<<8, hi<<8|0xff
		start := -1
		flush := func(end int) {
			if start >= 0 {
				ranges = append(ranges, fmt.Sprintf("<%04X> <%04X> <%04X>", start, end, start))
				start = -1
			}
		}
		for c := lo; c <= hiEnd; c++ {
			l, ok := letters[rune(c)]
			if !ok {
				if start < 0 {
					start = c
				}
				continue
			}
			flush(c - 1)
			l = slices.Clone(l)
			slices.Reverse(l) // visual order, as the glyph is drawn
			var dst strings.Builder
			for _, u := range utf16.Encode(l) {
				fmt.Fprintf(&dst, "%04X", u)
			}
			chars = append(chars, fmt.Sprintf("<%04X> <%s>", c, dst.String()))
		}
		flush(hiEnd)
	}
	var b strings.Builder
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo\n<</Registry (Adobe)\n/Ordering (UCS)\n/Supplement 0\n>> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	section := func(entries []string, kind string) {
		for i := 0; i < len(entries); i += 100 { // at most 100 entries a section
			part := entries[i:min(i+100, len(entries))]
			fmt.Fprintf(&b, "%d begin%s\n%s\nend%s\n", len(part), kind, strings.Join(part, "\n"), kind)
		}
	}
	section(ranges, "bfrange")
	section(chars, "bfchar")
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend")
	return []byte(b.String())
}

// mapForms gives every composite font its ToUnicode map with the
// presentation forms named by their letters.
func (r *rewrite) mapForms() error {
	var body []byte
	for n := 1; n < len(r.src.offsets); n++ {
		if !r.src.exists(n) {
			continue
		}
		d, err := r.src.dict(n)
		if err != nil {
			continue // not a dictionary
		}
		cmap, ok := d.ref("ToUnicode")
		if d.name("Subtype") != "Type0" || !ok || !r.src.exists(cmap) {
			continue
		}
		if body == nil {
			body = stream("/Filter /FlateDecode", deflate(toUnicodeCMap()))
		}
		r.replace(cmap, body)
	}
	return nil
}
