package jpeg

import (
	"bytes"
	"image"
	stdjpeg "image/jpeg"
	"math"
	"testing"
)

// inkPlanes are four planes of ink with edges, gradients and grain.
func inkPlanes(w, h int) [4]Plane {
	var ps [4]Plane
	for c := range ps {
		ps[c] = Plane{Pix: make([]uint8, w*h), Stride: w, W: w, H: h}
	}
	seed := uint32(1)
	for y := range h {
		for x := range w {
			seed = seed*1664525 + 1013904223
			grain := int(seed>>28) - 8
			ps[0].Pix[y*w+x] = uint8(max(0, min(255, x*255/max(w-1, 1)+grain)))
			ps[1].Pix[y*w+x] = uint8(max(0, min(255, y*255/max(h-1, 1)+grain)))
			if (x/9+y/7)%2 == 0 {
				ps[2].Pix[y*w+x] = 230
			}
			ps[3].Pix[y*w+x] = uint8((x/16+y/16)%2*200 + 40)
		}
	}
	return ps
}

// TestEncodeCMYK: an Adobe CMYK JPEG that image/jpeg reads back as the
// same inks (it undoes the inversion as PDF's /Decode does), at every
// size, partial blocks included.
func TestEncodeCMYK(t *testing.T) {
	for _, tc := range []struct{ w, h, q int }{{1, 1, 90}, {9, 7, 90}, {64, 48, 92}, {203, 101, 85}} {
		ps := inkPlanes(tc.w, tc.h)
		data := EncodeCMYK(ps[0], ps[1], ps[2], ps[3], tc.q)
		if !bytes.Contains(data[:40], []byte("Adobe")) {
			t.Errorf("%dx%d: no Adobe segment", tc.w, tc.h)
		}
		m, err := stdjpeg.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%dx%d: %v", tc.w, tc.h, err)
		}
		cm, ok := m.(*image.CMYK)
		if !ok {
			t.Fatalf("%dx%d: decodes as %T, not CMYK", tc.w, tc.h, m)
		}
		if cm.Bounds().Dx() != tc.w || cm.Bounds().Dy() != tc.h {
			t.Fatalf("%dx%d: decodes as %v", tc.w, tc.h, cm.Bounds())
		}
		for c := range 4 {
			var se float64
			for y := range tc.h {
				for x := range tc.w {
					d := float64(cm.Pix[y*cm.Stride+4*x+c]) - float64(ps[c].Pix[y*tc.w+x])
					se += d * d
				}
			}
			p := 10 * math.Log10(255*255/max(se/float64(tc.w*tc.h), 1e-9))
			if p < 34 {
				t.Errorf("%dx%d ink %d: PSNR %.1f dB", tc.w, tc.h, c, p)
			}
		}
	}
}

func TestEncodeGray(t *testing.T) {
	ps := inkPlanes(77, 45)
	data := EncodeGray(ps[0], 90)
	m, err := stdjpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	g, ok := m.(*image.Gray)
	if !ok {
		t.Fatalf("decodes as %T, not Gray", m)
	}
	var worst int
	for y := range 45 {
		for x := range 77 {
			d := int(g.Pix[y*g.Stride+x]) - int(ps[0].Pix[y*77+x])
			worst = max(worst, d, -d)
		}
	}
	if worst > 24 {
		t.Errorf("a grey differs by %d", worst)
	}
}
