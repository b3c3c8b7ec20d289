package svg

import (
	"strings"
	"testing"
)

// logo is a small drawing of every kind of shape magz reads.
const logo = `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 60" width="200" height="60">
  <title>Kabar</title>
  <rect x="0" y="0" width="60" height="60" fill="#1e6b3a"/>
  <circle cx="30" cy="30" r="20" fill="#ffffff"/>
  <g fill="#b84a2e" transform="translate(70,0)">
    <path d="M0 10 L40 10 L40 50 L0 50 Z M10 20 h20 v20 h-20 z" fill-rule="evenodd"/>
  </g>
  <polygon points="120,50 140,10 160,50" style="fill: rgb(20, 45, 76)"/>
  <path d="M170 50 C170 20 200 20 200 50 Q185 60 170 50 z" fill="#ffd166" opacity="0.5"/>
</svg>`

func TestParse(t *testing.T) {
	a, err := Parse([]byte(logo))
	if err != nil {
		t.Fatal(err)
	}
	if a.ViewBox != [4]int64{0, 0, 200 * unit, 60 * unit} {
		t.Errorf("view box %v", a.ViewBox)
	}
	if len(a.Shapes) != 5 {
		t.Fatalf("%d shapes, want 5", len(a.Shapes))
	}
	g := a.Shapes[2]
	if !g.EvenOdd || g.Fill != (Colour{0xb8, 0x4a, 0x2e, 255}) || g.Path[0].Pts[0] != (Point{70 * unit, 10 * unit}) {
		t.Errorf("the group's path: %+v", g)
	}
	if c := a.Shapes[4].Fill; c.A != 128 {
		t.Errorf("opacity 0.5 gave alpha %d", c.A)
	}
}

func TestRasterize(t *testing.T) {
	a, err := Parse([]byte(logo))
	if err != nil {
		t.Fatal(err)
	}
	m := a.Rasterize(400, 120) // twice the view box
	at := func(x, y int) [4]uint8 {
		p := m.Pix[m.PixOffset(x, y):]
		return [4]uint8{p[0], p[1], p[2], p[3]}
	}
	for _, tc := range []struct {
		x, y int
		want [4]uint8
	}{
		{10, 10, [4]uint8{0x1e, 0x6b, 0x3a, 255}},  // the square's corner
		{60, 60, [4]uint8{255, 255, 255, 255}},     // the circle's middle
		{150, 30, [4]uint8{0xb8, 0x4a, 0x2e, 255}}, // the frame
		{180, 60, [4]uint8{0, 0, 0, 0}},            // its hole (even-odd)
		{280, 90, [4]uint8{20, 45, 76, 255}},       // the triangle
		{390, 5, [4]uint8{0, 0, 0, 0}},             // nothing drawn
	} {
		if got := at(tc.x, tc.y); got != tc.want {
			t.Errorf("pixel %d,%d is %v, want %v", tc.x, tc.y, got, tc.want)
		}
	}
	// the half-transparent curve
	if p := at(370, 85); p[3] < 100 || p[3] > 160 {
		t.Errorf("the curve at half opacity: %v", p)
	}
	// a pixel on the triangle's slanted edge is partly covered
	if p := at(259, 60); p[3] == 0 || p[3] == 255 {
		t.Errorf("edge pixel %v is not partly covered", p)
	}
}

func TestParseRefuses(t *testing.T) {
	for what, svg := range map[string]string{
		"stroke":   `<svg viewBox="0 0 10 10"><path d="M0 0 L10 10" stroke="black"/></svg>`,
		"arc":      `<svg viewBox="0 0 10 10"><path d="M0 0 A5 5 0 0 1 10 10z"/></svg>`,
		"text":     `<svg viewBox="0 0 10 10"><text>Kabar</text></svg>`,
		"gradient": `<svg viewBox="0 0 10 10"><rect width="10" height="10" fill="url(#g)"/></svg>`,
		"empty":    `<svg viewBox="0 0 10 10"></svg>`,
		"not svg":  `<html></html>`,
		"no size":  `<svg><rect width="1" height="1"/></svg>`,
	} {
		if _, err := Parse([]byte(svg)); err == nil {
			t.Errorf("%s: accepted", what)
		} else if what == "stroke" && !strings.Contains(err.Error(), "outlines") {
			t.Errorf("stroke: %v", err)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(logo))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse(data)
		if err != nil {
			return
		}
		a.Rasterize(64, 32)
	})
}
