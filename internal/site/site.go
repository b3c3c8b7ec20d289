// Package site writes the newsstand: a static website of a magazine's
// issues, for readers to find, read, download and share them, an OPDS
// catalog for e-book apps, an Atom feed, and a sharing kit of pictures
// for the office to post. Every page works opened from disk and from any
// static host, asks nothing of other sites, and needs no script (the
// search page's small one only filters what the page already lists).
package site

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"magz/internal/cache"
	"magz/internal/doc"
	"magz/internal/images"
	"magz/internal/jpeg"
	"magz/internal/locale"
	"magz/internal/msg"
)

// Edition is one issue and its files for readers, as built.
type Edition struct {
	Issue        *doc.Issue
	Screen, EPUB string // the screen PDF and the EPUB
	Print        string // the print PDF, when offered too ("" otherwise)
	// Cover is the designed cover as a picture (page 1, as the build
	// draws it: pipeline.CoverName); "" when the build drew none.
	Cover string
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
	// Store is the image stage the pictures are made by (with the
	// photo cache the builds use); nil: one without a cache.
	Store *images.Store
}

// download is one file offered to readers.
type download struct {
	Label, Href, Type, Size, Sum string
	Length                       int64
}

// picture is an <img> of a page: its file (from the site's root), the
// other sizes for srcset, its pixels and its alternative text.
type picture struct {
	Src, Srcset string
	W, H        int
	Alt         string
}

// issuePage is an issue on the site.
type issuePage struct {
	Issue     *doc.Issue
	Name      string // the issue's folder in the site
	Date      string
	Title     string // "Kabar Lembah Edisi 12: Jalan, Pasar, dan Harapan"
	Cover     *picture
	Thumb     *picture // the cover in the archive
	Downloads []download
	Pages     []*articlePage // the articles to read online, in order
	Kit       kitItem        // the issue's cards
}

// Write writes the site of the editions, the newest first.
func Write(ctx context.Context, opt Options, eds []Edition) error {
	if len(eds) == 0 {
		return msg.New("no issues to publish")
	}
	eds = slices.DeleteFunc(slices.Clone(eds), func(ed Edition) bool { return ed.Issue.Draft }) // never on the site
	if len(eds) == 0 {
		return msg.New("no issue to publish: every one is a draft")
	}
	slices.SortStableFunc(eds, func(a, b Edition) int {
		if d := b.Issue.Date.Compare(a.Issue.Date); d != 0 {
			return d
		}
		return b.Issue.Number - a.Issue.Number
	})
	store := opt.Store
	if store == nil {
		store = images.NewStore(&cache.Cache{}, jpeg.Fast)
	}
	if err := os.MkdirAll(opt.Out, 0o755); err != nil {
		return err
	}
	tidy(opt.Out)
	s := newSiteData(opt, eds[0].Issue)
	ts := &typeset{}
	root := newPictures(store, opt.Out)
	s.Logo, s.Icons = s.siteMarks(root, ts)
	if err := root.run(ctx); err != nil {
		return err
	}
	for _, ed := range eds {
		p, err := s.writeIssue(ctx, opt.Out, ed, store, ts)
		if err != nil {
			return fmt.Errorf("%s: %w", ed.Issue.Name, err)
		}
		s.Issues = append(s.Issues, p)
	}
	s.index()
	if err := s.writePages(opt.Out); err != nil {
		return err
	}
	if err := writeFeeds(opt.Out, s); err != nil {
		return err
	}
	return removeGone(opt.Out, s)
}

// newSiteData gathers what every page shares, from the newest issue.
func newSiteData(opt Options, latest *doc.Issue) *siteData {
	base := strings.TrimSuffix(opt.BaseURL, "/")
	host := ""
	if u, err := url.Parse(base); err == nil && u.Host != "" {
		host = strings.TrimPrefix(u.Host+strings.TrimSuffix(u.Path, "/"), "www.")
	}
	updated := opt.Updated
	if updated.IsZero() {
		updated = latest.Date
	}
	th := latest.Theme.Or()
	return &siteData{Magazine: latest.Magazine, Publisher: latest.Publisher, Language: latest.Language, Base: base, Host: host,
		Lab: locale.For(latest.Language).Labels, SL: locale.Site(latest.Language), Theme: th, Colours: paletteOf(th), Updated: updated, latest: latest,
		families: familiesOf(th.Type), webFaces: webFacesOf(th.Type)}
}

// writeIssue writes an issue's folder: its editions, cover pictures,
// articles' photos and sharing kit (its pages come later, when every
// issue is known).
func (s *siteData) writeIssue(ctx context.Context, out string, ed Edition, store *images.Store, ts *typeset) (*issuePage, error) {
	iss := ed.Issue
	dir := filepath.Join(out, iss.Name)
	p := &issuePage{Issue: iss, Name: iss.Name, Date: s.Lab.Date(iss.Date), Title: s.issueTitle(iss)}
	for _, f := range []struct{ path, label, typ string }{
		{ed.Screen, s.Lab.ScreenPDF, "application/pdf"}, {ed.EPUB, s.Lab.EPUB, "application/epub+zip"}, {ed.Print, s.Lab.PrintPDF, "application/pdf"},
	} {
		if f.path == "" {
			continue
		}
		size, sum, err := copyFile(f.path, filepath.Join(dir, filepath.Base(f.path)))
		if err != nil {
			return nil, err
		}
		p.Downloads = append(p.Downloads, download{Label: f.label, Href: iss.Name + "/" + filepath.Base(f.path), Type: f.typ,
			Size: humanSize(size), Sum: sum, Length: size})
	}
	ps := newPictures(store, dir)
	var cover *doc.Image
	if ed.Cover != "" {
		cover = &doc.Image{Path: ed.Cover, Rel: filepath.Base(ed.Cover)}
		if iss.Cover != nil {
			cover.Pos = iss.Cover.Pos
		}
		p.Cover, p.Thumb = s.coverPictures(ps, p, cover)
	}
	s.articles(ps, p)
	k := &kit{iss: iss, th: iss.Theme.Or(), ts: ts, ps: ps, base: slug(iss.Magazine) + "-" + fmt.Sprint(iss.Number), cover: cover}
	s.cards(k, p)
	if err := ps.run(ctx); err != nil {
		return nil, err
	}
	return p, nil
}

// issueTitle names an issue: "Kabar Lembah Edisi 12: Jalan, Pasar, dan Harapan".
func (s *siteData) issueTitle(iss *doc.Issue) string {
	t := iss.Magazine + " " + s.Lab.Issue + " " + fmt.Sprint(iss.Number)
	if iss.Title != "" {
		t += ": " + iss.Title
	}
	return t
}

// coverWidths are the cover's widths on the pages (srcset): the archive's
// thumbnails take the smaller, the latest issue the larger on a 2× phone.
var coverWidths = []int{360, 720}

// coverPictures asks for the designed cover's renditions.
func (s *siteData) coverPictures(ps *pictures, p *issuePage, cover *doc.Image) (big, thumb *picture) {
	in := ps.info(cover)
	if in == nil {
		return nil, nil
	}
	id := sourceID(cover.Path)
	alt := s.SL.CoverOf + " " + p.Title
	var set []string
	var last *picture
	for _, width := range coverWidths {
		w, h := fitWidth(in, width)
		req := images.Request{Path: cover.Path, Crop: whole, W: w, H: h, Quality: coverQuality}
		name := "cover-" + strconv.Itoa(width) + ".jpg"
		ps.add(&pictureJob{names: []string{name}, key: hash(id, req), reqs: []images.Request{req},
			make: func(got map[images.Request]images.Result) ([][]byte, error) { return [][]byte{got[req].Data}, nil }})
		set = append(set, fmt.Sprintf("%s/%s %dw", p.Name, name, w))
		pic := &picture{Src: p.Name + "/" + name, W: w, H: h, Alt: alt}
		if thumb == nil {
			thumb = pic
		}
		last = pic
	}
	big = &picture{Src: last.Src, Srcset: strings.Join(set, ", "), W: last.W, H: last.H, Alt: alt}
	t := *big
	t.Src, t.W, t.H = thumb.Src, thumb.W, thumb.H
	return big, &t
}

// cards asks for the sharing kit of an issue: its cover's cards, and
// every article's.
func (s *siteData) cards(k *kit, p *issuePage) {
	issueLine := p.Issue.Magazine + " · " + s.Lab.Issue + " " + fmt.Sprint(p.Issue.Number) + " · " + s.Lab.MonthYear(p.Issue.Date)
	var lines []string
	for _, ap := range p.Pages {
		if len(lines) < 3 {
			lines = append(lines, ap.Article.Title)
		}
	}
	head := p.Issue.Title
	if head == "" {
		head = p.Issue.Magazine + " " + s.Lab.Issue + " " + fmt.Sprint(p.Issue.Number)
	}
	p.Kit = k.add("", nil, cardText{Kicker: s.Lab.Issue + " " + fmt.Sprint(p.Issue.Number) + " · " + p.Date, Headline: head,
		Deck: strings.Join(lines, " · "), Address: s.Host, Issue: issueLine})
	for _, ap := range p.Pages {
		a := ap.Article
		kicker := a.Section
		if kicker == "" {
			kicker = s.Lab.Issue + " " + fmt.Sprint(p.Issue.Number)
		}
		ap.Card = k.add(a.Slug, figureOf(a), cardText{Kicker: kicker, Headline: a.Title, Deck: clip(ap.Summary, 240), Address: s.Host, Issue: issueLine})
	}
}

// figureOf is an article's photo for its cards: the opener photo, else
// its first figure.
func figureOf(a *doc.Article) *doc.Figure {
	if a.Hero != nil {
		return a.Hero
	}
	var first *doc.Figure
	doc.Walk(a.Blocks, func(b doc.Block) {
		if f, ok := b.(*doc.Figure); ok && first == nil {
			first = f
		}
	})
	return first
}

func humanSize(n int64) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)>>10)
}

// legacy are the files of an issue's folder an earlier magz made and this
// one does not (the bare cover photo and its stamp).
var legacy = map[string]bool{"cover.jpg": true, "cover-small.jpg": true, "share.jpg": true, ".cover": true}

// removeGone removes what an earlier run published and this one does not:
// the folders of issues no longer on the site (taken off, or made drafts)
// and pages of articles no longer in their issue. Only the site's own
// folders go (those with its stamps).
func removeGone(out string, s *siteData) error {
	live := map[string]bool{}
	for _, p := range s.Issues {
		live[p.Name] = true
		pages := map[string]bool{"index.html": true}
		for _, ap := range p.Pages {
			pages[ap.Href] = true
		}
		entries, _ := os.ReadDir(filepath.Join(out, p.Name))
		for _, e := range entries {
			if !e.IsDir() && (strings.HasSuffix(e.Name(), ".html") && !pages[e.Name()] || legacy[e.Name()]) {
				os.Remove(filepath.Join(out, p.Name, e.Name()))
			}
		}
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if !e.IsDir() || live[e.Name()] {
			continue
		}
		if _, err := os.Stat(filepath.Join(out, e.Name(), stampsName)); err == nil {
			if err := os.RemoveAll(filepath.Join(out, e.Name())); err != nil {
				return err
			}
		}
	}
	return nil
}
