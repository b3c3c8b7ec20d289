package pdf

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"
	"time"

	"magz/assets"
	"magz/fonts"
	"magz/internal/validate"
	"magz/layout/impose"
	"magz/layout/page"
)

// numbered is an issue of n pages, each marked Pnn at 20 mm from its left
// edge and 30 mm from its top.
func numbered(n int) *page.Issue {
	W, H := page.FromMicrometres(210000), page.FromMicrometres(280000)
	iss := &page.Issue{Width: W, Height: H, Bleed: 3 * page.MM, Title: "Uji", Language: "id"}
	for i := range n {
		iss.Pages = append(iss.Pages, &page.Page{Folio: i + 1, Items: []page.Item{
			&page.Rect{X: 0, Y: 0, W: W, H: 10 * page.MM, Fill: page.Color{R: 30, G: 60, B: 120}, Bleed: page.EdgeTop | page.EdgeLeft | page.EdgeRight},
			&page.Text{X: 20 * page.MM, Y: 30 * page.MM, Face: string(fonts.SansBold), Size: 14 * page.Pt, Text: fmt.Sprintf("P%02d", i+1)},
		}})
	}
	return iss
}

// markers reads the Pnn markers of each page of a PDF with their left
// edge (pdftotext -bbox), in points.
func markers(t *testing.T, file string) []map[int]float64 {
	t.Helper()
	html := validate.PDFText(t, file, "-bbox")
	var pages []map[int]float64
	word := regexp.MustCompile(`<word xMin="([0-9.]+)"[^>]*>P(\d\d)</word>`)
	for _, p := range regexp.MustCompile(`(?s)<page .*?</page>`).FindAllString(html, -1) {
		m := map[int]float64{}
		for _, w := range word.FindAllStringSubmatch(p, -1) {
			x, _ := strconv.ParseFloat(w[1], 64)
			n, _ := strconv.Atoi(w[2])
			m[n] = x
		}
		pages = append(pages, m)
	}
	return pages
}

// TestBookletSheets: a 20-page booklet on SRA3 puts 20 and 1 on the first
// sheet's front, 2 and 19 on its back, and so on; every sheet's pages move
// toward the spine by the caliper times the sheets outside it, measured on
// the drawn file.
func TestBookletSheets(t *testing.T) {
	iss := numbered(20)
	caliper := page.MM / 5 // 0.2 mm, so that the creep is plain to see
	s, err := impose.Booklet(20, iss.Width, iss.Height, iss.Bleed, impose.BookletOptions{Caliper: caliper})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	opt := Options{Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Creator: "magz test",
		OutputIntent: &OutputIntent{Profile: assets.CoatedProfile, Identifier: "FOGRA39", Registry: "http://www.color.org", Condition: "test"}, SRGB: assets.SRGB}
	if err := WriteSheets(&buf, iss, s, opt); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "booklet.pdf")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if info := validate.PDFInfo(t, file); !regexp.MustCompile(`Pages:\s+10\n`).MatchString(info) || !regexp.MustCompile(`Page size:\s+1275.59 x 907.09 pts`).MatchString(info) {
		t.Errorf("not ten SRA3 sheet sides:\n%s", info)
	}
	validate.QPDFCheck(t, file)
	sides := markers(t, file)
	if len(sides) != 10 {
		t.Fatalf("%d sheet sides read", len(sides))
	}
	order := impose.Order(20)
	spine := s.Spine.Points()
	var first [2]float64
	for i, side := range sides {
		o := order[i/2]
		left, right := o[0], o[1]
		if i%2 == 1 {
			left, right = o[2], o[3]
		}
		xl, okl := side[left]
		xr, okr := side[right]
		if !okl || !okr || len(side) != 2 {
			t.Fatalf("side %d: markers %v, want pages %d and %d", i+1, side, left, right)
		}
		if xl >= spine || xr <= spine {
			t.Errorf("side %d: page %d at %.1f and page %d at %.1f, spine at %.1f", i+1, left, xl, right, xr, spine)
		}
		if i == 0 {
			first = [2]float64{xl, xr}
		}
		// the creep, measured against the outermost sheet
		want := float64(i/2) * caliper.Points()
		if d := xl - first[0]; math.Abs(d-want) > 0.05 {
			t.Errorf("side %d: the left page moved %.2f pt toward the spine, want %.2f", i+1, d, want)
		}
		if d := first[1] - xr; math.Abs(d-want) > 0.05 {
			t.Errorf("side %d: the right page moved %.2f pt toward the spine, want %.2f", i+1, d, want)
		}
	}
	if first[0] != sides[0][20] || first[1] != sides[0][1] {
		t.Error("the first sheet's front does not carry 20 and 1")
	}
}

// TestSpreadsSheets: reader spreads, the first page alone on the right.
func TestSpreadsSheets(t *testing.T) {
	iss := numbered(8)
	var buf bytes.Buffer
	opt := Options{Date: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), Creator: "magz test",
		OutputIntent: &OutputIntent{Profile: assets.CoatedProfile, Identifier: "FOGRA39", Registry: "http://www.color.org", Condition: "test"}, SRGB: assets.SRGB}
	if err := WriteSheets(&buf, iss, impose.Spreads(8, iss.Width, iss.Height), opt); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "spreads.pdf")
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	sides := markers(t, file)
	want := [][]int{{1}, {2, 3}, {4, 5}, {6, 7}, {8}}
	if len(sides) != len(want) {
		t.Fatalf("%d spreads", len(sides))
	}
	w := iss.Width.Points()
	for i, ps := range want {
		if len(sides[i]) != len(ps) {
			t.Errorf("spread %d: %v, want pages %v", i+1, sides[i], ps)
			continue
		}
		for j, p := range ps {
			onRight := sides[i][p] > w
			if wantRight := (i == 0) || j == 1; onRight != wantRight {
				t.Errorf("spread %d: page %d on the right: %v", i+1, p, onRight)
			}
		}
	}
}
