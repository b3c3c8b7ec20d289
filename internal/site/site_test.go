package site

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"image"
	_ "image/png"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"magz/internal/pipeline"
	"magz/internal/reader"
	"magz/internal/synth"
	"magz/internal/theme"
	"magz/internal/validate"
)

// The magazine the tests publish: synth.WriteMagazine's, built once for
// the package: MAGZ_SITE_ISSUES issues (2 unless set: the checks of a
// whole archive use 24), in MAGZ_SITE_OUT/magazine when that is set (and
// kept), else in a temporary folder.
// temps are the folders the package's tests share, removed at the end.
var temps []string

func TestMain(m *testing.M) {
	code := m.Run()
	for _, d := range temps {
		os.RemoveAll(d)
	}
	os.Exit(code)
}

var (
	magOnce sync.Once
	magEds  []Edition
	magErr  error
)

func magazine(t testing.TB) []Edition {
	t.Helper()
	magOnce.Do(func() {
		n := 2
		if s := os.Getenv("MAGZ_SITE_ISSUES"); s != "" {
			n, _ = strconv.Atoi(s)
		}
		dir := filepath.Join(os.Getenv("MAGZ_SITE_OUT"), "magazine")
		if os.Getenv("MAGZ_SITE_OUT") == "" {
			if dir, magErr = os.MkdirTemp("", "magz-site-"); magErr != nil {
				return
			}
			temps = append(temps, dir)
		}
		magEds, magErr = buildMagazine(dir, n)
	})
	if magErr != nil {
		t.Fatal(magErr)
	}
	return cloneEditions(magEds)
}

// buildMagazine writes a synthetic magazine of n issues into dir and
// builds their screen PDFs and EPUBs, as magz site does.
func buildMagazine(dir string, n int) ([]Edition, error) {
	if err := synth.WriteMagazine(dir, synth.MagazineSpec{Issues: n, Photo: 900, Seed: 3}); err != nil {
		return nil, err
	}
	var eds []Edition
	for _, name := range reader.List(filepath.Join(dir, "issues")) {
		out := filepath.Join(dir, "dist", name)
		res, err := pipeline.Run(context.Background(), filepath.Join(dir, "issues", name),
			pipeline.Options{Formats: []pipeline.Format{pipeline.Screen, pipeline.EPUB}, OutDir: out, CacheDir: filepath.Join(dir, "cache")})
		if err != nil {
			return nil, err
		}
		eds = append(eds, Edition{Issue: res.Issue, Screen: filepath.Join(out, name+"-screen.pdf"), EPUB: filepath.Join(out, name+".epub"), Cover: res.Cover})
	}
	return eds, nil
}

// cloneEditions copies the editions and their issues, so that a test may
// change them.
func cloneEditions(eds []Edition) []Edition {
	out := slices.Clone(eds)
	for i := range out {
		iss := *out[i].Issue
		out[i].Issue = &iss
	}
	return out
}

// published is the magazine's site, written once for the tests that only
// read it (with the base URL given, or none).
func published(t testing.TB, base string) string {
	t.Helper()
	pubMu.Lock()
	defer pubMu.Unlock()
	if out, ok := pubSites[base]; ok {
		return out
	}
	out, err := os.MkdirTemp("", "magz-site-out-")
	if err != nil {
		t.Fatal(err)
	}
	temps = append(temps, out)
	if err := Write(context.Background(), Options{Out: out, BaseURL: base}, magazine(t)); err != nil {
		t.Fatal(err)
	}
	pubSites[base] = out
	return out
}

var (
	pubMu    sync.Mutex
	pubSites = map[string]string{}
)

// publish writes the site of eds into a new folder and returns it.
func publish(t testing.TB, eds []Edition, base string) string {
	t.Helper()
	out := t.TempDir()
	if err := Write(context.Background(), Options{Out: out, BaseURL: base}, eds); err != nil {
		t.Fatal(err)
	}
	return out
}

func read(t testing.TB, path ...string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(path...))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// htmlPages lists the site's pages, from its root.
func htmlPages(out string) []string {
	var pages []string
	filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if strings.HasSuffix(path, ".html") {
			rel, _ := filepath.Rel(out, path)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(pages)
	return pages
}

var (
	refs     = regexp.MustCompile(`(?:href|src)="([^"]+)"`)
	srcsets  = regexp.MustCompile(`srcset="([^"]+)"`)
	imgTags  = regexp.MustCompile(`<img [^>]*>`)
	external = regexp.MustCompile(`^(?:https?:|mailto:)`)
	cssURLs  = regexp.MustCompile(`url\("([^"]+)"\)`)
)

// TestSite: the index opens with the latest issue and lists them all, the
// newest first; every issue and article has its page; every link and
// picture of every page resolves to a file of the site (links to other
// sites are plain links, never something a page loads); every picture
// has its size; each download's SHA-256 is the file's.
func TestSite(t *testing.T) {
	eds := magazine(t)
	out := published(t, "")
	index := read(t, out, "index.html")
	last, first := eds[len(eds)-1].Issue.Name, eds[0].Issue.Name
	if i, j := strings.Index(index, last+"/index.html"), strings.Index(index, first+"/index.html"); i < 0 || j < 0 || i > j {
		t.Error("the archive does not list the newest issue first")
	}
	if !strings.Contains(index, "Edisi terbaru") || !strings.Contains(index, eds[len(eds)-1].Issue.Articles[1].Title) {
		t.Error("the index does not open with the latest issue's contents")
	}
	pages := htmlPages(out)
	for _, ed := range eds {
		for _, a := range ed.Issue.Articles {
			if !slices.Contains(pages, ed.Issue.Name+"/"+a.Slug+".html") {
				t.Errorf("no page for %s/%s", ed.Issue.Name, a.Slug)
			}
		}
	}
	for _, page := range pages {
		html := read(t, out, page)
		for _, m := range refs.FindAllStringSubmatch(html, -1) {
			ref := m[1]
			if external.MatchString(ref) {
				if strings.Contains(m[0], "src=") {
					t.Errorf("%s loads %s from another site", page, ref)
				}
				continue
			}
			ref, _, _ = strings.Cut(ref, "#")
			if ref == "" {
				continue
			}
			if _, err := os.Stat(filepath.Join(out, filepath.Dir(page), filepath.FromSlash(ref))); err != nil {
				t.Errorf("%s: %s does not resolve", page, ref)
			}
		}
		for _, m := range srcsets.FindAllStringSubmatch(html, -1) {
			for _, c := range strings.Split(m[1], ", ") {
				if _, err := os.Stat(filepath.Join(out, filepath.Dir(page), filepath.FromSlash(strings.Fields(c)[0]))); err != nil {
					t.Errorf("%s: srcset names %s, not in the site", page, c)
				}
			}
		}
		for _, m := range cssURLs.FindAllStringSubmatch(html, -1) {
			if _, err := os.Stat(filepath.Join(out, filepath.Dir(page), filepath.FromSlash(m[1]))); err != nil {
				t.Errorf("%s: the style sheet's %s is not in the site", page, m[1])
			}
		}
		for _, img := range imgTags.FindAllString(html, -1) {
			if !strings.Contains(img, ` width="`) || !strings.Contains(img, ` height="`) {
				t.Errorf("%s: a picture without its size: %s", page, img)
			}
		}
	}
	latest := eds[len(eds)-1].Issue.Name
	issuePage := read(t, out, latest, "index.html")
	for _, f := range []string{latest + "-screen.pdf", latest + ".epub"} {
		sum := sha256.Sum256([]byte(read(t, out, latest, f)))
		if !strings.Contains(issuePage, hex.EncodeToString(sum[:])) {
			t.Errorf("the issue page does not show %s's SHA-256", f)
		}
	}
}

// TestPictureSizes: every <img> says the size of the file it shows (so the
// page does not move as pictures arrive), and the first picture of a page
// is asked for first while the others wait until they are near.
func TestPictureSizes(t *testing.T) {
	out := published(t, "")
	for _, page := range htmlPages(out) {
		html := read(t, out, page)
		shown := 0
		for _, img := range imgTags.FindAllString(html, -1) {
			src := regexp.MustCompile(` src="([^"]+)"`).FindStringSubmatch(img)[1]
			f, err := os.Open(filepath.Join(out, filepath.Dir(page), filepath.FromSlash(src)))
			if err != nil {
				t.Fatal(err)
			}
			cfg, _, err := image.DecodeConfig(f)
			f.Close()
			if err != nil {
				t.Fatalf("%s: %v", src, err)
			}
			w := atoi(regexp.MustCompile(` width="(\d+)"`).FindStringSubmatch(img)[1])
			h := atoi(regexp.MustCompile(` height="(\d+)"`).FindStringSubmatch(img)[1])
			if strings.HasSuffix(src, "logo.png") { // twice the pixels it is shown at
				if (cfg.Width+1)/2 != w || (cfg.Height+1)/2 != h {
					t.Errorf("%s: the logo is %dx%d, the page says %dx%d", page, cfg.Width, cfg.Height, w, h)
				}
				continue
			}
			if cfg.Width != w || cfg.Height != h {
				t.Errorf("%s: %s is %dx%d, the page says %dx%d", page, src, cfg.Width, cfg.Height, w, h)
			}
			if shown == 0 && (!strings.Contains(img, `fetchpriority="high"`) || strings.Contains(img, "lazy")) {
				t.Errorf("%s: the first picture is not asked for first: %s", page, img)
			}
			if shown > 0 && !strings.Contains(img, `loading="lazy"`) {
				t.Errorf("%s: a picture below the first loads at once: %s", page, img)
			}
			shown++
		}
	}
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// TestArticlePage: an article's page has its section and authors linked to
// their pages, its date and issue, the issue's downloads, previous and
// next, and a wide table that scrolls inside itself.
func TestArticlePage(t *testing.T) {
	eds := magazine(t)
	out := published(t, "https://warta.example")
	iss := eds[len(eds)-1].Issue
	a := iss.Articles[1] // Laporan Utama, by two authors
	page := read(t, out, iss.Name, a.Slug+".html")
	names := splitAuthors(a.Author)
	if len(names) != 2 {
		t.Fatalf("the byline %q has %d names", a.Author, len(names))
	}
	for _, want := range []string{
		`<p class="section"><a href="../sections/laporan-utama.html">Laporan Utama</a></p>`,
		`<a href="../` + authorHref(names[0]) + `">` + names[0] + `</a> dan <a href="../` + authorHref(names[1]) + `">`,
		`<time datetime="` + iss.Date.Format("2006-01-02") + `">`,
		`href="../` + iss.Name + "/" + iss.Name + `-screen.pdf"`,
		`rel="prev" href="` + iss.Articles[0].Slug + `.html"`,
		`rel="next" href="` + iss.Articles[2].Slug + `.html"`,
		`https://wa.me/?text=`, `https://t.me/share/url?url=https%3A%2F%2Fwarta.example%2F`, `mailto:?subject=`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the article page lacks %s", want)
		}
	}
	if strings.Contains(page, "<script src") {
		t.Error("an article page loads a script")
	}
	data := read(t, out, iss.Name, iss.Articles[3].Slug+".html")
	if !regexp.MustCompile(`<div class="table" role="region" tabindex="0" aria-label="Tabel 1"><table>`).MatchString(data) {
		t.Error("the wide table does not scroll inside itself")
	}
	for _, l := range []string{"sections/laporan-utama.html", authorHref(names[1])} {
		list := read(t, out, l)
		if !strings.Contains(list, `href="../`+iss.Name+`/`+a.Slug+`.html"`) {
			t.Errorf("%s does not list the article", l)
		}
	}
}

// TestKit: every issue and every article has its three cards at their
// sizes (an article without a photo too), named for the office to find,
// with thumbnails on the issue page; a transparent logo lies on the
// paper, never on black.
func TestKit(t *testing.T) {
	eds := magazine(t)
	out := published(t, "https://warta.example")
	for _, ed := range eds {
		iss := ed.Issue
		base := "warta-lembah-" + strconv.Itoa(iss.Number)
		page := read(t, out, iss.Name, "index.html")
		subjects := []string{base}
		for _, a := range iss.Articles {
			subjects = append(subjects, base+"-"+a.Slug)
		}
		for _, s := range subjects {
			for kind, size := range map[string][2]int{"square": {1080, 1080}, "story": {1080, 1920}, "link": {1200, 630}} {
				name := "share/" + s + "-" + kind + ".jpg"
				m := decode(t, filepath.Join(out, iss.Name, name))
				if b := m.Bounds(); b.Dx() != size[0] || b.Dy() != size[1] {
					t.Errorf("%s is %v, want %v", name, b.Size(), size)
				}
				if !strings.Contains(page, `href="`+name+`" download`) {
					t.Errorf("the issue page does not offer %s", name)
				}
			}
			if !strings.Contains(page, `src="share/thumbs/`+s+`-square.jpg"`) {
				t.Errorf("the issue page has no thumbnail of %s's card", s)
			}
		}
		// the logo's strip: paper where the logo is clear, the logo's ink
		// where it is drawn; nothing black
		card := decode(t, filepath.Join(out, iss.Name, "share", base+"-"+iss.Articles[0].Slug+"-square.jpg"))
		paper := card.At(1070, 10)
		if r, g, b, _ := paper.RGBA(); r>>8 < 240 || g>>8 < 240 || b>>8 < 240 {
			t.Errorf("the strip behind a transparent logo is %v, not the paper", paper)
		}
		dark := 0
		for x := 0; x < 1080; x += 4 {
			for y := 0; y < 128; y += 4 {
				if r, g, b, _ := card.At(x, y).RGBA(); r>>8 < 40 && g>>8 < 40 && b>>8 < 40 {
					dark++
				}
			}
		}
		if dark > 0 {
			t.Errorf("%d black pixels in the logo's strip", dark)
		}
	}
}

func decode(t testing.TB, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	m, _, err := image.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return m
}

// TestFeeds: the OPDS catalog lists every issue with its date published,
// its editions as open-access acquisitions with their lengths, its cover
// and thumbnail, and a search; the Atom feed has an entry per issue (its
// editions as enclosures with lengths) and per article (its summary and
// picture); the sitemap lists every page with the date it changed.
func TestFeeds(t *testing.T) {
	eds := magazine(t)
	out := published(t, "https://warta.example")
	type link struct {
		Rel    string `xml:"rel,attr"`
		Href   string `xml:"href,attr"`
		Type   string `xml:"type,attr"`
		Length int64  `xml:"length,attr"`
	}
	type feed struct {
		Links   []link `xml:"link"`
		Entries []struct {
			Title     string `xml:"title"`
			Published string `xml:"published"`
			Summary   string `xml:"summary"`
			Content   string `xml:"content"`
			Links     []link `xml:"link"`
		} `xml:"entry"`
	}
	local := func(href string) string {
		return filepath.Join(out, filepath.FromSlash(strings.TrimPrefix(href, "https://warta.example/")))
	}
	var opds feed
	if err := xml.Unmarshal([]byte(read(t, out, "opds.xml")), &opds); err != nil {
		t.Fatal(err)
	}
	if len(opds.Entries) != len(eds) {
		t.Fatalf("opds.xml lists %d issues of %d", len(opds.Entries), len(eds))
	}
	for _, e := range opds.Entries {
		if _, err := time.Parse(time.RFC3339, e.Published); err != nil {
			t.Errorf("%s: published %q", e.Title, e.Published)
		}
		kinds := map[string]bool{}
		for _, l := range e.Links {
			kinds[l.Rel+" "+l.Type] = true
			if l.Type == "text/html" {
				continue
			}
			st, err := os.Stat(local(l.Href))
			if err != nil || st.Size() != l.Length {
				t.Errorf("%s: %s has length %d, the file %v", e.Title, l.Href, l.Length, err)
			}
		}
		for _, want := range []string{openAccess + " application/epub+zip", openAccess + " application/pdf",
			"http://opds-spec.org/image image/jpeg", "http://opds-spec.org/image/thumbnail image/jpeg"} {
			if !kinds[want] {
				t.Errorf("%s lacks %q", e.Title, want)
			}
		}
	}
	if !slices.ContainsFunc(opds.Links, func(l link) bool { return l.Rel == "search" && l.Type == openSearchType }) {
		t.Error("the catalog has no search")
	}
	if !strings.Contains(read(t, out, "opensearch.xml"), `template="https://warta.example/search.html?q={searchTerms}"`) {
		t.Error("opensearch.xml does not lead to the search page")
	}
	var atom feed
	if err := xml.Unmarshal([]byte(read(t, out, "feed.xml")), &atom); err != nil {
		t.Fatal(err)
	}
	articles := 0
	for _, ed := range eds {
		articles += len(ed.Issue.Articles)
	}
	if len(atom.Entries) != len(eds)+articles {
		t.Errorf("feed.xml has %d entries, want %d issues and %d articles", len(atom.Entries), len(eds), articles)
	}
	for _, e := range atom.Entries {
		enclosures := 0
		for _, l := range e.Links {
			if l.Rel == "enclosure" {
				enclosures++
				if st, err := os.Stat(local(l.Href)); err != nil || st.Size() != l.Length {
					t.Errorf("%s: enclosure %s has length %d (%v)", e.Title, l.Href, l.Length, err)
				}
			}
		}
		if enclosures == 0 || e.Summary == "" || !strings.Contains(e.Content, `<img src="https://warta.example/`) {
			t.Errorf("%s: %d enclosures, summary %q, content %q", e.Title, enclosures, e.Summary, e.Content)
		}
	}
	var sm struct {
		URLs []struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod"`
		} `xml:"url"`
	}
	if err := xml.Unmarshal([]byte(read(t, out, "sitemap.xml")), &sm); err != nil {
		t.Fatal(err)
	}
	if len(sm.URLs) != len(htmlPages(out)) {
		t.Errorf("the sitemap lists %d pages of %d", len(sm.URLs), len(htmlPages(out)))
	}
	for _, u := range sm.URLs {
		if _, err := time.Parse("2006-01-02", u.LastMod); err != nil {
			t.Errorf("%s: lastmod %q", u.Loc, u.LastMod)
		}
	}
}

// TestOPDSParsers: the parsers e-book apps are built on (Readium's and
// NYPL's) list every issue with its date published and its editions
// free to take, and find the catalog's search.
func TestOPDSParsers(t *testing.T) {
	eds := magazine(t)
	out := published(t, "https://warta.example")
	for _, r := range validate.OPDS(t, filepath.Join(out, "opds.xml")) {
		if r.Entries != len(eds) || r.Published != len(eds) || r.OpenAccess != len(eds) || !r.Search {
			t.Errorf("%s reads %d entries of %d, %d with a date published, %d open access, search %v", r.Parser, r.Entries, len(eds), r.Published, r.OpenAccess, r.Search)
		}
	}
}

// TestMetadata: every page says what a shared link shows (Open Graph,
// complete) and what it is (JSON-LD: the magazine, an issue of it, an
// article of an issue).
func TestMetadata(t *testing.T) {
	eds := magazine(t)
	out := published(t, "https://warta.example")
	iss := eds[len(eds)-1].Issue
	ld := regexp.MustCompile(`<script type="application/ld\+json">(.*?)</script>`)
	for page, typ := range map[string]string{"index.html": "Periodical", iss.Name + "/index.html": "PublicationIssue", iss.Name + "/" + iss.Articles[1].Slug + ".html": "Article"} {
		html := read(t, out, page)
		for _, p := range []string{"og:url", "og:type", "og:site_name", "og:locale", "og:title", "og:description", "og:image", "og:image:width", "og:image:height", "og:image:alt"} {
			if !strings.Contains(html, `<meta property="`+p+`" content="`) {
				t.Errorf("%s lacks %s", page, p)
			}
		}
		m := ld.FindStringSubmatch(html)
		if m == nil {
			t.Errorf("%s has no JSON-LD", page)
			continue
		}
		var v map[string]any
		if err := json.Unmarshal([]byte(m[1]), &v); err != nil || v["@type"] != typ {
			t.Errorf("%s: JSON-LD %v %v, want a %s", page, v["@type"], err, typ)
		}
		if typ == "Article" {
			part, _ := v["isPartOf"].(map[string]any)
			if part["@type"] != "PublicationIssue" || v["datePublished"] != iss.Date.Format("2006-01-02") || v["author"] == nil || v["image"] == nil {
				t.Errorf("the article's JSON-LD: %s", m[1])
			}
		}
	}
}

// TestSearch: the search page lists every article of every issue, and the
// search index has each one's words, in the same order.
func TestSearch(t *testing.T) {
	eds := magazine(t)
	out := published(t, "")
	page := read(t, out, "search.html")
	items := regexp.MustCompile(`(?s)<ol class="list" id="all">(.*?)</ol>`).FindStringSubmatch(page)
	if items == nil {
		t.Fatal("no list of articles")
	}
	hrefs := regexp.MustCompile(`<h3><a href="([^"]+)"`).FindAllStringSubmatch(items[1], -1)
	idx := read(t, out, "search-index.js")
	var words []string
	if err := json.Unmarshal([]byte(strings.TrimSuffix(strings.TrimPrefix(idx, "magzSearch("), ");\n")), &words); err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, ed := range eds {
		total += len(ed.Issue.Articles)
	}
	if len(hrefs) != total || len(words) != total {
		t.Fatalf("%d articles listed, %d indexed, of %d", len(hrefs), len(words), total)
	}
	latest := eds[len(eds)-1].Issue
	first := strings.ToLower(strings.Fields(latest.Articles[0].Title)[0])
	if hrefs[0][1] != latest.Name+"/"+latest.Articles[0].Slug+".html" || !strings.Contains(words[0], " "+first) {
		t.Errorf("the first entry is %s, its words %q lack %q", hrefs[0][1], words[0], first)
	}
}

// TestSiteValidAndAccessible: every kind of page passes the Nu Html
// Checker, and on a 390 px phone it is no wider than the screen (a wide
// table scrolls in its place) and axe-core finds no violation on it, in
// light mode or dark.
func TestSiteValidAndAccessible(t *testing.T) {
	eds := magazine(t)
	out := published(t, "https://warta.example")
	iss := eds[len(eds)-1].Issue
	var pages []string
	for _, p := range []string{"index.html", "search.html", iss.Name + "/index.html", iss.Name + "/" + iss.Articles[1].Slug + ".html",
		iss.Name + "/" + iss.Articles[3].Slug + ".html", "sections/kolom.html"} {
		pages = append(pages, filepath.Join(out, p))
	}
	validate.HTML(t, pages...)
	for _, view := range validate.Phone(t, 390, pages...) {
		page, _ := filepath.Rel(out, view.Page)
		if view.Width > 390 {
			t.Errorf("%s (%s) is %d px wide on a 390 px phone", page, view.Scheme, view.Width)
		}
		for _, v := range view.Violations {
			t.Errorf("%s (%s): %s (%s, %d places): %s", page, view.Scheme, v.ID, v.Impact, v.Nodes, v.Help)
		}
	}
}

// TestSiteIncremental: written again with nothing changed, the site
// rewrites no file; a picture whose stamp a killed run dropped is made
// again, and the temporary files a killed run left are removed.
func TestSiteIncremental(t *testing.T) {
	eds := magazine(t)
	out := publish(t, eds, "")
	before := map[string]time.Time{}
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if info, err := d.Info(); err == nil && !d.IsDir() {
			before[p] = info.ModTime()
		}
		return nil
	})
	iss := eds[0].Issue.Name
	card := filepath.Join(out, iss, "share", "warta-lembah-1-link.jpg")
	stale := filepath.Join(out, iss, "share", ".x.jpg.tmp-123")
	os.WriteFile(stale, []byte("half"), 0o644)
	old := time.Now().Add(-time.Hour)
	os.Chtimes(stale, old, old)
	st := readStamps(filepath.Join(out, iss))
	delete(st.keys, "share/warta-lembah-1-link.jpg")
	st.save()
	os.WriteFile(card, []byte("truncated"), 0o644)
	time.Sleep(20 * time.Millisecond)
	if err := Write(context.Background(), Options{Out: out}, eds); err != nil {
		t.Fatal(err)
	}
	for p, mt := range before {
		st, err := os.Stat(p)
		switch {
		case err != nil:
			t.Errorf("%s is gone", p)
		case p == card:
			if m := decode(t, card); m.Bounds().Dx() != 1200 {
				t.Errorf("the card a killed run left is not made again")
			}
		case filepath.Base(p) == stampsName:
		case !st.ModTime().Equal(mt):
			t.Errorf("%s was written again", p)
		}
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a killed run's temporary file is left")
	}
}

// TestSiteDrops: an issue made a draft leaves the site (as one no longer
// given), and the page of an article no longer in its issue goes with it.
func TestSiteDrops(t *testing.T) {
	eds := magazine(t)
	out := publish(t, eds, "")
	gone := eds[0].Issue
	gone.Draft = true
	kept := eds[1].Issue
	dropped := kept.Articles[len(kept.Articles)-1]
	kept.Articles = kept.Articles[:len(kept.Articles)-1]
	if err := Write(context.Background(), Options{Out: out}, eds); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(out, gone.Name)); err == nil {
		t.Error("an issue taken off the site is still there")
	}
	if _, err := os.Stat(filepath.Join(out, kept.Name, dropped.Slug+".html")); err == nil {
		t.Error("the page of an article taken out is still there")
	}
	for _, f := range []string{"index.html", "opds.xml", "feed.xml", "search.html"} {
		if strings.Contains(read(t, out, f), gone.Name+"/") {
			t.Errorf("%s still names the draft", f)
		}
	}
	for i := range eds {
		eds[i].Issue.Draft = true
	}
	if err := Write(context.Background(), Options{Out: t.TempDir()}, eds); err == nil {
		t.Error("a site of drafts alone")
	}
}

// TestSiteWithoutCover: an issue the build drew no cover of still gets its
// pages, with no picture where the cover would be, written twice alike.
func TestSiteWithoutCover(t *testing.T) {
	eds := magazine(t)
	eds[0].Cover = ""
	out := t.TempDir()
	for range 2 {
		if err := Write(context.Background(), Options{Out: out}, eds); err != nil {
			t.Fatal(err)
		}
		page := read(t, out, eds[0].Issue.Name, "index.html")
		if strings.Contains(page, "cover-") {
			t.Error("a cover picture offered for an issue without one")
		}
	}
}

// TestPalette: the site's colours come from the magazine's theme, and every
// text colour reads on its background (4.5:1), light and dark, whatever
// the theme's colours.
func TestPalette(t *testing.T) {
	th := theme.Default()
	th.Deep, _ = theme.ParseColour("#142d4c")
	if p := paletteOf(th); p.Deep != "#142d4c" {
		t.Errorf("the deep colour is %s, want the theme's #142d4c", p.Deep)
	}
	pale := theme.Default()
	pale.Accent, _ = theme.ParseColour("#ffd166") // too pale for text on white
	pale.Deep, _ = theme.ParseColour("#202020")   // too dark for text on black
	for _, th := range []theme.Theme{theme.Default(), pale} {
		p := paletteOf(th)
		for _, pair := range [][2]string{{string(p.Ink), string(p.Paper)}, {string(p.Deep), string(p.Paper)}, {string(p.Accent), string(p.Paper)},
			{string(p.Muted), string(p.Paper)}, {string(p.DarkInk), string(p.DarkPaper)}, {string(p.DarkDeep), string(p.DarkPaper)},
			{string(p.DarkAccent), string(p.DarkPaper)}, {string(p.DarkMuted), string(p.DarkPaper)}} {
			a, _ := theme.ParseColour(pair[0])
			b, _ := theme.ParseColour(pair[1])
			if c := theme.Contrast(a, b); c < 4.5 {
				t.Errorf("%s on %s: contrast %.2f", pair[0], pair[1], c)
			}
		}
	}
}

// TestBreakLines: headlines break by sense: no line ends on a word that
// leans on the next, no word stands alone on the last line, lines are
// even, when another breaking allows it.
func TestBreakLines(t *testing.T) {
	measure := func(s string) int { return len(s) * 10 }
	for _, tc := range []struct {
		text  string
		width int
		lines int
		want  []string
	}{
		{"Jalan Baru ke Lembah", 400, 2, []string{"Jalan Baru ke Lembah"}},
		{"Jalan Baru ke Lembah, Pasar Baru di Kampung", 250, 2, []string{"Jalan Baru ke Lembah,", "Pasar Baru di Kampung"}},
		{"Guru yang Mengajar di Bawah Atap Honai", 230, 2, []string{"Guru yang Mengajar", "di Bawah Atap Honai"}},
		{"Posyandu Keliling Menjangkau Kampung Terjauh", 300, 3, []string{"Posyandu Keliling", "Menjangkau Kampung Terjauh"}},
	} {
		got, ok := breakLines(tc.text, tc.width, tc.lines, measure)
		if !ok || !slices.Equal(got, tc.want) {
			t.Errorf("%q in %d: %q, want %q", tc.text, tc.width, got, tc.want)
		}
	}
	if _, ok := breakLines("Sebuah judul yang terlalu panjang untuk kartu ini", 100, 2, measure); ok {
		t.Error("a headline that does not fit is said to fit")
	}
}

// TestSplitAuthors: a byline's names, and a role after a comma.
func TestSplitAuthors(t *testing.T) {
	for _, tc := range []struct {
		byline string
		names  []string
		role   string
	}{
		{"Ester Rumbiak", []string{"Ester Rumbiak"}, ""},
		{"Yohanes Kogoya dan Ester Rumbiak", []string{"Yohanes Kogoya", "Ester Rumbiak"}, ""},
		{"Maria Wenda, Pemimpin Redaksi", []string{"Maria Wenda"}, "Pemimpin Redaksi"},
		{"A, B dan C", []string{"A", "B", "C"}, ""},
		{"Ann & Bob", []string{"Ann", "Bob"}, ""},
	} {
		if got := splitAuthors(tc.byline); !slices.Equal(got, tc.names) || authorRole(tc.byline) != tc.role {
			t.Errorf("%q: %q, role %q", tc.byline, got, authorRole(tc.byline))
		}
	}
}

// TestPublishForChecks writes the magazine's site into MAGZ_SITE_OUT/site
// for the checks run on a served site (Lighthouse, the OPDS parsers), its
// address http://127.0.0.1:8024 (MAGZ_SITE_BASE to change it):
//
//	MAGZ_SITE_ISSUES=24 MAGZ_SITE_OUT=/tmp/newsstand go test ./internal/site -run TestPublishForChecks
//	(cd /tmp/newsstand/site && python3 -m http.server 8024)
func TestPublishForChecks(t *testing.T) {
	root := os.Getenv("MAGZ_SITE_OUT")
	if root == "" {
		t.Skip("MAGZ_SITE_OUT is not set")
	}
	base := os.Getenv("MAGZ_SITE_BASE")
	if base == "" {
		base = "http://127.0.0.1:8024"
	}
	eds := magazine(t)
	out := filepath.Join(root, "site")
	if err := Write(context.Background(), Options{Out: out, BaseURL: base}, eds); err != nil {
		t.Fatal(err)
	}
	for _, ed := range eds {
		for _, a := range ed.Issue.Articles {
			for _, kind := range []string{"square", "story", "link"} {
				if _, err := os.Stat(filepath.Join(out, ed.Issue.Name, "share", fmt.Sprintf("warta-lembah-%d-%s-%s.jpg", ed.Issue.Number, a.Slug, kind))); err != nil {
					t.Error(err)
				}
			}
		}
	}
	t.Logf("%d issues in %s", len(eds), out)
}

// TestIcons: the site has its icons at the sizes browsers and phones ask
// for, and a favicon.ico; a wide logo gives the masthead's initials on the
// deep colour (some paper-coloured strokes in the middle of the deep).
func TestIcons(t *testing.T) {
	out := published(t, "")
	for _, n := range iconSizes {
		m := decode(t, filepath.Join(out, "icon-"+strconv.Itoa(n)+".png"))
		if b := m.Bounds(); b.Dx() != n || b.Dy() != n {
			t.Errorf("icon-%d.png is %v", n, b.Size())
		}
	}
	ico := read(t, out, "favicon.ico")
	if !strings.HasPrefix(ico, "\x00\x00\x01\x00\x01\x00") || !strings.Contains(ico[:40], "\x89PNG") {
		t.Error("favicon.ico is not an icon file holding a PNG")
	}
	m := decode(t, filepath.Join(out, "icon-512.png"))
	deep, light := 0, 0
	for x := 0; x < 512; x += 8 {
		for y := 0; y < 512; y += 8 {
			if r, g, b, _ := m.At(x, y).RGBA(); r>>8 > 200 && g>>8 > 200 && b>>8 > 200 {
				light++
			} else {
				deep++
			}
		}
	}
	if light == 0 || deep < light {
		t.Errorf("the icon has %d light and %d dark samples: not initials on the deep colour", light, deep)
	}
}

// TestNoIssues: a site needs an issue.
func TestNoIssues(t *testing.T) {
	if err := Write(context.Background(), Options{Out: t.TempDir()}, nil); err == nil {
		t.Error("a site of no issues")
	}
}

// BenchmarkSite writes the magazine's site: cold into an empty folder (the
// photo cache empty too), and warm, again with nothing changed.
func BenchmarkSite(b *testing.B) {
	eds := magazine(b)
	b.Run("cold", func(b *testing.B) {
		for range b.N {
			if err := Write(context.Background(), Options{Out: b.TempDir()}, eds); err != nil {
				b.Fatal(err)
			}
		}
	})
	warm := b.TempDir()
	if err := Write(context.Background(), Options{Out: warm}, eds); err != nil {
		b.Fatal(err)
	}
	b.Run("warm", func(b *testing.B) {
		for range b.N {
			if err := Write(context.Background(), Options{Out: warm}, eds); err != nil {
				b.Fatal(err)
			}
		}
	})
}
