package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/urfave/cli/v2"

	"magz/internal/cache"
	"magz/internal/diag"
	"magz/internal/images"
	"magz/internal/jpeg"
	"magz/internal/msg"
	"magz/internal/pipeline"
	"magz/internal/reader"
	"magz/internal/site"
)

func siteCommand(stdout, stderr io.Writer) *cli.Command {
	return &cli.Command{
		Name:  "site",
		Usage: msg.T("publish every issue on a website for readers, with an OPDS catalog for e-book apps"),
		Description: msg.T("Builds the screen PDF and the EPUB of every issue under ./issues (as magz build does,\n" +
			"with the same photo cache) and writes a static website: the latest issue and the archive,\n" +
			"a page per issue with its contents and downloads (size and SHA-256), an OPDS catalog\n" +
			"(opds.xml) for e-book apps, an Atom feed, robots.txt, and with --base-url a sitemap\n" +
			"and absolute links for sharing. It works opened from disk and from any static host.\n\n" +
			"Examples:\n" +
			"   magz site\n" +
			"   magz site --base-url https://majalah.example.go.id --out /srv/www"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Aliases: []string{"o"}, Usage: msg.T("write the site into `DIR` (default dist/site)")},
			&cli.StringFlag{Name: "base-url", Usage: msg.T("the `URL` the site will be served at, for feeds, the sitemap and shared links")},
			&cli.BoolFlag{Name: "quiet", Aliases: []string{"q"}, Usage: msg.T("print only problems"), DisableDefaultText: true},
			&cli.BoolFlag{Name: "with-print", Usage: msg.T("offer the print PDF too (large; for other printers and archives)"), DisableDefaultText: true},
			&cli.BoolFlag{Name: "serve", Usage: msg.T("serve the site on this computer, and publish and reload it as issues change"), DisableDefaultText: true},
			&cli.StringFlag{Name: "listen", Usage: msg.T("the `ADDRESS` --serve listens on (default: 127.0.0.1:1313)")},
			issuesFlag,
		},
		Action: func(c *cli.Context) error {
			if err := danglingOption(c); err != nil {
				return err
			}
			if c.NArg() > 0 {
				return fail(2, "magz site: it publishes every issue and takes no issue name; run it in the magazine's folder")
			}
			out := c.String("out")
			if out == "" {
				out = filepath.Join(distDir(c), "site")
			}
			n, err := publish(c, out, stderr)
			if err != nil {
				return err
			}
			if c.Bool("serve") {
				return serve(c, out, stdout, stderr)
			}
			if !c.Bool("quiet") {
				msg.Fprintf(stdout, "Published %s in %s: open %s\n", msg.Count(n, "issue"), diag.DisplayPath(out), diag.DisplayPath(filepath.Join(out, "index.html")))
			}
			return nil
		},
	}
}

// publish builds every issue's screen PDF and EPUB and writes the site
// into out; it returns the number of issues.
func publish(c *cli.Context, out string, stderr io.Writer) (int, error) {
	names := reader.List(issuesDir(c))
	if len(names) == 0 {
		return 0, fail(1, "magz site: no issues in %s", diag.DisplayPath(issuesDir(c)))
	}
	var eds []site.Edition
	codec := jpeg.CodecFor(os.Getenv(jpeg.EnvSwitch))
	cacheDir := ""
	for _, name := range names {
		dir := filepath.Join(issuesDir(c), name)
		outDir := filepath.Join(distDir(c), name)
		// the editions the site needs, with those built there already: a
		// built issue is not built again for fewer editions
		formats := []pipeline.Format{pipeline.Screen, pipeline.EPUB}
		if c.Bool("with-print") {
			formats = append(formats, pipeline.Print)
		}
		for _, f := range pipeline.Built(outDir) {
			if !slices.Contains(formats, f) {
				formats = append(formats, f)
			}
		}
		cacheDir = pipeline.DefaultCacheDir(dir)
		opt := pipeline.Options{Formats: formats, OutDir: outDir, Version: magzVersion(), CacheDir: cacheDir, JPEG: codec}
		res, err := pipeline.Run(c.Context, dir, opt)
		if res != nil {
			for _, w := range res.Warnings {
				fmt.Fprintln(stderr, w.String())
			}
		}
		if err != nil {
			return 0, fail(1, "%v\nmagz site: %s does not build; fix it, or move it out of the issues folder", buildError(err), name)
		}
		ed := site.Edition{Issue: res.Issue, Cover: res.Cover}
		for _, o := range res.Outputs {
			switch o.Format {
			case pipeline.Screen:
				ed.Screen = o.Path
			case pipeline.EPUB:
				ed.EPUB = o.Path
			case pipeline.Print:
				if c.Bool("with-print") {
					ed.Print = o.Path
				}
			}
		}
		eds = append(eds, ed)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return 0, fail(1, "magz site: %v", err)
	}
	store, err := photoStore(cacheDir, codec)
	if err != nil {
		return 0, fail(1, "magz site: %v", err)
	}
	if err := site.Write(c.Context, site.Options{Out: out, BaseURL: c.String("base-url"), Store: store}, eds); err != nil {
		return 0, fail(1, "magz site: %v", err)
	}
	return len(eds), nil
}

// photoStore is the image stage the site's pictures are made by, with the
// photo cache of the builds.
func photoStore(dir string, codec jpeg.Codec) (*images.Store, error) {
	c, err := cache.Open(dir)
	if err != nil {
		return nil, err
	}
	return images.NewStore(c, codec), nil
}
