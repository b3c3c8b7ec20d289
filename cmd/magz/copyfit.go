package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"magz/internal/diag"
	"magz/internal/msg"
	"magz/internal/pipeline"
	"magz/layout"
)

// copyfitLimit is how empty (in thousandths of the text area) an
// article's last page may be before the report says what would fill it:
// the layout's own threshold for a hole worth a filler.
const copyfitLimit = 150

// copyfitJSON is the copyfit report in check --json (docs/check-json.md).
type copyfitJSON struct {
	Pages    int           `json:"pages"`
	Printed  int           `json:"printed"`
	Articles []articleJSON `json:"articles"`
	Budget   budgetJSON    `json:"budget"`
}

type articleJSON struct {
	Path       string `json:"path"`
	Title      string `json:"title"`
	First      int    `json:"first_page"`
	Last       int    `json:"last_page"`
	Planned    int    `json:"planned_pages,omitempty"`
	EndsAt     int    `json:"ends_at_percent"`
	WordsShort int    `json:"words_short"`
	WordsOver  int    `json:"words_over"`
	HeroPct    int    `json:"hero_percent"`
	FigsPct    int    `json:"figures_percent"`
	RunIn      bool   `json:"runs_in"`
	TitlePct   int    `json:"headline_percent"`
	Pull       bool   `json:"pull_quote_added"`
	Filler     string `json:"filler,omitempty"`
	Followed   string `json:"followed_by,omitempty"`
}

func words(lines int, f layout.Fit) int { return (lines*f.WordsPerLine + 5) / 10 }

func copyfitData(cf *pipeline.Copyfit) *copyfitJSON {
	if cf == nil {
		return nil
	}
	b := cf.Budget
	out := &copyfitJSON{Pages: b.Pages - b.Spare, Printed: b.Pages, Articles: []articleJSON{}, Budget: budgetData(b)}
	for _, f := range cf.Articles {
		out.Articles = append(out.Articles, articleJSON{Path: diag.DisplayPath(f.Path), Title: f.Title, First: f.First, Last: f.Last,
			Planned: f.Planned, EndsAt: 100 - f.Empty/10, WordsShort: words(f.ShortLines, f), WordsOver: words(f.EndLines, f),
			HeroPct: f.HeroPct, FigsPct: f.FigsPct, RunIn: f.RunIn, TitlePct: f.TitlePct, Pull: f.Pull, Filler: f.Filler, Followed: f.Followed})
	}
	return out
}

// pagesOf writes an article's pages: "7" or "7–8".
func pagesOf(f layout.Fit) string {
	if f.First == f.Last {
		return strconv.Itoa(f.First)
	}
	return fmt.Sprintf("%d–%d", f.First, f.Last)
}

// fitLine says how one article fills its pages and, when its last page is
// partly empty, what would fill it or pull it back a page.
func fitLine(f layout.Fit) string {
	s := msg.Sprintf("ends %d %% down page %d", 100-f.Empty/10, f.Last)
	switch {
	case f.Filler != "":
		s += msg.Sprintf("; %q fills the rest", f.Filler)
	case f.Followed != "":
		s += msg.Sprintf("; %q follows below", f.Followed)
	case f.Empty >= copyfitLimit:
		s += msg.Sprintf(": about %d words short of filling the page", words(f.ShortLines, f))
		if f.EndLines > 0 {
			s += msg.Sprintf(", or cut about %d words to end on page %d", words(f.EndLines, f), f.Last-1)
		}
	}
	if f.Planned > 0 {
		s += msg.Sprintf("; the flatplan gives it %d", f.Planned)
	}
	var means []string
	if f.HeroPct != 100 {
		means = append(means, msg.Sprintf("opener photo at %d %%", f.HeroPct))
	}
	if f.FigsPct != 100 {
		means = append(means, msg.Sprintf("photos at %d %%", f.FigsPct))
	}
	if f.RunIn {
		means = append(means, msg.T("starts below the article before"))
	}
	if f.Pull {
		means = append(means, msg.T("a pull quote from its text"))
	}
	if f.TitlePct > 0 && f.TitlePct < 100 {
		means = append(means, msg.Sprintf("headline at %d %% of its rank's size", f.TitlePct))
	}
	if len(means) > 0 {
		s += " (" + strings.Join(means, ", ") + ")"
	}
	return s
}

// printCopyfit writes the copyfit report; with all false, only the
// articles whose last page is partly empty with nothing to fill it.
func printCopyfit(w io.Writer, cf *pipeline.Copyfit, all bool) {
	if cf == nil {
		return
	}
	var rows []layout.Fit
	for _, f := range cf.Articles {
		if all || f.Empty >= copyfitLimit && f.Filler == "" && f.Followed == "" {
			rows = append(rows, f)
		}
	}
	b := cf.Budget
	if len(rows) == 0 && !all && b.Spare == 0 {
		return
	}
	if len(rows) > 0 {
		fmt.Fprintln(w, msg.T("Copyfit (how the articles fill their pages):"))
	}
	for _, f := range rows {
		fmt.Fprintf(w, "  %-6s %s: %s\n", pagesOf(f), f.Title, fitLine(f))
	}
	printBudget(w, b)
}
