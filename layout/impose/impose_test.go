package impose

import (
	"testing"

	"magz/layout/page"
)

// TestOrder: a 20-page booklet carries 20 and 1 on the first sheet's
// front, 2 and 19 on its back, and so on to 10 and 11 in the middle.
func TestOrder(t *testing.T) {
	want := [][4]int{{20, 1, 2, 19}, {18, 3, 4, 17}, {16, 5, 6, 15}, {14, 7, 8, 13}, {12, 9, 10, 11}}
	got := Order(20)
	if len(got) != len(want) {
		t.Fatalf("%d sheets, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sheet %d: %v, want %v", i+1, got[i], want[i])
		}
	}
	// every page once, the pages of each pair adding up to n+1
	for _, n := range []int{4, 8, 12, 64} {
		seen := map[int]bool{}
		for _, s := range Order(n) {
			for _, p := range s {
				seen[p] = true
			}
			if s[0]+s[1] != n+1 || s[2]+s[3] != n+1 {
				t.Errorf("%d pages: a pair %v that does not face across the fold", n, s)
			}
		}
		if len(seen) != n {
			t.Errorf("%d pages: %d placed", n, len(seen))
		}
	}
}

// TestBookletCreep: each sheet's pages move toward the spine by the
// caliper times the sheets outside it, the trim (and its marks) with them.
func TestBookletCreep(t *testing.T) {
	w, h, bleed := 210*page.MM, 280*page.MM, 3*page.MM
	caliper := page.MM / 10
	s, err := Booklet(20, w, h, bleed, BookletOptions{Caliper: caliper})
	if err != nil {
		t.Fatal(err)
	}
	if s.W != page.FromMicrometres(450_000) || s.H != page.FromMicrometres(320_000) {
		t.Errorf("sheet %v × %v, want SRA3 across", s.W, s.H)
	}
	if len(s.Sides) != 10 {
		t.Fatalf("%d sides, want 10", len(s.Sides))
	}
	for i, side := range s.Sides {
		sheet := i / 2
		l, r := side.Pages[0], side.Pages[1]
		creep := page.Length(sheet) * caliper
		if l.Creep != creep || r.Creep != creep {
			t.Errorf("side %d: creep %v and %v, want %v", i, l.Creep, r.Creep, creep)
		}
		// the left page's right edge and the right page's left edge meet
		// the spine, less the creep
		if l.X+w != s.Spine+creep || r.X != s.Spine-creep {
			t.Errorf("side %d: pages at %v and %v, spine %v, creep %v", i, l.X, r.X, s.Spine, creep)
		}
		if l.Trim.X+l.Trim.W != s.Spine || r.Trim.X != s.Spine || l.Trim.W != w-creep {
			t.Errorf("side %d: trims %+v %+v", i, l.Trim, r.Trim)
		}
		if l.Clip.X+l.Clip.W != s.Spine || r.Clip.X != s.Spine {
			t.Errorf("side %d: a page paints across the spine: %+v %+v", i, l.Clip, r.Clip)
		}
	}
	if first := s.Sides[0]; first.Pages[0].Page != 19 || first.Pages[1].Page != 0 || first.Back {
		t.Errorf("the first side carries pages %d and %d", first.Pages[0].Page+1, first.Pages[1].Page+1)
	}
	if back := s.Sides[1]; back.Pages[0].Page != 1 || back.Pages[1].Page != 18 || !back.Back {
		t.Errorf("the first back carries pages %d and %d", back.Pages[0].Page+1, back.Pages[1].Page+1)
	}
	// the innermost sheet moves by four calipers
	if got := s.Sides[9].Pages[0].Creep; got != 4*caliper {
		t.Errorf("innermost creep %v", got)
	}
}

func TestBookletTooSmall(t *testing.T) {
	if _, err := Booklet(8, 210*page.MM, 297*page.MM, 3*page.MM, BookletOptions{SheetW: 297 * page.MM, SheetH: 420 * page.MM}); err == nil {
		t.Error("two A4 pages with bleed fit an A3 sheet")
	}
	if _, err := Booklet(6, 148*page.MM, 210*page.MM, 3*page.MM, BookletOptions{}); err != nil {
		t.Error(err)
	}
}

func TestSpreads(t *testing.T) {
	s := Spreads(8, 210*page.MM, 280*page.MM)
	var got [][]int
	for _, side := range s.Sides {
		var ps []int
		for _, p := range side.Pages {
			ps = append(ps, p.Page+1)
		}
		got = append(got, ps)
	}
	want := [][]int{{1}, {2, 3}, {4, 5}, {6, 7}, {8}}
	if len(got) != len(want) {
		t.Fatalf("spreads %v", got)
	}
	for i := range want {
		if len(got[i]) != len(want[i]) || got[i][0] != want[i][0] {
			t.Errorf("spread %d: %v, want %v", i, got[i], want[i])
		}
	}
	if p := s.Sides[0].Pages[0]; p.X != 210*page.MM || p.Left {
		t.Error("the first page is not on the right")
	}
	if p := s.Sides[4].Pages[0]; p.X != 0 || !p.Left {
		t.Error("the last page is not on the left")
	}
}
