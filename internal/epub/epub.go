// Package epub writes the EPUB 3 edition of an issue from the document
// model: one XHTML file per article, a navigation document with landmarks,
// accessibility metadata, and images sized for phones and e-readers.
// Output depends only on the issue: dates come from the issue, never the
// clock, so the same issue gives the same bytes.
package epub

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"magz/fonts"
	"magz/internal/locale"
	"magz/internal/theme"
	"net/url"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"

	"magz/assets"
	"magz/internal/doc"
	"magz/layout/page"
)

// Options of the EPUB writer.
type Options struct {
	// Image returns the EPUB rendition of a source image: its bytes and
	// file extension ("jpg" or "png").
	Image   func(img *doc.Image) (data []byte, ext string, err error)
	Date    time.Time // dcterms:modified
	Creator string
	// Pages are where the print edition's pages begin, for page-break
	// markers and a page list (empty: none).
	Pages []page.PageStart
}

type manifestItem struct {
	id, href, mediaType, props string
}

type writer struct {
	iss      *doc.Issue
	opt      Options
	lab      locale.Labels
	files    map[string][]byte
	order    []string
	manifest []manifestItem
	images   map[string]string // source path -> href
	slug     string            // the article being written
	err      error
	breaks   int                  // how many of opt.Pages have been placed
	placed   map[int]string       // folio -> the file its page break is in, for the page list
	heads    map[string][]navHead // article slug -> its subheadings, for the navigation
	headN    int
	// picture, when set, writes a figure's <img> attributes in place of
	// an EPUB file (for the website, see Body).
	picture func(f *doc.Figure) string
}

// Body is an article as HTML: the same markup as its EPUB page (header,
// figures, text, notes) without the page around it and without EPUB's
// own attributes, for the website. picture writes the attributes of a
// figure's <img> (src, srcset, sizes, alt, loading).
func Body(iss *doc.Issue, a *doc.Article, picture func(f *doc.Figure) string) string {
	w := &writer{iss: iss, lab: locale.For(iss.Language).Labels, images: map[string]string{}, heads: map[string][]navHead{}, picture: picture, placed: map[int]string{}}
	return epubAttr.ReplaceAllString(w.articleBody(a), "")
}

// epubAttr is an epub:type attribute, which HTML does not have (the ARIA
// role beside it says the same).
var epubAttr = regexp.MustCompile(` epub:type="[^"]*"`)

type placedBreak struct {
	folio int
	href  string
}

type navHead struct {
	level int
	id    string
	text  string
}

// texts are the articles and the pages of the issue's own set from
// Markdown (an agenda, letters), which the print edition sets after them.
func (w *writer) texts() []*doc.Article {
	out := slices.Clone(w.iss.Articles)
	if w.iss.Plan != nil {
		out = append(out, w.iss.Plan.Pages...)
	}
	return out
}

// Identifier is the stable identifier of an issue: a name-based UUID of the
// magazine and the issue number.
func Identifier(iss *doc.Issue) string {
	sum := sha256.Sum256([]byte("magz:" + iss.Magazine + ":" + fmt.Sprint(iss.Number)))
	h := sum[:16]
	h[6] = (h[6] & 0x0f) | 0x50
	h[8] = (h[8] & 0x3f) | 0x80
	s := hex.EncodeToString(h)
	return "urn:uuid:" + s[0:8] + "-" + s[8:12] + "-" + s[12:16] + "-" + s[16:20] + "-" + s[20:32]
}

// Write writes the EPUB of iss to out.
func Write(out io.Writer, iss *doc.Issue, opt Options) error {
	w := &writer{iss: iss, opt: opt, lab: locale.For(iss.Language).Labels, files: map[string][]byte{}, images: map[string]string{}, heads: map[string][]navHead{}, placed: map[int]string{}}
	th := iss.Theme.Or()
	faces, text, display := w.typefaces(th.Type)
	css := strings.NewReplacer("{{deep}}", theme.Hex(th.Deep), "{{accent}}", theme.Hex(th.Accent), "{{tint}}", theme.Hex(th.Tint),
		"{{ink}}", theme.Hex(th.Ink), "{{muted}}", theme.Hex(th.Muted),
		"{{text}}", text, "{{display}}", display).Replace(string(assets.EPUBCSS))
	w.add("OEBPS/style.css", []byte(faces+css), "css", "text/css", "")
	coverHref := ""
	if iss.Cover != nil {
		coverHref = w.image(iss.Cover.Image, "cover-image")
	}
	w.add("OEBPS/cover.xhtml", w.coverPage(coverHref), "cover", "application/xhtml+xml", "")
	// the articles first: the navigation lists their headings and pages
	texts := w.texts()
	bodies := make([][]byte, len(texts))
	for i, a := range texts {
		bodies[i] = w.article(a)
	}
	w.add("OEBPS/nav.xhtml", w.nav(), "nav", "application/xhtml+xml", "nav")
	for i, a := range texts {
		w.add("OEBPS/"+a.Slug+".xhtml", bodies[i], "a-"+a.Slug, "application/xhtml+xml", "")
	}
	w.add("OEBPS/colophon.xhtml", w.colophon(), "colophon", "application/xhtml+xml", "")
	if w.err != nil {
		return w.err
	}
	opf := w.opf()
	return w.zip(out, opf)
}

func (w *writer) add(name string, data []byte, id, mediaType, props string) {
	w.files[name] = data
	w.order = append(w.order, name)
	w.manifest = append(w.manifest, manifestItem{id: id, href: strings.TrimPrefix(name, "OEBPS/"), mediaType: mediaType, props: props})
}

func (w *writer) image(img *doc.Image, props string) string {
	if href, ok := w.images[img.Path]; ok {
		return href
	}
	data, ext, err := w.opt.Image(img)
	if err != nil {
		if w.err == nil {
			w.err = err
		}
		return ""
	}
	sum := sha256.Sum256(data)
	id := "img-" + hex.EncodeToString(sum[:6])
	href := "images/" + id + "." + ext
	mt := "image/jpeg"
	if ext == "png" {
		mt = "image/png"
	}
	for _, m := range w.manifest {
		if m.href == href {
			w.images[img.Path] = href
			return href
		}
	}
	w.add("OEBPS/"+href, data, id, mt, props)
	w.images[img.Path] = href
	return href
}

func esc(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return strings.ReplaceAll(b.String(), "&#xA;", "\n")
}

func attr(s string) string { return strings.ReplaceAll(esc(s), `"`, "&quot;") }

func (w *writer) page(title, bodyClass string, body string) []byte {
	var b strings.Builder
	lang := attr(w.iss.Language)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n<!DOCTYPE html>\n")
	fmt.Fprintf(&b, `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" xml:lang="%s" lang="%s">`+"\n", lang, lang)
	fmt.Fprintf(&b, "<head>\n<meta charset=\"UTF-8\"/>\n<title>%s</title>\n<link rel=\"stylesheet\" type=\"text/css\" href=\"style.css\"/>\n</head>\n", esc(title))
	if bodyClass != "" {
		fmt.Fprintf(&b, "<body class=\"%s\">\n", bodyClass)
	} else {
		b.WriteString("<body>\n")
	}
	b.WriteString("<main>\n")
	b.WriteString(body)
	b.WriteString("</main>\n</body>\n</html>\n")
	return []byte(b.String())
}

func (w *writer) coverPage(href string) []byte {
	var b strings.Builder
	b.WriteString(`<section epub:type="cover">` + "\n")
	b.WriteString(w.partMarkers(page.PartCover))
	if href != "" {
		fmt.Fprintf(&b, "<img src=\"%s\" %s/>\n", attr(href), altAttr(w.iss.Cover))
	}
	if logo := w.iss.Logo; logo != nil {
		// the masthead is the magazine's logo, read as its name
		fmt.Fprintf(&b, "<h1 class=\"masthead\"><img src=\"%s\" alt=\"%s\"/></h1>\n", attr(w.image(logo.Image, "")), attr(logo.Alt))
	} else {
		fmt.Fprintf(&b, "<h1 class=\"masthead\">%s</h1>\n", esc(w.iss.Magazine))
	}
	info := fmt.Sprintf("%d · %s", w.iss.Number, w.iss.Date.Format("2006-01-02"))
	if w.iss.Title != "" {
		info = w.iss.Title + " · " + info
	}
	fmt.Fprintf(&b, "<p class=\"section\">%s</p>\n", esc(info))
	if w.iss.Cover != nil && w.iss.Cover.Credit != "" {
		fmt.Fprintf(&b, "<p class=\"credit\">%s: %s</p>\n", esc(w.lab.Photo), esc(w.iss.Cover.Credit))
	}
	b.WriteString("</section>\n")
	return w.page(w.iss.Magazine, "cover", b.String())
}

// typefaces returns the @font-face rules of the theme's own typeface
// files (embedded in the EPUB, as the PDFs embed them) and the CSS font
// families of the text and display faces. The bundled faces are left to
// the reading system's serif and sans-serif, as readers choose theirs.
func (w *writer) typefaces(t theme.Typefaces) (rules, text, display string) {
	sans := fonts.Families["Lato"]
	generic := func(f fonts.Face, own, def string) string {
		switch {
		case filepath.IsAbs(string(f)):
			return `"` + own + `", ` + def
		case slices.Contains(sans[:], f):
			return "sans-serif"
		}
		return "serif"
	}
	var b strings.Builder
	face := func(family string, f fonts.Face, style, weight string) {
		if !filepath.IsAbs(string(f)) {
			return
		}
		href := "fonts/" + f.Family() + ".ttf"
		if _, done := w.files["OEBPS/"+href]; !done {
			data, err := fonts.Data(f)
			if err != nil {
				w.err = err
				return
			}
			w.add("OEBPS/"+href, data, "font-"+f.Family(), "font/ttf", "")
		}
		fmt.Fprintf(&b, "@font-face { font-family: %q; font-style: %s; font-weight: %s; src: url(%s); }\n", family, style, weight, href)
	}
	face("Magazine Text", t.Text, "normal", "normal")
	face("Magazine Text", t.TextItalic, "italic", "normal")
	face("Magazine Text", t.TextBold, "normal", "bold")
	face("Magazine Text", t.TextBoldItalic, "italic", "bold")
	face("Magazine Display", t.Display, "normal", "normal")
	face("Magazine Display", t.DisplayItalic, "italic", "normal")
	face("Magazine Display", t.DisplayBold, "normal", "bold")
	face("Magazine Display", t.DisplayBlack, "normal", "900")
	return b.String(), generic(t.Text, "Magazine Text", "serif"), generic(t.Display, "Magazine Display", "sans-serif")
}

// colophon is the back matter: the masthead (what the print edition's
// masthead box says) and the issue's notices, which print sets where
// articles leave room.
func (w *writer) colophon() []byte {
	iss := w.iss
	var b strings.Builder
	b.WriteString(`<section epub:type="colophon" role="doc-colophon">` + "\n")
	b.WriteString(w.partMarkers(page.PartEnd))
	fmt.Fprintf(&b, "<h1>%s</h1>\n", esc(w.lab.Colophon))
	fmt.Fprintf(&b, "<p>%s · %s %d · %s</p>\n", esc(iss.Magazine), esc(w.lab.Issue), iss.Number, esc(w.lab.MonthYear(iss.Date)))
	if iss.Publisher != "" {
		fmt.Fprintf(&b, "<p>%s %s</p>\n", esc(w.lab.Publisher), esc(iss.Publisher))
	}
	for _, l := range iss.Colophon {
		fmt.Fprintf(&b, "<p>%s</p>\n", w.text(l))
	}
	for _, f := range iss.Fillers {
		fmt.Fprintf(&b, "<section>\n<h2>%s</h2>\n<p>%s</p>\n</section>\n", w.text(f.Title), w.spans(f.Text))
	}
	b.WriteString("</section>\n")
	return w.page(w.lab.Colophon, "", b.String())
}

func (w *writer) nav() []byte {
	var b strings.Builder
	b.WriteString(w.partMarkers(page.PartContents))
	fmt.Fprintf(&b, "<nav epub:type=\"toc\" role=\"doc-toc\" id=\"toc\">\n<h1>%s</h1>\n<ol>\n", esc(w.lab.Contents))
	for _, a := range w.texts() {
		// each article (and page of the issue's own), with its sections (and their subsections) nested
		fmt.Fprintf(&b, "<li><a href=\"%s.xhtml\">%s</a>", a.Slug, w.text(a.Title))
		w.navHeads(&b, a.Slug, w.heads[a.Slug], 2)
		b.WriteString("</li>\n")
	}
	fmt.Fprintf(&b, "<li><a href=\"colophon.xhtml\">%s</a></li>\n", esc(w.lab.Colophon))
	b.WriteString("</ol>\n</nav>\n")
	if list := w.pageList(); len(list) > 0 {
		// the print edition's pages, for following a printed reference
		fmt.Fprintf(&b, "<nav epub:type=\"page-list\" role=\"doc-pagelist\" id=\"page-list\" hidden=\"hidden\">\n<ol>\n")
		for _, p := range list {
			fmt.Fprintf(&b, "<li><a href=\"%s\">%d</a></li>\n", p.href, p.folio)
		}
		b.WriteString("</ol>\n</nav>\n")
	}
	fmt.Fprintf(&b, "<nav epub:type=\"landmarks\" id=\"landmarks\" hidden=\"hidden\">\n<h2>%s</h2>\n<ol>\n", esc(w.lab.Landmarks))
	fmt.Fprintf(&b, "<li><a epub:type=\"cover\" href=\"cover.xhtml\">%s</a></li>\n", esc(w.lab.Cover))
	fmt.Fprintf(&b, "<li><a epub:type=\"toc\" href=\"nav.xhtml#toc\">%s</a></li>\n", esc(w.lab.Contents))
	if len(w.iss.Articles) > 0 {
		fmt.Fprintf(&b, "<li><a epub:type=\"bodymatter\" href=\"%s.xhtml\">%s</a></li>\n", w.iss.Articles[0].Slug, esc(w.iss.Articles[0].Title))
	}
	b.WriteString("</ol>\n</nav>\n")
	return w.page(w.lab.Contents, "", b.String())
}

// navHeads writes the headings of an article from level on, nested.
func (w *writer) navHeads(b *strings.Builder, slug string, heads []navHead, level int) []navHead {
	if len(heads) == 0 || heads[0].level < level {
		return heads
	}
	b.WriteString("\n<ol>\n")
	for len(heads) > 0 && heads[0].level >= level {
		h := heads[0]
		fmt.Fprintf(b, "<li><a href=\"%s.xhtml#%s\">%s</a>", slug, h.id, w.text(h.text))
		heads = w.navHeads(b, slug, heads[1:], h.level+1)
		b.WriteString("</li>\n")
	}
	b.WriteString("</ol>\n")
	return heads
}

func (w *writer) article(a *doc.Article) []byte {
	return w.page(a.Title, "", w.articleBody(a))
}

func (w *writer) articleBody(a *doc.Article) string {
	var b strings.Builder
	w.slug = a.Slug
	b.WriteString("<article>\n")
	var head strings.Builder
	head.WriteString("<header>\n")
	if a.Section != "" {
		fmt.Fprintf(&head, "<p class=\"section\">%s</p>\n", w.text(a.Section))
	}
	fmt.Fprintf(&head, "<h1>%s</h1>\n", w.formatted(a.TitleSpans, a.Title))
	if a.Subtitle != "" {
		fmt.Fprintf(&head, "<p class=\"standfirst\">%s</p>\n", w.formatted(a.SubtitleSpans, a.Subtitle))
	}
	if a.Author != "" {
		fmt.Fprintf(&head, "<p class=\"byline\">%s %s</p>\n", esc(w.lab.By), w.text(a.Author))
	}
	head.WriteString("</header>\n")
	if a.Hero != nil {
		w.figure(&head, a.Hero)
	}
	marked(&b, head.String(), w.startsAt(a.Pos, 0, false), 0, false)
	w.blocks(&b, a.Blocks)
	if len(a.Notes) > 0 {
		fmt.Fprintf(&b, "<section class=\"notes\" epub:type=\"endnotes\" role=\"doc-endnotes\">\n<h2>%s</h2>\n<ol>\n", esc(w.lab.Notes))
		for _, n := range a.Notes {
			// the print edition sets the note's number as its first word
			li := fmt.Sprintf("<li id=\"fn-%d\"><p>%s <a href=\"#fnref-%d\" role=\"doc-backlink\" aria-label=\"%s %d\">↩</a></p></li>\n",
				n.N, w.spans(n.Spans), n.N, attr(w.lab.BackToNote), n.N)
			marked(&b, li, w.startsAt(a.Pos, n.N, false), 1, true)
		}
		b.WriteString("</ol>\n</section>\n")
	}
	for _, p := range w.startsAt(a.Pos, 0, true) {
		b.WriteString(marker(p.Folio) + "\n")
	}
	b.WriteString("</article>\n")
	return b.String()
}

func (w *writer) figure(b *strings.Builder, f *doc.Figure) {
	var img string
	if w.picture != nil {
		img = w.picture(f) + " " + altAttr(f)
	} else {
		href := w.image(f.Image, "")
		if href == "" {
			return
		}
		img = fmt.Sprintf("src=\"%s\" %s", attr(href), altAttr(f))
	}
	b.WriteString("<figure>\n")
	fmt.Fprintf(b, "<img %s/>\n", img)
	if len(f.Caption) > 0 || f.Credit != "" {
		b.WriteString("<figcaption>")
		b.WriteString(w.spans(f.Caption))
		if f.Credit != "" {
			fmt.Fprintf(b, " <span class=\"credit\">%s: %s</span>", esc(w.lab.Photo), esc(f.Credit))
		}
		b.WriteString("</figcaption>\n")
	}
	b.WriteString("</figure>\n")
}

// altAttr is a picture's alternative text; a decorative one (or one the
// editor left undescribed, which magz check reports) is presentation only.
func altAttr(f *doc.Figure) string {
	if f.Alt == "" || f.Decorative {
		return `alt="" role="presentation"`
	}
	return `alt="` + attr(f.Alt) + `"`
}

// blocks writes blocks, each with the markers of the printed pages that
// begin in it.
func (w *writer) blocks(b *strings.Builder, blocks []doc.Block) {
	for _, bl := range blocks {
		switch bl.(type) {
		case *doc.Quote, *doc.List:
			w.block(b, bl) // the pages begin in the blocks inside
		default:
			starts := w.startsAt(bl.Position(), 0, false)
			var one strings.Builder
			w.block(&one, bl)
			marked(b, one.String(), starts, 0, false)
		}
	}
}

// block writes one block.
func (w *writer) block(b *strings.Builder, bl doc.Block) {
	switch bl := bl.(type) {
	case *doc.Paragraph:
		fmt.Fprintf(b, "<p%s>%s</p>\n", dir(bl), w.spans(bl.Spans))
	case *doc.Heading:
		lvl := bl.Level
		if lvl > 6 {
			lvl = 6
		}
		w.headN++
		id := fmt.Sprintf("h-%d", w.headN)
		w.heads[w.slug] = append(w.heads[w.slug], navHead{level: lvl, id: id, text: doc.PlainText(bl.Spans)})
		fmt.Fprintf(b, "<h%d id=\"%s\"%s>%s</h%d>\n", lvl, id, dir(bl), w.spans(bl.Spans), lvl)
	case *doc.Figure:
		w.figure(b, bl)
	case *doc.PullQuote:
		fmt.Fprintf(b, "<aside class=\"pullquote\" epub:type=\"pullquote\" role=\"doc-pullquote\">\n<p>%s</p>\n", w.spans(bl.Spans))
		if bl.Attribution != "" {
			fmt.Fprintf(b, "<p class=\"attribution\">— %s</p>\n", w.text(bl.Attribution))
		}
		b.WriteString("</aside>\n")
	case *doc.Quote:
		fmt.Fprintf(b, "<blockquote%s>\n", dir(bl.Blocks...))
		w.blocks(b, bl.Blocks)
		b.WriteString("</blockquote>\n")
	case *doc.List:
		tag := "ul"
		if bl.Ordered {
			tag = "ol"
		}
		if bl.Ordered && bl.Start != 1 {
			fmt.Fprintf(b, "<ol start=\"%d\">\n", bl.Start)
		} else {
			fmt.Fprintf(b, "<%s>\n", tag)
		}
		for _, it := range bl.Items {
			fmt.Fprintf(b, "<li%s>", dir(it...))
			w.blocks(b, it)
			b.WriteString("</li>\n")
		}
		fmt.Fprintf(b, "</%s>\n", tag)
	case *doc.Code:
		fmt.Fprintf(b, "<pre><code>%s</code></pre>\n", esc(bl.Text))
	case *doc.Rule:
		b.WriteString("<hr/>\n")
	case *doc.Table:
		b.WriteString("<table>\n")
		cls := func(j int) string {
			if j < len(bl.Align) {
				switch bl.Align[j] {
				case doc.AlignRight:
					return ` class="right"`
				case doc.AlignCenter:
					return ` class="center"`
				}
			}
			return ""
		}
		if len(bl.Header) > 0 {
			b.WriteString("<thead><tr>")
			for j, c := range bl.Header {
				fmt.Fprintf(b, "<th scope=\"col\"%s>%s</th>", cls(j), w.spans(c))
			}
			b.WriteString("</tr></thead>\n")
		}
		b.WriteString("<tbody>\n")
		for _, r := range bl.Rows {
			b.WriteString("<tr>")
			for j, c := range r {
				fmt.Fprintf(b, "<td%s>%s</td>", cls(j), w.spans(c))
			}
			b.WriteString("</tr>\n")
		}
		b.WriteString("</tbody>\n</table>\n")
	}
}

// safeURL returns u when it is a well-formed absolute link a reading system
// can follow, else "".
func safeURL(u string) string {
	p, err := url.Parse(u)
	if err != nil || strings.ContainsAny(u, " \t\n<>\"") {
		return ""
	}
	switch p.Scheme {
	case "http", "https", "mailto":
		return p.String()
	}
	return ""
}

// spans renders inline text, rebuilding the nesting of styles and links:
// the runs of one link (an emphasised word inside it, say) make one link.
func (w *writer) spans(spans []doc.Span) string {
	var b strings.Builder
	link, inLink := "", strings.Builder{} // the link being written, and its text
	closeLink := func() {
		if link != "" {
			b.WriteString("<a href=\"" + attr(link) + "\">" + inLink.String() + "</a>")
			link = ""
			inLink.Reset()
		}
	}
	for _, s := range spans {
		switch {
		case s.Break:
			closeLink()
			b.WriteString("<br/>")
			continue
		case s.Note > 0:
			closeLink()
			fmt.Fprintf(&b, "<sup><a href=\"#fn-%d\" id=\"fnref-%d\" epub:type=\"noteref\" role=\"doc-noteref\">%d</a></sup>", s.Note, s.Note, s.Note)
			continue
		}
		t := w.text(s.Text)
		if s.Style&doc.Mono != 0 {
			t = "<code>" + t + "</code>"
		}
		if s.Style&doc.Emph != 0 {
			t = "<em>" + t + "</em>"
		}
		if s.Style&doc.Strong != 0 {
			t = "<strong>" + t + "</strong>"
		}
		u := safeURL(s.Link)
		if u != link {
			closeLink()
		}
		if u == "" {
			b.WriteString(t)
			continue
		}
		link = u
		inLink.WriteString(t)
	}
	closeLink()
	return b.String()
}

func (w *writer) opf() []byte {
	iss := w.iss
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	fmt.Fprintf(&b, `<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="uid" xml:lang="%s" prefix="a11y: http://www.idpf.org/epub/vocab/package/a11y/#">`+"\n", attr(iss.Language))
	b.WriteString(`<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">` + "\n")
	fmt.Fprintf(&b, "<dc:identifier id=\"uid\">%s</dc:identifier>\n", Identifier(iss))
	title := iss.Magazine + " " + fmt.Sprint(iss.Number)
	if iss.Title != "" {
		title += ": " + iss.Title
	}
	fmt.Fprintf(&b, "<dc:title>%s</dc:title>\n", esc(title))
	fmt.Fprintf(&b, "<dc:language>%s</dc:language>\n", esc(iss.Language))
	if iss.Publisher != "" {
		fmt.Fprintf(&b, "<dc:publisher>%s</dc:publisher>\n", esc(iss.Publisher))
		fmt.Fprintf(&b, "<dc:creator>%s</dc:creator>\n", esc(iss.Publisher))
	}
	fmt.Fprintf(&b, "<dc:date>%s</dc:date>\n", iss.Date.Format("2006-01-02"))
	if len(w.pageList()) > 0 {
		// the edition whose page numbers the page-break markers give
		fmt.Fprintf(&b, "<dc:source id=\"print-edition\">%s</dc:source>\n", esc(title+" (print)"))
		b.WriteString("<meta refines=\"#print-edition\" property=\"source-of\">pagination</meta>\n")
	}
	fmt.Fprintf(&b, "<meta property=\"dcterms:modified\">%s</meta>\n", w.opt.Date.UTC().Format("2006-01-02T15:04:05Z"))
	w.accessibility(&b)
	if w.opt.Creator != "" {
		fmt.Fprintf(&b, "<meta property=\"dcterms:creator\">%s</meta>\n", esc(w.opt.Creator))
	}
	for _, m := range w.manifest {
		if m.props == "cover-image" {
			fmt.Fprintf(&b, "<meta name=\"cover\" content=\"%s\"/>\n", m.id)
		}
	}
	b.WriteString("</metadata>\n<manifest>\n")
	for _, m := range w.manifest {
		props := ""
		if m.props != "" {
			props = fmt.Sprintf(" properties=\"%s\"", m.props)
		}
		fmt.Fprintf(&b, "<item id=\"%s\" href=\"%s\" media-type=\"%s\"%s/>\n", m.id, attr(m.href), m.mediaType, props)
	}
	b.WriteString("</manifest>\n<spine>\n")
	b.WriteString("<itemref idref=\"cover\" linear=\"yes\"/>\n<itemref idref=\"nav\"/>\n")
	for _, a := range w.texts() {
		fmt.Fprintf(&b, "<itemref idref=\"a-%s\"/>\n", a.Slug)
	}
	b.WriteString("<itemref idref=\"colophon\"/>\n")
	b.WriteString("</spine>\n</package>\n")
	return []byte(b.String())
}

const container = `<?xml version="1.0" encoding="UTF-8"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles>
<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
</rootfiles>
</container>
`

func (w *writer) zip(out io.Writer, opf []byte) error {
	zw := zip.NewWriter(out)
	d := w.opt.Date
	// DOS date fields directly: setting Modified would add an extra field,
	// which epubcheck rejects on the mimetype entry.
	dosDate := uint16((d.Year()-1980)<<9 | int(d.Month())<<5 | d.Day())
	put := func(name string, data []byte, method uint16) error {
		//lint:ignore SA1019 the deprecated DOS field is the one that adds no extra field
		fh := &zip.FileHeader{Name: name, Method: method, ModifiedDate: dosDate}
		f, err := zw.CreateHeader(fh)
		if err != nil {
			return err
		}
		_, err = f.Write(data)
		return err
	}
	if err := put("mimetype", []byte("application/epub+zip"), zip.Store); err != nil {
		return err
	}
	if err := put("META-INF/container.xml", []byte(container), zip.Deflate); err != nil {
		return err
	}
	if err := put("OEBPS/content.opf", opf, zip.Deflate); err != nil {
		return err
	}
	for _, name := range w.order {
		method := uint16(zip.Deflate)
		if ext := path.Ext(name); ext == ".jpg" || ext == ".png" {
			method = zip.Store // already compressed
		}
		if err := put(name, w.files[name], method); err != nil {
			return err
		}
	}
	return zw.Close()
}

// dir is the attribute that sets blocks right to left when their text
// runs so (its first letter is of a right-to-left script): a reading
// system then starts their lines, their indent, a list's marker and a
// quotation's margin at the right. "" for left to right.
func dir(blocks ...doc.Block) string {
	if rtl, _ := rightToLeft(blocks); rtl {
		return ` dir="rtl"`
	}
	return ""
}

// rightToLeft tells whether the first of blocks with a letter runs right
// to left, and whether one has a letter.
func rightToLeft(blocks []doc.Block) (rtl, found bool) {
	for _, bl := range blocks {
		var text string
		switch bl := bl.(type) {
		case *doc.Paragraph:
			text = doc.PlainText(bl.Spans)
		case *doc.Heading:
			text = doc.PlainText(bl.Spans)
		case *doc.Quote:
			if rtl, found := rightToLeft(bl.Blocks); found {
				return rtl, true
			}
		}
		if strings.IndexFunc(text, unicode.IsLetter) >= 0 {
			return locale.RightToLeft(text), true
		}
	}
	return false, false
}

// text escapes s and marks the runs in another script with their language
// (and direction), so that a reading system reads them in the right voice.
func (w *writer) text(s string) string {
	runs := locale.Runs(s)
	if len(runs) == 1 && runs[0].Lang == "" {
		return esc(s)
	}
	var b strings.Builder
	for _, r := range runs {
		switch {
		case r.Lang == "":
			b.WriteString(esc(r.Text))
		case r.RTL:
			fmt.Fprintf(&b, `<span lang="%s" xml:lang="%s" dir="rtl">%s</span>`, r.Lang, r.Lang, esc(r.Text))
		default:
			fmt.Fprintf(&b, `<span lang="%s" xml:lang="%s">%s</span>`, r.Lang, r.Lang, esc(r.Text))
		}
	}
	return b.String()
}

// conformance is the accessibility standard the EPUB meets (EPUB
// Accessibility 1.1 names it so).
const conformance = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"

// accessibility writes the accessibility metadata: what the EPUB conforms
// to, how it can be read, its features, and a summary that says what it
// has, and where it falls short, in words. Every claim is true of this
// issue: a photo without a text description takes back the claims that
// the text alone suffices and that pictures have alternative text.
func (w *writer) accessibility(b *strings.Builder) {
	photos, described := w.photos()
	all := photos == described
	if all {
		// a photo without a description fails WCAG 1.1.1: then no claim
		fmt.Fprintf(b, "<meta property=\"dcterms:conformsTo\">%s</meta>\n", conformance)
		if w.iss.CertifiedBy != "" {
			// only who checked the edition can vouch for it, never magz
			fmt.Fprintf(b, "<meta property=\"a11y:certifiedBy\">%s</meta>\n", esc(w.iss.CertifiedBy))
		}
	}
	b.WriteString("<meta property=\"schema:accessMode\">textual</meta>\n")
	if photos > 0 {
		b.WriteString("<meta property=\"schema:accessMode\">visual</meta>\n")
		b.WriteString("<meta property=\"schema:accessModeSufficient\">textual,visual</meta>\n")
	}
	if all {
		b.WriteString("<meta property=\"schema:accessModeSufficient\">textual</meta>\n")
	}
	features := []string{"structuralNavigation", "tableOfContents", "readingOrder"}
	if photos > 0 && all {
		features = append(features, "alternativeText")
	}
	if len(w.pageList()) > 0 {
		features = append(features, "pageBreakMarkers", "pageNavigation")
	}
	for _, f := range features {
		fmt.Fprintf(b, "<meta property=\"schema:accessibilityFeature\">%s</meta>\n", f)
	}
	b.WriteString("<meta property=\"schema:accessibilityHazard\">none</meta>\n")
	summary := "Reflowable text with headings, a table of contents listing every article and its sections, and text marked with its language where it changes."
	if len(w.pageList()) > 0 {
		summary += " The page numbers of the print edition of this issue are marked in the text and listed."
	}
	switch {
	case photos == 0:
	case all:
		summary += " Every photo has a text description; decorative pictures are hidden from screen readers."
	default:
		summary += fmt.Sprintf(" %d of %d photos have a text description; the others are shown with their captions only, so this edition does not claim WCAG conformance.", described, photos)
	}
	fmt.Fprintf(b, "<meta property=\"schema:accessibilitySummary\">%s</meta>\n", esc(summary))
}

// photos counts the issue's informative pictures (not decoration), and
// those among them with a text description.
func (w *writer) photos() (photos, described int) {
	count := func(f *doc.Figure) {
		if f != nil && f.Image != nil && !f.Decorative {
			photos++
			if f.Alt != "" {
				described++
			}
		}
	}
	count(w.iss.Cover)
	count(w.iss.Logo)
	for _, a := range w.texts() {
		count(a.Hero)
		doc.Walk(a.Blocks, func(bl doc.Block) {
			if f, ok := bl.(*doc.Figure); ok {
				count(f)
			}
		})
	}
	return photos, described
}

// formatted writes text with its inline formatting when it has any.
func (w *writer) formatted(spans []doc.Span, plain string) string {
	if len(spans) == 0 {
		return w.text(plain)
	}
	return w.spans(spans)
}
