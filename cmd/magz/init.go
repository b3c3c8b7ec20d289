package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"time"

	"github.com/urfave/cli/v2"

	"magz/internal/diag"
	"magz/internal/locale"
	"magz/internal/msg"
	"magz/internal/reader"
	"magz/internal/theme"
	"magz/layout/page"
)

func initCommand(stdout io.Writer) *cli.Command {
	return &cli.Command{
		Name:      "init",
		Usage:     msg.T("start a new magazine: its settings, a first issue and a guide for its editors"),
		ArgsUsage: msg.T("FOLDER"),
		Description: msg.T("Creates FOLDER with magazine.yaml (every setting, explained), issues/issue-1 with an\n" +
			"example article, its photos and example planned material, a short guide for the editors in the magazine's language,\n" +
			"and a .gitignore for the editions and the photo cache. The new magazine builds at once.\n\n" +
			"Examples:\n" +
			"   magz init --name \"Suara Teluk\" suara-teluk\n" +
			"   magz init --name \"Harbour Voice\" --language en harbour-voice"),
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "name", Usage: msg.T("the magazine's `NAME`, as on its masthead")},
			&cli.StringFlag{Name: "publisher", Usage: msg.T("who publishes it, such as the office's name")},
			&cli.StringFlag{Name: "language", Usage: msg.T("its language, a BCP 47 `TAG` such as id or en (default: id)")},
		},
		Action: func(c *cli.Context) error {
			if err := danglingOption(c); err != nil {
				return err
			}
			if c.NArg() != 1 {
				return fail(2, "magz init: name the new magazine's folder, for example: magz init --name \"Suara Teluk\" suara-teluk")
			}
			dir := c.Args().First()
			if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
				return fail(1, "magz init: %s already exists and is not empty; choose another folder", diag.DisplayPath(dir))
			}
			lang := c.String("language")
			if lang == "" {
				lang = locale.DefaultTag
			}
			loc := locale.For(lang)
			name := c.String("name")
			if name == "" {
				name = loc.Magazine // a placeholder check warns of
			}
			if err := writeMagazine(dir, name, c.String("publisher"), lang); err != nil {
				os.RemoveAll(dir)
				return fail(1, "magz init: %v", err)
			}
			issue := filepath.Join(dir, "issues", "issue-1")
			if err := writeNewIssue(issue, issueSettings{inMagazine: true, language: lang}, 1, time.Now()); err != nil {
				os.RemoveAll(dir)
				return fail(1, "magz init: %v", err)
			}
			msg.Fprintf(stdout, "Created the magazine %s in %s.\n\nNext:\n", name, diag.DisplayPath(dir))
			msg.Fprintf(stdout, "  1. Read %s, and set the magazine's name, publisher and look in %s.\n", guideName(lang), reader.MagazineFile)
			msg.Fprintf(stdout, "  2. cd %s\n  3. magz build issue-1\n", dir)
			return nil
		},
	}
}

// guideName is the editors' guide's file name in the magazine's language.
func guideName(lang string) string {
	if locale.Primary(lang) == "id" {
		return "PANDUAN.md"
	}
	return "GUIDE.md"
}

// writeMagazine writes a new magazine's folder: magazine.yaml with every
// setting explained, the editors' guide and a .gitignore.
func writeMagazine(dir, name, publisher, lang string) error {
	if err := os.MkdirAll(filepath.Join(dir, "issues"), 0o755); err != nil {
		return err
	}
	pub := "# publisher: Nama Kantor"
	if publisher != "" {
		pub = "publisher: " + yamlQuote(publisher)
	}
	d := theme.Default()
	y := fmt.Sprintf(magazineYAML, yamlQuote(name), pub, lang,
		d.Columns, pt(d.BodySize), pt(d.Grid), mm(d.MarginTop), mm(d.MarginBottom), mm(d.MarginInner), mm(d.MarginOuter), mm(d.Gutter),
		colour(d.Ink), colour(d.Accent), colour(d.Deep), colour(d.Muted), colour(d.Paper), colour(d.Tint))
	guide := guideID
	if locale.Primary(lang) != "id" {
		guide = guideEN
	}
	files := map[string]string{
		reader.MagazineFile: y,
		guideName(lang):     fmt.Sprintf(guide, name),
		".gitignore":        "# what magz makes: the editions and the photo cache\ndist/\n.magz-cache/\n",
	}
	for f, content := range files {
		if err := os.WriteFile(filepath.Join(dir, f), []byte(content), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// colour writes a theme colour as magazine.yaml takes it, quoted.
func colour(c page.Color) string { return yamlQuote(theme.Format(c)) }

// mm writes a length in millimetres, to a tenth.
func mm(l page.Length) string {
	tenths := (int64(l)*254 + 36000) / 72000 // thousandths of a point to tenths of a millimetre
	return decimal(tenths)
}

// pt writes a length in points, to a tenth.
func pt(l page.Length) string { return decimal((int64(l) + 50) / 100) }

func decimal(tenths int64) string {
	if tenths%10 == 0 {
		return strconv.FormatInt(tenths/10, 10)
	}
	return fmt.Sprintf("%d.%d", tenths/10, tenths%10)
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
