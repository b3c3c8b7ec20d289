package main

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"text/tabwriter"

	"github.com/urfave/cli/v2"

	"magz/internal/diag"
	"magz/internal/msg"
	"magz/internal/pipeline"
	"magz/internal/reader"
)

func listCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:  "list",
		Usage: msg.T("show the issues, and whether their editions are built and up to date"),
		Description: msg.T("Lists every issue folder under ./issues with its number, date, title and number\n" +
			"of articles, and the state of its editions in dist/ISSUE.\n\n" +
			"Example:\n   magz list"),
		Flags: []cli.Flag{issuesFlag,
			&cli.BoolFlag{Name: "names", Usage: msg.T("print only the issue names, one a line (for scripts and completion)"), DisableDefaultText: true}},
		Action: func(c *cli.Context) error {
			names := reader.List(issuesDir(c))
			if c.Bool("names") {
				for _, n := range names {
					fmt.Fprintln(stdout, n)
				}
				return nil
			}
			if len(names) == 0 {
				msg.Fprintf(stdout, "No issues in %s. Start one with: magz new issue-1\n", diag.DisplayPath(issuesDir(c)))
				return nil
			}
			type row struct {
				name, number, date, articles, title, state string
				n                                          int
			}
			var rows []row
			for _, name := range names {
				dir := filepath.Join(issuesDir(c), name)
				diags := &diag.List{}
				iss := reader.Read(dir, diags)
				r := row{name: name, number: "?", date: "?", articles: "?", state: msg.Sprintf("has errors (magz check %s)", name)}
				if iss != nil {
					r.number, r.n = fmt.Sprint(iss.Number), iss.Number
					if !iss.Date.IsZero() {
						r.date = iss.Date.Format("2006-01-02")
					}
					r.articles = fmt.Sprint(len(iss.Articles))
					r.title = iss.Title
				}
				if iss != nil && !diags.HasErrors() {
					built, current := pipeline.Status(iss, filepath.Join(distDir(c), name), magzVersion())
					switch {
					case current:
						r.state = msg.T("built, up to date")
					case built:
						r.state = msg.T("built, out of date")
					default:
						r.state = msg.T("not built")
					}
				}
				rows = append(rows, r)
			}
			sort.SliceStable(rows, func(i, j int) bool { return rows[i].n < rows[j].n })
			tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, msg.T("ISSUE\tNO.\tDATE\tARTICLES\tTITLE\tEDITIONS"))
			for _, r := range rows {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.name, r.number, r.date, r.articles, r.title, r.state)
			}
			return tw.Flush()
		},
	}
}
