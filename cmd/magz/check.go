package main

import (
	"encoding/json"
	"fmt"
	"io"
	"magz/internal/jpeg"
	"magz/internal/msg"
	"os"
	"path/filepath"
	"sort"

	"github.com/urfave/cli/v2"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/pipeline"
	"magz/internal/reader"
)

// checkReport is the JSON form of "magz check --json"; the schema is
// documented in docs/check-json.md and tested.
type checkReport struct {
	Schema   string       `json:"schema"`
	Issue    string       `json:"issue"`
	Dir      string       `json:"dir"`
	OK       bool         `json:"ok"`
	Errors   int          `json:"errors"`
	Warnings int          `json:"warnings"`
	Files    []checkFile  `json:"files"`
	Copyfit  *copyfitJSON `json:"copyfit,omitempty"`
	// NotUA are the reasons the screen PDF would not claim PDF/UA-1.
	NotUA []notUAJSON `json:"not_pdfua,omitempty"`
}

type notUAJSON struct {
	Path   string `json:"path"`
	Line   int    `json:"line"`
	Column int    `json:"column"`
	Reason string `json:"reason"`
}

type checkFile struct {
	Path     string         `json:"path"`
	Title    string         `json:"title,omitempty"`
	Problems []checkProblem `json:"problems"`
}

type checkProblem struct {
	Severity string `json:"severity"` // "error" or "warning"
	Line     int    `json:"line"`     // 0 when the problem is about the whole file
	Column   int    `json:"column"`
	Message  string `json:"message"`
}

func checkCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "check",
		Usage:     msg.T("preflight an issue: every problem a build would meet, and what a printer would catch"),
		ArgsUsage: msg.T("ISSUE"),
		Description: msg.T("Reads the whole issue, its photos and its layout without writing any edition, and\n" +
			"lists errors (the build would fail) and warnings (missing alt text or photo credit,\n" +
			"photos below print resolution, characters the fonts lack, text that does not fit,\n" +
			"unused photos, malformed links), grouped by file. Exit status 1 when there are\n" +
			"errors, or warnings with --strict.\n\n" +
			"Examples:\n" +
			"   magz check issue-13\n" +
			"   magz check --strict issue-13      (for a magazine's own CI)\n" +
			"   magz check --json issue-13 > report.json"),
		Flags: []cli.Flag{
			&cli.BoolFlag{Name: "strict", Usage: msg.T("fail on warnings too"), DisableDefaultText: true},
			&cli.BoolFlag{Name: "json", Usage: msg.T("print the report as JSON (schema: docs/check-json.md)"), DisableDefaultText: true},
			issuesFlag,
		},
		Action: func(c *cli.Context) error {
			if err := danglingOption(c); err != nil {
				return err
			}
			if c.NArg() != 1 {
				return fail(2, "magz check: name one issue, for example: magz check issue-12")
			}
			dir, err := reader.Resolve(c.Args().First(), issuesDir(c))
			if err != nil {
				if c.Bool("json") {
					// a script reading the report gets one, with the problem in it
					rep := checkReport{Schema: checkSchema, Issue: c.Args().First(), Errors: 1, Files: []checkFile{{
						Path: c.Args().First(), Problems: []checkProblem{{Severity: "error", Message: err.Error()}}}}}
					enc := json.NewEncoder(stdout)
					enc.SetIndent("", "  ")
					enc.Encode(rep)
				}
				return fail(1, "%v", err)
			}
			iss, ds, cf, notUA := pipeline.Check(c.Context, dir, jpeg.CodecFor(os.Getenv(jpeg.EnvSwitch)))
			rep := report(dir, iss, ds)
			rep.Copyfit = copyfitData(cf)
			for _, s := range notUA {
				rep.NotUA = append(rep.NotUA, notUAJSON{Path: diag.DisplayPath(s.Path), Line: s.Line, Column: s.Col, Reason: s.Reason})
			}
			if c.Bool("json") {
				enc := json.NewEncoder(stdout)
				enc.SetIndent("", "  ")
				enc.Encode(rep)
			} else {
				printCopyfit(stdout, cf, true)
				printReport(stdout, rep)
				if len(notUA) > 0 {
					msg.Fprintf(stdout, "The screen PDF would not claim PDF/UA-1 (accessible PDF) because of %s:\n", msg.Count(len(notUA), "problem"))
					printNotUA(stdout, notUA)
				}
			}
			switch {
			case rep.Errors > 0:
				return fail(1, "")
			case c.Bool("strict") && rep.Warnings > 0:
				return fail(1, "")
			}
			return nil
		},
	}
}

const checkSchema = "magz-check/1"

func report(dir string, iss *doc.Issue, ds []diag.Diagnostic) checkReport {
	rep := checkReport{Schema: checkSchema, Issue: filepath.Base(dir), Dir: diag.DisplayPath(dir), Files: []checkFile{}}
	titles := map[string]string{}
	if iss != nil {
		for _, a := range iss.Articles {
			titles[a.Pos.Path] = a.Title
		}
	}
	byFile := map[string]*checkFile{}
	var order []string
	for _, d := range ds {
		f := byFile[d.Pos.Path]
		if f == nil {
			f = &checkFile{Path: diag.DisplayPath(d.Pos.Path), Title: titles[d.Pos.Path]}
			byFile[d.Pos.Path] = f
			order = append(order, d.Pos.Path)
		}
		sev := msg.N("warning")
		if d.Severity == diag.Error {
			sev = msg.N("error")
			rep.Errors++
		} else {
			rep.Warnings++
		}
		f.Problems = append(f.Problems, checkProblem{Severity: sev, Line: d.Pos.Line, Column: d.Pos.Col, Message: d.Msg})
	}
	sort.Strings(order)
	for _, p := range order {
		rep.Files = append(rep.Files, *byFile[p])
	}
	rep.OK = rep.Errors == 0
	return rep
}

func printReport(w io.Writer, rep checkReport) {
	for _, f := range rep.Files {
		if f.Title != "" {
			fmt.Fprintf(w, "%s  (%s)\n", f.Path, f.Title)
		} else {
			fmt.Fprintln(w, f.Path)
		}
		for _, p := range f.Problems {
			where := "  "
			if p.Line > 0 {
				where = fmt.Sprintf("  %d: ", p.Line)
			}
			fmt.Fprintf(w, "%s%s: %s\n", where, msg.T(p.Severity), p.Message)
		}
	}
	switch {
	case rep.Errors == 0 && rep.Warnings == 0:
		msg.Fprintf(w, "%s: no problems found; ready to build.\n", rep.Issue)
	case rep.Errors == 0:
		msg.Fprintf(w, "%s: %s, no errors; the issue builds.\n", rep.Issue, msg.Count(rep.Warnings, "warning"))
	default:
		msg.Fprintf(w, "%s: %s, %s; the build would fail until the errors are fixed.\n", rep.Issue, msg.Count(rep.Errors, "error"), msg.Count(rep.Warnings, "warning"))
	}
}
