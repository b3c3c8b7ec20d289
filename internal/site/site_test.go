package site

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/xml"
	"image/jpeg"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"

	"magz/internal/pipeline"
	"magz/internal/testissue"
	"magz/internal/theme"
	"magz/internal/validate"
)

// editions builds two small issues, the older listed first.
func editions(t testing.TB) []Edition {
	t.Helper()
	var eds []Edition
	for _, is := range []struct{ name, number, date string }{{"issue-1", "1", "2026-01-05"}, {"issue-2", "2", "2026-04-05"}} {
		dir := filepath.Join(t.TempDir(), is.name)
		a := txtar.Parse([]byte("-- issue.yaml --\nmagazine: Warta\npublisher: Humas\nnumber: " + is.number + "\ndate: " + is.date +
			"\ntitle: Tema " + is.number + "\ncover:\n  image: images/c.jpg\n  alt: Gunung pagi\n  credit: Tim\n" +
			"-- images/c.jpg --\nsynth:jpeg 900x1200\n-- articles/a.md --\n---\ntitle: Kabar " + is.number + "\nsubtitle: Pengantar.\nauthor: Ani\n---\nTeks.\n\n![Gunung di pagi hari](../images/c.jpg \"Pagi | Tim\")\n\nLagi.\n"))
		if err := testissue.Write(dir, a); err != nil {
			t.Fatal(err)
		}
		out := t.TempDir()
		res, err := pipeline.Run(context.Background(), dir, pipeline.Options{Formats: []pipeline.Format{pipeline.Screen, pipeline.EPUB}, OutDir: out})
		if err != nil {
			t.Fatal(err)
		}
		eds = append(eds, Edition{Issue: res.Issue, Screen: filepath.Join(out, is.name+"-screen.pdf"), EPUB: filepath.Join(out, is.name+".epub")})
	}
	return eds
}

var links = regexp.MustCompile(`(?:href|src)="([^"]+)"`)

// TestSite: the site has the latest issue first and every issue's page;
// every link and picture resolves to a file of the site (no request
// leaves it); each download's SHA-256 is the file's; the OPDS catalog is
// Atom with acquisition, image and thumbnail links.
func TestSite(t *testing.T) {
	out := t.TempDir()
	if err := Write(Options{Out: out}, editions(t)); err != nil {
		t.Fatal(err)
	}
	index, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if i2, i1 := strings.Index(string(index), "issue-2/index.html"), strings.Index(string(index), "issue-1/index.html"); i2 < 0 || i1 < 0 || i2 > i1 {
		t.Error("the archive does not list the newest issue first")
	}
	if !strings.Contains(string(index), "Edisi terbaru") || !strings.Contains(string(index), "Kabar 2") {
		t.Error("the index does not open with the latest issue")
	}
	var pages []string
	filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if strings.HasSuffix(path, ".html") {
			rel, _ := filepath.Rel(out, path)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	if !slices.Contains(pages, "issue-2/a.html") {
		t.Fatalf("no page to read the article online: %v", pages)
	}
	for _, page := range pages {
		html, err := os.ReadFile(filepath.Join(out, page))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range links.FindAllStringSubmatch(string(html), -1) {
			ref := m[1]
			if strings.Contains(ref, "://") {
				t.Errorf("%s asks outside the site: %s", page, ref)
				continue
			}
			if _, err := os.Stat(filepath.Join(out, filepath.Dir(page), filepath.FromSlash(ref))); err != nil {
				t.Errorf("%s: %s does not resolve", page, ref)
			}
		}
	}
	issuePage, _ := os.ReadFile(filepath.Join(out, "issue-2", "index.html"))
	for _, f := range []string{"issue-2-screen.pdf", "issue-2.epub"} {
		data, err := os.ReadFile(filepath.Join(out, "issue-2", f))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		if !strings.Contains(string(issuePage), hex.EncodeToString(sum[:])) {
			t.Errorf("the issue page does not show %s's SHA-256", f)
		}
	}
	for f, size := range map[string][2]int{"share/cover.jpg": {1080, 1350}, "share/a.jpg": {1080, 1080}, "share/a-link.jpg": {1200, 630}} {
		r, err := os.Open(filepath.Join(out, "issue-2", f))
		if err != nil {
			t.Errorf("no %s in the sharing kit", f)
			continue
		}
		cfg, err := jpeg.DecodeConfig(r)
		r.Close()
		if err != nil || cfg.Width != size[0] || cfg.Height != size[1] {
			t.Errorf("%s is %dx%d, want %v (%v)", f, cfg.Width, cfg.Height, size, err)
		}
	}
	if !strings.Contains(string(issuePage), `href="share/a.jpg"`) {
		t.Error("the issue page does not offer the article's card")
	}
	if !strings.Contains(string(issuePage), "Pengantar.") {
		t.Error("the issue page lacks the standfirsts")
	}
	art, _ := os.ReadFile(filepath.Join(out, "issue-2", "a.html"))
	for _, want := range []string{`<html lang="id">`, "<h1>Kabar 2</h1>", `<a href="index.html">Warta Edisi 2</a>`, "Teks."} {
		if !strings.Contains(string(art), want) {
			t.Errorf("the article page lacks %q", want)
		}
	}
	srcset := regexp.MustCompile(`srcset="([^"]+)"`).FindStringSubmatch(string(art))
	if srcset == nil || !strings.Contains(srcset[1], " 480w") || !strings.Contains(string(art), `alt="Gunung di pagi hari"`) {
		t.Fatalf("the article's photo has no srcset or alt:\n%s", art)
	}
	for _, c := range strings.Split(srcset[1], ", ") {
		if _, err := os.Stat(filepath.Join(out, "issue-2", strings.Fields(c)[0])); err != nil {
			t.Errorf("srcset names %s, not in the site", c)
		}
	}
	if strings.Contains(string(art), "epub:type") {
		t.Error("the article page keeps EPUB's own attributes")
	}
	if len(art) > 100<<10 {
		t.Errorf("the article page weighs %d KB before its photos", len(art)>>10)
	}
	var feed struct {
		XMLName xml.Name `xml:"http://www.w3.org/2005/Atom feed"`
		Links   []struct {
			Rel  string `xml:"rel,attr"`
			Type string `xml:"type,attr"`
		} `xml:"link"`
		Entries []struct {
			Title  string `xml:"title"`
			Issued string `xml:"http://purl.org/dc/terms/ issued"`
			Links  []struct {
				Rel  string `xml:"rel,attr"`
				Href string `xml:"href,attr"`
				Type string `xml:"type,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	data, err := os.ReadFile(filepath.Join(out, "opds.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(data, &feed); err != nil {
		t.Fatalf("opds.xml: %v", err)
	}
	if len(feed.Entries) != 2 || feed.Entries[0].Issued != "2026-04-05" || len(feed.Links) == 0 || !strings.Contains(feed.Links[0].Type, "profile=opds-catalog;kind=acquisition") {
		t.Fatalf("opds.xml: %+v", feed)
	}
	kinds := map[string]bool{}
	for _, l := range feed.Entries[0].Links {
		kinds[l.Rel+" "+l.Type] = true
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(l.Href))); err != nil {
			t.Errorf("opds.xml links to %s, not in the site", l.Href)
		}
	}
	for _, want := range []string{"http://opds-spec.org/acquisition application/epub+zip", "http://opds-spec.org/acquisition application/pdf",
		"http://opds-spec.org/image image/jpeg", "http://opds-spec.org/image/thumbnail image/jpeg"} {
		if !kinds[want] {
			t.Errorf("an OPDS entry lacks %q", want)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "sitemap.xml")); err == nil {
		t.Error("a sitemap without a base URL")
	}
}

// TestSiteBaseURL: with the address it is served at, the site has a
// sitemap, absolute feed links and a picture for shared links.
func TestSiteBaseURL(t *testing.T) {
	out := t.TempDir()
	if err := Write(Options{Out: out, BaseURL: "https://warta.example/"}, editions(t)); err != nil {
		t.Fatal(err)
	}
	sitemap, err := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	if err != nil || !strings.Contains(string(sitemap), "<loc>https://warta.example/issue-1/index.html</loc>") {
		t.Errorf("sitemap: %v\n%s", err, sitemap)
	}
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !strings.Contains(string(index), `<meta property="og:image" content="https://warta.example/issue-2/share.jpg">`) {
		t.Error("no absolute picture for shared links")
	}
	share, err := os.Open(filepath.Join(out, "issue-2", "share.jpg"))
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := jpeg.DecodeConfig(share)
	share.Close()
	if err != nil || cfg.Width != 1200 || cfg.Height != 630 {
		t.Errorf("the shared picture is %dx%d, want 1200x630 (%v)", cfg.Width, cfg.Height, err)
	}
	art, _ := os.ReadFile(filepath.Join(out, "issue-2", "a.html"))
	if !strings.Contains(string(art), `<meta property="og:image" content="https://warta.example/issue-2/share/a-link.jpg">`) {
		t.Error("an article's shared link does not show its photo")
	}
	var nav struct {
		Entries []struct {
			Links []struct {
				Href string `xml:"href,attr"`
				Type string `xml:"type,attr"`
			} `xml:"link"`
		} `xml:"entry"`
	}
	data, _ := os.ReadFile(filepath.Join(out, "catalog.xml"))
	if err := xml.Unmarshal(data, &nav); err != nil || len(nav.Entries) != 1 || nav.Entries[0].Links[0].Href != "https://warta.example/opds.xml" ||
		!strings.Contains(nav.Entries[0].Links[0].Type, "kind=acquisition") {
		t.Errorf("catalog.xml, the navigation feed: %+v %v", nav, err)
	}
	robots, _ := os.ReadFile(filepath.Join(out, "robots.txt"))
	if !strings.Contains(string(robots), "Sitemap: https://warta.example/sitemap.xml") {
		t.Errorf("robots.txt: %s", robots)
	}
}

// TestSiteValidAndAccessible: every page passes the Nu Html Checker, and
// axe-core finds no serious or critical violation on the index, an issue
// page and an article page.
func TestSiteValidAndAccessible(t *testing.T) {
	out := t.TempDir()
	if err := Write(Options{Out: out}, editions(t)); err != nil {
		t.Fatal(err)
	}
	pages := []string{filepath.Join(out, "index.html"), filepath.Join(out, "issue-2", "index.html"), filepath.Join(out, "issue-2", "a.html")}
	validate.HTML(t, pages...)
	for _, v := range validate.Axe(t, pages...) {
		if v.Impact == "serious" || v.Impact == "critical" {
			t.Errorf("%s: %s (%s, %d places): %s", filepath.Base(v.Page), v.ID, v.Impact, v.Nodes, v.Help)
		}
	}
}

// TestSiteIncremental: written again with nothing changed, the site
// rewrites no edition and makes no picture again.
func TestSiteIncremental(t *testing.T) {
	out := t.TempDir()
	eds := editions(t)
	if err := Write(Options{Out: out}, eds); err != nil {
		t.Fatal(err)
	}
	files := []string{"issue-1/issue-1.epub", "issue-1/cover.jpg", "issue-1/share.jpg"}
	before := map[string]time.Time{}
	for _, f := range files {
		st, err := os.Stat(filepath.Join(out, f))
		if err != nil {
			t.Fatal(err)
		}
		before[f] = st.ModTime()
	}
	time.Sleep(20 * time.Millisecond)
	if err := Write(Options{Out: out}, eds); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if st, _ := os.Stat(filepath.Join(out, f)); !st.ModTime().Equal(before[f]) {
			t.Errorf("%s was written again", f)
		}
	}
	imgs, _ := filepath.Glob(filepath.Join(out, "issue-1", "img", "*.jpg"))
	if len(imgs) != 2 {
		t.Errorf("%d photo renditions, want 2", len(imgs))
	}
}

// BenchmarkSite24 writes the site of 24 issues (two built issues, each
// published 12 times under other names): cold into an empty folder, and
// warm, again with nothing changed.
func BenchmarkSite24(b *testing.B) {
	base := editions(b)
	var eds []Edition
	for i := range 24 {
		src := base[i%2]
		iss := *src.Issue
		iss.Name, iss.Number = "issue-"+strconv.Itoa(i+1), i+1
		eds = append(eds, Edition{Issue: &iss, Screen: src.Screen, EPUB: src.EPUB})
	}
	b.Run("cold", func(b *testing.B) {
		for range b.N {
			if err := Write(Options{Out: b.TempDir()}, eds); err != nil {
				b.Fatal(err)
			}
		}
	})
	warm := b.TempDir()
	if err := Write(Options{Out: warm}, eds); err != nil {
		b.Fatal(err)
	}
	b.Run("warm", func(b *testing.B) {
		for range b.N {
			if err := Write(Options{Out: warm}, eds); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// TestSiteWithoutCover: an issue without a cover photo still gets its
// pages, with no picture where the cover would be, written twice alike.
func TestSiteWithoutCover(t *testing.T) {
	eds := editions(t)
	iss := *eds[0].Issue
	iss.Cover = nil
	eds[0].Issue = &iss
	out := t.TempDir()
	for range 2 {
		if err := Write(Options{Out: out}, eds); err != nil {
			t.Fatal(err)
		}
		page, _ := os.ReadFile(filepath.Join(out, "issue-1", "index.html"))
		if strings.Contains(string(page), "cover.jpg") {
			t.Error("a cover picture offered for an issue without one")
		}
	}
}

// TestSiteThemeColours: the site's style sheet takes the magazine's
// colours, as the EPUB's does.
func TestSiteThemeColours(t *testing.T) {
	eds := editions(t)
	for _, ed := range eds {
		ed.Issue.Theme = theme.Default()
		ed.Issue.Theme.Deep, _ = theme.ParseColour("#142d4c")
	}
	out := t.TempDir()
	if err := Write(Options{Out: out}, eds); err != nil {
		t.Fatal(err)
	}
	index, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if !strings.Contains(string(index), "h1, h2 { color: #142d4c;") || strings.Contains(string(index), "#0f4c5c") {
		t.Error("the site does not use the magazine's deep colour")
	}
}
