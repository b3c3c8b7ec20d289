package layout

import (
	"path/filepath"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/images"
	"magz/internal/jpeg"
	"magz/internal/reader"
	"magz/internal/testissue"
	"magz/internal/theme"
	"magz/layout/page"
)

func article(section, photo string, opener theme.Design) *doc.Article {
	a := &doc.Article{Slug: section, Title: "Judul " + section, Section: section, Columns: 2, Opener: opener}
	if photo != "" {
		a.Hero = figureOf(photo)
	}
	return a
}

// TestOpenerDesigns: each article opens in a design that suits its kind
// and photo — an interview with a portrait and a quote, a portrait photo
// beside the headline, a landscape across the top, no photo on the paper
// — two in a row never alike, and the header's opener: wins when its
// photo suits it.
func TestOpenerDesigns(t *testing.T) {
	c := pictureComposer(map[string][2]int{"land": {2400, 1600}, "tall": {1600, 2400}, "pano": {3000, 1000}, "low": {600, 400}})
	c.opt.Warn = func(diag.Pos, string, ...any) {}
	c.iss = &doc.Issue{Articles: []*doc.Article{
		article("Tajuk", "", 0),
		article("Laporan", "land", 0),
		article("Wawancara", "tall", 0),
		article("Budaya", "tall", 0),                // a portrait, after a portrait opener: beside
		article("Budaya", "land", 0),                // after beside: top
		article("Kesehatan", "land", 0),             // after top: beside
		article("Kolom", "", 0),                     // no photo
		article("Kolom", "", 0),                     // no photo again: the band
		article("Foto", "land", theme.DesignBeside), // named
		article("Foto", "land", theme.DesignBeside), // named again: the editor's choice wins
		article("Foto", "land", theme.DesignFull),   // a landscape cannot fill a portrait page
	}}
	want := []theme.Design{theme.DesignType, theme.DesignTop, theme.DesignPortrait, theme.DesignBeside, theme.DesignTop,
		theme.DesignBeside, theme.DesignType, theme.DesignBand, theme.DesignBeside, theme.DesignBeside, theme.DesignTop}
	for i, a := range c.iss.Articles {
		if got := c.design(a); got != want[i] {
			t.Errorf("article %d (%s, %v): %v, want %v", i+1, a.Section, a.Hero != nil, got, want[i])
		}
	}
}

// TestOpenerDesignsAlternate: in the sample issues and the pictures test
// issue (internal/pipeline/testdata), no two articles in a
// row open alike, and every design with a photo keeps the photo's crop
// within the limit.
func TestOpenerDesignsAlternate(t *testing.T) {
	a, err := txtar.ParseFile("../internal/pipeline/testdata/pictures.txtar")
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	if err := testissue.Write(root, a); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"../issues/issue-12", "../docs/examples/suara-teluk/issues/issue-1", filepath.Join(root, "issues", "edisi-7")} {
		diags := &diag.List{}
		iss := reader.Read(dir, diags)
		if diags.HasErrors() {
			t.Fatal(diags.Err())
		}
		store := images.NewStore(nil, jpeg.Fast)
		c := &composer{iss: iss, th: iss.Theme.Or(), W: page.FromMicrometres(iss.Trim.Width), H: page.FromMicrometres(iss.Trim.Height)}
		c.opt.ImageSize = func(img *doc.Image) (int, int, bool) {
			in, ok := store.Probe(img, diags)
			if !ok {
				return 0, 0, false
			}
			return in.Width, in.Height, true
		}
		prev := theme.DesignAuto
		seen := map[theme.Design]bool{}
		for _, a := range iss.Articles {
			d := c.design(a)
			if d == prev && a.Opener == theme.DesignAuto {
				t.Errorf("%s: %s opens as %s, as the article before it", filepath.Base(dir), a.Slug, d)
			}
			if a.Hero != nil && !c.suits(a.Hero, d) && d != theme.DesignTop {
				t.Errorf("%s: %s opens as %s, which its photo does not suit", filepath.Base(dir), a.Slug, d)
			}
			seen[d], prev = true, d
		}
		if dir == "../issues/issue-12" && (!seen[theme.DesignTop] || !seen[theme.DesignBeside] || !seen[theme.DesignPortrait]) {
			t.Errorf("issue-12 opens with %v; want the three photo designs", seen)
		}
	}
}
