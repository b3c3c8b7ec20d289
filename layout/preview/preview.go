// Package preview rasterises the page model into PNG pictures: one per page
// and a contact sheet of the whole issue, so an editor can see the issue
// without a PDF viewer. It draws the same page model as the PDF writer.
package preview

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"sync"

	xdraw "golang.org/x/image/draw"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"magz/fonts"
	"magz/layout/page"
)

// Renderer draws pages; it caches parsed fonts and faces.
type Renderer struct {
	// DPI of page pictures.
	DPI float64
	// Image returns the picture of an image item, at any size.
	Image func(it *page.Image) (image.Image, error)

	mu    sync.Mutex
	fonts map[fonts.Face]*opentype.Font // parsed fonts are read-only: shared
}

type faceKey struct {
	face fonts.Face
	size page.Length
}

// faces are sized font faces; they are not safe for concurrent use, so
// each page drawing has its own.
type faces map[faceKey]font.Face

func (r *Renderer) face(fs faces, f fonts.Face, size page.Length) (font.Face, error) {
	k := faceKey{f, size}
	if fc, ok := fs[k]; ok {
		return fc, nil
	}
	r.mu.Lock()
	if r.fonts == nil {
		r.fonts = map[fonts.Face]*opentype.Font{}
	}
	ot, ok := r.fonts[f]
	if !ok {
		data, err := fonts.Data(f)
		if err == nil {
			ot, err = opentype.Parse(data)
		}
		if err != nil {
			r.mu.Unlock()
			return nil, err
		}
		r.fonts[f] = ot
	}
	r.mu.Unlock()
	fc, err := opentype.NewFace(ot, &opentype.FaceOptions{Size: size.Points(), DPI: r.DPI, Hinting: font.HintingNone})
	if err != nil {
		return nil, err
	}
	fs[k] = fc
	return fc, nil
}

func (r *Renderer) px(l page.Length) float64 { return l.Points() * r.DPI / 72 }

func rgba(c page.Color) color.RGBA { return color.RGBA{c.R, c.G, c.B, 255} }

// Page draws one page at trim size.
func (r *Renderer) Page(iss *page.Issue, p *page.Page) (*image.RGBA, error) {
	w, h := int(r.px(iss.Width)+0.5), int(r.px(iss.Height)+0.5)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	fs := faces{}
	for _, it := range p.Items {
		if err := r.item(img, iss, fs, it); err != nil {
			return nil, err
		}
	}
	return img, nil
}

func (r *Renderer) rect(x, y, w, h page.Length) image.Rectangle {
	return image.Rect(int(r.px(x)), int(r.px(y)), int(r.px(x+w)+0.5), int(r.px(y+h)+0.5))
}

func (r *Renderer) item(img *image.RGBA, iss *page.Issue, fs faces, it page.Item) error {
	switch it := it.(type) {
	case *page.Rect:
		rc := r.rect(it.X, it.Y, it.W, it.H)
		src := image.NewUniform(rgba(it.Fill))
		if it.Alpha > 0 {
			draw.DrawMask(img, rc, src, image.Point{}, image.NewUniform(color.Alpha{uint8(it.Alpha * 255 / 100)}), image.Point{}, draw.Over)
		} else {
			draw.Draw(img, rc, src, image.Point{}, draw.Src)
		}
	case *page.Rule:
		lw := max(it.Width, page.Pt/2)
		x0, x1 := min(it.X1, it.X2), max(it.X1, it.X2)
		y0, y1 := min(it.Y1, it.Y2), max(it.Y1, it.Y2)
		rc := r.rect(x0-lw/2, y0-lw/2, x1-x0+lw, y1-y0+lw)
		draw.Draw(img, rc, image.NewUniform(rgba(it.Color)), image.Point{}, draw.Over)
	case *page.Image:
		if r.Image == nil {
			return nil
		}
		src, err := r.Image(it)
		if err != nil {
			return err
		}
		// The picture covers the frame extended into the bleed; the page
		// shows the part inside the trim.
		x, y, w, h := it.Bleed.Extend(it.X, it.Y, it.W, it.H, iss.Bleed)
		// A picture with transparency (a logo) lies over the page: drawn
		// as it is, its clear parts would punch holes that a JPEG shows black.
		op := draw.Src
		if o, ok := src.(interface{ Opaque() bool }); !ok || !o.Opaque() {
			op = draw.Over
		}
		xdraw.ApproxBiLinear.Scale(img, r.rect(x, y, w, h), src, src.Bounds(), op, nil)
	case *page.Text:
		fc, err := r.face(fs, fonts.Face(it.Face), it.Size)
		if err != nil {
			return err
		}
		d := font.Drawer{Dst: img, Src: image.NewUniform(rgba(it.Color)), Face: fc,
			Dot: fixed.Point26_6{X: fixed.Int26_6(r.px(it.X) * 64), Y: fixed.Int26_6(r.px(it.Y) * 64)}}
		track := fixed.Int26_6(r.px(it.Track) * 64)
		// by the codes the PDF draws (the emoji face finds its emoji
		// beyond U+FFFF by them, see fonts.Face.Code)
		for _, ch := range fonts.Face(it.Face).Codes(it.Text) {
			d.DrawString(string(ch))
			d.Dot.X += track
		}
	}
	return nil
}

// ContactSheet arranges page pictures in rows of spreads: the cover alone
// on the right, then left and right pages side by side, as the printed
// magazine opens.
func ContactSheet(pages []*image.RGBA, thumbW int) *image.RGBA {
	if len(pages) == 0 {
		return image.NewRGBA(image.Rect(0, 0, 1, 1))
	}
	pb := pages[0].Bounds()
	thumbH := pb.Dy() * thumbW / pb.Dx()
	gap, perRow := thumbW/10, 4 // two spreads per row
	slots := len(pages) + 1     // an empty slot left of the cover
	rows := (slots + perRow - 1) / perRow
	W := perRow*thumbW + (perRow/2+1)*gap
	H := rows*(thumbH+gap) + gap
	sheet := image.NewRGBA(image.Rect(0, 0, W, H))
	draw.Draw(sheet, sheet.Bounds(), image.NewUniform(color.RGBA{0x55, 0x55, 0x55, 255}), image.Point{}, draw.Src)
	for i, p := range pages {
		slot := i + 1
		row, col := slot/perRow, slot%perRow
		x := gap + col*thumbW + (col/2)*gap
		y := gap + row*(thumbH+gap)
		xdraw.ApproxBiLinear.Scale(sheet, image.Rect(x, y, x+thumbW, y+thumbH), p, p.Bounds(), draw.Src, nil)
	}
	return sheet
}

// Name of the picture of page i (0-based).
func Name(i int) string { return fmt.Sprintf("page-%02d.png", i+1) }
