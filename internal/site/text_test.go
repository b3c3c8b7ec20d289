package site

import (
	"image"
	"image/color"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"

	"magz/fonts"
	"magz/layout/shape"
)

// TestCardText: a card sets text as the pages do — Arabic joined, right
// to left and against the right edge, characters the theme's face lacks
// (Chinese, Korean, emoji) in the fallback faces — so that each draws
// the pixels of the right glyphs in the right face, drawn here by hand.
func TestCardText(t *testing.T) {
	ts := &typeset{}
	const px, w, h, base = 60, 600, 100, 70
	plain := func(face fonts.Face, s string, x fixed.Int26_6) *image.RGBA {
		data, err := fonts.Data(face)
		if err != nil {
			t.Fatal(err)
		}
		ot, err := opentype.Parse(data)
		if err != nil {
			t.Fatal(err)
		}
		fc, err := opentype.NewFace(ot, &opentype.FaceOptions{Size: px, DPI: 72, Hinting: font.HintingNone})
		if err != nil {
			t.Fatal(err)
		}
		defer fc.Close()
		dst := image.NewRGBA(image.Rect(0, 0, w, h))
		d := &font.Drawer{Dst: dst, Src: image.NewUniform(color.Black), Face: fc, Dot: fixed.Point26_6{X: x, Y: fixed.I(base)}}
		for _, ch := range face.Codes(s) {
			d.DrawString(string(ch))
		}
		return dst
	}
	for _, tc := range []struct {
		text  string
		face  fonts.Face // the fallback that draws it
		drawn string     // as drawn, left to right
		rtl   bool
	}{
		{"مرحبا", fonts.Fallback, bidi.ReverseString(shape.Arabic("مرحبا")), true},
		{"欢迎光临", fonts.CJK, "欢迎光临", false},
		{"안녕하세요", fonts.Korean, "안녕하세요", false},
		{"😀🎉", fonts.Emoji, "😀🎉", false},
	} {
		cf, err := ts.face(fonts.SansBlack, px)
		if err != nil {
			t.Fatal(err)
		}
		got := image.NewRGBA(image.Rect(0, 0, w, h))
		if err := cf.draw(got, color.Black, 10, w-10, base, tc.text); err != nil {
			t.Fatal(err)
		}
		x := fixed.I(10)
		if tc.rtl { // where draw puts it
			_, width, _ := cf.set(tc.text)
			x = fixed.I(w-10) - fixed.Int26_6(width*64/1000)
		}
		want := plain(tc.face, tc.drawn, x)
		cf.Close()
		if diff := differ(got, want); diff > 0 {
			t.Errorf("%q: %d pixels differ from %q in %s at x %v", tc.text, diff, tc.drawn, tc.face.Family(), x)
		}
	}
	// words of Arabic run from the right edge leftwards
	cf, err := ts.face(fonts.SansBlack, px)
	if err != nil {
		t.Fatal(err)
	}
	defer cf.Close()
	got := image.NewRGBA(image.Rect(0, 0, w, h))
	if err := cf.draw(got, color.Black, 10, w-10, base, "مرحبا بكم"); err != nil {
		t.Fatal(err)
	}
	_, width, _ := cf.set("مرحبا")
	first := plain(fonts.Fallback, bidi.ReverseString(shape.Arabic("مرحبا")), fixed.I(w-10)-fixed.Int26_6(width*64/1000))
	if right := inkRight(got); right < w-10-px/6 || right > w-8 { // the glyph's side bearing
		t.Errorf("the Arabic ends at x %d, not at the right edge %d", right, w-10)
	}
	if inkRight(first) != inkRight(got) {
		t.Errorf("the first word is not at the right: ink to %d, the word alone to %d", inkRight(got), inkRight(first))
	}
}

// inkRight is the last column with ink.
func inkRight(m *image.RGBA) int {
	right := -1
	for i := 3; i < len(m.Pix); i += 4 {
		if m.Pix[i] > 64 {
			right = max(right, (i/4)%m.Bounds().Dx())
		}
	}
	return right
}

// differ counts the pixels that differ by more than a rounding.
func differ(a, b *image.RGBA) int {
	n := 0
	for i := 3; i < len(a.Pix); i += 4 {
		if d := int(a.Pix[i]) - int(b.Pix[i]); d > 8 || d < -8 {
			n++
		}
	}
	return n
}
