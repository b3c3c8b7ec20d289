package site

import (
	"encoding/xml"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"magz/internal/doc"
	"magz/internal/locale"
)

// The OPDS 1.2 acquisition feed (an Atom feed e-book apps browse), the
// Atom feed of issues, and the sitemap.

type atomLink struct {
	Rel   string `xml:"rel,attr,omitempty"`
	Href  string `xml:"href,attr"`
	Type  string `xml:"type,attr,omitempty"`
	Title string `xml:"title,attr,omitempty"`
}

type atomEntry struct {
	Title     string     `xml:"title"`
	ID        string     `xml:"id"`
	Updated   string     `xml:"updated"`
	Author    *atomName  `xml:"author,omitempty"`
	Language  string     `xml:"dc:language,omitempty"`
	Publisher string     `xml:"dc:publisher,omitempty"`
	Issued    string     `xml:"dc:issued,omitempty"`
	Summary   string     `xml:"summary,omitempty"`
	Links     []atomLink `xml:"link"`
}

type atomName struct {
	Name string `xml:"name"`
}

type atomFeed struct {
	XMLName xml.Name    `xml:"feed"`
	Xmlns   string      `xml:"xmlns,attr"`
	DC      string      `xml:"xmlns:dc,attr,omitempty"`
	OPDS    string      `xml:"xmlns:opds,attr,omitempty"`
	ID      string      `xml:"id"`
	Title   string      `xml:"title"`
	Updated string      `xml:"updated"`
	Author  *atomName   `xml:"author,omitempty"`
	Links   []atomLink  `xml:"link"`
	Entries []atomEntry `xml:"entry"`
}

const (
	opdsAcquisition = "application/atom+xml;profile=opds-catalog;kind=acquisition"
	opdsNavigation  = "application/atom+xml;profile=opds-catalog;kind=navigation"
)

func writeFeeds(out, base string, latest *doc.Issue, pages []issuePage, updated time.Time, lab locale.Labels) error {
	abs := func(p string) string {
		if base == "" {
			return p
		}
		return base + "/" + p
	}
	id := "urn:magz:" + slug(latest.Magazine)
	stamp := updated.UTC().Format(time.RFC3339)
	var author *atomName
	if latest.Publisher != "" {
		author = &atomName{latest.Publisher}
	}
	opds := atomFeed{Xmlns: "http://www.w3.org/2005/Atom", DC: "http://purl.org/dc/terms/", OPDS: "http://opds-spec.org/2010/catalog",
		ID: id + ":opds", Title: latest.Magazine, Updated: stamp, Author: author,
		Links: []atomLink{{Rel: "self", Href: abs("opds.xml"), Type: opdsAcquisition}, {Rel: "start", Href: abs("opds.xml"), Type: opdsAcquisition}}}
	atom := atomFeed{Xmlns: "http://www.w3.org/2005/Atom", ID: id, Title: latest.Magazine, Updated: stamp, Author: author,
		Links: []atomLink{{Rel: "self", Href: abs("feed.xml"), Type: "application/atom+xml"}, {Rel: "alternate", Href: abs("index.html"), Type: "text/html"}}}
	var sitemap []string
	sitemap = append(sitemap, abs("index.html"))
	for _, p := range pages {
		iss := p.Issue
		title := iss.Magazine + " " + lab.Issue + " " + itoa(iss.Number)
		if iss.Title != "" {
			title += ": " + iss.Title
		}
		var summary string
		for i, a := range iss.Articles {
			if i > 0 {
				summary += " · "
			}
			summary += a.Title
		}
		e := atomEntry{Title: title, ID: id + ":" + p.Name, Updated: iss.Date.UTC().Format(time.RFC3339), Author: author,
			Language: iss.Language, Publisher: iss.Publisher, Issued: iss.Date.Format("2006-01-02"), Summary: summary}
		for _, d := range p.Downloads {
			e.Links = append(e.Links, atomLink{Rel: "http://opds-spec.org/acquisition", Href: abs(d.Href), Type: d.Type, Title: d.Label})
		}
		if p.Cover != "" {
			e.Links = append(e.Links, atomLink{Rel: "http://opds-spec.org/image", Href: abs(p.Cover), Type: "image/jpeg"},
				atomLink{Rel: "http://opds-spec.org/image/thumbnail", Href: abs(p.Thumb), Type: "image/jpeg"})
		}
		e.Links = append(e.Links, atomLink{Rel: "alternate", Href: abs(p.Name + "/index.html"), Type: "text/html"})
		opds.Entries = append(opds.Entries, e)
		ae := e
		ae.Language, ae.Publisher, ae.Issued = "", "", ""
		ae.Links = []atomLink{{Rel: "alternate", Href: abs(p.Name + "/index.html"), Type: "text/html"}}
		atom.Entries = append(atom.Entries, ae)
		sitemap = append(sitemap, abs(p.Name+"/index.html"))
	}
	// the catalog's root, a navigation feed: the issues' acquisition feed
	nav := atomFeed{Xmlns: "http://www.w3.org/2005/Atom", ID: id + ":catalog", Title: latest.Magazine, Updated: stamp, Author: author,
		Links: []atomLink{{Rel: "self", Href: abs("catalog.xml"), Type: opdsNavigation}, {Rel: "start", Href: abs("catalog.xml"), Type: opdsNavigation}},
		Entries: []atomEntry{{Title: lab.Archive, ID: id + ":opds", Updated: stamp, Summary: latest.Magazine,
			Links: []atomLink{{Rel: "subsection", Href: abs("opds.xml"), Type: opdsAcquisition}}}}}
	opds.Links = append(opds.Links[:1], atomLink{Rel: "start", Href: abs("catalog.xml"), Type: opdsNavigation})
	for name, f := range map[string]atomFeed{"opds.xml": opds, "feed.xml": atom, "catalog.xml": nav} {
		data, err := xml.MarshalIndent(f, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, name), append([]byte(xml.Header), append(data, '\n')...), 0o644); err != nil {
			return err
		}
	}
	if base == "" {
		return nil // a sitemap needs absolute addresses
	}
	type url struct {
		Loc string `xml:"loc"`
	}
	sm := struct {
		XMLName xml.Name `xml:"urlset"`
		Xmlns   string   `xml:"xmlns,attr"`
		URLs    []url    `xml:"url"`
	}{Xmlns: "http://www.sitemaps.org/schemas/sitemap/0.9"}
	for _, u := range sitemap {
		sm.URLs = append(sm.URLs, url{u})
	}
	data, err := xml.MarshalIndent(sm, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(out, "sitemap.xml"), append([]byte(xml.Header), append(data, '\n')...), 0o644)
}

func itoa(n int) string { return strconv.Itoa(n) }

// slug writes a name in lower-case letters, digits and hyphens, for ids.
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) && r < 0x80 || unicode.IsDigit(r) {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
