// Package synth paints synthetic landscape "photos": layered hills, sea and
// sky with film grain. They stand in for real photos in the sample issue
// and in tests and benchmarks, so the repository ships no third-party
// picture. grain is the strength of the noise (0 for none, 8 is subtle). and large test images are made on demand instead of committed.
package synth

import (
	"image"
	"image/color"
	"math"
	"math/rand"
)

// Scene is a kind of picture.
type Scene int

const (
	Mountains Scene = iota
	Coast
	Forest
	Dusk
	Village
)

// Palette of a scene: sky top, sky bottom, then layers far to near.
var palettes = map[Scene][]color.RGBA{
	Mountains: {{0x6a, 0x9f, 0xd4, 255}, {0xd9, 0xe8, 0xf0, 255}, {0x8d, 0xa3, 0xb8, 255}, {0x5b, 0x78, 0x6e, 255}, {0x2f, 0x4f, 0x3a, 255}, {0x1b, 0x30, 0x22, 255}},
	Coast:     {{0x3f, 0x8f, 0xd0, 255}, {0xcf, 0xe9, 0xf2, 255}, {0x7b, 0x9c, 0x8a, 255}, {0x1f, 0x7a, 0x8c, 255}, {0x16, 0x5d, 0x73, 255}, {0xd8, 0xc3, 0x94, 255}},
	Forest:    {{0x8c, 0xb8, 0xc9, 255}, {0xe6, 0xec, 0xd8, 255}, {0x6f, 0x8f, 0x5a, 255}, {0x44, 0x6b, 0x35, 255}, {0x2a, 0x4a, 0x22, 255}, {0x17, 0x2c, 0x12, 255}},
	Dusk:      {{0x2b, 0x2d, 0x5c, 255}, {0xf2, 0x9e, 0x5a, 255}, {0x8a, 0x4a, 0x52, 255}, {0x5a, 0x2e, 0x3e, 255}, {0x36, 0x1c, 0x2a, 255}, {0x1a, 0x0e, 0x16, 255}},
	Village:   {{0x79, 0xa8, 0xd8, 255}, {0xf0, 0xe6, 0xd0, 255}, {0x9a, 0xae, 0x8c, 255}, {0x8b, 0x5a, 0x3c, 255}, {0x6e, 0x8a, 0x45, 255}, {0x4a, 0x3a, 0x2a, 255}},
}

// Photo paints a w×h picture of the scene; the same seed gives the same
// picture. grain is the strength of the noise (0 for none, 8 is subtle).
func Photo(scene Scene, w, h int, seed int64, grain float64) *image.RGBA {
	rng := rand.New(rand.NewSource(seed))
	pal := palettes[scene]
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	layers := len(pal) - 2
	// Ridge lines: sums of sines with random phases.
	type ridge struct {
		base float64
		amp  [4]float64
		frq  [4]float64
		ph   [4]float64
	}
	rs := make([]ridge, layers)
	for i := range rs {
		rs[i].base = 0.42 + 0.13*float64(i)
		if scene == Coast && i >= 1 {
			rs[i].base = 0.55 + 0.05*float64(i) // flat sea layers
		}
		for k := 0; k < 4; k++ {
			amp := 0.08 / float64(k+1) / (1 + 0.4*float64(i))
			if scene == Coast && i >= 1 && i < layers-1 {
				amp *= 0.05
			}
			rs[i].amp[k] = amp * (0.5 + rng.Float64())
			rs[i].frq[k] = float64(k+1) * (1.5 + 2*rng.Float64())
			rs[i].ph[k] = rng.Float64() * 2 * math.Pi
		}
	}
	sunX, sunY := 0.2+0.6*rng.Float64(), 0.12+0.2*rng.Float64()
	sunR := 0.05 + 0.03*rng.Float64()
	aspect := float64(w) / float64(h)
	heights := make([]float64, layers)
	for x := 0; x < w; x++ {
		fx := float64(x) / float64(w)
		for i, r := range rs {
			y := r.base
			for k := 0; k < 4; k++ {
				y += r.amp[k] * math.Sin(r.frq[k]*fx*2*math.Pi+r.ph[k])
			}
			heights[i] = y
		}
		for y := 0; y < h; y++ {
			fy := float64(y) / float64(h)
			// sky gradient
			c := mix(pal[0], pal[1], math.Pow(fy/0.6, 1.2))
			dx, dy := (fx-sunX)*aspect, fy-sunY
			d := math.Sqrt(dx*dx + dy*dy)
			if d < sunR {
				c = mix(c, color.RGBA{0xff, 0xf4, 0xd6, 255}, 0.9)
			} else if d < sunR*4 {
				c = mix(c, color.RGBA{0xff, 0xee, 0xcc, 255}, 0.35*(1-(d-sunR)/(sunR*3)))
			}
			for i := 0; i < layers; i++ {
				if fy >= heights[i] {
					// layers get darker towards their foot, a hint of depth
					shade := math.Min(1, (fy-heights[i])*3)
					c = mix(pal[2+i], darken(pal[2+i], 0.75), shade)
				}
			}
			// grain
			n := (rng.Float64() - 0.5) * grain
			img.SetRGBA(x, y, color.RGBA{clamp(float64(c.R) + n), clamp(float64(c.G) + n), clamp(float64(c.B) + n), 255})
		}
	}
	return img
}

func mix(a, b color.RGBA, t float64) color.RGBA {
	t = math.Max(0, math.Min(1, t))
	return color.RGBA{
		uint8(float64(a.R)*(1-t) + float64(b.R)*t),
		uint8(float64(a.G)*(1-t) + float64(b.G)*t),
		uint8(float64(a.B)*(1-t) + float64(b.B)*t), 255}
}

func darken(c color.RGBA, f float64) color.RGBA {
	return color.RGBA{uint8(float64(c.R) * f), uint8(float64(c.G) * f), uint8(float64(c.B) * f), 255}
}

func clamp(v float64) uint8 {
	if v < 0 {
		return 0
	}
	if v > 255 {
		return 255
	}
	return uint8(v)
}
