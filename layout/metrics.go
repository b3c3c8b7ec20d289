package layout

import (
	"magz/internal/msg"
	"magz/layout/page"
	"sync"
	"unicode/utf8"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"magz/fonts"
)

// Metrics measures text in the bundled faces and a magazine's own. Widths are in thousandths of
// the font size (PDF glyph space), rounded as the PDF writer rounds them, so
// what layout measures is what the PDF draws.
type Metrics struct {
	mu    sync.Mutex
	faces map[fonts.Face]*faceMetrics
}

type faceMetrics struct {
	f      *sfnt.Font
	upem   int
	buf    sfnt.Buffer
	widths map[rune]int // -1: not in the face
	ascent int          // thousandths of the size
}

// NewMetrics parses the bundled faces; a magazine's own (a Face that is a
// file's path) are parsed when first measured.
func NewMetrics() (*Metrics, error) {
	m := &Metrics{faces: map[fonts.Face]*faceMetrics{}}
	for _, face := range fonts.All {
		if _, err := m.load(face); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// load parses a face (with m.mu held, or before m is shared).
func (m *Metrics) load(face fonts.Face) (*faceMetrics, error) {
	if fm, ok := m.faces[face]; ok {
		return fm, nil
	}
	data, err := fonts.Data(face)
	if err != nil {
		return nil, err
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		return nil, msg.Errorf("font %s: %w", face, err)
	}
	fm := &faceMetrics{f: f, upem: int(f.UnitsPerEm()), widths: map[rune]int{}}
	if met, err := f.Metrics(&fm.buf, fixed.I(fm.upem), font.HintingNone); err == nil {
		fm.ascent = met.Ascent.Round() * 1000 / fm.upem
	}
	m.faces[face] = fm
	return fm, nil
}

// face returns a face's metrics, the fallback's when it cannot be read
// (the reader has reported the file by then).
func (m *Metrics) face(face fonts.Face) *faceMetrics {
	if fm, err := m.load(face); err == nil {
		return fm
	}
	return m.faces[fonts.Fallback]
}

// width returns the advance of r in thousandths of the size, or -1 when the
// face has no glyph for r.
func (m *Metrics) width(face fonts.Face, r rune) int {
	m.mu.Lock()
	defer m.mu.Unlock()
	fm := m.face(face)
	if w, ok := fm.widths[r]; ok {
		return w
	}
	w := -1
	// fpdf addresses a font's glyphs by 16-bit codes: a character beyond
	// U+FFFF (𝐀) cannot be drawn, even by a face that has it, unless the
	// face maps it to one (the emoji face, see fonts.Face.Code)
	code, drawable := face.Code(r)
	gi, err := fm.f.GlyphIndex(&fm.buf, code)
	if err == nil && gi != 0 && drawable {
		adv, err := fm.f.GlyphAdvance(&fm.buf, gi, fixed.I(fm.upem), font.HintingNone)
		if err == nil {
			// fpdf stores widths as round(advance*1000/unitsPerEm).
			w = (adv.Round()*1000 + fm.upem/2) / fm.upem
		}
	}
	fm.widths[r] = w
	return w
}

// Has reports whether face has a glyph for r.
func (m *Metrics) Has(face fonts.Face, r rune) bool { return m.width(face, r) >= 0 }

// Width of s set in face at size (both in layout units).
func (m *Metrics) Width(face fonts.Face, size Length, s string) Length {
	total := 0
	for _, r := range s {
		w := m.width(face, r)
		for _, fb := range fonts.Fallbacks {
			if w >= 0 {
				break
			}
			w = m.width(fb, r)
		}
		if w > 0 {
			total += w
		}
	}
	return Length(int64(total) * int64(size) / 1000)
}

// Ascent of face at size.
func (m *Metrics) Ascent(face fonts.Face, size Length) Length {
	m.mu.Lock()
	defer m.mu.Unlock()
	return Length(int64(m.face(face).ascent) * int64(size) / 1000)
}

// TextWidth is the advance of a text item as drawn, letter-spacing included.
func (m *Metrics) TextWidth(t *page.Text) Length {
	return m.Width(fonts.Face(t.Face), t.Size, t.Text) + t.Track*Length(utf8.RuneCountInString(t.Text))
}
