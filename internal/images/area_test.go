package images

import (
	"image"
	"image/color"
	"testing"

	"magz/internal/jpeg"
	"magz/internal/testissue"
)

func BenchmarkResample(b *testing.B) {
	src := plane{pix: make([]uint8, 4000*3000), stride: 4000, w: 4000, h: 3000}
	for i := range src.pix {
		src.pix[i] = uint8(i * 7)
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		resample(src, 0, 0, 4000, 3000, 2100, 1575)
	}
}

// TestResampleFlat: averaging a flat plane gives the same flat plane, and
// a gradient keeps its mean: no drift, no bias.
func TestResampleFlat(t *testing.T) {
	src := plane{pix: make([]uint8, 300*200), stride: 300, w: 300, h: 200}
	for i := range src.pix {
		src.pix[i] = 123
	}
	out := resample(src, 0, 0, 300, 200, 97, 61)
	for _, v := range out.pix {
		if v != 123 {
			t.Fatalf("flat plane became %d", v)
		}
	}
	for y := 0; y < 200; y++ {
		for x := 0; x < 300; x++ {
			src.pix[y*300+x] = uint8(x * 255 / 299)
		}
	}
	out = resample(src, 0, 0, 300, 200, 150, 100)
	if a, b := out.pix[0], out.pix[149]; a > 2 || b < 253 {
		t.Errorf("gradient ends %d..%d, want about 0..255", a, b)
	}
}

// TestRenditionMatchesGeneralPath: the YCbCr path and the RGB path agree
// on the picture (within JPEG-sized differences).
func TestRenditionMatchesGeneralPath(t *testing.T) {
	m := image.NewYCbCr(image.Rect(0, 0, 400, 300), image.YCbCrSubsampleRatio420)
	for y := 0; y < 300; y++ {
		for x := 0; x < 400; x++ {
			yy, cb, cr := color.RGBToYCbCr(uint8(x*255/399), uint8(y*255/299), 90)
			m.Y[m.YOffset(x, y)] = yy
			m.Cb[m.COffset(x, y)] = cb
			m.Cr[m.COffset(x, y)] = cr
		}
	}
	pl, _ := newPlanes(m)
	for _, o := range []int{1, 3, 6, 8} {
		w, h := 160, 120
		if o >= 5 {
			w, h = 120, 160
		}
		crop := [4]int{100000, 0, 900000, 1000000}
		out, ok := pl.rendition(o, crop, w, h)
		if !ok {
			t.Fatal("no rendition")
		}
		lv := newLevels(m, o)
		// compare corners against the oriented reference image
		full := lv.level(0)
		fb := full.Bounds()
		for _, pt := range [][2]int{{2, 2}, {w - 3, 2}, {2, h - 3}, {w - 3, h - 3}} {
			r1, g1, _, _ := out.At(pt[0], pt[1]).RGBA()
			fx := fb.Dx()*crop[0]/1e6 + (pt[0]*fb.Dx()*(crop[2]-crop[0])/1e6)/w
			fy := fb.Dy()*crop[1]/1e6 + (pt[1]*fb.Dy()*(crop[3]-crop[1])/1e6)/h
			r2, g2, _, _ := full.At(fx, fy).RGBA()
			if d := int(r1>>8) - int(r2>>8); d > 12 || d < -12 {
				t.Errorf("orientation %d at %v: red %d vs %d", o, pt, r1>>8, r2>>8)
			}
			if d := int(g1>>8) - int(g2>>8); d > 12 || d < -12 {
				t.Errorf("orientation %d at %v: green %d vs %d", o, pt, g1>>8, g2>>8)
			}
		}
	}
}

// TestRGBRenditionMatchesGeneralPath: the RGB rendition made from a JPEG's
// planes (what is separated into inks) is the picture the general path
// makes from a full-size RGB copy, pixel by pixel within a few levels, in
// every orientation, reduced or at the photo's own size. (They part only
// where a decoded pixel is out of gamut: the general path clamps each
// pixel before averaging.)
func TestRGBRenditionMatchesGeneralPath(t *testing.T) {
	img, err := jpeg.Fast.Decode(testissue.MustSynth(t, "jpeg 400x300"))
	if err != nil {
		t.Fatal(err)
	}
	m := img.(*image.YCbCr)
	pl, _ := newPlanes(m)
	for _, o := range []int{1, 3, 6, 8} {
		dw, dh := 400, 300 // displayed
		if o >= 5 {
			dw, dh = dh, dw
		}
		for _, tc := range []struct {
			crop [4]int
			w, h int // thousandths of the displayed size
		}{
			{[4]int{100000, 0, 900000, 1000000}, 400, 500}, // reduced
			{[4]int{0, 0, 1000000, 1000000}, 1000, 1000},   // the photo's own size
			{[4]int{250000, 100000, 750000, 900000}, 495, 795},
		} {
			w, h := dw*tc.w/1000, dh*tc.h/1000
			got, neutral, ok := pl.rgbRendition(o, tc.crop, w, h)
			if !ok {
				t.Fatalf("orientation %d, %v at %dx%d: no rendition", o, tc.crop, w, h)
			}
			if neutral {
				t.Errorf("orientation %d, %v: a colour photo found neutral", o, tc.crop)
			}
			want, _, _ := frame(newLevels(m, o), Request{Crop: tc.crop, W: w, H: h})
			if b := want.Bounds(); len(got) != 3*b.Dx()*b.Dy() || b.Dx() != w {
				t.Fatalf("orientation %d: %d bytes, want %v", o, len(got), b)
			}
			worst, sum := 0, 0
			for i := range w * h {
				for c := range 3 {
					d := int(got[3*i+c]) - int(want.Pix[4*i+c])
					worst, sum = max(worst, d, -d), sum+max(d, -d)
				}
			}
			if mean := float64(sum) / float64(len(got)); worst > 8 || mean > 0.25 {
				t.Errorf("orientation %d, crop %v at %dx%d: differs from the general path by up to %d, %.2f on average", o, tc.crop, w, h, worst, mean)
			}
		}
	}
}
