package pdf

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	"magz/fonts"
	"magz/internal/validate"
	"magz/layout/page"
)

// readersModel is a tagged page: a paragraph with a drop cap, a word
// hyphenated at a line end, and a link in the middle of a sentence whose
// address goes on over the next line (two annotations, one link).
func readersModel() *page.Issue {
	W, H := page.FromMicrometres(210000), page.FromMicrometres(280000)
	body := func(x, y page.Length, s string, node int, spaced bool) *page.Text {
		return &page.Text{X: x, Y: y, Face: string(fonts.Serif), Size: 10 * page.Pt, Text: s, Node: node, Spaced: spaced}
	}
	broken := func(t *page.Text, actual string) *page.Text {
		t.Actual, t.HasActual, t.Broken = actual, true, true
		return t
	}
	pt := page.Pt
	return &page.Issue{
		Width: W, Height: H, Title: "Uji", Language: "id",
		Structure: []page.Node{{Role: page.RoleDocument}, {Role: page.RoleP}, {Role: page.RoleLink, Parent: 1}},
		Pages: []*page.Page{{Kind: page.KindArticle, Folio: 1, Items: []page.Item{
			&page.Text{X: 50 * pt, Y: 100 * pt, Face: string(fonts.SansBlack), Size: 30 * pt, Text: "P", HasActual: true, Node: 1},
			&page.Text{X: 72 * pt, Y: 100 * pt, Face: string(fonts.Serif), Size: 10 * pt, Text: "ukul", Actual: "Pukul", HasActual: true, Node: 1, Spaced: true},
			body(95*pt, 100*pt, "empat", 1, true),
			broken(body(130*pt, 100*pt, "Per-", 1, false), "Perubahan"),
			broken(body(72*pt, 112*pt, "ubahan", 1, true), ""),
			body(110*pt, 112*pt, "lihat", 1, true),
			broken(body(140*pt, 112*pt, "contoh.id/jad", 2, false), "contoh.id/jadwal"),
			&page.Link{X: 140 * pt, Y: 104 * pt, W: 60 * pt, H: 10 * pt, URL: "https://contoh.id/jadwal", Node: 2},
			broken(body(50*pt, 124*pt, "wal", 2, false), ""),
			&page.Link{X: 50 * pt, Y: 116 * pt, W: 15 * pt, H: 10 * pt, URL: "https://contoh.id/jadwal", Node: 2},
			body(66*pt, 124*pt, "sekarang.", 1, true),
		}}},
	}
}

// TestReadWhole: on screen a word broken at a line end, a drop cap and a
// link read whole and in place — in pdf.js (Firefox), which reads the
// page's text and nothing else, and in poppler — while the page shows
// them as set; one Link element holds the link's text and both its
// annotations.
func TestReadWhole(t *testing.T) {
	var buf bytes.Buffer
	err := Write(&buf, readersModel(), Options{Edition: Screen, Date: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), Creator: "magz test"})
	if err != nil {
		t.Fatal(err)
	}
	f := save(t, buf.Bytes())
	validate.QPDFCheck(t, f)
	const want = "Pukul empat Perubahan lihat contoh.id/jadwal sekarang."
	if got := strings.Join(strings.Fields(validate.PDFText(t, f)), " "); got != want {
		t.Errorf("poppler reads %q, want %q", got, want)
	}
	// pieces of content one after the other read as one text
	st := regexp.MustCompile(`"\n\s*"`).ReplaceAllString(validate.PDFStructure(t, f), "")
	if !regexp.MustCompile(`(?s)P \(block\)\s+"Pukul empat Perubahan lihat "\s+Link \(inline\)\s+"contoh.id/jadwal "\s+Object \d+ 0\s+Object \d+ 0\s+"sekarang. "`).MatchString(st) {
		t.Errorf("structure:\n%s", st)
	}
	pages := validate.PDFJS(t, f)
	var text, artifacts []string
	for _, it := range pages[0].Items {
		if it.Artifact && strings.TrimSpace(it.Str) != "" {
			artifacts = append(artifacts, it.Str)
		}
		if !it.Artifact {
			text = append(text, it.Str)
		}
	}
	if got := strings.Join(strings.Fields(strings.Join(text, " ")), " "); got != want {
		t.Errorf("pdf.js reads %q, want %q", got, want)
	}
	if len(artifacts) > 0 {
		t.Errorf("pdf.js finds the parts as shown as text too: %q", artifacts)
	}
}
