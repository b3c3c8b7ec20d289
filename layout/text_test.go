package layout

import (
	"fmt"
	"strings"
	"testing"

	"magz/fonts"
)

// TestFallbackFaces: characters the text's face lacks are set in the
// fallback faces — Arabic and symbols in DejaVu Sans, Chinese in the CJK
// face, Korean in the Korean face (written as jamo, composed), emoji
// beyond U+FFFF in the emoji face, with the characters that join or
// modify them — and only characters no face has are missing.
func TestFallbackFaces(t *testing.T) {
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	st := &setter{m: m, missing: func(r rune) { missing = append(missing, fmt.Sprintf("%U", r)) }}
	frags := st.fragsFor("Pesta 🎉! 👍🏽 👨\u200d👩\u200d👧 ⭐ 欢迎 ♫ 안녕 \u1112\u1161\u11ab 🥳 𝐀", fonts.Serif, 10*Pt, 0, Color{}, "")
	var got []string
	for _, f := range frags {
		if f.width <= 0 && strings.TrimSpace(f.text) != "" {
			t.Errorf("%q has no width", f.text)
		}
		got = append(got, fmt.Sprintf("%s:%s", f.face.Family(), f.text))
	}
	want := []string{
		"Caladea-Regular:Pesta ", "Symbola-Emoji:🎉", "Caladea-Regular:! ", "Symbola-Emoji:👍🏽",
		"Caladea-Regular: ", "Symbola-Emoji:👨\u200d👩\u200d👧", "Caladea-Regular: ", "Symbola-Emoji:⭐",
		"Caladea-Regular: ", "DroidSansFallback-CJK:欢迎", "Caladea-Regular: ", "DejaVuSans:♫", "Caladea-Regular: ", "Hangul-KSX1001:안녕", "Caladea-Regular: ",
		"Hangul-KSX1001:한", "Caladea-Regular:  ",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("set as\n%q\nwant\n%q", got, want)
	}
	// 🥳 is of Unicode 11, after Symbola; 𝐀 is in DejaVu Sans beyond U+FFFF
	if strings.Join(missing, " ") != "U+1F973 U+1D400" {
		t.Errorf("missing %v", missing)
	}
}
