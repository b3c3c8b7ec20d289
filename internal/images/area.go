package images

import (
	"image"
	"image/color"
	"math"
)

// The JPEG path of the image stage works on the decoded YCbCr planes: it
// averages areas of the source straight into the rendition's planes (a box
// filter with fractional coverage, the right filter for reductions) and
// hands the result to the JPEG encoder as YCbCr. No full-size RGB copy of a
// 12-megapixel photo is ever made, which is what keeps the stage fast and
// small in memory.

// plane is one 8-bit channel.
type plane struct {
	pix          []uint8
	stride, w, h int
}

// taps are, for each output sample along one axis, the first source index
// and the weights (summing to 1<<16) of the source samples it covers.
type taps struct {
	first []int
	w     [][]uint32
}

// areaTaps maps n output samples onto the source interval [a, b) of a
// source of length size. It needs b-a >= n (a reduction).
func areaTaps(a, b float64, n, size int) taps {
	t := taps{first: make([]int, n), w: make([][]uint32, n)}
	step := (b - a) / float64(n)
	for j := 0; j < n; j++ {
		lo, hi := a+float64(float64(j)*step), a+float64(float64(j+1)*step)
		i0 := int(math.Floor(lo))
		i1 := int(math.Ceil(hi))
		i0 = max(0, min(i0, size-1))
		i1 = max(i0+1, min(i1, size))
		ws := make([]uint32, i1-i0)
		var sum uint32
		for i := i0; i < i1; i++ {
			cover := math.Min(hi, float64(i+1)) - math.Max(lo, float64(i))
			if cover < 0 {
				cover = 0
			}
			w := uint32(cover / step * 65536)
			ws[i-i0] = w
			sum += w
		}
		// put the rounding remainder on the largest weight so weights sum
		// to exactly 1<<16
		if sum != 65536 && len(ws) > 0 {
			k := 0
			for i := range ws {
				if ws[i] > ws[k] {
					k = i
				}
			}
			ws[k] += 65536 - sum
		}
		t.first[j], t.w[j] = i0, ws
	}
	return t
}

// resample averages the rectangle [x0,x1)×[y0,y1) of src into a w×h plane.
func resample(src plane, x0, y0, x1, y1 float64, w, h int) plane {
	tx := areaTaps(x0, x1, w, src.w)
	ty := areaTaps(y0, y1, h, src.h)
	// rows of the source that the output needs
	r0 := ty.first[0]
	r1 := ty.first[h-1] + len(ty.w[h-1])
	// horizontal pass into a w × (r1-r0) buffer
	mid := make([]uint8, w*(r1-r0))
	// Reductions of less than 2× cover at most 3 source samples per output
	// sample: flat, fixed-width taps keep that loop tight.
	maxTaps := 0
	for _, ws := range tx.w {
		maxTaps = max(maxTaps, len(ws))
	}
	if maxTaps <= 3 && src.w >= 3 {
		first := make([]int32, w)
		wts := make([]uint32, 3*w)
		for j := 0; j < w; j++ {
			f := tx.first[j]
			// keep all three taps inside the row
			if f+3 > src.w {
				f = src.w - 3
			}
			first[j] = int32(f)
			for k, wt := range tx.w[j] {
				wts[3*j+tx.first[j]-f+k] = wt
			}
		}
		for y := r0; y < r1; y++ {
			row := src.pix[y*src.stride : y*src.stride+src.w]
			out := mid[(y-r0)*w : (y-r0+1)*w]
			for j := range out {
				f := int(first[j])
				p := row[f : f+3 : f+3]
				ww := wts[3*j : 3*j+3 : 3*j+3]
				acc := uint32(p[0])*ww[0] + uint32(p[1])*ww[1] + uint32(p[2])*ww[2]
				out[j] = uint8((acc + 1<<15) >> 16)
			}
		}
	} else {
		for y := r0; y < r1; y++ {
			row := src.pix[y*src.stride:]
			out := mid[(y-r0)*w:]
			for j := 0; j < w; j++ {
				f := tx.first[j]
				var acc uint32
				for k, wt := range tx.w[j] {
					acc += uint32(row[f+k]) * wt
				}
				out[j] = uint8((acc + 1<<15) >> 16)
			}
		}
	}
	// vertical pass
	dst := plane{pix: make([]uint8, w*h), stride: w, w: w, h: h}
	maxTaps = 0
	for _, ws := range ty.w {
		maxTaps = max(maxTaps, len(ws))
	}
	if maxTaps <= 3 && r1-r0 >= 3 {
		for i := 0; i < h; i++ {
			// three rows and their weights, the unused ones weighted 0
			f := ty.first[i] - r0
			if f+3 > r1-r0 {
				f = r1 - r0 - 3
			}
			var wt [3]uint32
			for k, v := range ty.w[i] {
				wt[ty.first[i]-r0-f+k] = v
			}
			a := mid[f*w : (f+1)*w]
			b := mid[(f+1)*w : (f+2)*w]
			c := mid[(f+2)*w : (f+3)*w]
			out := dst.pix[i*w : (i+1)*w]
			b, c = b[:len(a)], c[:len(a)]
			out = out[:len(a)]
			for j := range a {
				acc := uint32(a[j])*wt[0] + uint32(b[j])*wt[1] + uint32(c[j])*wt[2]
				out[j] = uint8((acc + 1<<15) >> 16)
			}
		}
		return dst
	}
	acc := make([]uint32, w)
	for i := 0; i < h; i++ {
		for j := range acc {
			acc[j] = 0
		}
		f := ty.first[i] - r0
		for k, wt := range ty.w[i] {
			row := mid[(f+k)*w : (f+k+1)*w]
			for j, v := range row {
				acc[j] += uint32(v) * wt
			}
		}
		out := dst.pix[i*w:]
		for j, a := range acc {
			out[j] = uint8((a + 1<<15) >> 16)
		}
	}
	return dst
}

// rawCrop converts a crop in display orientation (millionths: left, top,
// right, bottom) into the same region of the stored (raw) image.
func rawCrop(c [4]int, o int) [4]int {
	l, t, r, b := c[0], c[1], c[2], c[3]
	const one = 1_000_000
	switch o {
	case 2:
		return [4]int{one - r, t, one - l, b}
	case 3:
		return [4]int{one - r, one - b, one - l, one - t}
	case 4:
		return [4]int{l, one - b, r, one - t}
	case 5:
		return [4]int{t, l, b, r}
	case 6:
		return [4]int{t, one - r, b, one - l}
	case 7:
		return [4]int{one - b, one - r, one - t, one - l}
	case 8:
		return [4]int{one - b, l, one - t, r}
	}
	return c
}

// orientPlane turns a plane from stored to display orientation (EXIF
// orientation o).
func orientPlane(p plane, o int) plane {
	if o <= 1 || o > 8 {
		return p
	}
	w, h := p.w, p.h
	if o >= 5 {
		w, h = h, w
	}
	out := plane{pix: make([]uint8, w*h), stride: w, w: w, h: h}
	for y := 0; y < p.h; y++ {
		row := p.pix[y*p.stride:]
		for x := 0; x < p.w; x++ {
			var u, v int
			switch o {
			case 2:
				u, v = p.w-1-x, y
			case 3:
				u, v = p.w-1-x, p.h-1-y
			case 4:
				u, v = x, p.h-1-y
			case 5:
				u, v = y, x
			case 6:
				u, v = p.h-1-y, x
			case 7:
				u, v = p.h-1-y, p.w-1-x
			case 8:
				u, v = y, p.w-1-x
			}
			out.pix[v*w+u] = row[x]
		}
	}
	return out
}

// halvePlane averages 2×2 blocks.
func halvePlane(p plane) plane {
	w, h := p.w/2, p.h/2
	out := plane{pix: make([]uint8, w*h), stride: w, w: w, h: h}
	for y := 0; y < h; y++ {
		r0 := p.pix[2*y*p.stride : 2*y*p.stride+2*w]
		r1 := p.pix[(2*y+1)*p.stride : (2*y+1)*p.stride+2*w]
		o := out.pix[y*w : y*w+w]
		for x := range o {
			o[x] = uint8((uint16(r0[2*x]) + uint16(r0[2*x+1]) + uint16(r1[2*x]) + uint16(r1[2*x+1]) + 2) >> 2)
		}
	}
	return out
}

// planes is a decoded JPEG as planes, with halved copies made on demand so
// that small renditions are averaged from a quarter of the pixels.
type planes struct {
	y, cb, cr []plane // [k]: halved k times
	sx, sy    int     // chroma subsampling of the source
}

func newPlanes(m *image.YCbCr) (*planes, bool) {
	var sx, sy int
	switch m.SubsampleRatio {
	case image.YCbCrSubsampleRatio444:
		sx, sy = 1, 1
	case image.YCbCrSubsampleRatio422:
		sx, sy = 2, 1
	case image.YCbCrSubsampleRatio420:
		sx, sy = 2, 2
	case image.YCbCrSubsampleRatio440:
		sx, sy = 1, 2
	default:
		return nil, false
	}
	b := m.Bounds()
	cw, ch := (b.Dx()+sx-1)/sx, (b.Dy()+sy-1)/sy
	off := m.COffset(b.Min.X, b.Min.Y)
	return &planes{
		y:  []plane{{pix: m.Y[m.YOffset(b.Min.X, b.Min.Y):], stride: m.YStride, w: b.Dx(), h: b.Dy()}},
		cb: []plane{{pix: m.Cb[off:], stride: m.CStride, w: cw, h: ch}},
		cr: []plane{{pix: m.Cr[off:], stride: m.CStride, w: cw, h: ch}},
		sx: sx, sy: sy,
	}, true
}

// level returns the planes halved k times.
func (p *planes) level(k int) (plane, plane, plane) {
	for len(p.y) <= k {
		n := len(p.y) - 1
		p.y = append(p.y, halvePlane(p.y[n]))
		p.cb = append(p.cb, halvePlane(p.cb[n]))
		p.cr = append(p.cr, halvePlane(p.cr[n]))
	}
	return p.y[k], p.cb[k], p.cr[k]
}

// rendition makes a w×h (display orientation) rendition of the crop of a
// decoded JPEG, as a 4:2:0 YCbCr image ready for the JPEG encoder. It
// reports false when it cannot (an enlargement), and the caller takes the
// general path.
func (p *planes) rendition(orient int, crop [4]int, w, h int) (*image.YCbCr, bool) {
	Y, Cb, Cr, ok := p.resampled(orient, crop, w, h, false)
	if !ok {
		return nil, false
	}
	return &image.YCbCr{Y: Y.pix, Cb: Cb.pix, Cr: Cr.pix, YStride: Y.stride, CStride: Cb.stride,
		SubsampleRatio: image.YCbCrSubsampleRatio420, Rect: image.Rect(0, 0, Y.w, Y.h)}, true
}

// rgbRendition makes the same rendition as packed 8-bit RGB (three bytes
// a pixel), each pixel converted from its averaged lightness and colour:
// what separation into inks starts from, made without a full-size RGB
// copy of the photo. Colour is averaged from the source's chroma samples
// as the general path sees them (each one over the pixels it covers).
// neutral tells whether every pixel is grey (see isNeutral).
func (p *planes) rgbRendition(orient int, crop [4]int, w, h int) (rgb []uint8, neutral, ok bool) {
	Y, Cb, Cr, ok := p.resampled(orient, crop, w, h, true)
	if !ok {
		return nil, false, false
	}
	w, h = Y.w, Y.h
	neutral = true
	rgb = make([]uint8, 3*w*h)
	for y := range h {
		yr, br, rr := Y.pix[y*Y.stride:y*Y.stride+w], Cb.pix[y*Cb.stride:y*Cb.stride+w], Cr.pix[y*Cr.stride:y*Cr.stride+w]
		out := rgb[3*y*w : 3*(y+1)*w]
		for x, l := range yr {
			r, g, b := color.YCbCrToRGB(l, br[x], rr[x])
			if neutral && !isNeutral(r, g, b) {
				neutral = false
			}
			px := out[3*x : 3*x+3 : 3*x+3]
			px[0], px[1], px[2] = r, g, b
		}
	}
	return rgb, neutral, true
}

// resampled averages the crop of the planes into a w×h rendition (display
// orientation): lightness at w×h, colour at half that (4:2:0) or, with
// fullChroma, at w×h too. It reports false for an enlargement.
func (p *planes) resampled(orient int, crop [4]int, w, h int, fullChroma bool) (Y, Cb, Cr plane, ok bool) {
	full := p.y[0]
	rw, rh := w, h // the rendition in stored orientation
	if orient >= 5 {
		rw, rh = h, w
	}
	c := rawCrop(crop, orient)
	x0 := float64(float64(c[0]) / 1e6 * float64(full.w))
	x1 := float64(float64(c[2]) / 1e6 * float64(full.w))
	y0 := float64(float64(c[1]) / 1e6 * float64(full.h))
	y1 := float64(float64(c[3]) / 1e6 * float64(full.h))
	// Area averaging also serves a tiny enlargement (rounding of the
	// frame); anything more goes the general way.
	if x1-x0 < float64(float64(rw)*0.97) || y1-y0 < float64(float64(rh)*0.97) || rw < 2 || rh < 2 {
		return Y, Cb, Cr, false
	}
	// output chroma at half size (4:2:0), or at full size, spread from the
	// source's chroma samples as they cover the pixels
	ow, oh := (rw+1)/2, (rh+1)/2
	if fullChroma {
		ow, oh = rw, rh
	} else if (x1-x0)/float64(p.sx) < float64(ow)*0.97 || (y1-y0)/float64(p.sy) < float64(oh)*0.97 {
		return Y, Cb, Cr, false
	}
	// the smallest level that still has more pixels than the rendition
	// (and more chroma samples than its chroma, unless spread)
	k := 0
	for k < 4 && (x1-x0)/float64(int(1)<<(k+1)) >= float64(rw) && (y1-y0)/float64(int(1)<<(k+1)) >= float64(rh) &&
		(fullChroma || (x1-x0)/float64(p.sx<<(k+1)) >= float64(ow) && (y1-y0)/float64(p.sy<<(k+1)) >= float64(oh)) {
		k++
	}
	// and for the colour, the smallest level that still has more samples
	// than its output (the same level for 4:2:0; one finer, or the
	// source's own, when the colour is spread over every pixel)
	kc := 0
	for kc < k && (x1-x0)/float64(p.sx<<(kc+1)) >= float64(ow) && (y1-y0)/float64(p.sy<<(kc+1)) >= float64(oh) {
		kc++
	}
	yp, _, _ := p.level(k)
	_, cbp, crp := p.level(kc)
	f, fc := float64(int(1)<<k), float64(int(1)<<kc)
	Y = resample(yp, x0/f, y0/f, min(x1/f, float64(yp.w)), min(y1/f, float64(yp.h)), rw, rh)
	cx0, cx1 := x0/fc/float64(p.sx), min(x1/fc/float64(p.sx), float64(cbp.w))
	cy0, cy1 := y0/fc/float64(p.sy), min(y1/fc/float64(p.sy), float64(cbp.h))
	Cb = resample(cbp, cx0, cy0, cx1, cy1, ow, oh)
	Cr = resample(crp, cx0, cy0, cx1, cy1, ow, oh)
	return orientPlane(Y, orient), orientPlane(Cb, orient), orientPlane(Cr, orient), true
}

// resampleNRGBA averages the rectangle r of m into a w×h image, the way the
// JPEG path averages planes: colour weighted by alpha, so that transparent
// pixels lend no colour to their neighbours. Integer weights make every
// machine give the same pixels. It reports false for an enlargement of
// more than the rounding of a frame (3 %).
func resampleNRGBA(m *image.NRGBA, r image.Rectangle, w, h int) (*image.NRGBA, bool) {
	if r.Dx()*100 < w*97 || r.Dy()*100 < h*97 || w < 1 || h < 1 {
		return nil, false
	}
	sw, sh := r.Dx(), r.Dy()
	var ch [4]plane // premultiplied R, G, B, and A
	for c := range ch {
		ch[c] = plane{pix: make([]uint8, sw*sh), stride: sw, w: sw, h: sh}
	}
	for y := 0; y < sh; y++ {
		row := m.Pix[m.PixOffset(r.Min.X, r.Min.Y+y):]
		for x := 0; x < sw; x++ {
			px := row[4*x : 4*x+4 : 4*x+4]
			a := uint32(px[3])
			for c := 0; c < 3; c++ {
				ch[c].pix[y*sw+x] = uint8((uint32(px[c])*a + 127) / 255)
			}
			ch[3].pix[y*sw+x] = px[3]
		}
	}
	var out [4]plane
	for c := range ch {
		out[c] = resample(ch[c], 0, 0, float64(sw), float64(sh), w, h)
	}
	dst := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			i := y*w + x
			a := uint32(out[3].pix[out[3].stride*y+x])
			px := dst.Pix[4*i : 4*i+4 : 4*i+4]
			px[3] = uint8(a)
			if a == 0 {
				continue
			}
			for c := 0; c < 3; c++ {
				px[c] = uint8(min((uint32(out[c].pix[out[c].stride*y+x])*255+a/2)/a, 255))
			}
		}
	}
	return dst, true
}
