package site

import (
	"html/template"

	"magz/internal/locale"
	"magz/internal/theme"
	"magz/layout/page"
)

// The pages share one frame: the magazine's name, the page's own part,
// and a foot with the catalogs. System fonts, no script, no requests
// outside the site; readable from 320 px wide.
const frame = `{{define "frame"}}<!DOCTYPE html>
<html lang="{{.Language}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{template "title" .}}</title>
<meta name="description" content="{{template "description" .}}">
<meta property="og:type" content="website">
<meta property="og:title" content="{{template "title" .}}">
<meta property="og:description" content="{{template "description" .}}">
{{if and .Base .OGImage}}<meta property="og:image" content="{{.Base}}/{{.OGImage}}">
<meta name="twitter:card" content="summary_large_image">{{end}}
<link rel="alternate" type="application/atom+xml;profile=opds-catalog;kind=navigation" title="OPDS" href="{{.Root}}catalog.xml">
<link rel="alternate" type="application/atom+xml" title="Atom" href="{{.Root}}feed.xml">
<style>
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: {{.Colours.Ink}}; background: #fff; line-height: 1.5; }
body > header, main, body > footer { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
body > header { border-bottom: 2px solid {{.Colours.Deep}}; }
body > header a { color: {{.Colours.Deep}}; text-decoration: none; font-weight: 900; font-size: 1.6rem; display: inline-block; padding: 0.6rem 0; }
h1, h2 { color: {{.Colours.Deep}}; line-height: 1.2; }
a { color: {{.Colours.Deep}}; }
.issue { display: grid; gap: 1.5rem; grid-template-columns: 1fr; margin: 1.5rem 0; }
@media (min-width: 40rem) { .issue { grid-template-columns: 2fr 3fr; } }
.issue img, .archive img { width: 100%; height: auto; display: block; border: 1px solid #ddd; }
.meta { color: {{.Colours.Muted}}; }
.section { text-transform: uppercase; font-size: 0.8rem; font-weight: bold; color: {{.Colours.Accent}}; letter-spacing: 0.05em; }
ol.contents { list-style: none; padding: 0; }
ol.contents li { margin: 0 0 0.8rem; }
.downloads { list-style: none; padding: 0; }
.downloads li { margin: 0 0 0.8rem; }
.downloads a { font-weight: bold; }
.sum { font-family: ui-monospace, monospace; font-size: 0.75rem; color: {{.Colours.Muted}}; overflow-wrap: anywhere; }
.archive { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); list-style: none; padding: 0; }
.archive a { text-decoration: none; color: inherit; }
.article { max-width: 40rem; }
.article img { max-width: 100%; height: auto; }
.article figure { margin: 1.5rem 0; }
.article figcaption { font-size: 0.9rem; color: {{.Colours.Muted}}; }
.article .standfirst { font-size: 1.2rem; }
.article aside { border-top: 2px solid {{.Colours.Accent}}; border-bottom: 2px solid {{.Colours.Accent}}; padding: 0.5rem 0; font-size: 1.2rem; font-style: italic; color: {{.Colours.Accent}}; }
.article blockquote { border-left: 3px solid {{.Colours.Accent}}; margin-left: 0; padding-left: 1rem; }
.article pre { white-space: pre-wrap; background: {{.Colours.Tint}}; padding: 0.5rem; }
.article table { border-collapse: collapse; }
.article th, .article td { border-bottom: 1px solid #999; padding: 0.2rem 0.4rem; text-align: left; }
.pager { display: flex; justify-content: space-between; gap: 1rem; margin: 2rem 0; }
body > footer { border-top: 1px solid #ddd; margin-top: 2rem; padding: 1rem; color: {{.Colours.Muted}}; font-size: 0.9rem; }
</style>
</head>
<body>
<header><a href="{{.Root}}index.html">{{.Magazine}}</a></header>
<main>
{{template "content" .}}
</main>
<footer>{{.Latest.Issue.Publisher}} · <a href="{{.Root}}catalog.xml">OPDS</a> · <a href="{{.Root}}feed.xml">Atom</a></footer>
</body>
</html>
{{end}}
{{define "issue"}}<section class="issue" aria-labelledby="issue-{{.P.Name}}">
{{if .P.Cover}}<div><img src="{{.Root}}{{.P.Cover}}" alt="{{.P.Alt}}" width="600"></div>{{end}}
<div>
<h{{.Level}} id="issue-{{.P.Name}}">{{.P.Issue.Magazine}} {{.Lab.Issue}} {{.P.Issue.Number}}{{if .P.Issue.Title}}: {{.P.Issue.Title}}{{end}}</h{{.Level}}>
<p class="meta">{{.P.Date}}</p>
<h{{.Sub}}>{{.Lab.Contents}}</h{{.Sub}}>
<ol class="contents">
{{range .P.Pages}}{{with .Article}}<li>{{if .Section}}<span class="section">{{.Section}}</span><br>{{end}}<strong><a href="{{$.Root}}{{$.P.Name}}/{{.Slug}}.html">{{.Title}}</a></strong>{{if $.Standfirsts}}{{if .Subtitle}}<br>{{.Subtitle}}{{end}}{{end}}{{if .Author}}<br><span class="meta">{{$.Lab.By}} {{.Author}}</span>{{end}}</li>
{{end}}{{end}}</ol>
<h{{.Sub}}>{{.Lab.Download}}</h{{.Sub}}>
<ul class="downloads">
{{range .P.Downloads}}<li><a href="{{$.Root}}{{.Href}}" type="{{.Type}}" download>{{.Label}}</a> ({{.Size}})<br><span class="sum">{{$.Lab.Checksum}} {{.Sum}}</span></li>
{{end}}</ul>
{{if and .Standfirsts .P.Kit}}<h{{.Sub}}>{{.Lab.Share}}</h{{.Sub}}>
<ul class="downloads">
{{range .P.Kit}}<li><a href="{{.Href}}" download>{{.Label}}</a></li>
{{end}}</ul>{{end}}
</div>
</section>
{{end}}`

const index = `{{define "title"}}{{.Magazine}}{{end}}
{{define "description"}}{{.Lab.Latest}}: {{.Magazine}} {{.Lab.Issue}} {{.Latest.Issue.Number}}{{if .Latest.Issue.Title}}, {{.Latest.Issue.Title}}{{end}}{{end}}
{{define "content"}}<h1>{{.Lab.Latest}}</h1>
{{template "issue" (args . .Latest 2 3 false)}}
<h2>{{.Lab.Archive}}</h2>
<ul class="archive">
{{range .All}}<li><a href="{{.Name}}/index.html">{{if .Thumb}}<img src="{{.Thumb}}" alt="" width="300">{{end}}{{$.Lab.Issue}} {{.Issue.Number}}<br><span class="meta">{{.Date}}</span></a></li>
{{end}}</ul>
{{end}}`

const issue = `{{define "title"}}{{.Magazine}} {{.Lab.Issue}} {{.Latest.Issue.Number}}{{end}}
{{define "description"}}{{.Magazine}} {{.Lab.Issue}} {{.Latest.Issue.Number}}{{if .Latest.Issue.Title}}, {{.Latest.Issue.Title}}{{end}} · {{.Latest.Date}}{{end}}
{{define "content"}}{{template "issue" (args . .Latest 1 2 true)}}
<p><a href="../index.html">{{.Lab.Archive}}</a></p>
{{end}}`

// issueArgs is what the issue block is given: the page's data, the issue,
// its heading levels, and whether standfirsts are shown.
type issueArgs struct {
	Root        string
	Lab         locale.Labels
	P           issuePage
	Level, Sub  int
	Standfirsts bool
}

// pageData is what a page is given.
type pageData struct {
	Magazine, Language, Base string
	Lab                      locale.Labels
	Latest                   issuePage
	All                      []issuePage
	Root                     string       // from the page to the site's root
	Article                  *articlePage // on an article's page
	Colours                  colours      // the magazine's, from its theme
}

// colours are a theme's colours as the site's style sheet writes them.
type colours struct{ Ink, Deep, Accent, Muted, Tint template.CSS }

func coloursOf(th theme.Theme) colours {
	c := func(col page.Color) template.CSS { return template.CSS(theme.Hex(col)) }
	return colours{Ink: c(th.Ink), Deep: c(th.Deep), Accent: c(th.Accent), Muted: c(th.Muted), Tint: c(th.Tint)}
}

// OGImage is the picture of a shared link to the page: an article's
// first photo, else the issue's cover cut to shape.
func (d pageData) OGImage() string {
	if d.Article != nil && d.Article.Image != "" {
		return d.Article.Image
	}
	return d.Latest.Share
}

var funcs = template.FuncMap{
	"args": func(d pageData, p issuePage, level, sub int, standfirsts bool) issueArgs {
		return issueArgs{Root: d.Root, Lab: d.Lab, P: p, Level: level, Sub: sub, Standfirsts: standfirsts}
	},
}

const article = `{{define "title"}}{{.Article.Article.Title}} · {{.Magazine}}{{end}}
{{define "description"}}{{if .Article.Article.Subtitle}}{{.Article.Article.Subtitle}}{{else}}{{.Magazine}} {{.Lab.Issue}} {{.Latest.Issue.Number}}{{end}}{{end}}
{{define "content"}}<nav class="meta" aria-label="{{.Lab.Issue}}"><a href="index.html">{{.Magazine}} {{.Lab.Issue}} {{.Latest.Issue.Number}}</a></nav>
<div class="article">
{{.Article.Body}}
</div>
<nav class="pager">{{with .Article.Prev}}<a rel="prev" href="{{.Href}}">← {{.Article.Title}}</a>{{end}} {{with .Article.Next}}<a rel="next" href="{{.Href}}">{{.Article.Title}} →</a>{{end}}</nav>
{{end}}`

var (
	articlePageT = template.Must(template.Must(template.New("frame").Funcs(funcs).Parse(frame)).Parse(article)).Lookup("frame")
	indexPage    = template.Must(template.Must(template.New("frame").Funcs(funcs).Parse(frame)).Parse(index)).Lookup("frame")
	issuePageT   = template.Must(template.Must(template.New("frame").Funcs(funcs).Parse(frame)).Parse(issue)).Lookup("frame")
)
