package layout

import (
	"strings"
	"testing"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/layout/page"
)

// The page budget and the planned material, on issues made in memory: an
// ad's image is named for its size ("full-…", "half-…", "quarter-…") and
// has that slot's pixel shape; every other photo is 3000×2000.

func plannedSize(img *doc.Image) (int, int, bool) {
	switch {
	case strings.HasPrefix(img.Rel, "full-"):
		return 2551, 3378, true
	case strings.HasPrefix(img.Rel, "half-"):
		return 2102, 1381, true
	case strings.HasPrefix(img.Rel, "quarter-"):
		return 2102, 664, true
	}
	return 3000, 2000, true
}

func layOutPlanned(t *testing.T, iss *doc.Issue) (*page.Issue, *Report) {
	t.Helper()
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	return Compose(iss, Options{Metrics: m, ImageSize: plannedSize})
}

func ad(size doc.AdSize, name string, notice bool) *doc.Ad {
	rel := size.String() + "-" + name + ".png"
	return &doc.Ad{Size: size, Notice: notice, Title: name,
		Figure: &doc.Figure{Image: &doc.Image{Path: rel, Rel: rel}, Alt: "iklan " + name, Focus: [2]float64{0.5, 0.5}}}
}

func kinds(model *page.Issue) string {
	var b strings.Builder
	for _, p := range model.Pages {
		b.WriteByte("CcaNBP"[p.Kind])
	}
	return b.String()
}

// fullPageAd tells whether page p is filled by an ad's image to the bleed.
func fullPageAd(p *page.Page, w Length) bool {
	for _, it := range p.Items {
		if im, ok := it.(*page.Image); ok && strings.HasPrefix(im.Name, "full-") && im.W == w && im.Bleed != 0 {
			return true
		}
	}
	return false
}

// TestBudgetMultipleOfFour: whatever the articles' length, the issue has
// a multiple of four pages; without planned material the pages left are
// ruled notes pages, counted as spare, and none is printed when none is
// spare.
func TestBudgetMultipleOfFour(t *testing.T) {
	for paras := 4; paras <= 40; paras += 6 {
		iss := issueOf(story("a", 60, paras, true, false), story("b", 60, paras/2, false, false))
		model, r := layOutPlanned(t, iss)
		b := r.Budget
		notes := strings.Count(kinds(model), "N")
		if len(model.Pages)%4 != 0 || b.Pages != len(model.Pages) || b.Spare != notes || b.NotesAsked != 0 {
			t.Errorf("%d paragraphs: %d pages (%s), budget %+v", paras, len(model.Pages), kinds(model), b)
		}
		if b.Front+b.Articles+b.Spare != b.Pages {
			t.Errorf("%d paragraphs: the budget does not add up: %+v", paras, b)
		}
	}
}

// TestBudgetFillsSparePages: spare pages take the full-page ads (the last
// one the inside back cover) and pages of the smaller ads left over; no
// notes page is printed; what no page needs is reported unused, the last
// listed first left out.
func TestBudgetFillsSparePages(t *testing.T) {
	// one article of a few pages: cover, contents, article pages, back
	iss := issueOf(story("a", 60, 14, true, false))
	_, r0 := layOutPlanned(t, iss)
	spare := r0.Budget.Spare
	if spare < 2 {
		t.Fatalf("the issue has %d spare pages; the test needs 2 or more", spare)
	}
	iss.Plan = &doc.Plan{Ads: []*doc.Ad{ad(doc.AdHalf, "langganan", false), ad(doc.AdHalf, "pajak", true)}}
	for i := 0; i < spare; i++ {
		iss.Plan.Ads = append(iss.Plan.Ads, ad(doc.AdFull, "penuh"+string(rune('a'+i)), true))
	}
	model, r := layOutPlanned(t, iss)
	b := r.Budget
	k := kinds(model)
	if strings.Contains(k, "N") || b.Spare != 0 || len(model.Pages) != r0.Budget.Pages {
		t.Fatalf("pages %s (%d, want %d), budget %+v: a notes page or a page more", k, len(model.Pages), r0.Budget.Pages, b)
	}
	if last := model.Pages[len(model.Pages)-2]; !fullPageAd(last, model.Width) {
		t.Errorf("the inside back cover is not a full-page ad: %s", k)
	}
	// the halves went below the article, or to a page of their own in a
	// full-page ad's place, or were reported unused
	if b.HalfAds+len(b.Unused) == 0 {
		t.Errorf("budget %+v: the half-page ads were neither set nor reported", b)
	}
	if b.NoticePages+b.AdPages+b.Front+b.Articles+b.PhotoPages != b.Pages {
		t.Errorf("the budget does not add up: %+v", b)
	}
	// too much material: the rest is reported, never an extra page
	iss.Plan.Ads = append(iss.Plan.Ads, ad(doc.AdFull, "lebih", false))
	model, r = layOutPlanned(t, iss)
	if len(model.Pages) != r0.Budget.Pages || !strings.Contains(strings.Join(r.Budget.Unused, ","), "lebih") {
		t.Errorf("%d pages, unused %v: want %d pages and the last ad unused", len(model.Pages), r.Budget.Unused, r0.Budget.Pages)
	}
}

// TestNotesPagesOnlyWhenAsked: a notes page is printed when the plan asks
// for one, and counted as asked, not spare.
func TestNotesPagesOnlyWhenAsked(t *testing.T) {
	iss := issueOf(story("a", 60, 14, true, false))
	iss.Plan = &doc.Plan{NotesPages: 1}
	model, r := layOutPlanned(t, iss)
	if r.Budget.NotesAsked != 1 || strings.Count(kinds(model), "N") != 1+r.Budget.Spare {
		t.Errorf("pages %s, budget %+v: want one notes page asked", kinds(model), r.Budget)
	}
}

// TestHalfAdFillsAnArticlesEnd: an article ending part-way down its page
// takes the ads that leave the least room below it, set under the text:
// the room left is too small for any ad left over.
func TestHalfAdFillsAnArticlesEnd(t *testing.T) {
	c := &composer{th: DefaultTheme(), H: page.FromMicrometres(280000)}
	for _, end := range []int{30, 40, 55, 70} { // percent of the page the text takes
		var a *doc.Article
		for paras := 1; paras < 30; paras++ {
			a = story("a", 40, paras, false, false)
			_, r := layOutPlanned(t, issueOf(a))
			if f := r.Articles[0]; f.First == f.Last && 100-f.Empty/10 >= end {
				break
			}
		}
		iss := issueOf(a)
		iss.Plan = &doc.Plan{Ads: []*doc.Ad{ad(doc.AdHalf, "setengah", true), ad(doc.AdQuarter, "seperempat", true), ad(doc.AdQuarter, "kedua", false)}}
		model, r := layOutPlanned(t, iss)
		f := r.Articles[0]
		p := model.Pages[f.Last-1]
		low, text := c.th.MarginTop, Length(0)
		set := map[string]bool{}
		for _, it := range p.Items {
			if tx, ok := it.(*page.Text); ok && tx.Face == string(c.th.Type.Text) {
				text = max(text, tx.Y)
			}
			if im, ok := it.(*page.Image); ok {
				if im.Y < text {
					t.Errorf("text ending %d %%: an ad above the text's end", end)
				}
				low = max(low, im.Y+im.H)
				set[im.Name] = true
			}
		}
		if f.Filler == "" {
			t.Errorf("text ending %d %% down: nothing set below it (budget %+v)", end, r.Budget)
			continue
		}
		for _, a := range iss.Plan.Ads {
			if h := c.th.Grid + slotFor(c.th, page.FromMicrometres(210000), c.H, a.Size).H; !set[a.Figure.Image.Rel] && c.bodyBottom()-low >= h {
				t.Errorf("text ending %d %% down: %s pt left below %q, room for %q (budget %+v)", end, c.bodyBottom()-low, f.Filler, a.Title, r.Budget)
			}
		}
	}
}

// TestBestFit: the pieces that leave the least room win, the fewest and
// then the first listed among equals.
func TestBestFit(t *testing.T) {
	ps := []piece{{title: "a", h: 50}, {title: "b", h: 30}, {title: "c", h: 20}, {title: "d", h: 20}}
	for _, tc := range []struct {
		room Length
		want string
	}{{100, "a,b,c"}, {70, "a,c"}, {45, "c,d"}, {31, "b"}, {20, "c"}, {10, ""}, {52, "a"}} {
		var got []string
		for _, k := range bestFit(ps, tc.room) {
			got = append(got, ps[k].title)
		}
		if strings.Join(got, ",") != tc.want {
			t.Errorf("room %d: %v, want %s", tc.room, got, tc.want)
		}
	}
}

// TestPhotoPage: the photo page has its title, the photo as large as the
// text area allows at print resolution, and the caption with its credit
// under it, read as a figure.
func TestPhotoPage(t *testing.T) {
	iss := issueOf(story("a", 60, 10, true, false))
	iss.Plan = &doc.Plan{Photo: &doc.PhotoPage{Figure: &doc.Figure{Image: &doc.Image{Path: "foto.jpg", Rel: "foto.jpg"}, Alt: "pantai",
		Focus: [2]float64{0.5, 0.5}, Caption: []doc.Span{{Text: "Pantai pagi."}}, Credit: "Agus"}}}
	model, r := layOutPlanned(t, iss)
	if r.Budget.PhotoPages != 1 {
		t.Fatalf("budget %+v: no photo page", r.Budget)
	}
	var p *page.Page
	for _, pg := range model.Pages {
		if pg.Kind == page.KindPlanned {
			p = pg
		}
	}
	c := &composer{th: DefaultTheme(), W: model.Width, H: model.Height}
	var img *page.Image
	var words []string
	for _, it := range p.Items {
		switch it := it.(type) {
		case *page.Image:
			img = it
		case *page.Text:
			words = append(words, it.Text)
		}
	}
	joined := strings.Join(words, " ")
	if !strings.Contains(joined, "Foto Bulan Ini") || !strings.Contains(joined, "Agus") {
		t.Errorf("the page reads %q: want its title and the credit", joined)
	}
	if img == nil || img.Y < c.th.MarginTop || img.Y+img.H > c.bodyBottom() {
		t.Fatalf("the photo %+v is not inside the text area", img)
	}
	if q := ppiAt(3000, img.Crop, img.W); q < doc.SharpPPI {
		t.Errorf("the photo prints at %d ppi", q)
	}
	if img.H*2 < c.bodyBottom()-c.th.MarginTop {
		t.Errorf("the photo takes %s pt of %s: under half the page", img.H, c.bodyBottom()-c.th.MarginTop)
	}
	if n := model.Structure[img.Node]; n.Role != page.RoleFigure || n.Alt != "pantai" {
		t.Errorf("the photo reads as %v %q", n.Role, n.Alt)
	}
}

// TestPlannedPagesAfterArticles: a page from Markdown is set after the
// articles, has its bookmark and its contents entry.
func TestPlannedPagesAfterArticles(t *testing.T) {
	agenda := story("agenda", 40, 6, false, false)
	agenda.Title = "Agenda Desember"
	iss := issueOf(story("a", 60, 10, true, false))
	iss.Plan = &doc.Plan{Pages: []*doc.Article{agenda}}
	model, r := layOutPlanned(t, iss)
	last := r.Articles[len(r.Articles)-1]
	if last.Title != "Agenda Desember" || last.First < r.Articles[0].Last {
		t.Errorf("the agenda is set on pages %d–%d, after the article's %d", last.First, last.Last, r.Articles[0].Last)
	}
	if o := model.Outline[len(model.Outline)-1]; o.Title != "Agenda Desember" {
		t.Errorf("the last bookmark is %q", o.Title)
	}
	found := false
	for _, it := range model.Pages[1].Items {
		if tx, ok := it.(*page.Text); ok && tx.Text == "Agenda" {
			found = true
		}
	}
	if !found {
		t.Errorf("the contents page has no entry for the agenda")
	}
}

// TestStaffBoxOnContents: the masthead box stands at the foot of the
// contents page when it fits there, and is not set again.
func TestStaffBoxOnContents(t *testing.T) {
	iss := issueOf(story("a", 60, 10, true, false), story("b", 60, 3, false, false))
	iss.Colophon = []string{"Pemimpin redaksi: Maria"}
	model, r := layOutPlanned(t, iss)
	c := &composer{th: DefaultTheme(), W: model.Width, H: model.Height}
	panels := 0
	for pi, p := range model.Pages {
		for _, it := range p.Items {
			if rc, ok := it.(*page.Rect); ok && rc.Fill == c.th.Tint {
				panels++
				if pi != 1 || rc.Y+rc.H != c.bodyBottom() {
					t.Errorf("the masthead box on page %d at %s–%s, want the foot of the contents page", pi+1, rc.Y, rc.Y+rc.H)
				}
			}
		}
	}
	if panels != 1 || r.Budget.Boxes != 0 {
		t.Errorf("%d panels, %d boxes on article pages: want the masthead box once, on the contents page", panels, r.Budget.Boxes)
	}
}

// TestFillersGoToHoles: notices written in issue.yaml go below the ends
// of articles that leave room, as sections with a heading.
func TestFillersGoToHoles(t *testing.T) {
	var a *doc.Article
	for paras := 1; paras < 30; paras++ {
		a = story("a", 40, paras, false, false)
		_, r := layOutPlanned(t, issueOf(a))
		if f := r.Articles[0]; 100-f.Empty/10 >= 60 {
			break
		}
	}
	iss := issueOf(a)
	iss.Fillers = []doc.Filler{{Pos: diag.Pos{Path: "issue.yaml", Line: 9}, Title: "Layanan Warga", Text: []doc.Span{{Text: "Kirim pesan ke redaksi."}}}}
	model, r := layOutPlanned(t, iss)
	if f := r.Articles[0]; f.Filler != "Layanan Warga" || r.Budget.Boxes != 1 {
		t.Fatalf("filler %q, %d boxes: want the notice below the article", f.Filler, r.Budget.Boxes)
	}
	sections := 0
	for i, n := range model.Structure {
		if n.Role == page.RoleSection && i+1 < len(model.Structure) && model.Structure[i+1].Role == page.Heading(2) && model.Structure[i+1].Parent == i {
			sections++
		}
	}
	if sections < 2 { // the masthead box on the contents page, and the notice
		t.Errorf("%d boxes with a heading in the structure, want 2", sections)
	}
}

// TestAdSlots: a full page is the trim with its bleed; a half page the
// text area's width and half its height, a line between two; a quarter,
// four to a page.
func TestAdSlots(t *testing.T) {
	iss := issueOf()
	th := DefaultTheme()
	full, half, quarter := AdSlot(iss, doc.AdFull), AdSlot(iss, doc.AdHalf), AdSlot(iss, doc.AdQuarter)
	W, H := page.FromMicrometres(210000), page.FromMicrometres(280000)
	live := bodyBottomOf(th, H) - th.MarginTop
	if full.W != W+2*th.Bleed || full.H != H+2*th.Bleed {
		t.Errorf("full page %s×%s", full.W, full.H)
	}
	if half.W != W-th.MarginInner-th.MarginOuter || 2*half.H+th.Grid > live || 4*quarter.H+3*th.Grid > live || 2*quarter.H+th.Grid > half.H+th.Grid/2 {
		t.Errorf("half %s×%s, quarter %s×%s in a text area %s high", half.W, half.H, quarter.W, quarter.H, live)
	}
}

// TestEveryFigurePlaced: however the pages are made up, every figure of
// every article is set, once, in the sample issues.
func TestEveryFigurePlaced(t *testing.T) {
	for _, dir := range []string{"../issues/issue-12", "../docs/examples/suara-teluk/issues/issue-1"} {
		iss, model := compose(t, dir)
		set := map[string]int{}
		for _, p := range model.Pages {
			for _, it := range p.Items {
				if im, ok := it.(*page.Image); ok {
					set[im.Source]++
				}
			}
		}
		for _, a := range iss.Articles {
			doc.Walk(a.Blocks, func(b doc.Block) {
				if f, ok := b.(*doc.Figure); ok && set[f.Image.Path] != 1 {
					t.Errorf("%s: %s is set %d times", a.Slug, f.Image.Rel, set[f.Image.Path])
				}
			})
		}
	}
}
