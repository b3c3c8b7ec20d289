package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"magz/internal/jpeg"
	"magz/internal/msg"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"magz/internal/diag"
	"magz/internal/pipeline"
	"magz/internal/reader"
	"magz/layout/page"
)

var outputFlags = []cli.Flag{
	&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: msg.T("write the editions into `DIR` (default dist/ISSUE)")},
	&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Usage: msg.T("what to build, a comma `LIST` of print, screen, epub (the default: all three) and, for the print shop, booklet, spreads, softproof")},
	&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: msg.T("print only problems"), DisableDefaultText: true},
	&cli.BoolFlag{Name: "previews", Aliases: []string{"p"}, Usage: msg.T("also draw a PNG of every page and a contact sheet into DIR/previews"), DisableDefaultText: true},
	&cli.StringFlag{Name: "cache", Usage: msg.T("keep processed photos in `DIR` (default .magz-cache beside the issues)")},
	&cli.BoolFlag{Name: "no-cache", Usage: msg.T("process every photo afresh and keep nothing"), DisableDefaultText: true},
	issuesFlag,
}

func buildCommand(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     msg.T("build the editions of an issue"),
		ArgsUsage: msg.T("ISSUE"),
		Description: msg.T("Builds the print PDF, the screen PDF and the EPUB of ISSUE into dist/ISSUE.\n" +
			"ISSUE is an issue name under ./issues (issue-12) or a path to an issue folder.\n\n" +
			"Examples:\n" +
			"   magz build issue-12\n" +
			"   magz build --format screen,epub issue-12\n" +
			"   magz build --previews issue-12     (PNG pictures of the pages too)\n" +
			"   magz build --out /tmp/proof path/to/issue-13"),
		Flags: append(append([]cli.Flag{}, outputFlags...),
			&cli.BoolFlag{Name: "force", Usage: msg.T("rebuild even when nothing changed since the last build"), DisableDefaultText: true}),
		Action: func(c *cli.Context) error {
			opt, dir, err := buildOptions(c, "build")
			if err != nil {
				return err
			}
			opt.Force = c.Bool("force")
			var bars progress
			if !c.Bool("quiet") {
				if isTerminal(stderr) {
					// On a terminal: bars for the photos and the pages.
					opt.OnPhoto = bars.step(stderr, msg.T("photos"))
					opt.OnPage = bars.step(stderr, msg.T("pages"))
				} else {
					opt.Progress = prefixWriter{stderr}
				}
			}
			start := time.Now()
			res, err := pipeline.Run(c.Context, dir, opt)
			bars.finish()
			if res != nil {
				for _, w := range res.Warnings {
					fmt.Fprintln(stderr, w.String())
				}
			}
			if err != nil {
				return buildError(err)
			}
			if !c.Bool("quiet") {
				summary(stdout, res, time.Since(start), msg.T("Up to date (nothing changed; --force rebuilds)"))
			}
			return nil
		},
	}
}

// progress draws one bar at a time for the stages of a build.
type progress struct {
	bar  *progressbar.ProgressBar
	name string
}

func (p *progress) step(w io.Writer, name string) func(done, total int) {
	return func(done, total int) {
		if p.bar == nil || p.name != name {
			p.finish()
			p.bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription(fmt.Sprintf("%-8s", name)),
				progressbar.OptionShowCount(), progressbar.OptionSetWidth(30), progressbar.OptionClearOnFinish())
			p.name = name
		}
		p.bar.Set(done)
	}
}

func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
		p.bar = nil
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// buildOptions reads the flags shared by build and watch.
func buildOptions(c *cli.Context, cmd string) (pipeline.Options, string, error) {
	if err := danglingOption(c); err != nil {
		return pipeline.Options{}, "", err
	}
	if c.NArg() != 1 {
		return pipeline.Options{}, "", fail(2, "magz %s: name one issue, for example: magz %s issue-12", cmd, cmd)
	}
	list := c.String("format")
	if !c.IsSet("format") {
		list = "print,screen,epub"
	}
	formats, err := pipeline.ParseFormats(list)
	if err != nil {
		return pipeline.Options{}, "", fail(2, "magz %s: %v", cmd, err)
	}
	dir, err := reader.Resolve(c.Args().First(), issuesDir(c))
	if err != nil {
		return pipeline.Options{}, "", fail(1, "%v", err)
	}
	out := c.String("out")
	if out == "" {
		out = filepath.Join(distDir(c), filepath.Base(dir))
	}
	opt := pipeline.Options{Formats: formats, OutDir: out, Version: magzVersion(), Previews: c.Bool("previews"), JPEG: jpeg.CodecFor(os.Getenv(jpeg.EnvSwitch))}
	switch {
	case c.Bool("no-cache"):
	case c.String("cache") != "":
		opt.CacheDir = c.String("cache")
	default:
		opt.CacheDir = pipeline.DefaultCacheDir(dir)
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return pipeline.Options{}, "", fail(2, "magz %s: SOURCE_DATE_EPOCH=%q is not a number of seconds", cmd, s)
		}
		opt.Date = time.Unix(sec, 0).UTC()
	}
	return opt, dir, nil
}

func buildError(err error) error {
	var de *diag.Errors
	switch {
	case errors.As(err, &de):
		return fail(1, "%v\nmagz: build failed with %s; nothing was written. Fix the lines above and build again.", err, msg.Count(len(de.List), "error"))
	case errors.Is(err, context.Canceled):
		return fail(130, "magz: build interrupted; nothing was written")
	}
	return fail(1, "magz: %v", err)
}

type prefixWriter struct{ w io.Writer }

func (p prefixWriter) Write(b []byte) (int, error) {
	_, err := fmt.Fprintf(p.w, "magz: %s", b)
	return len(b), err
}

// summary says what a build made. upToDate is what to say when nothing
// changed (build can be forced; watch cannot, and has no --force).
func summary(w io.Writer, res *pipeline.Result, took time.Duration, upToDate string) {
	verb := msg.T("Built")
	if res.UpToDate {
		verb = upToDate
	}
	msg.Fprintf(w, "%s %s %d: %s, %s, %s, %s in %.1fs", verb, res.Issue.Magazine, res.Issue.Number,
		msg.Count(res.Pages, "page"), msg.Count(len(res.Issue.Articles), "article"), msg.Count(res.Words, "word"), msg.Count(res.Photos, "photo"), took.Seconds())
	if n := len(res.Warnings); n > 0 {
		fmt.Fprint(w, ", "+msg.Count(n, "warning"))
	}
	fmt.Fprintln(w)
	for _, o := range res.Outputs {
		fmt.Fprintf(w, "  %-9s %s (%s)\n", o.Format, diag.DisplayPath(o.Path), size(o.Bytes))
	}
	if res.Handoff != "" {
		msg.Fprintf(w, "  %-9s %s (for the printer, with the print PDF)\n", msg.T("sheet"), diag.DisplayPath(res.Handoff))
	}
	if res.Previews != "" {
		msg.Fprintf(w, "  %-9s %s/ (page-NN.png, contact-sheet.png)\n", msg.T("preview"), diag.DisplayPath(res.Previews))
	}
	if res.SoftProof != "" {
		msg.Fprintf(w, "  %-9s %s/ (page-NN.png: the pages as the press prints them)\n", msg.T("softproof"), diag.DisplayPath(res.SoftProof))
	}
	for _, p := range res.Stale {
		msg.Fprintf(w, "  %-9s %s is from an earlier build: not rebuilt now\n", msg.T("old"), diag.DisplayPath(p))
	}
	if res.Issue.Draft {
		msg.Fprintf(w, "This issue is a draft (draft: true in issue.yaml): the website leaves it out until you delete that line.\n")
	}
	if len(res.NotUA) > 0 {
		msg.Fprintf(w, "The screen PDF does not claim PDF/UA-1 (accessible PDF) because of %s; fix them and build again:\n", msg.Count(len(res.NotUA), "problem"))
		printNotUA(w, res.NotUA)
	}
	printCopyfit(w, res.Copyfit, false)
}

func size(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}

// printNotUA lists the reasons the screen PDF does not claim PDF/UA-1,
// where each comes from.
func printNotUA(w io.Writer, notUA []page.Shortfall) {
	for _, s := range notUA {
		fmt.Fprintf(w, "  %s: %s\n", diag.Pos{Path: s.Path, Line: s.Line, Col: s.Col}, s.Reason)
	}
}
