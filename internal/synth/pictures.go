package synth

import (
	"image"
	"image/color"
	"image/draw"
	"math"
	"math/rand"
)

// Pictures whose content a test knows: a photo with its subject where the
// test puts it, a phone screenshot with its title at the top, and a logo
// on a transparent ground.

// Boat paints a w×h seascape — sky, a pale horizon, sea, with grain — and
// a red fishing boat with a white sail centred at at (0..1 across and
// down), size a fraction of the photo's width. It returns the picture and
// the boat's bounds.
func Boat(w, h int, at [2]float64, size float64, seed int64) (*image.RGBA, image.Rectangle) {
	rng := rand.New(rand.NewSource(seed))
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	horizon := h * 45 / 100
	for y := 0; y < h; y++ {
		var c color.RGBA
		if y < horizon {
			c = mix(color.RGBA{0x5e, 0x9c, 0xd6, 255}, color.RGBA{0xd8, 0xea, 0xf4, 255}, float64(y)/float64(horizon))
		} else {
			c = mix(color.RGBA{0x2a, 0x6f, 0x97, 255}, color.RGBA{0x12, 0x40, 0x60, 255}, float64(y-horizon)/float64(h-horizon))
		}
		draw.Draw(m, image.Rect(0, y, w, y+1), image.NewUniform(c), image.Point{}, draw.Src)
	}
	bw := int(size * float64(w))
	cx, cy := int(at[0]*float64(w)), int(at[1]*float64(h))
	hull := image.Rect(cx-bw/2, cy, cx+bw/2, cy+bw/5)
	sail := image.Rect(cx-bw/8, cy-bw*3/5, cx+bw/4, cy)
	// a hull narrowing to its keel, a triangular sail
	for y := hull.Min.Y; y < hull.Max.Y; y++ {
		in := (y - hull.Min.Y) * bw / 4 / max(hull.Dy(), 1)
		draw.Draw(m, image.Rect(hull.Min.X+in, y, hull.Max.X-in, y+1), image.NewUniform(color.RGBA{0xc8, 0x2a, 0x1e, 255}), image.Point{}, draw.Src)
	}
	for y := sail.Min.Y; y < sail.Max.Y; y++ {
		r := sail.Min.X + (y-sail.Min.Y)*sail.Dx()/max(sail.Dy(), 1)
		draw.Draw(m, image.Rect(sail.Min.X, y, max(r, sail.Min.X+1), y+1), image.NewUniform(color.RGBA{0xf6, 0xf2, 0xe8, 255}), image.Point{}, draw.Src)
	}
	for i := 0; i < len(m.Pix); i += 4 {
		n := rng.Intn(13) - 6
		for c := 0; c < 3; c++ {
			m.Pix[i+c] = uint8(min(max(int(m.Pix[i+c])+n, 0), 255))
		}
	}
	return m, hull.Union(sail).Intersect(m.Bounds())
}

// Screenshot paints a w×h phone screen: the status bar, an app bar with
// the screen's title (a dark bar of "text" in the top tenth), then rows of
// a list, as a screenshot saved as PNG looks. It returns the picture and
// the title's bounds.
func Screenshot(w, h int) (*image.RGBA, image.Rectangle) {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	fill := func(r image.Rectangle, c color.RGBA) { draw.Draw(m, r, image.NewUniform(c), image.Point{}, draw.Src) }
	fill(m.Bounds(), color.RGBA{0xfa, 0xfa, 0xfa, 255})
	u := max(h/60, 1) // a unit of the design
	fill(image.Rect(0, 0, w, 2*u), color.RGBA{0x0b, 0x5a, 0x4a, 255})
	fill(image.Rect(0, 2*u, w, 6*u), color.RGBA{0x10, 0x7a, 0x64, 255})
	title := image.Rect(w/12, 3*u+u/4, w*7/12, 5*u-u/4)
	fill(title, color.RGBA{0xff, 0xff, 0xff, 255})
	for y, row := 7*u, 0; y+4*u < h-4*u; y, row = y+5*u, row+1 {
		fill(image.Rect(w/12, y, w/12+3*u, y+3*u), color.RGBA{0xd0, 0x8a, 0x2c, 255})
		fill(image.Rect(w/12+4*u, y+u/2, w*(8+row%3)/12, y+u+u/2), color.RGBA{0x30, 0x30, 0x30, 255})
		fill(image.Rect(w/12+4*u, y+2*u, w*(6+row%4)/12, y+2*u+u/2), color.RGBA{0x9a, 0x9a, 0x9a, 255})
		fill(image.Rect(0, y+4*u, w, y+4*u+max(u/10, 1)), color.RGBA{0xe2, 0xe2, 0xe2, 255})
	}
	fill(image.Rect(0, h-4*u, w, h), color.RGBA{0xee, 0xee, 0xee, 255})
	return m, title
}

// Logo paints a w×h logo on a transparent ground: a round emblem and a
// word mark, with soft (partly transparent) edges.
func Logo(w, h int) *image.NRGBA {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	r := float64(h) * 0.42
	cx, cy := float64(h)/2, float64(h)/2
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			d := math.Hypot(float64(x)+0.5-cx, float64(y)+0.5-cy)
			if a := r - d + 0.5; a > 0 {
				m.SetNRGBA(x, y, color.NRGBA{0xd8, 0x6a, 0x1c, uint8(math.Min(a, 1) * 255)})
			}
			// the word mark: three blocks of "letters"
			if x > h && y > h/3 && y < h*2/3 && (x-h)%(h/2) < h*2/5 && x < w-h/8 {
				m.SetNRGBA(x, y, color.NRGBA{0x12, 0x3c, 0x5a, 255})
			}
		}
	}
	return m
}
