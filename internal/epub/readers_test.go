package epub

import (
	"archive/zip"
	"bytes"
	"io"
	"regexp"
	"strings"
	"testing"
	"time"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/theme"
	"magz/layout/page"
)

// files writes iss as an EPUB with opt and returns its files.
func files(t *testing.T, iss *doc.Issue, opt Options) map[string]string {
	t.Helper()
	opt.Date = time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC)
	opt.Image = func(*doc.Image) ([]byte, string, error) { return []byte{0xff, 0xd8}, "jpg", nil }
	var buf bytes.Buffer
	if err := Write(&buf, iss, opt); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = string(b)
	}
	return out
}

// TestBackLinkLabelled: a note's link back to its reference says where it
// leads, in the issue's language.
func TestBackLinkLabelled(t *testing.T) {
	for lang, want := range map[string]string{"id": `aria-label="Kembali ke catatan 1"`, "en": `aria-label="Back to note 1"`} {
		iss := issue()
		iss.Language = lang
		art := files(t, iss, Options{})["OEBPS/01-satu.xhtml"]
		if !strings.Contains(art, `role="doc-backlink" `+want+`>↩</a>`) {
			t.Errorf("%s: the back link is not labelled %s:\n%s", lang, want, art)
		}
	}
}

// TestLinkWithEmphasis: a link with an emphasised word in it is one link.
func TestLinkWithEmphasis(t *testing.T) {
	iss := issue()
	iss.Articles[0].Blocks = []doc.Block{&doc.Paragraph{Spans: []doc.Span{{Text: "Baca "}, {Text: "laporan ", Link: "https://contoh.id/a"},
		{Text: "lengkap", Style: doc.Emph, Link: "https://contoh.id/a"}, {Text: " kami", Link: "https://contoh.id/a"}, {Text: " dan "},
		{Text: "ini", Link: "https://contoh.id/b"}, {Text: "."}}}}
	art := files(t, iss, Options{})["OEBPS/01-satu.xhtml"]
	want := `<p>Baca <a href="https://contoh.id/a">laporan <em>lengkap</em> kami</a> dan <a href="https://contoh.id/b">ini</a>.</p>`
	if !strings.Contains(art, want) {
		t.Errorf("want %s in:\n%s", want, art)
	}
}

// TestAccessibilityClaims: the metadata claims only what is true of the
// issue: the text alone suffices and pictures have alternative text only
// when every photo is described; a certifier only when the magazine names
// one.
func TestAccessibilityClaims(t *testing.T) {
	undescribed := issue()
	undescribed.Articles[0].Blocks = append(undescribed.Articles[0].Blocks, &doc.Figure{Image: &doc.Image{Path: "/x/b.jpg"}})
	certified := issue()
	certified.CertifiedBy = "Lembaga Uji Aksesibilitas"
	for _, tc := range []struct {
		name      string
		iss       *doc.Issue
		want, not []string
	}{
		{"described", issue(),
			[]string{`<meta property="schema:accessModeSufficient">textual</meta>`, `<meta property="schema:accessibilityFeature">alternativeText</meta>`, `dcterms:conformsTo`},
			[]string{`a11y:certifiedBy`}},
		{"undescribed", undescribed,
			[]string{`<meta property="schema:accessModeSufficient">textual,visual</meta>`, "2 of 3 photos have a text description"},
			[]string{`<meta property="schema:accessModeSufficient">textual</meta>`, `alternativeText`, `dcterms:conformsTo`, `a11y:certifiedBy`}},
		{"certified", certified,
			[]string{`<meta property="a11y:certifiedBy">Lembaga Uji Aksesibilitas</meta>`, `dcterms:conformsTo`}, nil},
	} {
		opf := files(t, tc.iss, Options{Creator: "magz test"})["OEBPS/content.opf"]
		for _, w := range tc.want {
			if !strings.Contains(opf, w) {
				t.Errorf("%s: content.opf lacks %s:\n%s", tc.name, w, opf)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(opf, n) {
				t.Errorf("%s: content.opf claims %s:\n%s", tc.name, n, opf)
			}
		}
	}
}

// TestGreysFromTheme: the style sheet's greys are the theme's muted
// colour, none of its own.
func TestGreysFromTheme(t *testing.T) {
	iss := issue()
	iss.Theme = theme.Default()
	iss.Theme.Muted, _ = theme.ParseColour("#5f6670")
	css := files(t, iss, Options{})["OEBPS/style.css"]
	if !strings.Contains(css, ".credit { font-style: italic; color: #5f6670; }") {
		t.Errorf("credits are not in the theme's muted colour:\n%s", css)
	}
	th := iss.Theme
	ours := map[string]bool{}
	for _, c := range []page.Color{th.Ink, th.Accent, th.Deep, th.Muted, th.Tint} {
		ours[theme.Hex(c)] = true
	}
	for _, c := range regexp.MustCompile(`#[0-9a-fA-F]{3,6}\b`).FindAllString(css, -1) {
		if !ours[strings.ToLower(c)] {
			t.Errorf("the style sheet has a colour of its own: %s", c)
		}
	}
}

// TestPageBreaksAtTheWord: a page that begins inside a paragraph is
// marked before the word it begins with, inside formatting too; a page
// that begins with a block is marked before it; pages in a note, on the
// cover, the contents and after the articles where readers look for them;
// the page list lists every page.
func TestPageBreaksAtTheWord(t *testing.T) {
	iss := issue()
	a := iss.Articles[0]
	a.Pos = diag.Pos{Path: "/x/articles/01-satu.md", Line: 1}
	a.Blocks = []doc.Block{
		&doc.Paragraph{Pos: at(a, 5), Spans: []doc.Span{{Text: "Satu dua "}, {Text: "tiga empat", Style: doc.Emph}, {Text: " lima-enam tujuh."}}},
		&doc.Paragraph{Pos: at(a, 7), Spans: []doc.Span{{Text: "Delapan sembilan."}}},
	}
	a.Notes = []doc.Note{{N: 1, Spans: []doc.Span{{Text: "Catatan pertama."}}}, {N: 2, Spans: []doc.Span{{Text: "Catatan kedua di sini."}}}}
	starts := []page.PageStart{
		{Folio: 1, Part: page.PartCover}, {Folio: 2, Part: page.PartContents},
		{Folio: 3, Part: page.PartArticle, Path: a.Pos.Path, Line: 1},
		{Folio: 4, Part: page.PartArticle, Path: a.Pos.Path, Line: 5, Words: 3},          // "empat", inside <em>
		{Folio: 5, Part: page.PartArticle, Path: a.Pos.Path, Line: 5, Words: 5},          // "tujuh."
		{Folio: 6, Part: page.PartArticle, Path: a.Pos.Path, Line: 7},                    // the second paragraph
		{Folio: 7, Part: page.PartArticle, Path: a.Pos.Path, Line: 7, Note: 2, Words: 3}, // "di", after the number "2."
		{Folio: 8, Part: page.PartEnd},
	}
	fs := files(t, iss, Options{Pages: starts})
	art := fs["OEBPS/01-satu.xhtml"]
	for _, want := range []string{
		"<article>\n" + marker(3) + "\n<header>",
		`<p>Satu dua <em>tiga ` + marker(4) + `empat</em> lima-enam ` + marker(5) + `tujuh.</p>`,
		marker(6) + "\n<p>Delapan sembilan.</p>",
		`<p>Catatan kedua ` + marker(7) + `di sini.`,
	} {
		if !strings.Contains(art, want) {
			t.Errorf("article lacks %s:\n%s", want, art)
		}
	}
	for file, folio := range map[string]int{"OEBPS/cover.xhtml": 1, "OEBPS/nav.xhtml": 2, "OEBPS/colophon.xhtml": 8} {
		if !strings.Contains(fs[file], marker(folio)) {
			t.Errorf("%s lacks page %d", file, folio)
		}
	}
	var list []string
	for _, m := range regexp.MustCompile(`<li><a href="([^"]*)">(\d+)</a></li>`).FindAllStringSubmatch(fs["OEBPS/nav.xhtml"], -1) {
		list = append(list, m[2]+"="+m[1])
	}
	want := "1=cover.xhtml#page-1 2=nav.xhtml#page-2 3=01-satu.xhtml#page-3 4=01-satu.xhtml#page-4 5=01-satu.xhtml#page-5 " +
		"6=01-satu.xhtml#page-6 7=01-satu.xhtml#page-7 8=colophon.xhtml#page-8"
	if got := strings.Join(list, " "); got != want {
		t.Errorf("page list\n got %s\nwant %s", got, want)
	}
}

func at(a *doc.Article, line int) diag.Pos { return diag.Pos{Path: a.Pos.Path, Line: line} }

// TestAtWord: where a page break goes in a block as written.
func TestAtWord(t *testing.T) {
	for _, tc := range []struct {
		html string
		k    int
		want string
	}{
		{"<p>satu dua</p>", 0, "<p>|satu dua</p>"},
		{"<p>satu dua</p>", 1, "<p>satu |dua</p>"},
		{"<p>satu dua</p>", 2, "<p>satu dua</p>|"},
		{"<p>kata<sup><a href=\"#fn-1\">1</a></sup> lain</p>", 1, "<p>kata<sup><a href=\"#fn-1\">1</a></sup> |lain</p>"},
		{"<tr><td>Yoboi</td><td>412</td></tr>", 1, "<tr><td>Yoboi</td><td>|412</td></tr>"},
		{"<p>baris<br/>baru</p>", 1, "<p>baris<br/>|baru</p>"},
		{"<p>a &amp; b</p>", 1, "<p>a |&amp; b</p>"},
		{"<p>anak\u00a0anak</p>", 1, "<p>anak\u00a0|anak</p>"},
	} {
		if got := atWord(tc.html, tc.k, "|"); got != tc.want {
			t.Errorf("atWord(%q, %d) = %q, want %q", tc.html, tc.k, got, tc.want)
		}
	}
}

// TestOwnPages: the pages of the issue's own set from Markdown (an
// agenda) are in the EPUB too, after the articles, in the spine and the
// contents, with their print pages.
func TestOwnPages(t *testing.T) {
	iss := issue()
	agenda := &doc.Article{Slug: "page-agenda", Title: "Agenda Desember", Pos: diag.Pos{Path: "/x/planned/agenda.md", Line: 1},
		Blocks: []doc.Block{&doc.Paragraph{Pos: diag.Pos{Path: "/x/planned/agenda.md", Line: 5}, Spans: []doc.Span{{Text: "Posyandu setiap tanggal 10."}}}}}
	iss.Plan = &doc.Plan{Pages: []*doc.Article{agenda}}
	fs := files(t, iss, Options{Pages: []page.PageStart{{Folio: 1, Part: page.PartCover}, {Folio: 2, Part: page.PartArticle, Path: agenda.Pos.Path, Line: 1}}})
	if !strings.Contains(fs["OEBPS/page-agenda.xhtml"], "<p>Posyandu setiap tanggal 10.</p>") || !strings.Contains(fs["OEBPS/page-agenda.xhtml"], marker(2)) {
		t.Errorf("page-agenda.xhtml:\n%s", fs["OEBPS/page-agenda.xhtml"])
	}
	opf, nav := fs["OEBPS/content.opf"], fs["OEBPS/nav.xhtml"]
	if !regexp.MustCompile(`idref="a-01-satu"/>\n<itemref idref="a-page-agenda"/>`).MatchString(opf) {
		t.Errorf("the agenda is not in the spine after the articles:\n%s", opf)
	}
	if !strings.Contains(nav, `<a href="page-agenda.xhtml">Agenda Desember</a>`) || !strings.Contains(nav, `<a href="page-agenda.xhtml#page-2">2</a>`) {
		t.Errorf("the agenda is not in the contents or its page not in the page list:\n%s", nav)
	}
}
