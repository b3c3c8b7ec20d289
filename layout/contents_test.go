package layout

import (
	"strings"
	"testing"

	"magz/internal/doc"
	"magz/layout/page"
)

// TestContentsOnePage: sixteen articles with standfirsts and bylines fit a
// single contents page, in two columns; four fit one column.
func TestContentsOnePage(t *testing.T) {
	for _, tc := range []struct {
		articles, cols int
	}{{4, 1}, {16, 2}} {
		var arts []*doc.Article
		for i := range tc.articles {
			a := story(string(rune('a'+i)), 60, 3, false, false)
			a.Title = "Jalan Baru ke Lembah dan Pasar Baru di Kampung " + a.Slug
			a.Subtitle = "Ruas jalan sepanjang 46 kilometer memangkas waktu tempuh dari kampung ke pasar kabupaten."
			a.Author, a.Section = "Yohanes Kogoya", "Laporan"
			arts = append(arts, a)
		}
		model, _ := layOutPlanned(t, issueOf(arts...))
		if n := strings.Count(kinds(model), "c"); n != 1 {
			t.Errorf("%d articles: %d contents pages", tc.articles, n)
			continue
		}
		xs := map[Length]bool{}
		for _, it := range model.Pages[1].Items {
			if l, ok := it.(*page.Link); ok && l.Page > 0 {
				xs[l.X] = true
			}
		}
		if len(xs) != tc.cols {
			t.Errorf("%d articles: entries in %d columns, want %d", tc.articles, len(xs), tc.cols)
		}
	}
}
