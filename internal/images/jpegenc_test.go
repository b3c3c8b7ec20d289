package images

import (
	"bytes"
	"image"
	"image/jpeg"
	"math"
	"math/rand"
	"testing"

	sy "magz/internal/synth"
)

// photoYCbCr is a synthetic photograph as 4:2:0 planes, with grain so that
// the entropy coder sees realistic data (and 0xFF bytes to stuff).
func photoYCbCr(w, h int, seed int64) *image.YCbCr {
	rgb := sy.Photo(sy.Scene(seed%4), w, h, seed, 20)
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, rgb, &jpeg.Options{Quality: 100}); err != nil {
		panic(err)
	}
	m, err := jpeg.Decode(&buf)
	if err != nil {
		panic(err)
	}
	return m.(*image.YCbCr)
}

// psnr compares the luma and chroma of two images of the same size.
func psnr(a, b *image.YCbCr) float64 {
	var se float64
	n := 0
	add := func(x, y []uint8, stride, w, h int, stride2 int) {
		for r := 0; r < h; r++ {
			for c := 0; c < w; c++ {
				d := float64(x[r*stride+c]) - float64(y[r*stride2+c])
				se += d * d
				n++
			}
		}
	}
	bd := a.Bounds()
	w, h := bd.Dx(), bd.Dy()
	add(a.Y, b.Y, a.YStride, w, h, b.YStride)
	add(a.Cb, b.Cb, a.CStride, (w+1)/2, (h+1)/2, b.CStride)
	add(a.Cr, b.Cr, a.CStride, (w+1)/2, (h+1)/2, b.CStride)
	return 10 * math.Log10(255*255/(se/float64(n)))
}

// TestEncodePlanes420: the stream decodes with image/jpeg, at every size
// (edges of partial blocks and MCUs included) and quality, with the
// fidelity and size of image/jpeg's own encoder at the same quality.
func TestEncodePlanes420(t *testing.T) {
	for _, tc := range []struct{ w, h, q int }{
		{1, 1, 85}, {7, 5, 85}, {16, 16, 88}, {17, 9, 80}, {33, 47, 50}, {250, 170, 88}, {401, 299, 80}, {120, 90, 100}, {120, 90, 5},
	} {
		src := photoYCbCr(tc.w, tc.h, int64(tc.w))
		data := encodePlanes420(
			plane{pix: src.Y, stride: src.YStride, w: tc.w, h: tc.h},
			plane{pix: src.Cb, stride: src.CStride, w: (tc.w + 1) / 2, h: (tc.h + 1) / 2},
			plane{pix: src.Cr, stride: src.CStride, w: (tc.w + 1) / 2, h: (tc.h + 1) / 2}, tc.q)
		got, err := jpeg.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%dx%d q%d: image/jpeg cannot read our stream: %v", tc.w, tc.h, tc.q, err)
		}
		g, ok := got.(*image.YCbCr)
		if !ok || g.Bounds() != src.Bounds() || g.SubsampleRatio != image.YCbCrSubsampleRatio420 {
			t.Fatalf("%dx%d: decoded as %T %v", tc.w, tc.h, got, got.Bounds())
		}
		var ref bytes.Buffer
		jpeg.Encode(&ref, src, &jpeg.Options{Quality: tc.q})
		r, _ := jpeg.Decode(bytes.NewReader(ref.Bytes()))
		ours, theirs := psnr(src, g), psnr(src, r.(*image.YCbCr))
		if ours < theirs-0.5 {
			t.Errorf("%dx%d q%d: PSNR %.2f dB, image/jpeg %.2f dB", tc.w, tc.h, tc.q, ours, theirs)
		}
		if tc.w*tc.h > 10000 && float64(len(data)) > 1.05*float64(ref.Len()) {
			t.Errorf("%dx%d q%d: %d bytes, image/jpeg %d", tc.w, tc.h, tc.q, len(data), ref.Len())
		}
		t.Logf("%dx%d q%d: %.2f dB %d B; image/jpeg %.2f dB %d B", tc.w, tc.h, tc.q, ours, len(data), theirs, ref.Len())
	}
}

// TestEncodeNoise: white noise makes the largest coefficients and many
// 0xFF bytes; the stream must still decode to the same picture.
func TestEncodeNoise(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	w, h := 64, 48
	m := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
	for _, p := range [][]uint8{m.Y, m.Cb, m.Cr} {
		for i := range p {
			p[i] = uint8(rng.Intn(2) * 255)
		}
	}
	data := encodePlanes420(plane{m.Y, m.YStride, w, h}, plane{m.Cb, m.CStride, w / 2, h / 2}, plane{m.Cr, m.CStride, w / 2, h / 2}, 100)
	got, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if p := psnr(m, got.(*image.YCbCr)); p < 35 {
		t.Errorf("noise at quality 100: PSNR %.1f dB", p)
	}
}

func BenchmarkEncodePlanes420(b *testing.B) {
	src := photoYCbCr(2000, 1500, 3)
	y := plane{pix: src.Y, stride: src.YStride, w: 2000, h: 1500}
	cb := plane{pix: src.Cb, stride: src.CStride, w: 1000, h: 750}
	cr := plane{pix: src.Cr, stride: src.CStride, w: 1000, h: 750}
	b.SetBytes(2000 * 1500)
	for b.Loop() {
		encodePlanes420(y, cb, cr, 88)
	}
}

func BenchmarkEncodeImageJPEG(b *testing.B) {
	src := photoYCbCr(2000, 1500, 3)
	b.SetBytes(2000 * 1500)
	for b.Loop() {
		jpeg.Encode(&bytes.Buffer{}, src, &jpeg.Options{Quality: 88})
	}
}
