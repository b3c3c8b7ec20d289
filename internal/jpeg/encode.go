package jpeg

import (
	"bytes"
	"encoding/binary"
	"image"
	stdjpeg "image/jpeg"
	"math/bits"
)

// A baseline JPEG encoder for 4:2:0 planes.
//
// Go's image/jpeg encoder takes an image.Image, reads it through per-pixel
// accessors, subsamples the chroma again and quantises with a division per
// coefficient; on a cold build it cost as much as decoding the sources.
// The image stage already holds the rendition as 4:2:0 planes, so this
// encoder reads them directly, transforms with the floating-point AAN DCT
// (the quantiser folded into its output scale, as libjpeg's float path
// does) and writes the standard Huffman tables through a 64-bit bit
// buffer. Output is a plain baseline JFIF-compatible stream any decoder
// reads; tests compare it with image/jpeg's own at the same quality.

// zigzag[i] is the natural-order index of the i-th coefficient in zig-zag
// order.
var zigzag = [64]uint8{
	0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
	12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
	35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
	58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
}

// The example quantisation tables of ITU-T T.81 Annex K, in natural order.
var baseQuant = [2][64]uint8{{
	16, 11, 10, 16, 24, 40, 51, 61,
	12, 12, 14, 19, 26, 58, 60, 55,
	14, 13, 16, 24, 40, 57, 69, 56,
	14, 17, 22, 29, 51, 87, 80, 62,
	18, 22, 37, 56, 68, 109, 103, 77,
	24, 35, 55, 64, 81, 104, 113, 92,
	49, 64, 78, 87, 103, 121, 120, 101,
	72, 92, 95, 98, 112, 100, 103, 99,
}, {
	17, 18, 24, 47, 99, 99, 99, 99,
	18, 21, 26, 66, 99, 99, 99, 99,
	24, 26, 56, 99, 99, 99, 99, 99,
	47, 66, 99, 99, 99, 99, 99, 99,
	99, 99, 99, 99, 99, 99, 99, 99,
	99, 99, 99, 99, 99, 99, 99, 99,
	99, 99, 99, 99, 99, 99, 99, 99,
	99, 99, 99, 99, 99, 99, 99, 99,
}}

// huffSpec is a Huffman table as JPEG stores it: the count of codes of each
// length 1..16 and the symbols in code order (Annex K.3).
type huffSpec struct {
	count [16]uint8
	value []uint8
}

var huffSpecs = [4]huffSpec{
	{ // luminance DC
		[16]uint8{0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0},
		[]uint8{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11},
	},
	{ // luminance AC
		[16]uint8{0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 125},
		[]uint8{
			0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12,
			0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07,
			0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1, 0x08,
			0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0,
			0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16,
			0x17, 0x18, 0x19, 0x1a, 0x25, 0x26, 0x27, 0x28,
			0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39,
			0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49,
			0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58, 0x59,
			0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69,
			0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79,
			0x7a, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89,
			0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98,
			0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7,
			0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6,
			0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5,
			0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4,
			0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2,
			0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea,
			0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8,
			0xf9, 0xfa,
		},
	},
	{ // chrominance DC
		[16]uint8{0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0},
		[]uint8{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11},
	},
	{ // chrominance AC
		[16]uint8{0, 2, 1, 2, 4, 4, 3, 4, 7, 5, 4, 4, 0, 1, 2, 119},
		[]uint8{
			0x00, 0x01, 0x02, 0x03, 0x11, 0x04, 0x05, 0x21,
			0x31, 0x06, 0x12, 0x41, 0x51, 0x07, 0x61, 0x71,
			0x13, 0x22, 0x32, 0x81, 0x08, 0x14, 0x42, 0x91,
			0xa1, 0xb1, 0xc1, 0x09, 0x23, 0x33, 0x52, 0xf0,
			0x15, 0x62, 0x72, 0xd1, 0x0a, 0x16, 0x24, 0x34,
			0xe1, 0x25, 0xf1, 0x17, 0x18, 0x19, 0x1a, 0x26,
			0x27, 0x28, 0x29, 0x2a, 0x35, 0x36, 0x37, 0x38,
			0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48,
			0x49, 0x4a, 0x53, 0x54, 0x55, 0x56, 0x57, 0x58,
			0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68,
			0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78,
			0x79, 0x7a, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87,
			0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96,
			0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5,
			0xa6, 0xa7, 0xa8, 0xa9, 0xaa, 0xb2, 0xb3, 0xb4,
			0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3,
			0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2,
			0xd3, 0xd4, 0xd5, 0xd6, 0xd7, 0xd8, 0xd9, 0xda,
			0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9,
			0xea, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8,
			0xf9, 0xfa,
		},
	},
}

// huffCode is, for each symbol, its code in the low bits and the code's
// length in the top byte.
type huffCode [256]uint32

var huffCodes = func() (t [4]huffCode) {
	for i, s := range huffSpecs {
		code, k := uint32(0), 0
		for n := 0; n < 16; n++ {
			for c := 0; c < int(s.count[n]); c++ {
				t[i][s.value[k]] = uint32(n+1)<<24 | code
				code++
				k++
			}
			code <<= 1
		}
	}
	return t
}()

// aanScale[k] is the scale of the AAN DCT's k-th output: cos(kπ/16)·√2,
// and 1 for k = 0.
var aanScale = [8]float32{1, 1.387039845, 1.306562965, 1.175875602, 1, 0.785694958, 0.541196100, 0.275899379}

// jpegWriter accumulates the entropy-coded segment.
type jpegWriter struct {
	out   []byte
	acc   uint64 // pending bits, right-aligned
	nbits uint
}

// emit appends the low n bits of v (n + pending bits must stay under 64).
func (w *jpegWriter) emit(v uint32, n uint) {
	w.acc = w.acc<<n | uint64(v)&(1<<n-1)
	w.nbits += n
	if w.nbits >= 32 {
		w.flush32()
	}
}

// flush32 writes the oldest 32 pending bits, stuffing a zero byte after
// each 0xFF.
func (w *jpegWriter) flush32() {
	w.nbits -= 32
	v := uint32(w.acc >> w.nbits)
	// any byte equal to 0xFF? (has-zero-byte test on the complement)
	x := ^v
	if (x-0x01010101)&^x&0x80808080 == 0 {
		w.out = binary.BigEndian.AppendUint32(w.out, v)
		return
	}
	for s := 24; s >= 0; s -= 8 {
		b := byte(v >> s)
		w.out = append(w.out, b)
		if b == 0xFF {
			w.out = append(w.out, 0)
		}
	}
}

// finish pads the last byte with one-bits.
func (w *jpegWriter) finish() {
	for w.nbits%8 != 0 {
		w.acc = w.acc<<1 | 1
		w.nbits++
	}
	for w.nbits >= 8 {
		w.nbits -= 8
		b := byte(w.acc >> w.nbits)
		w.out = append(w.out, b)
		if b == 0xFF {
			w.out = append(w.out, 0)
		}
	}
}

// encodeBlock transforms, quantises and entropy-codes one 8×8 block of
// level-shifted samples, returning the new DC predictor. q receives the
// quantised coefficients in zig-zag order, and the mask returned has a bit
// for each non-zero AC coefficient among them.
func (w *jpegWriter) encodeBlock(blk *[64]float32, div *[64]float32, dc, ac *huffCode, prevDC int32, q *[64]int32) (int32, uint64) {
	fdct(blk)
	// quantised in zig-zag order, with a bit for each non-zero AC term:
	// the runs of zeros are then counted by the bits, not one by one
	var nz uint64
	for k, z := range zigzag {
		// round half away from zero, like libjpeg's float path
		v := float32(blk[z] * div[z]) // rounded here: never fused with the add below
		t := int32(v+16384.5) - 16384
		q[k] = t
		// the bit without a branch: t|-t is negative unless t is 0
		nz |= uint64(uint32(t|-t)>>31) << k
	}
	w.emitValue(dc, 0, q[0]-prevDC)
	last := 0
	acs := nz &^ 1
	for nz = acs; nz != 0; nz &= nz - 1 {
		k := bits.TrailingZeros64(nz)
		run := uint32(k - last - 1)
		for run > 15 {
			c := ac[0xF0]
			w.emit(c&0xFFFFFF, uint(c>>24))
			run -= 16
		}
		w.emitValue(ac, run<<4, q[k])
		last = k
	}
	if last < 63 {
		c := ac[0x00]
		w.emit(c&0xFFFFFF, uint(c>>24))
	}
	return q[0], acs
}

// emitValue writes the Huffman code of (run, size of v) and then v's bits.
func (w *jpegWriter) emitValue(t *huffCode, run uint32, v int32) {
	a := v
	if a < 0 {
		a = -a
		v--
	}
	s := uint32(bits.Len32(uint32(a)))
	c := t[run|s]
	n := uint(c >> 24)
	w.emit((c&0xFFFFFF)<<s|uint32(v)&(1<<s-1), n+uint(s))
}

// fdct is the floating-point AAN forward DCT, in place; outputs carry the
// factor 8·aanScale[u]·aanScale[v], which the quantiser divides out.
func fdct(d *[64]float32) {
	for r := 0; r < 64; r += 8 {
		p := d[r : r+8 : r+8]
		tmp0, tmp7 := p[0]+p[7], p[0]-p[7]
		tmp1, tmp6 := p[1]+p[6], p[1]-p[6]
		tmp2, tmp5 := p[2]+p[5], p[2]-p[5]
		tmp3, tmp4 := p[3]+p[4], p[3]-p[4]
		tmp10, tmp13 := tmp0+tmp3, tmp0-tmp3
		tmp11, tmp12 := tmp1+tmp2, tmp1-tmp2
		p[0], p[4] = tmp10+tmp11, tmp10-tmp11
		z1 := float32((tmp12 + tmp13) * 0.707106781)
		p[2], p[6] = tmp13+z1, tmp13-z1
		tmp10, tmp11, tmp12 = tmp4+tmp5, tmp5+tmp6, tmp6+tmp7
		z5 := float32((tmp10 - tmp12) * 0.382683433)
		z2 := float32(0.541196100*tmp10) + z5
		z4 := float32(1.306562965*tmp12) + z5
		z3 := float32(tmp11 * 0.707106781)
		z11, z13 := tmp7+z3, tmp7-z3
		p[5], p[3] = z13+z2, z13-z2
		p[1], p[7] = z11+z4, z11-z4
	}
	for c := 0; c < 8; c++ {
		tmp0, tmp7 := d[c]+d[56+c], d[c]-d[56+c]
		tmp1, tmp6 := d[8+c]+d[48+c], d[8+c]-d[48+c]
		tmp2, tmp5 := d[16+c]+d[40+c], d[16+c]-d[40+c]
		tmp3, tmp4 := d[24+c]+d[32+c], d[24+c]-d[32+c]
		tmp10, tmp13 := tmp0+tmp3, tmp0-tmp3
		tmp11, tmp12 := tmp1+tmp2, tmp1-tmp2
		d[c], d[32+c] = tmp10+tmp11, tmp10-tmp11
		z1 := float32((tmp12 + tmp13) * 0.707106781)
		d[16+c], d[48+c] = tmp13+z1, tmp13-z1
		tmp10, tmp11, tmp12 = tmp4+tmp5, tmp5+tmp6, tmp6+tmp7
		z5 := float32((tmp10 - tmp12) * 0.382683433)
		z2 := float32(0.541196100*tmp10) + z5
		z4 := float32(1.306562965*tmp12) + z5
		z3 := float32(tmp11 * 0.707106781)
		z11, z13 := tmp7+z3, tmp7-z3
		d[40+c], d[24+c] = z13+z2, z13-z2
		d[8+c], d[56+c] = z11+z4, z11-z4
	}
}

// quantTables returns the quantisation tables for a quality (1..100) as
// written to the file (natural order), scaled as libjpeg and image/jpeg do.
func quantTables(quality int) (t [2][64]uint8) {
	quality = max(1, min(quality, 100))
	scale := 200 - 2*quality
	if quality < 50 {
		scale = 5000 / quality
	}
	for i := range t {
		for j, v := range baseQuant[i] {
			x := (int(v)*scale + 50) / 100
			t[i][j] = uint8(max(1, min(x, 255)))
		}
	}
	return t
}

// Encode420 encodes a Y plane and its half-size Cb and Cr planes
// ((w+1)/2 × (h+1)/2) as a baseline 4:2:0 JPEG of the given quality (1 to
// 100).
func (c Codec) Encode420(y, cb, cr Plane, quality int) ([]byte, error) {
	if c == Std {
		m := &image.YCbCr{Y: y.Pix, Cb: cb.Pix, Cr: cr.Pix, YStride: y.Stride, CStride: cb.Stride,
			SubsampleRatio: image.YCbCrSubsampleRatio420, Rect: image.Rect(0, 0, y.W, y.H)}
		var buf bytes.Buffer
		if err := stdjpeg.Encode(&buf, m, &stdjpeg.Options{Quality: quality}); err != nil {
			return nil, err
		}
		return buf.Bytes(), nil
	}
	return encodeRestart(y, cb, cr, quality, 0), nil
}

// encodeRestart is encodePlanes420 with a restart marker every restart
// MCUs (0 for none): cameras write them, and the decoder's tests need them.
func encodeRestart(y, cb, cr Plane, quality, restart int) []byte {
	qt := quantTables(quality)
	var div [2][64]float32
	for t := range div {
		for i := range 64 {
			div[t][i] = 1 / (float32(qt[t][i]) * aanScale[i/8] * aanScale[i%8] * 8)
		}
	}
	w, h := y.W, y.H
	out := make([]byte, 0, 1024+w*h/3)
	out = append(out, 0xFF, 0xD8)
	// DQT: two 8-bit tables, zig-zag order
	out = append(out, 0xFF, 0xDB, 0, 2+2*65)
	for t := range qt {
		out = append(out, byte(t))
		for _, z := range zigzag {
			out = append(out, qt[t][z])
		}
	}
	// SOF0: 8-bit, three components, Y sampled 2×2, chroma 1×1
	out = append(out, 0xFF, 0xC0, 0, 17, 8, byte(h>>8), byte(h), byte(w>>8), byte(w), 3,
		1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1)
	// DHT
	n := 2
	for _, s := range huffSpecs {
		n += 17 + len(s.value)
	}
	out = append(out, 0xFF, 0xC4, byte(n>>8), byte(n))
	for i, s := range huffSpecs {
		out = append(out, byte((i&1)<<4|i>>1))
		out = append(out, s.count[:]...)
		out = append(out, s.value...)
	}
	if restart > 0 {
		out = append(out, 0xFF, 0xDD, 0, 4, byte(restart>>8), byte(restart))
	}
	// SOS
	out = append(out, 0xFF, 0xDA, 0, 12, 3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 63, 0)
	jw := &jpegWriter{out: out}
	var blk [64]float32
	var q [64]int32
	var dcY, dcCb, dcCr int32
	m := 0
	for my := 0; my < h; my += 16 {
		for mx := 0; mx < w; mx += 16 {
			if restart > 0 && m > 0 && m%restart == 0 {
				jw.finish()
				jw.out = append(jw.out, 0xFF, 0xD0+byte((m/restart-1)%8))
				dcY, dcCb, dcCr = 0, 0, 0
			}
			m++
			for b := 0; b < 4; b++ {
				loadBlock(&blk, y, mx+8*(b&1), my+8*(b>>1))
				dcY, _ = jw.encodeBlock(&blk, &div[0], &huffCodes[0], &huffCodes[1], dcY, &q)
			}
			loadBlock(&blk, cb, mx/2, my/2)
			dcCb, _ = jw.encodeBlock(&blk, &div[1], &huffCodes[2], &huffCodes[3], dcCb, &q)
			loadBlock(&blk, cr, mx/2, my/2)
			dcCr, _ = jw.encodeBlock(&blk, &div[1], &huffCodes[2], &huffCodes[3], dcCr, &q)
		}
	}
	jw.finish()
	return append(jw.out, 0xFF, 0xD9)
}

// loadBlock copies the 8×8 block at (x0, y0) of p, level-shifted, repeating
// the last column and row where the block passes the Plane's edge.
func loadBlock(blk *[64]float32, p Plane, x0, y0 int) {
	if x0+8 <= p.W && y0+8 <= p.H {
		for r := 0; r < 8; r++ {
			row := p.Pix[(y0+r)*p.Stride+x0:]
			row = row[:8:8]
			b := blk[r*8 : r*8+8 : r*8+8]
			for c, v := range row {
				b[c] = float32(int32(v) - 128)
			}
		}
		return
	}
	for r := 0; r < 8; r++ {
		yy := min(y0+r, p.H-1)
		row := p.Pix[yy*p.Stride:]
		for c := 0; c < 8; c++ {
			blk[r*8+c] = float32(int32(row[min(x0+c, p.W-1)]) - 128)
		}
	}
}

// Plane is one 8-bit channel of an image: W×H samples, rows Stride apart.
type Plane struct {
	Pix          []uint8
	Stride, W, H int
}
