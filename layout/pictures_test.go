package layout

import (
	"testing"

	"magz/internal/doc"
	"magz/internal/images"
)

// pictureComposer is a composer that knows the sizes of the images named
// in sizes, and takes those named in graphics for flat art.
func pictureComposer(sizes map[string][2]int, graphics ...string) *composer {
	c := &composer{th: DefaultTheme(), W: 210 * MM, H: 280 * MM}
	c.opt.ImageSize = func(img *doc.Image) (int, int, bool) {
		s, ok := sizes[img.Path]
		return s[0], s[1], ok
	}
	c.opt.Graphic = func(img *doc.Image) bool {
		for _, g := range graphics {
			if g == img.Path {
				return true
			}
		}
		return false
	}
	return c
}

func figureOf(path string) *doc.Figure {
	return &doc.Figure{Image: &doc.Image{Path: path, Rel: path}, Alt: "foto", Focus: [2]float64{0.5, 0.5}}
}

// TestFitPicture: a picture fills its place when it has the pixels and
// its shape allows; it is cropped by no more than the theme's limit (flat
// art not at all) and fitted instead; it is made smaller rather than
// printed under its least resolution.
func TestFitPicture(t *testing.T) {
	sizes := map[string][2]int{
		"camera": {3000, 2000}, "tiny": {120, 70}, "small": {400, 300}, "fair": {600, 450},
		"fair.png": {600, 450}, "screen.png": {1080, 2340}, "tall": {1000, 3000},
	}
	c := pictureComposer(sizes, "fair.png", "screen.png")
	mm := func(l Length) float64 { return float64(l) / float64(MM) }
	cases := []struct {
		path       string
		w, maxH    Length
		wantW      Length // 0: check only the rules
		wantWholeH bool   // the picture's whole height is shown
	}{
		{"camera", 80 * MM, 130 * MM, 80 * MM, true},
		{"camera", 80 * MM, 40 * MM, 80 * MM, false},         // cropped in height, within the limit
		{"tiny", 80 * MM, 130 * MM, widthAt(120, 200), true}, // a thumbnail at 200 ppi
		{"small", 80 * MM, 130 * MM, widthAt(400, 200), true},
		{"fair", 80 * MM, 130 * MM, 80 * MM, true},               // 190 ppi: a photo may stay at column width
		{"fair.png", 80 * MM, 130 * MM, widthAt(600, 200), true}, // flat art may not
		{"screen.png", 120 * MM, 130 * MM, 0, true},              // fitted, whole
		{"tall", 80 * MM, 130 * MM, 0, false},                    // fitted, cropped by the limit
	}
	for _, tc := range cases {
		f := figureOf(tc.path)
		p := c.fitPicture(f, tc.w, tc.maxH)
		sw, sh := sizes[tc.path][0], sizes[tc.path][1]
		if tc.wantW != 0 && (p.w < tc.wantW-MM/10 || p.w > tc.wantW+MM/10) {
			t.Errorf("%s in %.0f mm: %.1f mm wide, want %.1f", tc.path, mm(tc.w), mm(p.w), mm(tc.wantW))
		}
		if p.w > tc.w || p.h > tc.maxH*11/10 {
			t.Errorf("%s: %.1f×%.1f mm overflows its place %.0f×%.0f", tc.path, mm(p.w), mm(p.h), mm(tc.w), mm(tc.maxH))
		}
		if got := ppiAt(sw, p.crop, p.w); got < c.leastPPI(f.Image) {
			t.Errorf("%s: printed at %d ppi", tc.path, got)
		}
		kw, kh := p.crop[2]-p.crop[0], p.crop[3]-p.crop[1]
		limit := c.cropLimit(f.Image)
		if kw*100 < images.Whole*(100-limit)-images.Whole/500 || kh*100 < images.Whole*(100-limit)-images.Whole/500 {
			t.Errorf("%s: crop %v takes more than %d%%", tc.path, p.crop, limit)
		}
		if whole := kh >= images.Whole-images.Whole/500; whole != tc.wantWholeH {
			t.Errorf("%s: crop %v, whole height %v, want %v", tc.path, p.crop, whole, tc.wantWholeH)
		}
		// the frame has the crop's shape
		if d := int64(p.w)*int64(kh)*int64(sh) - int64(p.h)*int64(kw)*int64(sw); d*100 > int64(p.w)*int64(kh)*int64(sh) {
			t.Errorf("%s: a %.1f×%.1f mm frame shows a crop of another shape %v", tc.path, mm(p.w), mm(p.h), p.crop)
		}
	}
}

// TestWideOnlyWhenSharp: a landscape photo goes across the columns only
// when it has the pixels for doc.SharpPPI there.
func TestWideOnlyWhenSharp(t *testing.T) {
	c := pictureComposer(map[string][2]int{"big": {2400, 1600}, "mid": {1200, 800}})
	maxH := 100 * MM
	if !c.sharpAcross(figureOf("big"), 176*MM, maxH) {
		t.Error("a 2400-pixel photo is not set across 176 mm (346 ppi)")
	}
	if c.sharpAcross(figureOf("mid"), 176*MM, maxH) {
		t.Error("a 1200-pixel photo is set across 176 mm (173 ppi)")
	}
}

// TestFullPageWithinCropLimit: a landscape photo does not fill a portrait
// page (it would lose half its width); a portrait one with the pixels does.
func TestFullPageWithinCropLimit(t *testing.T) {
	c := pictureComposer(map[string][2]int{"land": {4000, 2667}, "port": {2400, 3200}, "low": {900, 1200}})
	for path, want := range map[string]bool{"land": false, "port": true, "low": false} {
		if got := c.fullPageOK(figureOf(path)); got != want {
			t.Errorf("%s fills a page: %v, want %v", path, got, want)
		}
	}
}
