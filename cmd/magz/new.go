package main

import (
	"bytes"
	"fmt"
	"image/jpeg"
	"io"
	"os"
	"path/filepath"
	"regexp"
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
		Usage:     "start a new issue folder, ready to edit and build",
		ArgsUsage: "ISSUE-NAME",
		Description: "Creates issues/ISSUE-NAME with issue.yaml (the next issue number, the magazine\n" +
			"settings of the latest issue), an example article that explains the format, and an\n" +
			"images folder with one photo. magz build works on it at once.\n\n" +
			"Examples:\n" +
			"   magz new issue-13\n" +
			"   magz new --date 2027-01-15 issue-13",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "date", Usage: "issue date, `YYYY-MM-DD` (default today)"},
			&cli.IntFlag{Name: "number", Usage: "issue number (default: one more than the latest issue)"},
			issuesFlag,
		},
		Action: func(c *cli.Context) error {
			if c.NArg() != 1 {
				return fail(2, "magz new: name the new issue, for example: magz new issue-13")
			}
			name := c.Args().First()
			if !issueName.MatchString(name) {
				return fail(2, "magz new: %q is not a good folder name; use letters, digits and dashes, such as issue-13", name)
			}
			root := c.String("issues")
			dir := filepath.Join(root, name)
			if _, err := os.Stat(dir); err == nil {
				return fail(1, "magz new: %s already exists; choose another name", diag.DisplayPath(dir))
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
			number := settings.number + 1
			if c.IsSet("number") {
				number = c.Int("number")
			}
			if err := writeNewIssue(dir, settings, number, date); err != nil {
				os.RemoveAll(dir)
				return fail(1, "magz new: %v", err)
			}
			fmt.Fprintf(stdout, "Created %s (issue %d, %s).\n\nNext:\n", diag.DisplayPath(dir), number, date.Format("2006-01-02"))
			fmt.Fprintf(stdout, "  1. Write articles in %s (one Markdown file each; read 01-contoh.md first).\n", diag.DisplayPath(filepath.Join(dir, "articles")))
			fmt.Fprintf(stdout, "  2. Put photos in %s.\n", diag.DisplayPath(filepath.Join(dir, "images")))
			fmt.Fprintf(stdout, "  3. magz check %s\n  4. magz build %s\n", name, name)
			return nil
		},
	}
}

type issueSettings struct {
	magazine, publisher, language, trim string
	number                              int
}

// latestSettings copies the magazine settings of the issue with the highest
// number under root; with no issue yet, the defaults.
func latestSettings(root string) issueSettings {
	best := issueSettings{magazine: "Nama Majalah", language: "id", trim: "210x280mm"}
	found := false
	for _, name := range reader.List(root) {
		diags := &diag.List{}
		iss := reader.Read(filepath.Join(root, name), diags)
		if iss == nil || (found && iss.Number <= best.number) {
			continue
		}
		found = true
		best = issueSettings{magazine: iss.Magazine, publisher: iss.Publisher, language: iss.Language, number: iss.Number,
			trim: fmt.Sprintf("%gx%gmm", float64(iss.Trim.Width)/1000, float64(iss.Trim.Height)/1000)}
		if best.magazine == "" {
			best.magazine = "Nama Majalah"
		}
	}
	return best
}

func yamlQuote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

func writeNewIssue(dir string, s issueSettings, number int, date time.Time) error {
	for _, d := range []string{"articles", "images"} {
		if err := os.MkdirAll(filepath.Join(dir, d), 0o755); err != nil {
			return err
		}
	}
	var y strings.Builder
	fmt.Fprintf(&y, "# Settings of this issue; every key is explained in README.md.\n")
	fmt.Fprintf(&y, "magazine: %s\n", yamlQuote(s.magazine))
	fmt.Fprintf(&y, "title: \"\"          # theme of the issue, shown on the cover\n")
	fmt.Fprintf(&y, "number: %d\n", number)
	fmt.Fprintf(&y, "date: %s\n", date.Format("2006-01-02"))
	fmt.Fprintf(&y, "language: %s\n", s.language)
	if s.publisher != "" {
		fmt.Fprintf(&y, "publisher: %s\n", yamlQuote(s.publisher))
	} else {
		fmt.Fprintf(&y, "# publisher: Nama Kantor\n")
	}
	fmt.Fprintf(&y, "trim: %s\n", s.trim)
	fmt.Fprintf(&y, "cover:\n  image: images/contoh.jpg\n  alt: Foto contoh untuk sampul\n  credit: Ganti dengan nama fotografer\n")
	files := map[string]string{
		"issue.yaml":            y.String(),
		"articles/01-contoh.md": exampleArticle(s.language),
		"CREDITS.md":            "# Kredit foto\n\nTulis di sini siapa yang membuat setiap foto dan dengan lisensi apa.\n\n- images/contoh.jpg: foto contoh buatan magz (boleh dihapus)\n",
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			return err
		}
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, synth.Photo(synth.Mountains, 2600, 3400, int64(number), 6), &jpeg.Options{Quality: 85}); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "images", "contoh.jpg"), buf.Bytes(), 0o644)
}

func exampleArticle(lang string) string {
	if !strings.HasPrefix(lang, "id") && !strings.HasPrefix(lang, "ms") {
		return exampleEN
	}
	return exampleID
}

const exampleID = `---
title: Cara Menulis Artikel untuk Majalah Ini
subtitle: Artikel contoh ini menjelaskan formatnya dengan memakai format itu sendiri. Hapus atau ganti setelah dibaca.
author: Tim Redaksi
section: Panduan
image: ../images/contoh.jpg
alt: Pegunungan berlapis di bawah langit pagi
caption: Foto utama muncul besar di halaman pembuka artikel.
credit: Nama Fotografer
columns: 2
---

Setiap artikel adalah satu berkas teks di folder articles. Bagian paling atas, di antara
dua garis tiga strip, adalah kepala artikel: judul, anak judul, penulis, rubrik, dan foto
utama. Di bawahnya adalah isi artikel, ditulis seperti pesan biasa.

Paragraf dipisahkan oleh satu baris kosong. Tulis *miring* dengan satu bintang dan
**tebal** dengan dua bintang. Tanda kutip "seperti ini" otomatis menjadi tanda kutip
cetak, dan dua strip -- menjadi tanda pisah.

## Subjudul dengan dua tanda pagar

Foto di tengah artikel ditulis dengan tanda seru, teks pengganti di dalam kurung siku,
lalu nama berkas dan keterangan di dalam kurung biasa. Nama fotografer ditulis setelah
garis tegak:

![Pegunungan berlapis di bawah langit pagi](../images/contoh.jpg "Keterangan foto ditulis di sini. | Nama Fotografer")

> [!pull]
> Kutipan yang menarik dicetak besar di tengah halaman.
> — Nama Narasumber

Daftar juga mudah dibuat:

1. tulis artikel,
2. jalankan magz check untuk mencari kesalahan,
3. jalankan magz build untuk membuat PDF cetak, PDF layar, dan EPUB.

Catatan kaki ditulis seperti ini.[^1] Tabel pun bisa:

| Hal | Jumlah |
|:----|------:|
| Artikel | 1 |
| Foto | 1 |

[^1]: Catatan kaki dicetak di akhir artikel.
`

const exampleEN = `---
title: How to Write an Article for This Magazine
subtitle: This example explains the format by using it. Delete or replace it once read.
author: The Editors
section: Guide
image: ../images/contoh.jpg
alt: Layered mountains under a morning sky
caption: The hero photo appears large on the article's opening page.
credit: Photographer's Name
columns: 2
---

Each article is one text file in the articles folder. The top part, between two lines of
three dashes, is the header: title, standfirst, author, section and hero photo. Below it
comes the text, written like an ordinary message.

Paragraphs are separated by a blank line. Write *italics* with one star and **bold** with
two. Quotes "like these" become typographic quotes, and two dashes -- become a dash.

## A subheading starts with two hashes

A photo inside the article is written with an exclamation mark, the alt text in square
brackets, then the file name and the caption in parentheses; the photographer comes after
a vertical bar:

![Layered mountains under a morning sky](../images/contoh.jpg "The caption goes here. | Photographer's Name")

> [!pull]
> A striking quote is set large across the page.
> — Name of the Speaker

Lists are easy:

1. write the articles,
2. run magz check to find problems,
3. run magz build to make the print PDF, the screen PDF and the EPUB.

Footnotes look like this.[^1]

[^1]: Footnotes are printed at the end of the article.
`
