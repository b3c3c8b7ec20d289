// Package pdf draws the page model as a PDF with go-pdf/fpdf. It is the only
// package that imports fpdf, and it makes no layout decisions: print and
// screen editions are the same pages drawn with different options.
package pdf

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
	"unicode/utf16"

	"github.com/go-pdf/fpdf"

	"magz/fonts"
	"magz/internal/icc"
	"magz/internal/svg"
	"magz/layout/page"
)

// Edition selects what the PDF is for.
type Edition int

const (
	// Print: trim size plus bleed and crop marks, TrimBox and BleedBox.
	Print Edition = iota
	// Screen: trim size, links and bookmarks.
	Screen
)

// Options of a PDF edition.
type Options struct {
	Edition Edition
	Date    time.Time // creation and modification date
	// Image returns the encoded rendition (JPEG or PNG) of an image item for
	// this edition; Mask, when set, its transparency as a greyscale PNG
	// (nil when it has none) when the rendition cannot carry it (a CMYK
	// JPEG), for the print edition.
	Image func(it *page.Image) (data []byte, err error)
	Mask  func(it *page.Image) []byte
	// Vector, when set, gives the drawing an image item shows (an SVG
	// logo), drawn as vectors instead of a picture; nil for a picture.
	Vector  func(it *page.Image) *svg.Art
	Creator string
	// OnPage, when set, is called as each page is drawn.
	OnPage func()
	// Context, when set, stops the writing between pages once it is
	// done (a cancelled build).
	Context context.Context
	// OutputIntent, for the print edition, makes it PDF/X-4 for that
	// printing condition; SRGB is the ICC profile RGB content is tagged
	// with.
	OutputIntent *OutputIntent
	SRGB         []byte
}

// registration is the separation that prints on every plate (PDF's
// special colourant name All).
const registration = "All"

// slug is the margin outside the trim that holds bleed and crop marks.
const slug = 12 * page.MM

// Write draws iss into w.
func Write(w io.Writer, iss *page.Issue, opt Options) error {
	off := page.Length(0)
	if opt.Edition == Print {
		off = slug
	}
	pw, ph := (iss.Width + 2*off).Points(), (iss.Height + 2*off).Points()
	d, err := newDrawer(pw, ph, iss, opt)
	if err != nil {
		return err
	}
	d.off = off
	f := d.f
	if opt.Edition == Screen && len(iss.Structure) > 0 {
		// the screen edition is tagged for readers (PDF/UA)
		d.tags = &tags{structure: iss.Structure, mcids: make([][]int, len(iss.Pages)), annots: make([][]annot, len(iss.Pages)), silent: silentFonts{}}
	}

	pageLinks := make([]int, len(iss.Pages))
	if opt.Edition == Screen {
		for i := range pageLinks {
			pageLinks[i] = f.AddLink()
		}
	}
	outline := map[int]int{} // bookmarks by page
	for _, o := range iss.Outline {
		outline[o.Page]++
	}
	for i, p := range iss.Pages {
		f.AddPage()
		d.track, d.op = 0, false
		d.page = i
		if opt.Edition == Print {
			trim := fpdf.PageBox{SizeType: fpdf.SizeType{Wd: iss.Width.Points(), Ht: iss.Height.Points()}, PointType: fpdf.PointType{X: off.Points(), Y: off.Points()}}
			b := iss.Bleed
			bleed := fpdf.PageBox{SizeType: fpdf.SizeType{Wd: (iss.Width + 2*b).Points(), Ht: (iss.Height + 2*b).Points()}, PointType: fpdf.PointType{X: (off - b).Points(), Y: (off - b).Points()}}
			f.SetPageBoxRec("TrimBox", trim)
			f.SetPageBoxRec("BleedBox", bleed)
		}
		if opt.Edition == Screen {
			f.SetLink(pageLinks[i], 0, i+1)
			for range outline[i] {
				f.Bookmark("-", 0, 0) // titled when finishing
			}
		}
		for _, it := range p.Items {
			if err := d.item(it, pageLinks); err != nil {
				return fmt.Errorf("page %d: %w", i+1, err)
			}
		}
		if opt.Edition == Print {
			d.overprint(false)
			d.cropMarks(iss.Width, iss.Height)
		}
		d.unmark()
		if err := f.Error(); err != nil {
			return fmt.Errorf("page %d: %w", i+1, err)
		}
		if opt.OnPage != nil {
			opt.OnPage()
		}
		if err := opt.cancelled(); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		return err
	}
	src, err := d.source(buf.Bytes())
	if err != nil {
		return err
	}
	src.forms, src.emoji = drawsForms(iss), d.fonts[fonts.Emoji]
	meta := Metadata{Title: iss.Title, Author: iss.Author, Language: iss.Language, Creator: opt.Creator, Date: opt.Date, Outline: outlineTitles(iss.Outline, len(iss.Pages))}
	switch {
	case opt.Edition == Print && opt.OutputIntent != nil:
		return finishPDFX(w, src, *opt.OutputIntent, opt.SRGB, meta, d.masks)
	case d.tags != nil:
		return finishUA(w, src, d.tags, meta, len(iss.NotUA) > 0)
	}
	return finishPlain(w, src, meta)
}

// cancelled is the context's error, if there is one and it is done.
func (o Options) cancelled() error {
	if o.Context == nil {
		return nil
	}
	return o.Context.Err()
}

// newDrawer starts a document of pw × ph points for the issue.
func newDrawer(pw, ph float64, iss *page.Issue, opt Options) (*drawer, error) {
	f := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: pw, Ht: ph}})
	f.SetCatalogSort(true)
	f.SetCompression(true)
	f.SetAutoPageBreak(false, 0)
	f.SetMargins(0, 0, 0)
	f.SetCreationDate(opt.Date)
	f.SetModificationDate(opt.Date)
	// The editor's texts for the document information, the language and
	// the outline are written by the finishing step: fpdf writes the
	// language unescaped and garbles (or panics on) what its own UTF-16
	// conversion does not expect.
	if opt.Edition == Screen {
		f.SetDisplayMode("fullpage", "TwoPageRight")
	} else {
		f.AddSpotColor(registration, 100, 100, 100, 100)
	}
	d := &drawer{f: f, opt: opt, fonts: map[fonts.Face]bool{}, images: map[string][]byte{}, pictures: map[string][]byte{}, bleed: iss.Bleed, silentFaces: map[fonts.Face]bool{}}
	if opt.Edition == Print && opt.OutputIntent != nil {
		var err error
		if d.rules, err = newInkRules(opt.OutputIntent.Profile); err != nil {
			return nil, err
		}
	}
	return d, nil
}

type drawer struct {
	f      *fpdf.Fpdf
	off    page.Length
	bleed  page.Length
	opt    Options
	fonts  map[fonts.Face]bool
	images map[string][]byte // the pictures registered, by key (imageKey)
	// pictures are the JPEGs fpdf was given stand-ins for, by content
	// hash (pictures.go)
	pictures map[string][]byte
	track    page.Length // letter-spacing in force on this page
	page     int         // the page being drawn
	tags     *tags       // the marked content of a tagged edition; nil when untagged
	// silentFaces are the faces whose silent copy is registered (see
	// readAs).
	silentFaces map[fonts.Face]bool
	rules       *inkRules  // the ink rules of small type and thin rules (print)
	op          bool       // black overprints in what is drawn next (print)
	masks       []softMask // pictures and their masks, for finishing
	logo        *icc.Link  // sRGB to the press, colorimetric, for drawings (made when first needed)
}

// tags records, page by page, which structure element each piece of
// marked content and each link annotation belongs to.
type tags struct {
	structure []page.Node
	mcids     [][]int   // by page, by MCID: the structure element
	annots    [][]annot // by page, in the order of fpdf's /Annots
	silent    silentFonts
	open      int // the element whose marked content is open
	isOpen    bool
	// openLang is the language of the open marked content when it is a
	// run in another script that the next piece of the run may share; ""
	// for an element's plain content, "\x00" for any other.
	openLang string
}

type annot struct {
	node     int
	contents string // what the link does, for readers (/Contents)
}

// mark puts what is drawn next into the marked content of a structure
// element, or into an artifact (furniture, decoration) for node 0 or
// less, in a tagged edition. Consecutive items of one element share one
// piece of marked content: fewer pieces for readers to assemble.
func (d *drawer) mark(node int) {
	if d.tags == nil {
		return
	}
	if node <= 0 || node >= len(d.tags.structure) {
		node = 0
	}
	if d.tags.open == node && d.tags.isOpen && d.tags.openLang == "" {
		return
	}
	d.markAs(node, "")
}

// markAs opens a new piece of marked content for node with extra
// properties (such as /ActualText).
func (d *drawer) markAs(node int, props string) {
	d.unmark()
	if node <= 0 || node >= len(d.tags.structure) {
		node = 0
	}
	d.tags.open, d.tags.isOpen, d.tags.openLang = node, true, ""
	if props != "" {
		d.tags.openLang = "\x00"
	}
	if node == 0 {
		if props != "" {
			d.f.RawWriteStr("/Artifact <<" + props + ">> BDC\n")
			return
		}
		d.f.RawWriteStr("/Artifact BMC\n")
		return
	}
	mcid := len(d.tags.mcids[d.page])
	d.tags.mcids[d.page] = append(d.tags.mcids[d.page], node)
	tag := string(d.tags.structure[node].Role)
	if props != "" {
		tag = "Span" // readers look for ActualText on Span
	}
	d.f.RawWriteStr(fmt.Sprintf("/%s <</MCID %d %s>> BDC\n", tag, mcid, props))
}

// element is the structure element marked content of node belongs to:
// node, or 0 for an artifact.
func (d *drawer) element(node int) int {
	if node <= 0 || node >= len(d.tags.structure) {
		return 0
	}
	return node
}

// unmark closes the marked content open on the page.
func (d *drawer) unmark() {
	if d.tags != nil && d.tags.isOpen {
		d.f.RawWriteStr("EMC\n")
		d.tags.isOpen = false
	}
}

func pt(l page.Length) float64 { return l.Points() }

func (d *drawer) x(l page.Length) float64 { return pt(l + d.off) }

func (d *drawer) face(face fonts.Face) error {
	if !d.fonts[face] {
		data, err := fonts.Data(face)
		if err != nil {
			return err
		}
		d.f.AddUTF8FontFromBytes(family(face), "", data)
		if err := d.f.Error(); err != nil {
			return fmt.Errorf("font %s: %w", face, err)
		}
		d.fonts[face] = true
	}
	return nil
}

func family(face fonts.Face) string { return face.Family() }

func (d *drawer) item(it page.Item, pageLinks []int) error {
	f := d.f
	switch it := it.(type) {
	case *page.Text:
		if err := d.face(fonts.Face(it.Face)); err != nil {
			return err
		}
		f.SetFont(family(fonts.Face(it.Face)), "", pt(it.Size))
		d.textColor(it.Color, it.Size < SmallText)
		if it.Track != d.track {
			// fpdf has no letter-spacing call: set the PDF text state
			// (Tc) directly; it persists until changed on this page.
			f.RawWriteStr(fmt.Sprintf("%.3f Tc\n", pt(it.Track)))
			d.track = it.Track
		}
		actual := it.HasActual && (!it.Broken || d.opt.Edition == Screen)
		// drawn by 16-bit codes (emoji beyond U+FFFF by the emoji
		// face's own); read as written
		text, read := fonts.Face(it.Face).Codes(it.Text), it.Actual
		if it.Spaced && d.tags != nil {
			// readers get the word spaces as characters
			text, read = text+" ", read+" "
		}
		switch {
		case it.HasActual && d.tags != nil && d.opt.Edition == Screen:
			return d.readAs(it)
		case it.Lang != "" && d.tags != nil && actual:
			d.markAs(it.Node, "/Lang "+textString(it.Lang)+" /ActualText "+utf16Hex(read))
			f.Text(d.x(it.X), d.x(it.Y), text)
			d.unmark()
		case it.Lang != "" && d.tags != nil:
			// a run in another script: its own piece of content, in its
			// language, which the pieces of the run drawn one after the
			// other share: readers take it as one text (see layout's
			// bidi.go)
			if !d.tags.isOpen || d.tags.open != d.element(it.Node) || d.tags.openLang != it.Lang {
				d.markAs(it.Node, "/Lang "+textString(it.Lang))
				d.tags.openLang = it.Lang
			}
			f.Text(d.x(it.X), d.x(it.Y), text)
		case actual && d.tags != nil:
			// its own piece of marked content, which reads as read (a
			// Span nested in the element's content would do, but some
			// readers end the element's content at the Span's end)
			d.markAs(it.Node, "/ActualText "+utf16Hex(read))
			f.Text(d.x(it.X), d.x(it.Y), text)
			d.unmark()
		case actual:
			f.RawWriteStr("/Span <</ActualText " + utf16Hex(read) + ">> BDC\n")
			f.Text(d.x(it.X), d.x(it.Y), text)
			f.RawWriteStr("EMC\n")
		default:
			d.mark(it.Node)
			f.Text(d.x(it.X), d.x(it.Y), text)
		}
	case *page.Rect:
		d.mark(0)
		x, y, w, h := d.extend(it.X, it.Y, it.W, it.H, it.Bleed)
		d.fillColor(it.Fill)
		d.overprint(false)
		if it.Alpha > 0 {
			f.SetAlpha(float64(it.Alpha)/100, "Normal")
		}
		f.Rect(x, y, w, h, "F")
		if it.Alpha > 0 {
			f.SetAlpha(1, "Normal")
		}
	case *page.Rule:
		d.mark(0)
		d.strokeColor(it.Color, it.Width < ThinRule)
		f.SetLineWidth(pt(it.Width))
		f.Line(d.x(it.X1), d.x(it.Y1), d.x(it.X2), d.x(it.Y2))
	case *page.Image:
		if d.opt.Vector != nil {
			if art := d.opt.Vector(it); art != nil {
				d.mark(it.Node)
				return d.drawVector(art, it)
			}
		}
		data, err := d.opt.Image(it)
		if err != nil {
			return err
		}
		key, ok := d.imageKey(data)
		name := "img" + key
		tp := "JPG"
		if bytes.HasPrefix(data, []byte("\x89PNG")) {
			tp = "PNG"
		}
		if !ok {
			reg := data
			if tp == "JPG" {
				if s, ok := standIn(data, key); ok {
					reg, d.pictures[key] = s, data
				}
			}
			f.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: tp}, bytes.NewReader(reg))
			if err := f.Error(); err != nil {
				return fmt.Errorf("image %s: %w", it.Name, err)
			}
			if d.opt.Mask != nil && d.opt.Edition == Print {
				if mask := d.opt.Mask(it); mask != nil {
					if err := d.registerMask(data, mask); err != nil {
						return fmt.Errorf("image %s: %w", it.Name, err)
					}
				}
			}
		}
		x, y, w, h := d.extend(it.X, it.Y, it.W, it.H, it.Bleed)
		d.mark(it.Node)
		d.overprint(false)
		f.ImageOptions(name, x, y, w, h, false, fpdf.ImageOptions{ImageType: tp}, 0, "")
	case *page.Link:
		if d.opt.Edition != Screen {
			return nil
		}
		if it.URL != "" {
			f.LinkString(d.x(it.X), d.x(it.Y), pt(it.W), pt(it.H), it.URL)
			d.annotate(it.Node, it.URL)
		} else if it.Page >= 0 && it.Page < len(pageLinks) {
			target := pageLinks[it.Page]
			if it.TargetY > 0 {
				// a place down a page (a footnote and its reference)
				target = f.AddLink()
				f.SetLink(target, pt(max(it.TargetY, 0)), it.Page+1)
			}
			f.Link(d.x(it.X), d.x(it.Y), pt(it.W), pt(it.H), target)
			d.annotate(it.Node, cmp.Or(it.Title, fmt.Sprint(it.Page+1)))
		}
	}
	return nil
}

// Colours: fpdf knows RGB only. The print edition follows each of its
// colour calls with the process-colour operator (k, K), which replaces the
// colour fpdf just set. Text takes the fill colour: fpdf writes no colour
// of its own for text when the text and fill colours are equal.

func (d *drawer) fillColor(c page.Color) { d.fill(c, inks(c)) }

// fill sets c as the fill colour, printing in the inks v.
func (d *drawer) fill(c page.Color, v [4]int) {
	d.f.SetFillColor(int(c.R), int(c.G), int(c.B))
	if d.opt.Edition == Print {
		d.f.RawWriteStr(inkOp(v, "k"))
	}
}

// textColor sets the colour of text; small text (under SmallText) keeps
// to the ink rules.
func (d *drawer) textColor(c page.Color, small bool) {
	d.f.SetTextColor(int(c.R), int(c.G), int(c.B))
	v := d.inksOf(c, small)
	d.fill(c, v)
	d.overprint(overprints(v))
}

// strokeColor sets the colour of lines; thin ones (under ThinRule) keep
// to the ink rules.
func (d *drawer) strokeColor(c page.Color, thin bool) {
	d.f.SetDrawColor(int(c.R), int(c.G), int(c.B))
	if d.opt.Edition == Print {
		v := d.inksOf(c, thin)
		d.f.RawWriteStr(inkOp(v, "K"))
		d.overprint(overprints(v))
	}
}

// inksOf is c in print; small and thin items in black or one ink.
func (d *drawer) inksOf(c page.Color, small bool) [4]int {
	v := inks(c)
	if small && d.rules != nil {
		v = d.rules.small(v)
	}
	return v
}

// annotate records the link annotation fpdf just added to the page.
func (d *drawer) annotate(node int, contents string) {
	if d.tags != nil {
		d.tags.annots[d.page] = append(d.tags.annots[d.page], annot{node: node, contents: contents})
	}
}

// extend grows a frame into the bleed on the edges it touches
// (page.Edges.Extend), in PDF units; on screen the part past the trim is
// simply outside the page.
func (d *drawer) extend(x, y, w, h page.Length, e page.Edges) (float64, float64, float64, float64) {
	x, y, w, h = e.Extend(x, y, w, h, d.bleed)
	return d.x(x), d.x(y), pt(w), pt(h)
}

// cropMarks draws the trim marks at the four corners, outside the bleed.
func (d *drawer) cropMarks(W, H page.Length) {
	f := d.f
	// Registration colour: the marks print on every plate, so the printer
	// can line the plates up.
	f.SetDrawSpotColor(registration, 100)
	f.SetLineWidth(0.25)
	gap := d.bleed + page.MM    // marks start past the bleed
	l := slug - gap - page.MM/2 // and end inside the media
	o := d.off
	for _, cx := range []page.Length{0, W} {
		for _, cy := range []page.Length{0, H} {
			sx := page.Length(-1)
			if cx == W {
				sx = 1
			}
			sy := page.Length(-1)
			if cy == H {
				sy = 1
			}
			// horizontal mark on the line y = cy
			f.Line(pt(o+cx+sx*gap), pt(o+cy), pt(o+cx+sx*(gap+l)), pt(o+cy))
			// vertical mark on the line x = cx
			f.Line(pt(o+cx), pt(o+cy+sy*gap), pt(o+cx), pt(o+cy+sy*(gap+l)))
		}
	}
}

// utf16Hex encodes s as a PDF hex string in UTF-16BE with a byte order mark.
func utf16Hex(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}

// ImageSize is the pixel size planned for one placed image. Same is equal
// for placements that show the same picture (one rendition).
type ImageSize struct {
	Same string
	W, H int
}

// DistinctWidths narrows planned images, in place, so that pictures that
// differ also differ in pixel width, keeping each one's aspect ratio.
// fpdf writes the images of one width in Go's map order, so without this
// the same issue would give different bytes from run to run. The first
// picture of each width keeps it; later ones lose a pixel or a few.
func DistinctWidths(sizes []ImageSize) {
	owner := map[int]string{}    // width -> the picture that has it
	given := map[string][2]int{} // picture -> its width and height
	for i := range sizes {
		s := &sizes[i]
		if wh, ok := given[s.Same]; ok {
			// the same picture again gets the very same size: one
			// rendition, not two of one width that fpdf would order by
			// chance
			s.W, s.H = wh[0], wh[1]
			continue
		}
		w := s.W
		for {
			if o, ok := owner[w]; !ok || o == s.Same {
				break
			}
			w--
		}
		if w != s.W {
			s.H = (2*s.H*w + s.W) / (2 * s.W)
			s.W = w
		}
		owner[w] = s.Same
		given[s.Same] = [2]int{s.W, s.H}
	}
}

// outlineTitles are the bookmarks' titles in the order they are drawn:
// page by page.
func outlineTitles(items []page.OutlineItem, pages int) []string {
	items = slices.Clone(items)
	slices.SortStableFunc(items, func(a, b page.OutlineItem) int { return a.Page - b.Page })
	var out []string
	for _, o := range items {
		if o.Page >= 0 && o.Page < pages {
			out = append(out, o.Title)
		}
	}
	return out
}
