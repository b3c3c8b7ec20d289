// A pull quote from the article: where an article ends part-way down its
// last page and nothing planned fills the room, copyfitting may set one
// of its own sentences large in a column, as a designer does. The
// sentence is a quotation from the text when there is one (what someone
// said, between “ and ”), else the first sentence of fitting length from
// the article's middle. It repeats the text, so readers of the tagged PDF
// do not hear it twice: it is decoration.

package layout

import (
	"strings"
	"unicode/utf8"

	"magz/internal/doc"
)

// A pulled sentence is this long, in characters.
const pullMin, pullMax = 50, 170

// pullQuote finds the sentence an article may pull, and the index of the
// block it is set after; ok is false when the article has a pull quote of
// its own or no sentence fits.
func pullQuote(a *doc.Article) (q string, after int, ok bool) {
	var paras []int
	for k, bl := range a.Blocks {
		switch bl.(type) {
		case *doc.PullQuote:
			return "", 0, false
		case *doc.Paragraph:
			paras = append(paras, k)
		}
	}
	if len(paras) < 4 {
		return "", 0, false
	}
	fits := func(s string) bool { n := utf8.RuneCountInString(s); return n >= pullMin && n <= pullMax }
	// a block quotation's first sentence: a reader's own words
	for _, bl := range a.Blocks {
		if q, ok := bl.(*doc.Quote); ok && len(q.Blocks) > 0 {
			if p, ok := q.Blocks[0].(*doc.Paragraph); ok {
				for _, s := range sentences(doc.PlainText(p.Spans)) {
					if fits(s) {
						return s, paras[len(paras)/2], true
					}
				}
			}
		}
	}
	// a quotation first, from the article's second fifth on
	for _, k := range paras[len(paras)/5:] {
		txt := doc.PlainText(a.Blocks[k].(*doc.Paragraph).Spans)
		for {
			i := strings.Index(txt, "“")
			j := strings.Index(txt, "”")
			if i < 0 || j < i {
				break
			}
			if s := strings.TrimSpace(txt[i+len("“") : j]); fits(s) {
				return s, paras[len(paras)/2], true
			}
			txt = txt[j+len("”"):]
		}
	}
	// else a sentence from the middle
	for _, k := range paras[len(paras)/3:] {
		for _, s := range sentences(doc.PlainText(a.Blocks[k].(*doc.Paragraph).Spans)) {
			if fits(s) {
				return s, paras[len(paras)/2], true
			}
		}
	}
	return "", 0, false
}

// sentences splits text after ". ", "? " and "! ".
func sentences(txt string) []string {
	var out []string
	for txt != "" {
		i := strings.IndexAny(txt, ".?!")
		for i >= 0 && i+1 < len(txt) && txt[i+1] != ' ' {
			next := strings.IndexAny(txt[i+1:], ".?!")
			if next < 0 {
				i = -1
				break
			}
			i += 1 + next
		}
		if i < 0 {
			out = append(out, strings.TrimSpace(txt))
			break
		}
		out = append(out, strings.TrimSpace(txt[:i+1]))
		txt = txt[i+1:]
	}
	return out
}

// pulled sets the article's pulled sentence as a pull quote in its
// column (it flows with the text, on whatever page the text reaches), as
// decoration.
func (b *builder) pulled(q string) {
	start := len(b.elems)
	b.setPull(&doc.PullQuote{Spans: []doc.Span{{Text: q}}}, false)
	for k := start; k < len(b.elems); k++ {
		b.elems[k].items = decoration(b.elems[k].items)
	}
}
