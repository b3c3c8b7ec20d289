// Package site writes the newsstand: a static website of a magazine's
// issues, for readers to find, download and share them, and an OPDS
// catalog for e-book apps. Every page works opened from disk and from any
// static host, needs no JavaScript, and asks nothing of other sites.
package site

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"image"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/disintegration/imaging"

	"magz/internal/doc"
	"magz/internal/locale"
	"magz/internal/msg"
)

// Edition is one issue and its files for readers, as built.
type Edition struct {
	Issue        *doc.Issue
	Screen, EPUB string // the screen PDF and the EPUB
	Print        string // the print PDF, when offered too ("" otherwise)
}

// Options say where the site goes and how it is addressed.
type Options struct {
	Out string
	// BaseURL is where the site will be served (https://…/), for the
	// absolute addresses feeds, sitemaps and shared links need; "" leaves
	// them relative.
	BaseURL string
	// Updated is the feeds' date; zero: the newest issue's.
	Updated time.Time
}

// coverWidth and thumbWidth are the cover pictures' widths in pixels: the
// latest issue's, and the archive's.
const (
	coverWidth = 600
	thumbWidth = 300
)

// shareW and shareH are the size of a shared link's picture (Open Graph,
// as the social sites show it).
const shareW, shareH = 1200, 630

// download is one file offered to readers.
type download struct {
	Label, Href, Type, Size, Sum string
}

type issuePage struct {
	Issue     *doc.Issue
	Name      string // the folder name, and the issue's folder in the site
	Date      string
	Cover     string // the cover picture, from the site's root
	Thumb     string
	Share     string // the cover cut to a shared link's picture (shareW×shareH)
	Alt       string
	Downloads []download
	Articles  []*doc.Article
	Pages     []*articlePage // the articles to read online, in order
	Kit       []shareItem    // the pictures to share
}

// Write writes the site of the editions, the newest first.
func Write(opt Options, eds []Edition) error {
	if len(eds) == 0 {
		return msg.New("no issues to publish")
	}
	eds = slices.Clone(eds)
	slices.SortStableFunc(eds, func(a, b Edition) int {
		if d := b.Issue.Date.Compare(a.Issue.Date); d != 0 {
			return d
		}
		return b.Issue.Number - a.Issue.Number
	})
	lab := locale.For(eds[0].Issue.Language).Labels
	var pages []issuePage
	for _, ed := range eds {
		ph := &photos{} // this issue's, decoded once
		p, err := writeIssueFiles(opt.Out, ed, lab, ph)
		if err != nil {
			return err
		}
		if err := writeArticles(opt.Out, &p, ph); err != nil {
			return err
		}
		var sums []string
		for _, d := range p.Downloads {
			sums = append(sums, d.Sum)
		}
		kit, err := writeKit(filepath.Join(opt.Out, p.Name), &p, strings.Join(sums, " "), ph)
		if err != nil {
			return fmt.Errorf("%s: %w", p.Name, err)
		}
		p.Kit = kit
		pages = append(pages, p)
	}
	latest := eds[0].Issue
	base := strings.TrimSuffix(opt.BaseURL, "/")
	data := pageData{Magazine: latest.Magazine, Language: latest.Language, Base: base, Lab: lab, Latest: pages[0], All: pages,
		Colours: coloursOf(latest.Theme.Or())}
	if err := render(filepath.Join(opt.Out, "index.html"), indexPage, data); err != nil {
		return err
	}
	for _, p := range pages {
		d := data
		d.Latest, d.Root = p, "../"
		if err := render(filepath.Join(opt.Out, p.Name, "index.html"), issuePageT, d); err != nil {
			return err
		}
		for _, ap := range p.Pages {
			d.Article = ap
			if err := render(filepath.Join(opt.Out, p.Name, ap.Href), articlePageT, d); err != nil {
				return err
			}
		}
	}
	updated := opt.Updated
	if updated.IsZero() {
		updated = latest.Date
	}
	if err := writeFeeds(opt.Out, base, latest, pages, updated, lab); err != nil {
		return err
	}
	robots := "User-agent: *\nAllow: /\n"
	if base != "" {
		robots += "Sitemap: " + base + "/sitemap.xml\n"
	}
	return os.WriteFile(filepath.Join(opt.Out, "robots.txt"), []byte(robots), 0o644)
}

// writeIssueFiles copies an issue's editions into the site with their
// sums, and makes its cover pictures.
func writeIssueFiles(out string, ed Edition, lab locale.Labels, ph *photos) (issuePage, error) {
	iss := ed.Issue
	dir := filepath.Join(out, iss.Name)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return issuePage{}, err
	}
	p := issuePage{Issue: iss, Name: iss.Name, Date: lab.Date(iss.Date), Articles: iss.Articles}
	for _, f := range []struct{ path, label, typ string }{
		{ed.Screen, lab.ScreenPDF, "application/pdf"}, {ed.EPUB, lab.EPUB, "application/epub+zip"}, {ed.Print, lab.PrintPDF, "application/pdf"},
	} {
		if f.path == "" {
			continue
		}
		size, sum, err := copyFile(f.path, filepath.Join(dir, filepath.Base(f.path)))
		if err != nil {
			return issuePage{}, err
		}
		p.Downloads = append(p.Downloads, download{Label: f.label, Href: iss.Name + "/" + filepath.Base(f.path), Type: f.typ, Size: humanSize(size), Sum: sum})
	}
	if cv := iss.Cover; cv != nil {
		if err := coverPictures(dir, cv.Image.Path, ph); err != nil {
			return issuePage{}, fmt.Errorf("%s: %w", iss.Name, err)
		}
		p.Cover, p.Thumb, p.Share = iss.Name+"/cover.jpg", iss.Name+"/cover-small.jpg", iss.Name+"/share.jpg"
		p.Alt = cv.Alt
	}
	return p, nil
}

// coverPictures makes the cover's pictures for the site (the latest
// issue's, the archive's, and the shared link's), unless those of this
// very file are there from the last time.
func coverPictures(dir, src string, ph *photos) error {
	st, err := os.Stat(src)
	if err != nil {
		return err
	}
	key := fmt.Sprintf("%s %d %d %d %d %d", src, st.Size(), st.ModTime().UnixNano(), coverWidth, thumbWidth, shareW)
	stamp := filepath.Join(dir, ".cover")
	if old, err := os.ReadFile(stamp); err == nil && string(old) == key {
		return nil
	}
	img, err := ph.open(src)
	if err != nil {
		return msg.Errorf("cover: %w", err)
	}
	for name, pic := range map[string]image.Image{
		"cover.jpg":       imaging.Resize(img, coverWidth, 0, imaging.Lanczos),
		"cover-small.jpg": imaging.Resize(img, thumbWidth, 0, imaging.Lanczos),
		"share.jpg":       imaging.Fill(img, shareW, shareH, imaging.Center, imaging.Lanczos),
	} {
		if err := saveJPEG(filepath.Join(dir, name), pic, coverQuality); err != nil {
			return err
		}
	}
	return os.WriteFile(stamp, []byte(key), 0o644)
}

// copyFile copies src to dst, unless dst is the same already, and
// returns its size and SHA-256.
func copyFile(src, dst string) (int64, string, error) {
	sumOf := func(p string) (int64, string, error) {
		f, err := os.Open(p)
		if err != nil {
			return 0, "", err
		}
		defer f.Close()
		h := sha256.New()
		n, err := io.Copy(h, f)
		return n, hex.EncodeToString(h.Sum(nil)), err
	}
	n, sum, err := sumOf(src)
	if err != nil {
		return 0, "", err
	}
	if m, old, err := sumOf(dst); err == nil && m == n && old == sum {
		return n, sum, nil // unchanged: not written again
	}
	in, err := os.Open(src)
	if err != nil {
		return 0, "", err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return 0, "", err
	}
	_, err = io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return n, sum, err
}

func humanSize(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)>>10)
}

func render(path string, t *template.Template, data any) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, data); err != nil {
		return err
	}
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, buf.Bytes()) {
		return nil // unchanged: the file keeps its time
	}
	return os.WriteFile(path, buf.Bytes(), 0o644)
}
