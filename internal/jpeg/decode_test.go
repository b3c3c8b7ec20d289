package jpeg

import (
	"bytes"
	"fmt"
	"image"
	stdjpeg "image/jpeg"
	"os"
	"path/filepath"
	"testing"
)

// sameYCbCr compares two decodings sample by sample (the visible area of
// every Plane) and returns the largest difference.
func sameYCbCr(t *testing.T, name string, got, want *image.YCbCr) int {
	t.Helper()
	if got.Rect != want.Rect || got.SubsampleRatio != want.SubsampleRatio {
		t.Fatalf("%s: got %v %v, image/jpeg %v %v", name, got.Rect, got.SubsampleRatio, want.Rect, want.SubsampleRatio)
	}
	worst := 0
	b := want.Rect
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			i, j := got.YOffset(x, y), want.YOffset(x, y)
			k, l := got.COffset(x, y), want.COffset(x, y)
			for _, d := range []int{
				int(got.Y[i]) - int(want.Y[j]),
				int(got.Cb[k]) - int(want.Cb[l]),
				int(got.Cr[k]) - int(want.Cr[l]),
			} {
				worst = max(worst, d, -d)
			}
		}
	}
	return worst
}

// fastCases are streams the fast path must decode: every sampling it
// supports, optimised Huffman tables, quality 100, odd sizes, restart
// intervals (with a last interval shorter than the others).
func fastCases(t *testing.T) map[string][]byte {
	cases := map[string][]byte{}
	for _, f := range []string{"s444.jpg", "s422.jpg", "s440.jpg", "s420opt.jpg", "q100.jpg"} {
		b, err := os.ReadFile(filepath.Join("testdata", "jpeg", f))
		if err != nil {
			t.Fatal(err)
		}
		cases[f] = b
	}
	for _, sz := range [][2]int{{1, 1}, {9, 17}, {64, 48}, {203, 117}} {
		src := photoYCbCr(sz[0], sz[1], 5)
		var buf bytes.Buffer
		stdjpeg.Encode(&buf, src, &stdjpeg.Options{Quality: 87})
		cases["image/jpeg "+fmtSize(sz)] = buf.Bytes()
		y := Plane{Pix: src.Y, Stride: src.YStride, W: sz[0], H: sz[1]}
		cb := Plane{Pix: src.Cb, Stride: src.CStride, W: (sz[0] + 1) / 2, H: (sz[1] + 1) / 2}
		cr := Plane{Pix: src.Cr, Stride: src.CStride, W: (sz[0] + 1) / 2, H: (sz[1] + 1) / 2}
		for _, ri := range []int{1, 3, 7} {
			cases[fmt.Sprintf("restart %s every %d", fmtSize(sz), ri)] = encodeRestart(y, cb, cr, 90, ri)
		}
	}
	return cases
}

func fmtSize(sz [2]int) string { return image.Pt(sz[0], sz[1]).String() }

// TestFastDecodeMatchesImageJPEG: on every kind of stream it takes, the
// fast path gives image/jpeg's picture within one level of rounding.
func TestFastDecodeMatchesImageJPEG(t *testing.T) {
	for name, data := range fastCases(t) {
		got, ok := decodeFast(data)
		if !ok {
			t.Errorf("%s: the fast path refused it", name)
			continue
		}
		ref, err := stdjpeg.Decode(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: image/jpeg: %v", name, err)
		}
		if d := sameYCbCr(t, name, got, ref.(*image.YCbCr)); d > 1 {
			t.Errorf("%s: samples differ from image/jpeg's by up to %d", name, d)
		}
	}
}

// TestFastDecodeDefers: what the fast path does not handle still decodes,
// through image/jpeg, to what image/jpeg gives.
func TestFastDecodeDefers(t *testing.T) {
	prog, err := os.ReadFile(filepath.Join("testdata", "jpeg", "prog.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	// grey and CMYK from this package's own encoders (the test issues'
	// generator uses them: this test cannot use it)
	ink := inkPlanes(83, 61)
	grey := encodeGray(ink[0], 85)
	cmyk := EncodeCMYK(ink[0], ink[1], ink[2], ink[3], 85)
	for f, data := range map[string][]byte{"progressive": prog, "grey": grey, "CMYK": cmyk} {
		if _, ok := decodeFast(data); ok {
			t.Errorf("%s: the fast path took it", f)
		}
		m, err := Fast.Decode(data)
		ref, _ := stdjpeg.Decode(bytes.NewReader(data))
		if err != nil || m.Bounds() != ref.Bounds() {
			t.Errorf("%s: decoded %v, %v; image/jpeg %v", f, m, err, ref.Bounds())
		}
		if m.ColorModel() != ref.ColorModel() {
			t.Errorf("%s: colour model %v, image/jpeg %v", f, m.ColorModel(), ref.ColorModel())
		}
	}
}

// TestFastDecodeDamaged: a truncated or corrupted stream is never decoded
// by the fast path into a picture image/jpeg would refuse; the error is
// image/jpeg's.
func TestFastDecodeDamaged(t *testing.T) {
	for name, data := range fastCases(t) {
		for _, cut := range []int{len(data) / 3, len(data) / 2, len(data) - 3} {
			short := data[:cut]
			if _, ok := decodeFast(short); ok {
				t.Errorf("%s cut at %d: the fast path decoded it", name, cut)
			}
			if _, err := Fast.Decode(short); err == nil {
				t.Errorf("%s cut at %d: no error", name, cut)
			}
		}
		// flipped bytes in the entropy-coded data
		for i := len(data) / 2; i < len(data)-2; i += len(data)/7 + 1 {
			bad := bytes.Clone(data)
			bad[i] ^= 0x5A
			checkAgainstImageJPEG(t, name, bad)
		}
	}
}

// checkAgainstImageJPEG is the fast path's contract: whatever it decodes,
// image/jpeg decodes too, to the same picture.
func checkAgainstImageJPEG(t *testing.T, name string, data []byte) {
	t.Helper()
	got, err := (&jdec{data: data}).decode()
	if err != nil {
		return
	}
	ref, err := stdjpeg.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("%s: the fast path decoded a stream image/jpeg refuses (%v)", name, err)
	}
	r, ok := ref.(*image.YCbCr)
	if !ok {
		t.Fatalf("%s: the fast path decoded a %T as Y′CbCr", name, ref)
	}
	if d := sameYCbCr(t, name, got, r); d > 2 {
		t.Errorf("%s: samples differ from image/jpeg's by up to %d", name, d)
	}
}

func FuzzFastDecode(f *testing.F) {
	for _, fx := range []string{"s444.jpg", "s422.jpg", "s440.jpg", "s420opt.jpg", "prog.jpg"} {
		b, err := os.ReadFile(filepath.Join("testdata", "jpeg", fx))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	src := photoYCbCr(40, 24, 1)
	f.Add(encodeRestart(Plane{src.Y, src.YStride, 40, 24}, Plane{src.Cb, src.CStride, 20, 12}, Plane{src.Cr, src.CStride, 20, 12}, 75, 2))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		if c, err := stdjpeg.DecodeConfig(bytes.NewReader(data)); err == nil && c.Width*c.Height > 1<<18 {
			return
		}
		checkAgainstImageJPEG(t, "fuzz", data)
	})
}

func BenchmarkDecode(b *testing.B) {
	src := photoYCbCr(2000, 1500, 3)
	var buf bytes.Buffer
	stdjpeg.Encode(&buf, src, &stdjpeg.Options{Quality: 92})
	data := buf.Bytes()
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(2000 * 1500)
		for b.Loop() {
			if _, ok := decodeFast(data); !ok {
				b.Fatal("refused")
			}
		}
	})
	b.Run("image-jpeg", func(b *testing.B) {
		b.SetBytes(2000 * 1500)
		for b.Loop() {
			stdjpeg.Decode(bytes.NewReader(data))
		}
	})
	b.Run("eighth", func(b *testing.B) {
		b.SetBytes(2000 * 1500)
		for b.Loop() {
			if _, ok := DecodeEighth(data); !ok {
				b.Fatal("refused")
			}
		}
	})
}

// TestDecodeEighth: each sample of the eighth-size decoding is the mean of
// its 8×8 block in the whole decoding (within one level: the rounding of
// the inverse DCT), for every sampling the fast path takes.
func TestDecodeEighth(t *testing.T) {
	for name, data := range fastCases(t) {
		small, ok := DecodeEighth(data)
		if !ok {
			t.Errorf("%s: refused", name)
			continue
		}
		full, ok := decodeFast(data)
		if !ok {
			t.Fatalf("%s: the fast path refused it", name)
		}
		fb := full.Rect
		if want := image.Rect(0, 0, (fb.Dx()+7)/8, (fb.Dy()+7)/8); small.Rect != want || small.SubsampleRatio != full.SubsampleRatio {
			t.Fatalf("%s: %v %v, want %v %v", name, small.Rect, small.SubsampleRatio, want, full.SubsampleRatio)
		}
		worst := 0
		mean := func(pix []uint8, stride, bx, by int) int {
			s := 0
			for y := 0; y < 8; y++ {
				for x := 0; x < 8; x++ {
					s += int(pix[(8*by+y)*stride+8*bx+x])
				}
			}
			return (s + 32) / 64
		}
		for _, pl := range []struct {
			small, full []uint8
			ss, fs      int
		}{{small.Y, full.Y, small.YStride, full.YStride}, {small.Cb, full.Cb, small.CStride, full.CStride}, {small.Cr, full.Cr, small.CStride, full.CStride}} {
			rows := len(pl.small) / pl.ss
			for by := 0; by < rows; by++ {
				for bx := 0; bx < pl.ss; bx++ {
					d := int(pl.small[by*pl.ss+bx]) - mean(pl.full, pl.fs, bx, by)
					worst = max(worst, d, -d)
				}
			}
		}
		if worst > 1 {
			t.Errorf("%s: eighth-size samples differ from their blocks' means by up to %d", name, worst)
		}
	}
	// what the fast path does not take is refused, for the caller to decode whole
	prog, err := os.ReadFile(filepath.Join("testdata", "jpeg", "prog.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := DecodeEighth(prog); ok {
		t.Error("a progressive JPEG decoded at an eighth")
	}
	if _, ok := DecodeEighth(fastCases(t)["s444.jpg"][:300]); ok {
		t.Error("a truncated JPEG decoded at an eighth")
	}
}
