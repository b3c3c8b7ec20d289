package epub

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"magz/internal/doc"
	"magz/internal/testissue"
	"magz/internal/theme"
	"magz/internal/validate"
)

func issue() *doc.Issue {
	img := &doc.Image{Path: "/x/a.jpg", Rel: "images/a.jpg"}
	return &doc.Issue{
		Name: "uji", Magazine: "Kabar <Uji> & Co", Number: 4, Language: "id", Publisher: "Redaksi",
		Date:  time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC),
		Cover: &doc.Figure{Image: img, Alt: "Sampul", Credit: "Foto"},
		Articles: []*doc.Article{{
			Slug: "01-satu", Title: "Satu & dua", Author: "Penulis", Section: "Laporan", Subtitle: "Anak judul",
			Hero: &doc.Figure{Image: img, Alt: "Pemandangan", Caption: []doc.Span{{Text: "Keterangan"}}, Credit: "Fotografer"},
			Blocks: []doc.Block{
				&doc.Paragraph{Spans: []doc.Span{{Text: "Teks "}, {Text: "miring", Style: doc.Emph}, {Text: " dan "}, {Text: "tautan", Link: "https://contoh.id/?a=1&b=2"},
					{Text: " buruk", Link: "https://contoh id/spasi"}, {Note: 1}, {Break: true}, {Text: "<script>x</script>"}}},
				&doc.Heading{Level: 2, Spans: []doc.Span{{Text: "Sub"}}},
				&doc.PullQuote{Spans: []doc.Span{{Text: "Kutipan"}}, Attribution: "Warga"},
				&doc.Table{Align: []doc.Align{doc.AlignLeft, doc.AlignRight}, Header: [][]doc.Span{{{Text: "A"}}, {{Text: "B"}}}, Rows: [][][]doc.Span{{{{Text: "1"}}, {{Text: "2"}}}}},
				&doc.List{Ordered: true, Start: 3, Items: [][]doc.Block{{&doc.Paragraph{Spans: []doc.Span{{Text: "tiga"}}}}}},
				&doc.List{Ordered: true, Start: 0, Items: [][]doc.Block{{&doc.Paragraph{Spans: []doc.Span{{Text: "nol"}}}}}},
				&doc.List{Ordered: true, Start: 1, Items: [][]doc.Block{{&doc.Paragraph{Spans: []doc.Span{{Text: "satu"}}}}}},
				&doc.Quote{Blocks: []doc.Block{&doc.Paragraph{Spans: []doc.Span{{Text: "kutip"}}}}},
				&doc.Code{Text: "a < b && c"},
				&doc.Rule{},
			},
			Notes: []doc.Note{{N: 1, Spans: []doc.Span{{Text: "Catatan."}}}},
		}},
		Colophon: []string{"Pemimpin redaksi: Maria & Co"},
		Fillers:  []doc.Filler{{Title: "Layanan Warga", Text: []doc.Span{{Text: "Kirim "}, {Text: "pesan", Style: doc.Emph}}}},
	}
}

func write(t *testing.T) []byte {
	t.Helper()
	jpg, err := testissue.Synth("jpeg 200x150")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	err = Write(&buf, issue(), Options{Date: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC), Creator: "magz test",
		Image: func(*doc.Image) ([]byte, string, error) { return jpg, "jpg", nil }})
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestEPUBValid(t *testing.T) {
	data := write(t)
	if !bytes.Equal(data, write(t)) {
		t.Error("two writes of the same issue differ")
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	first := zr.File[0]
	if first.Name != "mimetype" || first.Method != zip.Store || len(first.Extra) != 0 {
		t.Errorf("mimetype must come first, stored, without extra field: %+v", first.FileHeader)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		files[f.Name] = string(b)
	}
	opf := files["OEBPS/content.opf"]
	for _, want := range []string{`<dc:language>id</dc:language>`, `<meta property="dcterms:modified">2026-04-01T00:00:00Z</meta>`,
		Identifier(issue()), `schema:accessibilitySummary`, `properties="cover-image"`, `Kabar &lt;Uji&gt; &amp; Co`} {
		if !strings.Contains(opf, want) {
			t.Errorf("content.opf lacks %q", want)
		}
	}
	art := files["OEBPS/01-satu.xhtml"]
	for _, want := range []string{`xml:lang="id"`, `&lt;script&gt;`, `href="https://contoh.id/?a=1&amp;b=2"`, `role="doc-noteref"`, `<ol start="3">`, `<th scope="col" class="right">B</th>`} {
		if !strings.Contains(art, want) {
			t.Errorf("article lacks %q:\n%s", want, art)
		}
	}
	if strings.Contains(art, "contoh id/spasi") && strings.Contains(art, `href="https://contoh id`) {
		t.Error("a malformed link reached the EPUB")
	}
	if !strings.Contains(files["OEBPS/nav.xhtml"], `epub:type="landmarks"`) {
		t.Error("nav lacks landmarks")
	}
	p := filepath.Join(t.TempDir(), "uji.epub")
	os.WriteFile(p, data, 0o644)
	validate.EPUBCheck(t, p)
}

func TestIdentifierStable(t *testing.T) {
	a, b := issue(), issue()
	b.Title = "another theme"
	if Identifier(a) != Identifier(b) {
		t.Error("identifier depends on more than magazine and number")
	}
	b.Number = 5
	if Identifier(a) == Identifier(b) {
		t.Error("two issues share an identifier")
	}
}

// TestListStart: an ordered list keeps its first number in the EPUB, 0
// included; one that starts at 1 needs no start attribute.
func TestListStart(t *testing.T) {
	data := write(t)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var article string
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, "01-satu.xhtml") {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			article = string(b)
		}
	}
	for _, want := range []string{"<ol start=\"3\">\n<li>", "<ol start=\"0\">\n<li>", "<ol>\n<li>"} {
		if !strings.Contains(article, want) {
			t.Errorf("article has no %q:\n%s", want, article)
		}
	}
}

// TestColophon: what print sets in its masthead box and filler boxes is
// in the EPUB too, as its back matter, listed in the contents.
func TestColophon(t *testing.T) {
	data := write(t)
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		files[f.Name] = string(b)
	}
	col := files["OEBPS/colophon.xhtml"]
	for _, want := range []string{`role="doc-colophon"`, "<h1>Redaksi</h1>", "Kabar &lt;Uji&gt; &amp; Co · Edisi 4 · April 2026",
		"Diterbitkan oleh Redaksi", "Pemimpin redaksi: Maria &amp; Co", "<h2>Layanan Warga</h2>", "Kirim <em>pesan</em>"} {
		if !strings.Contains(col, want) {
			t.Errorf("colophon.xhtml lacks %q:\n%s", want, col)
		}
	}
	if !strings.Contains(files["OEBPS/content.opf"], `<itemref idref="colophon"/>`) {
		t.Error("the colophon is not in the spine")
	}
	if !strings.Contains(files["OEBPS/nav.xhtml"], `<a href="colophon.xhtml">Redaksi</a>`) {
		t.Error("the colophon is not in the contents")
	}
}

// TestThemeColours: the EPUB's style sheet takes the magazine's colours,
// and the house colours when it has none.
func TestThemeColours(t *testing.T) {
	css := func(iss *doc.Issue) string {
		var buf bytes.Buffer
		if err := Write(&buf, iss, Options{Date: time.Date(2026, 4, 1, 0, 0, 0, 0, time.UTC),
			Image: func(*doc.Image) ([]byte, string, error) { return []byte{0xff, 0xd8}, "jpg", nil }}); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range zr.File {
			if f.Name == "OEBPS/style.css" {
				rc, _ := f.Open()
				b, _ := io.ReadAll(rc)
				return string(b)
			}
		}
		t.Fatal("no style.css")
		return ""
	}
	house := css(issue())
	if !strings.Contains(house, "color: #b83a1e") || strings.Contains(house, "{{") {
		t.Errorf("house style sheet:\n%s", house)
	}
	iss := issue()
	iss.Theme = theme.Default()
	iss.Theme.Accent, _ = theme.ParseColour("#1e6b3a")
	if got := css(iss); !strings.Contains(got, "color: #1e6b3a") || strings.Contains(got, "#b83a1e") {
		t.Errorf("themed style sheet:\n%s", got)
	}
}
