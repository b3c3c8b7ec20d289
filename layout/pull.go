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
	for k, bl := range a.Blocks {
		if q, ok := bl.(*doc.Quote); ok && len(q.Blocks) > 0 {
			if p, ok := q.Blocks[0].(*doc.Paragraph); ok {
				for _, s := range sentences(doc.PlainText(p.Spans)) {
					if after, ok := pullPlace(paras, k); fits(s) && ok {
						return s, after, true
					}
				}
			}
		}
	}
	// a quotation first, from the article's second fifth on
	for _, k := range paras[len(paras)/5:] {
		after, ok := pullPlace(paras, k)
		txt := doc.PlainText(a.Blocks[k].(*doc.Paragraph).Spans)
		for ok {
			i := strings.Index(txt, "“")
			j := strings.Index(txt, "”")
			if i < 0 || j < i {
				break
			}
			if s := strings.TrimSpace(txt[i+len("“") : j]); fits(s) {
				return s, after, true
			}
			txt = txt[j+len("”"):]
		}
	}
	// else a sentence from the middle
	for _, k := range paras[len(paras)/3:] {
		after, ok := pullPlace(paras, k)
		for _, s := range sentences(doc.PlainText(a.Blocks[k].(*doc.Paragraph).Spans)) {
			if fits(s) && ok {
				return s, after, true
			}
		}
	}
	return "", 0, false
}

// pullSpan is how many paragraphs at least stand between a pull quote and
// the block its sentence comes from: set beside its source, it reads as
// the same words twice.
const pullSpan = 2

// pullPlace returns the paragraph (an index of the article's blocks) a
// sentence from block src is pulled after: the one nearest the middle of
// the article with pullSpan paragraphs or more between it and src, before
// the source rather than after it (a pull quote invites reading on); ok is
// false when none is that far.
func pullPlace(paras []int, src int) (after int, ok bool) {
	pos := 0 // paragraphs before src
	for pos < len(paras) && paras[pos] < src {
		pos++
	}
	mid := len(paras) / 2
	best := -1
	for i := range paras {
		// after paragraph i and before the source: paragraphs i+1 … pos-1
		// between; after the source: paras between src and paragraph i
		between := pos - i - 1
		if paras[i] >= src {
			between = i - pos + 1
			if pos < len(paras) && paras[pos] == src {
				between-- // src is a paragraph itself
			}
		}
		// not before the first paragraph nor after the last: a pull
		// quote neither opens nor closes the text
		if i == 0 || i == len(paras)-1 || between < pullSpan {
			continue
		}
		d, bd := abs(i-mid), abs(best-mid)
		if best < 0 || d < bd || d == bd && paras[i] < src {
			best = i
		}
	}
	if best < 0 {
		return 0, false
	}
	return paras[best], true
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
