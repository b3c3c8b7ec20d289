package site

import (
	"fmt"
	"html/template"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"magz/fonts"
	"magz/internal/theme"
)

// The magazine's typefaces on its pages: the theme's text and display
// faces as web fonts cut to the site's characters (webfont.go), under the
// families "Magazine Text" and "Magazine Display", each followed by the
// like faces most devices have. font-display: optional keeps the page
// from moving: a face that is not there in time is used from the next
// page on.

// families are the CSS font families of the text and display faces.
type families struct{ text, display string }

// webFace is one face on the site: its file, and how CSS names it.
type webFace struct {
	face   fonts.Face
	family string
	weight int
	italic bool
}

func (w webFace) file() string { return "fonts/" + w.face.Family() + ".woff" }

func webFacesOf(t theme.Typefaces) []webFace {
	return []webFace{
		{t.Text, "Magazine Text", 400, false}, {t.TextItalic, "Magazine Text", 400, true},
		{t.TextBold, "Magazine Text", 700, false}, {t.TextBoldItalic, "Magazine Text", 700, true},
		{t.Display, "Magazine Display", 400, false}, {t.DisplayItalic, "Magazine Display", 400, true},
		{t.DisplayBold, "Magazine Display", 700, false}, {t.DisplayBlack, "Magazine Display", 900, false},
	}
}

func familiesOf(t theme.Typefaces) families {
	return families{text: `"Magazine Text", ` + familyOf(t.Text, "serif"), display: `"Magazine Display", ` + familyOf(t.Display, "sans-serif")}
}

func familyOf(f fonts.Face, generic string) string {
	caladea, lato := fonts.Families["Caladea"], fonts.Families["Lato"]
	switch {
	case slices.Contains(caladea[:], f):
		return `Caladea, Cambria, Georgia, serif`
	case slices.Contains(lato[:], f):
		return `Lato, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif`
	case f == fonts.Fallback || f == fonts.Mono:
		return `"DejaVu Sans", Verdana, sans-serif`
	case filepath.IsAbs(string(f)):
		return generic
	}
	return generic
}

// FontFaces are the @font-face rules of the magazine's faces, from a page
// at root.
func (d pageData) FontFaces() template.CSS {
	var b strings.Builder
	for _, w := range d.webFaces {
		style := "normal"
		if w.italic {
			style = "italic"
		}
		b.WriteString("@font-face { font-family: " + strconv.Quote(w.family) + "; src: url(" + strconv.Quote(d.Root+w.file()) + `) format("woff"); font-weight: ` +
			strconv.Itoa(w.weight) + "; font-style: " + style + "; font-display: optional; }\n")
	}
	return template.CSS(b.String())
}

// Preloads are the faces every page sets text in at once (body text, and
// the headlines' black), asked for with the page so that they are there
// in time to be used.
func (d pageData) Preloads() []string {
	var out []string
	for _, w := range d.webFaces {
		if !w.italic && (w.family == "Magazine Text" && w.weight == 400 || w.family == "Magazine Display" && w.weight == 900) {
			out = append(out, w.file())
		}
	}
	return out
}

// baseRunes are kept in every web font whatever the text: ASCII, Latin-1
// and the punctuation magz's own words use.
const baseRunes = "–—‘’“”…·•→←×"

// writeFonts writes the web fonts, cut to the runes the pages use.
func (s *siteData) writeFonts(out string, used map[rune]bool) error {
	var runes []rune
	for r := rune(0x20); r < 0x100; r++ {
		if r < 0x7f || r >= 0xa0 {
			runes = append(runes, r)
		}
	}
	runes = append(runes, []rune(baseRunes)...)
	for r := range used {
		if r >= 0x100 {
			runes = append(runes, r)
		}
	}
	slices.Sort(runes)
	runes = slices.Compact(runes)
	done := map[fonts.Face]bool{}
	for _, w := range s.webFaces {
		if done[w.face] {
			continue
		}
		done[w.face] = true
		data, err := fonts.Data(w.face)
		if err != nil {
			return err
		}
		sub, err := subsetFont(data, runes)
		if err == nil {
			sub, err = woff(sub)
		}
		if err != nil {
			return fmt.Errorf("%s: %w", w.face.Family(), err)
		}
		if err := writeFile(filepath.Join(out, filepath.FromSlash(w.file())), sub); err != nil {
			return err
		}
	}
	return nil
}
