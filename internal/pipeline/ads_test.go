package pipeline

import (
	"strings"
	"testing"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/images"
)

// TestAdPreflight: an ad made to its slot passes; one of another shape and
// a full page made to the trim without its bleed are reported at the line
// that names them, with the size to make.
func TestAdPreflight(t *testing.T) {
	for _, tc := range []struct {
		size doc.AdSize
		w, h int
		want string // "" for none; "warning: …" for a warning
	}{
		{doc.AdFull, 2551, 3378, ""},
		{doc.AdHalf, 2102, 1381, ""},
		{doc.AdQuarter, 2102, 664, ""},
		{doc.AdFull, 2480, 3307, "full-page ad ads/a.png has no bleed: it is made to the trim; make it 210×280 mm with 3 mm more on every side (2551×3378 pixels at 300 ppi)"},
		{doc.AdHalf, 2102, 2102, "ad ads/a.png (half a page) is 2102×2102 pixels, not the shape of its slot: make it 178×117 mm (2102×1381 pixels at 300 ppi)"},
		{doc.AdQuarter, 1051, 332, ""}, // soft, and the print plan says so
	} {
		img := &doc.Image{Path: "/x/ads/a.png", Rel: "ads/a.png"}
		iss := &doc.Issue{Trim: doc.Trim{Width: 210000, Height: 280000},
			Plan: &doc.Plan{Ads: []*doc.Ad{{Size: tc.size, Figure: &doc.Figure{Pos: diag.Pos{Path: "issue.yaml", Line: 7, Col: 14}, Image: img}}}}}
		diags := &diag.List{}
		used := map[string]bool{}
		checkAds(iss, map[string]*images.Info{img.Path: {Width: tc.w, Height: tc.h}}, used, diags)
		var got []string
		for _, d := range diags.All() {
			got = append(got, strings.TrimPrefix(d.String(), "issue.yaml:7:14: "))
		}
		if strings.Join(got, "\n") != tc.want {
			t.Errorf("%s ad %d×%d: %q, want %q", tc.size, tc.w, tc.h, got, tc.want)
		}
		if !used[img.Path] {
			t.Errorf("%s ad: its image is not marked used", tc.size)
		}
	}
}
