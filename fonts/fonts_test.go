package fonts

import (
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/encoding/korean"
)

func TestFamily(t *testing.T) {
	for face, want := range map[Face]string{
		Serif:                       "Caladea-Regular",
		"/m/fonts/My Font Bold.ttf": "My-Font-Bold",
		"/m/fonts/Sérif (v2).ttf":   "S-rif--v2-",
		"/m/fonts/Teluk_Black.TTF":  "Teluk_Black",
	} {
		if got := face.Family(); got != want {
			t.Errorf("%q.Family() = %q, want %q", face, got, want)
		}
	}
}

func TestInspect(t *testing.T) {
	data, err := Data(Sans)
	if err != nil {
		t.Fatal(err)
	}
	info, err := Inspect(data)
	if err != nil || !info.TrueType || !info.Embeddable() {
		t.Errorf("Lato: %+v, %v", info, err)
	}
	if _, err := Inspect([]byte("GIF89a not a font")); err == nil {
		t.Error("a GIF read as a font")
	}
	if info := (Info{TrueType: true, FsType: 0x0008}); !info.Embeddable() {
		t.Error("editable embedding refused")
	}
	for _, fs := range []uint16{0x0002, 0x0100, 0x0200} {
		if (Info{TrueType: true, FsType: fs}).Embeddable() {
			t.Errorf("fsType %#04x allowed", fs)
		}
	}
}

// TestCJK: the CJK fallback is TrueType that a PDF may embed, and has the
// characters its comment promises and the space.
func TestCJK(t *testing.T) {
	data, err := Data(CJK)
	if err != nil {
		t.Fatal(err)
	}
	info, err := Inspect(data)
	if err != nil || !info.TrueType || !info.Embeddable() {
		t.Fatalf("%+v %v", info, err)
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var b sfnt.Buffer
	for _, r := range " 欢迎光临中国的人民こんにちはカタカナ。、「」！" {
		if gi, err := f.GlyphIndex(&b, r); err != nil || gi == 0 {
			t.Errorf("%q (%U) is not in the CJK face", r, r)
		}
	}
	if len(data) > 700<<10 {
		t.Errorf("the CJK face is %d KB: cut it down as its comment says", len(data)>>10)
	}
}

// TestEmoji: the emoji fallback is TrueType that a PDF may embed; it draws
// emoji beyond U+FFFF by the codes Code gives (the PDF writer's 16-bit
// ones) and by their own, emoji of the BMP that DejaVu Sans lacks, and the
// characters that keep a sequence whole, without width.
func TestEmoji(t *testing.T) {
	data, err := Data(Emoji)
	if err != nil {
		t.Fatal(err)
	}
	info, err := Inspect(data)
	if err != nil || !info.TrueType || !info.Embeddable() {
		t.Fatalf("%+v %v", info, err)
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var b sfnt.Buffer
	for _, r := range "😀😂🙏👍🎉🔥🚀🍜🇮🇩🧀⭐✅⚽⛔⌚ \u200d\ufe0f" {
		code, ok := Emoji.Code(r)
		if !ok || code > 0xFFFF {
			t.Errorf("%q (%U): no 16-bit code (%U)", r, r, code)
			continue
		}
		gi, err := f.GlyphIndex(&b, code)
		if err != nil || gi == 0 {
			t.Errorf("%q (%U) is not in the emoji face at %U", r, r, code)
		}
	}
	for _, r := range "\u200d\ufe0f\U0001F3FD" {
		code, _ := Emoji.Code(r)
		gi, _ := f.GlyphIndex(&b, code)
		if adv, err := f.GlyphAdvance(&b, gi, 1000, 0); err != nil || adv != 0 {
			t.Errorf("%U is %v wide (%v), want 0", r, adv, err)
		}
	}
	if len(data) > 700<<10 {
		t.Errorf("the emoji face is %d KB: cut it down as its comment says", len(data)>>10)
	}
}

// TestKorean: the Korean fallback is TrueType that a PDF may embed, draws
// every Hangul syllable of KS X 1001 (read from its encoding, EUC-KR), the
// compatibility jamo and the space, and does not go by the names the OFL
// reserves for the font it was cut from.
func TestKorean(t *testing.T) {
	data, err := Data(Korean)
	if err != nil {
		t.Fatal(err)
	}
	info, err := Inspect(data)
	if err != nil || !info.TrueType || !info.Embeddable() {
		t.Fatalf("%+v %v", info, err)
	}
	f, err := sfnt.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	var b sfnt.Buffer
	dec := korean.EUCKR.NewDecoder()
	syllables := 0
	for lead := byte(0xB0); lead <= 0xC8; lead++ {
		for trail := byte(0xA1); trail <= 0xFE; trail++ {
			s, err := dec.Bytes([]byte{lead, trail})
			r := []rune(string(s))
			if err != nil || len(r) != 1 || r[0] < 0xAC00 || r[0] > 0xD7A3 {
				continue
			}
			syllables++
			if gi, err := f.GlyphIndex(&b, r[0]); err != nil || gi == 0 {
				t.Errorf("%q (%U) of KS X 1001 is not in the Korean face", r[0], r[0])
			}
		}
	}
	if syllables != 2350 {
		t.Errorf("KS X 1001 read as %d syllables", syllables)
	}
	for _, r := range " ㄱㅋㅠㅎㅏ" {
		if gi, err := f.GlyphIndex(&b, r); err != nil || gi == 0 {
			t.Errorf("%q (%U) is not in the Korean face", r, r)
		}
	}
	for _, id := range []sfnt.NameID{sfnt.NameIDFamily, sfnt.NameIDFull, sfnt.NameIDPostScript} {
		if name, _ := f.Name(&b, id); name == "" || strings.Contains(strings.ToLower(name), "nanum") {
			t.Errorf("name %d is %q: the OFL reserves Nanum's names for the original", id, name)
		}
	}
	if len(data) > 400<<10 {
		t.Errorf("the Korean face is %d KB: cut it down as its comment says", len(data)>>10)
	}
}
