// Package page is the page model: an issue as pages of positioned items
// (text runs, images with crops, rectangles, rules, links) in integer
// thousandths of a point. The layout engine makes it; the writers (print
// PDF, screen PDF, previews) draw it and make no layout decisions of their
// own. It imports nothing else of magz, so a writer depends on it alone.
package page

import (
	"fmt"
	"io"
	"strings"
)

// Length is the one unit of layout: a thousandth of a PostScript point.
// Integer lengths keep layout deterministic.
type Length int64

// Common lengths.
const (
	Pt Length = 1000
	MM Length = 2835 // 2834.6457 rounded: 1 mm in thousandths of a point
)

// FromMicrometres converts µm (the unit of trim sizes) to Length.
func FromMicrometres(um int) Length { return Length(int64(um) * 72000 / 25400) }

// Points returns l in points, for writers.
func (l Length) Points() float64 { return float64(l) / 1000 }

func (l Length) String() string { return fmt.Sprintf("%.2f", l.Points()) }

// Color is a colour: R, G, B for the screen editions, and its form in
// process inks for print. Ink holds cyan, magenta, yellow and black in
// percent; a colour without it (HasInk false) is printed as the print
// writer derives it from R, G, B (greys in black ink alone).
type Color struct {
	R, G, B uint8
	Ink     [4]uint8
	HasInk  bool
}

// CMYK returns c with its print form: cyan, magenta, yellow and black in
// percent.
func (c Color) CMYK(cy, m, y, k uint8) Color {
	c.Ink, c.HasInk = [4]uint8{cy, m, y, k}, true
	return c
}

// PageKind tells what a page is for.
type PageKind int

const (
	KindCover PageKind = iota
	KindContents
	KindArticle
	KindNotes
	KindBack
	KindPlanned // planned material: an ad or notice page, the photo page
)

func (k PageKind) String() string {
	return [...]string{"cover", "contents", "article", "notes", "back", "planned"}[k]
}

// Issue is the page model of an issue.
type Issue struct {
	Width, Height Length // trim size
	Bleed         Length // how far bleeding items extend past the trim
	Title         string // document title for metadata
	Author        string
	Language      string
	Pages         []*Page
	Outline       []OutlineItem
	// Structure is the logical structure of the issue in reading order:
	// Structure[0] is the whole document, every other node names its
	// parent. Items point into it; writers for readers (the tagged screen
	// PDF) build their structure tree from it.
	Structure []Node
	// NotUA lists why the screen PDF cannot claim PDF/UA-1 (a character
	// no font can set, an informative photo without alternative text):
	// the layout appends them, the PDF writer leaves the claim out when
	// there is any, and the build says why.
	NotUA []Shortfall
}

// Shortfall is one reason the screen PDF falls short of PDF/UA-1, and
// where in the magazine's files it comes from.
type Shortfall struct {
	Path      string
	Line, Col int
	Reason    string // in the editor's language
}

// Role is the part an element plays in the logical structure. The names
// are PDF's standard structure types; HTML has an element for each.
type Role string

const (
	RoleDocument   Role = "Document"
	RoleArticle    Role = "Art"
	RoleSection    Role = "Sect"
	RoleH1         Role = "H1"
	RoleH2         Role = "H2"
	RoleH3         Role = "H3"
	RoleP          Role = "P"
	RoleFigure     Role = "Figure"
	RoleCaption    Role = "Caption"
	RoleDiv        Role = "Div" // a group: a figure with its caption
	RoleLink       Role = "Link"
	RoleBlockQuote Role = "BlockQuote"
	RoleList       Role = "L"
	RoleListItem   Role = "LI"
	RoleLabel      Role = "Lbl"
	RoleListBody   Role = "LBody"
	RoleTable      Role = "Table"
	RoleRow        Role = "TR"
	RoleHeaderCell Role = "TH"
	RoleCell       Role = "TD"
	RoleNote       Role = "Note"
	RoleReference  Role = "Reference"
	RoleCode       Role = "Code"
	RoleTOC        Role = "TOC"
	RoleTOCItem    Role = "TOCI"
)

// Heading returns the role of a heading of level 1 to 6 (levels past 3
// read as 3).
func Heading(level int) Role {
	switch {
	case level <= 1:
		return RoleH1
	case level == 2:
		return RoleH2
	}
	return RoleH3
}

// Decoration is the Node of an item that is decoration on purpose (a photo
// marked decorative), which no enclosing element may claim. Items with
// Node 0 or Decoration are artifacts to a reader.
const Decoration = -1

// Scope is what a table header cell heads.
type Scope string

const (
	ScopeColumn Scope = "Column"
	ScopeRow    Scope = "Row"
)

// Node is an element of the logical structure.
type Node struct {
	Role   Role
	Parent int    // index of the parent in Issue.Structure (0 for the root itself)
	Alt    string // alternative text, for figures
	Lang   string // BCP 47, when it differs from the document's
	// Scope, for a header cell, is what it heads. (A Markdown table has
	// one row of headers: every cell has one header, its column's, and
	// needs no list of headers of its own.)
	Scope Scope
	// Note, for a note, is its number.
	Note int
	// Path and Line are where in the magazine's files the element comes
	// from (Line 0: made by magz, such as the contents).
	Path string
	Line int
}

// OutlineItem is a bookmark pointing at a page.
type OutlineItem struct {
	Title string
	Page  int // index into Pages
}

// Page is one page; coordinates have their origin at the top-left corner of
// the trim box, y growing downwards.
type Page struct {
	Kind  PageKind
	Folio int // printed page number (1 = cover)
	Items []Item
}

// Item is something drawn on a page.
type Item interface {
	// Moved returns a copy of the item shifted by dx, dy.
	Moved(dx, dy Length) Item
}

// Text is a run of text in one face; X,Y is the start of its baseline.
type Text struct {
	X, Y  Length
	Face  string // file name of a bundled face (see package fonts)
	Size  Length
	Color Color
	Text  string
	Track Length // letter-spacing: extra advance after each character
	// Actual, when HasActual, is the text this run stands for when the
	// page is read as text (PDF ActualText): a drop cap reads as nothing
	// and the rest of its word reads as the whole word.
	Actual    string
	HasActual bool
	// Broken marks the Actual of a word hyphenated at a line end (its
	// first part reads as the whole word, its rest as nothing). Writers
	// for readers apply it; the print edition shows the text as printed.
	Broken bool
	// Spaced marks a run a word space (or a line end) follows: writers for
	// readers put a space character after it, which the page shows as the
	// gap before the next run.
	Spaced bool
	// Lang is the language of a run in another script (BCP 47), for
	// readers; "" for the document's language.
	Lang string
	Node int // the structure element it belongs to; 0: an artifact (furniture)
}

// Image places a source image in the frame X,Y,W,H, showing the part of the
// image given by Crop (fractions of the oriented source, in millionths:
// left, top, right, bottom). Bleed edges extend the frame past the trim.
type Image struct {
	X, Y, W, H Length
	Source     string // the photo's path on disk: the key of its renditions
	Name       string // its path inside the issue, for messages
	Crop       [4]int
	Bleed      Edges
	Node       int // the structure element (a figure); 0: decoration
}

// Edges is a set of trim edges.
type Edges uint8

const (
	EdgeTop Edges = 1 << iota
	EdgeRight
	EdgeBottom
	EdgeLeft
)

// Extend grows a frame by bleed on the edges of e: a picture or a
// colour touching the trim runs on past it (layout crops pictures for
// the extended frame, so nothing is distorted).
func (e Edges) Extend(x, y, w, h, bleed Length) (Length, Length, Length, Length) {
	if e&EdgeLeft != 0 {
		x, w = x-bleed, w+bleed
	}
	if e&EdgeTop != 0 {
		y, h = y-bleed, h+bleed
	}
	if e&EdgeRight != 0 {
		w += bleed
	}
	if e&EdgeBottom != 0 {
		h += bleed
	}
	return x, y, w, h
}

// Rect is a filled rectangle; Alpha 0 means opaque.
type Rect struct {
	X, Y, W, H Length
	Fill       Color
	Alpha      int // percent opacity, 0 = 100
	Bleed      Edges
}

// Rule is a straight line.
type Rule struct {
	X1, Y1, X2, Y2 Length
	Width          Length
	Color          Color
}

// Link makes an area clickable: to a URL, or to a page (index into Pages).
type Link struct {
	X, Y, W, H Length
	URL        string
	Page       int // used when URL is empty
	Node       int // the structure element whose text it links
	// Title says where the link leads, for readers (a link to a page of
	// the issue; a web link says its address).
	Title string
	// TargetY is how far down page Page the link leads (0: the top).
	TargetY Length
	// Note, when not 0, is the footnote this link leads to (from its
	// reference in the text) or back from (from the note); the layout
	// fills in Page and TargetY once the note is placed.
	Note int
}

func (t *Text) Moved(dx, dy Length) Item  { c := *t; c.X, c.Y = c.X+dx, c.Y+dy; return &c }
func (t *Image) Moved(dx, dy Length) Item { c := *t; c.X, c.Y = c.X+dx, c.Y+dy; return &c }
func (t *Rect) Moved(dx, dy Length) Item  { c := *t; c.X, c.Y = c.X+dx, c.Y+dy; return &c }
func (t *Link) Moved(dx, dy Length) Item  { c := *t; c.X, c.Y = c.X+dx, c.Y+dy; return &c }
func (t *Rule) Moved(dx, dy Length) Item {
	c := *t
	c.X1, c.X2, c.Y1, c.Y2 = c.X1+dx, c.X2+dx, c.Y1+dy, c.Y2+dy
	return &c
}

// Dump writes a stable, readable text form of the page model: the basis of
// golden tests and a debugging view.
func (iss *Issue) Dump(w io.Writer) {
	fmt.Fprintf(w, "issue %sx%s bleed %s pages %d lang %s\n", iss.Width, iss.Height, iss.Bleed, len(iss.Pages), iss.Language)
	for _, o := range iss.Outline {
		fmt.Fprintf(w, "outline %q -> page %d\n", o.Title, o.Page+1)
	}
	for i, p := range iss.Pages {
		fmt.Fprintf(w, "page %d %s folio %d\n", i+1, p.Kind, p.Folio)
		for _, it := range p.Items {
			switch it := it.(type) {
			case *Text:
				tr := ""
				if it.Track != 0 {
					tr = " track " + it.Track.String()
				}
				if it.HasActual {
					tr += fmt.Sprintf(" actual %q", it.Actual)
				}
				fmt.Fprintf(w, "  text %s,%s %s %s%s %q%s\n", it.X, it.Y, strings.TrimSuffix(string(it.Face), ".ttf"), it.Size, tr, it.Text, at(it.Node))
			case *Image:
				fmt.Fprintf(w, "  image %s,%s %sx%s %s crop %v bleed %d%s\n", it.X, it.Y, it.W, it.H, it.Name, it.Crop, it.Bleed, at(it.Node))
			case *Rect:
				fmt.Fprintf(w, "  rect %s,%s %sx%s #%02x%02x%02x alpha %d\n", it.X, it.Y, it.W, it.H, it.Fill.R, it.Fill.G, it.Fill.B, it.Alpha)
			case *Rule:
				fmt.Fprintf(w, "  rule %s,%s %s,%s w %s\n", it.X1, it.Y1, it.X2, it.Y2, it.Width)
			case *Link:
				fmt.Fprintf(w, "  link %s,%s %sx%s %q page %d%s\n", it.X, it.Y, it.W, it.H, it.URL, it.Page+1, at(it.Node))
			}
		}
	}
	for i, n := range iss.Structure {
		fmt.Fprintf(w, "node %d %s in %d", i, n.Role, n.Parent)
		if n.Alt != "" {
			fmt.Fprintf(w, " alt %q", n.Alt)
		}
		if n.Scope != "" {
			fmt.Fprintf(w, " scope %s", n.Scope)
		}
		fmt.Fprintln(w)
	}
}

// at writes the structure element an item belongs to, for Dump.
func at(node int) string {
	if node == 0 {
		return ""
	}
	return fmt.Sprintf(" @%d", node)
}
