// Pictures: the part of a photo a frame shows (crops about the focal point),
// the resolution it prints at, and a figure's place in the structure.

package layout

import (
	"magz/internal/doc"
	"magz/internal/images"
	"magz/layout/page"
)

// cropFor returns the part of an sw×sh image that fills a frame of aspect
// fw:fh, as large as possible and centred on focus: the image stage's
// crop, which every edition shares.
func cropFor(sw, sh int, fw, fh Length, focus [2]float64) [4]int {
	return images.Crop(sw, sh, int64(fw), int64(fh), focus)
}

// ppi is the resolution of a crop of an image sw pixels wide shown in a
// frame w wide.
// heroInsidePPI is the resolution of an opener photo of height h (as
// drawn across the page) set inside the margins at width w.
func (c *composer) heroInsidePPI(sw, sh int, focus [2]float64, h, w Length) float64 {
	ih := h * w / c.W
	return ppi(sw, cropFor(sw, sh, w, ih, focus), w)
}

func ppi(sw int, crop [4]int, w Length) float64 {
	return float64(crop[2]-crop[0]) / 1e6 * float64(sw) / (w.Points() / 72)
}

func (c *composer) imageSize(img *doc.Image) (int, int) {
	if c.opt.ImageSize != nil {
		if w, h, ok := c.opt.ImageSize(img); ok && w > 0 && h > 0 {
			return w, h
		}
	}
	return 3, 2
}

// figureNodes makes the structure of a figure: the picture, with its
// alternative text, holding its caption. A picture without alternative
// text (or marked decorative) is decoration, and its caption a paragraph.
func (c *composer) figureNodes(f *doc.Figure) (picture, caption int) {
	picture = c.pictureNode(f)
	if picture == page.Decoration {
		return picture, c.node(page.RoleP, "")
	}
	c.within(picture, func() { caption = c.node(page.RoleCaption, "") })
	return picture, caption
}

// pictureNode makes the Figure element of a picture, or marks it as
// decoration when it has no alternative text.
func (c *composer) pictureNode(f *doc.Figure) int {
	if f.Alt == "" || f.Decorative {
		return page.Decoration
	}
	return c.node(page.RoleFigure, f.Alt)
}
