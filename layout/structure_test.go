package layout

import (
	"strings"
	"testing"

	"magz/internal/doc"
	"magz/layout/page"
)

// composeArticle lays out an issue of one article with blocks.
func composeArticle(t *testing.T, blocks ...doc.Block) *page.Issue {
	return composeOne(t, &doc.Article{Slug: "a", Title: "Judul", Columns: 2, Blocks: blocks})
}

// composeOne lays out an issue of one article.
func composeOne(t *testing.T, a *doc.Article) *page.Issue {
	t.Helper()
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	iss := &doc.Issue{Magazine: "Kabar Uji", Number: 1, Language: "id", Trim: doc.Trim{Width: 210000, Height: 280000}, Articles: []*doc.Article{a}}
	model, _ := Compose(iss, Options{Metrics: m, ImageSize: func(*doc.Image) (int, int, bool) { return 1200, 800, true }})
	return model
}

// textOf returns the text of the items that belong to element n or to
// elements inside it, in the order drawn.
func textOf(model *page.Issue, n int) string {
	inside := func(m int) bool {
		for ; m > 0; m = model.Structure[m].Parent {
			if m == n {
				return true
			}
		}
		return false
	}
	var b strings.Builder
	for _, p := range model.Pages {
		for _, it := range p.Items {
			if t, ok := it.(*page.Text); ok && inside(t.Node) {
				b.WriteString(t.Text + " ")
			}
		}
	}
	return strings.TrimSpace(b.String())
}

// TestTableHeaderCells: a table's header cells head their columns, and
// each cell holds its own text.
func TestTableHeaderCells(t *testing.T) {
	spans := func(s string) []doc.Span { return []doc.Span{{Text: s}} }
	model := composeArticle(t, &doc.Table{Align: []doc.Align{doc.AlignLeft, doc.AlignRight},
		Header: [][]doc.Span{spans("Kampung"), spans("Warga")},
		Rows:   [][][]doc.Span{{spans("Yoboi"), spans("412")}, {spans("Sawai"), spans("230")}}})
	var th, td []string
	for n, nd := range model.Structure {
		switch nd.Role {
		case page.RoleHeaderCell:
			th = append(th, textOf(model, n))
			if nd.Scope != page.ScopeColumn {
				t.Errorf("header cell %q has scope %q, want Column", textOf(model, n), nd.Scope)
			}
		case page.RoleCell:
			td = append(td, textOf(model, n))
			if nd.Scope != "" {
				t.Errorf("data cell %q has scope %q", textOf(model, n), nd.Scope)
			}
		}
	}
	if got := strings.Join(th, "|"); got != "Kampung|Warga" {
		t.Errorf("header cells %q", got)
	}
	if got := strings.Join(td, "|"); got != "Yoboi|412|Sawai|230" {
		t.Errorf("data cells %q", got)
	}
}

// TestOneLinkElement: a link is one Link element, however many runs
// (an emphasised word) and lines it takes, holding its text and each of
// its annotations; the text around it stays the paragraph's; a footnote
// reference is a Reference holding a Link, and a note's number a Link
// back.
func TestOneLinkElement(t *testing.T) {
	url := "https://contoh.lembahhijau.go.id/posyandu-keliling/jadwal-dan-titik-kumpul-2026"
	long := strings.Repeat("Kader posyandu datang ke kampung setiap bulan. ", 6)
	model := composeOne(t, &doc.Article{Slug: "a", Title: "Judul", Columns: 2,
		Blocks: []doc.Block{&doc.Paragraph{Spans: []doc.Span{{Text: long + "Jadwalnya ada di "}, {Text: "laman ", Link: url},
			{Text: "puskesmas", Style: doc.Emph, Link: url}, {Text: " " + url, Link: url}, {Text: " dan di papan kampung."}, {Note: 1}}}},
		Notes: []doc.Note{{N: 1, Spans: []doc.Span{{Text: "Jadwal bisa berubah."}}}}})
	var links []int
	for n, nd := range model.Structure {
		if nd.Role == page.RoleLink {
			links = append(links, n)
		}
	}
	// the web link, the footnote reference's link, the note's number
	if len(links) != 0 && model.Structure[links[0]].Parent == 0 {
		t.Fatalf("a link outside any element")
	}
	web := -1
	for _, n := range links {
		if strings.Contains(textOf(model, n), "laman") {
			if web >= 0 {
				t.Errorf("the link's text is in two Link elements: %d and %d", web, n)
			}
			web = n
		}
	}
	if web < 0 {
		t.Fatal("no Link element holds the link's text")
	}
	if got := textOf(model, web); !strings.HasPrefix(got, "laman puskesmas https://contoh.lembahhijau") {
		t.Errorf("the Link element holds %q", got)
	}
	annots := 0
	for _, p := range model.Pages {
		for _, it := range p.Items {
			if l, ok := it.(*page.Link); ok && l.URL == url {
				annots++
				if l.Node != web {
					t.Errorf("an annotation of the link belongs to element %d, not its Link element %d", l.Node, web)
				}
			}
		}
	}
	if annots < 2 {
		t.Errorf("%d annotations: the link should take more than one line", annots)
	}
	// the address, broken over lines, reads whole: its first part as all
	// of it, the others as nothing
	var reads []string
	for _, p := range model.Pages {
		for _, it := range p.Items {
			if x, ok := it.(*page.Text); ok && x.Node == web && x.HasActual {
				reads = append(reads, x.Actual)
			}
		}
	}
	if len(reads) < 2 || reads[0] != url || strings.Join(reads[1:], "") != "" {
		t.Errorf("the address's parts read as %q", reads)
	}
	if p := model.Structure[web].Parent; model.Structure[p].Role != page.RoleP || !strings.Contains(textOf(model, p), "papan kampung") {
		t.Errorf("the link is not inside its paragraph")
	}
	// the footnote: a Reference holding a Link with its number; the note's
	// number a Link back, inside the note
	var ref, back []string
	for n, nd := range model.Structure {
		if nd.Role != page.RoleLink || n == web {
			continue
		}
		switch model.Structure[nd.Parent].Role {
		case page.RoleReference:
			ref = append(ref, textOf(model, n))
		case page.RoleNote:
			back = append(back, textOf(model, n))
		case page.RoleP: // a contents entry
			if model.Structure[model.Structure[nd.Parent].Parent].Role != page.RoleTOCItem {
				t.Errorf("a Link element %q in a paragraph of its own", textOf(model, n))
			}
		default:
			t.Errorf("a Link element %q in a %s", textOf(model, n), model.Structure[nd.Parent].Role)
		}
	}
	if strings.Join(ref, "|") != "1" || strings.Join(back, "|") != "1." {
		t.Errorf("footnote links: reference %q, back %q", ref, back)
	}
}

// TestCaptionBesidePicture: a described picture is a Figure with its
// alternative text and its caption a Caption beside it in a group — never
// inside the element whose alternative text stands for all its content; a
// decorative picture is decoration and its caption a paragraph.
func TestCaptionBesidePicture(t *testing.T) {
	img := &doc.Image{Path: "/x/a.jpg", Rel: "images/a.jpg"}
	caption := []doc.Span{{Text: "Pasar pagi di Yoboi."}}
	model := composeArticle(t,
		&doc.Figure{Image: img, Alt: "Los sayur penuh pembeli", Caption: caption, Credit: "Ester"},
		&doc.Figure{Image: img, Decorative: true, Caption: []doc.Span{{Text: "Hiasan."}}})
	var figures, captions, paras int
	for n, nd := range model.Structure {
		switch nd.Role {
		case page.RoleFigure:
			figures++
			if nd.Alt != "Los sayur penuh pembeli" || model.Structure[nd.Parent].Role != page.RoleDiv || textOf(model, n) != "" {
				t.Errorf("figure %d: alt %q in a %s, holding %q", n, nd.Alt, model.Structure[nd.Parent].Role, textOf(model, n))
			}
		case page.RoleCaption:
			captions++
			if p := model.Structure[nd.Parent]; p.Role != page.RoleDiv || !strings.HasPrefix(textOf(model, n), "Pasar pagi") {
				t.Errorf("caption %q in a %s", textOf(model, n), p.Role)
			}
		case page.RoleP:
			if strings.HasPrefix(textOf(model, n), "Hiasan.") {
				paras++
			}
		}
	}
	if figures != 1 || captions != 1 || paras != 1 {
		t.Errorf("%d figures, %d captions, %d captions of decoration as paragraphs; want 1 each", figures, captions, paras)
	}
	for _, p := range model.Pages {
		for _, it := range p.Items {
			if im, ok := it.(*page.Image); ok && im.Node != page.Decoration && model.Structure[im.Node].Role != page.RoleFigure {
				t.Errorf("a picture belongs to a %s", model.Structure[im.Node].Role)
			}
		}
	}
}
