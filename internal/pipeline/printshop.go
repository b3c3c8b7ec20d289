package pipeline

import (
	"cmp"
	"context"
	"image"

	"magz/internal/msg"
	"magz/layout/impose"
	"magz/layout/page"
)

// What magz makes for the print shop besides the print edition: the
// booklet imposed on press sheets, reader spreads, and soft proofs.

// defaultCaliper is the paper's thickness, in micrometres, when the
// settings give neither its thickness nor its weight: an 80 g/m² offset
// paper's.
const defaultCaliper = 100

// sheets imposes the issue's pages for a booklet or as reader spreads.
func (w *editionWriter) sheets(f Format) (impose.Sheets, error) {
	m := w.model
	if f == Spreads {
		return impose.Spreads(len(m.Pages), m.Width, m.Height), nil
	}
	p := w.iss.Print
	opt := impose.BookletOptions{
		SheetW:  page.FromMicrometres(p.Sheet.Width),
		SheetH:  page.FromMicrometres(p.Sheet.Height),
		Caliper: page.FromMicrometres(cmp.Or(p.Caliper, defaultCaliper)),
	}
	return impose.Booklet(len(m.Pages), m.Width, m.Height, m.Bleed, opt)
}

// writeSoftProof draws every page as the press will print it: the page
// pictures, each colour separated as the photos are and then shown as
// the inks look on the paper, the paper's own colour included.
func writeSoftProof(ctx context.Context, outDir string, model *page.Issue, rendition func(*page.Image) ([]byte, bool), pr press) (string, error) {
	// with colour: rgb the RIP separates; the proof shows what the output
	// profile makes of the photos all the same
	proof, err := pr.separation.SoftProof()
	if err != nil {
		return "", msg.Errorf("the soft proof: %w", err)
	}
	return writePreviews(ctx, outDir, model, rendition, func(m *image.RGBA) {
		b := m.Bounds()
		rgb := make([]uint8, 3*b.Dx())
		for y := b.Min.Y; y < b.Max.Y; y++ {
			row := m.Pix[m.PixOffset(b.Min.X, y):m.PixOffset(b.Max.X, y)]
			for x := 0; x < b.Dx(); x++ {
				copy(rgb[3*x:3*x+3], row[4*x:4*x+3])
			}
			proof.Pixels(rgb, rgb)
			for x := 0; x < b.Dx(); x++ {
				copy(row[4*x:4*x+3], rgb[3*x:3*x+3])
			}
		}
	})
}
