package site

import (
	"encoding/json"
	"html/template"
	"strings"
)

// Structured data (schema.org, as JSON-LD): the magazine is a Periodical,
// each issue a PublicationIssue of it, each article an Article of its
// issue — what search engines read to show the magazine as one.

type ld = map[string]any

// periodical is the magazine.
func (s *siteData) periodical() ld {
	m := ld{"@type": "Periodical", "name": s.Magazine, "inLanguage": s.Language}
	if s.Base != "" {
		m["url"] = s.Base + "/"
	}
	if s.Publisher != "" {
		m["publisher"] = s.organization()
	}
	return m
}

func (s *siteData) organization() ld {
	o := ld{"@type": "Organization", "name": s.Publisher}
	if s.Base != "" && s.Logo != nil {
		o["logo"] = s.abs(s.Logo.Src)
	}
	return o
}

// publicationIssue is an issue, part of the magazine.
func (s *siteData) publicationIssue(p *issuePage) ld {
	m := ld{"@type": "PublicationIssue", "issueNumber": p.Issue.Number, "datePublished": p.Issue.Date.Format("2006-01-02"),
		"name": p.Title, "isPartOf": s.periodical()}
	if s.Base != "" {
		m["url"] = s.abs(p.Name + "/")
		if p.Cover != nil {
			m["image"] = s.abs(p.Cover.Src)
		}
	}
	return m
}

func (s *siteData) periodicalLD() template.JS {
	m := s.periodical()
	m["@context"] = "https://schema.org"
	return jsonLD(m)
}

func (s *siteData) issueLD(p *issuePage) template.JS {
	m := s.publicationIssue(p)
	m["@context"] = "https://schema.org"
	var parts []ld
	for _, ap := range p.Pages {
		a := ld{"@type": "Article", "headline": ap.Article.Title}
		if s.Base != "" {
			a["url"] = s.abs(p.Name + "/" + ap.Href)
		}
		parts = append(parts, a)
	}
	if len(parts) > 0 {
		m["hasPart"] = parts
	}
	return jsonLD(m)
}

func (s *siteData) articleLD(ap *articlePage) template.JS {
	a, p := ap.Article, ap.Issue
	m := ld{"@context": "https://schema.org", "@type": "Article", "headline": clip(a.Title, 110), "datePublished": p.Issue.Date.Format("2006-01-02"),
		"inLanguage": s.Language, "isPartOf": s.publicationIssue(p)}
	if ap.Summary != "" {
		m["description"] = ap.Summary
	}
	if a.Section != "" {
		m["articleSection"] = a.Section
	}
	var authors []ld
	for _, name := range splitAuthors(a.Author) {
		if name = strings.TrimSpace(name); name != "" {
			person := ld{"@type": "Person", "name": name}
			if s.Base != "" {
				person["url"] = s.abs(authorHref(name))
			}
			authors = append(authors, person)
		}
	}
	if len(authors) > 0 {
		m["author"] = authors
	}
	if s.Publisher != "" {
		m["publisher"] = s.organization()
	}
	if s.Base != "" {
		m["url"] = s.abs(p.Name + "/" + ap.Href)
		m["mainEntityOfPage"] = s.abs(p.Name + "/" + ap.Href)
		var imgs []string
		if ap.Photo != nil {
			imgs = append(imgs, s.abs(ap.Photo.Src))
		}
		if ap.Card.Link != "" {
			imgs = append(imgs, s.abs(p.Name+"/"+ap.Card.Square), s.abs(p.Name+"/"+ap.Card.Link))
		}
		m["image"] = imgs
	}
	return jsonLD(m)
}

// jsonLD writes structured data for a script element (json escapes <, >
// and & so that nothing in it can close the element).
func jsonLD(v any) template.JS {
	data, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return template.JS(data)
}
