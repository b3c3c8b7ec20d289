package shape

import (
	"fmt"
	"testing"
)

func hexes(s string) string {
	out := ""
	for _, r := range s {
		out += fmt.Sprintf("%04X ", r)
	}
	return out
}

func TestArabic(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// meem initial, reh final (reh joins only back), hah initial, beh medial, alef final
		{"مرحبا", "\uFEE3\uFEAE\uFEA3\uFE92\uFE8E"},
		// beh initial, kaf medial, meem final
		{"بكم", "\uFE91\uFEDC\uFEE2"},
		// lam-alef: a ligature, isolated, then final after a joining letter
		{"لا", "\uFEFB"},
		{"سلام", "\uFEB3\uFEFC\uFEE1"},
		{"إلى", "\uFE87\uFEDF\uFEF0"},
		// a mark does not break the joining
		{"بَت", "\uFE91\u064E\uFE96"},
		// one letter alone; letters apart from other text
		{"ب", "\uFE8F"},
		{"Kata ب lagi", "Kata \uFE8F lagi"},
		{"no arabic", "no arabic"},
		// Persian letters
		{"پچ", "\uFB58\uFB7B"},
	} {
		if got := Arabic(tc.in); got != tc.want {
			t.Errorf("%q: %s, want %s", tc.in, hexes(got), hexes(tc.want))
		}
	}
}

func TestLetters(t *testing.T) {
	l := Letters()
	for _, s := range []string{"مرحبا", "السلام عليكم", "إلى", "پچ"} {
		var back []rune
		for _, r := range Arabic(s) {
			if b, ok := l[r]; ok {
				back = append(back, b...)
			} else {
				back = append(back, r)
			}
		}
		if string(back) != s {
			t.Errorf("%q shaped reads back as %q", s, string(back))
		}
	}
}
