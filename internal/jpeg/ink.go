package jpeg

import "math/bits"

// JPEGs of printing inks: one plane of black (grey) or four of cyan,
// magenta, yellow and black, each sampled at full size — subsampling one
// ink would move it off the others at every edge, and with it the total
// ink. All planes use the luminance tables: every ink carries detail.
//
// The CMYK file is the kind Photoshop writes and PDF expects: an Adobe
// APP14 segment with transform 0 (no colour transform) and the samples
// inverted (255 is no ink), which PDF undoes with /Decode [1 0 1 0 1 0 1
// 0]. Values here are ink: 0 no ink, 255 full.

// EncodeCMYK encodes four planes of ink (0 none, 255 full) as an Adobe
// CMYK JPEG.
func EncodeCMYK(c, m, y, k Plane, quality int) []byte {
	data, _ := encodeFull([]Plane{c, m, y, k}, quality, true)
	return data
}

// EncodeInks encodes one plane of grey (255 white, as DeviceGray reads
// it: a greyscale baseline JPEG) or four of ink (as EncodeCMYK) and
// measures the file it writes: the most ink any pixel
// puts down as a decoder reconstructs it from the file's coefficients
// (the JPEG's own errors included), the inks summed: 0 to 255 a plane,
// black being 255 less the grey. The reconstruction is this package's
// decoder's (the same dequantisation and inverse DCT), so reading the file
// back would find the same figure.
func EncodeInks(planes []Plane, quality int) (data []byte, most int) {
	switch len(planes) {
	case 1:
		return encodeFull(planes, quality, false)
	case 4:
		return encodeFull(planes, quality, true)
	}
	panic("jpeg: EncodeInks takes one plane or four")
}

// adobeAPP14 is an Adobe segment: version 100, no flags, transform 0.
var adobeAPP14 = []byte{0xFF, 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0}

// encodeFull encodes planes of equal size, all sampled 1×1, interleaved
// (one block of each per MCU); invert stores 255-v (Adobe CMYK). It
// returns the file and the most ink a decoded pixel puts down (see
// EncodeInks).
func encodeFull(planes []Plane, quality int, invert bool) ([]byte, int) {
	qt := quantTables(quality)
	var div [64]float32
	for i := range 64 {
		div[i] = 1 / (float32(qt[0][i]) * aanScale[i/8] * aanScale[i%8] * 8)
	}
	w, h := planes[0].W, planes[0].H
	n := len(planes)
	out := make([]byte, 0, 1024+w*h*n/4)
	out = append(out, 0xFF, 0xD8)
	if invert {
		out = append(out, adobeAPP14...)
	}
	// DQT: the luminance table
	out = append(out, 0xFF, 0xDB, 0, 2+65, 0)
	for _, z := range zigzag {
		out = append(out, qt[0][z])
	}
	// SOF0: 8-bit, n components sampled 1×1, all on table 0
	sof := 8 + 3*n
	out = append(out, 0xFF, 0xC0, byte(sof>>8), byte(sof), 8, byte(h>>8), byte(h), byte(w>>8), byte(w), byte(n))
	for i := range n {
		out = append(out, byte(i+1), 0x11, 0)
	}
	// DHT: the luminance tables
	dht := 2
	for _, s := range huffSpecs[:2] {
		dht += 17 + len(s.value)
	}
	out = append(out, 0xFF, 0xC4, byte(dht>>8), byte(dht))
	for i, s := range huffSpecs[:2] {
		out = append(out, byte(i<<4))
		out = append(out, s.count[:]...)
		out = append(out, s.value...)
	}
	// SOS
	sos := 6 + 2*n
	out = append(out, 0xFF, 0xDA, byte(sos>>8), byte(sos), byte(n))
	for i := range n {
		out = append(out, byte(i+1), 0x00)
	}
	out = append(out, 0, 63, 0)
	jw := &jpegWriter{out: out}
	ink := newInkMeter(&qt[0], n)
	var blk [64]float32
	dc := make([]int32, n)
	for by := 0; by < h; by += 8 {
		for bx := 0; bx < w; bx += 8 {
			for i, p := range planes {
				loadBlock(&blk, p, bx, by)
				if invert {
					for j := range blk {
						blk[j] = -1 - blk[j] // (255-v)-128 = -1-(v-128)
					}
				}
				dc[i], ink.nz[i] = jw.encodeBlock(&blk, &div, &huffCodes[0], &huffCodes[1], dc[i], &ink.q[i])
			}
			ink.measure(min(8, w-bx), min(8, h-by))
		}
	}
	jw.finish()
	return append(jw.out, 0xFF, 0xD9), ink.most
}

// inkMeter finds the most ink of the decoded pixels, block by block, from
// the quantised coefficients of one MCU's blocks (one block per plane).
// Every plane's samples are stored as 255 less its ink (the grey of a
// greyscale file; the inverted ink of an Adobe CMYK one).
type inkMeter struct {
	q     [4][64]int32 // the MCU's blocks, zig-zag order
	nz    [4]uint64    // their non-zero AC coefficients, a bit each
	n     int          // planes
	step  [64]int32    // the quantiser, natural order
	deq   [64]float32  // the decoder's dequantiser (dequantisers)
	most  int
	pixel [64]uint8
}

func newInkMeter(qt *[64]uint8, n int) *inkMeter {
	m := &inkMeter{n: n}
	for z := range 64 {
		m.step[z] = int32(qt[z])
		m.deq[z] = float32(qt[z]) * (aanScale[z/8] * aanScale[z%8] / 8)
	}
	return m
}

// measure takes the MCU whose blocks are in q, of which w×h pixels lie in
// the picture. A block's samples are bounded by its coefficients (an AC
// term of the orthonormal DCT moves a sample by at most a quarter of its
// value; the DC term is eight times the mean): an MCU that cannot put down
// more ink than already found is not reconstructed.
func (m *inkMeter) measure(w, h int) {
	bound := 0
	for i := range m.n {
		bound += m.bound(&m.q[i], m.nz[i])
	}
	if bound <= m.most {
		return
	}
	var sum [64]int
	for i := range m.n {
		m.decode(&m.q[i], m.nz[i], &m.pixel)
		for j, s := range m.pixel {
			sum[j] += 255 - int(s)
		}
	}
	for y := range h {
		for x := range w {
			m.most = max(m.most, sum[y*8+x])
		}
	}
}

// bound is the most ink (255 less the lowest sample) a block of quantised
// coefficients can decode to; nz has a bit for each non-zero AC term.
func (m *inkMeter) bound(q *[64]int32, nz uint64) int {
	var ac int32
	for ; nz != 0; nz &= nz - 1 {
		k := bits.TrailingZeros64(nz)
		ac += abs32(q[k]) * m.step[zigzag[k]]
	}
	// the lowest sample, rounded down, with a sample's margin for the
	// inverse DCT's rounding
	low := floorDiv(q[0]*m.step[0]-2*ac, 8) + 128 - 1
	return 255 - int(min(max(low, 0), 255))
}

// decode reconstructs a block's samples as the decoder does.
func (m *inkMeter) decode(q *[64]int32, nz uint64, pixel *[64]uint8) {
	var blk [64]float32
	blk[0] = float32(q[0]) * m.deq[0]
	last := 0
	for ; nz != 0; nz &= nz - 1 {
		k := bits.TrailingZeros64(nz)
		z := zigzag[k]
		blk[z] = float32(q[k]) * m.deq[z]
		last = k
	}
	idct(&blk, last, pixel[:], 8)
}

func abs32(v int32) int32 {
	if v < 0 {
		return -v
	}
	return v
}

// floorDiv is a/b rounded towards minus infinity (b > 0).
func floorDiv(a, b int32) int32 {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}
