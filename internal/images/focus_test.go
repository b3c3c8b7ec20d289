package images

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	stdjpeg "image/jpeg"
	"image/png"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/disintegration/imaging"

	"magz/internal/cache"
	"magz/internal/jpeg"
	"magz/internal/synth"
	"magz/internal/testissue"
)

// scene is a synthetic photo whose subject sits where the test put it.
type scene struct {
	name    string
	w, h    int
	subject image.Rectangle // in display pixels
	paint   func(m *image.RGBA, subject image.Rectangle, rng *rand.Rand)
}

// fill paints a rectangle, an ellipse when round.
func fill(m *image.RGBA, r image.Rectangle, c color.RGBA, round bool) {
	cx, cy := float64(r.Min.X+r.Max.X)/2, float64(r.Min.Y+r.Max.Y)/2
	rx, ry := float64(r.Dx())/2, float64(r.Dy())/2
	if !round {
		draw.Draw(m, r, image.NewUniform(c), image.Point{}, draw.Src)
		return
	}
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			dx, dy := (float64(x)+0.5-cx)/rx, (float64(y)+0.5-cy)/ry
			if dx*dx+dy*dy <= 1 {
				m.SetRGBA(x, y, c)
			}
		}
	}
}

// grain adds noise of strength g to every pixel, as a camera sensor does.
func grain(m *image.RGBA, rng *rand.Rand, g int) {
	for i := 0; i < len(m.Pix); i += 4 {
		n := rng.Intn(2*g+1) - g
		for c := 0; c < 3; c++ {
			m.Pix[i+c] = uint8(min(max(int(m.Pix[i+c])+n, 0), 255))
		}
	}
}

func rect(w, h int, x0, y0, x1, y1 float64) image.Rectangle {
	return image.Rect(int(x0*float64(w)), int(y0*float64(h)), int(x1*float64(w)), int(y1*float64(h)))
}

func scenes() []scene {
	// sea and sky with a horizon: long bands of contrast across the photo
	seascape := func(m *image.RGBA, s image.Rectangle, rng *rand.Rand, boat color.RGBA) {
		b := m.Bounds()
		fill(m, image.Rect(0, 0, b.Dx(), b.Dy()*45/100), color.RGBA{0x8c, 0xc0, 0xe8, 255}, false)
		fill(m, image.Rect(0, b.Dy()*45/100, b.Dx(), b.Dy()), color.RGBA{0x1f, 0x5a, 0x8a, 255}, false)
		fill(m, image.Rect(0, b.Dy()*44/100, b.Dx(), b.Dy()*46/100), color.RGBA{0xf0, 0xf0, 0xf0, 255}, false)
		fill(m, s, boat, false)
		grain(m, rng, 6)
	}
	return []scene{
		{"red boat off-centre on a sea", 800, 500, rect(800, 500, 0.74, 0.56, 0.86, 0.66), func(m *image.RGBA, s image.Rectangle, rng *rand.Rand) {
			seascape(m, s, rng, color.RGBA{0xc8, 0x2a, 0x1e, 255})
		}},
		{"person in a corner of a field", 750, 500, rect(750, 500, 0.04, 0.70, 0.12, 0.96), func(m *image.RGBA, s image.Rectangle, rng *rand.Rand) {
			b := m.Bounds()
			fill(m, image.Rect(0, 0, b.Dx(), b.Dy()*30/100), color.RGBA{0xa8, 0xc8, 0xe0, 255}, false)
			fill(m, image.Rect(0, b.Dy()*30/100, b.Dx(), b.Dy()), color.RGBA{0x4a, 0x7a, 0x32, 255}, false)
			// a dark shirt, and a face above it
			body := image.Rect(s.Min.X, s.Min.Y+s.Dy()/3, s.Max.X, s.Max.Y)
			fill(m, body, color.RGBA{0x30, 0x30, 0x60, 255}, false)
			face := image.Rect(s.Min.X+s.Dx()/6, s.Min.Y, s.Max.X-s.Dx()/6, s.Min.Y+s.Dy()/3)
			fill(m, face, color.RGBA{0xc6, 0x8c, 0x64, 255}, true)
			grain(m, rng, 10)
		}},
		{"small bright moon on a plain field", 600, 450, rect(600, 450, 0.22, 0.18, 0.26, 0.23), func(m *image.RGBA, s image.Rectangle, rng *rand.Rand) {
			fill(m, m.Bounds(), color.RGBA{0x22, 0x26, 0x30, 255}, false)
			fill(m, s, color.RGBA{0xf4, 0xf0, 0xe0, 255}, true)
			grain(m, rng, 4)
		}},
		{"face high in a portrait", 500, 750, rect(500, 750, 0.36, 0.08, 0.64, 0.30), func(m *image.RGBA, s image.Rectangle, rng *rand.Rand) {
			b := m.Bounds()
			for y := 0; y < b.Dy(); y++ { // a soft grey backdrop, lighter at the top
				v := uint8(200 - 60*y/b.Dy())
				fill(m, image.Rect(0, y, b.Dx(), y+1), color.RGBA{v, v, v + 8, 255}, false)
			}
			fill(m, image.Rect(b.Dx()/5, s.Max.Y, b.Dx()*4/5, b.Dy()), color.RGBA{0x2a, 0x3c, 0x58, 255}, false)
			fill(m, s, color.RGBA{0x8a, 0x5a, 0x40, 255}, true)
			grain(m, rng, 6)
		}},
		{"yellow boat low left on a sea", 1000, 600, rect(1000, 600, 0.08, 0.78, 0.20, 0.86), func(m *image.RGBA, s image.Rectangle, rng *rand.Rand) {
			seascape(m, s, rng, color.RGBA{0xf2, 0xc2, 0x1a, 255})
		}},
	}
}

func (sc scene) image(seed int64) *image.RGBA {
	m := image.NewRGBA(image.Rect(0, 0, sc.w, sc.h))
	sc.paint(m, sc.subject, rand.New(rand.NewSource(seed)))
	return m
}

func encodeJPEG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := stdjpeg.Encode(&buf, m, &stdjpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func encodePNG(t testing.TB, m image.Image) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := png.Encode(&buf, m); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// inside tells whether the crop (millionths) of a w×h photo holds all of r.
func inside(c [4]int, w, h int, r image.Rectangle) bool {
	return int64(c[0])*int64(w) <= int64(r.Min.X)*Whole && int64(c[2])*int64(w) >= int64(r.Max.X)*Whole &&
		int64(c[1])*int64(h) <= int64(r.Min.Y)*Whole && int64(c[3])*int64(h) >= int64(r.Max.Y)*Whole
}

// TestFocusKeepsTheSubject: for photos whose subject the test placed
// (off centre, in a corner, small on a plain field, high in a portrait),
// stored as JPEG, as PNG and as a JPEG turned by its EXIF orientation, the
// focal point falls on the subject, and crops to a square, a wide band and
// a tall strip keep all of it (when they are half as large again as the
// subject) where a centred crop cuts it.
func TestFocusKeepsTheSubject(t *testing.T) {
	frames := [][2]int64{{1, 1}, {3, 1}, {1, 3}, {2, 3}}
	for _, sc := range scenes() {
		m := sc.image(1)
		// the same photo stored sideways, shown upright by EXIF orientation 6
		sideways := testissue.WithOrientation(encodeJPEG(t, imaging.Rotate90(m)), 6)
		for _, enc := range []struct {
			kind string
			data []byte
		}{{"jpeg", encodeJPEG(t, m)}, {"png", encodePNG(t, m)}, {"jpeg exif 6", sideways}} {
			t.Run(sc.name+"/"+enc.kind, func(t *testing.T) {
				p := filepath.Join(t.TempDir(), "photo")
				if err := os.WriteFile(p, enc.data, 0o644); err != nil {
					t.Fatal(err)
				}
				f, err := NewStore(nil, jpeg.Fast).Focus(p)
				if err != nil {
					t.Fatal(err)
				}
				at := image.Pt(int(f[0]*float64(sc.w)), int(f[1]*float64(sc.h)))
				if !at.In(sc.subject.Inset(-sc.w / 100)) {
					t.Errorf("focus %.3f,%.3f (%v) is not on the subject %v", f[0], f[1], at, sc.subject)
				}
				cut := false
				for _, fr := range frames {
					c := Crop(sc.w, sc.h, fr[0], fr[1], f)
					cw := (c[2] - c[0]) * sc.w / Whole
					ch := (c[3] - c[1]) * sc.h / Whole
					if 2*cw < 3*sc.subject.Dx() || 2*ch < 3*sc.subject.Dy() {
						continue // no room around the subject: a crop this tight is not asked to keep it
					}
					if !inside(c, sc.w, sc.h, sc.subject) {
						t.Errorf("a %d:%d crop %v cuts the subject %v", fr[0], fr[1], c, sc.subject)
					}
					cut = cut || !inside(Crop(sc.w, sc.h, fr[0], fr[1], centre), sc.w, sc.h, sc.subject)
				}
				if !cut {
					t.Errorf("no centred crop cuts the subject: the case tests nothing")
				}
			})
		}
	}
}

// TestFocusFindsTheSun: in the synthetic landscapes of the sample and
// benchmark issues (hills, sea, forest, dusk, village; with grain), the
// focal point falls on the sun, found here by its own colour.
func TestFocusFindsTheSun(t *testing.T) {
	for scene := synth.Mountains; scene <= synth.Village; scene++ {
		for seed := int64(1); seed <= 2; seed++ {
			m := synth.Photo(scene, 600, 400, seed, 12)
			// the sun's disc: the pixels nearest its colour (ff f4 d6 mixed
			// 90 % over the sky)
			sun := image.Rectangle{}
			for y := 0; y < 400; y++ {
				for x := 0; x < 600; x++ {
					c := m.RGBAAt(x, y)
					if c.R > 235 && c.G > 225 && c.B > 190 {
						sun = sun.Union(image.Rect(x, y, x+1, y+1))
					}
				}
			}
			if sun.Empty() {
				t.Fatalf("scene %d seed %d: no sun painted", scene, seed)
			}
			p := filepath.Join(t.TempDir(), "p.jpg")
			if err := os.WriteFile(p, encodeJPEG(t, m), 0o644); err != nil {
				t.Fatal(err)
			}
			f, err := NewStore(nil, jpeg.Fast).Focus(p)
			if err != nil {
				t.Fatal(err)
			}
			if at := image.Pt(int(f[0]*600), int(f[1]*400)); !at.In(sun.Inset(-6)) {
				t.Errorf("scene %d seed %d: focus %v is not on the sun %v", scene, seed, at, sun)
			}
		}
	}
}

// TestFocusPlainPhoto: a photo with nothing standing out (an even field
// with grain, a smooth gradient) keeps its focal point in the middle.
func TestFocusPlainPhoto(t *testing.T) {
	flat := image.NewRGBA(image.Rect(0, 0, 800, 600))
	fill(flat, flat.Bounds(), color.RGBA{0x70, 0x90, 0x60, 255}, false)
	grain(flat, rand.New(rand.NewSource(3)), 12)
	ramp := image.NewRGBA(image.Rect(0, 0, 800, 600))
	for x := 0; x < 800; x++ {
		v := uint8(x * 255 / 800)
		fill(ramp, image.Rect(x, 0, x+1, 600), color.RGBA{v, v, 200, 255}, false)
	}
	for name, m := range map[string]*image.RGBA{"grain": flat, "gradient": ramp} {
		p := filepath.Join(t.TempDir(), "p.png")
		if err := os.WriteFile(p, encodePNG(t, m), 0o644); err != nil {
			t.Fatal(err)
		}
		f, err := NewStore(nil, jpeg.Fast).Focus(p)
		if err != nil {
			t.Fatal(err)
		}
		if f[0] < 0.3 || f[0] > 0.7 || f[1] < 0.3 || f[1] > 0.7 {
			t.Errorf("%s: focus %v, want the middle", name, f)
		}
	}
}

// TestFocusCached: a photo is looked at once per content: a second store
// on the same cache decodes nothing and gets the same look; the cache's
// entry is what is returned (one changed by hand comes back changed), for
// a copy of the photo under another name too.
func TestFocusCached(t *testing.T) {
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	sc := scenes()[0]
	data := encodeJPEG(t, sc.image(1))
	p := filepath.Join(t.TempDir(), "boat.jpg")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s := NewStore(c, jpeg.Fast)
	first, err := s.Look(p)
	if err != nil || s.Looked.Load() != 1 {
		t.Fatal(err, s.Looked.Load())
	}
	// a second store on the same cache finds the whole look there
	s2 := NewStore(c, jpeg.Fast)
	if again, err := s2.Look(p); err != nil || again != first || s2.Looked.Load() != 0 {
		t.Errorf("second look: %v, %d looks, %v; want the first's from the cache", again, s2.Looked.Load(), err)
	}
	srcKey, _, _ := s.sourceKey(p)
	if err := c.Put(cache.Key(FocusVersion, srcKey), []byte("123,456;"+strings.Repeat("80", 64))); err != nil {
		t.Fatal(err)
	}
	if f, _ := NewStore(c, jpeg.Fast).Focus(p); f != [2]float64{0.123, 0.456} {
		t.Errorf("second look gave %v, not the cached point (first %v)", f, first)
	}
	// the same photo under another name is the same content
	q := filepath.Join(t.TempDir(), "copy.jpg")
	os.WriteFile(q, data, 0o644)
	if f, _ := NewStore(c, jpeg.Fast).Focus(q); f != [2]float64{0.123, 0.456} {
		t.Errorf("a copy of the photo was measured again: %v", f)
	}
}

// TestFocusDamaged: a photo that cannot be decoded has no focal point and
// an error (the build reports it where it renders the photo).
func TestFocusDamaged(t *testing.T) {
	p := filepath.Join(t.TempDir(), "t.jpg")
	os.WriteFile(p, testissue.MustSynth(t, "truncated"), 0o644)
	if _, err := NewStore(nil, jpeg.Fast).Focus(p); err == nil {
		t.Error("no error for a truncated JPEG")
	}
	got := NewStore(nil, jpeg.Fast).Looks(t.Context(), []string{p, filepath.Join(t.TempDir(), "missing.jpg")})
	if len(got) != 0 {
		t.Errorf("focal points for unreadable photos: %v", got)
	}
}

// TestCropIntegers: Crop is the layout's arithmetic, in integers: the
// frame's shape kept to the millionth, centred on the focus as far as the
// edges allow.
func TestCropIntegers(t *testing.T) {
	cases := []struct {
		sw, sh int
		fw, fh int64
		focus  [2]float64
		want   [4]int
	}{
		{3000, 2000, 3, 2, centre, [4]int{0, 0, Whole, Whole}},
		{3000, 2000, 1, 1, centre, [4]int{166667, 0, 833334, Whole}},
		{3000, 2000, 1, 1, [2]float64{0, 0.5}, [4]int{0, 0, 666667, Whole}},
		{3000, 2000, 1, 1, [2]float64{1, 0.5}, [4]int{333333, 0, Whole, Whole}},
		{3000, 2000, 1, 1, [2]float64{0.6, 0.5}, [4]int{266667, 0, 933334, Whole}},
		{3000, 2000, 1, 1, [2]float64{0.9, 0.5}, [4]int{333333, 0, Whole, Whole}},
		{1080, 2340, 1, 1, [2]float64{0.5, 0.1}, [4]int{0, 0, Whole, 461538}},
		{2000, 3000, 2, 1, [2]float64{0.5, 0.1}, [4]int{0, 0, Whole, 333333}},
		{2000, 3000, 2, 1, [2]float64{0.5, 0.3}, [4]int{0, 133334, Whole, 466667}},
		{0, 10, 1, 1, centre, [4]int{0, 0, Whole, Whole}},
	}
	for _, c := range cases {
		if got := Crop(c.sw, c.sh, c.fw, c.fh, c.focus); got != c.want {
			t.Errorf("Crop(%d, %d, %d, %d, %v) = %v, want %v", c.sw, c.sh, c.fw, c.fh, c.focus, got, c.want)
		}
	}
}

func BenchmarkFocus(b *testing.B) {
	// a camera-sized photo with a camera's grain, as in the benchmark issue
	m := synth.Photo(synth.Coast, 4000, 3000, 7, 30)
	data := encodeJPEG(b, m)
	p := filepath.Join(b.TempDir(), "p.jpg")
	os.WriteFile(p, data, 0o644)
	s := NewStore(nil, jpeg.Fast)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := s.Focus(p); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(data))/1e6, "MB/photo")
}

// TestLookLuma: a look at a photo tells how light its parts are, as it is
// shown: dark above and light below, whether stored so or turned by its
// EXIF orientation.
func TestLookLuma(t *testing.T) {
	m := image.NewRGBA(image.Rect(0, 0, 640, 480))
	fill(m, image.Rect(0, 0, 640, 240), color.RGBA{0x20, 0x28, 0x30, 255}, false)
	fill(m, image.Rect(0, 240, 640, 480), color.RGBA{0xe8, 0xe4, 0xd8, 255}, false)
	for name, data := range map[string][]byte{
		"upright": encodeJPEG(t, m),
		"exif 6":  testissue.WithOrientation(encodeJPEG(t, imaging.Rotate90(m)), 6),
		"png":     encodePNG(t, m),
	} {
		p := filepath.Join(t.TempDir(), "p")
		os.WriteFile(p, data, 0o644)
		l, err := NewStore(nil, jpeg.Fast).Look(p)
		if err != nil {
			t.Fatal(err)
		}
		for r := 0; r < 8; r++ {
			for c := 0; c < 8; c++ {
				if v := l.Luma[r][c]; r < 4 && v > 60 || r >= 4 && v < 200 {
					t.Errorf("%s: row %d column %d has lightness %d", name, r, c, v)
				}
			}
		}
	}
}
