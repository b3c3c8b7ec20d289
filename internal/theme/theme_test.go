package theme

import (
	"math"
	"strings"
	"testing"

	"magz/layout/page"
)

func TestParseColour(t *testing.T) {
	for in, want := range map[string]string{
		"#b83a1e":                       "#b83a1e",
		"#B83A1E cmyk 10 85 100 10":     "#b83a1e cmyk 10 85 100 10",
		"  #0f4c5c   CMYK 95 45 40 35 ": "#0f4c5c cmyk 95 45 40 35",
	} {
		c, err := ParseColour(in)
		if err != nil || Format(c) != want {
			t.Errorf("ParseColour(%q) = %q, %v; want %q", in, Format(c), err, want)
		}
	}
	for in, want := range map[string]string{
		"merah":                      `"merah" is not a colour`,
		"#12345":                     `"#12345" is not a colour`,
		"#12345g":                    `"#12345g" is not a colour`,
		"":                           "no colour given",
		"#b83a1e cmyk 10 85 100":     "only its print form may follow",
		"#b83a1e cmyk 10 85 100 120": `"120" is not an ink percentage`,
	} {
		if _, err := ParseColour(in); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseColour(%q): %v, want %q", in, err, want)
		}
	}
	// the house colours read back as they are written
	for _, c := range []page.Color{Default().Ink, Default().Accent, Default().Muted} {
		if back, err := ParseColour(Format(c)); err != nil || back != c {
			t.Errorf("%s read back as %+v, %v", Format(c), back, err)
		}
	}
}

func TestContrast(t *testing.T) {
	black, white := page.Color{}, page.Color{R: 255, G: 255, B: 255}
	grey := page.Color{R: 0x77, G: 0x77, B: 0x77}
	for _, tc := range []struct {
		a, b page.Color
		want float64
	}{{black, white, 21}, {white, black, 21}, {white, white, 1}, {grey, white, 4.48}} {
		if got := Contrast(tc.a, tc.b); math.Abs(got-tc.want) > 0.01 {
			t.Errorf("Contrast(%s, %s) = %.2f, want %.2f", Hex(tc.a), Hex(tc.b), got, tc.want)
		}
	}
	// the house design passes its own check
	for _, p := range Default().TextOn() {
		if r := Contrast(p.Text, p.Back); r < MinContrast {
			t.Errorf("the house design's %s has contrast %.1f", p.What, r)
		}
	}
}
