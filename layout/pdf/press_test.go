package pdf

import (
	"bytes"
	"compress/zlib"
	"image"
	"image/png"
	"io"
	"strings"
	"testing"
	"time"

	"magz/assets"
	"magz/fonts"
	"magz/internal/jpeg"
	"magz/layout/page"
)

// pressModel is a page with black text over a photo, a grey caption, a
// tint box and a transparent CMYK picture.
func pressModel() *page.Issue {
	W, H := page.FromMicrometres(210000), page.FromMicrometres(280000)
	black := page.Color{}.CMYK(0, 0, 0, 100)
	return &page.Issue{Width: W, Height: H, Bleed: 3 * page.MM, Title: "Uji", Language: "id", Pages: []*page.Page{{Items: []page.Item{
		&page.Image{X: 0, Y: 0, W: W, H: H / 2, Source: "/x/photo.jpg", Name: "photo.jpg", Crop: [4]int{0, 0, 1e6, 1e6}},
		&page.Text{X: 20 * page.MM, Y: 40 * page.MM, Face: string(fonts.SansBold), Size: 24 * page.Pt, Color: black, Text: "Hitam"},
		// white type on the photo: 8 pt regular is too small, 8 pt bold and 10 pt are not
		&page.Text{X: 20 * page.MM, Y: 60 * page.MM, Face: string(fonts.Sans), Size: 8 * page.Pt, Color: page.Color{R: 255, G: 255, B: 255}, Text: "kecil"},
		&page.Text{X: 20 * page.MM, Y: 70 * page.MM, Face: string(fonts.SansBold), Size: 8 * page.Pt, Color: page.Color{R: 255, G: 255, B: 255}, Text: "tebal"},
		&page.Text{X: 20 * page.MM, Y: 80 * page.MM, Face: string(fonts.Sans), Size: 10 * page.Pt, Color: page.Color{R: 255, G: 255, B: 255}, Text: "besar"},
		&page.Rect{X: 10 * page.MM, Y: 160 * page.MM, W: 80 * page.MM, H: 30 * page.MM, Fill: page.Color{R: 230, G: 238, B: 242}.CMYK(10, 2, 2, 0)},
		&page.Text{X: 20 * page.MM, Y: 170 * page.MM, Face: string(fonts.Sans), Size: 8 * page.Pt, Color: page.Color{R: 95, G: 102, B: 112}, Text: "keterangan"},
		&page.Rule{X1: 10 * page.MM, Y1: 200 * page.MM, X2: 100 * page.MM, Y2: 200 * page.MM, Width: page.Pt / 4, Color: black},
		&page.Image{X: 120 * page.MM, Y: 200 * page.MM, W: 60 * page.MM, H: 20 * page.MM, Source: "/x/logo.png", Name: "logo.png", Crop: [4]int{0, 0, 1e6, 1e6}},
	}}}}
}

// cmykPicture is a small CMYK JPEG and its alpha as a grey PNG.
func cmykPicture(t *testing.T) ([]byte, []byte) {
	ps := make([]jpeg.Plane, 4)
	for c := range ps {
		ps[c] = jpeg.Plane{Pix: make([]uint8, 40*20), Stride: 40, W: 40, H: 20}
	}
	alpha := image.NewGray(image.Rect(0, 0, 40, 20))
	for i := range 40 * 20 {
		ps[1].Pix[i], ps[2].Pix[i] = 200, 180
		alpha.Pix[i] = uint8(i % 40 * 6)
	}
	var m bytes.Buffer
	if err := png.Encode(&m, alpha); err != nil {
		t.Fatal(err)
	}
	return jpeg.EncodeCMYK(ps[0], ps[1], ps[2], ps[3], 90), m.Bytes()
}

func writePress(t *testing.T) []byte {
	t.Helper()
	return writePressOf(t, pressModel(), nil)
}

// writePressOf is writePress of another model, its options changed by
// edit (when not nil).
func writePressOf(t *testing.T, iss *page.Issue, edit func(*Options)) []byte {
	t.Helper()
	logo, mask := cmykPicture(t)
	var b bytes.Buffer
	opt := Options{Edition: Print, Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Creator: "magz test",
		Image: func(it *page.Image) ([]byte, error) {
			if it.Name == "logo.png" {
				return logo, nil
			}
			return jpegBytes(t, 64, 40), nil
		},
		Mask: func(it *page.Image) []byte {
			if it.Name == "logo.png" {
				return mask
			}
			return nil
		},
		OutputIntent: &OutputIntent{Profile: assets.CoatedProfile, Identifier: "FOGRA39", Registry: "http://www.color.org", Condition: "test"},
		SRGB:         assets.SRGB}
	if edit != nil {
		edit(&opt)
	}
	if err := Write(&b, iss, opt); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// pageContent is the first page's content stream, inflated.
func pageContent(t *testing.T, src *source) string {
	t.Helper()
	pages, err := src.pages()
	if err != nil {
		t.Fatal(err)
	}
	pg, err := src.dict(pages[0])
	if err != nil {
		t.Fatal(err)
	}
	n, _ := pg.ref("Contents")
	o, err := src.object(n)
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zlib.NewReader(bytes.NewReader(o.stream))
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestOverprint: solid black text and rules overprint, the rest knocks
// out; the two graphics states are in the page's resources.
func TestOverprint(t *testing.T) {
	out := writePress(t)
	src, err := readSource(out)
	if err != nil {
		t.Fatal(err)
	}
	content := pageContent(t, src)
	// follow the states through the drawing operations
	op, fill, stroke := false, "", ""
	seen := map[string]bool{}
	for _, line := range strings.Split(content, "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "/"+gsOverprint+" gs":
			op = true
		case line == "/"+gsKnockout+" gs":
			op = false
		case strings.HasSuffix(line, " k"):
			fill = line
		case strings.HasSuffix(line, " K"):
			stroke = line
		case strings.HasSuffix(line, " SCN"):
			stroke = "registration"
		case strings.HasSuffix(line, "Tj ET"):
			want := fill == "0 0 0 1 k"
			if op != want {
				t.Errorf("text in %q: overprint %v, want %v", fill, op, want)
			}
			switch {
			case fill == "0 0 0 1 k":
				seen["black text"] = true
			case strings.HasPrefix(fill, "0 0 0 0.") && fill != "0 0 0 0 k":
				seen["grey text"] = true
			}
		case strings.HasSuffix(line, " l S") && stroke != "registration":
			if want := stroke == "0 0 0 1 K"; op != want {
				t.Errorf("rule in %q: overprint %v, want %v", stroke, op, want)
			}
			seen["rule"] = true
		case strings.HasSuffix(line, "re f"), strings.HasSuffix(line, "Do Q"):
			if op {
				t.Errorf("%q overprints", line)
			}
			seen["fill"] = true
		}
	}
	if !seen["black text"] || !seen["grey text"] || !seen["rule"] || !seen["fill"] {
		t.Errorf("the content did not have what the test looks at: %v\n%s", seen, content)
	}
	pages, _ := src.pages()
	pg, _ := src.dict(pages[0])
	rn, _ := pg.ref("Resources")
	res, err := src.dict(rn)
	if err != nil {
		t.Fatal(err)
	}
	gs := res.dict("ExtGState").dict(gsOverprint)
	if gs.get("OP") != keyword("true") || gs.get("op") != keyword("true") {
		t.Errorf("the overprint state: %s", res.bytes())
	}
	if ko := res.dict("ExtGState").dict(gsKnockout); ko.get("OP") != keyword("false") {
		t.Errorf("the knockout state: %s", res.bytes())
	}
}

// TestSoftMask: a CMYK picture keeps its transparency as a soft mask, the
// mask is no image of its own on the page, and fonts are tagged subsets.
func TestSoftMask(t *testing.T) {
	out := writePress(t)
	if !bytes.Equal(out, writePress(t)) {
		t.Fatal("two writes of the same page differ")
	}
	src, err := readSource(out)
	if err != nil {
		t.Fatal(err)
	}
	pages, _ := src.pages()
	pg, _ := src.dict(pages[0])
	rn, _ := pg.ref("Resources")
	res, err := src.dict(rn)
	if err != nil {
		t.Fatal(err)
	}
	xo := res.dict("XObject")
	masked := 0
	for _, e := range xo.entries {
		o, err := src.object(e.val.(ref).num)
		if err != nil {
			t.Fatal(err)
		}
		d := o.dict()
		if d.name("ColorSpace") == "DeviceGray" {
			t.Errorf("the mask %s is an image on the page", e.key)
		}
		if m, ok := d.ref("SMask"); ok {
			masked++
			md, err := src.dict(m)
			if err != nil {
				t.Fatal(err)
			}
			if md.name("ColorSpace") != "DeviceGray" || d.name("ColorSpace") != "DeviceCMYK" {
				t.Errorf("picture %s, mask %s", d.bytes(), md.bytes())
			}
		}
	}
	if masked != 1 {
		t.Errorf("%d masked pictures, want 1", masked)
	}
	fonts := res.dict("Font")
	for _, e := range fonts.entries {
		f, err := src.dict(e.val.(ref).num)
		if err != nil {
			t.Fatal(err)
		}
		if base := f.name("BaseFont"); !hasTag(base) {
			t.Errorf("font %s has no subset tag", base)
		}
	}
}

// TestSubsetTag: the tag is six capital letters, the same for the same
// subset and another for another.
func TestSubsetTag(t *testing.T) {
	a, b := subsetTag([]byte("one subset")), subsetTag([]byte("another subset"))
	if len(a) != 6 || a == b || a != subsetTag([]byte("one subset")) || !hasTag(name(a+"+x")) {
		t.Errorf("tags %q and %q", a, b)
	}
	if hasTag("utf8lato-bold") || !hasTag("ABCDEF+utf8lato-bold") {
		t.Error("hasTag")
	}
}

// TestPackedProfile: an output profile packed beforehand (as the pipeline
// does beside the layout) makes the same file as one packed when finishing.
func TestPackedProfile(t *testing.T) {
	packed := writePressOf(t, pressModel(), func(o *Options) { o.OutputIntent.Packed = PackProfile(o.OutputIntent.Profile) })
	if !bytes.Equal(packed, writePress(t)) {
		t.Error("the file differs when the profile was packed beforehand")
	}
}

// TestInspect: the inspection of a finished print edition finds its small
// type, its solid black and how it overprints, its rules and pictures.
func TestInspect(t *testing.T) {
	rep, err := Inspect(writePress(t))
	if err != nil {
		t.Fatal(err)
	}
	want := InkReport{Texts: 5, BlackTexts: 5, SmallTexts: 4, SolidBlack: 2, Overprinted: 2, ThinRules: 1, MostInk: 100,
		Images: map[string]int{"DeviceRGB": 1, "DeviceCMYK": 1}, Masked: 1, Reversed: 3, ReversedSmall: 1}
	if rep.Texts != want.Texts || rep.BlackTexts != want.BlackTexts || rep.SmallTexts != want.SmallTexts || rep.SmallMulti != 0 ||
		rep.SolidBlack != want.SolidBlack || rep.Overprinted != want.Overprinted || rep.ThinRules != want.ThinRules ||
		rep.MostInk != want.MostInk || rep.Masked != 1 || rep.Images["DeviceCMYK"] != 1 || rep.Images["DeviceRGB"] != 1 ||
		rep.Reversed != want.Reversed || rep.ReversedSmall != want.ReversedSmall {
		t.Errorf("report %+v, want %+v", rep, want)
	}
}
