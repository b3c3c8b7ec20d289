package jpeg

import (
	"bytes"
	"encoding/binary"
	"errors"
	"image"
	stdjpeg "image/jpeg"
)

// A decoder for the JPEGs cameras and phones write: baseline, Huffman
// coded, 8-bit, Y′CbCr with chroma at full, half or quarter resolution.
//
// Decoding the sources is most of a cold build, and image/jpeg spends much
// of it re-checking the stream byte by byte for stuffing and markers and
// clamping every sample with a branch. This decoder removes the stuffing
// of a scan in one pass (bytes.IndexByte runs), reads bits through a
// branch-free 64-bit refill, decodes short Huffman codes together with
// their coefficient from one table look-up, and uses the floating-point
// AAN inverse DCT with the quantiser folded in (libjpeg's float path),
// with a short cut for blocks that have only their DC term. It produces
// the same *image.YCbCr layout as image/jpeg.
//
// Everything else — progressive, arithmetic coded, 12-bit, CMYK, RGB,
// grey, unusual sampling, several scans — and any stream it finds wrong in
// any way goes to image/jpeg, which decodes it or gives the error the user
// sees. The fast path never reports an error of its own.

// maxFastPixels bounds what the fast path decodes; the image stage refuses
// larger sources before they are decoded at all.
const maxFastPixels = 120_000_000

// Codec chooses who decodes and encodes JPEGs.
type Codec int

const (
	// Fast is magz's own decoder and encoder, with image/jpeg for every
	// stream the decoder does not handle.
	Fast Codec = iota
	// Std is image/jpeg alone: a switch (MAGZ_JPEG=std) to rule magz's
	// codec out when a photo looks wrong.
	Std
)

// EnvSwitch is the environment variable that selects the codec: "std"
// forces image/jpeg.
const EnvSwitch = "MAGZ_JPEG"

// CodecFor reads the value of EnvSwitch.
func CodecFor(value string) Codec {
	if value == "std" {
		return Std
	}
	return Fast
}

func (c Codec) String() string {
	if c == Std {
		return "std"
	}
	return "fast"
}

// Decode decodes a JPEG file, through the fast path when it can.
func (c Codec) Decode(data []byte) (image.Image, error) {
	if c == Fast {
		if m, ok := decodeFast(data); ok {
			return m, nil
		}
	}
	return stdjpeg.Decode(bytes.NewReader(data))
}

// DecodeEighth decodes a JPEG at an eighth of its size in each direction
// from the DC coefficient of each block alone (the block's mean), skipping
// the inverse DCT: a quick look at a photo, for measuring it rather than
// printing it. The samples are computed in integers, the same on every
// machine. It reports false for any stream the fast path does not take;
// the caller then decodes the whole image.
func DecodeEighth(data []byte) (m *image.YCbCr, ok bool) {
	defer func() {
		if recover() != nil {
			m, ok = nil, false
		}
	}()
	d := &jdec{data: data, eighth: true}
	m, err := d.decode()
	return m, err == nil
}

// errUnsupported sends a stream to image/jpeg.
var errUnsupported = errors.New("not for the fast path")

// decodeFast decodes data if it is the kind of JPEG the fast path
// handles and is well formed.
func decodeFast(data []byte) (m *image.YCbCr, ok bool) {
	defer func() {
		// a stream the fast path misreads must not crash the build: it
		// goes to image/jpeg instead
		if recover() != nil {
			m, ok = nil, false
		}
	}()
	d := &jdec{data: data}
	m, err := d.decode()
	return m, err == nil
}

type jcomp struct {
	id, h, v, tq int
	td, ta       int
}

type jdec struct {
	data     []byte
	pos      int
	quant    [4][64]uint16 // zig-zag order
	hasQuant [4]bool
	dc, ac   [4]*jhuff
	w, h     int
	comps    []jcomp
	restart  int
	adobeRGB bool // an Adobe marker says the components are R, G, B
	frame    bool
	// eighth decodes the DC coefficients alone: one sample per block, the
	// block's mean (see DecodeEighth).
	eighth bool
}

func (d *jdec) decode() (*image.YCbCr, error) {
	if len(d.data) < 4 || d.data[0] != 0xFF || d.data[1] != 0xD8 {
		return nil, errUnsupported
	}
	d.pos = 2
	for {
		// find the next marker
		if d.pos+4 > len(d.data) || d.data[d.pos] != 0xFF {
			return nil, errUnsupported
		}
		marker := d.data[d.pos+1]
		if marker == 0xFF { // fill byte
			d.pos++
			continue
		}
		n := int(d.data[d.pos+2])<<8 | int(d.data[d.pos+3])
		seg := d.pos + 4
		end := d.pos + 2 + n
		if n < 2 || end > len(d.data) {
			return nil, errUnsupported
		}
		body := d.data[seg:end]
		switch {
		case marker == 0xC0 || marker == 0xC1: // baseline, extended sequential Huffman
			if d.frame || !d.parseFrame(body) {
				return nil, errUnsupported
			}
			d.frame = true
		case marker >= 0xC2 && marker <= 0xCF && marker != 0xC4:
			return nil, errUnsupported // progressive, lossless, arithmetic coded
		case marker == 0xC4:
			if !d.parseDHT(body) {
				return nil, errUnsupported
			}
		case marker == 0xDB:
			if !d.parseDQT(body) {
				return nil, errUnsupported
			}
		case marker == 0xDD:
			if len(body) != 2 {
				return nil, errUnsupported
			}
			d.restart = int(body[0])<<8 | int(body[1])
		case marker == 0xEE: // Adobe
			if len(body) >= 12 && string(body[:5]) == "Adobe" {
				d.adobeRGB = body[11] == 0
			}
		case marker == 0xDA:
			if !d.frame {
				return nil, errUnsupported
			}
			return d.scan(body, end)
		case marker >= 0xE0 && marker <= 0xEF || marker == 0xFE:
			// application data and comments
		default:
			return nil, errUnsupported
		}
		d.pos = end
	}
}

func (d *jdec) parseFrame(b []byte) bool {
	if len(b) < 6 || b[0] != 8 {
		return false
	}
	d.h = int(b[1])<<8 | int(b[2])
	d.w = int(b[3])<<8 | int(b[4])
	nc := int(b[5])
	if d.w == 0 || d.h == 0 || nc != 3 || len(b) != 6+3*nc {
		return false
	}
	if int64(d.w)*int64(d.h) > maxFastPixels {
		return false
	}
	for i := 0; i < nc; i++ {
		c := jcomp{id: int(b[6+3*i]), h: int(b[7+3*i] >> 4), v: int(b[7+3*i] & 15), tq: int(b[8+3*i])}
		if c.tq > 3 {
			return false
		}
		d.comps = append(d.comps, c)
	}
	// Y′CbCr, not RGB
	if d.comps[0].id == 'R' && d.comps[1].id == 'G' && d.comps[2].id == 'B' {
		return false
	}
	// Y at 1 or 2 in each direction, chroma at 1
	y := d.comps[0]
	if y.h < 1 || y.h > 2 || y.v < 1 || y.v > 2 {
		return false
	}
	for _, c := range d.comps[1:] {
		if c.h != 1 || c.v != 1 {
			return false
		}
	}
	return true
}

func (d *jdec) parseDQT(b []byte) bool {
	for len(b) > 0 {
		pq, tq := b[0]>>4, int(b[0]&15)
		if tq > 3 || pq > 1 {
			return false
		}
		b = b[1:]
		if pq == 0 {
			if len(b) < 64 {
				return false
			}
			for i := range 64 {
				d.quant[tq][i] = uint16(b[i])
			}
			b = b[64:]
		} else {
			if len(b) < 128 {
				return false
			}
			for i := range 64 {
				d.quant[tq][i] = binary.BigEndian.Uint16(b[2*i:])
			}
			b = b[128:]
		}
		d.hasQuant[tq] = true
	}
	return true
}

// jhuff is a Huffman table for decoding.
type jhuff struct {
	// fast[c] for the next fastBits bits c: code length<<8 | symbol, or 0 when
	// the code is longer
	fast [1 << fastBits]uint16
	// fastAC[c]: for AC tables, a whole coefficient decoded from the next
	// fastBits bits: value<<16 | run<<8 | bits used, or 0
	fastAC [1 << fastBits]int32
	// canonical decoding of longer codes
	maxcode [18]int32 // largest code of each length, -1 if none
	valptr  [17]int32 // index in vals of the first code of each length
	mincode [17]int32
	vals    []uint8
}

// fastBits is how many bits the tables above decode at once: 11 takes
// nearly every code of a camera's tables and its coefficient in one look-up,
// and the tables still fit the processor's first cache.
const fastBits = 11

func (d *jdec) parseDHT(b []byte) bool {
	for len(b) > 0 {
		if len(b) < 17 {
			return false
		}
		tc, th := b[0]>>4, int(b[0]&15)
		if tc > 1 || th > 3 {
			return false
		}
		t := &jhuff{}
		total := 0
		var counts [16]int
		for i := range 16 {
			counts[i] = int(b[1+i])
			total += counts[i]
		}
		if total == 0 || total > 256 || len(b) < 17+total {
			return false
		}
		t.vals = append([]uint8(nil), b[17:17+total]...)
		code, k := int32(0), 0
		for l := 1; l <= 16; l++ {
			n := counts[l-1]
			if code+int32(n) > 1<<l {
				return false // over-subscribed
			}
			t.valptr[l] = int32(k)
			t.mincode[l] = code
			if n == 0 {
				t.maxcode[l] = -1
			} else {
				for i := 0; i < n; i++ {
					if l <= fastBits {
						// every fastBits-bit prefix that starts with this code
						shift := fastBits - l
						for f := code << shift; f < (code+1)<<shift; f++ {
							t.fast[f] = uint16(l)<<8 | uint16(t.vals[k])
						}
					}
					code++
					k++
				}
				t.maxcode[l] = code - 1
			}
			code <<= 1
		}
		t.maxcode[17] = 0x7FFFFFFF
		if tc == 1 {
			for c := range t.fast {
				e := t.fast[c]
				if e == 0 {
					continue
				}
				l, rs := int(e>>8), int(e&0xFF)
				run, s := rs>>4, rs&15
				if s == 0 || l+s > fastBits {
					continue
				}
				v := int32(c>>(fastBits-l-s)) & (1<<s - 1)
				if v < 1<<(s-1) {
					v -= 1<<s - 1
				}
				t.fastAC[c] = v<<16 | int32(run)<<8 | int32(l+s)
			}
			d.ac[th] = t
		} else {
			d.dc[th] = t
		}
		b = b[17+total:]
	}
	return true
}

// bitReader reads an unstuffed entropy-coded segment, MSB first. buf has
// 8 zero bytes after the data so that refills can always load 8 bytes.
type bitReader struct {
	buf  []byte
	pos  int
	acc  uint64 // the next n bits, left-aligned
	n    uint
	size int // bytes of real data
}

func (r *bitReader) refill() {
	if r.pos+8 <= len(r.buf) {
		r.acc |= binary.BigEndian.Uint64(r.buf[r.pos:]) >> r.n
		r.pos += int(63-r.n) >> 3
		r.n |= 56
		return
	}
	for r.n <= 56 {
		// past the end: zeros, and the segment is over-read (checked by
		// the caller)
		r.pos++
		r.n += 8
	}
}

// overrun reports whether more bits were used than the segment holds.
func (r *bitReader) overrun() bool { return r.pos*8-int(r.n) > r.size*8 }

func (r *bitReader) bits(s uint) int32 {
	v := int32(r.acc >> (64 - s))
	r.acc <<= s
	r.n -= s
	return v
}

// extend turns s raw bits into a signed coefficient (T.81 F.12).
func extend(v int32, s uint) int32 {
	if v < 1<<(s-1) {
		v -= 1<<s - 1
	}
	return v
}

// symbol decodes one Huffman symbol; the reader holds at least 16 bits.
func (r *bitReader) symbol(t *jhuff) (int, bool) {
	e := t.fast[r.acc>>(64-fastBits)]
	if e != 0 {
		l := uint(e >> 8)
		r.acc <<= l
		r.n -= l
		return int(e & 0xFF), true
	}
	for l := fastBits + 1; l <= 16; l++ {
		code := int32(r.acc >> (64 - uint(l)))
		if code <= t.maxcode[l] {
			r.acc <<= uint(l)
			r.n -= uint(l)
			return int(t.vals[t.valptr[l]+code-t.mincode[l]]), true
		}
	}
	return 0, false
}

// maxCoef bounds a dequantised coefficient. The DCT of 8-bit samples stays
// within ±1024, and quantising it moves it by at most half a quantiser
// step, so a real file never goes past ±2048; a larger value is a damaged
// stream (where image/jpeg's integer IDCT overflows), which goes to
// image/jpeg.
const maxCoef = 2100

// dequant is a component's dequantiser in natural order, in the IDCT's
// scale (AAN factors and 1/8 folded in), and the bound of each coefficient
// in that scale.
type dequant struct {
	q, lim [64]float32
}

// block decodes one block's coefficients, dequantised into natural order,
// and reports the index of its last non-zero coefficient in zig-zag order.
func (r *bitReader) block(blk *[64]float32, dc, ac *jhuff, dq *dequant, pred *int32) (last int, ok bool) {
	q, lim := &dq.q, &dq.lim
	if r.n < 32 {
		r.refill()
	}
	s, ok := r.symbol(dc)
	if !ok || s > 11 {
		return 0, false
	}
	if s > 0 {
		*pred += extend(r.bits(uint(s)), uint(s))
	}
	blk[0] = float32(*pred) * q[0]
	if blk[0] > lim[0] || blk[0] < -lim[0] {
		return 0, false
	}
	k := 1
	for k < 64 {
		if r.n < 32 {
			r.refill()
		}
		if f := ac.fastAC[r.acc>>(64-fastBits)]; f != 0 {
			l := uint(f & 0xFF)
			r.acc <<= l
			r.n -= l
			k += int(f>>8) & 0xFF
			if k > 63 {
				return 0, false
			}
			z := zigzag[k]
			v := float32(f>>16) * q[z]
			if v > lim[z] || v < -lim[z] {
				return 0, false
			}
			blk[z] = v
			last = k
			k++
			continue
		}
		rs, ok := r.symbol(ac)
		if !ok {
			return 0, false
		}
		run, s := rs>>4, uint(rs&15)
		if s == 0 {
			if run == 15 {
				k += 16
				continue
			}
			if run != 0 {
				// an end-of-band run, which only progressive JPEGs have
				return 0, false
			}
			break // end of block
		}
		k += run
		if k > 63 || s > 10 {
			return 0, false
		}
		z := zigzag[k]
		v := float32(extend(r.bits(s), s)) * q[z]
		if v > lim[z] || v < -lim[z] {
			return 0, false
		}
		blk[z] = v
		last = k
		k++
	}
	return last, true
}

// dcOnly decodes one block's DC coefficient into pred and reads past its
// AC coefficients, their codes and bits, without computing them: for
// DecodeEighth, which keeps only the DC term, this is most of the work.
func (r *bitReader) dcOnly(dc, ac *jhuff, dq *dequant, pred *int32) bool {
	if r.n < 32 {
		r.refill()
	}
	s, ok := r.symbol(dc)
	if !ok || s > 11 {
		return false
	}
	if s > 0 {
		*pred += extend(r.bits(uint(s)), uint(s))
	}
	if v := float32(*pred) * dq.q[0]; v > dq.lim[0] || v < -dq.lim[0] {
		return false
	}
	for k := 1; k < 64; {
		if r.n < 32 {
			r.refill()
		}
		if f := ac.fastAC[r.acc>>(64-fastBits)]; f != 0 {
			l := uint(f & 0xFF)
			r.acc <<= l
			r.n -= l
			if k += int(f>>8) & 0xFF; k > 63 {
				return false
			}
			k++
			continue
		}
		rs, ok := r.symbol(ac)
		if !ok {
			return false
		}
		run, s := rs>>4, uint(rs&15)
		if s == 0 {
			if run == 15 {
				k += 16
				continue
			}
			return run == 0 // end of block; an end-of-band run is progressive
		}
		k += run
		if k > 63 || s > 10 {
			return false
		}
		r.acc <<= s
		r.n -= s
		k++
	}
	return true
}

// scan decodes the one scan of the image. body is the SOS header; the
// entropy-coded data starts at start.
func (d *jdec) scan(body []byte, start int) (*image.YCbCr, error) {
	if !d.scanHeader(body) {
		return nil, errUnsupported
	}
	segs, end, ok := unstuff(d.data[start:])
	if !ok {
		return nil, errUnsupported
	}
	// the scan must be followed by the end of the image
	rest := d.data[start+end:]
	if len(rest) < 2 || rest[0] != 0xFF || rest[1] != 0xD9 {
		return nil, errUnsupported
	}

	hmax, vmax := d.comps[0].h, d.comps[0].v
	mcuW, mcuH := 8*hmax, 8*vmax
	mx, my := (d.w+mcuW-1)/mcuW, (d.h+mcuH-1)/mcuH
	nMCU := mx * my
	if d.restart > 0 {
		if len(segs) != (nMCU+d.restart-1)/d.restart {
			return nil, errUnsupported
		}
	} else if len(segs) != 1 {
		return nil, errUnsupported
	}
	// every block takes at least two bits: refuse a frame the data cannot
	// fill before allocating it
	blocks := nMCU * (hmax*vmax + 2)
	avail := 0
	for _, s := range segs {
		avail += len(s) - 8
	}
	if avail*8 < 2*blocks {
		return nil, errUnsupported
	}
	ratio := image.YCbCrSubsampleRatio444 // Y at 1×1
	switch {
	case hmax == 2 && vmax == 2:
		ratio = image.YCbCrSubsampleRatio420
	case hmax == 2:
		ratio = image.YCbCrSubsampleRatio422
	case vmax == 2:
		ratio = image.YCbCrSubsampleRatio440
	}
	// Planes padded to whole MCUs, as image/jpeg allocates them.
	yStride, cStride := mx*mcuW, mx*8
	yRows, cRows := my*mcuH, my*8
	if d.eighth {
		yStride, cStride, yRows, cRows = mx*hmax, mx, my*vmax, my
	}
	yPix := make([]uint8, yStride*yRows)
	cbPix := make([]uint8, cStride*cRows)
	crPix := make([]uint8, cStride*cRows)

	qf := d.dequantisers()
	var blk [64]float32
	var pred [3]int32
	seg := 0
	var r bitReader
	for m := 0; m < nMCU; m++ {
		if m == 0 || d.restart > 0 && m%d.restart == 0 {
			if m > 0 && r.overrun() {
				return nil, errUnsupported
			}
			r = bitReader{buf: segs[seg], size: len(segs[seg]) - 8}
			seg++
			pred = [3]int32{}
		}
		bx, by := m%mx, m/mx
		for i := range d.comps {
			c := &d.comps[i]
			dc, ac := d.dc[c.td], d.ac[c.ta]
			for v := 0; v < c.v; v++ {
				for h := 0; h < c.h; h++ {
					if d.eighth {
						// the coefficients are read to move on; only the
						// DC term is kept
						if !r.dcOnly(dc, ac, &qf[i], &pred[i]) {
							return nil, errUnsupported
						}
						s := dcSample(pred[i], d.quant[c.tq][0])
						if i == 0 {
							yPix[(by*vmax+v)*yStride+bx*hmax+h] = s
						} else if i == 1 {
							cbPix[by*cStride+bx] = s
						} else {
							crPix[by*cStride+bx] = s
						}
						continue
					}
					blk = [64]float32{}
					last, ok := r.block(&blk, dc, ac, &qf[i], &pred[i])
					if !ok {
						return nil, errUnsupported
					}
					var dst []uint8
					var stride int
					if i == 0 {
						stride = yStride
						dst = yPix[(by*mcuH+8*v)*stride+bx*mcuW+8*h:]
					} else {
						stride = cStride
						p := cbPix
						if i == 2 {
							p = crPix
						}
						dst = p[(by*8)*stride+bx*8:]
					}
					idct(&blk, last, dst, stride)
				}
			}
		}
		if bx == mx-1 && r.overrun() {
			return nil, errUnsupported
		}
	}
	if r.overrun() {
		return nil, errUnsupported
	}
	w, h := d.w, d.h
	if d.eighth {
		w, h = (w+7)/8, (h+7)/8
	}
	return &image.YCbCr{
		Y: yPix, Cb: cbPix, Cr: crPix, YStride: yStride, CStride: cStride,
		SubsampleRatio: ratio, Rect: image.Rect(0, 0, w, h),
	}, nil
}

// scanHeader reads the header of the scan (SOS): the one scan of a
// baseline image, of every component with its tables, as the fast path
// takes it.
func (d *jdec) scanHeader(body []byte) bool {
	if len(body) < 1 || int(body[0]) != len(d.comps) || len(body) != 4+2*len(d.comps) {
		return false
	}
	for i := range d.comps {
		c := &d.comps[i]
		if int(body[1+2*i]) != c.id {
			return false
		}
		c.td, c.ta = int(body[2+2*i]>>4), int(body[2+2*i]&15)
		if c.td > 3 || c.ta > 3 || d.dc[c.td] == nil || d.ac[c.ta] == nil || !d.hasQuant[c.tq] {
			return false
		}
	}
	ss, se, a := body[1+2*len(d.comps)], body[2+2*len(d.comps)], body[3+2*len(d.comps)]
	return ss == 0 && se == 63 && a == 0 && !d.adobeRGB
}

// dequantisers returns each component's dequantiser in the inverse DCT's
// scale, with the bounds of its coefficients.
func (d *jdec) dequantisers() (qf [3]dequant) {
	for i, c := range d.comps {
		for k := range 64 {
			z := zigzag[k]
			f := aanScale[z/8] * aanScale[z%8] / 8
			qf[i].q[z] = float32(d.quant[c.tq][k]) * f
			qf[i].lim[z] = maxCoef * f
		}
	}
	return qf
}

// dcSample is the mean of a block whose DC coefficient is pred (quantised
// by q): the coefficient is eight times the mean, less the level shift.
// Rounded half up, in integers.
func dcSample(pred int32, q uint16) uint8 {
	v := pred * int32(q)
	return uint8(min(max((v+4)>>3+128, 0), 255))
}

// unstuff splits the entropy-coded data at restart markers and removes
// the stuffed zero bytes, ending at the first other marker (whose offset
// it returns). Each segment is followed by 8 zero bytes for the reader.
func unstuff(b []byte) (segs [][]byte, end int, ok bool) {
	var pad [8]byte
	out := make([]byte, 0, len(b)+64)
	var bounds []int
	from, i := 0, 0
	for {
		j := bytes.IndexByte(b[i:], 0xFF)
		if j < 0 || i+j+1 >= len(b) {
			return nil, 0, false // no marker after the data: truncated
		}
		i += j
		out = append(out, b[from:i]...)
		switch m := b[i+1]; {
		case m == 0x00:
			out = append(out, 0xFF)
			i += 2
		case m >= 0xD0 && m <= 0xD7:
			if m != 0xD0+byte(len(bounds)%8) {
				return nil, 0, false // restart markers out of sequence
			}
			out = append(out, pad[:]...)
			bounds = append(bounds, len(out))
			i += 2
		case m == 0xFF:
			// fill bytes may only come before a marker: go to the last of
			// them
			k := i + 1
			for k < len(b) && b[k] == 0xFF {
				k++
			}
			if k < len(b) && b[k] == 0 {
				return nil, 0, false
			}
			i = k - 1
		default:
			out = append(out, pad[:]...)
			bounds = append(bounds, len(out))
			start := 0
			for _, e := range bounds {
				segs = append(segs, out[start:e:e])
				start = e
			}
			return segs, i, true
		}
		from = i
	}
}

// idct is the floating-point AAN inverse DCT of a dequantised block (the
// AAN scale and 1/8 already folded into the dequantiser), written as
// level-shifted, clamped samples. last is the zig-zag index of the last
// non-zero coefficient: a block with only its DC term is flat.
func idct(blk *[64]float32, last int, dst []uint8, stride int) {
	if last == 0 {
		v := uint8(min(max(int32(blk[0]+128.5), 0), 255))
		for r := 0; r < 8; r++ {
			row := dst[r*stride : r*stride+8 : r*stride+8]
			for c := range row {
				row[c] = v
			}
		}
		return
	}
	var ws [64]float32
	for c := 0; c < 8; c++ {
		if blk[8+c] == 0 && blk[16+c] == 0 && blk[24+c] == 0 && blk[32+c] == 0 &&
			blk[40+c] == 0 && blk[48+c] == 0 && blk[56+c] == 0 {
			dc := blk[c]
			ws[c], ws[8+c], ws[16+c], ws[24+c] = dc, dc, dc, dc
			ws[32+c], ws[40+c], ws[48+c], ws[56+c] = dc, dc, dc, dc
			continue
		}
		// even part
		tmp0, tmp1, tmp2, tmp3 := blk[c], blk[16+c], blk[32+c], blk[48+c]
		tmp10, tmp11 := tmp0+tmp2, tmp0-tmp2
		tmp13 := tmp1 + tmp3
		tmp12 := float32((tmp1-tmp3)*1.414213562) - tmp13
		tmp0, tmp3 = tmp10+tmp13, tmp10-tmp13
		tmp1, tmp2 = tmp11+tmp12, tmp11-tmp12
		// odd part
		tmp4, tmp5, tmp6, tmp7 := blk[8+c], blk[24+c], blk[40+c], blk[56+c]
		z13, z10 := tmp6+tmp5, tmp6-tmp5
		z11, z12 := tmp4+tmp7, tmp4-tmp7
		tmp7 = z11 + z13
		tmp11 = float32((z11 - z13) * 1.414213562)
		z5 := float32((z10 + z12) * 1.847759065)
		tmp10 = float32(1.082392200*z12) - z5
		tmp12 = float32(-2.613125930*z10) + z5
		tmp6 = tmp12 - tmp7
		tmp5 = tmp11 - tmp6
		tmp4 = tmp10 + tmp5
		ws[c], ws[56+c] = tmp0+tmp7, tmp0-tmp7
		ws[8+c], ws[48+c] = tmp1+tmp6, tmp1-tmp6
		ws[16+c], ws[40+c] = tmp2+tmp5, tmp2-tmp5
		ws[32+c], ws[24+c] = tmp3+tmp4, tmp3-tmp4
	}
	for r := 0; r < 8; r++ {
		w := ws[r*8 : r*8+8 : r*8+8]
		tmp10, tmp11 := w[0]+w[4], w[0]-w[4]
		tmp13 := w[2] + w[6]
		tmp12 := float32((w[2]-w[6])*1.414213562) - tmp13
		tmp0, tmp3 := tmp10+tmp13, tmp10-tmp13
		tmp1, tmp2 := tmp11+tmp12, tmp11-tmp12
		z13, z10 := w[5]+w[3], w[5]-w[3]
		z11, z12 := w[1]+w[7], w[1]-w[7]
		tmp7 := z11 + z13
		tmp11 = float32((z11 - z13) * 1.414213562)
		z5 := float32((z10 + z12) * 1.847759065)
		tmp10 = float32(1.082392200*z12) - z5
		tmp12 = float32(-2.613125930*z10) + z5
		tmp6 := tmp12 - tmp7
		tmp5 := tmp11 - tmp6
		tmp4 := tmp10 + tmp5
		o := dst[r*stride : r*stride+8 : r*stride+8]
		o[0] = clamp8(tmp0 + tmp7)
		o[7] = clamp8(tmp0 - tmp7)
		o[1] = clamp8(tmp1 + tmp6)
		o[6] = clamp8(tmp1 - tmp6)
		o[2] = clamp8(tmp2 + tmp5)
		o[5] = clamp8(tmp2 - tmp5)
		o[4] = clamp8(tmp3 + tmp4)
		o[3] = clamp8(tmp3 - tmp4)
	}
}

// clamp8 level-shifts, rounds and clamps a sample.
func clamp8(x float32) uint8 {
	return uint8(min(max(int32(x+128.5), 0), 255))
}
