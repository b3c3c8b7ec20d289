package site

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"magz/internal/doc"
)

// Search across every issue, offline: search.html lists every article
// (so it is useful without a script, and to the browser's own find), and
// a small script filters the list by the words typed, against an index of
// each article's words (search-index.js, loaded when first needed: a
// script file rather than JSON, because a page opened from disk may not
// fetch files). Nothing is asked of another site.

// searchData is the search page's.
type searchData struct {
	Articles []*articlePage // every article, newest issue first
}

const searchT = `{{define "content"}}<h1>{{.SL.Search}}</h1>
<form class="search" id="search" action="search.html" role="search">
<label for="q">{{.SL.SearchLabel}}</label>
<input type="search" id="q" name="q" aria-describedby="hint" autocomplete="off">
<p id="hint" class="meta">{{.SL.SearchHint}}</p>
</form>
<noscript><p>{{.SL.SearchNoScript}}</p></noscript>
<p id="count" role="status" data-format="{{.SL.Matches}}"></p>
<h2>{{.SL.AllArticles}}</h2>
<ol class="list" id="all">
{{range .Search.Articles}}<li>{{with .Article.Section}}<p class="kicker">{{.}}</p>{{end}}<h3><a href="{{.Issue.Name}}/{{.Href}}">{{.Article.Title}}</a></h3>
<p class="meta">{{with .Article.Author}}{{$.Lab.By}} {{.}} · {{end}}{{$.Lab.Issue}} {{.Issue.Issue.Number}} · {{.Issue.Date}}</p></li>
{{end}}</ol>
<h2 id="rubrik">{{.SL.Sections}}</h2>
<ul class="index">
{{range .Sections}}<li><a href="{{.Href}}">{{.Name}}</a> ({{len .Articles}})</li>
{{end}}</ul>
<h2 id="penulis">{{.SL.Authors}}</h2>
<ul class="index">
{{range .Authors}}<li><a href="{{.Href}}">{{.Name}}</a> ({{len .Articles}})</li>
{{end}}</ul>
<script src="search.js"></script>
{{end}}`

// searchScript filters the list of search.html. It reads the query from
// the address too (the form's plain submission), so a search from
// another page's address bar works.
const searchScript = `(function () {
  var form = document.getElementById('search'), input = document.getElementById('q'), count = document.getElementById('count');
  var items = Array.prototype.slice.call(document.querySelectorAll('#all > li'));
  var words = null, then = null;
  function norm(s) { return s.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, ''); }
  window.magzSearch = function (data) { words = data; if (then) { var f = then; then = null; f(); } };
  function load(f) {
    if (words) { f(); return; }
    then = f;
    if (document.getElementById('search-index')) return;
    var s = document.createElement('script');
    s.id = 'search-index'; s.src = 'search-index.js';
    document.head.appendChild(s);
  }
  function run() {
    var terms = norm(input.value).split(/[^\p{L}\p{N}]+/u).filter(Boolean), n = 0;
    items.forEach(function (li, i) {
      var ok = terms.every(function (t) { return words[i].indexOf(' ' + t) >= 0; });
      li.hidden = !ok;
      if (ok) n++;
    });
    count.textContent = terms.length ? count.getAttribute('data-format').replace('%d', n) : '';
  }
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    history.replaceState(null, '', '?q=' + encodeURIComponent(input.value));
    load(run);
  });
  input.addEventListener('input', function () { load(run); });
  var q = new URLSearchParams(location.search).get('q');
  if (q) { input.value = q; load(run); }
})();
`

func (s *siteData) searchPage() pageData {
	var all []*articlePage
	for _, p := range s.Issues {
		all = append(all, p.Pages...)
	}
	return pageData{siteData: s, Path: "search.html", Title: s.SL.Search + " · " + s.Magazine, Type: "website",
		Description: s.SL.SearchLabel + " · " + s.Magazine, Image: s.cardOf(s.Issues[0], s.Issues[0].Kit), Search: &searchData{Articles: all}}
}

// writeSearchFiles writes the search's script and its index: for each
// article of the list, in its order, its words (without accents, in lower
// case, each once), each after a space so that a word's start is found.
func (s *siteData) writeSearchFiles(out string) error {
	if err := writeFile(filepath.Join(out, "search.js"), []byte(searchScript)); err != nil {
		return err
	}
	var entries []string
	for _, p := range s.Issues {
		for _, ap := range p.Pages {
			entries = append(entries, " "+strings.Join(articleWords(ap), " "))
		}
	}
	data, err := json.Marshal(entries)
	if err != nil {
		return err
	}
	return writeFile(filepath.Join(out, "search-index.js"), append(append([]byte("magzSearch("), data...), ");\n"...))
}

// articleWords are the words an article is found by: its title,
// standfirst, section, authors and text, each once.
func articleWords(ap *articlePage) []string {
	a := ap.Article
	seen := map[string]bool{}
	var out []string
	add := func(text string) {
		for _, w := range strings.FieldsFunc(norm.NFD.String(strings.ToLower(text)), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.Is(unicode.Mn, r)
		}) {
			w = strings.Map(func(r rune) rune {
				if unicode.Is(unicode.Mn, r) {
					return -1
				}
				return r
			}, w)
			if len(w) > 1 && !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	add(a.Title)
	add(a.Subtitle)
	add(a.Section)
	add(a.Author)
	doc.Walk(a.Blocks, func(b doc.Block) {
		switch b := b.(type) {
		case *doc.Paragraph:
			add(doc.PlainText(b.Spans))
		case *doc.Heading:
			add(doc.PlainText(b.Spans))
		case *doc.PullQuote:
			add(doc.PlainText(b.Spans))
		case *doc.Figure:
			add(doc.PlainText(b.Caption))
		case *doc.Table:
			for _, c := range b.Header {
				add(doc.PlainText(c))
			}
			for _, r := range b.Rows {
				for _, c := range r {
					add(doc.PlainText(c))
				}
			}
		}
	})
	if a.Hero != nil {
		add(doc.PlainText(a.Hero.Caption))
	}
	slices.Sort(out) // the same index whatever the order of the text
	return out
}
