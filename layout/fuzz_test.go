package layout

import (
	"magz/layout/page"
	"strings"
	"testing"
	"time"

	"magz/internal/doc"
)

// FuzzLayout sets arbitrary text as an article: layout must finish, never
// panic, and keep every text run on the page.
func FuzzLayout(f *testing.F) {
	for _, seed := range []string{
		"Pembangunan jalan di kabupaten itu membawa perubahan.",
		strings.Repeat("kata ", 500),
		"https://example.org/" + strings.Repeat("x", 300),
		strings.Repeat("Supercalifragilistic", 20),
		"a\u00adb\u200bc \U0001F389 \t\n\r — “quote” ½ ẞ ﬁ",
		"",
		" ",
		strings.Repeat("-", 200),
	} {
		f.Add(seed, 2, true)
	}
	m, err := NewMetrics()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string, columns int, heading bool) {
		if len(text) > 4000 {
			return
		}
		columns = 1 + (columns%3+3)%3
		var blocks []doc.Block
		for _, p := range strings.Split(text, "\n\n") {
			blocks = append(blocks, &doc.Paragraph{Spans: []doc.Span{{Text: p}, {Text: p, Style: doc.Emph}}})
			if heading {
				blocks = append(blocks, &doc.Heading{Level: 2, Spans: []doc.Span{{Text: p}}})
			}
		}
		iss := &doc.Issue{Magazine: text, Title: text, Number: 1, Language: "id", Trim: doc.Trim{Width: 210000, Height: 280000},
			Articles: []*doc.Article{{Slug: "a", Title: text + "x", Subtitle: text, Author: text, Section: text, Columns: columns, Blocks: blocks,
				Notes: []doc.Note{{N: 1, Spans: []doc.Span{{Text: text}}}}}}}
		done := make(chan *page.Issue, 1)
		go func() { model, _ := Compose(iss, Options{Metrics: m}); done <- model }()
		var model *page.Issue
		select {
		case model = <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("layout did not finish for %q", text)
		}
		if len(model.Pages)%4 != 0 {
			t.Fatalf("%d pages", len(model.Pages))
		}
		for pi, p := range model.Pages {
			for _, it := range p.Items {
				tx, ok := it.(*page.Text)
				if !ok {
					continue
				}
				w := m.TextWidth(tx)
				if tx.X < -Pt || tx.X+w > model.Width+Pt || tx.Y < 0 || tx.Y > model.Height {
					t.Fatalf("page %d: %q at %v,%v (width %v) leaves the page", pi+1, tx.Text, tx.X, tx.Y, w)
				}
			}
		}
	})
}
