package doc

import (
	"fmt"
	"io"
	"strings"
)

// Dump writes a stable, indented text form of the issue: a debugging view
// and the format of the reader's golden tests (as Pandoc's native output).
func Dump(w io.Writer, iss *Issue) {
	fmt.Fprintf(w, "issue %q number %d date %s lang %s trim %dx%dum\n", iss.Magazine, iss.Number, iss.Date.Format("2006-01-02"), iss.Language, iss.Trim.Width, iss.Trim.Height)
	if iss.Draft {
		fmt.Fprintf(w, "  draft\n")
	}
	if iss.Title != "" {
		fmt.Fprintf(w, "  title %q\n", iss.Title)
	}
	if iss.Publisher != "" {
		fmt.Fprintf(w, "  publisher %q\n", iss.Publisher)
	}
	if iss.Cover != nil {
		dumpFigure(w, "  cover", iss.Cover)
	}
	for _, l := range iss.Colophon {
		fmt.Fprintf(w, "  colophon %q\n", l)
	}
	for _, f := range iss.Fillers {
		fmt.Fprintf(w, "  filler line %d %q %s\n", f.Pos.Line, f.Title, dumpSpans(f.Text))
	}
	dumpPlan(w, iss.Plan)
	for _, a := range iss.Articles {
		fmt.Fprintf(w, "article %s line %d columns %d", a.Slug, a.Pos.Line, a.Columns)
		if a.Pages > 0 {
			fmt.Fprintf(w, " pages %d (line %d)", a.Pages, a.PagesPos.Line)
		}
		if a.Rank != RankUnset {
			fmt.Fprintf(w, " rank %s", a.Rank)
		}
		if a.Opener != 0 {
			fmt.Fprintf(w, " opener %s", a.Opener)
		}
		fmt.Fprintln(w)
		for _, kv := range [][2]string{{"title", a.Title}, {"subtitle", a.Subtitle}, {"author", a.Author}, {"section", a.Section}} {
			if kv[1] != "" {
				fmt.Fprintf(w, "  %s %q\n", kv[0], kv[1])
			}
		}
		for _, f := range []struct {
			name  string
			spans []Span
		}{{"title", a.TitleSpans}, {"subtitle", a.SubtitleSpans}} {
			if len(f.spans) > 1 || len(f.spans) == 1 && f.spans[0].Style != 0 {
				fmt.Fprintf(w, "  %s formatted %s\n", f.name, dumpSpans(f.spans))
			}
		}
		if a.Hero != nil {
			dumpFigure(w, "  hero", a.Hero)
		}
		dumpBlocks(w, "  ", a.Blocks)
		for _, n := range a.Notes {
			fmt.Fprintf(w, "  note %d %s\n", n.N, dumpSpans(n.Spans))
		}
	}
}

func dumpFigure(w io.Writer, prefix string, f *Figure) {
	fmt.Fprintf(w, "%s line %d image %s alt %q", prefix, f.Pos.Line, f.Image.Rel, f.Alt)
	if f.Decorative {
		fmt.Fprint(w, " decorative")
	}
	if len(f.Caption) > 0 {
		fmt.Fprintf(w, " caption %s", dumpSpans(f.Caption))
	}
	if f.Credit != "" {
		fmt.Fprintf(w, " credit %q", f.Credit)
	}
	if f.Focus != [2]float64{0.5, 0.5} && f.Focus != [2]float64{} {
		fmt.Fprintf(w, " focus %g,%g", f.Focus[0], f.Focus[1])
	}
	fmt.Fprintln(w)
}

func dumpBlocks(w io.Writer, ind string, blocks []Block) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *Paragraph:
			fmt.Fprintf(w, "%spara line %d %s\n", ind, b.Pos.Line, dumpSpans(b.Spans))
		case *Heading:
			fmt.Fprintf(w, "%sh%d line %d %s\n", ind, b.Level, b.Pos.Line, dumpSpans(b.Spans))
		case *Figure:
			dumpFigure(w, ind+"figure", b)
		case *PullQuote:
			fmt.Fprintf(w, "%spullquote line %d %s by %q\n", ind, b.Pos.Line, dumpSpans(b.Spans), b.Attribution)
		case *Quote:
			fmt.Fprintf(w, "%squote line %d\n", ind, b.Pos.Line)
			dumpBlocks(w, ind+"  ", b.Blocks)
		case *List:
			fmt.Fprintf(w, "%slist ordered=%v start=%d line %d\n", ind, b.Ordered, b.Start, b.Pos.Line)
			for _, it := range b.Items {
				fmt.Fprintf(w, "%s  item\n", ind)
				dumpBlocks(w, ind+"    ", it)
			}
		case *Table:
			fmt.Fprintf(w, "%stable line %d align %v\n", ind, b.Pos.Line, b.Align)
			if len(b.Header) > 0 {
				fmt.Fprintf(w, "%s  header %s\n", ind, dumpCells(b.Header))
			}
			for _, r := range b.Rows {
				fmt.Fprintf(w, "%s  row %s\n", ind, dumpCells(r))
			}
		case *Code:
			fmt.Fprintf(w, "%scode line %d lang %q %q\n", ind, b.Pos.Line, b.Lang, b.Text)
		case *Rule:
			fmt.Fprintf(w, "%srule line %d\n", ind, b.Pos.Line)
		}
	}
}

func dumpCells(cells [][]Span) string {
	var parts []string
	for _, c := range cells {
		parts = append(parts, dumpSpans(c))
	}
	return strings.Join(parts, " | ")
}

func dumpSpans(spans []Span) string {
	var b strings.Builder
	for i, s := range spans {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch {
		case s.Break:
			b.WriteString("<br>")
		case s.Note > 0:
			fmt.Fprintf(&b, "[^%d]", s.Note)
		default:
			var tags []string
			if s.Style&Emph != 0 {
				tags = append(tags, "em")
			}
			if s.Style&Strong != 0 {
				tags = append(tags, "strong")
			}
			if s.Style&Mono != 0 {
				tags = append(tags, "code")
			}
			if s.Link != "" {
				tags = append(tags, "link="+s.Link)
			}
			if len(tags) > 0 {
				fmt.Fprintf(&b, "{%s}", strings.Join(tags, ","))
			}
			fmt.Fprintf(&b, "%q", s.Text)
		}
	}
	return b.String()
}

// dumpPlan writes the planned material: each ad, the photo page, the
// Markdown pages by file.
func dumpPlan(w io.Writer, p *Plan) {
	if p == nil {
		return
	}
	for _, a := range p.Ads {
		kind := "ad"
		if a.Notice {
			kind = "notice"
		}
		dumpFigure(w, fmt.Sprintf("  planned %s %s %q", a.Size, kind, a.Title), a.Figure)
	}
	if p.Photo != nil {
		dumpFigure(w, fmt.Sprintf("  planned photo %q", p.Photo.Title), p.Photo.Figure)
	}
	for _, a := range p.Pages {
		fmt.Fprintf(w, "  planned page %s %q (%d blocks)\n", a.Slug, a.Title, len(a.Blocks))
	}
	if p.NotesPages > 0 {
		fmt.Fprintf(w, "  planned notes pages %d\n", p.NotesPages)
	}
}
