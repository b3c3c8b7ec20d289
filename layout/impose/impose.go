// Package impose arranges an issue's pages on sheets: an imposed booklet
// for saddle stitching (pages paired on each side of a press sheet, with
// creep for the paper's thickness, crop and fold marks), and reader
// spreads for approval. It only places pages, in the page model's
// integer lengths; layout/pdf draws them.
package impose

import (
	"strconv"

	"magz/internal/msg"
	"magz/layout/page"
)

// Placement puts one page on a sheet side: the page's trim box has its
// top-left corner at X, Y (sheet coordinates, from the sheet's top left);
// Clip is the part of the sheet the page may paint (its trim with bleed
// on the sides away from the spine).
type Placement struct {
	Page  int // 0-based; -1 for a blank page
	X, Y  page.Length
	Clip  Rect
	Trim  Rect        // what is left of it once the booklet is trimmed
	Creep page.Length // how far the page was moved toward the spine
	Left  bool        // the left page of the pair
}

// Rect is a rectangle on a sheet.
type Rect struct{ X, Y, W, H page.Length }

// Side is one side of a sheet and the pages printed on it.
type Side struct {
	Sheet int  // 1-based
	Back  bool // the back of the sheet (a booklet's)
	Pages []Placement
}

// Sheets is an imposition: the sheet size and every side, in printing
// order, with what the marks need.
type Sheets struct {
	W, H  page.Length
	Sides []Side
	// Spine is the x of the fold on each side (the middle of the pair);
	// Marks tells whether crop and fold marks are drawn.
	Spine page.Length
	Marks bool
	Bleed page.Length
}

// BookletOptions are the press's: the sheet (SRA3 by default) and the
// paper's thickness, which sets the creep.
type BookletOptions struct {
	SheetW, SheetH page.Length
	Caliper        page.Length // one sheet's thickness
}

// SRA3 is the default press sheet (320 × 450 mm).
var SRA3 = [2]page.Length{page.FromMicrometres(320_000), page.FromMicrometres(450_000)}

// markRoom is the room a crop mark needs outside the bleed.
const markRoom = 8 * page.MM

// Order returns the pages of each sheet of a saddle-stitched booklet of n
// pages (n a multiple of 4), 1-based: for each sheet, outermost first,
// the front's left and right pages and the back's left and right pages.
// For 20 pages the first sheet carries 20 and 1 on its front, 2 and 19
// on its back.
func Order(n int) [][4]int {
	sheets := make([][4]int, n/4)
	for i := range sheets {
		sheets[i] = [4]int{n - 2*i, 2*i + 1, 2*i + 2, n - 2*i - 1}
	}
	return sheets
}

// Booklet imposes pages of trim w × h with bleed for saddle stitching:
// two pages side by side on each side of a sheet, the sheets nested one
// inside the other and stitched through the fold. Each sheet's pages move
// toward the spine by its creep, the caliper times the sheets outside it,
// since a sheet nested deeper reaches further at the fore edge, where
// the book is trimmed; the crop marks of each sheet follow its trim.
// Pages past the last are blank, up to a multiple of four.
func Booklet(pages int, w, h, bleed page.Length, opt BookletOptions) (Sheets, error) {
	if pages < 1 {
		return Sheets{}, msg.Errorf("no pages to impose")
	}
	sw, sh := opt.SheetW, opt.SheetH
	if sw == 0 || sh == 0 {
		sw, sh = SRA3[0], SRA3[1]
	}
	// the sheet's long side across, for two pages side by side
	needW, needH := 2*w+2*bleed+2*markRoom, h+2*bleed+2*markRoom
	if sw < sh {
		sw, sh = sh, sw
	}
	if needW > sw || needH > sh {
		return Sheets{}, msg.Errorf("two pages of %s × %s mm with bleed and marks need a sheet of %s × %s mm; the sheet is %s × %s mm",
			mm(w), mm(h), mm(needW), mm(needH), mm(sw), mm(sh))
	}
	n := (pages + 3) / 4 * 4
	s := Sheets{W: sw, H: sh, Spine: sw / 2, Marks: true, Bleed: bleed}
	top := (sh - h) / 2
	for i, o := range Order(n) {
		creep := page.Length(i) * opt.Caliper
		side := func(back bool, left, right int) Side {
			pg := func(p int) int {
				if p > pages {
					return -1
				}
				return p - 1
			}
			// the left page's fore edge is on the left; it moves right
			// by the creep, and may paint from its fore-edge bleed to
			// the spine
			l := Placement{Page: pg(left), X: s.Spine - w + creep, Y: top, Creep: creep, Left: true,
				Clip: Rect{X: s.Spine - w + creep - bleed, Y: top - bleed, W: w - creep + bleed, H: h + 2*bleed},
				Trim: Rect{X: s.Spine - w + creep, Y: top, W: w - creep, H: h}}
			r := Placement{Page: pg(right), X: s.Spine - creep, Y: top, Creep: creep,
				Clip: Rect{X: s.Spine, Y: top - bleed, W: w - creep + bleed, H: h + 2*bleed},
				Trim: Rect{X: s.Spine, Y: top, W: w - creep, H: h}}
			return Side{Sheet: i + 1, Back: back, Pages: []Placement{l, r}}
		}
		s.Sides = append(s.Sides, side(false, o[0], o[1]), side(true, o[2], o[3]))
	}
	return s, nil
}

// Spreads lays pages out as a reader sees them, for approval: the first
// page alone on the right, then each left and right page together, the
// last alone on the left when the count is even. No bleed, no marks.
func Spreads(pages int, w, h page.Length) Sheets {
	s := Sheets{W: 2 * w, H: h, Spine: w}
	add := func(left, right int) {
		var ps []Placement
		for i, p := range []int{left, right} {
			if p < 0 || p >= pages {
				continue
			}
			x := page.Length(i) * w
			ps = append(ps, Placement{Page: p, X: x, Clip: Rect{X: x, W: w, H: h}, Trim: Rect{X: x, W: w, H: h}, Left: i == 0})
		}
		s.Sides = append(s.Sides, Side{Sheet: len(s.Sides) + 1, Pages: ps})
	}
	add(-1, 0)
	for p := 1; p < pages; p += 2 {
		add(p, p+1)
	}
	return s
}

func mm(l page.Length) string { return strconv.Itoa(int((l + page.MM/2) / page.MM)) }
