// Package testissue writes issue folders for tests from txtar archives.
// A file whose content is a "synth:" line is replaced by a generated image,
// so test archives stay text:
//
//	synth:jpeg 400x300        an RGB JPEG
//	synth:jpeg-exif6 400x300  stored landscape, EXIF orientation 6 (shows portrait)
//	synth:cmyk                a small CMYK JPEG
//	synth:cmyk 400x300        an Adobe CMYK JPEG of a photo, at most 240 % of ink
//	synth:cmyk-heavy 400x300  the same with a band of 390 % ink (rich black)
//	synth:gray16 200x200      a 16-bit greyscale PNG
//	synth:svg-logo            an SVG logo: a green mark, a red word-like shape
//	synth:gray 200x200        a grayscale JPEG
//	synth:png 300x200         an RGB PNG
//	synth:png16 300x200       a 16-bit PNG
//	synth:png-alpha 300x200   a PNG with transparency
//	synth:webp                a small WebP
//	synth:truncated           a JPEG cut in half
//	synth:bomb                a PNG header claiming 100000x100000 pixels
//	synth:heic                the start of a HEIC file
//	synth:boat 1600x1000 0.8,0.6  a seascape, a red boat centred there (JPEG)
//	synth:screenshot 1080x2340    a phone screenshot, its title at the top (PNG)
//	synth:logo 600x160            a logo on a transparent ground (PNG)
package testissue

import (
	"bytes"
	"embed"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	jpg "magz/internal/jpeg"
	"magz/internal/synth"
)

//go:embed testdata
var testdata embed.FS

// Write materialises the archive under dir.
func Write(dir string, a *txtar.Archive) error {
	for _, f := range a.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		data := f.Data
		if s := strings.TrimSpace(string(data)); strings.HasPrefix(s, "synth:") {
			var err error
			if data, err = synthOnce(strings.TrimPrefix(s, "synth:")); err != nil {
				return fmt.Errorf("%s: %w", f.Name, err)
			}
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// made are the files Write has generated in this process, by spec
// (*made): test issues share their photos — a package's tests write the
// same issue again and again with other settings — and generating them
// was a fifth of internal/pipeline's test CPU. Synth is a function of its
// spec, so the same bytes are written; Write never hands them out.
var made sync.Map

type madeFile struct {
	once sync.Once
	data []byte
	err  error
}

// synthOnce is Synth, made once per spec in this process.
func synthOnce(spec string) ([]byte, error) {
	v, _ := made.LoadOrStore(spec, &madeFile{})
	m := v.(*madeFile)
	m.once.Do(func() { m.data, m.err = Synth(spec) })
	return m.data, m.err
}

// Synth makes the bytes of a generated image from a spec such as
// "jpeg 400x300".
// MustSynth is Synth for tests: a bad spec fails the test.
func MustSynth(t testing.TB, spec string) []byte {
	t.Helper()
	b, err := Synth(spec)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func Synth(spec string) ([]byte, error) {
	kind, size, _ := strings.Cut(strings.TrimSpace(spec), " ")
	size, arg, _ := strings.Cut(size, " ")
	w, h := 320, 240
	if size != "" {
		if _, err := fmt.Sscanf(size, "%dx%d", &w, &h); err != nil {
			return nil, fmt.Errorf("bad size %q", size)
		}
	}
	photo := func() image.Image { return synth.Photo(synth.Coast, w, h, int64(w*h), 4) }
	var buf bytes.Buffer
	switch kind {
	case "jpeg":
		err := jpeg.Encode(&buf, photo(), &jpeg.Options{Quality: 80})
		return buf.Bytes(), err
	case "jpeg-exif6":
		if err := jpeg.Encode(&buf, photo(), &jpeg.Options{Quality: 80}); err != nil {
			return nil, err
		}
		return WithOrientation(buf.Bytes(), 6), nil
	case "gray":
		g := image.NewGray(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				g.SetGray(x, y, color.Gray{uint8((x + y) % 256)})
			}
		}
		err := jpeg.Encode(&buf, g, nil)
		return buf.Bytes(), err
	case "png":
		err := png.Encode(&buf, photo())
		return buf.Bytes(), err
	case "png16":
		m := image.NewNRGBA64(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				m.SetNRGBA64(x, y, color.NRGBA64{uint16(x * 65535 / w), uint16(y * 65535 / h), 40000, 65535})
			}
		}
		err := png.Encode(&buf, m)
		return buf.Bytes(), err
	case "png-alpha":
		m := image.NewNRGBA(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				m.SetNRGBA(x, y, color.NRGBA{200, 40, 30, uint8(x * 255 / w)})
			}
		}
		err := png.Encode(&buf, m)
		return buf.Bytes(), err
	case "boat":
		var at [2]float64
		if _, err := fmt.Sscanf(arg, "%g,%g", &at[0], &at[1]); err != nil {
			return nil, fmt.Errorf("bad place %q for the boat", arg)
		}
		m, _ := synth.Boat(w, h, at, 0.12, int64(w*h))
		err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 85})
		return buf.Bytes(), err
	case "screenshot":
		m, _ := synth.Screenshot(w, h)
		err := png.Encode(&buf, m)
		return buf.Bytes(), err
	case "logo":
		err := png.Encode(&buf, synth.Logo(w, h))
		return buf.Bytes(), err
	case "cmyk":
		if size == "" {
			return testdata.ReadFile("testdata/cmyk.jpg")
		}
		return cmykPhoto(photo(), false), nil
	case "cmyk-heavy":
		return cmykPhoto(photo(), true), nil
	case "svg-logo":
		return []byte(svgLogo), nil
	case "gray16":
		g := image.NewGray16(image.Rect(0, 0, w, h))
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				g.SetGray16(x, y, color.Gray16{uint16((x*65535/max(w-1, 1) + y*977) % 65536)})
			}
		}
		err := png.Encode(&buf, g)
		return buf.Bytes(), err
	case "webp":
		return testdata.ReadFile("testdata/tiny.webp")
	case "truncated":
		if err := jpeg.Encode(&buf, photo(), nil); err != nil {
			return nil, err
		}
		return buf.Bytes()[:buf.Len()/2], nil
	case "bomb":
		return pngHeader(100000, 100000), nil
	case "heic":
		return []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), nil
	}
	return nil, fmt.Errorf("unknown synth kind %q", kind)
}

// svgLogo is a logo as a designer saves it for print: filled outlines.
const svgLogo = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 60" width="300" height="60">
  <title>Logo</title>
  <rect x="0" y="0" width="60" height="60" fill="#1e6b3a"/>
  <circle cx="30" cy="30" r="18" fill="#ffffff"/>
  <path d="M75 10 h40 v10 h-28 v10 h22 v10 h-22 v20 h-12 z" fill="#b84a2e"/>
  <path d="M125 10 h12 v40 h28 v10 h-40 z" fill="#000000"/>
  <g transform="translate(175,10)" fill="#142d4c">
    <path d="M0 0 C30 0 40 15 40 25 C40 35 30 50 0 50 z M12 12 C22 12 27 18 27 25 C27 32 22 38 12 38 z" fill-rule="evenodd"/>
  </g>
</svg>
`

// cmykPhoto separates a photo naively (grey component to black, at most
// 240 % of ink) into an Adobe CMYK JPEG; heavy adds a band of 390 %.
func cmykPhoto(m image.Image, heavy bool) []byte {
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	ps := make([]jpg.Plane, 4)
	for c := range ps {
		ps[c] = jpg.Plane{Pix: make([]uint8, w*h), Stride: w, W: w, H: h}
	}
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			r, g, bl, _ := m.At(b.Min.X+x, b.Min.Y+y).RGBA()
			c, mm, yy := 255-int(r>>8), 255-int(g>>8), 255-int(bl>>8)
			k := min(c, mm, yy) * 3 / 4
			ink := [4]int{(c - k) * 7 / 10, (mm - k) * 7 / 10, (yy - k) * 7 / 10, k}
			if heavy && y > h/3 && y < h/3+h/8 {
				ink = [4]int{255, 240, 240, 255}
			}
			for i := range ps {
				ps[i].Pix[y*w+x] = uint8(ink[i])
			}
		}
	}
	return jpg.EncodeCMYK(ps[0], ps[1], ps[2], ps[3], 95)
}

// pngHeader returns a PNG signature and IHDR chunk claiming w×h, and nothing
// else: a decompression bomb as far as the header tells.
func pngHeader(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 2
	binary.Write(&b, binary.BigEndian, uint32(13))
	chunk := append([]byte("IHDR"), ihdr...)
	b.Write(chunk)
	binary.Write(&b, binary.BigEndian, crc32.ChecksumIEEE(chunk))
	return b.Bytes()
}

// WithOrientation inserts an EXIF segment with orientation o after the
// JPEG's start marker.
func WithOrientation(j []byte, o uint16) []byte {
	var t bytes.Buffer
	t.WriteString("Exif\x00\x00MM\x00\x2a\x00\x00\x00\x08")
	binary.Write(&t, binary.BigEndian, uint16(1))
	binary.Write(&t, binary.BigEndian, []uint16{0x0112, 3})
	binary.Write(&t, binary.BigEndian, uint32(1))
	binary.Write(&t, binary.BigEndian, []uint16{o, 0})
	binary.Write(&t, binary.BigEndian, uint32(0))
	seg := []byte{0xFF, 0xE1, 0, 0}
	binary.BigEndian.PutUint16(seg[2:], uint16(t.Len()+2))
	out := append([]byte{}, j[:2]...)
	out = append(out, seg...)
	out = append(out, t.Bytes()...)
	return append(out, j[2:]...)
}
