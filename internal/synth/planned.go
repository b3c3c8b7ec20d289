package synth

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

// The planned material of a synthetic issue: ads and notices drawn as
// flat panels at the house design's slot sizes (210×280 mm pages: a full
// page with its bleed, a half and a quarter of the text area, at 300 ppi),
// a photo for the photo page and an agenda in Markdown.

// ad is a synthetic ad: its file, size in issue.yaml and pixels.
type ad struct {
	name, size string
	w, h       int
	notice     bool
}

// plannedAds are the synthetic ads, in the order issue.yaml lists them.
func plannedAds() []ad {
	return []ad{
		{"iklan-penuh-1.png", "full", 2551, 3378, true},
		{"iklan-setengah-1.png", "half", 2102, 1381, true},
		{"iklan-seperempat-1.png", "quarter", 2102, 664, false},
		{"iklan-setengah-2.png", "half", 2102, 1381, false},
		{"iklan-penuh-2.png", "full", 2551, 3378, false},
		{"iklan-seperempat-2.png", "quarter", 2102, 664, true},
		{"iklan-setengah-3.png", "half", 2102, 1381, true},
		{"iklan-seperempat-3.png", "quarter", 2102, 664, false},
		{"iklan-setengah-4.png", "half", 2102, 1381, false},
		{"iklan-seperempat-4.png", "quarter", 2102, 664, true},
	}
}

// plannedYAML is issue.yaml's planned: for the material writePlanned
// writes.
func plannedYAML() string {
	var b strings.Builder
	b.WriteString("planned:\n  ads:\n")
	for i, a := range plannedAds() {
		fmt.Fprintf(&b, "    - image: images/%s\n      size: %s\n      notice: %t\n      title: Iklan %d\n      alt: Iklan uji nomor %d\n", a.name, a.size, a.notice, i+1, i+1)
	}
	b.WriteString("  photo:\n    image: images/foto-bulan-ini.jpg\n    caption: Senja di atas perbukitan.\n    credit: Generator\n    alt: Perbukitan di bawah langit senja\n")
	b.WriteString("  pages:\n    - planned/agenda\n")
	return b.String()
}

// writePlanned writes the ads, the photo page's photo and the agenda.
func writePlanned(dir string, rng *rand.Rand) error {
	palette := []color.RGBA{{0x0f, 0x5c, 0x6e, 255}, {0xb8, 0x3a, 0x1e, 255}, {0x2e, 0x6b, 0x30, 255}, {0x14, 0x2d, 0x4c, 255}, {0xf2, 0xb1, 0x34, 255}}
	for i, a := range plannedAds() {
		img := image.NewRGBA(image.Rect(0, 0, a.w, a.h))
		bg, fg := palette[i%len(palette)], palette[(i+2)%len(palette)]
		draw.Draw(img, img.Bounds(), &image.Uniform{bg}, image.Point{}, draw.Src)
		// a band, a disc and bars where a designer would put the type
		draw.Draw(img, image.Rect(0, a.h*3/4, a.w, a.h), &image.Uniform{color.RGBA{0xf4, 0xef, 0xe6, 255}}, image.Point{}, draw.Src)
		r := min(a.w, a.h) / 5
		cx, cy := a.w*4/5, a.h*3/8
		for y := cy - r; y < cy+r; y++ {
			for x := cx - r; x < cx+r; x++ {
				if (x-cx)*(x-cx)+(y-cy)*(y-cy) < r*r {
					img.SetRGBA(x, y, fg)
				}
			}
		}
		for k := 0; k < 3; k++ {
			y := a.h/8 + k*a.h/8
			draw.Draw(img, image.Rect(a.w/12, y, a.w/12+a.w*(5-k)/10, y+a.h/20), &image.Uniform{color.RGBA{255, 255, 255, 255}}, image.Point{}, draw.Src)
		}
		var buf bytes.Buffer
		if err := png.Encode(&buf, img); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "images", a.name), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, Photo(Dusk, 2400, 1600, 4242, 8), &jpeg.Options{Quality: 85}); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "images", "foto-bulan-ini.jpg"), buf.Bytes(), 0o644); err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Join(dir, "planned"), 0o755); err != nil {
		return err
	}
	var md strings.Builder
	md.WriteString("---\ntitle: Agenda Agustus\nsection: Agenda\n---\n\n")
	for k := 0; k < 6; k++ {
		fmt.Fprintf(&md, "## %s\n\n**%d Desember.** %s\n\n", strings.TrimSuffix(Text(rng, 3), "."), k*4+2, Text(rng, 40))
	}
	return os.WriteFile(filepath.Join(dir, "planned", "agenda.md"), []byte(md.String()), 0o644)
}
