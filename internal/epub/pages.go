package epub

import (
	"fmt"
	"strings"

	"magz/internal/diag"
	"magz/layout/page"
)

// The print edition's pages in the EPUB: a marker (a page break) at the
// word each printed page begins with, and the page list that leads to
// them. Layout tells where each page begins (page.PageStarts): in which
// element of an article, after how many of its words. The markers of the
// cover and contents pages open the cover and the navigation document,
// and those of the pages after the last article (notes pages, the back
// cover) the colophon.

// marker is the page break of the printed page folio.
func marker(folio int) string {
	return fmt.Sprintf(`<span id="page-%d" epub:type="pagebreak" role="doc-pagebreak" aria-label="%d"></span>`, folio, folio)
}

// partMarkers returns the markers of the pages in part (the cover, the
// contents, the end), for the start of its document.
func (w *writer) partMarkers(part page.Part) string {
	var b strings.Builder
	for _, p := range w.opt.Pages {
		if p.Part == part {
			b.WriteString(marker(p.Folio) + "\n")
		}
	}
	return b.String()
}

// pageList returns the pages of the print edition with where their
// markers are, in order.
func (w *writer) pageList() []placedBreak {
	var out []placedBreak
	for _, p := range w.opt.Pages {
		href := ""
		switch p.Part {
		case page.PartCover:
			href = "cover.xhtml"
		case page.PartContents:
			href = "nav.xhtml"
		case page.PartEnd:
			href = "colophon.xhtml"
		default:
			href = w.placed[p.Folio]
		}
		if href != "" {
			out = append(out, placedBreak{p.Folio, href + fmt.Sprintf("#page-%d", p.Folio)})
		}
	}
	return out
}

// nextStart returns the next page, in order, that begins in an article.
func (w *writer) nextStart() (page.PageStart, bool) {
	for w.breaks < len(w.opt.Pages) && w.opt.Pages[w.breaks].Part != page.PartArticle {
		w.breaks++
	}
	if w.breaks == len(w.opt.Pages) {
		return page.PageStart{}, false
	}
	return w.opt.Pages[w.breaks], true
}

// startsAt returns (and takes) the pages that begin in the block at pos
// of the article being written, or before it. In the notes (note > 0),
// the pages that begin in note note or before it; at the end of the
// article (end), every page left in it.
func (w *writer) startsAt(pos diag.Pos, note int, end bool) []page.PageStart {
	var out []page.PageStart
	for {
		p, ok := w.nextStart()
		if !ok || p.Path != pos.Path {
			break
		}
		if !end && (note == 0 && (p.Note != 0 || p.Line > pos.Line) || note > 0 && p.Note > note) {
			break
		}
		out = append(out, p)
		w.placed[p.Folio] = w.slug + ".xhtml"
		w.breaks++
	}
	return out
}

// marked writes html, a block as written, with the markers of the pages
// that begin in it: before it (a page that begins with the block) or
// before the word the page begins with. skip is how many words the print
// edition sets in the block that html does not have (a note's number).
func marked(b *strings.Builder, html string, starts []page.PageStart, skip int, inside bool) {
	for i := len(starts) - 1; i >= 0; i-- { // the last first: earlier offsets stay
		k := max(starts[i].Words-skip, 0)
		if k == 0 && !inside {
			html = marker(starts[i].Folio) + "\n" + html
			continue
		}
		html = atWord(html, k, marker(starts[i].Folio))
	}
	b.WriteString(html)
}

// separators are the elements whose tags end a word: blocks, cells, line
// breaks. Inline elements (em, a, sup) do not: "kata<sup>1</sup>" is one
// word, as the print edition sets it.
var separators = map[string]bool{"p": true, "br": true, "td": true, "th": true, "tr": true, "li": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "figcaption": true, "figure": true, "pre": true, "blockquote": true, "aside": true, "header": true,
	"table": true, "thead": true, "tbody": true, "ol": true, "ul": true, "section": true, "div": true, "img": true}

// atWord inserts s into html, XHTML as written, before the word of its
// text that follows k words (at the end when it has no more).
func atWord(html string, k int, s string) string {
	n, start := 0, true // words seen; the next character of text begins one
	for i := 0; i < len(html); {
		switch c := html[i]; {
		case c == '<':
			end := strings.IndexByte(html[i:], '>')
			if end < 0 {
				return html + s
			}
			name := strings.TrimLeft(html[i+1:i+end], "/")
			if j := strings.IndexAny(name, " />"); j >= 0 {
				name = name[:j]
			}
			if separators[name] {
				start = true
			}
			i += end + 1
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
			start = true
			i++
		case strings.HasPrefix(html[i:], "\u00a0"):
			start = true
			i += len("\u00a0")
		default:
			if start {
				if n == k {
					return html[:i] + s + html[i:]
				}
				n++
				start = false
			}
			i++
		}
	}
	return html + s
}
