package pdf

import (
	"bytes"
	"testing"
	"time"

	"magz/fonts"
	"magz/internal/validate"
	"magz/layout/page"
)

// tagged is a one-page tagged issue whose texts come from the caller: a
// web link, a link to the page described by the title, a figure with
// alternative text and a bookmark. (Its drawn text is fixed: the texts
// test the finishing step, not fpdf's text drawing.)
func tagged(title, url, alt string) *page.Issue {
	W, H := page.FromMicrometres(210000), page.FromMicrometres(280000)
	return &page.Issue{
		Width: W, Height: H, Title: title, Author: "Redaksi", Language: "id",
		Structure: []page.Node{
			{Role: page.RoleDocument},
			{Role: page.RoleH1, Parent: 0},
			{Role: page.RoleP, Parent: 0},
			{Role: page.RoleFigure, Parent: 0, Alt: alt},
		},
		Pages: []*page.Page{{Kind: page.KindArticle, Folio: 1, Items: []page.Item{
			&page.Text{X: 40 * page.Pt, Y: 100 * page.Pt, Face: string(fonts.SansBlack), Size: 20 * page.Pt, Text: "Judul", Node: 1},
			&page.Text{X: 40 * page.Pt, Y: 140 * page.Pt, Face: string(fonts.Serif), Size: 10 * page.Pt, Text: "tautan", Node: 2},
			&page.Link{X: 40 * page.Pt, Y: 130 * page.Pt, W: 200 * page.Pt, H: 12 * page.Pt, URL: url, Node: 2},
			&page.Link{X: 40 * page.Pt, Y: 150 * page.Pt, W: 200 * page.Pt, H: 12 * page.Pt, Page: 0, Title: title, Node: 2},
			&page.Image{X: 40 * page.Pt, Y: 200 * page.Pt, W: 100 * page.Pt, H: 80 * page.Pt, Name: "images/a.jpg", Crop: [4]int{0, 0, 1e6, 1e6}, Node: 3},
		}}},
		Outline: []page.OutlineItem{{Title: title, Page: 0}},
	}
}

func writeTagged(t testing.TB, iss *page.Issue, img []byte) ([]byte, error) {
	t.Helper()
	var b bytes.Buffer
	err := Write(&b, iss, Options{Edition: Screen, Date: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), Creator: "magz test",
		Image: func(*page.Image) ([]byte, error) { return img, nil }})
	return b.Bytes(), err
}

// A web address containing a PDF keyword ("stream") once cut the page
// dictionary short: "page 1 has 0 link annotations, 1 were drawn".
func TestFinishLinkWithKeyword(t *testing.T) {
	img := jpegBytes(t, 16, 16)
	for _, url := range []string{
		"https://example.org/livestream",
		"https://example.org/endobj>>",
		"https://example.org/a(b",
		`https://example.org/back\slash`,
		"https://example.org/%25/xref/trailer",
	} {
		if _, err := writeTagged(t, tagged("Siaran langsung", url, "Foto"), img); err != nil {
			t.Errorf("%s: %v", url, err)
		}
	}
}

// readBack reads a finished tagged file with the finishing step's own
// reader and checks that the texts given reached it whole: the web
// link's address, the page link's description, the figure's alternative
// text, the title in the information and the outline.
func readBack(t testing.TB, out []byte, title, url, alt string) {
	t.Helper()
	src, err := readSource(out)
	if err != nil {
		t.Fatalf("the finished file cannot be read back: %v", err)
	}
	pages, err := src.pages()
	if err != nil || len(pages) != 1 {
		t.Fatalf("pages %v: %v", pages, err)
	}
	pg, err := src.dict(pages[0])
	if err != nil {
		t.Fatal(err)
	}
	annots := pg.array("Annots")
	if len(annots) != 2 {
		t.Fatalf("page has %d annotations: %s", len(annots), pg.bytes())
	}
	var uri, contents []string
	for _, a := range annots {
		r, _ := a.(ref)
		d, err := src.dict(r.num)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := d.int("StructParent"); !ok {
			t.Errorf("annotation without /StructParent: %s", d.bytes())
		}
		c, _ := d.get("Contents").(str)
		contents = append(contents, c.text())
		if u, ok := d.dict("A").get("URI").(str); ok {
			uri = append(uri, string(u.bytes()))
		}
	}
	switch {
	case url == "":
		// a link without an address is the page model's link within
		// the file (to a page): no web address
		if len(uri) != 0 {
			t.Errorf("link addresses %q for a link within the file", uri)
		}
	case len(uri) != 1 || uri[0] != url:
		t.Errorf("link address %q, want %q", uri, url)
	}
	if valid := string([]rune(title)); len(contents) != 2 || contents[1] != valid {
		t.Errorf("link descriptions %q, want %q second", contents, valid)
	}
	info, err := src.dict(src.info)
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := info.get("Title").(str); s.text() != string([]rune(title)) {
		t.Errorf("title %q, want %q", s.text(), title)
	}
	cat, err := src.dict(src.root)
	if err != nil {
		t.Fatal(err)
	}
	outlines, _ := cat.ref("Outlines")
	root, err := src.dict(outlines)
	if err != nil {
		t.Fatal(err)
	}
	first, _ := root.ref("First")
	item, err := src.dict(first)
	if err != nil {
		t.Fatal(err)
	}
	if s, _ := item.get("Title").(str); s.text() != string([]rune(title)) {
		t.Errorf("bookmark %q, want %q", s.text(), title)
	}
	var alts []string
	for n := 1; n < len(src.offsets); n++ {
		if d, err := src.dict(n); err == nil && d.name("S") == "Figure" {
			a, _ := d.get("Alt").(str)
			alts = append(alts, a.text())
		}
	}
	if want := string([]rune(alt)); alt != "" && (len(alts) != 1 || alts[0] != want) {
		t.Errorf("figure descriptions %q, want %q", alts, want)
	}
}

func TestFinishReadsBack(t *testing.T) {
	img := jpegBytes(t, 16, 16)
	for _, tc := range []struct{ title, url, alt string }{
		{"Siaran langsung", "https://example.org/livestream", "Foto"},
		{"Judul (dengan kurung", "https://example.org/?q=a)b(c&d=%20", "Alt >> endobj stream"},
		{`Garis \ miring`, `https://example.org/\(`, "trailer\n<< /Root 1 0 R >>\nstartxref"},
		{"مرحبا 你好 😀 “kutip”", "https://example.org/endstream%0A", "Café — ( ) \\"},
	} {
		out, err := writeTagged(t, tagged(tc.title, tc.url, tc.alt), img)
		if err != nil {
			t.Errorf("%q: %v", tc.url, err)
			continue
		}
		readBack(t, out, tc.title, tc.url, tc.alt)
		if tc.url == "https://example.org/livestream" {
			validate.QPDFCheck(t, save(t, out))
		}
	}
}

// FuzzFinish draws a tagged page whose link, title and alternative text
// come from the fuzzer and reads the finished file back: the finishing
// step never fails on what an editor can write, and every text arrives
// whole.
func FuzzFinish(f *testing.F) {
	for _, s := range [][3]string{
		{"Siaran langsung", "https://example.org/livestream", "Foto"},
		{"endobj >> <<", "https://example.org/stream/endstream", "(unbalanced"},
		{`\\ \( %`, "https://example.org/%%EOF", "trailer startxref xref"},
		{"مرحبا", "https://example.org/a>>b<<c", "))))(((("},
	} {
		f.Add(s[0], s[1], s[2])
	}
	img := jpegBytes(f, 16, 16)
	f.Fuzz(func(t *testing.T, title, url, alt string) {
		out, err := writeTagged(t, tagged(title, url, alt), img)
		if err != nil {
			t.Fatal(err)
		}
		readBack(t, out, title, url, alt)
	})
}

// FuzzParseValue reads any bytes as a PDF value without panicking, and a
// value read and written back reads the same again.
func FuzzParseValue(f *testing.F) {
	for _, s := range []string{
		"<</Type /Annot /A <</S /URI /URI (https://x.org/livestream)>>>>",
		"[1 0 R (a\\)b) <FEFF0041> /N true null -1.5]",
		"(a (b) c \\\\ \\( %)", "<</K [<</Type /MCR /MCID 3>>]>>",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := parseValue(data)
		if err != nil {
			return
		}
		out := appendValue(nil, v)
		w, err := parseValue(out)
		if err != nil {
			t.Fatalf("%q written back as %q, which does not read: %v", data, out, err)
		}
		if again := appendValue(nil, w); !bytes.Equal(again, out) {
			t.Fatalf("%q written back as %q, then %q", data, out, again)
		}
	})
}

// A page model that knows it falls short of PDF/UA-1 gives a file that
// does not claim it; otherwise the claim is made.
func TestNotUAClaim(t *testing.T) {
	img := jpegBytes(t, 16, 16)
	for _, short := range []bool{false, true} {
		iss := tagged("Judul", "https://example.org/", "Foto")
		if short {
			iss.NotUA = []page.Shortfall{{Path: "articles/a.md", Line: 3, Reason: "character \"😀\" cannot be set"}}
		}
		out, err := writeTagged(t, iss, img)
		if err != nil {
			t.Fatal(err)
		}
		src, err := readSource(out)
		if err != nil {
			t.Fatal(err)
		}
		cat, _ := src.dict(src.root)
		n, _ := cat.ref("Metadata")
		xmp, err := src.object(n)
		if err != nil {
			t.Fatal(err)
		}
		claims := bytes.Contains(xmp.stream, []byte("<pdfuaid:part>1</pdfuaid:part>"))
		if claims == short {
			t.Errorf("shortfalls %v: claims PDF/UA-1 %v", short, claims)
		}
		if cat.get("StructTreeRoot") == nil {
			t.Error("a file short of PDF/UA-1 is still tagged")
		}
	}
}
