package images

import (
	"bytes"
	"context"
	"image"
	"image/color"
	stdjpeg "image/jpeg"
	"image/png"
	"magz/internal/jpeg"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"magz/internal/cache"
	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/testissue"
)

func file(t *testing.T, name string, data []byte) *doc.Image {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return &doc.Image{Path: p, Rel: name, Pos: diag.Pos{Path: "a.md", Line: 3}}
}

func TestProbe(t *testing.T) {
	cases := []struct {
		spec, name string
		check      func(*Info) bool
		err        string
	}{
		{"jpeg-exif6 400x300", "r.jpg", func(in *Info) bool { return in.Width == 300 && in.Height == 400 && in.Orientation == 6 }, ""},
		{"cmyk", "c.jpg", func(in *Info) bool { return in.Model == "cmyk" }, ""},
		{"png16 30x20", "d.png", func(in *Info) bool {
			return in.Width == 30 && in.Height == 20 && in.Format == "png" && in.Model == "rgb" && in.Orientation == 1
		}, ""},
		{"png-alpha 30x20", "a.png", func(in *Info) bool { return in.Alpha }, ""},
		{"gray 20x20", "g.jpg", func(in *Info) bool { return in.Model == "gray" }, ""},
		{"webp", "w.webp", func(in *Info) bool { return in.Format == "webp" && in.Width == 96 }, ""},
		{"bomb", "b.png", nil, "over the limit of 120 megapixels"},
		{"heic", "h.jpg", nil, "is a HEIC file"},
	}
	for _, c := range cases {
		t.Run(c.spec, func(t *testing.T) {
			diags := &diag.List{}
			in, ok := NewStore(nil, jpeg.Fast).Probe(file(t, c.name, testissue.MustSynth(t, c.spec)), diags)
			if c.err != "" {
				if ok || !strings.Contains(diags.Err().Error(), c.err) {
					t.Fatalf("want error %q, got %v", c.err, diags.Err())
				}
				if !strings.HasPrefix(diags.Err().Error(), "a.md:3: image "+c.name) {
					t.Errorf("error does not name the article line and file: %v", diags.Err())
				}
				return
			}
			if !ok || !c.check(in) {
				t.Fatalf("probe %s: %+v (%v)", c.spec, in, diags.Err())
			}
		})
	}
	// Not an image at all.
	diags := &diag.List{}
	if _, ok := NewStore(nil, jpeg.Fast).Probe(file(t, "x.jpg", []byte("hello, I am text")), diags); ok || !strings.Contains(diags.Err().Error(), "not a readable image") {
		t.Errorf("text file: %v", diags.Err())
	}
}

func renderAll(t *testing.T, s *Store, img *doc.Image, reqs ...Request) map[Request]Result {
	t.Helper()
	diags := &diag.List{}
	if _, ok := s.Probe(img, diags); !ok {
		t.Fatal(diags.Err())
	}
	out := s.Render(context.Background(), reqs, map[string]diag.Pos{img.Path: img.Pos}, diags)
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func decode(t *testing.T, data []byte) image.Image {
	t.Helper()
	m, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestOrientation: a photo stored landscape with EXIF orientation 6 shows
// portrait, turned clockwise: the stored top-left corner ends top-right.
func TestOrientation(t *testing.T) {
	raw := image.NewRGBA(image.Rect(0, 0, 80, 60))
	for y := 0; y < 60; y++ {
		for x := 0; x < 80; x++ {
			c := color.RGBA{0, 0, 255, 255}
			if x < 20 && y < 20 {
				c = color.RGBA{255, 0, 0, 255} // marker in the stored top-left
			}
			raw.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	stdjpeg.Encode(&b, raw, &stdjpeg.Options{Quality: 95})
	img := file(t, "r.jpg", testissue.WithOrientation(b.Bytes(), 6))
	r := Request{Path: img.Path, Crop: [4]int{0, 0, 1e6, 1e6}, W: 60, H: 80, Quality: 95}
	out := renderAll(t, NewStore(nil, jpeg.Fast), img, r)
	m := decode(t, out[r].Data)
	if bd := m.Bounds(); bd.Dx() != 60 || bd.Dy() != 80 {
		t.Fatalf("rendition is %v, want portrait 60x80", bd)
	}
	red := func(x, y int) bool { r, g, _, _ := m.At(x, y).RGBA(); return r > 0xa000 && g < 0x6000 }
	if !red(55, 5) || red(5, 5) {
		t.Error("orientation 6 must turn the picture clockwise: marker expected top-right")
	}
}

func TestColourModels(t *testing.T) {
	for _, spec := range []string{"cmyk", "png16 64x48", "gray 40x40", "webp", "png-alpha 64x48"} {
		t.Run(spec, func(t *testing.T) {
			name := "x.jpg"
			if strings.HasPrefix(spec, "png") {
				name = "x.png"
			} else if spec == "webp" {
				name = "x.webp"
			}
			img := file(t, name, testissue.MustSynth(t, spec))
			r := Request{Path: img.Path, Crop: [4]int{0, 0, 1e6, 1e6}, W: 32, H: 24}
			out := renderAll(t, NewStore(nil, jpeg.Fast), img, r)
			m, format, err := image.DecodeConfig(bytes.NewReader(out[r].Data))
			if err != nil || format != "jpeg" {
				t.Fatalf("rendition: %v %v", format, err)
			}
			if m.ColorModel == color.CMYKModel {
				t.Error("a CMYK rendition reached the screen and EPUB editions")
			}
		})
	}
}

func TestTransparency(t *testing.T) {
	img := file(t, "a.png", testissue.MustSynth(t, "png-alpha 64x48"))
	asPNG := Request{Path: img.Path, Crop: [4]int{0, 0, 1e6, 1e6}, W: 64, H: 48, Encoding: PNG}
	asJPEG := Request{Path: img.Path, Crop: [4]int{0, 0, 1e6, 1e6}, W: 64, H: 48, Quality: 95}
	out := renderAll(t, NewStore(nil, jpeg.Fast), img, asPNG, asJPEG)
	p, err := png.Decode(bytes.NewReader(out[asPNG].Data))
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, a := p.At(0, 10).RGBA(); a != 0 {
		t.Errorf("PNG rendition lost transparency: alpha %d at the transparent edge", a)
	}
	j := decode(t, out[asJPEG].Data)
	if r, g, b, _ := j.At(0, 10).RGBA(); r < 0xe000 || g < 0xe000 || b < 0xe000 {
		t.Errorf("transparent pixels must become white in JPEG, got %x %x %x", r, g, b)
	}
}

func TestCache(t *testing.T) {
	c, err := cache.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	img := file(t, "p.jpg", testissue.MustSynth(t, "jpeg 300x200"))
	r := Request{Path: img.Path, Crop: [4]int{0, 0, 1e6, 1e6}, W: 150, H: 100}
	s1 := NewStore(c, jpeg.Fast)
	first := renderAll(t, s1, img, r)
	if s1.Decoded.Load() != 1 {
		t.Fatalf("cold: %d decodes, want 1", s1.Decoded.Load())
	}
	s2 := NewStore(c, jpeg.Fast)
	second := renderAll(t, s2, img, r)
	if s2.Decoded.Load() != 0 {
		t.Errorf("warm: %d decodes, want 0 (cache hit)", s2.Decoded.Load())
	}
	if !bytes.Equal(first[r].Data, second[r].Data) {
		t.Error("cached rendition differs")
	}
	// Damage every entry: the next build must notice and decode again.
	filepath.Walk(c.Dir(), func(p string, info os.FileInfo, err error) error {
		if info != nil && !info.IsDir() {
			b, _ := os.ReadFile(p)
			b[len(b)/2] ^= 0x55
			os.WriteFile(p, b, 0o644)
		}
		return nil
	})
	s3 := NewStore(c, jpeg.Fast)
	third := renderAll(t, s3, img, r)
	if s3.Decoded.Load() != 1 {
		t.Errorf("corrupt entry: %d decodes, want 1 (rebuilt)", s3.Decoded.Load())
	}
	if !bytes.Equal(first[r].Data, third[r].Data) {
		t.Error("rebuilt rendition differs")
	}
	// A changed recipe is a miss, not a stale hit.
	r2 := r
	r2.W, r2.H = 120, 80
	s4 := NewStore(c, jpeg.Fast)
	renderAll(t, s4, img, r2)
	if s4.Decoded.Load() != 1 {
		t.Error("a new rendition size was served from the cache")
	}
}

func TestTruncated(t *testing.T) {
	img := file(t, "t.jpg", testissue.MustSynth(t, "truncated"))
	diags := &diag.List{}
	s := NewStore(nil, jpeg.Fast)
	if _, ok := s.Probe(img, diags); !ok {
		t.Fatal("the header of a truncated JPEG is readable")
	}
	r := Request{Path: img.Path, Crop: [4]int{0, 0, 1e6, 1e6}, W: 10, H: 10, Original: true}
	s.Render(context.Background(), []Request{r}, map[string]diag.Pos{img.Path: img.Pos}, diags)
	if err := diags.Err(); err == nil || !strings.Contains(err.Error(), "a.md:3: image") || !strings.Contains(err.Error(), "damaged or truncated") {
		t.Errorf("want a truncation error at the article line, got %v", err)
	}
}

func TestOriginalPassThrough(t *testing.T) {
	data := testissue.MustSynth(t, "jpeg 300x200")
	img := file(t, "o.jpg", data)
	r := Request{Path: img.Path, Crop: [4]int{0, 0, 1e6, 1e6}, W: 300, H: 200, Original: true}
	out := renderAll(t, NewStore(nil, jpeg.Fast), img, r)
	if !bytes.Equal(out[r].Data, data) {
		t.Error("a JPEG that fits was not embedded as its own bytes")
	}
}
