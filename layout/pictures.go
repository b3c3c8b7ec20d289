// Pictures: the part of a photo a frame shows (crops about the focal point),
// the resolution it prints at, and a figure's place in the structure.

package layout

import (
	"magz/internal/doc"
	"magz/internal/images"
	"magz/internal/msg"
	"magz/layout/page"
)

// cropFor returns the part of an sw×sh image that fills a frame of aspect
// fw:fh, as large as possible and centred on focus: the image stage's
// crop, which every edition shares.
func cropFor(sw, sh int, fw, fh Length, focus [2]float64) [4]int {
	return images.Crop(sw, sh, int64(fw), int64(fh), focus)
}

// inch is an inch in the page model's units.
const inch = 72 * Pt

// ppiAt is the resolution, in pixels per inch, of the crop of an image sw
// pixels wide shown w wide. In integers: it decides sizes.
func ppiAt(sw int, crop [4]int, w Length) int64 {
	if w <= 0 {
		return 0
	}
	return int64(crop[2]-crop[0]) * int64(sw) * int64(inch) / (images.Whole * int64(w))
}

// widthAt is the width at which px pixels print at ppi.
func widthAt(px int64, ppi int) Length {
	return Length(max(px*int64(inch)/int64(ppi), 1))
}

// graphic tells flat art (screenshots, maps, logos: PNG, GIF) from
// photos: it is never cropped, and never printed under doc.SharpPPI.
func (c *composer) graphic(img *doc.Image) bool {
	return c.opt.Graphic != nil && c.opt.Graphic(img)
}

// cropLimit is the most (percent) of either side of img a crop may take.
func (c *composer) cropLimit(img *doc.Image) int {
	if c.graphic(img) {
		return 0
	}
	return c.th.Pictures.CropLimit
}

// leastPPI is the least resolution img may be printed at: MinPPI for a
// photo, SharpPPI for flat art, whose edges show every missing pixel.
func (c *composer) leastPPI(img *doc.Image) int64 {
	if c.graphic(img) {
		return max(doc.SharpPPI, c.minPPI())
	}
	return c.minPPI()
}

// minPPI is the least resolution the print edition takes (doc.MinPPI; the
// place for a magazine's own print: min_ppi:).
func (c *composer) minPPI() int64 { return doc.MinPPI }

// cropFits tells whether cropping an sw×sh image to the shape fw:fh takes
// away no more than limit percent of its width or height (and, whatever
// the limit, no more than the rounding of a frame: a fifth of a percent).
func cropFits(sw, sh int, fw, fh Length, limit int) bool {
	src, dst := int64(sw)*int64(fh), int64(fw)*int64(sh)
	keep := int64(1000 - 10*limit - 2) // thousandths of the side cropped
	if src > dst {                     // wider than the frame: the width is cropped
		return dst*1000 >= src*keep
	}
	return src*1000 >= dst*keep
}

// picture is a picture sized for its place: its frame and the crop that
// fills it.
type picture struct {
	w, h Length
	crop [4]int
}

// fitPicture sizes a picture for a place w wide and at most maxH tall. It
// fills the width, cropped in height when it is taller than maxH as far as
// the crop limit allows (or a tenth taller than maxH, when that is all it
// takes); taller still, it is fitted (narrower, cropped by no more than
// the limit: a tall screenshot keeps its title). A picture
// with too few pixels for that size is made smaller, to print at
// doc.SharpPPI: never larger than its pixels allow.
func (c *composer) fitPicture(f *doc.Figure, w, maxH Length) picture {
	sw, sh := c.imageSize(f.Image)
	limit := c.cropLimit(f.Image)
	pw, ph := w, Length(int64(w)*int64(sh)/int64(sw))
	if ph > maxH {
		switch least := ph * Length(100-limit) / 100; {
		case cropFits(sw, sh, w, maxH, limit):
			ph = maxH
		case least*10 <= maxH*11:
			// a tenth taller than the place rather than a sliver narrower
			ph = least
		default:
			pw, ph = Length(int64(maxH)*int64(sw)*100/(int64(sh)*int64(100-limit))), maxH
		}
	}
	crop := cropFor(sw, sh, pw, ph, f.Focus)
	if ppiAt(sw, crop, pw) < c.leastPPI(f.Image) {
		px := int64(crop[2]-crop[0]) * int64(sw) / images.Whole
		nw := widthAt(px, doc.SharpPPI)
		ph, pw = max(Length(int64(ph)*int64(nw)/int64(pw)), 1), nw
	}
	return picture{w: pw, h: ph, crop: crop}
}

// refit changes a picture's height to h at the same width, as
// copyfitting asks: the new crop must stay within the limit, and a
// picture grows only as far as it stays sharp.
func (c *composer) refit(f *doc.Figure, p picture, h Length) (picture, bool) {
	sw, sh := c.imageSize(f.Image)
	if h <= 0 || !cropFits(sw, sh, p.w, h, c.cropLimit(f.Image)) {
		return p, false
	}
	crop := cropFor(sw, sh, p.w, h, f.Focus)
	if h > p.h && ppiAt(sw, crop, p.w) < doc.SharpPPI {
		return p, false
	}
	return picture{w: p.w, h: h, crop: crop}, true
}

// sharpAcross tells whether a figure fills a place w wide (at most maxH
// tall) at doc.SharpPPI: only then does it go across the columns.
func (c *composer) sharpAcross(f *doc.Figure, w, maxH Length) bool {
	sw, _ := c.imageSize(f.Image)
	p := c.fitPicture(f, w, maxH)
	return p.w == w && ppiAt(sw, p.crop, p.w) >= doc.SharpPPI
}

func (c *composer) imageSize(img *doc.Image) (int, int) {
	if c.opt.ImageSize != nil {
		if w, h, ok := c.opt.ImageSize(img); ok && w > 0 && h > 0 {
			return w, h
		}
	}
	return 3, 2
}

// figureNodes makes the structure of a figure: a group holding the
// picture, with its alternative text, and then its caption. The caption
// stands beside the picture, not inside it: alternative text stands for
// all of an element's content, and readers that honour it would skip a
// caption inside. A decorative picture is decoration, and its caption a
// paragraph.
func (c *composer) figureNodes(f *doc.Figure) (picture, caption int) {
	if f.Decorative {
		return page.Decoration, c.node(page.RoleP, "")
	}
	c.within(c.node(page.RoleDiv, ""), func() {
		picture = c.pictureNode(f)
		caption = c.node(page.RoleCaption, "")
	})
	return picture, caption
}

// pictureNode makes the Figure element of a picture, or marks it as
// decoration. A picture that is not decoration stays a Figure without
// alternative text when the editor gave none — the reader learns a
// picture is there — and the screen PDF then cannot claim PDF/UA.
func (c *composer) pictureNode(f *doc.Figure) int {
	if f.Decorative {
		return page.Decoration
	}
	if f.Alt == "" {
		pos := f.Pos
		if pos.Line == 0 {
			pos = c.where
		}
		name := ""
		if f.Image != nil {
			name = f.Image.Rel
		}
		c.notUA(pos, msg.Sprintf("photo %s has no alternative text: describe it, or mark it as decoration with -", name))
	}
	return c.node(page.RoleFigure, f.Alt)
}
