package page

import (
	"fmt"
	"strings"
	"testing"
)

// TestPageStarts: where each page begins, on a hand-made issue: mid
// paragraph after the words earlier pages set (a word broken over the
// page counts for the page it begins on), at the next page's start on a
// page of decoration, at its figure on a page of photos, in a note (its number counted), past a list's bullets and a table's
// repeated header row; the cover, the contents and the pages after the
// articles as parts.
func TestPageStarts(t *testing.T) {
	const path = "a.md"
	iss := &Issue{Structure: []Node{
		{Role: RoleDocument},
		{Role: RoleSection},                                // 1 the cover
		{Role: RoleArticle, Path: path, Line: 1},           // 2
		{Role: RoleP, Parent: 2, Path: path, Line: 5},      // 3 a paragraph
		{Role: RoleLink, Parent: 3, Path: path, Line: 5},   // 4 a link in it
		{Role: RoleDiv, Parent: 2, Path: path, Line: 9},    // 5 a figure
		{Role: RoleFigure, Parent: 5, Path: path, Line: 9}, // 6
		{Role: RoleList, Parent: 2, Path: path, Line: 11},  // 7 a list
		{Role: RoleListItem, Parent: 7, Path: path, Line: 11},
		{Role: RoleLabel, Parent: 8, Path: path, Line: 11}, // 9 its bullet
		{Role: RoleP, Parent: 8, Path: path, Line: 11},     // 10 the item's text
		{Role: RoleTable, Parent: 2, Path: path, Line: 13}, // 11 a table
		{Role: RoleRow, Parent: 11, Path: path, Line: 13},  // 12
		{Role: RoleHeaderCell, Parent: 12, Path: path, Line: 13},
		{Role: RoleRow, Parent: 11, Path: path, Line: 13},  // 14
		{Role: RoleCell, Parent: 14, Path: path, Line: 13}, // 15
		{Role: RoleNote, Parent: 2, Path: path, Line: 13, Note: 1},
		{Role: RoleLink, Parent: 16, Path: path, Line: 13}, // 17 the note's number
		{Role: RoleDiv, Parent: 2, Path: path, Line: 15},   // 18 a figure with a caption
		{Role: RoleFigure, Parent: 18, Path: path, Line: 15},
		{Role: RoleCaption, Parent: 18, Path: path, Line: 15}, // 20
		{Role: RoleP, Parent: 2, Path: path, Line: 17},        // 21
	}}
	text := func(node int, spaced bool, s string) Item { return &Text{Text: s, Node: node, Spaced: spaced} }
	iss.Pages = []*Page{
		{Kind: KindCover, Items: []Item{text(1, true, "Kabar")}},
		{Kind: KindContents, Items: []Item{text(0, true, "Isi")}},
		{Kind: KindArticle, Items: []Item{text(3, true, "Satu"), text(4, true, "dua"), text(3, false, "ti-")}},
		{Kind: KindArticle, Items: []Item{text(3, true, "ga"), text(3, true, "empat"), &Image{Node: 6}}},
		{Kind: KindArticle, Items: []Item{&Image{Node: Decoration}}}, // decoration only: where the next page begins
		{Kind: KindArticle, Items: []Item{text(9, true, "•"), text(10, true, "Butir"), text(10, true, "satu")}},
		{Kind: KindArticle, Items: []Item{text(9, true, "•"), text(10, true, "dua"), text(13, true, "Kepala"), text(15, true, "isi")}},
		{Kind: KindArticle, Items: []Item{text(13, true, "Kepala"), text(15, true, "lagi"), text(17, true, "1."), text(16, true, "Catatan")}},
		{Kind: KindArticle, Items: []Item{text(16, true, "kedua")}},
		{Kind: KindArticle, Items: []Item{&Image{Node: 19}, text(20, true, "Keterangan")}}, // a figure, no running text
		{Kind: KindArticle, Items: []Item{text(21, true, "Akhir")}},
		{Kind: KindNotes},
		{Kind: KindBack, Items: []Item{text(1, true, "Kabar")}},
	}
	for i, p := range iss.Pages {
		p.Folio = i + 1
	}
	want := []string{
		"1 cover",
		"2 contents",
		"3 article a.md:5 note 0 words 0",
		"4 article a.md:5 note 0 words 3",   // "ti-ga" began on page 3
		"5 article a.md:11 note 0 words 0",  // decoration only: as page 6
		"6 article a.md:11 note 0 words 0",  // the item's text, past its bullet
		"7 article a.md:11 note 0 words 2",  // "dua"
		"8 article a.md:13 note 0 words 2",  // the table, its header row repeated: "lagi"
		"9 article a.md:13 note 1 words 2",  // "kedua", after "1." and "Catatan"
		"10 article a.md:15 note 0 words 0", // the figure
		"11 article a.md:17 note 0 words 0",
		"12 end",
		"13 end",
	}
	got := iss.PageStarts()
	var lines []string
	for _, s := range got {
		switch s.Part {
		case PartCover:
			lines = append(lines, fmt.Sprintf("%d cover", s.Folio))
		case PartContents:
			lines = append(lines, fmt.Sprintf("%d contents", s.Folio))
		case PartEnd:
			lines = append(lines, fmt.Sprintf("%d end", s.Folio))
		default:
			lines = append(lines, fmt.Sprintf("%d article %s:%d note %d words %d", s.Folio, s.Path, s.Line, s.Note, s.Words))
		}
	}
	if g, w := strings.Join(lines, "\n"), strings.Join(want, "\n"); g != w {
		t.Errorf("page starts\n got\n%s\nwant\n%s", g, w)
	}
}
