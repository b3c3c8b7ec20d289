// Package theme is a magazine's design as data: its grid, type sizes and
// colours, every value named. The house design is Default; a magazine's
// magazine.yaml (theme:) changes what it names. The reader fills it in,
// the layout sets pages with it, the EPUB's style sheet takes its colours.
package theme

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"magz/fonts"
	"magz/internal/msg"
	"magz/layout/page"
)

// Theme is the design of a magazine.
type Theme struct {
	// The page: margins around the text area, the space between
	// columns, and how far bleeding photos run past the trim.
	MarginTop, MarginBottom, MarginInner, MarginOuter page.Length
	Gutter                                            page.Length
	Bleed                                             page.Length
	// Body text: its size, and its leading, which is the baseline grid
	// every column keeps to.
	BodySize, Grid page.Length
	// Columns is an article's number of columns when its header names none;
	// OneColumn is a single column's widest, in percent of the text
	// width; Measure the characters of a line it holds at most (a single
	// column is as narrow as that: 55 to 70 characters read best).
	Columns, OneColumn, Measure int
	// Type is the typefaces.
	Type Typefaces
	// Cover is the cover's layout.
	Cover Cover
	// Furniture is the running heads and folios.
	Furniture Furniture
	// Scale is the type sizes of every part; Headlines the headlines'
	// sizes by the article's rank.
	Scale     Scale
	Headlines Headlines
	// Space is the spaces, rules and shades of the parts in the columns.
	Space Space
	// Opener, Contents, Pages: the spaces of an article's opener, of the
	// contents pages, and of the furniture, notes pages and back cover.
	Opener   Opener
	Contents Contents
	Pages    Pages
	// Pictures is how pictures are sized, cropped and grouped.
	Pictures Pictures
	// The colours: text, the accent (section labels, pull quotes, drop
	// caps), the deep colour (headlines, rules, the back cover), muted
	// text (captions, running heads), the paper, and the tint behind
	// boxes and tables. Each has its screen form (RGB) and may have its
	// print form (CMYK).
	Ink, Accent, Deep, Muted, Paper, Tint page.Color
	// Highlight sets off the issue's theme and the sections on the cover.
	Highlight page.Color
	// Sections give the articles of a section (compared without case) an
	// accent of their own.
	Sections map[string]page.Color
}

// AccentOf is the accent of an article of the given section.
func (t Theme) AccentOf(section string) page.Color {
	for name, c := range t.Sections {
		if strings.EqualFold(name, section) {
			return c
		}
	}
	return t.Accent
}

// Size is a type size with its leading.
type Size struct{ Size, Leading page.Length }

// Scale is the design's type sizes, every part by name (body text's is
// BodySize and Grid).
type Scale struct {
	// BaselineRise is how far a line's baseline sits above the foot of
	// its grid line (room for descenders).
	BaselineRise page.Length
	// In the columns: subheadings (##) and smaller ones (###), notes,
	// captions, code, and pull quotes (in a column, and as a band across
	// the page).
	Heading, Subheading      page.Length
	Notes, Caption           Size
	Code                     page.Length
	PullQuote, PullQuoteBand page.Length
	PhotoCaption             Size // over a full-page photo
	// The opener: the standfirst, the byline and section (the title's
	// size is the rank's, from Theme.Headlines).
	Standfirst, Byline, Section Size
	// The page's furniture and the boxes of planned fillers.
	RunningHead Size
	BoxTitle    page.Length
	BoxText     Size
	// The contents: an entry's section, title, standfirst, byline and
	// page number; the issue's theme under the heading; the imprint line.
	ContentsSection, ContentsTitle, ContentsStandfirst Size
	ContentsBy, ContentsNumber, ContentsTheme          Size
	Imprint                                            Size
	// The cover lines' sections (their titles: Cover).
	CoverSection Size
	// A pull quote\'s attribution.
	Attribution Size
}

// Headlines is the scale of headline sizes, by an article's rank: the
// lead story's the largest, news briefs' the smallest. A headline is set
// at its rank's size whatever its length; only one that would not fit its
// opener otherwise is set smaller, and the copyfit report says so.
type Headlines struct {
	Lead, Feature, Short, Brief page.Length
}

// Sizes are the sizes in the order of the ranks, lead first.
func (h Headlines) Sizes() []page.Length { return []page.Length{h.Lead, h.Feature, h.Short, h.Brief} }

// Space is the spaces, rule weights and shades of the parts set in the
// columns, every one by name.
type Space struct {
	DropCapGap page.Length // between a drop cap and the text beside it
	// A drop cap stands DropCapLines lines high, its size DropCapScale
	// percent of those lines' height (less its overshoot), set only in an
	// opening paragraph of more than DropCapMin characters.
	DropCapLines, DropCapScale, DropCapMin int
	// A pull quote's leading, in percent of its size.
	PullLeading int
	// A section break (***): half its rule's length, and the rule's weight.
	BreakRule, BreakRuleWidth page.Length
	// Block quotes: the text's indent, the bar's distance from the column
	// edge and its weight; lists: the items' indent, the marker's inset.
	QuoteIndent, QuoteBar, QuoteBarWidth, ListIndent, ListMarker page.Length
	// Figures: from the photo to its caption, and after the caption.
	CaptionGap, CaptionAfter page.Length
	// Pull quotes: the rules' distance from the top and their weight, the
	// space over the text, after it, over the attribution, and at the end.
	PullRule, PullRuleWidth, PullOver, PullUnder, PullAttribution, PullEnd page.Length
	PullWidth                                                              int // a band's text, in percent of the page's text width
	// Code: the line height in percent of the grid, the padding to the
	// right, the text's inset, the baseline's rise.
	CodeLeading                      int
	CodePad, CodeInset, CodeBaseline page.Length
	// Tables: a cell's padding, the narrowest column, the space under a
	// row's lines, the rule's weight.
	CellPad, MinColumn, RowUnder, RowRuleWidth page.Length
	// A full-page photo's caption band: the padding, the distance from the
	// foot, the inset of its text, its shade (percent black).
	PhotoBandPad, PhotoBandFoot, PhotoBandInset page.Length
	PhotoBandShade                              int
	PhotoBandThirds                             int // the caption's width, in thirds of the text width
	// Planned fillers' boxes: the padding, and the space under the title.
	BoxPad, BoxTitleUnder page.Length
	// A short item running in below another: the space over it (in grid
	// lines), with a rule of this weight in its middle.
	RunInLines     int
	RunInRuleWidth page.Length
}

// Opener is the design of an article's first page.
type Opener struct {
	// Design is the design photo stories take first (DesignAuto: by each
	// article's kind and photo); Interviews are the sections (compared
	// without case) whose articles open with a portrait and a quote.
	Design     Design
	Interviews []string
	// Beside and portrait openers: the photo's width, in percent of the
	// page's; its height (percent of the page's) at least and at most.
	BesideWidth, PortraitWidth int
	BesideMin, BesideMax       int
	PortraitMin, PortraitMax   int
	// The quote of a portrait opener: its size, and the rules above and
	// below it.
	Quote Size
	// A band opener: the band's padding.
	BandPad page.Length
	// The opener photo's height, in percent of the page's: landscape and
	// portrait photos.
	PhotoLandscape, PhotoPortrait int
	// Under the photo; over and under its caption, and after both.
	UnderPhoto, OverCaption, UnderCaption, AfterPhoto page.Length
	CaptionThirds                                     int // the caption's width, in thirds of the text width
	Caption                                           Size
	// Over the section label without a photo; the label's space over, its
	// bar's length, thickness and gap, and the space under it.
	NoPhoto, OverSection, SectionBar, SectionBarHeight, SectionBarGap, UnderSection page.Length
	// The title: its leading (percent of its size), where its first
	// baseline falls (percent of its size), the space under it.
	TitleLeading, TitleDrop int
	UnderTitle              page.Length
	// The standfirst's width (percent) and the space under it; the
	// byline's space over; the space over the closing rule, its weight,
	// and the space under it.
	StandfirstWidth                                             int
	UnderStandfirst, OverByline, OverRule, RuleWidth, UnderRule page.Length
	// The least room (in grid lines) for text under the opener's head.
	MinLines int
}

// Pictures is how pictures are sized, cropped and grouped.
type Pictures struct {
	// CropLimit is the most of a photo's width or height (percent) a crop
	// may take away: a frame that would take more gets the photo fitted
	// (whole, narrower) instead. Flat art — screenshots, maps, logos — is
	// never cropped.
	CropLimit int
	// An inset (a picture narrower than its column, for want of pixels or
	// of height): the gap between it and the caption beside it, and the
	// least width of that caption (narrower, the caption goes under it).
	InsetGap, InsetCaption page.Length
}

// Contents is the design of the contents pages.
type Contents struct {
	// The heading's size, its first baseline's distance from the top
	// margin, and the space under it; the space over the issue's theme;
	// the space over the rule and its weight; the space under it.
	Heading                                        Size
	HeadingDrop, UnderHeading, OverTheme, OverRule page.Length
	RuleWidth, UnderRule                           page.Length
	// An entry: the page number's column, its baseline, the section's
	// baseline, the space under the title, under the entry, the entry
	// rule's weight and rise; the room kept at the foot; the imprint's
	// rule distance and weight.
	NumberColumn, NumberDrop, SectionDrop, UnderTitle, UnderEntry      page.Length
	EntryRuleWidth, EntryRuleRise, Foot, ImprintRule, ImprintRuleWidth page.Length
	EntryRule                                                          page.Color
}

// Pages is the design of the furniture, the notes pages and the back
// cover.
type Pages struct {
	// The folio's size and its baseline's distance from the foot; the
	// running head's baseline and the rule under it, with its weight.
	Folio                                            Size
	FolioFoot, HeadBaseline, HeadRule, HeadRuleWidth page.Length
	HeadThirds                                       int // the running head\'s width, in thirds of the text width
	// Notes pages: the heading's size and place, where the lines start,
	// their weight and colour.
	NotesHeading                               Size
	NotesHeadingDrop, NotesTop, NotesLineWidth page.Length
	NotesLine                                  page.Color
	// The back cover: the name's size, the issue line's and the
	// publisher's; the side margin, the name's rise above the middle, the
	// publisher's distance from the foot and its colour; with a logo, the
	// logo's width (percent of the width between the margins) and the
	// padding of the paper's plate under it.
	BackName, BackIssue, BackPublisher Size
	BackMargin, BackRise, BackFoot     page.Length
	BackPublisherColour                page.Color
	BackLogo                           int
	BackPlate                          page.Length
}

// Folio positions.
const (
	FolioOuter  = "outer"  // at the outer corner of the foot
	FolioCentre = "centre" // centred at the foot
)

// Furniture is what every article page carries besides its content.
type Furniture struct {
	Folio string // FolioOuter or FolioCentre
	// RunningHeads: the magazine's name on left pages and the section
	// (or title) on right pages, above a rule; false leaves them out.
	RunningHeads bool
}

// Cover layouts.
const (
	// CoverPhoto: the photo fills the cover; the masthead and the cover
	// lines stand on dark bands over it.
	CoverPhoto = "photo"
	// CoverFrame: the masthead and the cover lines stand on the paper,
	// the photo framed between them.
	CoverFrame = "frame"
)

// Cover is how the cover is laid out.
type Cover struct {
	Layout string // CoverPhoto or CoverFrame
	// SkipSections are the sections (compared without case) whose
	// articles get no cover line: the editorial is not news.
	SkipSections []string
	// The type's margin; the largest masthead name and the tallest logo;
	// where the name's baseline falls (percent of its size); the issue
	// line's size and the space over it.
	Margin, MastheadMax, LogoMax page.Length
	MastheadDrop                 int
	IssueLine                    Size
	UnderMasthead                page.Length
	// The cover lines: the lead's title and standfirst, and the others'
	// titles (their sections are Scale.CoverSection).
	LeadTitle, LeadStandfirst, SecondTitle Size
	// On the photo: the space under the masthead band's type and the
	// band's shade (a logo stands on the paper instead); the reach of the
	// photo's subject about its focal point (percent of the page's width),
	// which the masthead and lines keep clear of; the cover lines' width
	// (percent), distance from the foot, the band over them and its shade,
	// or, beside a low subject, their column's least width (percent); the
	// space between lines; the credit's size, colour and distance from the
	// foot.
	UnderBand            page.Length
	BandShade            int
	Subject              int
	LinesWidth           int
	LinesFoot, LinesBand page.Length
	LinesShade           int
	SideWidth            int
	BetweenLines         page.Length
	Credit               Size
	CreditColour         page.Color
	CreditFoot           page.Length
	// Framed: the space under the masthead, over and under the rule and
	// its weight; the gap between the two columns of lines, the space over
	// them, the smallest photo worth framing, and the credit's drop.
	UnderMastheadFramed, OverRule, UnderRule, RuleWidth page.Length
	ColumnGap, OverLines, MinPhoto, CreditDrop          page.Length
}

// Typefaces are the faces text is set in: the text face (body text,
// standfirsts, quotes) and the display face (headlines, captions, running
// heads, folios), each in four styles. Code and symbols the faces lack
// are set in the bundled DejaVu faces whatever the theme.
type Typefaces struct {
	Text, TextItalic, TextBold, TextBoldItalic        fonts.Face
	Display, DisplayItalic, DisplayBold, DisplayBlack fonts.Face
}

// Faces lists the typefaces' faces, text then display.
func (t Typefaces) Faces() []fonts.Face {
	return []fonts.Face{t.Text, t.TextItalic, t.TextBold, t.TextBoldItalic, t.Display, t.DisplayItalic, t.DisplayBold, t.DisplayBlack}
}

// Default is the house design.
func Default() Theme {
	return Theme{
		MarginTop: 20 * page.MM, MarginBottom: 20 * page.MM, MarginInner: 17 * page.MM, MarginOuter: 15 * page.MM,
		Gutter: 5 * page.MM, Bleed: 3 * page.MM,
		BodySize: 9600, Grid: 13 * page.Pt,
		Columns: 2, OneColumn: 70, Measure: 62,
		Type: Typefaces{Text: fonts.Serif, TextItalic: fonts.SerifItalic, TextBold: fonts.SerifBold, TextBoldItalic: fonts.SerifBoldItalic,
			Display: fonts.Sans, DisplayItalic: fonts.SansItalic, DisplayBold: fonts.SansBold, DisplayBlack: fonts.SansBlack},
		// Text ink is black ink alone in print: small type on one plate
		// cannot show misregistration.
		Ink:       page.Color{R: 0x1d, G: 0x1b, B: 0x19}.CMYK(0, 0, 0, 100),
		Accent:    page.Color{R: 0xb8, G: 0x3a, B: 0x1e}.CMYK(10, 85, 100, 10), // red earth
		Deep:      page.Color{R: 0x0f, G: 0x4c, B: 0x5c}.CMYK(95, 45, 40, 35),  // deep sea
		Muted:     page.Color{R: 0x6b, G: 0x66, B: 0x60},
		Paper:     page.Color{R: 0xff, G: 0xff, B: 0xff},
		Tint:      page.Color{R: 0xf1, G: 0xec, B: 0xe4}.CMYK(0, 3, 7, 4),
		Highlight: page.Color{R: 0xff, G: 0xd9, B: 0xb0}, // sunrise
		Cover: Cover{Layout: CoverPhoto, SkipSections: []string{"editorial", "tajuk"},
			Margin: 14 * page.MM, MastheadMax: 96 * page.Pt, LogoMax: 40 * page.MM, MastheadDrop: 72,
			IssueLine: Size{10 * page.Pt, 13 * page.Pt}, UnderMasthead: 8 * page.Pt,
			LeadTitle: Size{30 * page.Pt, 32 * page.Pt}, LeadStandfirst: Size{11 * page.Pt, 14 * page.Pt}, SecondTitle: Size{16 * page.Pt, 18 * page.Pt},
			UnderBand: 8 * page.MM, BandShade: 45, Subject: 8, SideWidth: 38,
			LinesWidth: 62, LinesFoot: 16 * page.MM, LinesBand: 12 * page.MM, LinesShade: 40, BetweenLines: 8 * page.Pt,
			Credit: Size{6 * page.Pt, 7 * page.Pt}, CreditColour: page.Color{R: 0xee, G: 0xee, B: 0xee}, CreditFoot: 6 * page.MM,
			UnderMastheadFramed: 6 * page.Pt, OverRule: 3 * page.MM, UnderRule: 5 * page.MM, RuleWidth: 1500,
			ColumnGap: 6 * page.MM, OverLines: 6 * page.MM, MinPhoto: 20 * page.MM, CreditDrop: 7 * page.Pt,
		},
		Furniture: Furniture{Folio: FolioOuter, RunningHeads: true},
		Scale: Scale{
			BaselineRise: 3200,
			Heading:      11500, Subheading: 9500,
			Notes: Size{7800, 10 * page.Pt}, Caption: Size{7500, 9500},
			Code:      7200,
			PullQuote: 15 * page.Pt, PullQuoteBand: 19 * page.Pt,
			// 9 pt: a caption reversed out of a photo is 9 pt or bold
			PhotoCaption: Size{9 * page.Pt, 11500},
			Standfirst:   Size{13 * page.Pt, 17 * page.Pt}, Byline: Size{8500, 11 * page.Pt}, Section: Size{8500, 11 * page.Pt},
			RunningHead:     Size{7500, 9 * page.Pt},
			ContentsSection: Size{7500, 10 * page.Pt}, ContentsTitle: Size{13 * page.Pt, 15 * page.Pt}, ContentsStandfirst: Size{9 * page.Pt, 11500},
			ContentsBy: Size{7500, 10 * page.Pt}, ContentsNumber: Size{20 * page.Pt, 20 * page.Pt}, ContentsTheme: Size{13 * page.Pt, 16 * page.Pt},
			Imprint:  Size{7500, 10 * page.Pt},
			BoxTitle: 9500, BoxText: Size{8500, 11 * page.Pt},
			CoverSection: Size{8 * page.Pt, 10 * page.Pt},
			Attribution:  Size{8 * page.Pt, 10 * page.Pt},
		},
		Headlines: Headlines{Lead: 40 * page.Pt, Feature: 32 * page.Pt, Short: 24 * page.Pt, Brief: 18 * page.Pt},
		Pictures:  Pictures{CropLimit: 30, InsetGap: 4 * page.MM, InsetCaption: 30 * page.MM},
		Opener: Opener{
			Interviews:  []string{"wawancara", "interview", "profil", "profile", "sosok", "tokoh"},
			BesideWidth: 44, PortraitWidth: 42, BesideMin: 26, BesideMax: 50, PortraitMin: 48, PortraitMax: 62,
			Quote: Size{17 * page.Pt, 21 * page.Pt}, BandPad: 8 * page.MM,
			PhotoLandscape: 46, PhotoPortrait: 52,
			UnderPhoto: 5 * page.Pt, OverCaption: 7 * page.Pt, UnderCaption: 4 * page.Pt, AfterPhoto: 6 * page.Pt,
			CaptionThirds: 2, Caption: Size{7 * page.Pt, 8500},
			NoPhoto: 10 * page.Pt, OverSection: 9 * page.Pt, SectionBar: 10 * page.MM, SectionBarHeight: 2 * page.Pt, SectionBarGap: 3 * page.Pt, UnderSection: 6 * page.Pt,
			TitleLeading: 108, TitleDrop: 85,
			UnderTitle:      8 * page.Pt,
			StandfirstWidth: 85, UnderStandfirst: 4 * page.Pt, OverByline: 12 * page.Pt, OverRule: 8 * page.Pt, RuleWidth: 600, UnderRule: 4 * page.Pt,
			MinLines: 6,
		},
		Contents: Contents{
			Heading:     Size{34 * page.Pt, 38 * page.Pt},
			HeadingDrop: 26 * page.Pt, UnderHeading: 8 * page.Pt, OverTheme: 12 * page.Pt, OverRule: 6 * page.Pt,
			RuleWidth: 1500, UnderRule: 20 * page.Pt,
			NumberColumn: 16 * page.MM, NumberDrop: 16 * page.Pt, SectionDrop: 8 * page.Pt, UnderTitle: 4 * page.Pt, UnderEntry: 10 * page.Pt,
			EntryRuleWidth: 300, EntryRuleRise: 4 * page.Pt, Foot: 30 * page.Pt, ImprintRule: 12 * page.Pt, ImprintRuleWidth: 500,
			EntryRule: page.Color{R: 0xcc, G: 0xc6, B: 0xbe},
		},
		Pages: Pages{
			Folio:     Size{8 * page.Pt, 10 * page.Pt},
			FolioFoot: 10 * page.MM, HeadBaseline: 12 * page.MM, HeadRule: 138 * page.MM / 10, HeadRuleWidth: 400, HeadThirds: 2,
			NotesHeading:     Size{24 * page.Pt, 28 * page.Pt},
			NotesHeadingDrop: 20 * page.Pt, NotesTop: 40 * page.Pt, NotesLineWidth: 300,
			NotesLine: page.Color{R: 0xbb, G: 0xb5, B: 0xad},
			BackName:  Size{44 * page.Pt, 48 * page.Pt}, BackIssue: Size{11 * page.Pt, 15 * page.Pt}, BackPublisher: Size{9 * page.Pt, 12 * page.Pt},
			BackMargin: 20 * page.MM, BackRise: 10 * page.Pt, BackFoot: 25 * page.MM,
			BackPublisherColour: page.Color{R: 0xcf, G: 0xe0, B: 0xe3}, BackLogo: 60, BackPlate: 8 * page.MM,
		},
		Space: Space{
			DropCapGap: 3 * page.Pt, DropCapLines: 3, DropCapScale: 70, DropCapMin: 200, PullLeading: 125,
			BreakRule: 10 * page.MM, BreakRuleWidth: 600,
			QuoteIndent: 5 * page.MM, QuoteBar: 2 * page.MM, QuoteBarWidth: 1200, ListIndent: 5 * page.MM, ListMarker: page.MM / 2,
			CaptionGap: 4 * page.Pt, CaptionAfter: 2 * page.Pt,
			PullRule: 4 * page.Pt, PullRuleWidth: 1500, PullOver: 8 * page.Pt, PullUnder: 6 * page.Pt, PullAttribution: 10 * page.Pt, PullEnd: 8 * page.Pt,
			PullWidth:   80,
			CodeLeading: 75, CodePad: 4 * page.Pt, CodeInset: 2 * page.Pt, CodeBaseline: 2600,
			CellPad: 3 * page.Pt, MinColumn: 14 * page.Pt, RowUnder: 5 * page.Pt, RowRuleWidth: 400,
			PhotoBandPad: 10 * page.Pt, PhotoBandFoot: 16 * page.MM, PhotoBandInset: 6 * page.Pt, PhotoBandShade: 45, PhotoBandThirds: 2,
			BoxPad: 4 * page.MM, BoxTitleUnder: 2 * page.Pt,
			RunInLines: 3, RunInRuleWidth: 1500,
		},
	}
}

// Or returns t, or the house design when t is unset (a document made in
// code, not read from a magazine's folder).
func (t Theme) Or() Theme {
	if t.Grid == 0 {
		return Default()
	}
	return t
}

// ParseColour reads a colour as a theme writes it: "#b83a1e", or with its
// print form, "#b83a1e cmyk 10 85 100 10" (percent of each ink).
func ParseColour(s string) (page.Color, error) {
	f := strings.Fields(s)
	if len(f) == 0 {
		return page.Color{}, msg.Errorf("no colour given")
	}
	h := strings.TrimPrefix(f[0], "#")
	if len(h) != 6 || !strings.HasPrefix(f[0], "#") {
		return page.Color{}, msg.Errorf("%q is not a colour: write it as #rrggbb, such as #b83a1e", f[0])
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if err != nil {
		return page.Color{}, msg.Errorf("%q is not a colour: write it as #rrggbb, such as #b83a1e", f[0])
	}
	c := page.Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v)}
	switch {
	case len(f) == 1:
		return c, nil
	case len(f) == 6 && strings.EqualFold(f[1], "cmyk"):
		var ink [4]uint8
		for i, p := range f[2:] {
			n, err := strconv.Atoi(p)
			if err != nil || n < 0 || n > 100 {
				return page.Color{}, msg.Errorf("%q is not an ink percentage from 0 to 100", p)
			}
			ink[i] = uint8(n)
		}
		return c.CMYK(ink[0], ink[1], ink[2], ink[3]), nil
	}
	return page.Color{}, msg.Errorf("%q: after the colour, only its print form may follow, as cmyk C M Y K (such as cmyk 10 85 100 10)", s)
}

// Format writes a colour as ParseColour reads it.
func Format(c page.Color) string {
	if !c.HasInk {
		return Hex(c)
	}
	return fmt.Sprintf(cmykForm, Hex(c), c.Ink[0], c.Ink[1], c.Ink[2], c.Ink[3])
}

// cmykForm is a colour with its print form: "#b83a1e cmyk 10 85 100 10".
const cmykForm = "%s cmyk %d %d %d %d"

// Hex writes a colour's screen form as #rrggbb.
func Hex(c page.Color) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

// Contrast is the WCAG 2 contrast ratio of two colours, from 1 to 21:
// text needs 4.5 to be read by most readers with low vision.
func Contrast(a, b page.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// MinContrast is the least contrast of text with what is behind it (WCAG
// 2, level AA, body text).
const MinContrast = 4.5

func luminance(c page.Color) float64 {
	ch := func(v uint8) float64 {
		s := float64(v) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	r, g, b := ch(c.R), ch(c.G), ch(c.B)
	return float64(0.2126*r) + float64(0.7152*g) + float64(0.0722*b)
}

// TextOn lists where text is set in one colour on another, for the
// contrast check: the name of the pair and its two colours.
func (t Theme) TextOn() []struct {
	What       string
	Text, Back page.Color
} {
	type pair = struct {
		What       string
		Text, Back page.Color
	}
	return []pair{
		{msg.N("ink on paper (body text)"), t.Ink, t.Paper},
		{msg.N("ink on tint (boxes, table heads)"), t.Ink, t.Tint},
		{msg.N("deep on paper (headlines)"), t.Deep, t.Paper},
		{msg.N("accent on paper (section labels, pull quotes)"), t.Accent, t.Paper},
		{msg.N("muted on paper (captions, running heads)"), t.Muted, t.Paper},
		{msg.N("paper on deep (the back cover)"), t.Paper, t.Deep},
	}
}
