package layout

import (
	"strings"
	"testing"

	"magz/internal/doc"
	"magz/layout/page"
)

// composeArticle lays out an issue of one article with blocks.
func composeArticle(t *testing.T, blocks ...doc.Block) *page.Issue {
	t.Helper()
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	iss := &doc.Issue{Magazine: "Kabar Uji", Number: 1, Language: "id", Trim: doc.Trim{Width: 210000, Height: 280000},
		Articles: []*doc.Article{{Slug: "a", Title: "Judul", Columns: 2, Blocks: blocks}}}
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
