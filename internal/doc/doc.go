// Package doc is the semantic document model of one magazine issue: what the
// reader produces from an issue folder and what every writer consumes. It
// knows nothing of Markdown, PDF or EPUB.
package doc

import (
	"time"

	"magz/internal/diag"
	"magz/internal/theme"
)

// Issue is one edition of the magazine.
type Issue struct {
	Name      string // folder name, used for output file names
	Dir       string // absolute path of the issue folder
	Magazine  string // masthead
	Title     string // theme of the issue, may be empty
	Number    int
	Date      time.Time // UTC midnight of the issue date
	Language  string    // BCP 47
	Publisher string
	// CertifiedBy is who checked the editions' accessibility and vouches
	// for it (magazine.yaml's accessibility: certified_by:); "" when no
	// one did: magz does not certify its own work.
	CertifiedBy string
	// Draft marks an issue not ready to publish (issue.yaml draft: true,
	// as magz new writes it): the website leaves it out.
	Draft    bool
	Trim     Trim
	Print    Print // how the print edition is printed
	Cover    *Figure
	Logo     *Figure // the masthead as an image (theme: masthead: logo:); nil: the name in type
	Articles []*Article
	// Colophon is the masthead box's own lines (editors, address), after
	// the magazine, issue and publisher magz writes there itself.
	Colophon []string
	// Fillers are the issue's planned fillers: notices set in a box at the
	// foot of a page an article leaves partly empty.
	Fillers []Filler
	// Plan is the planned material that fills the pages the articles
	// leave (issue.yaml planned:); nil when there is none.
	Plan *Plan
	// Theme is the magazine's design (magazine.yaml's theme:); unset, the
	// house design.
	Theme theme.Theme
	// Settings are the files the issue's settings were read from, and the
	// files they name (issue.yaml, magazine.yaml, a printer's profile,
	// typefaces): a change in any of them changes the editions.
	Settings []string
}

// Filler is a planned filler: a notice with a title, placed where an
// article ends with room to spare (see layout's copyfitting).
type Filler struct {
	Pos   diag.Pos
	Title string
	Text  []Span
}

// Paper is the kind of paper the print edition is printed on.
type Paper string

const (
	Coated   Paper = "coated"   // gloss or matte coated paper (ISO 12647-2 PC1, FOGRA39)
	Uncoated Paper = "uncoated" // uncoated offset paper (PC5, FOGRA29)
)

// Print is how the print edition is printed: the paper, or the printer's
// own ICC output profile and the name of its printing condition, and the
// job's details for the print shop.
type Print struct {
	Paper     Paper
	Profile   string // absolute path of the printer's profile; empty for magz's own
	Condition string // the printing condition the profile characterises
	// RGB keeps photos in sRGB for a printer who separates them in the
	// RIP (colour: rgb); by default magz separates them itself.
	RGB bool
	// MinPPI is the least resolution a photo may have where it is placed
	// (min_ppi:); 0 for magz's own rule.
	MinPPI int
	Job    Job
	// Sheet is the press sheet an imposed booklet is printed on, in
	// micrometres; zero for SRA3.
	Sheet Trim
	// Caliper is the paper's thickness in micrometres (thickness:, or
	// from the weight); 0 when neither is given.
	Caliper int
	Pos     diag.Pos
}

// Job is what a print shop asks with a file: the paper they sell, its
// weight, how many copies, which inks, the binding, who to call and where
// and when the copies go. Free text, printed on the hand-off sheet.
type Job struct {
	Stock    string // the paper by name, such as "HVS 80 g" or "Art paper 120 g"
	Weight   int    // g/m²; 0 when not given
	Quantity int    // copies; 0 when not given
	Colours  string // such as "4/4 (CMYK both sides)"
	Binding  string
	Contact  string
	Delivery string
}

// The resolution of pictures in print, in pixels per inch where they are
// placed: the layout sizes pictures for SharpPPI (a photo may fall to
// MinPPI where its column asks for it; flat art such as screenshots and
// logos never does), and never places one below MinPPI; the print edition
// refuses a picture under MinPPI. One place for both numbers: the layout
// and the print plan read them here.
const (
	MinPPI   = 150
	SharpPPI = 200
)

// Trim is the trimmed page size in micrometres.
type Trim struct{ Width, Height int }

// Article is one Markdown file.
type Article struct {
	Slug     string // file name without extension; unique in the issue
	Pos      diag.Pos
	Title    string // plain text, for metadata and navigation
	Subtitle string
	// TitleSpans and SubtitleSpans are the title and standfirst with their
	// inline formatting (front matter is inline Markdown).
	TitleSpans, SubtitleSpans []Span
	Author                    string
	Section                   string
	Columns                   int // 1..3
	Hero                      *Figure
	Blocks                    []Block
	Notes                     []Note // footnotes, in reference order
	// Pages is the flatplan's number of pages for the article (pages: in
	// its header), 0 when it has none; PagesPos is where it is written.
	Pages    int
	PagesPos diag.Pos
	// Rank is the article's importance as its header names it (rank:),
	// RankUnset when it names none.
	Rank Rank
	// Opener is the design of its first page as its header names it
	// (opener:); DesignAuto lets the layout choose.
	Opener theme.Design
}

// Block is a block-level element of an article.
type Block interface {
	// Position is where the block starts in its article.
	Position() diag.Pos
}

// Paragraph is running text.
type Paragraph struct {
	Pos   diag.Pos
	Spans []Span
}

// Heading is a subheading inside an article (level 2..6; level 1 becomes
// the title when the front matter has none).
type Heading struct {
	Pos   diag.Pos
	Level int
	Spans []Span
}

// Figure is a photo or illustration with its caption and credit.
type Figure struct {
	Pos   diag.Pos
	Image *Image
	Alt   string
	// Decorative marks a picture that carries no information (alt: "-"):
	// readers skip it, and it needs no alternative text.
	Decorative bool
	Caption    []Span
	Credit     string
	// Focus is the focal point, 0..1 across and down (0.5,0.5 is the
	// centre): every crop of the photo, in every edition, is centred on it
	// as far as the edges allow. FocusWritten tells that the editor wrote
	// it (focus:); otherwise the pipeline finds it in the photo before
	// layout.
	Focus        [2]float64
	FocusWritten bool
	// Luma is how light the photo's parts are: the mean lightness (0–255)
	// of an 8×8 grid over it, rows from the top, as it is shown; HasLuma
	// tells that the pipeline looked (before layout), so that type can be
	// set over the photo in a colour that reads.
	Luma    [8][8]uint8
	HasLuma bool
}

// Quote is a block quotation.
type Quote struct {
	Pos    diag.Pos
	Blocks []Block
}

// PullQuote is a short excerpt set large across columns.
type PullQuote struct {
	Pos         diag.Pos
	Spans       []Span
	Attribution string
}

// List is a bulleted or numbered list.
type List struct {
	Pos     diag.Pos
	Ordered bool
	Start   int // the number of the first item of an ordered list (may be 0)
	Items   [][]Block
}

// Table is a GFM table; Header may be empty.
type Table struct {
	Pos    diag.Pos
	Align  []Align
	Header [][]Span
	Rows   [][][]Span
}

// Align of a table column.
type Align int

const (
	AlignNone Align = iota
	AlignLeft
	AlignCenter
	AlignRight
)

// Code is a block of preformatted text.
type Code struct {
	Pos  diag.Pos
	Lang string
	Text string
}

// Rule is a thematic break.
type Rule struct{ Pos diag.Pos }

func (b *Paragraph) Position() diag.Pos { return b.Pos }
func (b *Heading) Position() diag.Pos   { return b.Pos }
func (b *Figure) Position() diag.Pos    { return b.Pos }
func (b *Quote) Position() diag.Pos     { return b.Pos }
func (b *PullQuote) Position() diag.Pos { return b.Pos }
func (b *List) Position() diag.Pos      { return b.Pos }
func (b *Table) Position() diag.Pos     { return b.Pos }
func (b *Code) Position() diag.Pos      { return b.Pos }
func (b *Rule) Position() diag.Pos      { return b.Pos }

// Style is a set of inline styles.
type Style uint8

const (
	Emph Style = 1 << iota
	Strong
	Mono
)

// Span is a run of inline text with one style. Inline structure is kept
// flat: nesting is rebuilt by writers that need it.
type Span struct {
	Text  string
	Style Style
	Link  string // target URL, empty when not a link
	Note  int    // >0: a reference to footnote Note (Text is empty)
	Break bool   // a hard line break (Text is empty)
}

// Note is a footnote, printed as an endnote of its article.
type Note struct {
	N     int
	Spans []Span
}

// Image is a source image file inside the issue folder.
type Image struct {
	Path string // absolute path on disk
	Rel  string // path relative to the issue folder, slash-separated
	Pos  diag.Pos
	// Vector marks an SVG drawing (a logo): the PDF editions draw it as
	// vectors in its own colours, the others get pixels of it.
	Vector bool
}

// PlainText returns the text of spans without styling.
func PlainText(spans []Span) string {
	n := 0
	for _, s := range spans {
		n += len(s.Text)
	}
	b := make([]byte, 0, n)
	for _, s := range spans {
		if s.Break {
			b = append(b, ' ')
		}
		b = append(b, s.Text...)
	}
	return string(b)
}

// Walk calls f for every block, depth first, entering quotes and lists.
func Walk(blocks []Block, f func(Block)) {
	for _, b := range blocks {
		f(b)
		switch b := b.(type) {
		case *Quote:
			Walk(b.Blocks, f)
		case *List:
			for _, it := range b.Items {
				Walk(it, f)
			}
		}
	}
}
