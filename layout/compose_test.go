package layout

import (
	"bytes"
	"flag"
	"fmt"
	"magz/internal/jpeg"
	"magz/layout/page"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/images"
	"magz/internal/reader"
	"magz/internal/synth"
	"magz/internal/testissue"
)

var update = flag.Bool("update", false, "rewrite golden files")

// compose reads the issue at dir and lays it out.
func compose(t testing.TB, dir string) (*doc.Issue, *page.Issue) {
	t.Helper()
	diags := &diag.List{}
	iss := reader.Read(dir, diags)
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	store := images.NewStore(nil, jpeg.Fast)
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	model, _ := Compose(iss, Options{Metrics: m, ImageSize: func(img *doc.Image) (int, int, bool) {
		in, ok := store.Probe(img, diags)
		if !ok {
			return 0, 0, false
		}
		return in.Width, in.Height, true
	}})
	return iss, model
}

// TestGoldenPageModel compares the page model of a small issue with
// testdata/small.golden (go test ./layout -update rewrites it).
func TestGoldenPageModel(t *testing.T) {
	a, err := txtar.ParseFile("testdata/small.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "small")
	if err := testissue.Write(dir, a); err != nil {
		t.Fatal(err)
	}
	_, model := compose(t, dir)
	var got bytes.Buffer
	model.Dump(&got)
	golden := "testdata/small.golden"
	if *update {
		os.WriteFile(golden, got.Bytes(), 0o644)
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		gl, wl := strings.Split(got.String(), "\n"), strings.Split(string(want), "\n")
		for i := 0; i < len(gl) && i < len(wl); i++ {
			if gl[i] != wl[i] {
				t.Fatalf("page model differs from %s at line %d (go test ./layout -update to accept):\n got %s\nwant %s", golden, i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("page model differs from %s in length: %d vs %d lines", golden, len(gl), len(wl))
	}
}

type box struct{ x0, y0, x1, y1 Length }

func textBox(m *Metrics, t *page.Text) box {
	w := m.TextWidth(t)
	if t.HasActual && t.Actual == "" {
		// a drop cap: a capital, nothing below the baseline
		return box{t.X, t.Y - t.Size*3/4, t.X + w, t.Y}
	}
	return box{t.X, t.Y - t.Size*3/4, t.X + w, t.Y + t.Size/5}
}

// TestSampleGeometry checks the page model of issue-12 for what the
// printing shop and readers would notice: text off the page or outside its
// column, overlapping words, a page count that cannot be stitched.
func TestSampleGeometry(t *testing.T) {
	iss, model := compose(t, "../issues/issue-12")
	m, _ := NewMetrics()
	if n := len(model.Pages); n%4 != 0 {
		t.Errorf("%d pages, not a multiple of 4", n)
	}
	want := len(iss.Articles)
	if iss.Plan != nil {
		want += len(iss.Plan.Pages)
	}
	if len(model.Outline) != want {
		t.Errorf("%d bookmarks for %d articles and planned pages", len(model.Outline), want)
	}
	th := DefaultTheme()
	for pi, p := range model.Pages {
		var boxes []box
		var texts []*page.Text
		for _, it := range p.Items {
			tx, ok := it.(*page.Text)
			if !ok {
				continue
			}
			b := textBox(m, tx)
			if b.x0 < 0 || b.x1 > model.Width || b.y0 < 0 || b.y1 > model.Height {
				t.Errorf("page %d: %q leaves the trim area (%v..%v, %v..%v)", pi+1, tx.Text, b.x0, b.x1, b.y0, b.y1)
			}
			// Body text stays inside the text area.
			if tx.Face == "Caladea-Regular.ttf" && tx.Size == th.BodySize && p.Kind == page.KindArticle {
				if b.x0 < th.MarginOuter-Pt || b.x1 > model.Width-th.MarginOuter+Pt {
					t.Errorf("page %d: body text %q outside the margins (%v..%v)", pi+1, tx.Text, b.x0, b.x1)
				}
			}
			boxes = append(boxes, b)
			texts = append(texts, tx)
		}
		for i := range boxes {
			for j := i + 1; j < len(boxes); j++ {
				a, b := boxes[i], boxes[j]
				ix := min(a.x1, b.x1) - max(a.x0, b.x0)
				iy := min(a.y1, b.y1) - max(a.y0, b.y0)
				if ix > Pt/2 && iy > Pt {
					t.Errorf("page %d: %q and %q overlap", pi+1, texts[i].Text, texts[j].Text)
				}
			}
		}
	}
	// The contents page names every article with the page it starts on.
	var toc strings.Builder
	for _, it := range model.Pages[1].Items {
		if tx, ok := it.(*page.Text); ok {
			toc.WriteString(tx.Text + "\n")
		}
	}
	for _, o := range model.Outline {
		if !strings.Contains(toc.String(), "\n"+strconv.Itoa(o.Page+1)+"\n") {
			t.Errorf("contents page lacks page number %d for %q", o.Page+1, o.Title)
		}
		if model.Pages[o.Page].Kind != page.KindArticle {
			t.Errorf("bookmark %q points at a %v page", o.Title, model.Pages[o.Page].Kind)
		}
	}
	if model.Pages[0].Kind != page.KindCover || model.Pages[len(model.Pages)-1].Kind != page.KindBack {
		t.Error("want a cover first and a back cover last")
	}
}

// BenchmarkCompose measures layout alone (no image work) of issue-12.
func BenchmarkCompose(b *testing.B) {
	diags := &diag.List{}
	iss := reader.Read("../issues/issue-12", diags)
	store := images.NewStore(nil, jpeg.Fast)
	sizes := map[string][2]int{}
	for _, p := range collectImages(iss) {
		in, _ := store.Probe(p, diags)
		sizes[p.Path] = [2]int{in.Width, in.Height}
	}
	m, _ := NewMetrics()
	opt := Options{Metrics: m, ImageSize: func(img *doc.Image) (int, int, bool) {
		s := sizes[img.Path]
		return s[0], s[1], true
	}}
	b.ResetTimer()
	pages := 0
	for i := 0; i < b.N; i++ {
		model, _ := Compose(iss, opt)
		pages = len(model.Pages)
	}
	b.ReportMetric(float64(pages), "pages")
}

func collectImages(iss *doc.Issue) []*doc.Image {
	var out []*doc.Image
	if iss.Cover != nil {
		out = append(out, iss.Cover.Image)
	}
	for _, a := range iss.Articles {
		if a.Hero != nil {
			out = append(out, a.Hero.Image)
		}
		for _, b := range a.Blocks {
			if f, ok := b.(*doc.Figure); ok {
				out = append(out, f.Image)
			}
		}
	}
	return out
}

// BenchmarkCompose48 lays out a synthetic issue of about 48 pages (12
// articles of 1300 words with photos): the layout engine's share of a build.
func BenchmarkCompose48(b *testing.B) {
	rng := rand.New(rand.NewSource(1))
	iss := &doc.Issue{Magazine: "Kabar Uji", Number: 1, Language: "id", Trim: doc.Trim{Width: 210000, Height: 280000}}
	img := &doc.Image{Path: "/bench/photo.jpg", Rel: "images/photo.jpg"}
	for a := 0; a < 12; a++ {
		art := &doc.Article{Slug: fmt.Sprint("a", a), Title: synth.Text(rng, 6), Subtitle: synth.Text(rng, 18), Author: "Penulis",
			Section: "Rubrik", Columns: 2 + a%2, Hero: &doc.Figure{Image: img, Alt: "foto", Credit: "Foto"}}
		for p := 0; p < 10; p++ {
			art.Blocks = append(art.Blocks, &doc.Paragraph{Spans: []doc.Span{{Text: synth.Text(rng, 95)}}})
			if p%5 == 2 {
				art.Blocks = append(art.Blocks, &doc.Figure{Image: img, Alt: "foto", Caption: []doc.Span{{Text: synth.Text(rng, 12)}}, Credit: "Foto"})
			}
			if p == 7 {
				art.Blocks = append(art.Blocks, &doc.Heading{Level: 2, Spans: []doc.Span{{Text: synth.Text(rng, 4)}}})
			}
		}
		iss.Articles = append(iss.Articles, art)
	}
	m, _ := NewMetrics()
	opt := Options{Metrics: m, ImageSize: func(*doc.Image) (int, int, bool) { return 4000, 3000, true }}
	b.ResetTimer()
	pages := 0
	for i := 0; i < b.N; i++ {
		model, _ := Compose(iss, opt)
		pages = len(model.Pages)
	}
	b.ReportMetric(float64(pages), "pages")
}

// TestEverythingTaggedButFurniture: on the sample issue every text and
// image belongs to an element of the structure, except the furniture
// (running heads and folios, in the top and bottom margins), which
// belongs to none; every picture is a figure or marked decoration; and the
// structure's nodes name parents that come before them.
func TestEverythingTaggedButFurniture(t *testing.T) {
	_, model := compose(t, "../issues/issue-12")
	top, bottom := 15*MM, model.Height-12*MM
	tagged, furniture := 0, 0
	for i, p := range model.Pages {
		for _, it := range p.Items {
			var node int
			var y Length
			var what string
			switch it := it.(type) {
			case *page.Text:
				node, y, what = it.Node, it.Y, it.Text
			case *page.Image:
				// pictures are never furniture: tagged, or decoration
				if it.Node == 0 {
					t.Errorf("page %d: %s is neither tagged nor decoration", i+1, it.Name)
				}
				continue
			default:
				continue
			}
			inMargin := y <= top || y >= bottom
			isFurniture := inMargin && p.Kind != page.KindCover && p.Kind != page.KindBack
			switch {
			case isFurniture && node != 0:
				t.Errorf("page %d: %q in the margin is tagged as content (node %d)", i+1, what, node)
			case !isFurniture && node == 0 && !(p.Kind == page.KindNotes):
				// (decoration on purpose, page.Decoration, is an artifact:
				// a pull quote that repeats the text, a table's repeated header)
				t.Errorf("page %d: %q is not tagged", i+1, what)
			case isFurniture:
				furniture++
			default:
				tagged++
			}
		}
	}
	if tagged == 0 || furniture == 0 {
		t.Errorf("%d tagged items, %d furniture", tagged, furniture)
	}
	for n, nd := range model.Structure {
		if n > 0 && (nd.Parent >= n || nd.Parent < 0) {
			t.Errorf("node %d (%s) names parent %d", n, nd.Role, nd.Parent)
		}
	}
}
