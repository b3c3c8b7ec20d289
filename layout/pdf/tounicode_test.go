package pdf

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"magz/fonts"
	"magz/internal/validate"
	"magz/layout/page"
	"magz/layout/shape"

	"golang.org/x/image/font"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/text/unicode/bidi"
)

// scriptsModel is a tagged page as layout sets it: a line with emoji in
// the emoji face (one beyond U+FFFF, one with a skin tone, a family joined
// by U+200D, one in the BMP), a line of two Arabic words in presentation
// forms, and a word broken at the line end (drawn in the silent copy of
// its face).
func scriptsModel() *page.Issue {
	W, H := page.FromMicrometres(210000), page.FromMicrometres(280000)
	pt := page.Pt
	text := func(x, y page.Length, face fonts.Face, s string) *page.Text {
		return &page.Text{X: x, Y: y, Face: string(face), Size: 12 * pt, Text: s, Node: 1, Spaced: true}
	}
	lang := func(t *page.Text) *page.Text { t.Lang = "ar"; return t }
	w1, w2 := bidi.ReverseString(shape.Arabic("سلام")), bidi.ReverseString(shape.Arabic("عليكم")) // as drawn
	data, _ := fonts.Data(fonts.Fallback)
	f, _ := sfnt.Parse(data)
	width := func(s string) page.Length { // at 12 pt
		var b sfnt.Buffer
		w := fixed.Int26_6(0)
		for _, r := range s {
			gi, _ := f.GlyphIndex(&b, r)
			adv, _ := f.GlyphAdvance(&b, gi, fixed.I(int(f.UnitsPerEm())), font.HintingNone)
			w += adv
		}
		return page.Length(int64(w) * int64(12*pt) / int64(fixed.I(int(f.UnitsPerEm()))))
	}
	return &page.Issue{
		Width: W, Height: H, Title: "Uji", Language: "id",
		Structure: []page.Node{{Role: page.RoleDocument}, {Role: page.RoleP}},
		Pages: []*page.Page{{Kind: page.KindArticle, Folio: 1, Items: []page.Item{
			text(50*pt, 100*pt, fonts.Serif, "Senyum"),
			text(100*pt, 100*pt, fonts.Emoji, "😀"),
			text(120*pt, 100*pt, fonts.Emoji, "👍🏽"),
			text(140*pt, 100*pt, fonts.Emoji, "👨\u200d👩\u200d👧"),
			text(200*pt, 100*pt, fonts.Emoji, "⭐"),
			// two words of Arabic, a run drawn left to right, as layout draws it
			lang(text(50*pt, 130*pt, fonts.Fallback, w2)),
			lang(text(50*pt+width(w2+" "), 130*pt, fonts.Fallback, w1)),
			&page.Text{
				X: 50 * pt, Y: 160 * pt, Face: string(fonts.Serif), Size: 12 * pt, Node: 1,
				Text: "Per-", Actual: "Perubahan", HasActual: true, Broken: true,
			},
			&page.Text{X: 50 * pt, Y: 175 * pt, Face: string(fonts.Serif), Size: 12 * pt, Node: 1, Text: "ubahan", HasActual: true, Broken: true, Spaced: true},
		}}},
	}
}

// TestEmojiReads: emoji beyond U+FFFF are drawn by the emoji face's
// Private Use Area codes and read back as the emoji, joiners and skin
// tones included, in poppler and pdf.js; the Arabic reads as letters, its
// words in order with the space between them (one piece of content); and
// the silent copy of a face keeps reading as nothing when the fonts' maps
// are rewritten for Arabic (pdf.js read its "Per-" and "ubahan" when the
// rewrite replaced its map too).
func TestEmojiReads(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, scriptsModel(), Options{Edition: Screen, Date: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), Creator: "magz test"})
	if err != nil {
		t.Fatal(err)
	}
	f := save(t, buf.Bytes())
	validate.QPDFCheck(t, f)
	const want = "Senyum 😀 👍🏽 👨\u200d👩\u200d👧 ⭐ سلام عليكم Perubahan"
	// poppler marks the right-to-left run (U+202B…U+202C)
	norm := strings.NewReplacer("\u202b", "", "\u202c", "")
	// (poppler reads by where text sits; each piece in its place)
	got := strings.Join(strings.Fields(norm.Replace(validate.PDFText(t, f))), " ")
	for _, w := range []string{"Senyum 😀 👍🏽 👨\u200d👩\u200d👧", "⭐", "سلام عليكم", "Perubahan"} {
		if !strings.Contains(got, w) {
			t.Errorf("poppler reads %q, want %q in it", got, w)
		}
	}
	if strings.Count(got, "Per") != 1 {
		t.Errorf("poppler reads the silent copy: %q", got)
	}
	// pdf.js leaves the zero width joiners out of its text (the emoji
	// are there)
	wantJS := strings.ReplaceAll(want, "\u200d", "")
	pg := validate.PDFJS(t, f)[0]
	if got := strings.Join(strings.Fields(pg.Text()), " "); got != wantJS {
		t.Errorf("pdf.js reads %q, want %q", got, wantJS)
	}
	for _, it := range pg.Items {
		if it.Artifact && strings.TrimSpace(it.Str) != "" {
			t.Errorf("pdf.js reads the silent copy: %q", it.Str)
		}
	}
	// the run of Arabic is one piece of marked content, in its language
	for _, c := range pg.Content() {
		if strings.Contains(c, "سلام") != strings.Contains(c, "عليكم") {
			t.Errorf("the Arabic run is in pieces of content: %q", pg.Content())
		}
	}
}

// TestCodes: what fonts.Face.Code draws, the emoji face's map reads back.
func TestCodes(t *testing.T) {
	cmap := string(toUnicodeCMap(emojiOf))
	for _, tc := range []struct {
		r     rune
		entry string
	}{
		{'😀', "<E600> <D83DDE00>"},
		{'🧀', "<E9C0> <D83EDDC0>"},
		{'🀄', "<E004> <D83CDC04>"},
	} {
		code, ok := fonts.Emoji.Code(tc.r)
		if !ok || code > 0xFFFF {
			t.Errorf("%U is drawn by %U (%v)", tc.r, code, ok)
		}
		if !strings.Contains(cmap, tc.entry) {
			t.Errorf("the emoji face's map lacks %s", tc.entry)
		}
		if u := fonts.Emoji.Unicode(code); u != tc.r {
			t.Errorf("%U reads as %U", code, u)
		}
	}
	if _, ok := fonts.Emoji.Code(0xE600); ok {
		t.Error("an editor's own Private Use Area character would read as an emoji")
	}
	if _, ok := fonts.Fallback.Code('𝐀'); ok {
		t.Error("a character beyond U+FFFF is drawable in a face without codes for it")
	}
}
