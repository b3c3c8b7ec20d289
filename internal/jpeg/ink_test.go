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
	data := encodeGray(ps[0], 90)
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

// stdMostInk reads a file back with image/jpeg and returns the most ink a
// pixel puts down (the inks summed; black 255 less the grey).
func stdMostInk(t *testing.T, data []byte) int {
	t.Helper()
	m, err := stdjpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	most := 0
	switch m := m.(type) {
	case *image.CMYK:
		for i := 0; i+3 < len(m.Pix); i += 4 {
			most = max(most, int(m.Pix[i])+int(m.Pix[i+1])+int(m.Pix[i+2])+int(m.Pix[i+3]))
		}
	case *image.Gray:
		for _, v := range m.Pix {
			most = max(most, 255-int(v))
		}
	default:
		t.Fatalf("decodes as %T", m)
	}
	return most
}

// TestEncodeInksMeasures: the ink EncodeInks reports is the ink a decoder
// finds in the file — image/jpeg's integer inverse DCT may round each
// ink a step apart from this package's, no more — for light and heavy
// pictures, partial blocks, grey and CMYK.
func TestEncodeInksMeasures(t *testing.T) {
	heavy := func(w, h int) [4]Plane {
		ps := inkPlanes(w, h)
		for c := range ps {
			for i := range ps[c].Pix {
				ps[c].Pix[i] = uint8(min(255, int(ps[c].Pix[i])/2+120))
			}
		}
		// one dark pixel at the picture's last corner, in a partial block
		for c := range ps {
			ps[c].Pix[len(ps[c].Pix)-1] = 250
		}
		return ps
	}
	for _, tc := range []struct {
		name string
		ps   [4]Plane
		q    int
		gray bool
	}{
		{"light", inkPlanes(64, 48), 90, false},
		{"partial", inkPlanes(203, 101), 85, false},
		{"heavy", heavy(61, 37), 92, false},
		{"tiny", heavy(1, 1), 90, false},
		{"grey", inkPlanes(77, 45), 90, true},
		{"dark grey", heavy(30, 17), 90, true},
	} {
		planes := tc.ps[:]
		if tc.gray {
			planes = planes[3:]
		}
		data, most := EncodeInks(planes, tc.q)
		want := stdMostInk(t, data)
		if d := most - want; d > len(planes) || d < -len(planes) {
			t.Errorf("%s: EncodeInks says %d, image/jpeg reads %d", tc.name, most, want)
		}
	}
}

// encodeGray is EncodeInks of one plane, the file alone.
func encodeGray(p Plane, quality int) []byte {
	data, _ := EncodeInks([]Plane{p}, quality)
	return data
}

// TestInkBound: no block decodes to more ink than its bound, the bound
// that lets the meter skip blocks (random coefficients, sparse and dense,
// at every quantiser scale).
func TestInkBound(t *testing.T) {
	for _, quality := range []int{50, 85, 95} {
		qt := quantTables(quality)
		m := newInkMeter(&qt[0], 1)
		seed := uint32(7)
		next := func() int32 {
			seed = seed*1664525 + 1013904223
			return int32(seed >> 8)
		}
		var pixel [64]uint8
		for range 20000 {
			var q [64]int32
			q[0] = next()%(2048/int32(qt[0][0])) - 1024/int32(qt[0][0])
			terms := int(next() % 64)
			for range terms {
				k := 1 + int(next()%63)
				q[k] = next()%41 - 20
			}
			var nz uint64
			for k := 1; k < 64; k++ {
				if q[k] != 0 {
					nz |= 1 << k
				}
			}
			m.decode(&q, nz, &pixel)
			worst := 0
			for _, s := range pixel {
				worst = max(worst, 255-int(s))
			}
			if b := m.bound(&q, nz); worst > b {
				t.Fatalf("q%d: a block decodes to ink %d over its bound %d: %v", quality, worst, b, q)
			}
		}
	}
}

// BenchmarkEncodeInks encodes and measures four planes of ink of 2000×1500
// (a print rendition of a half page) at the print quality.
func BenchmarkEncodeInks(b *testing.B) {
	ps := inkPlanes(2000, 1500)
	b.SetBytes(2000 * 1500)
	for b.Loop() {
		EncodeInks(ps[:], 90)
	}
}
