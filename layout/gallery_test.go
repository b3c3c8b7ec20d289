package layout

import (
	"testing"

	"magz/internal/doc"
	"magz/internal/images"
	"magz/layout/page"
)

// TestGallery: a run of figures is one element with one dominant picture
// (at least twice the area of any other) and the others at a smaller
// scale, every picture inside the width, none overlapping, none cropped
// past the limit nor printed under its least resolution; screenshots in a
// run are set whole, side by side at one height.
func TestGallery(t *testing.T) {
	sizes := map[string][2]int{"land": {2400, 1600}, "land2": {2400, 1500}, "tall": {1600, 2400}, "square": {1800, 1800},
		"wide": {3000, 1600}, "shot1.png": {1080, 2340}, "shot2.png": {1080, 2340}}
	c := pictureComposer(sizes, "shot1.png", "shot2.png")
	c.out = &page.Issue{Structure: []page.Node{{Role: page.RoleDocument}}}
	c.th.MarginTop, c.th.MarginBottom = 20*MM, 20*MM
	W := 178 * MM
	cases := []struct {
		name     string
		paths    []string
		dominant bool
	}{
		{"three shapes", []string{"land", "tall", "square"}, true},
		{"two landscapes", []string{"land", "land2"}, true},
		{"four", []string{"wide", "land", "tall", "land2"}, true},
		{"five", []string{"land", "land2", "square", "tall", "wide"}, true},
		{"screenshots", []string{"shot1.png", "shot2.png"}, false},
	}
	for _, tc := range cases {
		b := &builder{c: c, colW: 86 * MM, textW: W, ncols: 2}
		var figs []*doc.Figure
		for _, p := range tc.paths {
			figs = append(figs, figureOf(p))
		}
		b.gallery(figs)
		if len(b.elems) != 1 || b.elems[0].kind != ePage || b.elems[0].narrow == nil {
			t.Fatalf("%s: %d elements, want one across the columns with a column version", tc.name, len(b.elems))
		}
		for _, e := range []*elem{&b.elems[0], b.elems[0].narrow} {
			width := W
			if e != &b.elems[0] {
				width = 86 * MM
			}
			var imgs []*page.Image
			for _, it := range e.items {
				if im, ok := it.(*page.Image); ok {
					imgs = append(imgs, im)
				}
			}
			if len(imgs) != len(figs) {
				t.Fatalf("%s: %d pictures, want %d", tc.name, len(imgs), len(figs))
			}
			area := func(im *page.Image) int64 { return int64(im.W) * int64(im.H) }
			for i, im := range imgs {
				if im.X < 0 || im.X+im.W > width+MM/10 || im.Y < 0 || im.Y+im.H > e.h {
					t.Errorf("%s: picture %d at %v,%v %v×%v outside %v×%v", tc.name, i, im.X, im.Y, im.W, im.H, width, e.h)
				}
				for j, o := range imgs[:i] {
					if im.X < o.X+o.W && o.X < im.X+im.W && im.Y < o.Y+o.H && o.Y < im.Y+im.H {
						t.Errorf("%s: pictures %d and %d overlap", tc.name, j, i)
					}
				}
				f := figureOf(im.Source)
				limit := c.cropLimit(f.Image)
				kw, kh := im.Crop[2]-im.Crop[0], im.Crop[3]-im.Crop[1]
				if kw*100 < images.Whole*(100-limit)-images.Whole/500 || kh*100 < images.Whole*(100-limit)-images.Whole/500 {
					t.Errorf("%s: %s cropped %v, past its limit of %d%%", tc.name, im.Source, im.Crop, limit)
				}
				if ppi := ppiAt(sizes[im.Source][0], im.Crop, im.W); ppi < c.leastPPI(f.Image) {
					t.Errorf("%s: %s printed at %d ppi", tc.name, im.Source, ppi)
				}
				if tc.dominant && i > 0 && area(imgs[0]) < 2*area(im) && e == &b.elems[0] {
					t.Errorf("%s: the lead (%v×%v) does not dominate picture %d (%v×%v)", tc.name, imgs[0].W, imgs[0].H, i, im.W, im.H)
				}
			}
			if !tc.dominant && imgs[0].H != imgs[1].H {
				t.Errorf("%s: side by side at %v and %v high", tc.name, imgs[0].H, imgs[1].H)
			}
		}
	}
}
