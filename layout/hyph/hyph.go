// Package hyph finds the places where words may be hyphenated.
//
// Indonesian follows the syllabification rules of PUEBI (Pedoman Umum Ejaan
// Bahasa Indonesia), written for magz from the rules themselves:
//   - ng, ny, kh and sy are single consonants and are never split;
//   - the diphthongs ai, au, ei and oi are never split; other vowel pairs are
//     (sa-at, bu-ah);
//   - one consonant between vowels goes with the next syllable (V-CV: a-nak);
//   - two consonants are split between them (VC-CV: ban-tu);
//   - three or more are split after the first (VC-CCV: ul-tra, in-stru-men);
//   - a break at a prefix or suffix (ber-, ter-, meng-, -kan, -nya, ...)
//     is preferred to a break inside a root;
//   - words already written with a hyphen (anak-anak) break only there;
//   - at least two letters stay on each side of a break.
//
// No hyphenation patterns are embedded (TeX's hyph-id is GPL-2). Languages
// without rules here are not hyphenated at all: never hyphenating is better
// than hyphenating wrongly.
package hyph

import (
	"magz/internal/locale"
	"sort"
	"strings"
	"unicode"
)

// Break is a place where a word may be broken: after Pos bytes.
type Break struct {
	Pos int
	// Preferred marks a break at a morpheme boundary (prefix, suffix).
	Preferred bool
	// Explicit marks the position just after a hyphen already in the word:
	// breaking there adds no hyphen.
	Explicit bool
}

// Hyphenator finds breaks in words of one language.
type Hyphenator interface {
	Breaks(word string) []Break
}

// For returns the hyphenator that applies the given rules.
func For(rules locale.Hyphenation) Hyphenator {
	if rules == locale.PUEBI {
		return Indonesian{}
	}
	return explicitOnly{}
}

// explicitOnly breaks only after hyphens already present.
type explicitOnly struct{}

func (explicitOnly) Breaks(word string) []Break { return explicitBreaks(word) }

func explicitBreaks(word string) []Break {
	var out []Break
	for i := 0; i < len(word); i++ {
		if word[i] == '-' && i >= 2 && len(word)-i-1 >= 2 {
			out = append(out, Break{Pos: i + 1, Explicit: true})
		}
	}
	return out
}

// Indonesian is the PUEBI rule-based hyphenator.
type Indonesian struct{}

// exceptions are words the rules get wrong, with their breaks marked.
var exceptions = map[string]string{
	"ekstra":        "eks-tra",
	"transportasi":  "trans-por-ta-si",
	"transformasi":  "trans-for-ma-si",
	"transmigrasi":  "trans-mi-gra-si",
	"instruksi":     "in-struk-si",
	"konstruksi":    "kon-struk-si",
	"infrastruktur": "in-fra-struk-tur",
	"indonesia":     "in-do-ne-sia",
	"papua":         "pa-pua",
	"foto":          "fo-to",
	"internet":      "in-ter-net",
	"program":       "pro-gram",
	"kilometer":     "ki-lo-me-ter",
}

var prefixes = []string{"memper", "diper", "meng", "peng", "meny", "peny", "mem", "pem", "men", "pen", "ber", "ter", "per", "se", "di", "ke"}
var suffixes = []string{"kannya", "annya", "kan", "nya", "lah", "kah", "pun", "an"}

// Breaks implements Hyphenator.
func (Indonesian) Breaks(word string) []Break {
	if strings.Contains(word, "-") {
		return explicitBreaks(word)
	}
	runes := []rune(word)
	if len(runes) < 4 || len(runes) != len(word) {
		return nil // short words, and words with non-ASCII letters, stay whole
	}
	upper := 0
	for i, r := range runes {
		if !unicode.IsLetter(r) {
			return nil // numbers, abbreviations with dots, codes
		}
		if unicode.IsUpper(r) {
			if i > 0 {
				upper++
			}
		}
	}
	if upper > 0 {
		return nil // acronyms (DPRD) and camel case
	}
	lower := strings.ToLower(word)
	if ex, ok := exceptions[lower]; ok {
		var out []Break
		n := 0
		for _, r := range ex {
			if r == '-' {
				out = append(out, Break{Pos: n})
				continue
			}
			n++
		}
		return out
	}
	pos := morphology(lower, syllableBreaks(lower))
	var out []Break
	for _, p := range pos {
		if p < 2 || len(lower)-p < 2 {
			continue
		}
		out = append(out, Break{Pos: p, Preferred: morphemeBoundary(lower, p)})
	}
	return out
}

// Roots beginning with a vowel that take ber-, ter-, per-, meng- or peng-
// unchanged: after these
// prefixes PUEBI breaks between prefix and root (ber-a-khir), which the
// syllable rules alone would not (be-ra-khir). Roots not listed are split
// by syllables, which is never wrong to read (be-ra-ni is a root).
var vowelRoots = []string{"ada", "akhir", "ajar", "angkat", "asal", "atur", "awal", "alih", "ubah", "usaha",
	"ulang", "untung", "urus", "ikut", "isi", "ingat", "obat", "olah", "edar", "operasi", "ekor", "umur", "ukur", "ucap", "ambil", "antar", "anak",
	"alam", "aman", "amat", "ancam", "anggap", "angkut", "atas", "awas", "elak", "enal", "iring", "ukir", "ungsi", "unjuk", "urai", "utus"}

// confixes that close with -an around a root: ke-an, pe-an, per-an, ...
var confixPrefixes = []string{"peng", "peny", "pem", "pen", "per", "pel", "pe", "ke"}

// morphology adjusts syllable breaks at morpheme boundaries, as PUEBI asks:
// per-ja-lan-an (not per-ja-la-nan), ke-se-hat-an, ber-a-khir.
func morphology(w string, breaks []int) []int {
	set := map[int]bool{}
	for _, b := range breaks {
		set[b] = true
	}
	// prefix + vowel-initial root
	for _, pre := range []string{"meng", "peng", "ber", "ter", "per"} {
		if !strings.HasPrefix(w, pre) {
			continue
		}
		for _, root := range vowelRoots {
			if strings.HasPrefix(w[len(pre):], root) {
				for b := range set {
					if b < len(pre)+1 {
						delete(set, b)
					}
				}
				set[len(pre)] = true
			}
		}
	}
	// confix ...-an after a root ending in a consonant: the consonant
	// stays with the root (ke-se-hat-an, pen-di-dik-an, ke-u-ang-an).
	n := len(w)
	if n >= 7 && strings.HasSuffix(w, "an") {
		for _, pre := range confixPrefixes {
			if !strings.HasPrefix(w, pre) {
				continue
			}
			c := w[n-3]
			if isVowel(c) || c == 'y' || c == 'w' {
				break
			}
			cons := n - 3
			if strings.HasSuffix(w[:n-2], "ng") || strings.HasSuffix(w[:n-2], "ny") || strings.HasSuffix(w[:n-2], "kh") || strings.HasSuffix(w[:n-2], "sy") {
				cons = n - 4
			}
			if set[cons] {
				delete(set, cons)
				set[n-2] = true
			}
			break
		}
	}
	out := make([]int, 0, len(set))
	for b := range set {
		out = append(out, b)
	}
	sort.Ints(out)
	return out
}

func morphemeBoundary(w string, p int) bool {
	for _, pre := range prefixes {
		if p == len(pre) && strings.HasPrefix(w, pre) && len(w)-p >= 4 {
			return true
		}
	}
	for _, suf := range suffixes {
		if p == len(w)-len(suf) && strings.HasSuffix(w, suf) && p >= 3 {
			return true
		}
	}
	return false
}

func isVowel(b byte) bool {
	switch b {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// unit is a letter or a digraph (ng, ny, kh, sy) counted as one sound.
type unit struct {
	start, end int
	vowel      bool
}

func units(w string) []unit {
	var us []unit
	for i := 0; i < len(w); {
		if i+1 < len(w) {
			switch w[i : i+2] {
			case "ng", "ny", "kh", "sy":
				us = append(us, unit{i, i + 2, false})
				i += 2
				continue
			}
		}
		us = append(us, unit{i, i + 1, isVowel(w[i])})
		i++
	}
	return us
}

func diphthong(a, b byte) bool {
	switch string([]byte{a, b}) {
	case "ai", "au", "ei", "oi":
		return true
	}
	return false
}

// syllableBreaks returns byte offsets between syllables of a lower-case
// ASCII word.
func syllableBreaks(w string) []int {
	us := units(w)
	var vowels []int // indexes into us of syllable nuclei (diphthongs count once)
	for i := 0; i < len(us); i++ {
		if !us[i].vowel {
			continue
		}
		vowels = append(vowels, i)
		if i+1 < len(us) && us[i+1].vowel && diphthong(w[us[i].start], w[us[i+1].start]) {
			// A diphthong is one nucleus (pan-tai, ker-bau, sau-da-ra,
			// pa-kai-an).
			i++
		}
	}
	var out []int
	for k := 0; k+1 < len(vowels); k++ {
		a, b := vowels[k], vowels[k+1]
		// consonants strictly between the end of nucleus a and nucleus b
		end := a
		for end+1 < b && us[end+1].vowel {
			end++
		}
		cons := b - end - 1
		switch {
		case cons == 0: // V-V
			out = append(out, us[b].start)
		case cons == 1: // V-CV
			out = append(out, us[end+1].start)
		default: // VC-CV, VC-CCV: after the first consonant
			out = append(out, us[end+2].start)
		}
	}
	return out
}

// Hyphenate returns word with "-" at every break, for tests and debugging.
func Hyphenate(h Hyphenator, word string) string {
	var b strings.Builder
	last := 0
	for _, br := range h.Breaks(word) {
		b.WriteString(word[last:br.Pos])
		if !br.Explicit {
			b.WriteByte('-')
		}
		last = br.Pos
	}
	b.WriteString(word[last:])
	return b.String()
}
