package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"magz/internal/jpeg"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/urfave/cli/v2"
	"golang.org/x/term"

	"magz/internal/build"
	"magz/internal/diag"
	"magz/internal/reader"
)

var outputFlags = []cli.Flag{
	&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write the editions into `DIR` (default dist/ISSUE)"},
	&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "print,screen,epub", Usage: "editions to build, a comma list of print, screen, epub"},
	&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only problems", DisableDefaultText: true},
	&cli.BoolFlag{Name: "previews", Aliases: []string{"p"}, Usage: "also draw a PNG of every page and a contact sheet into DIR/previews", DisableDefaultText: true},
	&cli.StringFlag{Name: "cache", Usage: "keep processed photos in `DIR` (default .magz-cache beside the issues)"},
	&cli.BoolFlag{Name: "no-cache", Usage: "process every photo afresh and keep nothing", DisableDefaultText: true},
	issuesFlag,
}

func buildCommand(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "build",
		Usage:     "build the editions of an issue",
		ArgsUsage: "ISSUE",
		Description: "Builds the print PDF, the screen PDF and the EPUB of ISSUE into dist/ISSUE.\n" +
			"ISSUE is an issue name under ./issues (issue-12) or a path to an issue folder.\n\n" +
			"Examples:\n" +
			"   magz build issue-12\n" +
			"   magz build --format screen,epub issue-12\n" +
			"   magz build --previews issue-12     (PNG pictures of the pages too)\n" +
			"   magz build --out /tmp/proof path/to/issue-13",
		Flags: append(append([]cli.Flag{}, outputFlags...),
			&cli.BoolFlag{Name: "force", Usage: "rebuild even when nothing changed since the last build", DisableDefaultText: true}),
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
					opt.OnPhoto = bars.step(stderr, "photos")
					opt.OnPage = bars.step(stderr, "pages ")
				} else {
					opt.Progress = prefixWriter{stderr}
				}
			}
			start := time.Now()
			res, err := build.Run(c.Context, dir, opt)
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
				summary(stdout, res, time.Since(start), "Up to date (nothing changed; --force rebuilds)")
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
			p.bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(w), progressbar.OptionSetDescription(name),
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
func buildOptions(c *cli.Context, cmd string) (build.Options, string, error) {
	if c.NArg() != 1 {
		return build.Options{}, "", fail(2, "magz %s: name one issue, for example: magz %s issue-12", cmd, cmd)
	}
	formats, err := build.ParseFormats(c.String("format"))
	if err != nil {
		return build.Options{}, "", fail(2, "magz %s: %v", cmd, err)
	}
	dir, err := reader.Resolve(c.Args().First(), issuesDir(c))
	if err != nil {
		return build.Options{}, "", fail(1, "%v", err)
	}
	out := c.String("out")
	if out == "" {
		out = filepath.Join(distDir(c), filepath.Base(dir))
	}
	opt := build.Options{Formats: formats, OutDir: out, Version: magzVersion(), Previews: c.Bool("previews"), JPEG: jpeg.CodecFor(os.Getenv(jpeg.EnvSwitch))}
	switch {
	case c.Bool("no-cache"):
	case c.String("cache") != "":
		opt.CacheDir = c.String("cache")
	default:
		opt.CacheDir = build.DefaultCacheDir(dir)
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		sec, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return build.Options{}, "", fail(2, "magz %s: SOURCE_DATE_EPOCH=%q is not a number of seconds", cmd, s)
		}
		opt.Date = time.Unix(sec, 0).UTC()
	}
	return opt, dir, nil
}

func buildError(err error) error {
	var de *diag.Errors
	switch {
	case errors.As(err, &de):
		return fail(1, "%v\nmagz: build failed with %d error(s); nothing was written. Fix the lines above and build again.", err, len(de.List))
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
func summary(w io.Writer, res *build.Result, took time.Duration, upToDate string) {
	verb := "Built"
	if res.UpToDate {
		verb = upToDate
	}
	fmt.Fprintf(w, "%s %s %d: %s, %s, %s, %s in %.1fs", verb, res.Issue.Magazine, res.Issue.Number,
		diag.Count(res.Pages, "page"), diag.Count(len(res.Issue.Articles), "article"), diag.Count(res.Words, "word"), diag.Count(res.Photos, "photo"), took.Seconds())
	if n := len(res.Warnings); n > 0 {
		fmt.Fprintf(w, ", %d warning(s)", n)
	}
	fmt.Fprintln(w)
	for _, o := range res.Outputs {
		fmt.Fprintf(w, "  %-7s %s (%s)\n", o.Format, diag.DisplayPath(o.Path), size(o.Bytes))
	}
	if res.Handoff != "" {
		fmt.Fprintf(w, "  %-7s %s (for the printer, with the print PDF)\n", "sheet", diag.DisplayPath(res.Handoff))
	}
	if res.Previews != "" {
		fmt.Fprintf(w, "  %-7s %s/ (page-NN.png, contact-sheet.png)\n", "preview", diag.DisplayPath(res.Previews))
	}
	for _, p := range res.Stale {
		fmt.Fprintf(w, "  %-7s %s is from an earlier build: not rebuilt now\n", "old", diag.DisplayPath(p))
	}
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
