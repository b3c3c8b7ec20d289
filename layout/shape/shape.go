// Package shape writes text the way the PDF writer can draw it: Arabic
// letters as their contextual forms (see Arabic), and says what those
// forms stand for (Letters), for the text readers extract.
package shape

import "strings"

// Arabic shaping. A letter of the Arabic script takes one of up to four
// forms by the letters it joins: isolated, final (joined to the letter
// before it), initial (to the letter after it) and medial (both). fpdf
// draws a character's glyph as it is and knows no shaping, so magz writes
// each letter as its presentation form (Unicode's Arabic Presentation
// Forms, which the fallback face carries), and lam followed by alef as
// their ligature. The finishing step maps the forms back to the letters
// for readers (see Letters), so the text is extracted as written.

// arabicForms are a letter's forms: isolated, final, initial, medial (0:
// none; a letter with no initial form joins only the letter before it).
type arabicForms [4]rune

var arabicLetters = map[rune]arabicForms{
	0x0621: {0xFE80, 0, 0, 0},                // hamza
	0x0622: {0xFE81, 0xFE82, 0, 0},           // alef with madda
	0x0623: {0xFE83, 0xFE84, 0, 0},           // alef with hamza above
	0x0624: {0xFE85, 0xFE86, 0, 0},           // waw with hamza
	0x0625: {0xFE87, 0xFE88, 0, 0},           // alef with hamza below
	0x0626: {0xFE89, 0xFE8A, 0xFE8B, 0xFE8C}, // yeh with hamza
	0x0627: {0xFE8D, 0xFE8E, 0, 0},           // alef
	0x0628: {0xFE8F, 0xFE90, 0xFE91, 0xFE92}, // beh
	0x0629: {0xFE93, 0xFE94, 0, 0},           // teh marbuta
	0x062A: {0xFE95, 0xFE96, 0xFE97, 0xFE98}, // teh
	0x062B: {0xFE99, 0xFE9A, 0xFE9B, 0xFE9C}, // theh
	0x062C: {0xFE9D, 0xFE9E, 0xFE9F, 0xFEA0}, // jeem
	0x062D: {0xFEA1, 0xFEA2, 0xFEA3, 0xFEA4}, // hah
	0x062E: {0xFEA5, 0xFEA6, 0xFEA7, 0xFEA8}, // khah
	0x062F: {0xFEA9, 0xFEAA, 0, 0},           // dal
	0x0630: {0xFEAB, 0xFEAC, 0, 0},           // thal
	0x0631: {0xFEAD, 0xFEAE, 0, 0},           // reh
	0x0632: {0xFEAF, 0xFEB0, 0, 0},           // zain
	0x0633: {0xFEB1, 0xFEB2, 0xFEB3, 0xFEB4}, // seen
	0x0634: {0xFEB5, 0xFEB6, 0xFEB7, 0xFEB8}, // sheen
	0x0635: {0xFEB9, 0xFEBA, 0xFEBB, 0xFEBC}, // sad
	0x0636: {0xFEBD, 0xFEBE, 0xFEBF, 0xFEC0}, // dad
	0x0637: {0xFEC1, 0xFEC2, 0xFEC3, 0xFEC4}, // tah
	0x0638: {0xFEC5, 0xFEC6, 0xFEC7, 0xFEC8}, // zah
	0x0639: {0xFEC9, 0xFECA, 0xFECB, 0xFECC}, // ain
	0x063A: {0xFECD, 0xFECE, 0xFECF, 0xFED0}, // ghain
	0x0641: {0xFED1, 0xFED2, 0xFED3, 0xFED4}, // feh
	0x0642: {0xFED5, 0xFED6, 0xFED7, 0xFED8}, // qaf
	0x0643: {0xFED9, 0xFEDA, 0xFEDB, 0xFEDC}, // kaf
	0x0644: {0xFEDD, 0xFEDE, 0xFEDF, 0xFEE0}, // lam
	0x0645: {0xFEE1, 0xFEE2, 0xFEE3, 0xFEE4}, // meem
	0x0646: {0xFEE5, 0xFEE6, 0xFEE7, 0xFEE8}, // noon
	0x0647: {0xFEE9, 0xFEEA, 0xFEEB, 0xFEEC}, // heh
	0x0648: {0xFEED, 0xFEEE, 0, 0},           // waw
	0x0649: {0xFEEF, 0xFEF0, 0xFBE8, 0xFBE9}, // alef maksura
	0x064A: {0xFEF1, 0xFEF2, 0xFEF3, 0xFEF4}, // yeh
	0x0671: {0xFB50, 0xFB51, 0, 0},           // alef wasla
	0x067E: {0xFB56, 0xFB57, 0xFB58, 0xFB59}, // peh
	0x0686: {0xFB7A, 0xFB7B, 0xFB7C, 0xFB7D}, // tcheh
	0x0698: {0xFB8A, 0xFB8B, 0, 0},           // jeh
	0x06A9: {0xFB8E, 0xFB8F, 0xFB90, 0xFB91}, // keheh
	0x06AF: {0xFB92, 0xFB93, 0xFB94, 0xFB95}, // gaf
	0x06CC: {0xFBFC, 0xFBFD, 0xFBFE, 0xFBFF}, // farsi yeh
}

// lamAlef are the ligatures of lam with an alef: isolated and final.
var lamAlef = map[rune][2]rune{
	0x0622: {0xFEF5, 0xFEF6},
	0x0623: {0xFEF7, 0xFEF8},
	0x0625: {0xFEF9, 0xFEFA},
	0x0627: {0xFEFB, 0xFEFC},
}

const (
	lam     = 0x0644
	tatweel = 0x0640 // the joining stroke: joins both ways, has no forms
	zwj     = 0x200D
)

// transparent marks (harakat and the like) sit on a letter and do not
// break its joining.
func transparent(r rune) bool {
	return r >= 0x064B && r <= 0x065F || r == 0x0670 || r >= 0x06D6 && r <= 0x06DC ||
		r >= 0x06DF && r <= 0x06E4 || r == 0x06E7 || r == 0x06E8 || r >= 0x06EA && r <= 0x06ED
}

// joinsNext tells whether r joins the letter after it; joinsPrev whether
// it joins the one before.
func joinsNext(r rune) bool {
	f, ok := arabicLetters[r]
	return ok && f[2] != 0 || r == tatweel || r == zwj
}

func joinsPrev(r rune) bool {
	f, ok := arabicLetters[r]
	return ok && f[1] != 0 || r == tatweel || r == zwj
}

// HasArabic tells whether s has a letter to shape.
func HasArabic(s string) bool {
	for _, r := range s {
		if r >= 0x0621 && r <= 0x06FF {
			return true
		}
	}
	return false
}

// Arabic writes the Arabic letters of s as their presentation forms, in
// logical order; everything else is left as it is.
func Arabic(s string) string {
	if !HasArabic(s) {
		return s
	}
	rs := []rune(s)
	// prev and next skip transparent marks
	neighbour := func(i, step int) rune {
		for j := i + step; j >= 0 && j < len(rs); j += step {
			if !transparent(rs[j]) {
				return rs[j]
			}
		}
		return 0
	}
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		forms, ok := arabicLetters[r]
		if !ok {
			b.WriteRune(r)
			continue
		}
		prev := neighbour(i, -1)
		joinedBefore := joinsNext(prev) && forms[1] != 0
		if r == lam {
			// lam and the alef after it are one glyph
			j := i + 1
			for j < len(rs) && transparent(rs[j]) {
				j++
			}
			if j < len(rs) {
				if lig, ok := lamAlef[rs[j]]; ok {
					if joinedBefore {
						b.WriteRune(lig[1])
					} else {
						b.WriteRune(lig[0])
					}
					for _, m := range rs[i+1 : j] { // the lam's marks
						b.WriteRune(m)
					}
					i = j
					continue
				}
			}
		}
		joinedAfter := forms[2] != 0 && joinsPrev(neighbour(i, 1))
		switch {
		case joinedBefore && joinedAfter:
			b.WriteRune(forms[3])
		case joinedBefore:
			b.WriteRune(forms[1])
		case joinedAfter:
			b.WriteRune(forms[2])
		default:
			b.WriteRune(forms[0])
		}
	}
	return b.String()
}

// Letters maps each presentation form Arabic writes back to the letters
// it stands for, in logical order (a lam-alef ligature to lam and alef).
func Letters() map[rune][]rune {
	out := map[rune][]rune{}
	for base, forms := range arabicLetters {
		for _, f := range forms {
			if f != 0 {
				out[f] = []rune{base}
			}
		}
	}
	for alef, lig := range lamAlef {
		out[lig[0]] = []rune{lam, alef}
		out[lig[1]] = []rune{lam, alef}
	}
	return out
}
