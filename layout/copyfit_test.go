package layout

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	"magz/fonts"
	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/theme"
	"magz/layout/page"
)

// Copyfitting, one test per means, on issues made in memory: articles of
// a chosen length, photos of a chosen shape (no files: layout needs only
// their pixel size).

var vocabulary = strings.Fields("jalan kampung pasar mama sagu noken honai guru bidan perahu danau kebun kopi " +
	"hujan gunung lembah sungai anak sekolah puskesmas kader posyandu listrik sinyal harga ubi pinang")

// text returns n words of body text, the same for the same n.
func text(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(vocabulary[(i*7+i/5)%len(vocabulary)])
		if i%13 == 12 {
			b.WriteByte('.')
		}
	}
	return b.String() + "."
}

// story is an article of paras paragraphs of words words each, with an
// opener photo when hero, and a landscape figure after its first
// paragraph when figure.
func story(name string, words, paras int, hero, figure bool) *doc.Article {
	a := &doc.Article{Slug: name, Pos: diag.Pos{Path: name + ".md", Line: 1}, Title: "Judul " + name, Columns: 2}
	a.TitleSpans = []doc.Span{{Text: a.Title}}
	if hero {
		a.Hero = &doc.Figure{Image: &doc.Image{Path: name + "-hero.jpg", Rel: name + "-hero.jpg"}, Alt: "foto", Focus: [2]float64{0.5, 0.5}}
	}
	for i := 0; i < paras; i++ {
		a.Blocks = append(a.Blocks, &doc.Paragraph{Pos: diag.Pos{Path: a.Pos.Path, Line: 3 + i}, Spans: []doc.Span{{Text: text(words)}}})
		if i == 0 && figure {
			a.Blocks = append(a.Blocks, &doc.Figure{Image: &doc.Image{Path: name + "-fig.jpg", Rel: name + "-fig.jpg"}, Alt: "foto", Focus: [2]float64{0.5, 0.5},
				Caption: []doc.Span{{Text: "Keterangan foto."}}})
		}
	}
	return a
}

func issueOf(articles ...*doc.Article) *doc.Issue {
	return &doc.Issue{Magazine: "Warta", Number: 1, Language: "id", Trim: doc.Trim{Width: 210000, Height: 280000}, Articles: articles}
}

// laid is an issue laid out, with the layout's report.
type laid struct {
	*page.Issue
	Copyfit []Fit
	Budget  Budget
}

// layOut composes an issue; photos are 3000×2000 pixels.
func layOut(t *testing.T, iss *doc.Issue, noCopyfit bool) (laid, []string) {
	t.Helper()
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	var warnings []string
	model, report := Compose(iss, Options{Metrics: m, NoCopyfit: noCopyfit,
		ImageSize: func(*doc.Image) (int, int, bool) { return 3000, 2000, true },
		Warn:      func(_ diag.Pos, f string, args ...any) { warnings = append(warnings, fmt.Sprintf(f, args...)) },
	})
	return laid{model, report.Articles, report.Budget}, warnings
}

// find returns the first length of text (paragraphs of 60 words) for
// which the article, as designed, ends as want says; the search makes the
// tests independent of the exact metrics.
func find(t *testing.T, mk func(paras int) *doc.Issue, want func(Fit) bool) (int, Fit) {
	t.Helper()
	for paras := 2; paras < 60; paras++ {
		model, _ := layOut(t, mk(paras), true)
		if f := model.Copyfit[0]; want(f) {
			return paras, f
		}
	}
	t.Fatal("no article length gives the case to test")
	return 0, Fit{}
}

// TestCopyfitPullsBack: an article that runs over onto a page of its own
// by a few lines is pulled back by a shorter opener photo.
func TestCopyfitPullsBack(t *testing.T) {
	mk := func(paras int) *doc.Issue { return issueOf(story("a", 60, paras, true, false)) }
	paras, designed := find(t, mk, func(f Fit) bool { return f.Last > f.First && f.EndLines > 0 && f.EndLines <= 10 })
	model, _ := layOut(t, mk(paras), false)
	got := model.Copyfit[0]
	if got.Last != got.First || got.HeroPct >= 100 {
		t.Errorf("designed on pages %d–%d (%d lines over); copyfitted on %d–%d with the opener photo at %d %%, want one page with a shorter photo",
			designed.First, designed.Last, designed.EndLines, got.First, got.Last, got.HeroPct)
	}
}

// TestCopyfitFillsWithFigures: an article whose last page is partly
// empty gets taller photos, and less of the page stays empty.
func TestCopyfitFillsWithFigures(t *testing.T) {
	mk := func(paras int) *doc.Issue { return issueOf(story("a", 60, paras, true, true)) }
	paras, designed := find(t, mk, func(f Fit) bool { return f.Empty >= 150 && f.Empty <= 300 })
	model, _ := layOut(t, mk(paras), false)
	got := model.Copyfit[0]
	if got.Empty >= designed.Empty || got.HeroPct <= 100 && got.FigsPct <= 100 {
		t.Errorf("designed: %d‰ empty; copyfitted: %d‰ empty with the opener photo at %d %% and figures at %d %%, want less empty with a taller photo",
			designed.Empty, got.Empty, got.HeroPct, got.FigsPct)
	}
}

// TestShortItemRunsIn: a short item (no opener photo) after an article
// that ends part-way down its page starts there, below a rule; as
// designed it opens a page of its own.
func TestShortItemRunsIn(t *testing.T) {
	mk := func(paras int) *doc.Issue {
		// a has nothing to grow: only the short item can fill its page
		return issueOf(story("a", 60, paras, false, false), story("b", 40, 3, false, false))
	}
	paras, _ := find(t, mk, func(f Fit) bool { return f.Empty >= 500 })
	designed, _ := layOut(t, mk(paras), true)
	if a, b := designed.Copyfit[0], designed.Copyfit[1]; b.First != a.Last+1 {
		t.Fatalf("as designed the short item starts on page %d, after %d", b.First, a.Last)
	}
	model, _ := layOut(t, mk(paras), false)
	a, b := model.Copyfit[0], model.Copyfit[1]
	if !b.RunIn || b.First != a.Last || a.Followed != "Judul b" {
		t.Errorf("short item on pages %d–%d (runs in: %v) after an article ending %d‰ empty on page %d", b.First, b.Last, b.RunIn, a.Empty, a.Last)
	}
	if model.Outline[1].Page != b.First-1 {
		t.Errorf("its bookmark points at page index %d, want %d", model.Outline[1].Page, b.First-1)
	}
}

// TestFlatplan: an article the flatplan gives one page is fitted to it;
// one it gives more pages than it can fill is reported, with how much more
// text would fill them.
func TestFlatplan(t *testing.T) {
	mk := func(paras int) *doc.Issue { return issueOf(story("a", 60, paras, true, false)) }
	paras, _ := find(t, mk, func(f Fit) bool { return f.Last > f.First && f.EndLines > 0 && f.EndLines <= 10 })
	iss := mk(paras)
	iss.Articles[0].Pages = 1
	model, warnings := layOut(t, iss, false)
	if f := model.Copyfit[0]; f.Last != f.First || len(warnings) != 0 {
		t.Errorf("pages: 1 set on %d–%d, warnings %v", f.First, f.Last, warnings)
	}
	iss = mk(paras)
	iss.Articles[0].Pages = 4
	_, warnings = layOut(t, iss, false)
	if len(warnings) != 1 || !strings.Contains(warnings[0], "the flatplan gives this article 4 pages and it fills 2: about ") {
		t.Errorf("pages: 4 on a 2-page article: warnings %q", warnings)
	}
}

// TestThemeLook: a theme's section colour accents its articles (and only
// them), and its furniture settings place the folio and leave out the
// running heads.
func TestThemeLook(t *testing.T) {
	a, b := story("a", 60, 8, false, false), story("b", 60, 8, false, false)
	a.Section, b.Section = "Lingkungan", "Laporan"
	iss := issueOf(a, b)
	iss.Theme = theme.Default()
	green, _ := theme.ParseColour("#2e6b30")
	iss.Theme.Sections = map[string]page.Color{"lingkungan": green}
	iss.Theme.Furniture = theme.Furniture{Folio: theme.FolioCentre, RunningHeads: false}
	model, _ := layOut(t, iss, true)
	uses := func(pi int, col page.Color) bool {
		for _, it := range model.Pages[pi].Items {
			if tx, ok := it.(*page.Text); ok && tx.Color == col {
				return true
			}
		}
		return false
	}
	fa, fb := model.Copyfit[0], model.Copyfit[1]
	if !uses(fa.First-1, green) || uses(fb.First-1, green) || !uses(fb.First-1, iss.Theme.Accent) {
		t.Error("the section colour does not accent its own article alone")
	}
	folios := 0
	for pi, p := range model.Pages {
		if p.Kind != page.KindArticle {
			continue
		}
		for _, it := range p.Items {
			tx, ok := it.(*page.Text)
			if !ok || tx.Text != strconv.Itoa(p.Folio) {
				continue
			}
			folios++
			c := &composer{th: iss.Theme, W: model.Width, H: model.Height}
			x, w := c.textBox(pi)
			m, _ := NewMetrics()
			if mid := tx.X + m.Width(fonts.Face(tx.Face), tx.Size, tx.Text)/2; mid < x+w/2-2*Pt || mid > x+w/2+2*Pt {
				t.Errorf("page %d: folio at %v, not centred in %v..%v", p.Folio, tx.X, x, x+w)
			}
		}
		for _, it := range p.Items {
			if r, ok := it.(*page.Rule); ok && r.Y1 == 138*MM/10 {
				t.Errorf("page %d has a running head's rule", p.Folio)
			}
		}
	}
	if folios < 2 {
		t.Errorf("%d folios checked", folios)
	}
}
