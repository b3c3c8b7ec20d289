package reader

// The issue's plan: what the layout needs to place each article and fill
// every page — an article's rank (rank: in its header), the theme's scale
// of headlines (theme: headlines:), the planned material (issue.yaml
// planned:: ads and notices, a photo page, pages from Markdown).

import (
	"math"
	"path/filepath"
	"strconv"
	"strings"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/locale"
	"magz/internal/msg"
	"magz/internal/theme"
	"magz/layout/page"
)

// rank reads an article's rank: one of lead, feature, short or brief.
func (r *reader) rank(name string, pos diag.Pos) doc.Rank {
	name = strings.ToLower(strings.TrimSpace(name))
	if name == "" {
		return doc.RankUnset
	}
	rk, ok := doc.ParseRank(name)
	if !ok {
		r.diags.Errorf(pos, "rank %q is not one of %s", name, strings.Join(doc.RankNames(), ", "))
	}
	return rk
}

// headlinesYAML is the theme's scale of headline sizes by rank, in points.
type headlinesYAML struct {
	Lead    *float64 `yaml:"lead"`
	Feature *float64 `yaml:"feature"`
	Short   *float64 `yaml:"short"`
	Brief   *float64 `yaml:"brief"`
}

// Headline sizes a theme may give, in points.
const minHeadline, maxHeadline = 10, 96

// readHeadlines applies the theme's headline sizes; a rank's size larger
// than the one above it would undo the ranking, and is an error.
func readHeadlines(y *headlinesYAML, th *theme.Theme, at func(string) diag.Pos, diags *diag.List) {
	if y == nil {
		return
	}
	h := &th.Headlines
	for _, s := range []struct {
		key string
		v   *float64
		dst *page.Length
	}{{"lead", y.Lead, &h.Lead}, {"feature", y.Feature, &h.Feature}, {"short", y.Short, &h.Short}, {"brief", y.Brief, &h.Brief}} {
		if s.v == nil {
			continue
		}
		if *s.v < minHeadline || *s.v > maxHeadline {
			diags.Errorf(at("theme.headlines."+s.key), "headlines.%s must be from %d to %d points, got %g", s.key, minHeadline, maxHeadline, *s.v)
			continue
		}
		*s.dst = page.Length(math.Round(*s.v*1000)) * page.Pt / 1000
	}
	sizes := h.Sizes()
	for i := 1; i < len(sizes); i++ {
		if sizes[i] > sizes[i-1] {
			name := doc.RankNames()[i]
			diags.Errorf(at("theme.headlines."+name), "headlines.%s (%s pt) is larger than headlines.%s (%s pt): a rank's headline is never larger than the one above it", name, sizes[i], doc.RankNames()[i-1], sizes[i-1])
		}
	}
}

// plannedYAML is issue.yaml's planned: — the material that fills the
// pages the articles leave (see doc.Plan).
type plannedYAML struct {
	Ads []struct {
		Image  string `yaml:"image"`
		Size   string `yaml:"size"`   // full, half or quarter
		Alt    string `yaml:"alt"`    // what it says, for readers who cannot see it
		Title  string `yaml:"title"`  // its name in the budget
		Notice bool   `yaml:"notice"` // a public-service notice, not a house advertisement
	} `yaml:"ads"`
	Photo *struct {
		Image   string `yaml:"image"`
		Title   string `yaml:"title"`
		Caption string `yaml:"caption"`
		Credit  string `yaml:"credit"`
		Alt     string `yaml:"alt"`
		Focus   string `yaml:"focus"`
	} `yaml:"photo"`
	Pages      []string `yaml:"pages"`       // Markdown files, relative to the issue folder
	NotesPages *int     `yaml:"notes_pages"` // ruled notes pages asked for
}

// maxNotesPages is the most ruled notes pages an issue may ask for.
const maxNotesPages = 8

// readPlan reads issue.yaml's planned material; path is issue.yaml's.
func (r *reader) readPlan(y *plannedYAML, path string, at func(string) diag.Pos) *doc.Plan {
	if y == nil {
		return nil
	}
	p := &doc.Plan{Pos: at("planned")}
	for i, a := range y.Ads {
		key := "planned.ads." + strconv.Itoa(i)
		size, ok := doc.ParseAdSize(strings.ToLower(strings.TrimSpace(a.Size)))
		if !ok {
			r.diags.Errorf(at(key+".size"), "an ad's size must be one of %s, got %q", strings.Join(doc.AdSizeNames(), ", "), a.Size)
		}
		img := r.resolveImage(path, a.Image, at(key+".image"))
		if img == nil || !ok {
			continue
		}
		f := &doc.Figure{Pos: at(key + ".image"), Image: img, Alt: a.Alt, Focus: [2]float64{0.5, 0.5}, FocusWritten: true}
		r.checkAlt(f, f.Pos, msg.T("ad"), msg.T("add alt: under the ad"))
		title := strings.TrimSpace(a.Title)
		if locale.Placeholder(title) {
			r.diags.Warnf(at(key+".title"), "this is the example notice magz new writes; replace it with the issue's own, or remove it from planned:")
		}
		if title == "" {
			title = strings.TrimSuffix(filepath.Base(img.Rel), filepath.Ext(img.Rel))
		}
		p.Ads = append(p.Ads, &doc.Ad{Figure: f, Size: size, Notice: a.Notice, Title: title})
	}
	if ph := y.Photo; ph != nil {
		if img := r.resolveImage(path, ph.Image, at("planned.photo.image")); img != nil {
			f := &doc.Figure{Pos: at("planned.photo.image"), Image: img, Alt: ph.Alt, Credit: strings.TrimSpace(ph.Credit)}
			f.Focus, f.FocusWritten = r.focus(ph.Focus, at("planned.photo.focus"))
			if c := strings.TrimSpace(ph.Caption); c != "" {
				f.Caption = r.inline(c)
			}
			r.checkAlt(f, f.Pos, msg.T("photo page"), msg.T("add alt: under photo:"))
			p.Photo = &doc.PhotoPage{Title: strings.TrimSpace(ph.Title), Figure: f}
		}
	}
	for i, name := range y.Pages {
		pos := at("planned.pages." + strconv.Itoa(i))
		full := filepath.Join(r.issueDir, filepath.FromSlash(strings.TrimSpace(name)))
		if !strings.HasSuffix(full, ".md") {
			full += ".md"
		}
		if !within(r.issueDir, full) {
			r.diags.Errorf(pos, "page %q is outside the issue folder", name)
			continue
		}
		if a := r.readArticle(full, pos); a != nil {
			a.Slug = "page-" + a.Slug
			p.Pages = append(p.Pages, a)
		}
	}
	if n := y.NotesPages; n != nil {
		if *n < 0 || *n > maxNotesPages {
			r.diags.Errorf(at("planned.notes_pages"), "notes_pages must be from 0 to %d, got %d", maxNotesPages, *n)
		} else {
			p.NotesPages = *n
		}
	}
	return p
}
