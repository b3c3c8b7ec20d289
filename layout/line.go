package layout

import (
	"magz/fonts"
	"magz/internal/doc"
)

// Run is a piece of a line set by SetLine: text in one face.
type Run struct {
	// Text is the characters in the order they are drawn, left to right
	// (a right-to-left run's reversed, Arabic in its joined forms); a
	// writer draws them by fonts.Face.Codes.
	Text  string
	Face  fonts.Face
	X     Length // from the line's left end
	Width Length
}

// SetLine sets text on one line in face at size as the pages set it, for
// pictures drawn outside the editions (the website's sharing cards): in
// the fallback faces where face lacks a character (characters no face has
// are left out), Arabic joined, Hangul written as jamo composed, and in
// visual order by the Unicode Bidirectional Algorithm. rtl tells whether
// the text runs right to left (its first strong letter does): its line
// then starts at the right.
func (m *Metrics) SetLine(text string, face fonts.Face, size Length) (runs []Run, width Length, rtl bool) {
	st := &setter{m: m}
	var ln line
	for _, f := range st.fragsFor(text, face, size, 0, Color{}, "") {
		ln.frags = append(ln.frags, placed{f, width})
		width += f.width
	}
	rtl = paragraphDirection([]doc.Span{{Text: text}}) == dirRTL
	if needs, _ := needsBidi(ln); needs || rtl {
		ln.frags, _, _ = st.visual(ln, make([]bool, len(ln.frags)), rtl)
	}
	for _, f := range ln.frags {
		runs = append(runs, Run{Text: f.text, Face: f.face, X: f.x, Width: f.width})
	}
	return runs, width, rtl
}
