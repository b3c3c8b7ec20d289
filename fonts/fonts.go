// Package fonts holds the typefaces magz sets every edition in, embedded in
// the binary so that a build needs no system fonts. All are TrueType (glyf)
// fonts under open licences; see the LICENSE-* files beside them.
//
//   - Caladea (SIL OFL 1.1): body text, a serif drawn for print.
//   - Lato (SIL OFL 1.1): headlines, captions, folios and furniture.
//   - DejaVu Sans and DejaVu Sans Mono (Bitstream Vera licence): code, and
//     the fallback for symbols, Arabic (with its presentation forms) and
//     other scripts the other faces lack.
//   - Droid Sans Fallback (Apache 2.0), subset: the fallback for Chinese
//     and Japanese (see CJK).
//   - Nanum Barun Gothic (SIL OFL 1.1), subset and renamed: the fallback
//     for Korean (see Korean).
//   - Symbola (free for any use), subset: the fallback for emoji and the
//     symbols DejaVu Sans lacks, in black outlines (see Emoji).
package fonts

import (
	"embed"
	"encoding/binary"
	"magz/internal/msg"
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

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
	// CJK is Debian's DroidSansFallbackFull.ttf (fonts-droid-fallback,
	// TrueType outlines, embedding allowed) cut down with fontTools to
	// 4,269 characters, 597 KB instead of 4 MB: the 3,755 most used
	// Chinese characters (GB 2312 level 1), hiragana and katakana (U+3040–
	// U+30FF, U+31F0–U+31FF), CJK punctuation (U+3000–U+303F) and
	// full-width forms (U+FF00–U+FFEF), and the space (the PDF writer
	// draws a word space in the face of the word before it). Korean and
	// rarer characters are not in it: they are reported as characters no
	// font has (Korean is in Korean: Droid Sans Fallback has 3 Hangul
	// syllables of 11,172). Made by
	//
	//	pyftsubset DroidSansFallbackFull.ttf --unicodes-file=U.txt --no-hinting \
	//	  --layout-features='' --drop-tables+=GSUB,GPOS,GDEF,vhea,vmtx --name-IDs='*' --notdef-outline
	CJK Face = "DroidSansFallback-CJK.ttf"
	// Korean is Debian's NanumBarunGothic (fonts-nanum 20200506, SIL OFL
	// 1.1, TrueType outlines, fsType 8 = embeddable) cut down with
	// fontTools to the 2,350 Hangul syllables of KS X 1001 (those of
	// everyday Korean; the other 8,822 are rare) and the 94 compatibility
	// jamo (ㄱ ㅋㅋ ㅠㅠ), and the spaces: 2,446 characters, 385 KB
	// instead of 4 MB (all 11,172 syllables would take 1.2 MB).
	// Jamo written apart (U+1100–U+11FF, as some systems decompose) are
	// composed into syllables before they are set. The OFL reserves the
	// font's own name for the original, so the subset is named Hangul
	// KSX1001. Made by fonts/subset-hangul.py (its comment has the command).
	Korean Face = "Hangul-KSX1001.ttf"
	// Emoji is Debian's Symbola 9.17 (fonts-symbola 2.60: "free for any
	// use; may be opened, edited, modified, regenerated, packaged and
	// redistributed"; TrueType outlines, fsType 0) cut down with fontTools
	// to the characters of Unicode's Emoji property (UTS #51) it draws and
	// DejaVu Sans cannot (DejaVu has some beyond U+FFFF, which the PDF
	// writer cannot use) — 1,003 emoji beyond U+FFFF (to Unicode 9:
	// U+1F004–U+1F9E6: faces, people, animals, food, places, objects,
	// flags as pairs of letters) and 63 in the BMP (⌚ ⏰ ⚽ ⛔ ✅ ❌ ⭐ …) —,
	// the spaces, the zero width joiner and U+FE0F (empty, so that a
	// sequence reads whole) and the keycap; the skin tone modifiers are
	// emptied (a black outline has no skin tone); 671 KB instead of 3 MB.
	// Emoji from Unicode 10 on (🤩 🥰 🥺) are not in it: they are reported
	// as characters no font has. The PDF writer addresses a glyph by a
	// 16-bit code, so the face also maps U+1F000–U+1FAFF to the Private
	// Use Area, U+E000–U+EAFF (see Code); the screen PDF's text maps them
	// back. Made by fonts/subset-emoji.py (its comment has the command).
	Emoji Face = "Symbola-Emoji.ttf"
)

// All lists every bundled face in a fixed order.
var All = []Face{Serif, SerifItalic, SerifBold, SerifBoldItalic, SansBlack, SansBold, Sans, SansItalic, Mono, Fallback, CJK, Korean, Emoji}

// Fallbacks are the faces a character no face of the text has is looked
// for in, in order.
var Fallbacks = []Face{Fallback, CJK, Korean, Emoji}

// Where the emoji face maps its characters beyond U+FFFF again:
// U+1F000–U+1FAFF at U+E000–U+EAFF.
const (
	astralFirst, astralLast = 0x1F000, 0x1FAFF
	puaOffset               = 0x11000
)

// Code is the 16-bit code the PDF writer draws r with in face f: r itself,
// or, in the emoji face, the Private Use Area code of an emoji beyond
// U+FFFF. ok is false when no code draws r in f: a character beyond
// U+FFFF in any other face, and one of the emoji face's own Private Use
// Area codes (they stand for emoji, not for what an editor wrote there).
func (f Face) Code(r rune) (code rune, ok bool) {
	if f == Emoji {
		switch {
		case r >= astralFirst && r <= astralLast:
			return r - puaOffset, true
		case r >= astralFirst-puaOffset && r <= astralLast-puaOffset:
			return 0, false
		}
	}
	return r, r <= 0xFFFF
}

// Codes is s as the PDF writer draws it in face f (see Code); characters
// without a code are left as they are.
func (f Face) Codes(s string) string {
	if f != Emoji {
		return s
	}
	return strings.Map(func(r rune) rune {
		if c, ok := f.Code(r); ok {
			return c
		}
		return r
	}, s)
}

// Unicode is the character a code the PDF writer drew in face f stands for
// (the inverse of Code).
func (f Face) Unicode(code rune) rune {
	if f == Emoji && code >= astralFirst-puaOffset && code <= astralLast-puaOffset {
		return code + puaOffset
	}
	return code
}

// A Face may also be a TrueType file of a magazine's own, named by its
// absolute path (see Data).

// Family is the name a face's font goes by in a PDF (and an EPUB): its
// file name without the extension, in letters, digits, '-' and '_' only
// ("My Font.ttf" is My-Font), as PDF names and XML ids want.
func (f Face) Family() string {
	base := filepath.Base(string(f))
	return strings.Map(func(r rune) rune {
		if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_') {
			return r
		}
		return '-'
	}, strings.TrimSuffix(base, filepath.Ext(base)))
}

// Data returns the TrueType data of a face: bundled, or read from its
// file.
func Data(f Face) ([]byte, error) {
	if filepath.IsAbs(string(f)) {
		return os.ReadFile(string(f))
	}
	return files.ReadFile(string(f))
}

// Families are the bundled typefaces by the names a theme gives them, each
// with its regular, italic, bold and bold italic (or black) faces.
var Families = map[string][4]Face{
	"Caladea": {Serif, SerifItalic, SerifBold, SerifBoldItalic},
	"Lato":    {Sans, SansItalic, SansBold, SansBlack},
}

// Info is what a font file says of itself that matters to magz.
type Info struct {
	TrueType bool   // glyf outlines (not CFF), which the PDF writer embeds
	FsType   uint16 // the OS/2 embedding permissions (0: installable)
}

// Embeddable tells whether the font's licence bits allow embedding it,
// subset, in a PDF: not restricted (bit 1), subsetting allowed (bit 8),
// outlines and not bitmaps only (bit 9).
func (i Info) Embeddable() bool { return i.FsType&(0x0002|0x0100|0x0200) == 0 }

// Inspect reads the table directory of a TrueType or OpenType font.
func Inspect(data []byte) (Info, error) {
	if len(data) < 12 {
		return Info{}, msg.New("not a font file")
	}
	switch string(data[:4]) {
	case "\x00\x01\x00\x00", "true", "OTTO":
	default:
		return Info{}, msg.New("not a TrueType or OpenType font file")
	}
	var info Info
	n := int(binary.BigEndian.Uint16(data[4:]))
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(data) {
			return Info{}, msg.New("the font's table directory is cut short")
		}
		tag := string(data[rec : rec+4])
		off := int(binary.BigEndian.Uint32(data[rec+8:]))
		switch tag {
		case "glyf":
			info.TrueType = true
		case "OS/2":
			if off+10 <= len(data) {
				info.FsType = binary.BigEndian.Uint16(data[off+8:])
			}
		}
	}
	return info, nil
}
