// Package assets holds files magz embeds besides fonts: the EPUB style
// sheet and the colour profiles of the print edition (see icc/LICENSE and
// icc/make-profiles.sh).
package assets

import _ "embed"

// EPUBCSS is the style sheet of the EPUB edition; {{deep}}, {{accent}},
// {{tint}}, {{ink}} and {{muted}} stand for the magazine's theme colours
// (its greys are the theme's muted colour), {{text}} and
// {{display}} for its typefaces' CSS font families.
//
//go:embed epub.css
var EPUBCSS []byte

// SRGB is the sRGB profile RGB content is tagged with.
//
//go:embed icc/sRGB.icc
var SRGB []byte

// CoatedProfile characterises offset printing on coated paper (FOGRA39),
// separating with at most 300 % of ink.
//
//go:embed icc/magz-coated-fogra39.icc
var CoatedProfile []byte

// UncoatedProfile characterises offset printing on uncoated paper
// (FOGRA29), separating with at most 260 % of ink.
//
//go:embed icc/magz-uncoated-fogra29.icc
var UncoatedProfile []byte
