package jpeg

// JPEGs of printing inks: one plane of black (grey) or four of cyan,
// magenta, yellow and black, each sampled at full size — subsampling one
// ink would move it off the others at every edge, and with it the total
// ink. All planes use the luminance tables: every ink carries detail.
//
// The CMYK file is the kind Photoshop writes and PDF expects: an Adobe
// APP14 segment with transform 0 (no colour transform) and the samples
// inverted (255 is no ink), which PDF undoes with /Decode [1 0 1 0 1 0 1
// 0]. Values here are ink: 0 no ink, 255 full.

// EncodeGray encodes one plane as a greyscale baseline JPEG. Samples are
// the picture's grey (255 white), as DeviceGray reads them.
func EncodeGray(p Plane, quality int) []byte {
	return encodeFull([]Plane{p}, quality, false)
}

// EncodeCMYK encodes four planes of ink (0 none, 255 full) as an Adobe
// CMYK JPEG.
func EncodeCMYK(c, m, y, k Plane, quality int) []byte {
	return encodeFull([]Plane{c, m, y, k}, quality, true)
}

// adobeAPP14 is an Adobe segment: version 100, no flags, transform 0.
var adobeAPP14 = []byte{0xFF, 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0}

// encodeFull encodes planes of equal size, all sampled 1×1, interleaved
// (one block of each per MCU); invert stores 255-v (Adobe CMYK).
func encodeFull(planes []Plane, quality int, invert bool) []byte {
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
				dc[i] = jw.encodeBlock(&blk, &div, &huffCodes[0], &huffCodes[1], dc[i])
			}
		}
	}
	jw.finish()
	return append(jw.out, 0xFF, 0xD9)
}
