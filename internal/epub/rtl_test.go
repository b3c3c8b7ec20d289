package epub

import (
	"strings"
	"testing"
	"time"

	"magz/internal/doc"
)

// TestRightToLeftBlocks: a paragraph, a heading, a list item and a
// quotation whose text is Arabic are set right to left (their indent,
// marker and margin at the right); Indonesian ones, and an Indonesian
// paragraph with Arabic in it, are not.
func TestRightToLeftBlocks(t *testing.T) {
	para := func(s string) *doc.Paragraph { return &doc.Paragraph{Spans: []doc.Span{{Text: s}}} }
	iss := &doc.Issue{Name: "uji", Magazine: "Uji", Number: 1, Language: "id", Date: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)}
	a := &doc.Article{Slug: "satu", Title: "Satu", Blocks: []doc.Block{
		para("«مرحبا بكم» في السوق الكبير."),
		para("Di pasar orang menyapa مرحبا بكم setiap pagi."),
		&doc.Heading{Level: 2, Spans: []doc.Span{{Text: "السوق"}}},
		&doc.List{Items: [][]doc.Block{{para("مرحبا")}, {para("Selamat pagi")}}},
		&doc.Quote{Blocks: []doc.Block{&doc.Quote{Blocks: []doc.Block{para("2026: السلام عليكم")}}}},
		&doc.Quote{Blocks: []doc.Block{para("kutipan")}},
	}}
	body := Body(iss, a, func(*doc.Figure) string { return "" })
	for _, want := range []string{
		`<p dir="rtl">«<span lang="ar"`,
		"<p>Di pasar orang menyapa <span",
		`<h2 id="h-1" dir="rtl">`,
		`<li dir="rtl">`,
		"<li><p>Selamat pagi</p>",
		"<blockquote dir=\"rtl\">\n<blockquote dir=\"rtl\">",
		"<blockquote>\n<p>kutipan",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("no %q in\n%s", want, body)
		}
	}
}
