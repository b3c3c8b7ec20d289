package pipeline

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"image/png"
	"io"
	"magz/layout/preview"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode"

	"github.com/rogpeppe/go-internal/txtar"

	"image"
	"image/jpeg"
	magzjpeg "magz/internal/jpeg"
	"runtime"

	"magz/internal/diag"
	"magz/internal/doc"
	"magz/internal/testissue"
	"magz/internal/validate"
)

const sample = "../../issues/issue-12"

func TestSampleEditions(t *testing.T) {
	t.Parallel()
	ed := sampleEditions.get(t)
	res := ed.res
	if len(res.Outputs) != 3 {
		t.Fatalf("want 3 outputs, got %v", res.Outputs)
	}
	for _, w := range res.Warnings {
		t.Logf("warning: %s", w)
	}
	printPDF, screenPDF, ep := ed.file(Print), ed.file(Screen), ed.file(EPUB)
	for _, f := range []string{printPDF, screenPDF, ep} {
		if st, err := os.Stat(f); err != nil || st.Size() == 0 {
			t.Fatalf("%s missing or empty: %v", f, err)
		}
	}
	t.Run("epubcheck", func(t *testing.T) { validate.EPUBCheck(t, ep) })
	t.Run("qpdf", func(t *testing.T) {
		validate.QPDFCheck(t, printPDF)
		validate.QPDFCheck(t, screenPDF)
	})
	t.Run("fonts embedded", func(t *testing.T) {
		for _, f := range []string{printPDF, screenPDF} {
			lines := validate.PDFFonts(t, f)
			if len(lines) == 0 {
				t.Fatalf("%s: no fonts", f)
			}
			for _, l := range lines {
				fields := strings.Fields(l)
				// name type... emb sub uni object ID: emb is the 5th field from the end
				if len(fields) < 6 || fields[len(fields)-5] != "yes" {
					t.Errorf("%s: font not embedded: %s", f, l)
				}
			}
		}
	})
	t.Run("print boxes", func(t *testing.T) {
		info := validate.PDFInfo(t, printPDF, "-box", "-f", "1", "-l", "999")
		pages := pagesOf(t, printPDF)
		if pages%4 != 0 {
			t.Errorf("print edition has %d pages, not a multiple of 4", pages)
		}
		trim := regexp.MustCompile(`Page\s+\d+ TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)`).FindAllStringSubmatch(info, -1)
		bleed := regexp.MustCompile(`Page\s+\d+ BleedBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)`).FindAllStringSubmatch(info, -1)
		if len(trim) != pages || len(bleed) != pages {
			t.Fatalf("want TrimBox and BleedBox on all %d pages, got %d and %d", pages, len(trim), len(bleed))
		}
		for i := range trim {
			for k := 1; k <= 4; k++ {
				tv, _ := strconv.ParseFloat(trim[i][k], 64)
				bv, _ := strconv.ParseFloat(bleed[i][k], 64)
				d := tv - bv
				if k > 2 {
					d = -d
				}
				if d < 8.4 || d > 8.6 { // 3 mm = 8.504 pt
					t.Errorf("page %d: bleed is %.2f pt from trim, want 3 mm", i+1, d)
				}
			}
			tw, _ := strconv.ParseFloat(trim[i][3], 64)
			tx, _ := strconv.ParseFloat(trim[i][1], 64)
			if w := (tw - tx) / 72 * 25.4; w < 209.5 || w > 210.5 {
				t.Errorf("page %d: trim width %.1f mm, want 210", i+1, w)
			}
		}
	})
	t.Run("screen bookmarks and contents", func(t *testing.T) {
		out := qpdfJSON(t, screenPDF)
		// the articles, then the planned pages from Markdown (the agenda)
		if want := len(res.Issue.Articles) + len(res.Issue.Plan.Pages); len(out.Outlines) != want {
			t.Fatalf("want %d bookmarks, got %d", want, len(out.Outlines))
		}
		text := validate.PDFText(t, screenPDF, "-f", "2", "-l", "2")
		for i, a := range res.Issue.Articles {
			if out.Outlines[i].Title != a.Title {
				t.Errorf("bookmark %d = %q, want %q", i, out.Outlines[i].Title, a.Title)
			}
			// The contents page lists the title with the page where it starts.
			page := out.Outlines[i].Page
			start := validate.PDFText(t, screenPDF, "-f", strconv.Itoa(page), "-l", strconv.Itoa(page))
			if !strings.Contains(flat(start), flat(a.Title)) {
				t.Errorf("%q: bookmark page %d does not show the title", a.Title, page)
			}
			if !regexp.MustCompile(`(?m)^` + strconv.Itoa(page) + `$`).MatchString(text) {
				t.Errorf("contents page lacks page number %d of %q", page, a.Title)
			}
			if !strings.Contains(flat(text), flat(a.Title)) {
				t.Errorf("contents page lacks %q", a.Title)
			}
		}
	})
	t.Run("nothing lost in screen PDF", func(t *testing.T) {
		assertAllWords(t, res.Issue, validate.PDFText(t, screenPDF))
	})
	t.Run("nothing lost in EPUB", func(t *testing.T) {
		assertAllWords(t, res.Issue, epubText(t, ep))
	})
	t.Run("EPUB size", func(t *testing.T) {
		st, _ := os.Stat(ep)
		if st.Size() > 15<<20 {
			t.Errorf("EPUB is %d bytes, over 15 MB", st.Size())
		}
	})
}

func flat(s string) string { return strings.Join(strings.Fields(s), " ") }

func pagesOf(t *testing.T, pdf string) int {
	m := regexp.MustCompile(`Pages:\s+(\d+)`).FindStringSubmatch(validate.PDFInfo(t, pdf))
	if m == nil {
		t.Fatal("pdfinfo: no page count")
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

type qpdfOut struct {
	Outlines []struct {
		Title string `json:"title"`
		Page  int    `json:"destpageposfrom1"`
	} `json:"outlines"`
}

func qpdfJSON(t *testing.T, pdf string) qpdfOut {
	t.Helper()
	validate.QPDFCheck(t, pdf)
	raw, err := exec.Command("qpdf", "--json", "--json-key=outlines", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	var out qpdfOut
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// epubText returns the text of the XHTML documents of an EPUB.
func epubText(t *testing.T, file string) string {
	t.Helper()
	zr, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	var b strings.Builder
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, f := range zr.File {
		if !strings.HasSuffix(f.Name, ".xhtml") {
			continue
		}
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		s := tags.ReplaceAllString(string(data), " ")
		s = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'").Replace(s)
		b.WriteString(s + "\n")
	}
	return b.String()
}

// words splits text into words: runs of letters, or runs of digits.
// Hyphens inside words are dropped so that "anak-anak" and a word broken
// at a line end compare equal.
func words(s string) []string {
	var out []string
	var cur []rune
	kind := 0
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for _, r := range s {
		k := 0
		switch {
		case unicode.IsLetter(r) || unicode.Is(unicode.Mn, r):
			k = 1
		case unicode.IsDigit(r):
			k = 2
		case r == '-' || r == '\u00ad':
			continue
		}
		if k != kind {
			flush()
			kind = k
		}
		if k != 0 {
			cur = append(cur, r)
		}
	}
	flush()
	return out
}

// sourceText returns every piece of text of the issue's articles.
func sourceText(iss *doc.Issue) string {
	var b strings.Builder
	var walk func([]doc.Block)
	walk = func(bs []doc.Block) {
		for _, bl := range bs {
			switch bl := bl.(type) {
			case *doc.Paragraph:
				b.WriteString(doc.PlainText(bl.Spans) + "\n")
			case *doc.Heading:
				b.WriteString(doc.PlainText(bl.Spans) + "\n")
			case *doc.PullQuote:
				b.WriteString(doc.PlainText(bl.Spans) + " " + bl.Attribution + "\n")
			case *doc.Quote:
				walk(bl.Blocks)
			case *doc.List:
				for _, it := range bl.Items {
					walk(it)
				}
			case *doc.Table:
				for _, c := range bl.Header {
					b.WriteString(doc.PlainText(c) + "\n")
				}
				for _, r := range bl.Rows {
					for _, c := range r {
						b.WriteString(doc.PlainText(c) + "\n")
					}
				}
			case *doc.Code:
				b.WriteString(bl.Text + "\n")
			case *doc.Figure:
				b.WriteString(doc.PlainText(bl.Caption) + " " + bl.Credit + "\n")
			}
		}
	}
	for _, a := range iss.Articles {
		b.WriteString(a.Title + "\n" + a.Subtitle + "\n" + a.Author + "\n")
		walk(a.Blocks)
		for _, n := range a.Notes {
			b.WriteString(doc.PlainText(n.Spans) + "\n")
		}
	}
	return b.String()
}

// assertAllWords checks that every word of the articles appears in the
// extracted text as often as in the source. Words broken at a line end
// whose halves pdftotext did not join (across columns) still count.
func assertAllWords(t *testing.T, iss *doc.Issue, extracted string) {
	t.Helper()
	// join words hyphenated at line ends
	extracted = regexp.MustCompile(`(\p{L})-\n(\p{Ll})`).ReplaceAllString(extracted, "$1$2")
	have := map[string]int{}
	for _, w := range words(extracted) {
		have[w]++
	}
	var missing []string
	for _, w := range words(sourceText(iss)) {
		if have[w] > 0 {
			have[w]--
			continue
		}
		missing = append(missing, w)
	}
	// a word split across columns shows as two fragments
	var still []string
	for _, w := range missing {
		ok := false
		for i := 2; i < len(w)-1; i++ {
			if have[w[:i]] > 0 && have[w[i:]] > 0 {
				have[w[:i]]--
				have[w[i:]]--
				ok = true
				break
			}
		}
		if !ok {
			still = append(still, w)
		}
	}
	if len(still) > 0 {
		t.Errorf("%d words of the source are missing from the edition: %v", len(still), still)
	}
}

func TestReproducible(t *testing.T) {
	dir1 := sampleEditions.get(t).dir
	// Another run, another time zone, another output folder. The photos
	// come from the package's cache (a cold build makes them the same:
	// TestWarmCacheSameBytes, TestSameBytesEveryBuild).
	saved := time.Local
	time.Local = time.FixedZone("WIT", 9*3600)
	defer func() { time.Local = saved }()
	dir2 := t.TempDir()
	if _, err := Run(context.Background(), sample, Options{Formats: AllFormats, OutDir: dir2, Version: "test", CacheDir: photoCache(t)}); err != nil {
		t.Fatal(err)
	}
	sameEditions(t, dir1, dir2, []string{"issue-12-print.pdf", "issue-12-screen.pdf", "issue-12.epub"}, "differs between two builds of the same issue")
}

// sameEditions fails when the named files of two output folders differ.
func sameEditions(t *testing.T, a, b string, names []string, what string) {
	t.Helper()
	for _, name := range names {
		x, _ := os.ReadFile(filepath.Join(a, name))
		y, _ := os.ReadFile(filepath.Join(b, name))
		if len(x) == 0 || !bytes.Equal(x, y) {
			t.Errorf("%s: %s", name, what)
		}
	}
}

func TestSourceDateEpoch(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	date := time.Date(2030, 5, 6, 7, 8, 9, 0, time.UTC)
	if _, err := Run(context.Background(), "testdata/minimal", Options{Formats: []Format{Screen, EPUB}, OutDir: dir, Date: date}); err != nil {
		t.Fatal(err)
	}
	pdf, _ := os.ReadFile(filepath.Join(dir, "minimal-screen.pdf"))
	if !bytes.Contains(pdf, []byte("D:20300506070809")) {
		t.Error("screen PDF does not carry the SOURCE_DATE_EPOCH date")
	}
	zr, err := zip.OpenReader(filepath.Join(dir, "minimal.epub"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "OEBPS/content.opf" {
			rc, _ := f.Open()
			opf, _ := io.ReadAll(rc)
			rc.Close()
			if !bytes.Contains(opf, []byte(">2030-05-06T07:08:09Z<")) {
				t.Errorf("dcterms:modified is not the given date:\n%s", opf)
			}
		}
	}
}

// writeIssue materialises a txtar issue and returns its folder.
func writeIssue(t *testing.T, archive string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "issue-x")
	if err := testissue.Write(dir, txtar.Parse([]byte(archive))); err != nil {
		t.Fatal(err)
	}
	return dir
}

const awkward = `-- issue.yaml --
print:
  min_ppi: 10
magazine: Awkward Review
title: Edge Cases
number: 7
date: 2026-03-04
language: en
trim: B5
cover:
  image: images/cover photo.jpg
  credit: Someone
-- images/cover photo.jpg --
synth:jpeg 900x1200
-- images/rotated.jpg --
synth:jpeg-exif6 800x600
-- images/cmyk.jpg --
synth:cmyk
-- images/deep.png --
synth:png16 400x300
-- images/alpha.png --
synth:png-alpha 300x200
-- images/photo.webp --
synth:webp
-- images/gray.jpg --
synth:gray 300x300
-- articles/one.md --
---
title: Tables, notes and pasted HTML
author: A. Writer
image: ../images/rotated.jpg
caption: A rotated photo
---

A paragraph with a footnote[^a] and a very long address
https://example.org/a/very/long/path/that/keeps/going/and/going/without/any/spaces/at/all/index.html
and emoji 🎉 and 🥳 in it, and symbols: 25 °C, 3 × 4, €5 → done.

Supercalifragilisticexpialidociousnessofeverythingthatcannotbreakeasily is a long word.

<div style="color:red"><p>Pasted <b>bold</b> text<br>and <script>alert(1)</script>more & entities &amp; stuff</p>

| Left | Centre | Right |
|:-----|:------:|------:|
| a | b | c |
| longer cell text that wraps | x | 12.5 |

![CMYK](../images/cmyk.jpg "A CMYK photo | Designer")

![Deep](../images/deep.png "Sixteen bits")

![Alpha](../images/alpha.png "Transparent")

![WebP](<../images/photo.webp> "A WebP photo")

![Gray](../images/gray.jpg)

[^a]: The note text.
-- articles/two.md --
# Second article

> [!pull]
> A quote to pull.

Plain text.
`

func TestAwkwardIssue(t *testing.T) {
	t.Parallel()
	ed := awkwardEditions.get(t)
	res, out := ed.res, ed.dir
	var ws []string
	for _, w := range res.Warnings {
		ws = append(ws, w.String())
	}
	all := strings.Join(ws, "\n")
	// 🎉 is set in the emoji face; 🥳 (Unicode 11) is in no bundled face
	for _, want := range []string{"U+1F973", "raw HTML"} {
		if !strings.Contains(all, want) {
			t.Errorf("want a warning mentioning %q, got:\n%s", want, all)
		}
	}
	if strings.Contains(all, "U+1F389") {
		t.Errorf("🎉 is said to be missing:\n%s", all)
	}
	validate.EPUBCheck(t, filepath.Join(out, "issue-x.epub"))
	validate.QPDFCheck(t, filepath.Join(out, "issue-x-print.pdf"))
	validate.QPDFCheck(t, filepath.Join(out, "issue-x-screen.pdf"))
	assertAllWords(t, res.Issue, validate.PDFText(t, filepath.Join(out, "issue-x-screen.pdf")))
	assertAllWords(t, res.Issue, epubText(t, filepath.Join(out, "issue-x.epub")))
	text := epubText(t, filepath.Join(out, "issue-x.epub"))
	if strings.Contains(text, "alert(1)") {
		t.Error("script text reached the EPUB")
	}
	if pdf := validate.PDFText(t, filepath.Join(out, "issue-x-screen.pdf")); strings.Contains(pdf, "alert(1)") {
		t.Error("script text reached the PDF")
	}
}

// badCases are broken issues: each must fail with the message given, at
// the place given, and write nothing.
var badCases = []struct {
	name, archive, want string
}{
	{"missing image", "-- articles/a.md --\n# A\n\n![x](nope.jpg)\n", `articles/a.md:3:1: image "nope.jpg" not found`},
	{"truncated jpeg", "-- articles/a.md --\n# A\n\n![x](t.jpg)\n-- articles/t.jpg --\nsynth:truncated\n", `articles/a.md:3:1: image articles/t.jpg: `},
	{"text named jpg", "-- articles/a.md --\n# A\n\n![x](t.jpg)\n-- articles/t.jpg --\nthis is not a photo\n", `articles/a.md:3:1: image articles/t.jpg: is not a readable image`},
	{"bomb", "-- articles/a.md --\n# A\n\n![x](b.png)\n-- articles/b.png --\nsynth:bomb\n", `over the limit of 120 megapixels`},
	{"heic", "-- articles/a.md --\n# A\n\n![x](h.jpg)\n-- articles/h.jpg --\nsynth:heic\n", `is a HEIC file, which magz cannot read`},
	{"outside", "-- articles/a.md --\n# A\n\n![x](../../x.jpg)\n", `articles/a.md:3:1: image "../../x.jpg" leaves the issue folder`},
	{"unknown key", "-- articles/a.md --\n---\ntitel: A\n---\n", `articles/a.md:2:1: unknown key "titel"`},
	{"no title", "-- articles/a.md --\nJust text.\n", `articles/a.md:1: article has no title`},
}

func TestBadInputs(t *testing.T) {
	t.Parallel()
	head := "-- issue.yaml --\nmagazine: M\nnumber: 1\ndate: 2026-01-01\n"
	for _, c := range badCases {
		t.Run(c.name, func(t *testing.T) {
			dir := writeIssue(t, head+c.archive)
			out := t.TempDir()
			_, err := Run(context.Background(), dir, Options{Formats: AllFormats, OutDir: out})
			var de *diag.Errors
			if !errors.As(err, &de) {
				t.Fatalf("want content errors, got %v", err)
			}
			msg := strings.ReplaceAll(err.Error(), filepath.ToSlash(dir)+"/", "")
			if !strings.Contains(msg, c.want) {
				t.Errorf("error:\n%s\nwant it to contain:\n%s", msg, c.want)
			}
			if entries, _ := os.ReadDir(out); len(entries) != 0 {
				t.Errorf("a failed build wrote %d files", len(entries))
			}
		})
	}
}

func TestFailedBuildKeepsPreviousOutputs(t *testing.T) {
	t.Parallel()
	dir := writeIssue(t, "-- issue.yaml --\nmagazine: M\nnumber: 1\ndate: 2026-01-01\n-- articles/a.md --\n# A\n\nText.\n")
	out := t.TempDir()
	if _, err := Run(context.Background(), dir, Options{Formats: AllFormats, OutDir: out}); err != nil {
		t.Fatal(err)
	}
	before := snapshot(t, out)
	os.WriteFile(filepath.Join(dir, "articles", "b.md"), []byte("# B\n\n![x](missing.jpg)\n"), 0o644)
	if _, err := Run(context.Background(), dir, Options{Formats: AllFormats, OutDir: out}); err == nil {
		t.Fatal("want the build to fail")
	}
	after := snapshot(t, out)
	if len(after) != len(before) {
		t.Fatalf("files changed: before %v, after %v", keys(before), keys(after))
	}
	for name, data := range before {
		if !bytes.Equal(after[name], data) {
			t.Errorf("%s changed after a failed build", name)
		}
	}
}

func TestUpToDate(t *testing.T) {
	t.Parallel()
	dir := writeIssue(t, "-- issue.yaml --\nmagazine: M\nnumber: 1\ndate: 2026-01-01\n-- articles/a.md --\n# A\n\nText.\n")
	out := t.TempDir()
	opt := Options{Formats: AllFormats, OutDir: out}
	if res, err := Run(context.Background(), dir, opt); err != nil || res.UpToDate {
		t.Fatalf("first build: %v, up to date %v", err, res != nil && res.UpToDate)
	}
	res, err := Run(context.Background(), dir, opt)
	if err != nil || !res.UpToDate || len(res.Outputs) != 3 {
		t.Fatalf("second build with nothing changed: %v, %+v", err, res)
	}
	// Editing an article, or touching an output, means building again.
	os.WriteFile(filepath.Join(dir, "articles", "a.md"), []byte("# A\n\nText, edited.\n"), 0o644)
	if res, err := Run(context.Background(), dir, opt); err != nil || res.UpToDate {
		t.Fatalf("after an edit: %v, up to date %v", err, res != nil && res.UpToDate)
	}
	os.WriteFile(filepath.Join(out, "issue-x.epub"), []byte("damaged"), 0o644)
	if res, err := Run(context.Background(), dir, opt); err != nil || res.UpToDate {
		t.Fatalf("after damaging an output: %v, up to date %v", err, res != nil && res.UpToDate)
	}
	opt.Formats = []Format{EPUB}
	if res, err := Run(context.Background(), dir, opt); err != nil || res.UpToDate {
		t.Fatalf("other formats asked: %v, up to date %v", err, res != nil && res.UpToDate)
	}
}

func TestCancelledBuildWritesNothing(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	out := t.TempDir()
	_, err := Run(ctx, sample, Options{Formats: AllFormats, OutDir: out})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("want context.Canceled, got %v", err)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("a cancelled build left %d files", len(entries))
	}
}

// TestCancelMidBuild cancels a build at fixed points in its course (as
// the first photo is done, as the first PDF page is drawn, as the first
// edition is written): every one must stop with the cancellation, soon,
// and leave nothing behind. Soon is counted in work, not in seconds (a
// loaded machine or the race detector makes any time limit a guess): after
// the cancellation, no more photos finish than were being decoded at
// once, no more pages are drawn than the editions being drawn at once
// (one each), and no more editions are written than were being finished.
func TestCancelMidBuild(t *testing.T) {
	for _, at := range []string{"photo", "page", "edition"} {
		t.Run(at, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			var once sync.Once
			var cancelled atomic.Bool
			var after atomic.Int32 // steps of the kind finished after the cancellation
			stop := func() {
				if cancelled.Load() {
					after.Add(1)
				}
				once.Do(func() { cancelled.Store(true); cancel() })
			}
			opt := Options{Formats: AllFormats, OutDir: t.TempDir(), Previews: true}
			most := int32(len(AllFormats) + 1) // editions and previews drawn side by side
			switch at {
			case "photo": // with the photos still being decoded
				opt.OnPhoto = func(int, int) { stop() }
				most = int32(runtime.NumCPU())
			case "page": // the photos from the package's cache: no time to decode them again
				opt.OnPage = func(int, int) { stop() }
				opt.CacheDir = photoCache(t)
			case "edition":
				opt.OnEdition = func(Format) { stop() }
				opt.CacheDir = photoCache(t)
			}
			_, err := Run(ctx, sample, opt)
			if !cancelled.Load() {
				t.Fatalf("the build never reached the %s it was to be cancelled at", at)
			}
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("cancelled at the first %s: want context.Canceled, got %v", at, err)
			}
			if n := after.Load(); n > most {
				t.Errorf("cancelled at the first %s, it went on for %d more (at most %d were under way)", at, n, most)
			}
			if entries, _ := os.ReadDir(opt.OutDir); len(entries) != 0 {
				var names []string
				for _, e := range entries {
					names = append(names, e.Name())
				}
				t.Errorf("a cancelled build left %v", names)
			}
		})
	}
}

func TestWarmCacheSameBytes(t *testing.T) {
	t.Parallel()
	dir := writeIssue(t, awkward)
	cacheDir := t.TempDir()
	a, b := t.TempDir(), t.TempDir()
	if _, err := Run(context.Background(), dir, Options{Formats: AllFormats, OutDir: a, CacheDir: cacheDir}); err != nil {
		t.Fatal(err)
	}
	if _, err := Run(context.Background(), dir, Options{Formats: AllFormats, OutDir: b, CacheDir: cacheDir}); err != nil {
		t.Fatal(err)
	}
	sameEditions(t, a, b, []string{"issue-x-print.pdf", "issue-x-screen.pdf", "issue-x.epub"}, "a cold and a warm cache give different bytes")
}

func TestConcurrentBuilds(t *testing.T) {
	t.Parallel()
	dir := writeIssue(t, "-- issue.yaml --\nmagazine: M\nnumber: 1\ndate: 2026-01-01\n-- articles/a.md --\n# A\n\nText.\n\n![p](p.jpg \"Photo\")\n-- articles/p.jpg --\nsynth:jpeg 600x400\n")
	out := t.TempDir()
	var wg sync.WaitGroup
	errs := make([]error, 2)
	for i := range errs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_, errs[i] = Run(context.Background(), dir, Options{Formats: AllFormats, OutDir: out})
		}(i)
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	var names []string
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), ".") || strings.Contains(e.Name(), "tmp") {
			names = append(names, e.Name())
		}
	}
	if want := []string{"issue-x-cover.jpg", "issue-x-print.pdf", "issue-x-print.txt", "issue-x-screen.pdf", "issue-x.epub"}; !slices.Equal(names, want) {
		t.Errorf("want exactly the 3 editions, the cover picture and the hand-off sheet, no temporary files, got %v", names)
	}
	validate.QPDFCheck(t, filepath.Join(out, "issue-x-print.pdf"))
	validate.EPUBCheck(t, filepath.Join(out, "issue-x.epub"))
}

func snapshot(t *testing.T, dir string) map[string][]byte {
	out := map[string][]byte{}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = data
	}
	return out
}

func keys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func decodeConfig(r io.Reader) (image.Config, error) {
	cfg, _, err := image.DecodeConfig(r)
	return cfg, err
}

// TestRotatedPhotoEveryEdition: a photo stored landscape with EXIF
// orientation 6 is portrait in the print PDF, the screen PDF and the EPUB.
func TestRotatedPhotoEveryEdition(t *testing.T) {
	t.Parallel()
	dir := writeIssue(t, `-- issue.yaml --
magazine: M
number: 1
date: 2026-01-01
-- articles/a.md --
---
title: A
columns: 1
---
Teks.

![Foto](r.jpg "Tegak | Fotografer")
-- articles/r.jpg --
synth:jpeg-exif6 1200x900
`)
	out := t.TempDir()
	if _, err := Run(context.Background(), dir, Options{Formats: AllFormats, OutDir: out}); err != nil {
		t.Fatal(err)
	}
	for _, pdf := range []string{"issue-x-print.pdf", "issue-x-screen.pdf"} {
		list := validate.PDFImages(t, filepath.Join(out, pdf))
		if len(list) != 1 || list[0][1] <= list[0][0] {
			t.Errorf("%s: images %v, want one portrait image", pdf, list)
		}
	}
	zr, err := zip.OpenReader(filepath.Join(out, "issue-x.epub"))
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if strings.HasSuffix(f.Name, ".jpg") {
			rc, _ := f.Open()
			cfg, err := decodeConfig(rc)
			rc.Close()
			if err != nil || cfg.Height <= cfg.Width {
				t.Errorf("EPUB %s is %dx%d, want portrait", f.Name, cfg.Width, cfg.Height)
			}
		}
	}
}

// TestPanoramaMemory: a 54-megapixel photo is processed within a few
// hundred megabytes of heap.
func TestPanoramaMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	m := image.NewYCbCr(image.Rect(0, 0, 9000, 6000), image.YCbCrSubsampleRatio420)
	for i := range m.Y {
		m.Y[i] = uint8(i * 13)
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, m, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	m = nil
	dir := writeIssue(t, "-- issue.yaml --\nmagazine: M\nnumber: 1\ndate: 2026-01-01\n-- articles/a.md --\n---\ntitle: A\nimage: pano.jpg\nalt: panorama\n---\nTeks.\n")
	os.WriteFile(filepath.Join(dir, "articles", "pano.jpg"), buf.Bytes(), 0o644)
	buf = bytes.Buffer{}
	runtime.GC()
	var peak uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var ms runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(10 * time.Millisecond):
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
		}
	}()
	_, err := Run(context.Background(), dir, Options{Formats: AllFormats, OutDir: t.TempDir()})
	close(stop)
	<-done
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("peak heap in use: %d MB", peak>>20)
	if peak > 350<<20 {
		t.Errorf("a 54-megapixel photo took %d MB of heap, over 350 MB", peak>>20)
	}
}

// TestPreviews: --previews draws every page at the preview resolution and
// a contact sheet; the pictures show the pages (the cover photo fills its
// page, a text page is mostly paper with ink on it), and they go into
// place only with the editions.
func TestPreviews(t *testing.T) {
	t.Parallel()
	ed := sampleEditions.get(t)
	res, out := ed.res, ed.dir
	if res.Previews != filepath.Join(out, "previews") {
		t.Fatalf("previews reported at %q", res.Previews)
	}
	// 210×280 mm at 70 dpi
	wantW, wantH := 210*previewDPI*10/254, 280*previewDPI*10/254
	for i := 0; i < res.Pages; i++ {
		f, err := os.Open(filepath.Join(res.Previews, preview.Name(i)))
		if err != nil {
			t.Fatalf("page %d: %v", i+1, err)
		}
		m, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("page %d: %v", i+1, err)
		}
		if b := m.Bounds(); abs(b.Dx()-wantW) > 1 || abs(b.Dy()-wantH) > 1 {
			t.Errorf("page %d is %v, want about %dx%d", i+1, b.Size(), wantW, wantH)
		}
		white, dark := 0, 0
		b := m.Bounds()
		for y := b.Min.Y; y < b.Max.Y; y += 3 {
			for x := b.Min.X; x < b.Max.X; x += 3 {
				r, g, bl, _ := m.At(x, y).RGBA()
				switch l := (r + g + bl) / 3 >> 8; {
				case l > 245:
					white++
				case l < 100:
					dark++
				}
			}
		}
		total := (b.Dx() / 3) * (b.Dy() / 3)
		if i == 0 && white > total/10 {
			t.Errorf("cover preview is %d%% white: the photo is missing", white*100/total)
		}
		if dark == 0 {
			t.Errorf("page %d preview has no ink", i+1)
		}
	}
	if _, err := os.Stat(filepath.Join(res.Previews, preview.Name(res.Pages))); err == nil {
		t.Errorf("a preview for a page that does not exist")
	}
	if st, err := os.Stat(filepath.Join(res.Previews, "contact-sheet.png")); err != nil || st.Size() < 10000 {
		t.Errorf("contact sheet: %v", err)
	}
	if entries, _ := os.ReadDir(out); len(entries) == 0 {
		t.Error("nothing written")
	} else {
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".previews-tmp-") {
				t.Errorf("temporary folder %s left behind", e.Name())
			}
		}
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// TestProgressReachesTheEnd: the bars end full, and only when the work
// is done: a photo lying unused is not waited for, and the pages bar fills
// when the last edition is written, not when its last page is drawn.
func TestProgressReachesTheEnd(t *testing.T) {
	t.Parallel()
	dir := writeIssue(t, "-- issue.yaml --\nmagazine: M\nnumber: 1\ndate: 2026-01-01\n-- articles/a.md --\n# A\n\nText.\n\n![p](p.jpg \"Photo\")\n-- articles/p.jpg --\nsynth:jpeg 600x400\n-- images/unused.jpg --\nsynth:jpeg 60x40\n")
	var mu sync.Mutex
	var photos, pages [][2]int
	written := 0
	var pagesAtLastEdition [2]int
	opt := Options{Formats: AllFormats, OutDir: t.TempDir(),
		OnPhoto: func(done, total int) { mu.Lock(); photos = append(photos, [2]int{done, total}); mu.Unlock() },
		OnPage:  func(done, total int) { mu.Lock(); pages = append(pages, [2]int{done, total}); mu.Unlock() },
		OnEdition: func(Format) {
			mu.Lock()
			written++
			if written == len(AllFormats) && len(pages) > 0 {
				pagesAtLastEdition = pages[len(pages)-1]
			}
			mu.Unlock()
		},
	}
	res, err := Run(context.Background(), dir, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(photos) != 1 || photos[0] != [2]int{1, 1} {
		t.Errorf("photo progress %v, want [[1 1]] (the unused photo is not counted)", photos)
	}
	total := 2*res.Pages + len(AllFormats)
	if len(pages) != total {
		t.Fatalf("%d page progress calls, want %d (2 PDFs × %d pages + %d editions)", len(pages), total, res.Pages, len(AllFormats))
	}
	for i, p := range pages {
		if p != [2]int{i + 1, total} {
			t.Fatalf("page progress call %d is %v, want [%d %d]", i, p, i+1, total)
		}
	}
	if pagesAtLastEdition[0] >= total {
		t.Errorf("the pages bar was full (%v) before the last edition was written", pagesAtLastEdition)
	}
}

// TestPastedTextEverywhere: text pasted from a word processor reaches no
// edition with its invisible characters, is warned about once, and a
// carriage return in a code block is a line end, not a character the
// fonts lack. issue.yaml saved by Notepad with a BOM reads as any other.
func TestPastedTextEverywhere(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, content string) {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("issue.yaml", "\ufeffmagazine: M\r\nnumber: 1\r\ndate: 2026-01-01\r\n")
	write("articles/a.md", "---\r\ntitle: Pasar\r\n---\r\n"+
		"Pe\u00admerintah kampung dengan\u2028baris baru,\u00a0\u00a0dua spasi,\u200b lebar nol\ufeff dan akhir.\r\n\r\n"+
		"```\r\nkode satu\rkode dua\r\n```\r\n")
	out := t.TempDir()
	res, err := Run(context.Background(), dir, Options{Formats: []Format{EPUB, Screen}, OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	pasted := 0
	for _, w := range res.Warnings {
		if strings.Contains(w.Msg, "text pasted from a word processor") {
			pasted++
		}
		if strings.Contains(w.Msg, "not in the bundled fonts") {
			t.Errorf("a line end was taken for a character: %s", w)
		}
	}
	if pasted != 1 {
		t.Errorf("%d pasted-text warnings, want 1: %v", pasted, res.Warnings)
	}
	xhtml := epubFiles(t, filepath.Join(out, filepath.Base(dir)+".epub"))["OEBPS/a.xhtml"]
	if xhtml == "" {
		t.Fatal("no OEBPS/a.xhtml in the EPUB")
	}
	for _, r := range []rune{'\u00ad', '\u200b', '\ufeff', '\u2028', '\r'} {
		if strings.ContainsRune(xhtml, r) {
			t.Errorf("the EPUB keeps U+%04X", r)
		}
	}
	for _, want := range []string{"Pemerintah", "dengan<br/>baris", "baru,\u00a0dua", "kode satu\nkode dua"} {
		if !strings.Contains(xhtml, want) {
			t.Errorf("the EPUB lacks %q", want)
		}
	}
}

// TestSameTitleTwice: two articles with one title are told apart in the
// contents by nothing, so check says so, at the second.
func TestSameTitleTwice(t *testing.T) {
	t.Parallel()
	dir := writeIssue(t, "-- issue.yaml --\nmagazine: M\nnumber: 1\ndate: 2026-01-01\n-- articles/a.md --\n# Berita\n\nSatu.\n-- articles/b.md --\n# berita\n\nDua.\n")
	_, ds, _, _ := Check(context.Background(), dir, magzjpeg.Fast)
	found := false
	for _, d := range ds {
		if strings.Contains(d.Msg, `two articles are titled "berita"`) {
			found = strings.HasSuffix(filepath.ToSlash(d.Pos.Path), "articles/b.md")
		}
	}
	if !found {
		t.Errorf("no warning at b.md about the repeated title: %v", ds)
	}
}
