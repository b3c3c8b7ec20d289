package layout

import (
	"strings"
	"testing"

	"magz/internal/doc"
	"magz/layout/page"
)

// TestRunningHeadRightToLeft: a running head in a right-to-left script
// stays at the outer edge of the page's text box, on left and right pages
// alike (it was mirrored a second time across the box and left the right
// pages: found by FuzzLayout).
func TestRunningHeadRightToLeft(t *testing.T) {
	m, err := NewMetrics()
	if err != nil {
		t.Fatal(err)
	}
	title := "السوق الجديد في المدينة"
	var blocks []doc.Block
	for range 12 {
		blocks = append(blocks, &doc.Paragraph{Spans: []doc.Span{{Text: strings.Repeat("Pasar baru di kota itu ramai setiap pagi. ", 12)}}})
	}
	iss := &doc.Issue{Magazine: "Kabar Uji", Title: "Edisi", Number: 1, Language: "id", Trim: doc.Trim{Width: 210000, Height: 280000},
		Articles: []*doc.Article{{Slug: "a", Title: title, Columns: 2, Blocks: blocks}}}
	model, _ := Compose(iss, Options{Metrics: m})
	c := newComposer(iss, Options{Metrics: m}) // for the text box and the head's place
	heads := 0
	for i, p := range model.Pages {
		if i == 0 || i == len(model.Pages)-1 {
			continue
		}
		x, w := c.textBox(i)
		for _, it := range p.Items {
			tx, ok := it.(*page.Text)
			if !ok || tx.Y != c.th.Pages.HeadBaseline {
				continue
			}
			heads++
			if tw := m.TextWidth(tx); tx.X < x-Pt || tx.X+tw > x+w+Pt {
				t.Errorf("page %d: the running head %q at %v–%v is outside the text box %v–%v", i+1, tx.Text, tx.X, tx.X+tw, x, x+w)
			}
		}
	}
	if heads == 0 {
		t.Fatal("no running heads found")
	}
}
