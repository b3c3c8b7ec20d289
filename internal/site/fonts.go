package site

import (
	"path/filepath"
	"slices"

	"magz/fonts"
	"magz/internal/theme"
)

// families are the CSS font families of the magazine's text and display
// faces: the bundled faces by their names (as installed on many
// devices), then the like faces most devices have.
type families struct{ text, display string }

func familiesOf(t theme.Typefaces) families {
	return families{text: familyOf(t.Text, "serif"), display: familyOf(t.Display, "sans-serif")}
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
		return `"` + f.Family() + `", ` + generic
	}
	return generic
}
