package images

import (
	"image"
	"image/color"

	"github.com/disintegration/imaging"
)

// levels is a decoded photo and its successive halvings, all in display
// orientation. Renditions are resampled from the smallest level that still
// has enough pixels, so a 12-megapixel photo is filtered at full size once
// at most, and small renditions cost little.
type levels struct {
	raw    image.Image // as decoded, before orientation
	orient int
	list   []*image.NRGBA // list[k]: oriented, halved k times (nil until needed)
	rw, rh int            // raw size
}

func newLevels(img image.Image, orient int) *levels {
	b := img.Bounds()
	return &levels{raw: img, orient: orient, rw: b.Dx(), rh: b.Dy()}
}

func (l *levels) orientedSize() (int, int) {
	if l.orient >= 5 {
		return l.rh, l.rw
	}
	return l.rw, l.rh
}

// at returns the smallest level whose scale is at least `scale` of the
// full image (so the final filter reduces by less than half).
func (l *levels) at(scale float64) *image.NRGBA {
	k := 0
	for s := 0.5; s >= scale && k < 6 && l.rw>>(k+1) >= 16 && l.rh>>(k+1) >= 16; s /= 2 {
		k++
	}
	return l.level(k)
}

func (l *levels) level(k int) *image.NRGBA {
	for len(l.list) <= k {
		l.list = append(l.list, nil)
	}
	if l.list[k] != nil {
		return l.list[k]
	}
	var m *image.NRGBA
	if k == 0 {
		m = orientNRGBA(toNRGBA(l.raw), l.orient)
	} else {
		// Halve the level above; level 1 straight from the decoded image,
		// so the full-size NRGBA copy is never made when not needed.
		if k == 1 && l.list[0] == nil {
			m = orientNRGBA(halve(l.raw), l.orient)
		} else {
			m = halveNRGBA(l.level(k - 1))
		}
	}
	l.list[k] = m
	return m
}

func toNRGBA(img image.Image) *image.NRGBA {
	if n, ok := img.(*image.NRGBA); ok && n.Rect.Min == (image.Point{}) {
		return n
	}
	return imaging.Clone(img)
}

// orientNRGBA applies an EXIF orientation.
func orientNRGBA(m *image.NRGBA, o int) *image.NRGBA {
	switch o {
	case 2:
		return imaging.FlipH(m)
	case 3:
		return imaging.Rotate180(m)
	case 4:
		return imaging.FlipV(m)
	case 5:
		return imaging.Transpose(m)
	case 6:
		return imaging.Rotate270(m)
	case 7:
		return imaging.Transverse(m)
	case 8:
		return imaging.Rotate90(m)
	}
	return m
}

// halve averages 2×2 blocks. JPEG's YCbCr is read directly (no full-size
// RGB copy); other images go through their colour model.
func halve(img image.Image) *image.NRGBA {
	if y, ok := img.(*image.YCbCr); ok {
		return halveYCbCr(y)
	}
	return halveNRGBA(toNRGBA(img))
}

func halveNRGBA(m *image.NRGBA) *image.NRGBA {
	b := m.Bounds()
	w, h := b.Dx()/2, b.Dy()/2
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		r0 := m.Pix[(2*y)*m.Stride:]
		r1 := m.Pix[(2*y+1)*m.Stride:]
		o := out.Pix[y*out.Stride:]
		for x := 0; x < w; x++ {
			i := 8 * x
			for c := 0; c < 4; c++ {
				o[4*x+c] = uint8((uint(r0[i+c]) + uint(r0[i+4+c]) + uint(r1[i+c]) + uint(r1[i+4+c]) + 2) / 4)
			}
		}
	}
	return out
}

func halveYCbCr(m *image.YCbCr) *image.NRGBA {
	b := m.Bounds()
	w, h := b.Dx()/2, b.Dy()/2
	out := image.NewNRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		sy := b.Min.Y + 2*y
		o := out.Pix[y*out.Stride:]
		for x := 0; x < w; x++ {
			sx := b.Min.X + 2*x
			yi := m.YOffset(sx, sy)
			yy := (int(m.Y[yi]) + int(m.Y[yi+1]) + int(m.Y[yi+m.YStride]) + int(m.Y[yi+m.YStride+1]) + 2) / 4
			ci := m.COffset(sx, sy)
			r, g, bb := color.YCbCrToRGB(uint8(yy), m.Cb[ci], m.Cr[ci])
			o[4*x], o[4*x+1], o[4*x+2], o[4*x+3] = r, g, bb, 0xff
		}
	}
	return out
}
