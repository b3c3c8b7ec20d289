package layout

import (
	"fmt"
	"strings"
	"testing"

	"magz/fonts"
	"magz/internal/doc"
	"magz/internal/locale"
	"magz/layout/hyph"
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

// TestEmojiUntracked: letter-spacing, which justified lines stretch and
// shrink, leaves emoji alone: tracked, the empty joiners of a sequence
// moved back over the emoji before them, and pdftotext read the sequence
// apart.
func TestEmojiUntracked(t *testing.T) {
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	st := &setter{m: m, hyph: hyph.For(locale.PUEBI)}
	ts := TextStyle{Regular: fonts.Serif, Italic: fonts.Serif, Bold: fonts.Serif, BoldItalic: fonts.Serif, Size: 10 * Pt, Leading: 12 * Pt, Align: Justify}
	text := strings.Repeat("Anak-anak mengirim 👨\u200d👩\u200d👧 dan 👍🏽 untuk keluarga di seberang. ", 8)
	emoji, tracked := 0, 0
	for _, width := range []Length{90 * Pt, 97 * Pt, 111 * Pt, 130 * Pt} {
		for _, ln := range st.setParagraph([]doc.Span{{Text: text}}, ts, width, 0, nil) {
			for _, f := range ln.frags {
				switch {
				case f.face == fonts.Emoji:
					emoji++
					if f.track != 0 {
						t.Errorf("%q is letter-spaced by %d", f.text, f.track)
					}
				case f.track != 0:
					tracked++
				}
			}
		}
	}
	if emoji == 0 || tracked == 0 {
		t.Errorf("%d emoji, %d letter-spaced fragments: the test sets nothing it checks", emoji, tracked)
	}
}

// TestNumberInArabicRun: a number after Arabic is set in the Arabic's face,
// so that readers take the run as one text (see bidi.go); a number after
// Latin keeps the text's face.
func TestNumberInArabicRun(t *testing.T) {
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	st := &setter{m: m, hyph: hyph.For(locale.PUEBI)}
	ts := TextStyle{Regular: fonts.Serif, Italic: fonts.Serif, Bold: fonts.Serif, BoldItalic: fonts.Serif, Size: 10 * Pt, Leading: 12 * Pt, Align: Left}
	faces := map[string]fonts.Face{}
	for _, ln := range st.setParagraph([]doc.Span{{Text: "Tahun 2025 harga naik (مرحبا 2026 بكم) lagi 2027."}}, ts, 200*MM, 0, nil) {
		for _, f := range ln.frags {
			faces[strings.Trim(f.text, " .()")] = f.face
		}
	}
	for num, want := range map[string]fonts.Face{"2025": fonts.Serif, "2026": fonts.Fallback, "2027": fonts.Serif} {
		if faces[num] != want {
			t.Errorf("%s is set in %s, want %s (%v)", num, faces[num], want, faces)
		}
	}
}
