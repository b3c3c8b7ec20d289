package images

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	stdjpeg "image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"magz/internal/cache"
	"magz/internal/jpeg"
	"magz/internal/testissue"
)

func press(t *testing.T, profile string, limit int) *Press {
	t.Helper()
	out, err := os.ReadFile(filepath.Join("..", "..", "assets", "icc", profile))
	if err != nil {
		t.Fatal(err)
	}
	srgb, err := os.ReadFile(filepath.Join("..", "..", "assets", "icc", "sRGB.icc"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := NewPress(out, srgb, limit)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestInks: every kind of source becomes inks the press can print — RGB
// and 16-bit photos CMYK within the limit, greys black ink alone, CMYK
// originals kept when they fit and separated again when they do not,
// transparency a mask beside the picture.
func TestInks(t *testing.T) {
	pr := press(t, "magz-uncoated-fogra29.icc", 260)
	cases := []struct {
		spec, name string
		gray, mask bool
	}{
		{"jpeg 320x240", "p.jpg", false, false},
		{"png16 200x150", "d.png", false, false},
		{"gray 120x120", "g.jpg", true, false},
		{"gray16 100x80", "g16.png", true, false},
		{"cmyk 200x150", "c.jpg", false, false},
		{"cmyk-heavy 200x150", "h.jpg", false, false},
		{"png-alpha 120x80", "a.png", false, true},
	}
	for _, tc := range cases {
		t.Run(tc.spec, func(t *testing.T) {
			img := file(t, tc.name, testissue.MustSynth(t, tc.spec))
			r := Request{Path: img.Path, Crop: [4]int{0, 0, 1e6, 1e6}, W: 80, H: 60, Colour: Inks, Press: pr}
			res := renderAll(t, NewStore(nil, jpeg.Fast), img, r)[r]
			m, err := stdjpeg.Decode(bytes.NewReader(res.Data))
			if err != nil {
				t.Fatal(err)
			}
			switch m.(type) {
			case *image.Gray:
				if !tc.gray {
					t.Errorf("a colour picture went to black ink alone")
				}
			case *image.CMYK:
				if tc.gray {
					t.Errorf("a grey picture went to four inks")
				}
			default:
				t.Fatalf("the rendition is %T, not inks", m)
			}
			if b := m.Bounds(); b.Dx() != 80 || b.Dy() != 60 {
				t.Errorf("rendition is %v, want 80×60", b)
			}
			// read back by image/jpeg, whose integer inverse DCT may round
			// each ink a step (4 tenths of a percent) apart
			ink, err := maxInk(res.Data)
			if d := ink - res.MaxInk; err != nil || d > 16 || d < -16 {
				t.Errorf("measured ink %d (%v), the result says %d", ink, err, res.MaxInk)
			}
			if res.MaxInk > 2600 {
				t.Errorf("%.1f %% of ink, over the limit of 260 %%", float64(res.MaxInk)/10)
			}
			if (res.Mask != nil) != tc.mask {
				t.Errorf("mask: %v, want %v", res.Mask != nil, tc.mask)
			}
			if tc.mask {
				mk, err := png.Decode(bytes.NewReader(res.Mask))
				if err != nil {
					t.Fatal(err)
				}
				if _, ok := mk.(*image.Gray); !ok {
					t.Errorf("the mask is %T, not grey", mk)
				}
				// png-alpha runs from transparent at the left to opaque
				if a := mk.(*image.Gray).GrayAt(0, 30).Y; a > 10 {
					t.Errorf("the transparent edge has alpha %d", a)
				}
				if a := mk.(*image.Gray).GrayAt(79, 30).Y; a < 240 {
					t.Errorf("the opaque edge has alpha %d", a)
				}
			}
		})
	}
}

// TestCMYKOriginalKept: a CMYK original within the limit keeps its inks
// (its black plate too); one over the limit is brought under it.
func TestCMYKOriginalKept(t *testing.T) {
	pr := press(t, "magz-coated-fogra39.icc", 300)
	data := testissue.MustSynth(t, "cmyk 80x60")
	img := file(t, "c.jpg", data)
	r := Request{Path: img.Path, Crop: [4]int{0, 0, 1e6, 1e6}, W: 80, H: 60, Colour: Inks, Press: pr, Quality: 95}
	res := renderAll(t, NewStore(nil, jpeg.Fast), img, r)[r]
	src, _ := stdjpeg.Decode(bytes.NewReader(data))
	got, _ := stdjpeg.Decode(bytes.NewReader(res.Data))
	a, b := src.(*image.CMYK), got.(*image.CMYK)
	worst := 0
	for i := range a.Pix {
		d := int(a.Pix[i]) - int(b.Pix[i])
		worst = max(worst, d, -d)
	}
	if worst > 24 {
		t.Errorf("an ink of the original changed by %d levels", worst)
	}
}

// TestInksCached: a rendition in inks comes back from the cache with its
// mask and measured ink.
func TestInksCached(t *testing.T) {
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	pr := press(t, "magz-coated-fogra39.icc", 300)
	img := file(t, "a.png", testissue.MustSynth(t, "png-alpha 64x48"))
	r := Request{Path: img.Path, Crop: [4]int{0, 0, 1e6, 1e6}, W: 64, H: 48, Colour: Inks, Press: pr}
	first := renderAll(t, NewStore(c, jpeg.Fast), img, r)[r]
	s := NewStore(c, jpeg.Fast)
	second := renderAll(t, s, img, r)[r]
	if s.Decoded.Load() != 0 {
		t.Fatal("not served from the cache")
	}
	if !bytes.Equal(first.Data, second.Data) || !bytes.Equal(first.Mask, second.Mask) || first.MaxInk != second.MaxInk || second.Colour != Inks {
		t.Error("the cached rendition lost its mask, its ink or its colour")
	}
}

// TestNeutralRGB: a black-and-white photo saved as RGB prints in black
// ink alone.
func TestNeutralRGB(t *testing.T) {
	pr := press(t, "magz-coated-fogra39.icc", 300)
	m := image.NewRGBA(image.Rect(0, 0, 64, 48))
	for y := range 48 {
		for x := range 64 {
			v := uint8(x * 4)
			m.Set(x, y, color.RGBA{v, v, v + uint8(y%2), 255})
		}
	}
	var buf bytes.Buffer
	png.Encode(&buf, m)
	img := file(t, "bw.png", buf.Bytes())
	r := Request{Path: img.Path, Crop: [4]int{0, 0, 1e6, 1e6}, W: 64, H: 48, Colour: Inks, Press: pr}
	res := renderAll(t, NewStore(nil, jpeg.Fast), img, r)[r]
	if g, err := stdjpeg.Decode(bytes.NewReader(res.Data)); err != nil {
		t.Fatal(err)
	} else if _, ok := g.(*image.Gray); !ok {
		t.Errorf("a neutral RGB picture is %T, not black ink alone", g)
	}
}

func TestChannels(t *testing.T) {
	for spec, want := range map[string]int{"jpeg 20x10": 3, "gray 20x20": 1, "cmyk 30x20": 4, "png 10x10": 0} {
		if got := Channels(testissue.MustSynth(t, spec)); got != want {
			t.Errorf("%s: %d channels, want %d", spec, got, want)
		}
	}
}

// maxInk decodes a print JPEG with image/jpeg and returns the most ink
// any pixel puts down, in tenths of a percent: the four inks of a CMYK file, the black
// of a grey one (255 less its value).
func maxInk(data []byte) (int, error) {
	m, err := stdjpeg.Decode(bytes.NewReader(data))
	if err != nil {
		return 0, err
	}
	most := 0
	switch m := m.(type) {
	case *image.CMYK:
		b := m.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y++ {
			row := m.Pix[m.PixOffset(b.Min.X, y):m.PixOffset(b.Max.X, y)]
			for i := 0; i < len(row); i += 4 {
				most = max(most, int(row[i])+int(row[i+1])+int(row[i+2])+int(row[i+3]))
			}
		}
	case *image.Gray:
		least := 255
		for _, v := range m.Pix {
			least = min(least, int(v))
		}
		most = 255 - least
	default:
		return 0, fmt.Errorf("the separated picture is %T, neither CMYK nor grey", m)
	}
	return (most*1000 + 127) / 255, nil
}
