package images

import "math"

// Whole is the unit of crops: a crop is given in millionths of the
// (oriented) source, left, top, right, bottom.
const Whole = 1_000_000

// Crop returns the part of a srcW×srcH image that fills a frame of aspect
// frameW:frameH (in any one unit), as large as possible and centred on the
// focal point focus (0..1 across and down; 0.5,0.5 is the centre) as far
// as the edges allow. Every picture of every edition is cropped by it —
// pages, EPUB, website, sharing kit — so that they all show the same part
// of a photo. In integers, so that every machine crops alike.
func Crop(srcW, srcH int, frameW, frameH int64, focus [2]float64) [4]int {
	if srcW <= 0 || srcH <= 0 || frameW <= 0 || frameH <= 0 {
		return [4]int{0, 0, Whole, Whole}
	}
	// The share of the source the frame shows: all of one side, and of the
	// other what keeps the frame's shape (the shapes cross-multiplied).
	cw, ch := int64(Whole), int64(Whole)
	src, dst := int64(srcW)*frameH, frameW*int64(srcH)
	if src > dst {
		cw = (dst*Whole + src/2) / src
	} else {
		ch = (src*Whole + dst/2) / dst
	}
	fx, fy := FocusMillionths(focus)
	x, y := place(cw, fx), place(ch, fy)
	return [4]int{int(x), int(y), int(x + cw), int(y + ch)}
}

// place centres a span of size on the point at f, both in millionths, as
// far as the edges allow.
func place(size, f int64) int64 {
	return max(0, min(f-size/2, Whole-size))
}

// FocusMillionths is a focal point in millionths, each coordinate rounded
// once (a product and a rounding: the same on every machine) and kept
// between 0 and 1.
func FocusMillionths(focus [2]float64) (x, y int64) {
	m := func(f float64) int64 {
		if !(f >= 0) { // also NaN
			return 0
		}
		return min(int64(math.Round(f*Whole)), Whole)
	}
	return m(focus[0]), m(focus[1])
}
