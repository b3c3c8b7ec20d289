package site

import (
	"fmt"
	"html/template"
	"net/url"
	"path/filepath"
	"strings"

	"magz/internal/locale"
)

// pageData is what one page is given: the site, where the page is, and
// what it shows.
type pageData struct {
	*siteData
	Root        string // from the page to the site's root: "" or "../"
	Path        string // the page from the site's root: issue-12/index.html
	Title       string
	Description string
	Type        string // Open Graph's: website, article
	Image       *cardImage
	JSONLD      template.JS
	Issue       *issuePage   // on an issue's and an article's page
	Article     *articlePage // on an article's page
	List        *listPage    // on a section's or an author's page
	ListKind    string       // the list's heading before its name
	Search      *searchData
}

// cardImage is the picture of a shared link to the page.
type cardImage struct {
	Src  string // from the site's root
	W, H int
	Alt  string
}

// URL is the page's absolute address ("" without a base URL).
func (d pageData) URL() string {
	if d.Base == "" {
		return ""
	}
	return d.Base + "/" + d.Path
}

// Abs is a file's absolute address, from the site's root.
func (d pageData) Abs(p string) string {
	if d.Base == "" {
		return ""
	}
	return d.Base + "/" + p
}

// Share are the links that share the page, plain links to each service's
// own sharing page (no script of theirs on ours); none without a base URL.
func (d pageData) Share() []shareLink {
	u := d.URL()
	if u == "" {
		return nil
	}
	return shareLinks(u, d.Title, d.SL.Email)
}

type shareLink struct{ Name, Href string }

func shareLinks(u, title, email string) []shareLink {
	q := func(s string) string { return strings.ReplaceAll(url.QueryEscape(s), "+", "%20") }
	return []shareLink{
		{"WhatsApp", "https://wa.me/?text=" + q(title+" "+u)},
		{"Facebook", "https://www.facebook.com/sharer/sharer.php?u=" + q(u)},
		{"X", "https://x.com/intent/post?text=" + q(title) + "&url=" + q(u)},
		{"Telegram", "https://t.me/share/url?url=" + q(u) + "&text=" + q(title)},
		{email, "mailto:?subject=" + q(title) + "&body=" + q(u)},
	}
}

// TextFamily and DisplayFamily are the CSS font families of the
// magazine's text and display faces.
func (d pageData) TextFamily() template.CSS    { return template.CSS(d.families.text) }
func (d pageData) DisplayFamily() template.CSS { return template.CSS(d.families.display) }

// LogoHeight is the header logo's height in CSS pixels.
func (d pageData) LogoHeight() int { return logoHeight }

// CoverRatio is the covers' width/height, for the space they take before
// they load.
func (d pageData) CoverRatio() template.CSS {
	for _, p := range d.Issues {
		if p.Cover != nil {
			return template.CSS(fmt.Sprintf("%d / %d", p.Cover.W, p.Cover.H))
		}
	}
	return "3 / 4"
}

var funcs = template.FuncMap{
	// srcset writes a picture's srcset from a page at root.
	"srcset": func(root string, p *picture) string {
		var out []string
		for _, c := range strings.Split(p.Srcset, ", ") {
			out = append(out, root+c)
		}
		return strings.Join(out, ", ")
	},
	"date":   func(t interface{ Format(string) string }) string { return t.Format("2006-01-02") },
	"printf": fmt.Sprintf,
}

// frame is every page: the head with its metadata, the site's header, the
// page's own part, and the foot.
const frame = `{{define "frame"}}<!DOCTYPE html>
<html lang="{{.Language}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.Title}}</title>
<meta name="description" content="{{.Description}}">
<meta name="theme-color" content="{{.Colours.Deep}}">
{{with .URL}}<link rel="canonical" href="{{.}}">
<meta property="og:url" content="{{.}}">
{{end}}<meta property="og:type" content="{{.Type}}">
<meta property="og:site_name" content="{{.Magazine}}">
<meta property="og:locale" content="{{.SL.OGLocale}}">
<meta property="og:title" content="{{.Title}}">
<meta property="og:description" content="{{.Description}}">
{{if and .Base .Image}}<meta property="og:image" content="{{.Abs .Image.Src}}">
<meta property="og:image:type" content="image/jpeg">
<meta property="og:image:width" content="{{.Image.W}}">
<meta property="og:image:height" content="{{.Image.H}}">
<meta property="og:image:alt" content="{{.Image.Alt}}">
<meta name="twitter:card" content="summary_large_image">
{{end}}{{with .Article}}<meta property="article:published_time" content="{{date .Issue.Issue.Date}}">
{{with .Article.Section}}<meta property="article:section" content="{{.}}">
{{end}}{{end}}<link rel="icon" href="{{.Root}}{{.Icons.Favicon}}" sizes="32x32">
<link rel="icon" href="{{.Root}}{{.Icons.Large}}" type="image/png" sizes="192x192">
<link rel="apple-touch-icon" href="{{.Root}}{{.Icons.Touch}}">
<link rel="manifest" href="{{.Root}}manifest.webmanifest">
<link rel="alternate" type="application/atom+xml" title="{{.Magazine}} (Atom)" href="{{.Root}}feed.xml">
<link rel="alternate" type="application/atom+xml;profile=opds-catalog;kind=navigation" title="{{.Magazine}} (OPDS)" href="{{.Root}}catalog.xml">
<link rel="search" type="application/opensearchdescription+xml" title="{{.Magazine}}" href="{{.Root}}opensearch.xml">
{{range .Preloads}}<link rel="preload" href="{{$.Root}}{{.}}" as="font" type="font/woff" crossorigin>
{{end}}<style>{{template "style" .}}</style>
{{with .JSONLD}}<script type="application/ld+json">{{.}}</script>
{{end}}</head>
<body>
<a class="skip" href="#main">{{.SL.Skip}}</a>
<header class="site-head"><div class="wrap">
<a class="logo" href="{{.Root}}index.html">{{with .Logo}}<img src="{{$.Root}}{{.Src}}" width="{{.W}}" height="{{.H}}" alt="{{.Alt}}">{{else}}{{.Magazine}}{{end}}</a>
<nav class="site-nav" aria-label="{{.SL.Menu}}"><ul>
<li><a href="{{.Root}}index.html">{{.SL.Home}}</a></li>
<li><a href="{{.Root}}search.html#rubrik">{{.SL.Sections}}</a></li>
<li><a href="{{.Root}}search.html">{{.SL.Search}}</a></li>
</ul></nav>
</div></header>
<main id="main" class="wrap">
{{template "content" .}}
</main>
<footer class="site-foot"><div class="wrap">
<p>{{.Magazine}}{{with .Publisher}} · {{.}}{{end}}</p>
<ul>
<li><a href="{{.Root}}search.html">{{.SL.AllArticles}}</a></li>
<li><a href="{{.Root}}search.html#penulis">{{.SL.Authors}}</a></li>
<li><a href="{{.Root}}catalog.xml">OPDS</a></li>
<li><a href="{{.Root}}feed.xml">Atom</a></li>
</ul>
</div></footer>
</body>
</html>
{{end}}
{{define "downloads"}}<ul class="downloads">
{{range .P.Downloads}}<li><a href="{{$.Root}}{{.Href}}" type="{{.Type}}" download>{{.Label}}</a> ({{.Size}}){{if $.Sums}}<span class="sum">{{$.Lab.Checksum}} {{.Sum}}</span>{{end}}</li>
{{end}}</ul>
{{end}}
{{define "share"}}{{with .Share}}<ul class="share">
{{range .}}<li><a href="{{.Href}}">{{.Name}}</a></li>
{{end}}</ul>
{{end}}{{end}}
{{define "contents"}}<ol class="contents{{if .Rich}} rich{{end}}">
{{range .P.Pages}}<li><div>{{with .Article.Section}}<p class="kicker">{{.}}</p>{{end}}<h{{$.Level}}><a href="{{$.Root}}{{$.P.Name}}/{{.Href}}">{{.Article.Title}}</a></h{{$.Level}}>
{{if $.Rich}}{{with .Article.Subtitle}}<p>{{.}}</p>
{{end}}{{end}}{{with .Article.Author}}<p class="meta">{{$.Lab.By}} {{.}}</p>{{end}}</div>{{if $.Rich}}{{with .Thumb}}
<img src="{{$.Root}}{{.Src}}" width="{{.W}}" height="{{.H}}" alt="" loading="lazy" decoding="async">{{end}}{{end}}</li>
{{end}}</ol>
{{end}}`

const indexT = `{{define "content"}}{{with index .Issues 0}}{{$p := .}}<section class="lead" aria-labelledby="latest">
{{with .Cover}}<a class="cover" href="{{$p.Name}}/index.html"><img src="{{.Src}}" srcset="{{srcset "" .}}" sizes="(min-width: 44rem) 26rem, calc(100vw - 2rem)" width="{{.W}}" height="{{.H}}" alt="{{.Alt}}" fetchpriority="high"></a>{{end}}
<div>
<p class="kicker">{{$.Lab.Latest}} · {{.Date}}</p>
<h1 id="latest"><a href="{{.Name}}/index.html">{{.Title}}</a></h1>
{{template "contents" (contentsOf $ . false)}}
<h2>{{$.Lab.Download}}</h2>
{{template "downloads" (downloadsOf $ . false)}}
</div>
</section>{{end}}
<section aria-labelledby="archive">
<h2 id="archive">{{.Lab.Archive}}</h2>
<ul class="archive">
{{range .Issues}}<li><a href="{{.Name}}/index.html">{{with .Thumb}}<img src="{{.Src}}" srcset="{{srcset "" .}}" sizes="(min-width: 44rem) 11rem, 45vw" width="{{.W}}" height="{{.H}}" alt="" loading="lazy" decoding="async">{{end}}<strong>{{$.Lab.Issue}} {{.Issue.Number}}</strong>{{with .Issue.Title}}{{.}}<br>{{end}}<span class="meta">{{.Date}}</span></a></li>
{{end}}</ul>
</section>
{{end}}`

const issueT = `{{define "content"}}{{with .Issue}}<section class="lead" aria-labelledby="title">
{{with .Cover}}<div class="cover"><img src="../{{.Src}}" srcset="{{srcset "../" .}}" sizes="(min-width: 44rem) 26rem, calc(100vw - 2rem)" width="{{.W}}" height="{{.H}}" alt="{{.Alt}}" fetchpriority="high"></div>{{end}}
<div>
<p class="kicker">{{.Date}}</p>
<h1 id="title">{{.Title}}</h1>
<h2>{{$.Lab.Download}}</h2>
{{template "downloads" (downloadsOf $ . true)}}
{{with $.Share}}<h2>{{$.SL.ShareOn}}</h2>
{{template "share" $}}{{end}}
</div>
</section>
<section aria-labelledby="contents">
<h2 id="contents">{{$.Lab.Contents}}</h2>
{{template "contents" (contentsOf $ . true)}}
</section>
<section class="kit" aria-labelledby="kit">
<h2 id="kit">{{$.Lab.Share}}</h2>
<p>{{$.SL.KitNote}}</p>
<ul>
{{range kitOf .}}<li><img src="{{.Thumb}}" width="{{thumbW}}" height="{{thumbW}}" alt="" loading="lazy" decoding="async">
<p>{{.Title}}</p>
<p><a href="{{.Square}}" download>{{$.SL.SquareCard}} 1080×1080</a><br><a href="{{.Story}}" download>{{$.SL.StoryCard}} 1080×1920</a><br><a href="{{.Link}}" download>{{$.SL.LinkPicture}} 1200×630</a></p></li>
{{end}}</ul>
</section>{{end}}
{{end}}`

const articleT = `{{define "content"}}{{with .Article}}<div class="article">
{{.Body}}
</div>
<aside class="after" aria-label="{{$.SL.ShareOn}} · {{$.SL.DownloadIssue}}">
{{with $.Share}}<h2>{{$.SL.ShareOn}}</h2>
{{template "share" $}}{{end}}
<h2>{{$.SL.DownloadIssue}}</h2>
{{template "downloads" (downloadsOf $ .Issue false)}}
</aside>
<nav class="pager" aria-label="{{$.SL.Previous}} / {{$.SL.Next}}">
{{with .Prev}}<a rel="prev" href="{{.Href}}"><span>← {{$.SL.Previous}}</span>{{.Article.Title}}</a>{{end}}
{{with .Next}}<a class="next" rel="next" href="{{.Href}}"><span>{{$.SL.Next}} →</span>{{.Article.Title}}</a>{{end}}
</nav>{{end}}
{{end}}`

const listT = `{{define "content"}}{{with .List}}<h1>{{$.ListKind}} {{.Name}}</h1>
<ol class="list">
{{range .Articles}}<li>{{with .Article.Section}}<p class="kicker">{{.}}</p>{{end}}<h2><a href="../{{.Issue.Name}}/{{.Href}}">{{.Article.Title}}</a></h2>
<p>{{.Summary}}</p>
<p class="meta">{{with .Article.Author}}{{$.Lab.By}} {{.}} · {{end}}<a href="../{{.Issue.Name}}/index.html">{{$.Lab.Issue}} {{.Issue.Issue.Number}}</a> · {{.Issue.Date}}</p></li>
{{end}}</ol>{{end}}
{{end}}`

// pageTemplate is the frame with one kind of page's content.
func pageTemplate(content string) *template.Template {
	t := template.New("frame").Funcs(funcs).Funcs(template.FuncMap{
		"contentsOf": func(d pageData, p *issuePage, rich bool) contentsArgs {
			level := 2 // under the issue's title
			if rich {
				level = 3 // under "Contents"
			}
			return contentsArgs{d.Root, d.Lab, p, rich, level}
		},
		"downloadsOf": func(d pageData, p *issuePage, sums bool) downloadsArgs { return downloadsArgs{d.Root, d.Lab, p, sums} },
		"kitOf":       kitOf,
		"thumbW":      func() int { return thumbWidth },
	})
	return template.Must(template.Must(template.Must(t.Parse(frame)).Parse(style)).Parse(content))
}

type contentsArgs struct {
	Root  string
	Lab   locale.Labels
	P     *issuePage
	Rich  bool // with standfirsts and photos
	Level int  // the titles' heading level
}

type downloadsArgs struct {
	Root string
	Lab  locale.Labels
	P    *issuePage
	Sums bool
}

// kitOf is an issue's cards, the issue's first, with their names from the
// issue's folder.
func kitOf(p *issuePage) []kitItem {
	out := []kitItem{p.Kit}
	for _, ap := range p.Pages {
		out = append(out, ap.Card)
	}
	return out
}

var (
	indexPage    = pageTemplate(indexT)
	issuePageT   = pageTemplate(issueT)
	articlePageT = pageTemplate(articleT)
	listPageT    = pageTemplate(listT)
	searchPageT  = pageTemplate(searchT)
)

// writePages writes every page of the site.
func (s *siteData) writePages(out string) error {
	used := map[rune]bool{} // the characters of the pages, for the web fonts
	write := func(t *template.Template, d pageData) error {
		var b strings.Builder
		if err := t.Execute(&b, d); err != nil {
			return err
		}
		for _, r := range b.String() {
			used[r] = true
		}
		return writeFile(filepath.Join(out, filepath.FromSlash(d.Path)), []byte(b.String()))
	}
	latest := s.Issues[0]
	home := pageData{siteData: s, Path: "index.html", Title: s.Magazine, Type: "website",
		Description: s.Lab.Latest + ": " + latest.Title + " · " + latest.Date, Image: s.cardOf(latest, latest.Kit), JSONLD: s.periodicalLD()}
	if err := write(indexPage, home); err != nil {
		return err
	}
	for _, p := range s.Issues {
		d := pageData{siteData: s, Root: "../", Path: p.Name + "/index.html", Title: p.Title, Type: "website", Issue: p,
			Description: s.issueDescription(p), Image: s.cardOf(p, p.Kit), JSONLD: s.issueLD(p)}
		if err := write(issuePageT, d); err != nil {
			return err
		}
		for _, ap := range p.Pages {
			d := pageData{siteData: s, Root: "../", Path: p.Name + "/" + ap.Href, Title: ap.Article.Title + " · " + s.Magazine, Type: "article",
				Issue: p, Article: ap, Description: ap.Summary, Image: s.cardOf(p, ap.Card), JSONLD: s.articleLD(ap)}
			if d.Description == "" {
				d.Description = p.Title
			}
			if err := write(articlePageT, d); err != nil {
				return err
			}
		}
	}
	for _, l := range s.Sections {
		if err := write(listPageT, s.listData(l, s.SL.Section+":")); err != nil {
			return err
		}
	}
	for _, l := range s.Authors {
		if err := write(listPageT, s.listData(l, s.SL.Author)); err != nil {
			return err
		}
	}
	if err := write(searchPageT, s.searchPage()); err != nil {
		return err
	}
	if err := s.writeFonts(out, used); err != nil {
		return err
	}
	return s.writeSearchFiles(out)
}

func (s *siteData) listData(l *listPage, kind string) pageData {
	return pageData{siteData: s, Root: "../", Path: l.Href, Title: kind + " " + l.Name + " · " + s.Magazine, Type: "website",
		List: l, ListKind: kind, Description: fmt.Sprintf("%s %s · %s", kind, l.Name, s.Magazine), Image: s.cardOf(s.Issues[0], s.Issues[0].Kit)}
}

func (s *siteData) issueDescription(p *issuePage) string {
	var titles []string
	for _, ap := range p.Pages {
		titles = append(titles, ap.Article.Title)
	}
	return clip(p.Date+" · "+strings.Join(titles, " · "), 300)
}

// cardOf is the link picture of a kit item, from the site's root.
func (s *siteData) cardOf(p *issuePage, k kitItem) *cardImage {
	if k.Link == "" {
		return nil
	}
	return &cardImage{Src: p.Name + "/" + k.Link, W: linkCard.W, H: linkCard.H, Alt: k.Title + " · " + s.Magazine}
}
