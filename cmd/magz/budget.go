package main

import (
	"fmt"
	"io"
	"strings"

	"magz/internal/msg"
	"magz/layout"
)

// budgetJSON is the page budget in check --json (docs/check-json.md).
type budgetJSON struct {
	Pages       int      `json:"pages"`
	Front       int      `json:"covers_and_contents"`
	Articles    int      `json:"article_pages"`
	PhotoPages  int      `json:"photo_pages"`
	AdPages     int      `json:"ad_pages"`
	NoticePages int      `json:"notice_pages"`
	NotesAsked  int      `json:"notes_pages"`
	HalfAds     int      `json:"half_page_ads"`
	QuarterAds  int      `json:"quarter_page_ads"`
	Boxes       int      `json:"boxes"`
	Spare       int      `json:"spare"`
	Unused      []string `json:"unused,omitempty"`
	Drop        int      `json:"fewer_drop_pages"`
	Cut         int      `json:"fewer_cut_pages"`
	CutWords    int      `json:"fewer_cut_words"`
}

func budgetData(b layout.Budget) budgetJSON {
	return budgetJSON{Pages: b.Pages, Front: b.Front, Articles: b.Articles, PhotoPages: b.PhotoPages, AdPages: b.AdPages,
		NoticePages: b.NoticePages, NotesAsked: b.NotesAsked, HalfAds: b.HalfAds, QuarterAds: b.QuarterAds, Boxes: b.Boxes,
		Spare: b.Spare, Unused: b.Unused, Drop: b.Drop, Cut: b.Cut, CutWords: b.CutWords}
}

// budgetLine says how the printed pages are made up: "20 pages: 3 of
// covers and contents, 13 of articles, 1 photo page, 1 notice page; on
// article pages 2 half-page ads, 1 text panel; 0 spare".
func budgetLine(b layout.Budget) string {
	parts := []string{msg.Sprintf("%d of covers and contents", b.Front), msg.Sprintf("%d of articles", b.Articles)}
	for _, p := range []struct {
		n    int
		noun string
	}{{b.PhotoPages, msg.N("photo page")}, {b.NoticePages, msg.N("notice page")}, {b.AdPages, msg.N("ad page")}, {b.NotesAsked, msg.N("notes page")}} {
		if p.n > 0 {
			parts = append(parts, msg.Count(p.n, p.noun))
		}
	}
	s := msg.Sprintf("%d pages: %s", b.Pages, strings.Join(parts, ", "))
	var in []string
	for _, p := range []struct {
		n    int
		noun string
	}{{b.HalfAds, msg.N("half-page ad")}, {b.QuarterAds, msg.N("quarter-page ad")}, {b.Boxes, msg.N("text panel")}} {
		if p.n > 0 {
			in = append(in, msg.Count(p.n, p.noun))
		}
	}
	if len(in) > 0 {
		s += msg.Sprintf("; on article pages %s", strings.Join(in, ", "))
	}
	return s + msg.Sprintf("; %d spare", b.Spare)
}

// printBudget writes the page budget and what would change it.
func printBudget(w io.Writer, b layout.Budget) {
	if b.Pages == 0 {
		return
	}
	fmt.Fprintln(w, msg.T("Page budget:"))
	fmt.Fprintf(w, "  %s\n", budgetLine(b))
	if b.Spare > 0 {
		msg.Fprintf(w, "  %s printed as ruled notes pages for want of material: add planned material (a full-page ad or notice, a photo page, a page from Markdown; see planned: in README.md) or cut %s.\n",
			msg.Count(b.Spare, "page"), msg.Count(b.Spare, "page"))
	}
	if len(b.Unused) > 0 {
		msg.Fprintf(w, "  Not printed, as no page needed them: %s.\n", strings.Join(b.Unused, ", "))
	}
	switch {
	case b.Pages <= 4:
	case b.Cut > 0 && b.Drop == 0:
		msg.Fprintf(w, "  To print %d pages: cut %s of articles (about %d words).\n", b.Pages-4, msg.Count(b.Cut, "page"), b.CutWords)
	case b.Cut > 0:
		msg.Fprintf(w, "  To print %d pages: leave out %s of planned material and cut %s of articles (about %d words).\n",
			b.Pages-4, msg.Count(b.Drop, "page"), msg.Count(b.Cut, "page"), b.CutWords)
	default:
		msg.Fprintf(w, "  To print %d pages: leave out %s of planned material.\n", b.Pages-4, msg.Count(4, "page"))
	}
}
