package pipeline

import (
	"cmp"
	"fmt"
	"math"
	"os"
	"sort"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/images"
	"magz/internal/svg"
	"magz/layout/page"
	"magz/layout/pdf"
)

// The renditions each edition gets. One place for the numbers: the image
// stage makes what this plan asks for and knows nothing of editions.
const (
	printPPI    = 300          // the resolution print photos are made at
	lowPrintPPI = doc.SharpPPI // below this a print photo looks soft: a warning
	// minPrintPPI is the least resolution a print photo may have where
	// it is placed: below it the print shop would query the file, so the
	// print build fails (print: min_ppi: lowers it on purpose).
	minPrintPPI    = doc.MinPPI
	printQuality   = 88  // JPEG quality of print renditions (RGB)
	inkQuality     = 90  // and of renditions separated into inks
	maxOriginalPPI = 450 // an RGB JPEG up to this is embedded as it is (no re-encoding)

	screenPPI     = 150
	screenQuality = 82

	epubMaxSide   = 1600      // pixels on the long side
	epubMaxPixels = 4_000_000 // and in all
	epubQuality   = 80

	// fullCrop is how close to the edges (in millionths) a crop may stay and
	// still count as the whole photo.
	fullCrop = 2500
)

// plan holds the rendition each placed image needs in each edition.
type plan struct {
	infos  map[string]*images.Info
	bleed  page.Length
	press  press // the print edition's printing condition
	minPPI int   // the least resolution of a print photo
	print  map[*page.Image]images.Request
	screen map[*page.Image]images.Request
	// vectors are the drawings (an SVG logo) the PDF editions draw as
	// vectors, by path
	vectors map[string]*svg.Art
	epub    map[string]images.Request // by source path
	// the least resolution of a photo in the print edition, and its name
	lowestPPI   int64
	lowestPhoto string
}

// newPlan plans the renditions of the editions in want (screen ones also for
// previews). Photos below print resolution are warned of at their use in
// the text.
func newPlan(iss *doc.Issue, model *page.Issue, infos map[string]*images.Info, pr press, want map[Format]bool, previews bool, diags *diag.List) *plan {
	p := &plan{infos: infos, bleed: model.Bleed, press: pr, minPPI: cmp.Or(iss.Print.MinPPI, minPrintPPI), vectors: vectorsOf(iss)}
	if printed(want) {
		p.print = p.forPDF(model, printPPI, true, positions(iss), diags)
	}
	if want[EPUB] {
		p.epub = p.forEPUB(Images(iss))
	}
	if want[Screen] || previews || want[SoftProof] {
		p.screen = p.forPDF(model, screenPPI, false, nil, nil)
	}
	return p
}

// vectorsOf reads the issue's drawings (the reader has checked them).
func vectorsOf(iss *doc.Issue) map[string]*svg.Art {
	out := map[string]*svg.Art{}
	for _, img := range Images(iss) {
		if !img.Vector {
			continue
		}
		if data, err := os.ReadFile(img.Path); err == nil {
			if a, err := svg.Parse(data); err == nil {
				out[img.Path] = a
			}
		}
	}
	return out
}

// requests lists every rendition of the plan.
func (p *plan) requests() []images.Request {
	var out []images.Request
	for _, m := range []map[*page.Image]images.Request{p.print, p.screen} {
		for _, r := range m {
			out = append(out, r)
		}
	}
	for _, r := range p.epub {
		out = append(out, r)
	}
	return out
}

func positions(iss *doc.Issue) map[string]diag.Pos {
	pos := map[string]diag.Pos{}
	for _, img := range Images(iss) {
		pos[img.Path] = img.Pos
	}
	return pos
}

// forPDF plans the renditions of a PDF edition at ppi. Sizes are worked out
// in integers (lengths in thousandths of a point, crops in millionths) so
// that every machine plans the same pixels.
func (p *plan) forPDF(model *page.Issue, ppi int, print bool, pos map[string]diag.Pos, diags *diag.List) map[*page.Image]images.Request {
	out := map[*page.Image]images.Request{}
	var order []*page.Image
	const perInch = 72 * int64(page.Pt)
	for _, pg := range model.Pages {
		for _, it := range pg.Items {
			img, ok := it.(*page.Image)
			if !ok {
				continue
			}
			in := p.infos[img.Source]
			if in == nil || print && in.Format == "svg" {
				continue // a drawing prints as vectors: no pixels
			}
			_, _, fw, fh := img.Bleed.Extend(img.X, img.Y, img.W, img.H, p.bleed)
			w, h := max(int64(fw), 1), max(int64(fh), 1)
			cropW := int64(img.Crop[2]-img.Crop[0]) * int64(in.Width) / 1e6
			cropH := int64(img.Crop[3]-img.Crop[1]) * int64(in.Height) / 1e6
			tw := min((w*int64(ppi)+perInch-1)/perInch, cropW)
			th := (2*tw*h + w) / (2 * w)
			if th > cropH {
				// never more pixels than the source has, in either direction
				th = cropH
				tw = (2*th*w + h) / (2 * h)
			}
			req := images.Request{Path: img.Source, Crop: img.Crop, W: int(max(tw, 1)), H: int(max(th, 1)), Quality: screenQuality}
			full := img.Crop[0] <= fullCrop && img.Crop[1] <= fullCrop && img.Crop[2] >= 1e6-fullCrop && img.Crop[3] >= 1e6-fullCrop
			if e, ok := p.epub[img.Source]; ok && !print && full && e.W >= req.W && e.W <= 2*req.W {
				// The EPUB's rendition of an uncropped photo serves the
				// screen PDF too: one encoding fewer, the same picture.
				req = e
			}
			if print {
				req.Quality = printQuality
				eff := cropW * perInch / w // effective ppi where it is placed
				if p.lowestPhoto == "" || eff < p.lowestPPI {
					p.lowestPPI, p.lowestPhoto = eff, img.Name
				}
				wmm, hmm := (w*254+perInch*5)/(perInch*10), (h*254+perInch*5)/(perInch*10)
				switch {
				case diags == nil:
				case eff < int64(p.minPPI):
					diags.Errorf(pos[img.Source], "photo %s is %d ppi where it is placed in the print edition (%d×%d mm), under the %d ppi a print shop accepts; use a larger photo, place it smaller, or lower print: min_ppi: on purpose",
						img.Name, eff, wmm, hmm, p.minPPI)
				case eff < lowPrintPPI:
					diags.Warnf(pos[img.Source], "photo %s is low resolution for print: %d ppi where it is placed (%d×%d mm); %d ppi is best, under %d looks soft",
						img.Name, eff, wmm, hmm, printPPI, lowPrintPPI)
				}
				switch {
				case p.press.inks != nil:
					// separated at build time into the press's inks
					req.Colour, req.Press, req.Quality = images.Inks, p.press.inks, inkQuality
				case full && in.Format == "jpeg" && in.Orientation == 1 && in.Model != "cmyk" && eff <= maxOriginalPPI:
					req = images.Request{Path: img.Source, Crop: [4]int{0, 0, 1e6, 1e6}, W: in.Width, H: in.Height, Original: true}
				}
			}
			if in.Alpha && req.Colour == images.RGB {
				// transparency stays: a PNG, whose alpha the PDF keeps as
				// a soft mask (a JPEG would put a white box down)
				req.Encoding, req.Original = images.PNG, false
			}
			out[img] = req
			order = append(order, img)
		}
	}
	// fpdf orders images of equal width by chance: give every distinct
	// rendition a width of its own.
	sizes := make([]pdf.ImageSize, len(order))
	for i, img := range order {
		r := out[img]
		sizes[i] = pdf.ImageSize{Same: fmt.Sprint(r.Path, r.Crop, r.W, r.H, r.Original, r.Colour, r.Encoding), W: r.W, H: r.H}
	}
	pdf.DistinctWidths(sizes)
	for i, img := range order {
		r := out[img]
		if sizes[i].W != r.W {
			r.W, r.H, r.Original = sizes[i].W, sizes[i].H, false
			out[img] = r
		}
	}
	return out
}

// forEPUB plans one rendition per photo: the whole photo, at most
// epubMaxSide on its long side and epubMaxPixels in all.
func (p *plan) forEPUB(imgs []*doc.Image) map[string]images.Request {
	out := map[string]images.Request{}
	sort.Slice(imgs, func(i, j int) bool { return imgs[i].Path < imgs[j].Path })
	for _, img := range imgs {
		in := p.infos[img.Path]
		if in == nil {
			continue
		}
		// Products, quotients, square roots and math.Round only: each is
		// rounded once, the same on every machine (no fused multiply-add).
		w, h := float64(in.Width), float64(in.Height)
		scale := 1.0
		if long := max(w, h); long > epubMaxSide {
			scale = epubMaxSide / long
		}
		if px := w * h * scale * scale; px > epubMaxPixels {
			scale *= math.Sqrt(epubMaxPixels / px)
		}
		req := images.Request{Path: img.Path, Crop: [4]int{0, 0, 1e6, 1e6},
			W: max(1, int(math.Round(w*scale))), H: max(1, int(math.Round(h*scale))), Quality: epubQuality}
		if in.Alpha {
			req.Encoding = images.PNG
		}
		out[img.Path] = req
	}
	return out
}
