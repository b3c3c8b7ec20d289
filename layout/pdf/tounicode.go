package pdf

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf16"

	"magz/fonts"
	"magz/layout/page"
	"magz/layout/shape"
)

// fpdf maps every code of a font to the character of the same number
// (its ToUnicode map is the identity), which is what readers extract.
// Two kinds of text draw other codes than the characters they read as,
// and the finishing step gives their fonts a ToUnicode map that says so:
//
//   - Arabic is drawn as presentation forms, the glyphs of its letters
//     joined (layout/shape), in visual order: the forms map to their
//     letters (a lam-alef ligature to both, in the visual order of its
//     glyph, which extraction reverses with the rest of the right-to-left
//     run).
//   - Emoji beyond U+FFFF are drawn by the emoji face's Private Use Area
//     codes (fonts.Face.Code): those map back to the emoji, as UTF-16
//     pairs.
//
// The silent copies of faces (glyphs.go) keep their own maps.

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

// formLetters gives a presentation form's letters in the order its glyph
// draws them (visual).
func formLetters() func(code rune) []rune {
	letters := shape.Letters()
	return func(code rune) []rune {
		l, ok := letters[code]
		if !ok {
			return nil
		}
		l = slices.Clone(l)
		slices.Reverse(l)
		return l
	}
}

// emojiOf gives the emoji a code of the emoji face stands for, when it is
// not the code's own character.
func emojiOf(code rune) []rune {
	if u := fonts.Emoji.Unicode(code); u != code {
		return []rune{u}
	}
	return nil
}

// toUnicodeCMap is the ToUnicode map of a font of fpdf's (whose codes
// are 0000 to FFFF) that maps each code to itself, except those for which
// special gives the characters.
func toUnicodeCMap(special func(code rune) []rune) []byte {
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
			l := special(rune(c))
			if l == nil {
				if start < 0 {
					start = c
				}
				continue
			}
			flush(c - 1)
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

// mapUnicode gives the emoji face's composite font the map of its
// emoji, and, when the document draws presentation forms, every other
// composite font the map naming them by their letters. A map the
// finishing step has replaced already (a silent copy's) is kept.
func (r *rewrite) mapUnicode() {
	if !r.src.forms && !r.src.emoji {
		return
	}
	emoji := "utf8" + strings.ToLower(fonts.Emoji.Family()) // as fpdf names it
	var forms []byte
	for n := 1; n < len(r.src.offsets); n++ {
		if !r.src.exists(n) {
			continue
		}
		d, err := r.src.dict(n)
		if err != nil {
			continue // not a dictionary
		}
		cmap, ok := d.ref("ToUnicode")
		if d.name("Subtype") != "Type0" || !ok || !r.src.exists(cmap) || r.replaced[cmap] != nil {
			continue
		}
		switch {
		case string(d.name("BaseFont")) == emoji:
			r.replace(cmap, stream("/Filter /FlateDecode", deflate(toUnicodeCMap(emojiOf))))
		case r.src.forms:
			if forms == nil {
				forms = stream("/Filter /FlateDecode", deflate(toUnicodeCMap(formLetters())))
			}
			r.replace(cmap, forms)
		}
	}
}
