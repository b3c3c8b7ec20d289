package jpeg

import (
	"bytes"
	"image"
	stdjpeg "image/jpeg"
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
	if err := stdjpeg.Encode(&buf, rgb, &stdjpeg.Options{Quality: 100}); err != nil {
		panic(err)
	}
	m, err := stdjpeg.Decode(&buf)
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
			Plane{Pix: src.Y, Stride: src.YStride, W: tc.w, H: tc.h},
			Plane{Pix: src.Cb, Stride: src.CStride, W: (tc.w + 1) / 2, H: (tc.h + 1) / 2},
			Plane{Pix: src.Cr, Stride: src.CStride, W: (tc.w + 1) / 2, H: (tc.h + 1) / 2}, tc.q)
		got, err := stdjpeg.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%dx%d q%d: image/jpeg cannot read our stream: %v", tc.w, tc.h, tc.q, err)
		}
		g, ok := got.(*image.YCbCr)
		if !ok || g.Bounds() != src.Bounds() || g.SubsampleRatio != image.YCbCrSubsampleRatio420 {
			t.Fatalf("%dx%d: decoded as %T %v", tc.w, tc.h, got, got.Bounds())
		}
		var ref bytes.Buffer
		stdjpeg.Encode(&ref, src, &stdjpeg.Options{Quality: tc.q})
		r, _ := stdjpeg.Decode(bytes.NewReader(ref.Bytes()))
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
	data := encodePlanes420(Plane{m.Y, m.YStride, w, h}, Plane{m.Cb, m.CStride, w / 2, h / 2}, Plane{m.Cr, m.CStride, w / 2, h / 2}, 100)
	got, err := stdjpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if p := psnr(m, got.(*image.YCbCr)); p < 35 {
		t.Errorf("noise at quality 100: PSNR %.1f dB", p)
	}
}

func BenchmarkEncodePlanes420(b *testing.B) {
	src := photoYCbCr(2000, 1500, 3)
	y := Plane{Pix: src.Y, Stride: src.YStride, W: 2000, H: 1500}
	cb := Plane{Pix: src.Cb, Stride: src.CStride, W: 1000, H: 750}
	cr := Plane{Pix: src.Cr, Stride: src.CStride, W: 1000, H: 750}
	b.SetBytes(2000 * 1500)
	for b.Loop() {
		encodePlanes420(y, cb, cr, 88)
	}
}

func BenchmarkEncodeImageJPEG(b *testing.B) {
	src := photoYCbCr(2000, 1500, 3)
	b.SetBytes(2000 * 1500)
	for b.Loop() {
		stdjpeg.Encode(&bytes.Buffer{}, src, &stdjpeg.Options{Quality: 88})
	}
}

func encodePlanes420(y, cb, cr Plane, quality int) []byte {
	return encodeRestart(y, cb, cr, quality, 0)
}

// TestStdCodec: the switch that rules magz's codec out really uses
// image/jpeg, for decoding and encoding alike.
func TestStdCodec(t *testing.T) {
	if CodecFor("std") != Std || CodecFor("") != Fast || CodecFor("fast") != Fast {
		t.Fatal("MAGZ_JPEG values read wrong")
	}
	src := photoYCbCr(64, 48, 3)
	y := Plane{Pix: src.Y, Stride: src.YStride, W: 64, H: 48}
	cb := Plane{Pix: src.Cb, Stride: src.CStride, W: 32, H: 24}
	cr := Plane{Pix: src.Cr, Stride: src.CStride, W: 32, H: 24}
	own, _ := Fast.Encode420(y, cb, cr, 85)
	std, err := Std.Encode420(y, cb, cr, 85)
	if err != nil {
		t.Fatal(err)
	}
	var ref bytes.Buffer
	if err := stdjpeg.Encode(&ref, src, &stdjpeg.Options{Quality: 85}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(std, ref.Bytes()) {
		t.Error("Std.Encode420 is not image/jpeg's encoder")
	}
	if bytes.Equal(own, std) {
		t.Error("Fast and Std encoders gave the same bytes: the switch changes nothing")
	}
	m, err := Std.Decode(own)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := stdjpeg.Decode(bytes.NewReader(own))
	if !bytes.Equal(m.(*image.YCbCr).Y, want.(*image.YCbCr).Y) {
		t.Error("Std.Decode is not image/jpeg's decoder")
	}
}

// FuzzEncode: whatever the planes hold and whatever their size and the
// quality, the encoder does not panic, image/jpeg reads its stream back as
// a 4:2:0 picture of the right size, and the same planes give the same
// bytes. (Fidelity against image/jpeg is TestEncodePlanes420's, on
// photographs: on the fuzzer's periodic byte patterns at low quality the
// two encoders' rounding can differ by a few dB either way.)
func FuzzEncode(f *testing.F) {
	f.Add(uint8(7), uint8(5), uint8(85), []byte("a few bytes of picture"))
	f.Add(uint8(1), uint8(1), uint8(100), []byte{0xff})
	f.Add(uint8(33), uint8(17), uint8(1), []byte{0, 255, 0, 255, 128, 7})
	f.Fuzz(func(t *testing.T, w8, h8, q8 uint8, pix []byte) {
		w, h, q := int(w8)%64+1, int(h8)%64+1, int(q8)%100+1
		if len(pix) == 0 {
			pix = []byte{128}
		}
		m := image.NewYCbCr(image.Rect(0, 0, w, h), image.YCbCrSubsampleRatio420)
		for i := range m.Y {
			m.Y[i] = pix[i%len(pix)]
		}
		for i := range m.Cb {
			m.Cb[i] = pix[(i*7+1)%len(pix)]
			m.Cr[i] = pix[(i*13+2)%len(pix)]
		}
		cw, ch := (w+1)/2, (h+1)/2
		data, _ := Fast.Encode420(Plane{m.Y, m.YStride, w, h}, Plane{m.Cb, m.CStride, cw, ch}, Plane{m.Cr, m.CStride, cw, ch}, q)
		got, err := stdjpeg.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%dx%d q%d: image/jpeg cannot read our stream: %v", w, h, q, err)
		}
		g, ok := got.(*image.YCbCr)
		if !ok || g.Bounds() != m.Bounds() {
			t.Fatalf("%dx%d: decoded as %T %v", w, h, got, got.Bounds())
		}
		if g.SubsampleRatio != image.YCbCrSubsampleRatio420 {
			t.Fatalf("%dx%d: decoded as %v, want 4:2:0", w, h, g.SubsampleRatio)
		}
		// The same planes always give the same bytes.
		again, _ := Fast.Encode420(Plane{m.Y, m.YStride, w, h}, Plane{m.Cb, m.CStride, cw, ch}, Plane{m.Cr, m.CStride, cw, ch}, q)
		if !bytes.Equal(data, again) {
			t.Fatalf("%dx%d q%d: two encodings of the same planes differ", w, h, q)
		}
	})
}
