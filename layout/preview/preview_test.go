package preview

import (
	"image"
	"image/color"
	"testing"

	"magz/layout/page"
)

// TestTransparentPictureOverThePage: a picture with clear parts (a logo)
// lies over what is under it; its clear pixels do not punch holes in the
// page (which a JPEG of the page would show black), its solid ones cover.
func TestTransparentPictureOverThePage(t *testing.T) {
	logo := image.NewNRGBA(image.Rect(0, 0, 20, 10))
	for x := 10; x < 20; x++ {
		for y := 0; y < 10; y++ {
			logo.SetNRGBA(x, y, color.NRGBA{200, 0, 0, 255}) // the right half solid red
		}
	}
	iss := &page.Issue{Width: 72 * page.Pt, Height: 36 * page.Pt}
	pg := &page.Page{Items: []page.Item{
		&page.Rect{X: 0, Y: 0, W: 72 * page.Pt, H: 36 * page.Pt, Fill: page.Color{R: 0, G: 0, B: 255}},
		&page.Image{X: 0, Y: 0, W: 72 * page.Pt, H: 36 * page.Pt, Name: "logo.png"},
	}}
	r := &Renderer{DPI: 72, Image: func(*page.Image) (image.Image, error) { return logo, nil }}
	img, err := r.Page(iss, pg)
	if err != nil {
		t.Fatal(err)
	}
	if c := img.RGBAAt(10, 18); c != (color.RGBA{0, 0, 255, 255}) {
		t.Errorf("under the logo's clear half: %v, want the blue page", c)
	}
	if c := img.RGBAAt(60, 18); c != (color.RGBA{200, 0, 0, 255}) {
		t.Errorf("under the logo's solid half: %v, want its red", c)
	}
}
