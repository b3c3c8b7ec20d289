package doc

import "magz/internal/diag"

// Plan is the planned material (issue.yaml planned:): what fills
// the pages the articles leave, so that every printed page carries the
// issue's own material and none is padding. The layout decides what goes
// where; magz check reports the page budget.
type Plan struct {
	// Ads are house advertisements and public-service notices, made as
	// images to a size (full, half or quarter page), in the order the
	// layout uses them.
	Ads []*Ad
	// Photo is the photo page ("Foto Bulan Ini"): a photo across a page
	// with its title and caption; nil when none.
	Photo *PhotoPage
	// Pages are pages of the issue's own set from Markdown (an agenda,
	// letters): each an article of one page, after the articles.
	Pages []*Article
	// NotesPages are the ruled notes pages an editor asks for.
	NotesPages int
	// Pos is where planned: is written.
	Pos diag.Pos
}

// AdSize is the size an advertisement is made to.
type AdSize int

const (
	AdFull    AdSize = iota + 1 // the whole page, to the trim and its bleed
	AdHalf                      // the text area's width, half its height
	AdQuarter                   // the text area's width, a quarter of its height
)

// AdSizeNames are the names of the sizes in issue.yaml, full first.
func AdSizeNames() []string { return []string{"full", "half", "quarter"} }

// ParseAdSize reads a size as issue.yaml names it.
func ParseAdSize(name string) (AdSize, bool) {
	for i, n := range AdSizeNames() {
		if n == name {
			return AdSize(i + 1), true
		}
	}
	return 0, false
}

// String is the size's name in issue.yaml.
func (s AdSize) String() string {
	if s < AdFull || s > AdQuarter {
		return ""
	}
	return AdSizeNames()[s-1]
}

// Ad is an advertisement or a public-service notice, printed as its image
// is made: never cropped, never set over.
type Ad struct {
	Figure *Figure // the image, its alternative text and its position
	Size   AdSize
	// Notice marks a public-service notice (a health campaign, a tax
	// deadline, emergency numbers) rather than a house advertisement.
	Notice bool
	// Title names it in the budget and the structure ("Imunisasi").
	Title string
}

// PhotoPage is a photo set across a page with a title and its caption.
type PhotoPage struct {
	Title  string // "Foto Bulan Ini" when none is given
	Figure *Figure
}

// Figures lists the plan's pictures, in order.
func (p *Plan) Figures() []*Figure {
	if p == nil {
		return nil
	}
	var out []*Figure
	for _, a := range p.Ads {
		out = append(out, a.Figure)
	}
	if p.Photo != nil {
		out = append(out, p.Photo.Figure)
	}
	for _, a := range p.Pages {
		out = append(out, a.Hero)
		Walk(a.Blocks, func(b Block) {
			if f, ok := b.(*Figure); ok {
				out = append(out, f)
			}
		})
	}
	return out
}
