package site

import (
	"fmt"
	"html"
	"html/template"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"magz/internal/doc"
	"magz/internal/epub"
)

// articlePage is an article to read online.
type articlePage struct {
	Article *doc.Article
	Issue   *issuePage
	Href    string // from the issue's folder
	Body    template.HTML
	Summary string   // the standfirst, or the opening of the text
	Photo   *picture // its first photo, for feeds and structured data
	Thumb   *picture // a square of its photo, for the issue's contents
	Card    kitItem  // its cards in the sharing kit
	// Section and Authors are the site's pages of its section and of its
	// authors (nil and empty when it names none).
	Section    *listPage
	Authors    []*listPage
	Prev, Next *articlePage
}

// imgAttrs are a photo's attributes online: the largest rendition, all of
// them for the browser to choose from, the column's width, its size (so
// the page does not move as it loads), and how soon it is wanted.
const imgAttrs = `src="%s" srcset="%s" sizes="(min-width: 42rem) 40rem, calc(100vw - 2rem)" width="%d" height="%d"%s decoding="async"`

// eager is the first photo of a page, seen at once: the browser asks for
// it first. The others wait until they are near.
const (
	eager = ` fetchpriority="high"`
	lazy  = ` loading="lazy"`
)

// articles makes the pages of an issue's articles, asking for their
// photos' renditions.
func (s *siteData) articles(ps *pictures, p *issuePage) {
	pages := make([]*articlePage, len(p.Issue.Articles))
	for i, a := range p.Issue.Articles {
		ap := &articlePage{Article: a, Issue: p, Href: a.Slug + ".html", Summary: summary(a)}
		first := true
		attrs := func(f *doc.Figure) string {
			r, ok := ps.renditions(f.Image)
			if !ok {
				return `src=""`
			}
			if ap.Photo == nil {
				ap.Photo = &picture{Src: p.Name + "/" + r.src, W: r.w, H: r.h, Alt: f.Alt}
			}
			when := lazy
			if first {
				when = eager
			}
			first = false
			return fmt.Sprintf(imgAttrs, r.src, r.srcset, r.w, r.h, when)
		}
		ap.Body = template.HTML(s.webMarkup(epub.Body(p.Issue, a, attrs), a, p))
		if f := figureOf(a); f != nil {
			if name, ok := ps.thumbnail(f); ok {
				ap.Thumb = &picture{Src: p.Name + "/" + name, W: thumbSide, H: thumbSide}
			}
		}
		pages[i] = ap
	}
	for i, ap := range pages {
		if i > 0 {
			ap.Prev = pages[i-1]
		}
		if i+1 < len(pages) {
			ap.Next = pages[i+1]
		}
	}
	p.Pages = pages
}

// webMarkup adapts the EPUB's markup of an article to a web page: its
// section and authors link to their pages, its header says when and in
// which issue it appeared, and a wide table scrolls inside itself (a
// focusable, named region) instead of making the page pan sideways.
func (s *siteData) webMarkup(body string, a *doc.Article, p *issuePage) string {
	if a.Section != "" {
		body = replaceFirst(body, `<p class="section">`, "</p>", func(inner string) string {
			return `<p class="section"><a href="../` + sectionHref(a.Section) + `">` + inner + "</a></p>"
		})
	}
	if a.Author != "" {
		body = replaceFirst(body, `<p class="byline">`, "</p>", func(string) string {
			var b strings.Builder
			b.WriteString(`<p class="byline">` + html.EscapeString(s.Lab.By))
			names := splitAuthors(a.Author)
			for i, name := range names {
				switch {
				case i == 0:
					b.WriteString(" ")
				case i == len(names)-1:
					b.WriteString(" " + html.EscapeString(s.SL.And) + " ")
				default:
					b.WriteString(", ")
				}
				b.WriteString(`<a href="../` + authorHref(name) + `">` + html.EscapeString(name) + "</a>")
			}
			if role := authorRole(a.Author); role != "" {
				b.WriteString(", " + html.EscapeString(role))
			}
			return b.String() + "</p>"
		})
	}
	body = replaceFirst(body, "</header>", "", func(string) string {
		return `<p class="dateline"><time datetime="` + p.Issue.Date.Format("2006-01-02") + `">` + html.EscapeString(p.Date) +
			`</time> · <a href="index.html">` + html.EscapeString(s.issueName(p.Issue)) + "</a></p>\n</header>"
	})
	n := 0
	var b strings.Builder
	for {
		i := strings.Index(body, "<table>")
		if i < 0 {
			break
		}
		j := strings.Index(body[i:], "</table>")
		if j < 0 {
			break
		}
		n++
		j += i + len("</table>")
		b.WriteString(body[:i] + `<div class="table" role="region" tabindex="0" aria-label="` + html.EscapeString(s.SL.Table) + " " +
			strconv.Itoa(n) + `">` + body[i:j] + "</div>")
		body = body[j:]
	}
	b.WriteString(body)
	return b.String()
}

// summary is an article's summary for lists, feeds and shared links: its
// standfirst, else the start of its text.
func summary(a *doc.Article) string {
	if a.Subtitle != "" {
		return a.Subtitle
	}
	var text string
	doc.Walk(a.Blocks, func(b doc.Block) {
		if p, ok := b.(*doc.Paragraph); ok && text == "" {
			text = strings.Join(strings.Fields(doc.PlainText(p.Spans)), " ")
		}
	})
	return clip(text, 200)
}

// clip shortens s to about n bytes at a word, with an ellipsis.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndex(s[:n], " ")
	if cut < n/2 {
		cut = n
		for !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// replaceFirst replaces the first element that starts with open and ends
// with close (the next one after it) by what with makes of its inside.
func replaceFirst(body, open, close string, with func(inner string) string) string {
	i := strings.Index(body, open)
	if i < 0 {
		return body
	}
	j := i + len(open)
	k := j
	if close != "" {
		k = strings.Index(body[j:], close)
		if k < 0 {
			return body
		}
		k += j
	}
	return body[:i] + with(body[j:k]) + body[k+len(close):]
}

// splitAuthors reads the names in a byline: "A dan B", "A, B dan C",
// "A and B". A comma without a conjunction sets off a role
// ("Maria Wenda, Pemimpin Redaksi"), not a second name.
func splitAuthors(byline string) []string {
	parts := conjunctions.Split(byline, -1)
	if len(parts) == 1 {
		name, _, _ := strings.Cut(byline, ",")
		return []string{strings.TrimSpace(name)}
	}
	var names []string
	for _, p := range parts {
		for _, n := range strings.Split(p, ",") {
			if n = strings.TrimSpace(n); n != "" {
				names = append(names, n)
			}
		}
	}
	return names
}

// authorRole is the role a byline gives after a comma, when it names one
// author: "Pemimpin Redaksi" of "Maria Wenda, Pemimpin Redaksi".
func authorRole(byline string) string {
	if len(conjunctions.FindStringIndex(byline)) > 0 {
		return ""
	}
	_, role, _ := strings.Cut(byline, ",")
	return strings.TrimSpace(role)
}

var conjunctions = regexp.MustCompile(`\s+(?:dan|and|&)\s+`)
