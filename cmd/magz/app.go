package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"time"

	"github.com/urfave/cli/v2"

	"magz/internal/build"
	"magz/internal/diag"
	"magz/internal/reader"
)

// version is set at link time with -ldflags "-X main.version=...".
var version = ""

func magzVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// exitError carries an exit status through urfave/cli.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }

// run is the whole program; main only wires signals and the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "magz: internal error: %v\nThis is a bug in magz; please report it with the issue folder that caused it.\n", r)
			code = 70
		}
	}()
	app := newApp(stdout, stderr)
	err := app.RunContext(ctx, args)
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil && ee.err.Error() != "" {
			fmt.Fprintln(stderr, ee.err)
		}
		return ee.code
	}
	fmt.Fprintf(stderr, "magz: %v\n", err)
	return 1
}

func newApp(stdout, stderr io.Writer) *cli.App {
	return &cli.App{
		Name:                 "magz",
		Usage:                "turn a magazine issue folder into print PDF, screen PDF and EPUB",
		Version:              magzVersion(),
		Writer:               stdout,
		ErrWriter:            stderr,
		EnableBashCompletion: true,
		HideVersion:          true,
		Description: "An issue is a folder with issue.yaml, articles/*.md and photos.\n" +
			"Issues live under ./issues; name one (issue-12) or give its path.",
		Commands:       []*cli.Command{buildCommand(stdout, stderr), versionCommand(stdout)},
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(c *cli.Context, err error, _ bool) error {
			return &exitError{code: 2, err: fmt.Errorf("magz: %v\nRun 'magz %s --help' for usage.", err, c.Command.Name)}
		},
	}
}

func versionCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:  "version",
		Usage: "print the version of magz",
		Action: func(c *cli.Context) error {
			fmt.Fprintf(stdout, "magz %s\n", magzVersion())
			return nil
		},
	}
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
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: "write the editions into `DIR` (default dist/ISSUE)"},
			&cli.StringFlag{Name: "format", Aliases: []string{"f"}, Value: "print,screen,epub", Usage: "editions to build, a comma list of print, screen, epub"},
			&cli.StringFlag{Name: "issues", Value: "issues", Usage: "folder holding the issues", Hidden: true},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: "print only problems"},
			&cli.BoolFlag{Name: "previews", Aliases: []string{"p"}, Usage: "also draw a PNG of every page and a contact sheet into DIR/previews"},
			&cli.StringFlag{Name: "cache", Usage: "keep processed photos in `DIR` (default .magz-cache beside the issues)"},
			&cli.BoolFlag{Name: "no-cache", Usage: "process every photo afresh and keep nothing"},
			&cli.BoolFlag{Name: "force", Usage: "rebuild even when nothing changed since the last build"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return &exitError{code: 2, err: fmt.Errorf("magz build: name one issue, for example: magz build issue-12")}
			}
			formats, err := build.ParseFormats(c.String("format"))
			if err != nil {
				return &exitError{code: 2, err: fmt.Errorf("magz build: %v", err)}
			}
			dir, err := reader.Resolve(c.Args().First(), c.String("issues"))
			if err != nil {
				return &exitError{code: 1, err: err}
			}
			out := c.String("out")
			if out == "" {
				out = filepath.Join("dist", filepath.Base(dir))
			}
			opt := build.Options{Formats: formats, OutDir: out, Version: magzVersion(), Previews: c.Bool("previews"), Force: c.Bool("force")}
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
					return &exitError{code: 2, err: fmt.Errorf("magz build: SOURCE_DATE_EPOCH=%q is not a number of seconds", s)}
				}
				opt.Date = time.Unix(sec, 0).UTC()
			}
			if !c.Bool("quiet") {
				opt.Progress = prefixWriter{stderr}
			}
			start := time.Now()
			res, err := build.Run(c.Context, dir, opt)
			if res != nil {
				for _, w := range res.Warnings {
					fmt.Fprintln(stderr, w.String())
				}
			}
			if err != nil {
				var de *diag.Errors
				if errors.As(err, &de) {
					return &exitError{code: 1, err: fmt.Errorf("%v\nmagz: build failed with %d error(s); nothing was written", err, len(de.List))}
				}
				if errors.Is(err, context.Canceled) {
					return &exitError{code: 130, err: fmt.Errorf("magz: build interrupted; nothing was written")}
				}
				return &exitError{code: 1, err: fmt.Errorf("magz: %v", err)}
			}
			if !c.Bool("quiet") {
				summary(stdout, res, time.Since(start))
			}
			return nil
		},
	}
}

type prefixWriter struct{ w io.Writer }

func (p prefixWriter) Write(b []byte) (int, error) {
	_, err := fmt.Fprintf(p.w, "magz: %s", b)
	return len(b), err
}

func summary(w io.Writer, res *build.Result, took time.Duration) {
	verb := "Built"
	if res.UpToDate {
		verb = "Up to date (nothing changed; --force rebuilds)"
	}
	fmt.Fprintf(w, "%s %s %d: %d pages, %d articles, %d words, %d photos in %.1fs", verb,
		res.Issue.Magazine, res.Issue.Number, res.Pages, len(res.Issue.Articles), res.Words, res.Photos, took.Seconds())
	if n := len(res.Warnings); n > 0 {
		fmt.Fprintf(w, ", %d warning(s)", n)
	}
	fmt.Fprintln(w)
	for _, o := range res.Outputs {
		fmt.Fprintf(w, "  %-7s %s (%s)\n", o.Format, diag.DisplayPath(o.Path), size(o.Bytes))
	}
	if res.Previews != "" {
		fmt.Fprintf(w, "  %-7s %s/ (page-NN.png, contact-sheet.png)\n", "preview", diag.DisplayPath(res.Previews))
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
