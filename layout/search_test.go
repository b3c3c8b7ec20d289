package layout

import (
	"fmt"
	"slices"
	"testing"

	"magz/layout/page"
)

// TestPieceChoices: the room below an article's end can take none of the
// pieces free, or any set of up to maxPerHole that fits it together, each
// set of heights once (the first listed of equal pieces).
func TestPieceChoices(t *testing.T) {
	free := []piece{{h: 400}, {h: 200}, {h: 200}, {h: 100}, {h: 100}}
	for _, tc := range []struct {
		room Length
		want string
	}{
		{50, "[[]]"},
		{100, "[[] [3]]"},
		{200, "[[] [1] [3] [3 4]]"},
		{300, "[[] [1] [1 3] [3] [3 4]]"},
		{400, "[[] [0] [1] [1 2] [1 3] [1 3 4] [3] [3 4]]"},
	} {
		if got := fmt.Sprint(pieceChoices(free, tc.room)); got != tc.want {
			t.Errorf("room %d: %s, want %s", tc.room, got, tc.want)
		}
	}
}

// TestKeepPageCounts: past the beam's width, the cheapest state of each
// number of pages modulo 4 the beam lacks is kept, and no other.
func TestKeepPageCounts(t *testing.T) {
	mk := func(pages ...int) []*state {
		var out []*state
		for _, p := range pages {
			out = append(out, &state{n: &pageSet{c: &composer{out: &page.Issue{Pages: make([]*page.Page, p)}}}})
		}
		return out
	}
	counts := func(ss []*state) []int {
		var out []int
		for _, s := range ss {
			out = append(out, len(s.n.c.out.Pages))
		}
		return out
	}
	for _, tc := range []struct {
		ranked []int
		n      int
		want   []int
	}{
		{[]int{10, 10, 11}, 8, []int{10, 10, 11}},
		{[]int{10, 10, 11, 12, 14, 13, 9, 16}, 2, []int{10, 10, 11, 12, 13}},
		{[]int{10, 11, 12, 13, 14}, 4, []int{10, 11, 12, 13}},
	} {
		if got := counts(keepPageCounts(mk(tc.ranked...), tc.n)); !slices.Equal(got, tc.want) {
			t.Errorf("%v, %d kept: %v, want %v", tc.ranked, tc.n, got, tc.want)
		}
	}
}

// TestGapCost: a band under gapMin costs its height, one from gapMin on
// three times as much, so that two small bands cost less than one gap.
func TestGapCost(t *testing.T) {
	if gapCost(gapMin-1) != gapMin-1 || gapCost(gapMin) != 3*gapMin || 2*gapCost(gapMin/2) >= gapCost(gapMin) {
		t.Errorf("gapCost: %d, %d, %d", gapCost(gapMin-1), gapCost(gapMin), gapCost(gapMin/2))
	}
	if flatplanCost <= gapCost(1000)+3*sparePageCost {
		t.Errorf("a page off the flatplan (%d) must cost more than a page left empty and three notes pages (%d)", flatplanCost, gapCost(1000)+3*sparePageCost)
	}
}
