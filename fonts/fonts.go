// Package fonts holds the typefaces magz sets every edition in, embedded in
// the binary so that a build needs no system fonts. All are TrueType (glyf)
// fonts under open licences; see the LICENSE-* files beside them.
//
//   - Caladea (SIL OFL 1.1): body text, a serif drawn for print.
//   - Lato (SIL OFL 1.1): headlines, captions, folios and furniture.
//   - DejaVu Sans and DejaVu Sans Mono (Bitstream Vera licence): code, and
//     the fallback for symbols the other faces lack.
package fonts

import "embed"

//go:embed *.ttf
var files embed.FS

// Face names a bundled font file.
type Face string

const (
	Serif           Face = "Caladea-Regular.ttf"
	SerifItalic     Face = "Caladea-Italic.ttf"
	SerifBold       Face = "Caladea-Bold.ttf"
	SerifBoldItalic Face = "Caladea-BoldItalic.ttf"
	SansBlack       Face = "Lato-Black.ttf"
	SansBold        Face = "Lato-Bold.ttf"
	Sans            Face = "Lato-Regular.ttf"
	SansItalic      Face = "Lato-Italic.ttf"
	Mono            Face = "DejaVuSansMono.ttf"
	Fallback        Face = "DejaVuSans.ttf"
)

// All lists every bundled face in a fixed order.
var All = []Face{Serif, SerifItalic, SerifBold, SerifBoldItalic, SansBlack, SansBold, Sans, SansItalic, Mono, Fallback}

// Bytes returns the TrueType data of a face.
func Bytes(f Face) ([]byte, error) { return files.ReadFile(string(f)) }
