package site

import (
	"fmt"
	"html/template"
	"slices"
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"magz/internal/doc"
	"magz/internal/locale"
	"magz/internal/theme"
	"magz/layout/page"
)

// siteData is what every page of the site shares.
type siteData struct {
	Magazine, Publisher, Language string
	Base                          string // the site's address, without a final slash ("": relative links only)
	Host                          string // the address as people write it: kabarlembah.example
	Lab                           locale.Labels
	SL                            locale.SiteLabels
	Theme                         theme.Theme
	Colours                       palette
	families                      families
	webFaces                      []webFace // the magazine's faces on the site
	Logo                          *picture  // the masthead's logo, nil: the name in type
	Icons                         icons
	Updated                       time.Time
	Issues                        []*issuePage // newest first
	Sections, Authors             []*listPage  // by name
	latest                        *doc.Issue   // the newest issue: the site's look and marks are its
}

// listPage is a page listing articles across the issues: a section's, an
// author's.
type listPage struct {
	Name     string
	Href     string // from the site's root
	Articles []*articlePage
}

func sectionHref(name string) string { return "sections/" + slugOr(name) + ".html" }
func authorHref(name string) string  { return "authors/" + slugOr(name) + ".html" }

// slugOr is slug(s), or a hash of s when it has no letters slug keeps.
func slugOr(s string) string {
	if sl := slug(s); sl != "" {
		return sl
	}
	return hash(s)
}

// slug writes a name in lower-case ASCII letters, digits and hyphens,
// for file names and ids; accented letters lose their accents.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range norm.NFD.String(strings.ToLower(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// issueName is "Kabar Lembah Edisi 12".
func (s *siteData) issueName(iss *doc.Issue) string {
	return fmt.Sprintf("%s %s %d", iss.Magazine, s.Lab.Issue, iss.Number)
}

// index gathers the sections and authors of every issue's articles, each
// list newest first.
func (s *siteData) index() {
	sections, authors := map[string]*listPage{}, map[string]*listPage{}
	add := func(m map[string]*listPage, name, href string, ap *articlePage) *listPage {
		key := strings.ToLower(href)
		l := m[key]
		if l == nil {
			l = &listPage{Name: name, Href: href}
			m[key] = l
		}
		l.Articles = append(l.Articles, ap)
		return l
	}
	for _, p := range s.Issues {
		for _, ap := range p.Pages {
			a := ap.Article
			if a.Section != "" {
				ap.Section = add(sections, a.Section, sectionHref(a.Section), ap)
			}
			if a.Author != "" {
				for _, name := range splitAuthors(a.Author) {
					ap.Authors = append(ap.Authors, add(authors, name, authorHref(name), ap))
				}
			}
		}
	}
	sorted := func(m map[string]*listPage) []*listPage {
		var out []*listPage
		for _, l := range m {
			out = append(out, l)
		}
		slices.SortFunc(out, func(a, b *listPage) int { return strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)) })
		return out
	}
	s.Sections, s.Authors = sorted(sections), sorted(authors)
}

// palette is the site's colours in CSS, light and dark, from the
// magazine's theme: each text colour checked against its background
// (4.5:1) and darkened or lightened until it reads.
type palette struct {
	Ink, Paper, Deep, Accent, Muted, Tint, Rule, Highlight template.CSS
	DarkInk, DarkPaper, DarkDeep, DarkAccent, DarkMuted    template.CSS
	DarkTint, DarkRule                                     template.CSS
}

func paletteOf(th theme.Theme) palette {
	css := func(c page.Color) template.CSS { return template.CSS(theme.Hex(c)) }
	paper := th.Paper
	if theme.Contrast(th.Ink, paper) < 7 {
		paper = page.Color{R: 255, G: 255, B: 255}
	}
	dark := mix(th.Deep, page.Color{}, 78) // the deep colour, nearly black
	darkInk := page.Color{R: 0xe8, G: 0xe6, B: 0xe3}
	return palette{
		Ink: css(readable(th.Ink, paper)), Paper: css(paper), Deep: css(readable(th.Deep, paper)), Accent: css(readable(th.Accent, paper)),
		Muted: css(readable(th.Muted, paper)), Tint: css(th.Tint), Rule: css(mix(th.Muted, paper, 60)), Highlight: css(th.Highlight),
		DarkInk: css(darkInk), DarkPaper: css(dark), DarkDeep: css(readableAt(th.Deep, dark, 8)), DarkAccent: css(readable(th.Accent, dark)),
		DarkMuted: css(readable(th.Muted, dark)), DarkTint: css(mix(th.Deep, page.Color{}, 55)), DarkRule: css(mix(darkInk, dark, 70)),
	}
}

// readable moves c towards black or white (whichever bg is not) until it
// has a contrast of 4.5:1 with bg, as text needs.
func readable(c, bg page.Color) page.Color { return readableAt(c, bg, 4.6) }

// readableAt is readable for a contrast of at least contrast.
func readableAt(c, bg page.Color, contrast float64) page.Color {
	towards := page.Color{R: 255, G: 255, B: 255}
	if theme.Contrast(bg, page.Color{}) > theme.Contrast(bg, towards) {
		towards = page.Color{}
	}
	for pct := 0; pct <= 100; pct += 5 {
		if m := mix(c, towards, pct); theme.Contrast(m, bg) >= contrast {
			return m
		}
	}
	return towards
}

// mix is a with pct percent of b.
func mix(a, b page.Color, pct int) page.Color {
	m := func(x, y uint8) uint8 { return uint8((int(x)*(100-pct) + int(y)*pct + 50) / 100) }
	return page.Color{R: m(a.R, b.R), G: m(a.G, b.G), B: m(a.B, b.B)}
}
