package reader

import (
	"bytes"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/locale"
	"magz/internal/msg"
)

type frontMatter struct {
	Title    string `yaml:"title"`
	Subtitle string `yaml:"subtitle"`
	Author   string `yaml:"author"`
	Section  string `yaml:"section"`
	Image    string `yaml:"image"`
	Alt      string `yaml:"alt"`
	Caption  string `yaml:"caption"`
	Credit   string `yaml:"credit"`
	Focus    string `yaml:"focus"`
	Columns  *int   `yaml:"columns"`
	Pages    *int   `yaml:"pages"`
	Rank     string `yaml:"rank"` // see plan.go
	Opener   string `yaml:"opener"`
}

// maxArticlePages is the most pages the flatplan may give one article.
const maxArticlePages = 48

// newMarkdown builds the goldmark parser with the extensions magz supports:
// GFM tables, strikethrough, autolinks, footnotes and typographic quotes
// written as Unicode characters (not HTML entities).
func newMarkdown() goldmark.Markdown {
	subs := extension.TypographicSubstitutions{
		extension.LeftSingleQuote:  []byte("‘"),
		extension.RightSingleQuote: []byte("’"),
		extension.LeftDoubleQuote:  []byte("“"),
		extension.RightDoubleQuote: []byte("”"),
		extension.EnDash:           []byte("–"),
		extension.EmDash:           []byte("—"),
		extension.Ellipsis:         []byte("…"),
		extension.LeftAngleQuote:   []byte("«"),
		extension.RightAngleQuote:  []byte("»"),
		extension.Apostrophe:       []byte("’"),
	}
	return goldmark.New(goldmark.WithExtensions(
		extension.Table, extension.Strikethrough, extension.Linkify, extension.TaskList,
		extension.Footnote,
		extension.NewTypographer(extension.WithTypographicSubstitutions(subs)),
	))
}

func (r *reader) readArticle(path string, namedAt diag.Pos) *doc.Article {
	src, err := os.ReadFile(path)
	if err != nil {
		pos := diag.Pos{Path: path}
		if namedAt.Path != "" {
			pos = namedAt
		}
		r.diags.Errorf(pos, "cannot read article: %v", unwrapPathErr(err))
		return nil
	}
	if !utf8.Valid(src) {
		line := 1 + bytes.Count(src[:firstInvalidUTF8(src)], []byte("\n"))
		r.diags.Errorf(diag.Pos{Path: path, Line: line}, "the file is not UTF-8 text; save it as UTF-8")
		return nil
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")))) == 0 {
		r.diags.Errorf(diag.Pos{Path: path, Line: 1}, "the article is empty: write it, or delete the file")
		return nil
	}
	src = r.mistypedFences(src, path)
	front, body, bodyLine, ok := splitFrontMatter(src)
	if len(front) == 0 && headerWithoutStart.Match(body) {
		r.diags.Errorf(diag.Pos{Path: path, Line: 1}, "the header has no opening --- line: put a line of three dashes above \"%s\"", strings.TrimSpace(strings.SplitN(string(body), "\n", 2)[0]))
		return nil
	}
	if !ok {
		r.diags.Errorf(diag.Pos{Path: path, Line: 1}, "front matter starts with --- but has no closing --- line")
		return nil
	}
	var fm frontMatter
	keys, read, headerOK := readYAML(front, path, 2, &fm, r.diags)
	if !read {
		return nil
	}
	a := &doc.Article{
		Slug:          slugify(strings.TrimSuffix(filepath.Base(path), ".md")),
		Pos:           diag.Pos{Path: path, Line: 1},
		TitleSpans:    r.inline(fm.Title),
		SubtitleSpans: r.inline(fm.Subtitle),
		Author:        strings.TrimSpace(fm.Author),
		Section:       strings.TrimSpace(fm.Section),
		Columns:       r.columns,
	}
	if fm.Columns != nil {
		if *fm.Columns < 1 || *fm.Columns > 3 {
			r.diags.Errorf(keys.pos("columns"), "columns must be 1, 2 or 3, got %d", *fm.Columns)
		} else {
			a.Columns = *fm.Columns
		}
	}
	if fm.Pages != nil {
		if *fm.Pages < 1 || *fm.Pages > maxArticlePages {
			r.diags.Errorf(keys.pos("pages"), "pages must be a number of pages from 1 to %d, got %d", maxArticlePages, *fm.Pages)
		} else {
			a.Pages, a.PagesPos = *fm.Pages, keys.pos("pages")
		}
	}
	a.Rank = r.rank(fm.Rank, keys.pos("rank"))
	a.Opener = design(fm.Opener, keys.pos("opener"), r.diags)
	if fm.Image != "" {
		pos := keys.pos("image")
		if img := r.resolveImage(path, fm.Image, pos); img != nil {
			a.Hero = &doc.Figure{Pos: pos, Image: img, Alt: strings.TrimSpace(fm.Alt), Credit: creditName(fm.Credit)}
			if c := strings.TrimSpace(fm.Caption); c != "" {
				a.Hero.Caption = r.inline(c)
			}
			a.Hero.Focus, a.Hero.FocusWritten = r.focus(fm.Focus, keys.pos("focus"))
			r.checkAlt(a.Hero, pos, msg.T("hero image"), msg.T("add alt: to the header"))
		}
	} else if fm.Caption != "" || fm.Credit != "" {
		r.diags.Warnf(keys.pos("caption"), "caption or credit given but no image:")
	}

	body = bytes.ReplaceAll(bytes.ReplaceAll(body, []byte("\r\n"), []byte("\n")), []byte("\r"), []byte("\n"))
	body = angleSpacedPaths(body)
	c := &converter{r: r, path: path, src: body, lineBase: bodyLine}
	c.lineStarts = lineStarts(body)
	root := newMarkdown().Parser().Parse(text.NewReader(body))
	a.Blocks = c.blocks(root)
	c.footnotes(root)
	if c.pastedAt.Line > 0 {
		r.diags.Warnf(c.pastedAt, "text pasted from a word processor: %s; check these lines read as meant", strings.Join(c.pastedWhat, ", "))
	}
	a.Notes = c.notes
	if len(a.TitleSpans) == 0 && c.h1 != nil {
		a.TitleSpans = c.h1
	}
	a.Title = strings.TrimSpace(doc.PlainText(a.TitleSpans))
	a.Subtitle = strings.TrimSpace(doc.PlainText(a.SubtitleSpans))
	if a.Title == "" {
		if !headerOK {
			return nil // a misspelt title: key was reported; "no title" would only repeat it
		}
		r.diags.Errorf(diag.Pos{Path: path, Line: 1}, "article has no title: add \"title:\" to the front matter or start the text with a \"# Heading\"")
		return nil
	}
	if len(a.Blocks) == 0 {
		r.diags.Warnf(diag.Pos{Path: path, Line: bodyLine}, "the article has a title but no text yet; it would print as an almost empty page")
	}
	switch {
	case locale.ExamplePage(a.Title):
		r.diags.Warnf(diag.Pos{Path: path, Line: 1}, "this is the example agenda page magz new writes; replace it with the issue's own, or remove it from planned:")
	case locale.Placeholder(a.Title):
		r.diags.Warnf(diag.Pos{Path: path, Line: 1}, "this is the example article magz new writes; replace it with the issue's own, or delete it")
	}
	return a
}

func firstInvalidUTF8(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

var nonSlug = regexp.MustCompile(`[^a-z0-9]+`)

func slugify(s string) string {
	s = nonSlug.ReplaceAllString(strings.ToLower(s), "-")
	s = strings.Trim(s, "-")
	if s == "" {
		s = "article"
	}
	return s
}

func lineStarts(src []byte) []int {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// converter walks goldmark's AST and builds document blocks.
type converter struct {
	r          *reader
	path       string
	src        []byte
	lineBase   int
	lineStarts []int
	h1         []doc.Span
	notes      []doc.Note
	skipText   int  // >0 inside <script> or <style> raw HTML
	softBreaks bool // keep soft line breaks (pull quotes: the last line may be an attribution)
	dropped    []droppedTag
	heading    int // level of the last heading (the title is 1)
	// pastedAt is the first line where pasted text was cleaned up, and
	// pastedWhat what was done (see clean).
	pastedAt   diag.Pos
	pastedWhat []string
}

type droppedTag struct {
	line int
	tag  string
}

// flushDropped reports raw HTML tags left out, one warning per line.
func (c *converter) flushDropped() {
	for i := 0; i < len(c.dropped); {
		j := i
		var tags []string
		for j < len(c.dropped) && c.dropped[j].line == c.dropped[i].line {
			tags = append(tags, c.dropped[j].tag)
			j++
		}
		c.r.diags.Warnf(diag.Pos{Path: c.path, Line: c.dropped[i].line}, "raw HTML tags left out: %s (text between them is kept, scripts and styles are not; use Markdown for styling)", strings.Join(tags, " "))
		i = j
	}
	c.dropped = nil
}

func (c *converter) lineAt(offset int) int {
	lo, hi := 0, len(c.lineStarts)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if c.lineStarts[mid] <= offset {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return c.lineBase + lo
}

// pos returns where n starts in the source, from goldmark's own offset
// (every node has one since goldmark 1.7.11), with the column counted in
// characters as editors count them.
func (c *converter) pos(n ast.Node) diag.Pos {
	off := n.Pos()
	for m := n; off < 0 && m != nil; m = m.Parent() {
		off = m.Pos()
	}
	if off < 0 || off > len(c.src) {
		return diag.Pos{Path: c.path, Line: c.lineBase}
	}
	line := c.lineAt(off)
	start := c.lineStarts[line-c.lineBase]
	return diag.Pos{Path: c.path, Line: line, Col: 1 + utf8.RuneCount(c.src[start:off])}
}

func (c *converter) blocks(parent ast.Node) []doc.Block {
	var out []doc.Block
	for n := parent.FirstChild(); n != nil; n = n.NextSibling() {
		out = append(out, c.block(n)...)
		c.flushDropped()
	}
	return out
}

func (c *converter) block(n ast.Node) []doc.Block {
	pos := c.pos(n)
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock:
		return c.paragraph(n, pos)
	case *ast.Heading:
		spans := c.inlines(n, 0, "")
		if n.Level == 1 && c.h1 == nil {
			c.h1 = spans
			return nil
		}
		lvl := n.Level
		if lvl < 2 {
			lvl = 2
		}
		if last := max(c.heading, 1); lvl > last+1 {
			c.r.diags.Warnf(pos, "heading %s skips a level after %s; readers navigate by heading levels: use %s",
				strings.Repeat("#", lvl), strings.Repeat("#", last), strings.Repeat("#", last+1))
		}
		c.heading = lvl
		return []doc.Block{&doc.Heading{Pos: pos, Level: lvl, Spans: spans}}
	case *ast.Blockquote:
		if c.unknownCallout(n.FirstChild(), pos) {
			return nil
		}
		if pq := c.pullQuote(n, pos); pq != nil {
			return []doc.Block{pq}
		}
		return []doc.Block{&doc.Quote{Pos: pos, Blocks: c.blocks(n)}}
	case *ast.List:
		l := &doc.List{Pos: pos, Ordered: n.IsOrdered()}
		if l.Ordered {
			l.Start = n.Start // goldmark gives the first item's number, 0 included
		}
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			l.Items = append(l.Items, c.blocks(it))
		}
		return []doc.Block{l}
	case *ast.FencedCodeBlock:
		return []doc.Block{&doc.Code{Pos: pos, Lang: string(n.Language(c.src)), Text: c.rawLines(n)}}
	case *ast.CodeBlock:
		return []doc.Block{&doc.Code{Pos: pos, Text: c.rawLines(n)}}
	case *ast.ThematicBreak:
		return []doc.Block{&doc.Rule{Pos: pos}}
	case *ast.HTMLBlock:
		raw := c.rawLines(n)
		if n.HasClosure() {
			raw += string(n.ClosureLine.Value(c.src))
		}
		txt := htmlText(raw)
		if txt == "" {
			c.r.diags.Warnf(pos, "raw HTML block left out (it has no text); use Markdown instead")
		} else {
			c.r.diags.Warnf(pos, "raw HTML block left out; only its text is kept (use Markdown instead)")
		}
		if txt == "" {
			return nil
		}
		return []doc.Block{&doc.Paragraph{Pos: pos, Spans: []doc.Span{{Text: txt}}}}
	case *east.Table:
		return []doc.Block{c.table(n, pos)}
	case *east.FootnoteList:
		for f := n.FirstChild(); f != nil; f = f.NextSibling() {
			fn, ok := f.(*east.Footnote)
			if !ok {
				continue
			}
			var spans []doc.Span
			for b := fn.FirstChild(); b != nil; b = b.NextSibling() {
				if len(spans) > 0 {
					spans = append(spans, doc.Span{Text: " "})
				}
				spans = append(spans, c.inlines(b, 0, "")...)
			}
			c.notes = append(c.notes, doc.Note{N: fn.Index, Spans: trimSpans(spans)})
		}
		return nil
	default:
		// Unknown block kinds keep their children's text.
		if n.HasChildren() {
			return c.blocks(n)
		}
		return nil
	}
}

func (c *converter) rawLines(n ast.Node) string {
	var b strings.Builder
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		b.Write(seg.Value(c.src))
	}
	return strings.TrimRight(b.String(), "\n")
}

// paragraph returns the paragraph's text and its images as figures. A
// paragraph holding nothing but an image is a figure.
func (c *converter) paragraph(n ast.Node, pos diag.Pos) []doc.Block {
	var figs []doc.Block
	var spans []doc.Span
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		if img, ok := ch.(*ast.Image); ok {
			if f := c.figure(img, c.pos(img)); f != nil {
				figs = append(figs, f)
			}
			continue
		}
		spans = append(spans, c.inline(ch, 0, "")...)
	}
	spans = trimSpans(spans)
	var out []doc.Block
	if len(spans) > 0 {
		out = append(out, &doc.Paragraph{Pos: pos, Spans: spans})
	}
	return append(out, figs...)
}

func (c *converter) figure(img *ast.Image, pos diag.Pos) *doc.Figure {
	dest := string(img.Destination)
	if u, err := url.PathUnescape(dest); err == nil {
		dest = u
	}
	alt := strings.TrimSpace(doc.PlainText(c.inlines(img, 0, "")))
	im := c.r.resolveImage(c.path, dest, pos)
	if im == nil {
		return nil
	}
	f := &doc.Figure{Pos: pos, Image: im, Alt: alt, Focus: [2]float64{0.5, 0.5}}
	title := strings.TrimSpace(string(img.Title))
	if cap, credit, ok := strings.Cut(title, "|"); ok {
		title, f.Credit = strings.TrimSpace(cap), creditName(credit)
	}
	if title != "" {
		f.Caption = []doc.Span{{Text: title}}
	}
	c.r.checkAlt(f, pos, msg.Sprintf("image %q", dest), msg.T("write it in ![...]"))
	return f
}

var pullMarker = regexp.MustCompile(`(?i)^\s*\[!pull\]\s*`)

// pullQuote recognises "> [!pull]" blockquotes. A last line starting with
// a dash ("— Name") is the attribution.
func (c *converter) pullQuote(n *ast.Blockquote, pos diag.Pos) *doc.PullQuote {
	first := n.FirstChild()
	if first == nil {
		return nil
	}
	if _, ok := first.(*ast.Paragraph); !ok {
		return nil
	}
	c.softBreaks = true
	spans := trimSpans(c.inlines(n, 0, ""))
	c.softBreaks = false
	txt := doc.PlainText(spans)
	if !pullMarker.MatchString(txt) {
		return nil
	}
	// Remove the marker from the first span, then the line break after it.
	spans[0].Text = pullMarker.ReplaceAllString(spans[0].Text, "")
	spans = trimSpans(spans)
	for len(spans) > 0 && spans[0].Break {
		spans = trimSpans(spans[1:])
	}
	pq := &doc.PullQuote{Pos: pos}
	// Attribution: text after the last line break that starts with a dash.
	for i := len(spans) - 1; i >= 0; i-- {
		if spans[i].Break {
			rest := strings.TrimSpace(doc.PlainText(spans[i+1:]))
			if strings.HasPrefix(rest, "—") || strings.HasPrefix(rest, "–") || strings.HasPrefix(rest, "-") {
				pq.Attribution = strings.TrimSpace(strings.TrimLeft(rest, "—–- "))
				spans = spans[:i]
			}
			break
		}
	}
	for i := range spans {
		if spans[i].Break {
			spans[i] = doc.Span{Text: " ", Style: spans[i].Style}
		}
	}
	pq.Spans = trimSpans(spans)
	return pq
}

func (c *converter) table(t *east.Table, pos diag.Pos) *doc.Table {
	out := &doc.Table{Pos: pos}
	for _, a := range t.Alignments {
		out.Align = append(out.Align, map[east.Alignment]doc.Align{
			east.AlignLeft: doc.AlignLeft, east.AlignCenter: doc.AlignCenter, east.AlignRight: doc.AlignRight,
		}[a])
	}
	cells := func(row ast.Node) [][]doc.Span {
		var r [][]doc.Span
		for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
			r = append(r, trimSpans(c.inlines(cell, 0, "")))
		}
		return r
	}
	for row := t.FirstChild(); row != nil; row = row.NextSibling() {
		switch row.(type) {
		case *east.TableHeader:
			out.Header = cells(row)
		case *east.TableRow:
			out.Rows = append(out.Rows, cells(row))
		}
	}
	empty := true
	for _, h := range out.Header {
		empty = empty && strings.TrimSpace(doc.PlainText(h)) == ""
	}
	if empty {
		c.r.diags.Warnf(pos, "table has no header row: name each column in the first row, so that readers hear what each cell is")
	}
	return out
}

func (c *converter) inlines(n ast.Node, style doc.Style, link string) []doc.Span {
	var out []doc.Span
	for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
		out = append(out, c.inline(ch, style, link)...)
	}
	return mergeSpans(out)
}

var tagName = regexp.MustCompile(`^<\s*(/?)\s*([A-Za-z][A-Za-z0-9-]*)`)

func (c *converter) inline(n ast.Node, style doc.Style, link string) []doc.Span {
	switch n := n.(type) {
	case *ast.Text:
		var out []doc.Span
		if c.skipText == 0 {
			out = append(out, c.clean(unescape(n.Segment.Value(c.src)), n.Segment.Start, style, link)...)
		}
		if n.HardLineBreak() || (n.SoftLineBreak() && c.softBreaks) {
			out = append(out, doc.Span{Break: true})
		} else if n.SoftLineBreak() {
			out = append(out, doc.Span{Text: " ", Style: style, Link: link})
		}
		return out
	case *ast.String:
		if c.skipText > 0 {
			return nil
		}
		v := string(n.Value)
		if !n.IsCode() {
			v = unescape(n.Value)
		}
		return []doc.Span{{Text: v, Style: style, Link: link}}
	case *ast.Emphasis:
		s := doc.Emph
		if n.Level >= 2 {
			s = doc.Strong
		}
		return c.inlines(n, style|s, link)
	case *ast.CodeSpan:
		var b strings.Builder
		for ch := n.FirstChild(); ch != nil; ch = ch.NextSibling() {
			switch t := ch.(type) {
			case *ast.Text:
				b.Write(t.Segment.Value(c.src))
			case *ast.String:
				b.Write(t.Value)
			}
		}
		return []doc.Span{{Text: b.String(), Style: style | doc.Mono, Link: link}}
	case *ast.Link:
		dest := cleanURL(string(n.Destination))
		switch {
		case len(n.Destination) == 0:
			// [words]() — the address forgotten: the words stay, as text
			c.r.diags.Warnf(c.pos(n), "link without an address: its words are kept as plain text; write the address between the ( ) after them")
		case dest == "":
			c.r.diags.Warnf(c.pos(n), "link %q removed: script links are not allowed", string(n.Destination))
		}
		return c.inlines(n, style, dest)
	case *ast.AutoLink:
		u := string(n.URL(c.src))
		dest := u
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(dest, "mailto:") {
			dest = "mailto:" + dest
		} else if !schemeRE.MatchString(dest) {
			dest = "https://" + dest
		}
		return []doc.Span{{Text: u, Style: style, Link: cleanURL(dest)}}
	case *ast.Image:
		// An image inside running text: keep its alt text in the flow.
		return c.inlines(n, style, link)
	case *ast.RawHTML:
		var raw strings.Builder
		for i := 0; i < n.Segments.Len(); i++ {
			s := n.Segments.At(i)
			raw.Write(s.Value(c.src))
		}
		tag := raw.String()
		if m := tagName.FindStringSubmatch(tag); m != nil {
			name := strings.ToLower(m[2])
			closing := m[1] == "/"
			switch {
			case name == "script" || name == "style":
				if closing {
					if c.skipText > 0 {
						c.skipText--
					}
				} else if !strings.HasSuffix(strings.TrimSpace(tag), "/>") {
					c.skipText++
				}
			case name == "br" && c.skipText == 0:
				return []doc.Span{{Break: true}}
			}
		}
		line := c.lineAt(n.Segments.At(0).Start)
		c.dropped = append(c.dropped, droppedTag{line, strings.TrimSpace(tag)})
		return nil
	case *east.FootnoteLink:
		return []doc.Span{{Note: n.Index, Style: style}}
	case *east.TaskCheckBox:
		if n.IsChecked {
			return []doc.Span{{Text: "☑ ", Style: style}}
		}
		return []doc.Span{{Text: "☐ ", Style: style}}
	default:
		return c.inlines(n, style, link)
	}
}

func cleanURL(u string) string {
	u = strings.TrimSpace(u)
	if strings.HasPrefix(strings.ToLower(u), "javascript:") {
		return ""
	}
	return u
}

func unescape(b []byte) string {
	b = util.UnescapePunctuations(b)
	b = util.ResolveNumericReferences(b)
	b = util.ResolveEntityNames(b)
	return string(b)
}

// mergeSpans joins neighbouring spans of equal style and link.
func mergeSpans(in []doc.Span) []doc.Span {
	var out []doc.Span
	for _, s := range in {
		if s.Text == "" && !s.Break && s.Note == 0 {
			continue
		}
		if k := len(out) - 1; k >= 0 && !s.Break && s.Note == 0 && !out[k].Break && out[k].Note == 0 &&
			out[k].Style == s.Style && out[k].Link == s.Link {
			out[k].Text += s.Text
			continue
		}
		out = append(out, s)
	}
	return out
}

var spaceRun = regexp.MustCompile(`[ \t\r\n]+`)

// trimSpans collapses runs of white space, and trims the ends.
func trimSpans(in []doc.Span) []doc.Span {
	out := mergeSpans(in)
	for i := range out {
		if out[i].Style&doc.Mono == 0 {
			out[i].Text = spaceRun.ReplaceAllString(out[i].Text, " ")
		}
	}
	for len(out) > 0 && !out[0].Break && out[0].Note == 0 {
		out[0].Text = strings.TrimLeft(out[0].Text, " ")
		if out[0].Text != "" {
			break
		}
		out = out[1:]
	}
	for len(out) > 0 {
		k := len(out) - 1
		if out[k].Break {
			out = out[:k]
			continue
		}
		if out[k].Note != 0 {
			break
		}
		out[k].Text = strings.TrimRight(out[k].Text, " ")
		if out[k].Text != "" {
			break
		}
		out = out[:k]
	}
	// A line break swallows the spaces around it.
	for i := 1; i < len(out); i++ {
		if out[i-1].Break {
			out[i].Text = strings.TrimLeft(out[i].Text, " ")
		}
		if out[i].Break {
			out[i-1].Text = strings.TrimRight(out[i-1].Text, " ")
		}
	}
	// A space ending one span and starting the next would double.
	for i := 1; i < len(out); i++ {
		if strings.HasSuffix(out[i-1].Text, " ") && strings.HasPrefix(out[i].Text, " ") {
			out[i].Text = out[i].Text[1:]
		}
	}
	return out
}

var (
	dropElems = regexp.MustCompile(`(?is)<(script|style|head|template)\b.*?(</\s*(script|style|head|template)\s*>|$)`)
	comments  = regexp.MustCompile(`(?s)<!--.*?(-->|$)`)
	anyTag    = regexp.MustCompile(`(?s)<[^>]*>`)
)

// htmlText returns the readable text of a fragment of raw HTML, without
// scripts, styles or comments.
func htmlText(raw string) string {
	s := comments.ReplaceAllString(raw, " ")
	s = dropElems.ReplaceAllString(s, " ")
	s = anyTag.ReplaceAllString(s, " ")
	s = html.UnescapeString(s)
	return strings.TrimSpace(spaceRun.ReplaceAllString(s, " "))
}

// decorativeAlt is the alternative text that marks a picture as
// decoration: alt: "-" in a header, ![-](photo.jpg) in the text.
const decorativeAlt = "-"

// checkAlt makes a figure's alternative text what readers who cannot see
// the picture need, and warns where it is missing or says nothing: it is
// never the caption repeated (readers hear the caption too) nor the file
// name. "-" marks a decorative picture.
func (r *reader) checkAlt(f *doc.Figure, pos diag.Pos, what, how string) {
	f.Alt = strings.TrimSpace(f.Alt)
	name := filepath.Base(f.Image.Rel)
	stem := strings.TrimSuffix(name, filepath.Ext(name))
	same := func(a, b string) bool {
		norm := func(s string) string { return strings.ToLower(strings.Trim(strings.TrimSpace(s), ".")) }
		return norm(a) == norm(b)
	}
	switch {
	case f.Alt == decorativeAlt:
		f.Alt, f.Decorative = "", true
	case f.Alt == "":
		r.diags.Warnf(pos, "%s has no alt text: %s, saying what the photo shows for readers who cannot see it (or \"-\" if it is only decoration)", what, how)
	case len(f.Caption) > 0 && same(f.Alt, doc.PlainText(f.Caption)):
		r.diags.Warnf(pos, "%s: the alt text repeats the caption, and readers hear both; say what the photo shows", what)
	case same(f.Alt, name) || same(f.Alt, stem) || same(strings.ReplaceAll(f.Alt, " ", "-"), stem):
		r.diags.Warnf(pos, "%s: the alt text is the file name; say what the photo shows", what)
	}
}

// inline reads a line of front matter (a title, a standfirst, a caption)
// as inline Markdown: *emphasis* becomes formatting, never asterisks.
func (r *reader) inline(s string) []doc.Span {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	src := []byte(s)
	c := &converter{r: r, src: src}
	c.lineStarts = lineStarts(src)
	root := newMarkdown().Parser().Parse(text.NewReader(src))
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		if p, ok := n.(*ast.Paragraph); ok {
			return c.inlines(p, 0, "")
		}
	}
	return []doc.Span{{Text: s}} // a line Markdown reads as a block (# or -): as written
}

// Characters word processors put into pasted text.
const (
	softHyphen    = '\u00ad' // magz hyphenates by itself
	zeroWidth     = '\u200b'
	wordJoiner    = '\u2060'
	byteOrderMark = '\ufeff'
	lineSep       = '\u2028' // a line break
	paraSep       = '\u2029'
	noBreakSpace  = '\u00a0'
)

// clean turns text pasted from a word processor into what the editor
// meant: soft hyphens and zero-width characters go (magz hyphenates by
// itself), line and paragraph separators become line breaks, and a run
// of no-break spaces one. What it changed is noted for a warning.
func (c *converter) clean(s string, offset int, style doc.Style, link string) []doc.Span {
	if !strings.ContainsAny(s, string([]rune{softHyphen, zeroWidth, wordJoiner, byteOrderMark, lineSep, paraSep, noBreakSpace})) {
		return []doc.Span{{Text: s, Style: style, Link: link}}
	}
	note := func(what string) {
		if c.pastedAt.Line == 0 {
			c.pastedAt = diag.Pos{Path: c.path, Line: c.lineAt(offset)}
		}
		if !slices.Contains(c.pastedWhat, what) {
			c.pastedWhat = append(c.pastedWhat, what)
		}
	}
	var out []doc.Span
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, doc.Span{Text: b.String(), Style: style, Link: link})
			b.Reset()
		}
	}
	prev := rune(0)
	for _, r := range s {
		switch r {
		case softHyphen:
			note(msg.T("soft hyphens removed"))
			continue
		case zeroWidth, wordJoiner, byteOrderMark:
			note(msg.T("invisible characters removed"))
			continue
		case lineSep, paraSep:
			note(msg.T("line separators made line breaks"))
			flush()
			out = append(out, doc.Span{Break: true})
			prev = r
			continue
		case noBreakSpace:
			if prev == noBreakSpace {
				note(msg.T("double no-break spaces made single"))
				continue
			}
		}
		b.WriteRune(r)
		prev = r
	}
	flush()
	return out
}

// headerWithoutStart is an article that begins with header keys and a
// closing --- line but no opening one.
var headerWithoutStart = regexp.MustCompile(`^(?:[A-Za-z][A-Za-z-]*:[^\n]*\n)+---[ \t]*\r?\n`)

// keyLine is a line of a header: "key: value".
var keyLine = regexp.MustCompile(`^[A-Za-z][A-Za-z_-]*:`)

// fenceLike tells a line meant as a header's --- line but typed
// otherwise: two dashes, four, or dashes a word processor made long.
func fenceLike(line []byte) bool {
	t := strings.TrimSpace(string(line))
	if t == "---" {
		return false
	}
	dashes, long := 0, false
	for _, r := range t {
		switch r {
		case '-':
			dashes++
		case '–', '—', '−':
			dashes++
			long = true
		case ' ':
		default:
			return false
		}
	}
	return dashes >= 2 || long
}

// mistypedFences reports a header whose --- lines were typed otherwise
// ("--", "----", "—") and returns the article with them written as
// meant, so that its header is still read and checked.
func (r *reader) mistypedFences(src []byte, path string) []byte {
	lines := bytes.Split(src, []byte("\n"))
	first := bytes.TrimPrefix(lines[0], []byte("\xef\xbb\xbf"))
	opening := strings.TrimSpace(string(first)) == "---"
	if !opening && !(fenceLike(first) && len(lines) > 1 && keyLine.Match(lines[1])) {
		return src
	}
	fixed := false
	if !opening {
		r.diags.Errorf(diag.Pos{Path: path, Line: 1, Col: 1}, "the header starts with %q instead of three dashes: make its first line ---", strings.TrimSpace(string(first)))
		lines[0], fixed = []byte("---"), true
	}
	for i := 1; i < len(lines); i++ {
		t := strings.TrimSpace(string(lines[i]))
		if t == "---" || t == "..." {
			break
		}
		if fenceLike(lines[i]) {
			r.diags.Errorf(diag.Pos{Path: path, Line: i + 1, Col: 1}, "the header ends with %q instead of three dashes: make this line ---", t)
			lines[i], fixed = []byte("---"), true
			break
		}
	}
	if !fixed {
		return src
	}
	return bytes.Join(lines, []byte("\n"))
}
