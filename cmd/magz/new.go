package main

import (
	"bytes"
	"fmt"
	"image/jpeg"
	"io"
	"magz/internal/locale"
	"magz/internal/msg"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/urfave/cli/v2"

	"magz/internal/diag"
	"magz/internal/reader"
	"magz/internal/synth"
)

var issueName = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

func newCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "new",
		Usage:     msg.T("start a new issue folder, ready to edit and build"),
		ArgsUsage: msg.T("ISSUE-NAME"),
		Description: msg.T("Creates issues/ISSUE-NAME with issue.yaml (the next issue number, the magazine\n" +
			"settings of the latest issue), an example article that explains the format, its photos,\n" +
			"and example planned material that fills the other pages: a notice, a photo page and an\n" +
			"agenda page. magz build works on it at once.\n\n" +
			"Examples:\n" +
			"   magz new issue-13\n" +
			"   magz new --date 2027-01-15 issue-13"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "date", Usage: msg.T("issue date, `YYYY-MM-DD` (default today)")},
			// a text option, so that help shows no "(default: 0)" beside the real default
			&cli.StringFlag{Name: "number", Usage: msg.T("issue `NUMBER` (default: one more than the latest issue)")},
			issuesFlag,
		},
		Action: func(c *cli.Context) error {
			if err := danglingOption(c); err != nil {
				return err
			}
			if c.NArg() != 1 {
				return fail(2, "magz new: name the new issue, for example: magz new issue-13")
			}
			name := c.Args().First()
			if !issueName.MatchString(name) {
				return fail(2, "magz new: %q is not a good folder name; use letters, digits and dashes, such as issue-13", name)
			}
			root := issuesDir(c)
			dir := filepath.Join(root, name)
			if _, err := os.Stat(dir); err == nil {
				return fail(1, "magz new: %s already exists; choose another name", diag.DisplayPath(dir))
			}
			number := -1
			if s := c.String("number"); c.IsSet("number") {
				n, err := strconv.Atoi(strings.TrimSpace(s))
				if err != nil || n < 0 {
					return fail(2, "magz new: --number %q is not a whole number of 0 or more", s)
				}
				number = n
			}
			date := time.Now()
			if s := c.String("date"); s != "" {
				d, err := time.Parse("2006-01-02", s)
				if err != nil {
					return fail(2, "magz new: --date %q is not a date in the form YYYY-MM-DD", s)
				}
				date = d
			}
			settings := latestSettings(root)
			settings.inMagazine = fileExists(filepath.Join(filepath.Dir(root), reader.MagazineFile))
			if number < 0 {
				number = settings.number + 1
			}
			if err := writeNewIssue(dir, settings, number, date); err != nil {
				os.RemoveAll(dir)
				return fail(1, "magz new: %v", err)
			}
			msg.Fprintf(stdout, "Created %s (issue %d, %s).\n\nNext:\n", diag.DisplayPath(dir), number, date.Format("2006-01-02"))
			msg.Fprintf(stdout, "  1. Write articles in %s (one Markdown file each; read 01-contoh.md first).\n", diag.DisplayPath(filepath.Join(dir, "articles")))
			msg.Fprintf(stdout, "  2. Put photos in %s.\n", diag.DisplayPath(filepath.Join(dir, "images")))
			msg.Fprintf(stdout, "  3. magz check %s\n  4. magz build %s\n", name, name)
			return nil
		},
	}
}

type issueSettings struct {
	magazine, publisher, language, trim string
	number                              int
	colophon                            []string // the masthead box's lines
	// inMagazine: the magazine has a magazine.yaml, which the issue
	// inherits; its issue.yaml then names only the issue.
	inMagazine bool
}

// latestSettings copies the magazine settings of the issue with the highest
// number under root; with no issue yet, the defaults.
func latestSettings(root string) issueSettings {
	best := issueSettings{magazine: locale.For(locale.DefaultTag).Magazine, language: locale.DefaultTag, trim: "210x280mm"}
	found := false
	for _, name := range reader.List(root) {
		diags := &diag.List{}
		iss := reader.Read(filepath.Join(root, name), diags)
		if iss == nil || (found && iss.Number <= best.number) {
			continue
		}
		found = true
		best = issueSettings{magazine: iss.Magazine, publisher: iss.Publisher, language: iss.Language, number: iss.Number,
			trim: fmt.Sprintf(trimSyntax, float64(iss.Trim.Width)/1000, float64(iss.Trim.Height)/1000), colophon: iss.Colophon}
		if best.magazine == "" {
			best.magazine = locale.For(iss.Language).Magazine
		}
	}
	return best
}

// trimSyntax writes a trim as issue.yaml takes it: WIDTHxHEIGHTmm.
const trimSyntax = "%gx%gmm"

// issueYAML is the issue.yaml magz new writes: the magazine, number, date,
// language, publisher line and trim (exampleYAML follows).
const issueYAML = `# Settings of this issue; every key is explained in README.md.
magazine: %s
title: ""          # theme of the issue, shown on the cover
number: %d
date: %s
draft: true        # not ready: the website leaves the issue out; delete this line to publish it
language: %s
%s
trim: %s
`

// issueInMagazineYAML is the issue.yaml of an issue whose magazine has
// its own settings file: only what names the issue.
const issueInMagazineYAML = `# Settings of this issue; the magazine's are in ../../%s.
title: ""          # theme of the issue, shown on the cover
number: %d
date: %s
draft: true        # not ready: the website leaves the issue out; delete this line to publish it
`

// exampleYAML ends either issue.yaml: the example's cover and its
// planned material (the photographer, the notice's title, the
// photographer).
const exampleYAML = `cover:
  image: images/sampul.jpg
  alt: Foto contoh untuk sampul
  credit: %s
planned:           # the material that fills the pages articles leave (see README.md)
  ads:             # ads and public-service notices, as pictures (full, half or quarter page)
    - image: images/contoh-iklan.png
      size: full
      notice: true
      title: %s
      alt: Contoh iklan layanan masyarakat satu halaman penuh; ganti dengan iklan edisi ini
  photo:           # the photo page
    image: images/foto-bulan-ini.jpg
    caption: Keterangan foto halaman ini.
    credit: %s
    alt: Hutan hijau berlapis di bawah langit pagi
  pages:           # pages from Markdown, after the articles
    - planned/agenda
`

func yamlQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func writeNewIssue(dir string, s issueSettings, number int, date time.Time) error {
	for _, d := range []string{"articles", "images", "planned"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return err
		}
	}
	publisher := "# publisher: Nama Kantor"
	if s.publisher != "" {
		publisher = "publisher: " + yamlQuote(s.publisher)
	}
	credit := locale.For(s.language).Credit
	notice := locale.For(s.language).NoticeTitle
	y := fmt.Sprintf(issueYAML, yamlQuote(s.magazine), number, date.Format("2006-01-02"), s.language, publisher, s.trim)
	if s.inMagazine {
		y = fmt.Sprintf(issueInMagazineYAML, reader.MagazineFile, number, date.Format("2006-01-02"))
	}
	y += fmt.Sprintf(exampleYAML, credit, notice, credit)
	if len(s.colophon) > 0 && !s.inMagazine {
		y += "colophon:          # the masthead box, as in the issue before\n"
		for _, l := range s.colophon {
			y += "  - " + yamlQuote(l) + "\n"
		}
	}
	files := map[string]string{
		"issue.yaml":            y,
		"articles/01-contoh.md": locale.For(s.language).Example,
		"planned/agenda.md":     locale.For(s.language).Agenda,
		"CREDITS.md":            "# Kredit foto\n\nTulis di sini siapa yang membuat setiap foto dan dengan lisensi apa.\n\n" + credits,
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			return err
		}
	}
	if err := writeNotice(dir, locale.For(s.language).Tag); err != nil {
		return err
	}
	for _, p := range examplePhotos {
		var buf bytes.Buffer
		if err := jpeg.Encode(&buf, synth.Photo(p.scene, p.w, p.h, int64(number), 6), &jpeg.Options{Quality: 85}); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(dir, "images", p.name), buf.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// examplePhotos are the pictures magz new paints for the example issue,
// one for each place (a photo used twice is warned of): the cover, the
// example article's opener and its figure, the photo page. Each is large
// enough to print across the page at 200 ppi or more (a 210×280 mm page
// with its bleed), and no larger: magz new is quick.
var examplePhotos = []struct {
	name  string
	scene synth.Scene
	w, h  int
}{
	{"sampul.jpg", synth.Mountains, 1800, 2400},
	{"contoh.jpg", synth.Dusk, 1800, 1200},
	{"contoh-2.jpg", synth.Coast, 1800, 1200},
	{"foto-bulan-ini.jpg", synth.Forest, 1800, 2250},
}

// credits is what CREDITS.md says of the example photos.
var credits = func() string {
	var b strings.Builder
	for _, p := range examplePhotos {
		b.WriteString("- images/" + p.name + ": foto contoh buatan magz (boleh dihapus)\n")
	}
	b.WriteString("- images/" + noticeFile + ": contoh iklan buatan magz (boleh dihapus)\n")
	return b.String()
}()
