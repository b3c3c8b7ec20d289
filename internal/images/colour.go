package images

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"image"
	"image/png"

	"magz/internal/icc"
	"magz/internal/jpeg"
	"magz/internal/msg"
)

// Colour is the colour of a rendition's pixels.
type Colour int

const (
	// RGB is sRGB, as screens show it.
	RGB Colour = iota
	// Inks are a printing condition's inks, separated at build time
	// through its output profile (Request.Press): CMYK, or black ink
	// alone (DeviceGray) for a grey picture, so that what the file says
	// is what prints whatever the printer's RIP is set to do.
	Inks
)

// Press separates pictures for a printing condition: its output profile,
// the total ink it allows, and the conversions from sRGB photos
// (perceptual), from grey pictures (black ink alone) and from CMYK
// originals that put down too much ink. It is made once per build and
// shared by the requests of the print edition.
type Press struct {
	key   string
	out   *icc.Profile // the output profile
	srgb  *icc.Profile
	limit int       // percent
	photo *icc.Link // sRGB to the inks, perceptual
	reink *icc.Link // the condition's own CMYK to itself, for originals over the limit
	black [256]uint8
}

// NewPress reads the output profile and makes the conversions. limit is
// the total ink in percent (0: the most the profile's own tables put
// down).
func NewPress(output, srgb []byte, limit int) (*Press, error) {
	out, err := icc.Parse(output)
	if err != nil {
		return nil, msg.Errorf("the output profile: %w", err)
	}
	if out.Space != "CMYK" {
		return nil, msg.Errorf("the output profile is for %s, not CMYK", out.Space)
	}
	in, err := icc.Parse(srgb)
	if err != nil {
		return nil, msg.Errorf("the sRGB profile: %w", err)
	}
	p := &Press{limit: limit, out: out, srgb: in}
	if p.limit == 0 {
		free, err := icc.NewLink(in, out, icc.Perceptual, icc.LinkOptions{})
		if err != nil {
			return nil, err
		}
		p.limit = free.MaxInk()
	}
	// Inks are capped a little under the limit: a JPEG's rounding and
	// ringing must not take a dark edge over it.
	opt := icc.LinkOptions{InkLimit: p.limit - inkHeadroom}
	if p.photo, err = icc.NewLink(in, out, icc.Perceptual, opt); err != nil {
		return nil, err
	}
	// a CMYK original's colours are the press's own: colorimetric both ways
	if p.reink, err = icc.NewLink(out, out, icc.Relative, opt); err != nil {
		return nil, err
	}
	if p.black, err = icc.BlackRamp(in, out); err != nil {
		return nil, err
	}
	h := sha256.New()
	h.Write(output)
	h.Write(srgb)
	h.Write([]byte{byte(p.limit >> 8), byte(p.limit), inkHeadroom})
	p.key = hex.EncodeToString(h.Sum(nil)[:12])
	return p, nil
}

// inkHeadroom is how far (in percent) under the limit photos are
// separated, for the JPEG's errors; checked on the encoded file.
const inkHeadroom = 3

// SoftProof returns the conversion of sRGB to what the press prints, seen
// on a screen: separated as photos are (perceptual, within the limit),
// then the inks measured on the paper (whose own colour is kept) and
// shown in sRGB.
func (p *Press) SoftProof() (*icc.Link, error) {
	view, err := icc.NewLink(p.out, p.srgb, icc.Relative, icc.LinkOptions{Paper: true})
	if err != nil {
		return nil, err
	}
	return p.photo.Then(view)
}

// InkLimit is the total ink the press allows, in percent.
func (p *Press) InkLimit() int { return p.limit }

// Key names the press in cache keys.
func (p *Press) Key() string { return p.key }

// separated is a rendition in inks: four planes of CMYK, or one of grey
// (Gray), and the alpha when the picture has transparency.
type separated struct {
	planes []jpeg.Plane
	gray   bool
	alpha  []uint8 // nil when opaque
	w, h   int
}

// fromRGB separates an sRGB rendition. A picture whose every pixel is
// neutral (a black-and-white photo saved as RGB) goes to black ink alone,
// like a greyscale file.
func (p *Press) fromRGB(m *image.NRGBA) separated {
	b := m.Bounds()
	w, h := b.Dx(), b.Dy()
	s := separated{w: w, h: h}
	neutral, opaque := true, true
	rgb := make([]uint8, 3*w*h)
	for y := range h {
		row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
		for x := range w {
			px := row[4*x : 4*x+4 : 4*x+4]
			r, g, bl, a := px[0], px[1], px[2], px[3]
			if a == 0 {
				// no colour of its own: white, so that the JPEG's blocks
				// bleed nothing dark into the edge
				r, g, bl = 255, 255, 255
			}
			if a != 255 {
				opaque = false
			}
			if neutral && !isNeutral(r, g, bl) {
				neutral = false
			}
			i := 3 * (y*w + x)
			rgb[i], rgb[i+1], rgb[i+2] = r, g, bl
		}
	}
	if !opaque {
		s.alpha = make([]uint8, w*h)
		for y := range h {
			row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
			for x := range w {
				s.alpha[y*w+x] = row[4*x+3]
			}
		}
	}
	s.planes, s.gray = p.separate(rgb, w, h, neutral)
	return s
}

// separate turns packed sRGB into planes of ink: black alone for a neutral
// picture (its grey, as DeviceGray reads it), else the four inks through
// the photo link, a row at a time.
func (p *Press) separate(rgb []uint8, w, h int, neutral bool) ([]jpeg.Plane, bool) {
	if neutral {
		gray := make([]uint8, w*h)
		for i := range gray {
			// DeviceGray is the paper left: 255 less the black ink
			gray[i] = 255 - p.black[(299*int(rgb[3*i])+587*int(rgb[3*i+1])+114*int(rgb[3*i+2])+500)/1000]
		}
		return []jpeg.Plane{{Pix: gray, Stride: w, W: w, H: h}}, true
	}
	ps := make([]jpeg.Plane, 4)
	for c := range ps {
		ps[c] = jpeg.Plane{Pix: make([]uint8, w*h), Stride: w, W: w, H: h}
	}
	row := make([]uint8, 4*w)
	for y := range h {
		p.photo.Pixels(row, rgb[3*y*w:3*(y+1)*w])
		c, m, yy, k := ps[0].Pix[y*w:(y+1)*w], ps[1].Pix[y*w:(y+1)*w], ps[2].Pix[y*w:(y+1)*w], ps[3].Pix[y*w:(y+1)*w]
		for x := range c {
			px := row[4*x : 4*x+4 : 4*x+4]
			c[x], m[x], yy[x], k[x] = px[0], px[1], px[2], px[3]
		}
	}
	return ps, false
}

func isNeutral(r, g, b uint8) bool {
	return spread(r, g) <= neutralSpread && spread(g, b) <= neutralSpread && spread(r, b) <= neutralSpread
}

// neutralSpread is how far apart R, G and B may be for a pixel to count
// as grey.
const neutralSpread = 3

func spread(a, b uint8) int {
	if a > b {
		return int(a - b)
	}
	return int(b - a)
}

// fromCMYK takes a CMYK original (packed, ink 0 to 255, assumed to be in
// the printing condition): its inks are kept where they hold the ink
// limit; pixels over it are separated again through the profile
// (colorimetrically: the same colour, with the profile's black generation
// and within the limit).
func (p *Press) fromCMYK(cmyk []uint8, w, h int) separated {
	most := (p.limit - inkHeadroom) * 255 / 100
	px := make([]uint8, 4)
	for i := 0; i+3 < len(cmyk); i += 4 {
		if int(cmyk[i])+int(cmyk[i+1])+int(cmyk[i+2])+int(cmyk[i+3]) > most {
			p.reink.Pixels(px, cmyk[i:i+4])
			copy(cmyk[i:i+4], px)
		}
	}
	return separated{planes: unpack(cmyk, w, h), w: w, h: h}
}

// unpack splits packed CMYK into four planes.
func unpack(cmyk []uint8, w, h int) []jpeg.Plane {
	ps := make([]jpeg.Plane, 4)
	for c := range ps {
		ps[c] = jpeg.Plane{Pix: make([]uint8, w*h), Stride: w, W: w, H: h}
	}
	for i := range w * h {
		for c := range 4 {
			ps[c].Pix[i] = cmyk[4*i+c]
		}
	}
	return ps
}

// encode writes a separated rendition: the JPEG of its inks, the PNG of
// its alpha, and the most ink any pixel of the JPEG puts down as a decoder
// reconstructs it from the file (as a RIP reads it).
func (s separated) encode(quality int) (Result, error) {
	data, most := jpeg.EncodeInks(s.planes, quality)
	res := Result{Data: data, W: s.w, H: s.h, Colour: Inks, MaxInk: (most*1000 + 127) / 255}
	if s.alpha != nil {
		var buf bytes.Buffer
		mask := &image.Gray{Pix: s.alpha, Stride: s.w, Rect: image.Rect(0, 0, s.w, s.h)}
		if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, mask); err != nil {
			return Result{}, err
		}
		res.Mask = buf.Bytes()
	}
	return res, nil
}

// Results of Inks renditions are kept in the cache with their mask and
// measured ink: a header, then the lengths and the bytes.
const inkEntry = "magz-inks-1\n"

func (r Result) marshal() []byte {
	if r.Colour != Inks {
		return r.Data
	}
	b := []byte(inkEntry)
	b = binary.AppendUvarint(b, uint64(r.MaxInk))
	b = binary.AppendUvarint(b, uint64(len(r.Data)))
	b = append(b, r.Data...)
	b = binary.AppendUvarint(b, uint64(len(r.Mask)))
	return append(b, r.Mask...)
}

func unmarshalResult(b []byte, r Request) (Result, bool) {
	res := Result{W: r.W, H: r.H}
	if r.Colour != Inks {
		res.Data = b
		return res, true
	}
	if !bytes.HasPrefix(b, []byte(inkEntry)) {
		return res, false
	}
	b = b[len(inkEntry):]
	next := func() ([]byte, bool) {
		n, k := binary.Uvarint(b)
		if k <= 0 || n > uint64(len(b)-k) {
			return nil, false
		}
		v := b[k : k+int(n)]
		b = b[k+int(n):]
		return v, true
	}
	ink, k := binary.Uvarint(b)
	if k <= 0 {
		return res, false
	}
	b = b[k:]
	data, ok := next()
	if !ok {
		return res, false
	}
	mask, ok := next()
	if !ok {
		return res, false
	}
	res.Data, res.Mask, res.MaxInk, res.Colour = data, mask, int(ink), Inks
	if len(mask) == 0 {
		res.Mask = nil
	}
	return res, true
}

// renderInks makes a rendition in the press's inks.
// Each step is long for a large photo: a cancelled build stops between
// them.
func renderInks(ctx context.Context, img image.Image, orient int, lv *levels, pl *planes, r Request) (Result, error) {
	if r.Press == nil {
		return Result{}, msg.Errorf("a rendition in inks without a press")
	}
	var s separated
	if cm, ok := img.(*image.CMYK); ok {
		var err error
		if s, err = cmykFrame(cm, orient, r); err != nil {
			return Result{}, err
		}
		if err := ctx.Err(); err != nil {
			return Result{}, err
		}
		s = r.Press.fromCMYK(pack(s.planes), s.w, s.h)
	} else {
		// a JPEG's planes straight to the rendition's inks; other
		// pictures through the RGB levels
		ok := false
		if pl != nil {
			var rgb []uint8
			var neutral bool
			if rgb, neutral, ok = pl.rgbRendition(orient, r.Crop, r.W, r.H); ok {
				if err := ctx.Err(); err != nil {
					return Result{}, err
				}
				s = separated{w: r.W, h: r.H}
				s.planes, s.gray = r.Press.separate(rgb, s.w, s.h, neutral)
			}
		}
		if !ok {
			m, _, _ := frame(lv, r)
			if err := ctx.Err(); err != nil {
				return Result{}, err
			}
			s = r.Press.fromRGB(m)
		}
	}
	if err := ctx.Err(); err != nil {
		return Result{}, err
	}
	q := r.Quality
	if q == 0 {
		q = 90
	}
	// The JPEG's own errors may still take a dark edge over the limit:
	// read the file back and, while it does, take the ink down by what it
	// overshoots and encode again (a few times at most; then it is
	// reported as it is measured).
	limit := r.Press.limit * 10
	ceiling := r.Press.limit - inkHeadroom
	res, err := s.encode(q)
	for try := 0; err == nil && res.MaxInk > limit && try < 4 && !s.gray && ctx.Err() == nil; try++ {
		ceiling -= (res.MaxInk-limit+9)/10 + 1
		capInk(s.planes, ceiling)
		res, err = s.encode(q)
	}
	return res, err
}

// pack interleaves four planes into packed CMYK.
func pack(ps []jpeg.Plane) []uint8 {
	w, h := ps[0].W, ps[0].H
	out := make([]uint8, 4*w*h)
	for y := range h {
		for x := range w {
			for c := range 4 {
				out[4*(y*w+x)+c] = ps[c].Pix[y*ps[c].Stride+x]
			}
		}
	}
	return out
}

// capInk takes ink above limit percent back from cyan, magenta and yellow
// in proportion, keeping black.
func capInk(ps []jpeg.Plane, limit int) {
	most := limit * 255 / 100
	w, h := ps[0].W, ps[0].H
	for y := range h {
		for x := range w {
			i := y*ps[0].Stride + x
			c, m, yy, k := int(ps[0].Pix[i]), int(ps[1].Pix[i]), int(ps[2].Pix[i]), int(ps[3].Pix[i])
			if c+m+yy+k <= most || c+m+yy == 0 {
				continue
			}
			room := max(most-k, 0)
			cmy := c + m + yy
			ps[0].Pix[i] = uint8(c * room / cmy)
			ps[1].Pix[i] = uint8(m * room / cmy)
			ps[2].Pix[i] = uint8(yy * room / cmy)
		}
	}
}

// cmykFrame crops and resamples a CMYK original ink by ink, in display
// orientation (it is reduced, never enlarged: the plan asks for no more
// pixels than the source has).
func cmykFrame(m *image.CMYK, orient int, r Request) (separated, error) {
	b := m.Bounds()
	sw, sh := b.Dx(), b.Dy()
	c := rawCrop(r.Crop, orient)
	x0 := float64(float64(c[0]) / 1e6 * float64(sw))
	x1 := float64(float64(c[2]) / 1e6 * float64(sw))
	y0 := float64(float64(c[1]) / 1e6 * float64(sh))
	y1 := float64(float64(c[3]) / 1e6 * float64(sh))
	w, h := r.W, r.H
	if w < 1 || h < 1 {
		w, h = int(x1-x0+0.5), int(y1-y0+0.5)
		if orient >= 5 {
			w, h = h, w
		}
	}
	rw, rh := w, h
	if orient >= 5 {
		rw, rh = h, w
	}
	if x1-x0 < float64(float64(rw)*0.97) || y1-y0 < float64(float64(rh)*0.97) {
		return separated{}, msg.Errorf("a CMYK picture of %d×%d pixels cannot be enlarged to %d×%d", sw, sh, rw, rh)
	}
	s := separated{w: w, h: h}
	for ink := range 4 {
		p := plane{pix: make([]uint8, sw*sh), stride: sw, w: sw, h: sh}
		for y := range sh {
			row := m.Pix[m.PixOffset(b.Min.X, b.Min.Y+y):]
			for x := range sw {
				p.pix[y*sw+x] = row[4*x+ink]
			}
		}
		p = orientPlane(resample(p, x0, y0, x1, y1, rw, rh), orient)
		s.planes = append(s.planes, jpeg.Plane{Pix: p.pix, Stride: p.stride, W: p.w, H: p.h})
	}
	return s, nil
}

// Channels tells how many colour channels a JPEG's frame has (1 grey, 3
// RGB, 4 CMYK), or 0 when data is not a JPEG with a frame header.
func Channels(data []byte) int {
	for i := 2; i+9 < len(data); {
		if data[i] != 0xFF {
			return 0
		}
		marker := data[i+1]
		if marker == 0xFF {
			i++
			continue
		}
		n := int(data[i+2])<<8 | int(data[i+3])
		if marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC {
			return int(data[i+9])
		}
		i += 2 + n
	}
	return 0
}
