package pdf

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"magz/fonts"
	"magz/internal/validate"
	"magz/layout/page"
)

// model is a two-page issue drawn by hand: text with letter-spacing and a
// drop cap, a full-bleed image, rules, a rectangle, links.
func model() *page.Issue {
	W, H := page.FromMicrometres(210000), page.FromMicrometres(280000)
	return &page.Issue{
		Width: W, Height: H, Bleed: 3 * page.MM, Title: "Uji 1", Author: "Redaksi", Language: "id",
		Pages: []*page.Page{
			{Kind: page.KindCover, Folio: 1, Items: []page.Item{
				&page.Image{X: 0, Y: 0, W: W, H: H, Source: "/x/photo.jpg", Name: "images/photo.jpg", Crop: [4]int{0, 0, 1e6, 1e6}, Bleed: page.EdgeTop | page.EdgeLeft | page.EdgeRight | page.EdgeBottom},
				&page.Text{X: 40 * page.Pt, Y: 100 * page.Pt, Face: string(fonts.SansBlack), Size: 40 * page.Pt, Text: "Kabar Uji"},
				&page.Link{X: 40 * page.Pt, Y: 60 * page.Pt, W: 100 * page.Pt, H: 40 * page.Pt, Page: 1},
			}},
			{Kind: page.KindArticle, Folio: 2, Items: []page.Item{
				&page.Text{X: 50 * page.Pt, Y: 150 * page.Pt, Face: string(fonts.SansBlack), Size: 30 * page.Pt, Text: "S", HasActual: true},
				&page.Text{X: 72 * page.Pt, Y: 150 * page.Pt, Face: string(fonts.Serif), Size: 9600, Text: "etiap pagi — “kopi” 25 °C → pasar", Track: 100, Actual: "Setiap pagi — “kopi” 25 °C → pasar", HasActual: true},
				&page.Rule{X1: 50 * page.Pt, Y1: 160 * page.Pt, X2: 300 * page.Pt, Y2: 160 * page.Pt, Width: 500},
				&page.Rect{X: 0, Y: 0, W: W, H: 20 * page.Pt, Fill: page.Color{R: 200}, Alpha: 50, Bleed: page.EdgeTop},
				&page.Link{X: 50 * page.Pt, Y: 170 * page.Pt, W: 100 * page.Pt, H: 10 * page.Pt, URL: "https://contoh.id/"},
			}},
		},
		Outline: []page.OutlineItem{{Title: "Artikel", Page: 1}},
	}
}

func jpegBytes(t testing.TB, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), 120, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func write(t *testing.T, ed Edition) []byte {
	t.Helper()
	img := jpegBytes(t, 64, 80)
	var buf bytes.Buffer
	err := Write(&buf, model(), Options{Edition: ed, Date: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), Creator: "magz test",
		Image: func(*page.Image) ([]byte, error) { return img, nil }})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func save(t *testing.T, data []byte) string {
	p := filepath.Join(t.TempDir(), "out.pdf")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPrintEdition(t *testing.T) {
	a, b := write(t, Print), write(t, Print)
	if !bytes.Equal(a, b) {
		t.Error("two writes of the same page model differ")
	}
	if !bytes.Contains(a, []byte("/BleedBox [")) || !bytes.Contains(a, []byte("/TrimBox [")) {
		t.Fatal("print edition lacks TrimBox or BleedBox")
	}
	if bytes.Contains(a, []byte("/URI")) {
		t.Error("print edition carries web links")
	}
	f := save(t, a)
	validate.QPDFCheck(t, f)
	info := validate.PDFInfo(t, f, "-box")
	// media = trim + 2 × 12 mm slug: 210 mm + 24 mm = 663.3 pt
	if !strings.Contains(info, "663.3") {
		t.Errorf("media box is not trim plus slug:\n%s", info)
	}
	if !regexp.MustCompile(`TrimBox:\s+34\.02\s+34\.02\s+629\.29\s+827\.72`).MatchString(info) {
		t.Errorf("unexpected TrimBox:\n%s", info)
	}
	if !regexp.MustCompile(`BleedBox:\s+25\.5\d\s+25\.5\d\s+637\.8\d\s+836\.2\d`).MatchString(info) {
		t.Errorf("unexpected BleedBox:\n%s", info)
	}
}

func TestScreenEdition(t *testing.T) {
	a := write(t, Screen)
	if bytes.Contains(a, []byte("/TrimBox")) {
		t.Error("screen edition has print boxes")
	}
	if !bytes.Contains(a, []byte("/URI")) {
		t.Error("screen edition lacks the web link")
	}
	f := save(t, a)
	validate.QPDFCheck(t, f)
	info := validate.PDFInfo(t, f)
	if !strings.Contains(info, "595.2") || !strings.Contains(info, "Title:           Uji 1") {
		t.Errorf("screen edition is not trim size or lacks its title:\n%s", info)
	}
	text := validate.PDFText(t, f)
	// The drop cap and the rest of its word read as one word; letter-
	// spacing does not split words; symbols survive.
	if !strings.Contains(text, "Setiap pagi — “kopi” 25 °C → pasar") {
		t.Errorf("text as read: %q", text)
	}
}

func TestSortBoxes(t *testing.T) {
	for _, order := range [][2]string{{"TrimBox", "BleedBox"}, {"BleedBox", "TrimBox"}} {
		in := "<</Type /Page /Parent 1 0 R /MediaBox [0 0 10 10] /" + order[0] + " [1 1 9 9] /" + order[1] + " [0.5 0.5 9.5 9.5] /Resources 2 0 R>>"
		v, err := parseValue([]byte(in))
		if err != nil {
			t.Fatal(err)
		}
		d := v.(*dict)
		sortBoxes(d)
		var keys []string
		for _, e := range d.entries {
			keys = append(keys, string(e.key))
		}
		if got := strings.Join(keys, " "); got != "Type Parent MediaBox BleedBox TrimBox Resources" {
			t.Errorf("%v: entries in order %s", order, got)
		}
	}
}

// TestDistinctWidths: pictures that differ get widths of their own, and a
// picture placed again gets the very size it got the first time (once
// its height was computed otherwise, and two renditions of one width
// came out in fpdf's map order).
func TestDistinctWidths(t *testing.T) {
	sizes := []ImageSize{
		{Same: "a", W: 1052, H: 634},
		{Same: "b", W: 1052, H: 633},
		{Same: "c", W: 1052, H: 634},
		{Same: "c", W: 1052, H: 634},
		{Same: "a", W: 1052, H: 634},
	}
	DistinctWidths(sizes)
	widths := map[int]string{}
	for i, s := range sizes {
		if o, ok := widths[s.W]; ok && o != s.Same {
			t.Errorf("%s and %s are both %d pixels wide", o, s.Same, s.W)
		}
		widths[s.W] = s.Same
		for _, r := range sizes[:i] {
			if r.Same == s.Same && r != s {
				t.Errorf("picture %s sized %dx%d and %dx%d", s.Same, r.W, r.H, s.W, s.H)
			}
		}
	}
	if sizes[0] != (ImageSize{"a", 1052, 634}) || sizes[2] != (ImageSize{"c", 1050, 633}) {
		t.Errorf("sizes %v", sizes)
	}
}
