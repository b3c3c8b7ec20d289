package site

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"magz/internal/epub"
)

// The catalogs and feeds: the OPDS 1.2 catalog e-book apps browse (a
// navigation root, catalog.xml, over the acquisition feed of the issues,
// opds.xml, with an OpenSearch description), the Atom feed of issues and
// articles for feed readers (feed.xml), the sitemap and robots.txt for
// search engines, and the web app manifest for phones' home screens.

type atomLink struct {
	Rel    string `xml:"rel,attr,omitempty"`
	Href   string `xml:"href,attr"`
	Type   string `xml:"type,attr,omitempty"`
	Title  string `xml:"title,attr,omitempty"`
	Length int64  `xml:"length,attr,omitempty"`
}

type atomText struct {
	Type string `xml:"type,attr,omitempty"`
	Text string `xml:",chardata"`
}

type atomCategory struct {
	Term  string `xml:"term,attr"`
	Label string `xml:"label,attr,omitempty"`
}

type atomEntry struct {
	Title      string         `xml:"title"`
	ID         string         `xml:"id"`
	Updated    string         `xml:"updated"`
	Published  string         `xml:"published,omitempty"`
	Authors    []atomName     `xml:"author"`
	Language   string         `xml:"dc:language,omitempty"`
	Publisher  string         `xml:"dc:publisher,omitempty"`
	Issued     string         `xml:"dc:issued,omitempty"`
	Categories []atomCategory `xml:"category"`
	Summary    *atomText      `xml:"summary,omitempty"`
	Content    *atomText      `xml:"content,omitempty"`
	Links      []atomLink     `xml:"link"`
}

type atomName struct {
	Name string `xml:"name"`
}

type atomFeed struct {
	XMLName xml.Name    `xml:"feed"`
	Xmlns   string      `xml:"xmlns,attr"`
	DC      string      `xml:"xmlns:dc,attr,omitempty"`
	OPDS    string      `xml:"xmlns:opds,attr,omitempty"`
	Lang    string      `xml:"xml:lang,attr,omitempty"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Icon    string      `xml:"icon,omitempty"`
	Author  *atomName   `xml:"author,omitempty"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

const (
	atomNS          = "http://www.w3.org/2005/Atom"
	opdsAcquisition = "application/atom+xml;profile=opds-catalog;kind=acquisition"
	opdsNavigation  = "application/atom+xml;profile=opds-catalog;kind=navigation"
	openSearchType  = "application/opensearchdescription+xml"
	// openAccess is OPDS's relation of a file anyone may take, free.
	openAccess = "http://opds-spec.org/acquisition/open-access"
)

// feedTime writes a date as Atom does.
func feedTime(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// abs is a file's address from the site's root: absolute with a base URL.
func (s *siteData) abs(p string) string {
	if s.Base == "" {
		return p
	}
	return s.Base + "/" + p
}

// sizeOf is a file's length in bytes (0 when it is not there).
func sizeOf(out, p string) int64 {
	st, err := os.Stat(filepath.Join(out, filepath.FromSlash(p)))
	if err != nil {
		return 0
	}
	return st.Size()
}

// uuid is a name-based UUID of the parts, as epub.Identifier makes an
// issue's: stable ids for feed entries.
func uuid(parts ...any) string {
	sum := sha256.Sum256(fmt.Append(nil, parts...))
	h := sum[:16]
	h[6] = (h[6] & 0x0f) | 0x50
	h[8] = (h[8] & 0x3f) | 0x80
	x := hex.EncodeToString(h)
	return "urn:uuid:" + x[0:8] + "-" + x[8:12] + "-" + x[12:16] + "-" + x[16:20] + "-" + x[20:32]
}

func writeFeeds(out string, s *siteData) error {
	stamp := feedTime(s.Updated)
	id := uuid("magz-site", s.Magazine)
	var author *atomName
	if s.Publisher != "" {
		author = &atomName{s.Publisher}
	}
	search := atomLink{Rel: "search", Href: s.abs("opensearch.xml"), Type: openSearchType, Title: s.SL.SearchLabel}
	opds := atomFeed{Xmlns: atomNS, DC: "http://purl.org/dc/terms/", OPDS: "http://opds-spec.org/2010/catalog", Lang: s.Language,
		ID: id + ":opds", Title: s.Magazine, Updated: stamp, Author: author, Icon: s.abs(s.Icons.Large),
		Links: []atomLink{{Rel: "self", Href: s.abs("opds.xml"), Type: opdsAcquisition}, {Rel: "start", Href: s.abs("catalog.xml"), Type: opdsNavigation},
			{Rel: "alternate", Href: s.abs("index.html"), Type: "text/html"}, search}}
	atom := atomFeed{Xmlns: atomNS, Lang: s.Language, ID: id, Title: s.Magazine, Updated: stamp, Author: author, Icon: s.abs(s.Icons.Large),
		Links: []atomLink{{Rel: "self", Href: s.abs("feed.xml"), Type: "application/atom+xml"}, {Rel: "alternate", Href: s.abs("index.html"), Type: "text/html"}}}
	for _, p := range s.Issues {
		iss := p.Issue
		date := feedTime(iss.Date)
		e := atomEntry{Title: p.Title, ID: epub.Identifier(iss), Updated: date, Published: date,
			Language: iss.Language, Publisher: iss.Publisher, Issued: iss.Date.Format("2006-01-02"),
			Summary: &atomText{Text: s.issueDescription(p)}}
		if iss.Publisher != "" {
			e.Authors = []atomName{{iss.Publisher}}
		}
		var acquire []atomLink
		for _, d := range p.Downloads {
			acquire = append(acquire, atomLink{Href: s.abs(d.Href), Type: d.Type, Title: d.Label, Length: d.Length})
		}
		for _, l := range acquire {
			l.Rel = openAccess
			e.Links = append(e.Links, l)
		}
		if c := p.Cover; c != nil {
			e.Links = append(e.Links, atomLink{Rel: "http://opds-spec.org/image", Href: s.abs(c.Src), Type: "image/jpeg", Length: sizeOf(out, c.Src)},
				atomLink{Rel: "http://opds-spec.org/image/thumbnail", Href: s.abs(p.Thumb.Src), Type: "image/jpeg", Length: sizeOf(out, p.Thumb.Src)})
		}
		e.Links = append(e.Links, atomLink{Rel: "alternate", Href: s.abs(p.Name + "/index.html"), Type: "text/html"})
		opds.Entries = append(opds.Entries, e)

		// the feed: the issue, its editions as enclosures, then its articles
		ie := atomEntry{Title: p.Title, ID: e.ID, Updated: date, Published: date, Authors: e.Authors, Summary: e.Summary,
			Content: &atomText{Type: "html", Text: s.issueContent(p)},
			Links:   []atomLink{{Rel: "alternate", Href: s.abs(p.Name + "/index.html"), Type: "text/html"}}}
		for _, l := range acquire {
			l.Rel = "enclosure"
			ie.Links = append(ie.Links, l)
		}
		atom.Entries = append(atom.Entries, ie)
		for _, ap := range p.Pages {
			atom.Entries = append(atom.Entries, s.articleEntry(out, p, ap, date))
		}
	}
	nav := atomFeed{Xmlns: atomNS, Lang: s.Language, ID: id + ":catalog", Title: s.Magazine, Updated: stamp, Author: author, Icon: s.abs(s.Icons.Large),
		Links: []atomLink{{Rel: "self", Href: s.abs("catalog.xml"), Type: opdsNavigation}, {Rel: "start", Href: s.abs("catalog.xml"), Type: opdsNavigation}, search},
		Entries: []atomEntry{{Title: s.Lab.Archive, ID: id + ":opds", Updated: stamp, Summary: &atomText{Text: s.Magazine},
			Links: []atomLink{{Rel: "subsection", Href: s.abs("opds.xml"), Type: opdsAcquisition}}}}}
	for _, f := range []struct {
		name string
		feed atomFeed
	}{{"opds.xml", opds}, {"feed.xml", atom}, {"catalog.xml", nav}} {
		if err := writeXML(filepath.Join(out, f.name), f.feed); err != nil {
			return err
		}
	}
	if err := writeOpenSearch(out, s); err != nil {
		return err
	}
	if err := writeManifest(out, s); err != nil {
		return err
	}
	if err := writeSitemap(out, s); err != nil {
		return err
	}
	robots := "User-agent: *\nAllow: /\n"
	if s.Base != "" {
		robots += "Sitemap: " + s.Base + "/sitemap.xml\n"
	}
	return writeFile(filepath.Join(out, "robots.txt"), []byte(robots))
}

// articleEntry is an article in the Atom feed: its summary, its section,
// its authors, and its picture as an enclosure.
func (s *siteData) articleEntry(out string, p *issuePage, ap *articlePage, date string) atomEntry {
	a := ap.Article
	e := atomEntry{Title: a.Title, ID: uuid("magz-article", p.Issue.Magazine, p.Issue.Number, a.Slug), Updated: date, Published: date,
		Summary: &atomText{Text: ap.Summary}, Links: []atomLink{{Rel: "alternate", Href: s.abs(p.Name + "/" + ap.Href), Type: "text/html"}}}
	for _, name := range splitAuthors(a.Author) {
		if name != "" {
			e.Authors = append(e.Authors, atomName{name})
		}
	}
	if len(e.Authors) == 0 && p.Issue.Publisher != "" {
		e.Authors = []atomName{{p.Issue.Publisher}} // Atom wants an author for each entry
	}
	if a.Section != "" {
		e.Categories = []atomCategory{{Term: slugOr(a.Section), Label: a.Section}}
	}
	if card := p.Name + "/" + ap.Card.Link; ap.Card.Link != "" {
		e.Links = append(e.Links, atomLink{Rel: "enclosure", Href: s.abs(card), Type: "image/jpeg", Length: sizeOf(out, card), Title: a.Title})
		// what feed readers show: the article's picture and its summary
		e.Content = &atomText{Type: "html", Text: `<p><img src="` + html.EscapeString(s.abs(card)) + `" width="1200" height="630" alt=""></p>` +
			"<p>" + html.EscapeString(ap.Summary) + "</p>"}
	}
	return e
}

// issueContent is an issue as feed readers show it: its cover, its
// contents linked to the articles, and its editions.
func (s *siteData) issueContent(p *issuePage) string {
	var b strings.Builder
	if c := p.Cover; c != nil {
		b.WriteString(`<p><img src="` + html.EscapeString(s.abs(c.Src)) + `" width="` + strconv.Itoa(c.W) + `" height="` + strconv.Itoa(c.H) +
			`" alt="` + html.EscapeString(c.Alt) + `"></p>`)
	}
	b.WriteString("<ul>")
	for _, ap := range p.Pages {
		b.WriteString(`<li><a href="` + html.EscapeString(s.abs(p.Name+"/"+ap.Href)) + `">` + html.EscapeString(ap.Article.Title) + "</a></li>")
	}
	b.WriteString("</ul><p>")
	for i, d := range p.Downloads {
		if i > 0 {
			b.WriteString(" · ")
		}
		b.WriteString(`<a href="` + html.EscapeString(s.abs(d.Href)) + `">` + html.EscapeString(d.Label) + "</a> (" + d.Size + ")")
	}
	return b.String() + "</p>"
}

func writeXML(path string, v any) error {
	data, err := xml.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	return writeFile(path, append([]byte(xml.Header), append(data, '\n')...))
}

// writeOpenSearch writes the OpenSearch description of the site's search,
// which browsers and catalog apps offer as a search field.
func writeOpenSearch(out string, s *siteData) error {
	short := []rune(s.Magazine)
	if len(short) > 16 { // OpenSearch's limit
		short = short[:16]
	}
	type url struct {
		Type     string `xml:"type,attr"`
		Template string `xml:"template,attr"`
	}
	type image struct {
		W    int    `xml:"width,attr"`
		H    int    `xml:"height,attr"`
		Type string `xml:"type,attr"`
		Src  string `xml:",chardata"`
	}
	return writeXML(filepath.Join(out, "opensearch.xml"), struct {
		XMLName     xml.Name `xml:"OpenSearchDescription"`
		Xmlns       string   `xml:"xmlns,attr"`
		ShortName   string
		Description string
		Language    string
		Encoding    string `xml:"InputEncoding"`
		Image       image
		URL         url `xml:"Url"`
	}{Xmlns: "http://a9.com/-/spec/opensearch/1.1/", ShortName: string(short), Description: s.SL.SearchLabel + " · " + s.Magazine,
		Language: s.Language, Encoding: "UTF-8", Image: image{32, 32, "image/png", s.abs(s.Icons.Small)},
		URL: url{"text/html", s.abs("search.html") + "?q={searchTerms}"}})
}

// writeManifest writes the web app manifest: the name and icons a phone
// gives the site on its home screen.
func writeManifest(out string, s *siteData) error {
	type icon struct {
		Src   string `json:"src"`
		Sizes string `json:"sizes"`
		Type  string `json:"type"`
	}
	short := s.Magazine
	if len([]rune(short)) > 12 {
		short = initials(short)
	}
	data, err := json.MarshalIndent(map[string]any{
		"name": s.Magazine, "short_name": short, "lang": s.Language, "start_url": "index.html", "display": "browser",
		"background_color": string(s.Colours.Paper), "theme_color": string(s.Colours.Deep),
		"icons": []icon{{s.Icons.Large, "192x192", "image/png"}, {s.Icons.Huge, "512x512", "image/png"}},
	}, "", "  ")
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(out, "manifest.webmanifest"), append(data, '\n'))
}

// writeSitemap lists every page with the date it last changed (its
// issue's; the site's newest for the pages over all issues). It needs
// absolute addresses: none without a base URL.
func writeSitemap(out string, s *siteData) error {
	path := filepath.Join(out, "sitemap.xml")
	if s.Base == "" {
		os.Remove(path)
		return nil
	}
	type url struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod"`
	}
	day := func(t time.Time) string { return t.Format("2006-01-02") }
	newest := day(s.Updated)
	urls := []url{{s.abs("index.html"), newest}, {s.abs("search.html"), newest}}
	for _, p := range s.Issues {
		d := day(p.Issue.Date)
		urls = append(urls, url{s.abs(p.Name + "/index.html"), d})
		for _, ap := range p.Pages {
			urls = append(urls, url{s.abs(p.Name + "/" + ap.Href), d})
		}
	}
	for _, l := range append(append([]*listPage(nil), s.Sections...), s.Authors...) {
		urls = append(urls, url{s.abs(l.Href), day(l.Articles[0].Issue.Issue.Date)})
	}
	return writeXML(path, struct {
		XMLName xml.Name `xml:"urlset"`
		Xmlns   string   `xml:"xmlns,attr"`
		URLs    []url    `xml:"url"`
	}{Xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9", URLs: urls})
}
