package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

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
		Description: msg.T("Builds the screen PDF and the EPUB of every issue under ./issues that is not a draft\n" +
			"(draft: true in issue.yaml) as magz build does, with the same photo cache, and writes a\n" +
			"static website: the latest issue and the archive with their designed covers, a page per\n" +
			"issue and per article, section and author pages, a search that works offline, downloads\n" +
			"with their size and SHA-256, a sharing kit of cards for WhatsApp, Instagram and Facebook\n" +
			"(share/ in each issue's folder), an OPDS catalog for e-book apps, an Atom feed and\n" +
			"robots.txt; with --base-url also a sitemap, share links and absolute addresses. It works\n" +
			"opened from disk and from any static host.\n" +
			"\n" +
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
			pub, err := publish(c, out, stderr)
			if err != nil {
				return err
			}
			if c.Bool("serve") {
				return serve(c, out, stdout, stderr)
			}
			if !c.Bool("quiet") {
				msg.Fprintf(stdout, "Published %s in %s: open %s\n", msg.Count(pub.issues, "issue"), diag.DisplayPath(out), diag.DisplayPath(filepath.Join(out, "index.html")))
				if len(pub.drafts) > 0 {
					msg.Fprintf(stdout, "Left out %s (draft: true in issue.yaml): %s\n", msg.Count(len(pub.drafts), "draft issue"), strings.Join(pub.drafts, ", "))
				}
			}
			return nil
		},
	}
}

// published is what publish did: the issues on the site, and the drafts
// it left out.
type published struct {
	issues int
	drafts []string
}

// publish builds the screen PDF and EPUB of every issue that is not a
// draft and writes the site into out.
func publish(c *cli.Context, out string, stderr io.Writer) (published, error) {
	var pub published
	names := reader.List(issuesDir(c))
	if len(names) == 0 {
		return pub, fail(1, "magz site: no issues in %s", diag.DisplayPath(issuesDir(c)))
	}
	var eds []site.Edition
	codec := jpeg.CodecFor(os.Getenv(jpeg.EnvSwitch))
	cacheDir := ""
	for _, name := range names {
		dir := filepath.Join(issuesDir(c), name)
		// a draft stays off the website, built or not (and need not build)
		if iss := reader.Read(dir, &diag.List{}); iss != nil && iss.Draft {
			pub.drafts = append(pub.drafts, name)
			continue
		}
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
			return pub, fail(1, "%v\nmagz site: %s does not build; fix it, mark it draft: true in its issue.yaml, or move it out of the issues folder", buildError(err), name)
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
	if len(eds) == 0 {
		return pub, fail(1, "magz site: every issue is a draft (draft: true in issue.yaml); delete that line from those ready to publish")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return pub, fail(1, "magz site: %v", err)
	}
	store, err := photoStore(cacheDir, codec)
	if err != nil {
		return pub, fail(1, "magz site: %v", err)
	}
	if err := site.Write(c.Context, site.Options{Out: out, BaseURL: c.String("base-url"), Store: store}, eds); err != nil {
		return pub, fail(1, "magz site: %v", err)
	}
	pub.issues = len(eds)
	return pub, nil
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
