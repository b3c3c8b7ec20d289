package pipeline

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"magz/internal/testissue"
	"magz/internal/validate"

	"github.com/rogpeppe/go-internal/txtar"
)

const (
	coatedProfile   = "../../assets/icc/magz-coated-fogra39.icc"
	uncoatedProfile = "../../assets/icc/magz-uncoated-fogra29.icc"
)

// TestPrintEditionIsPDFX checks the print editions of issue-12 and of an
// issue with CMYK, 16-bit, transparent, grey and RGB photos part by part
// as a PDF/X-4 preflight would: output intent with its profile, document
// information, XMP, trailer ID, colour-managed RGB, no RGB page groups,
// no rich black text, and the total ink of every page as the output
// profile separates it.
func TestPrintEditionIsPDFX(t *testing.T) {
	t.Parallel()
	for _, f := range []*fixture{sampleEditions, awkwardEditions} {
		file := f.get(t).file(Print)
		t.Run(filepath.Base(file), func(t *testing.T) {
			checkPDFX(t, file, "FOGRA39")
			checkInk(t, file, coatedProfile, 300)
		})
	}
}

// TestUncoatedPaper: paper: uncoated prints for FOGRA29 with at most 260 %
// of ink.
func TestUncoatedPaper(t *testing.T) {
	t.Parallel()
	dir := writeIssue(t, withPrint(awkward, "  paper: uncoated\n"))
	out := t.TempDir()
	if _, err := Run(context.Background(), dir, Options{Formats: []Format{Print}, OutDir: out, Version: "test"}); err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(out, "issue-x-print.pdf")
	checkPDFX(t, file, "FOGRA29")
	checkInk(t, file, uncoatedProfile, 260)
	sheet, _ := os.ReadFile(filepath.Join(out, HandoffName("issue-x")))
	if !strings.Contains(string(sheet), "FOGRA29") || !strings.Contains(string(sheet), "at most 260 %") {
		t.Errorf("hand-off sheet does not name the uncoated condition:\n%s", sheet)
	}
}

// TestPrintersOwnProfile: a magazine can name its printer's profile and
// printing condition; the file embeds that profile as a custom condition.
func TestPrintersOwnProfile(t *testing.T) {
	t.Parallel()
	prof, err := os.ReadFile(uncoatedProfile)
	if err != nil {
		t.Fatal(err)
	}
	dir := writeIssue(t, withPrint(awkward, "  profile: printer.icc\n  condition: Percetakan Jayapura, HVS 80 g\n"))
	if err := os.WriteFile(filepath.Join(dir, "printer.icc"), prof, 0o644); err != nil {
		t.Fatal(err)
	}
	out := t.TempDir()
	res, err := Run(context.Background(), dir, Options{Formats: []Format{Print}, OutDir: out, Version: "test"})
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(out, "issue-x-print.pdf")
	checkPDFX(t, file, "Custom")
	objs := validate.PDFObjects(t, file)
	oi := intentOf(t, objs)
	// a condition of the printer's own is in no registry; /Info adds the
	// profile's own name
	if oi["/OutputCondition"] != "u:Percetakan Jayapura, HVS 80 g" || oi["/RegistryName"] != nil ||
		oi["/Info"] != "u:Percetakan Jayapura, HVS 80 g (magz uncoated (FOGRA29), TAC 260%)" {
		t.Errorf("output intent %v does not describe the printer's condition", oi)
	}
	prof2 := objs[oi["/DestOutputProfile"].(string)].(map[string]any)
	if prof2["/N"] != float64(4) {
		t.Errorf("embedded profile %v is not CMYK", prof2)
	}
	sheet, _ := os.ReadFile(res.Handoff)
	if !strings.Contains(string(sheet), "the printer's own profile: Percetakan Jayapura") {
		t.Errorf("hand-off sheet does not name the printer's condition:\n%s", sheet)
	}
}

// TestPrintSettingsErrors: wrong print settings are errors at their line.
func TestPrintSettingsErrors(t *testing.T) {
	t.Parallel()
	srgb, err := os.ReadFile("../../assets/icc/sRGB.icc")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ yaml, want string }{
		{"  paper: glossy\n", `issue.yaml:2:10: paper "glossy" is not coated or uncoated`},
		{"  profile: rgb.icc\n  condition: X\n", `issue.yaml:2:12: profile rgb.icc: is an ICC profile for "RGB", not for CMYK printing`},
		{"  profile: none.icc\n  condition: X\n", `issue.yaml:2:12: profile none.icc:`},
		{"  profile: rgb.icc\n", `issue.yaml:2:12: profile rgb.icc:`},
		{"  condition: X\n", `issue.yaml:2:14: condition names the printing condition of a printer's own profile`},
		{"  colour: spot\n", `issue.yaml:2:11: colour "spot" is not cmyk or rgb`},
		{"  weight: 5\n", `issue.yaml:2:11: weight is the paper's grammage`},
		{"  sheet: huge\n", `issue.yaml:2:10: sheet "huge" is not SRA3`},
		{"  quantity: 0\n", `issue.yaml:2:13: quantity must be at least 1`},
	} {
		dir := writeIssue(t, withPrint(awkward, tc.yaml))
		if err := os.WriteFile(filepath.Join(dir, "rgb.icc"), srgb, 0o644); err != nil {
			t.Fatal(err)
		}
		out := t.TempDir()
		_, err := Run(context.Background(), dir, Options{Formats: []Format{Print}, OutDir: out})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: want an error %q, got %v", tc.yaml, tc.want, err)
		}
		if entries, _ := os.ReadDir(out); len(entries) != 0 {
			t.Errorf("%q: a failed build wrote files", tc.yaml)
		}
	}
}

// withPrint adds keys (indented lines) to the print: settings of an
// archive's issue.yaml, as its first ones.
func withPrint(archive, keys string) string {
	return strings.Replace(archive, "-- issue.yaml --\nprint:\n", "-- issue.yaml --\nprint:\n"+keys, 1)
}

func intentOf(t *testing.T, objs map[string]any) map[string]any {
	t.Helper()
	trailer := objs["trailer"].(map[string]any)
	root := objs[trailer["/Root"].(string)].(map[string]any)
	ois, ok := root["/OutputIntents"].([]any)
	if !ok || len(ois) != 1 {
		t.Fatalf("catalog has no output intent: %v", root)
	}
	return objs[ois[0].(string)].(map[string]any)
}

// checkPDFX checks the PDF/X-4 structure of a print edition.
func checkPDFX(t *testing.T, file, condition string) {
	t.Helper()
	validate.QPDFCheck(t, file)
	if info := validate.PDFInfo(t, file); !strings.Contains(info, "PDF version:     1.6") || !strings.Contains(info, "PDF/X-4") {
		t.Errorf("pdfinfo does not see a PDF 1.6, PDF/X-4 file:\n%s", info)
	}
	objs := validate.PDFObjects(t, file)
	trailer := objs["trailer"].(map[string]any)
	if ids, ok := trailer["/ID"].([]any); !ok || len(ids) != 2 || ids[0] != ids[1] || len(ids[0].(string)) != 2+32 {
		t.Errorf("trailer ID %v", trailer["/ID"])
	}
	info := objs[trailer["/Info"].(string)].(map[string]any)
	if info["/GTS_PDFXVersion"] != "u:PDF/X-4" || info["/Trapped"] != "/False" || info["/Title"] == nil {
		t.Errorf("document information %v lacks the PDF/X entries", info)
	}
	for _, k := range []string{"/CreationDate", "/ModDate"} {
		if d, _ := info[k].(string); !strings.HasSuffix(d, "Z00'00'") {
			t.Errorf("%s %q has no time zone", k, d)
		}
	}
	oi := intentOf(t, objs)
	if oi["/S"] != "/GTS_PDFX" || oi["/OutputConditionIdentifier"] != "u:"+condition {
		t.Errorf("output intent %v, want GTS_PDFX for %s", oi, condition)
	}
	if condition != "Custom" && oi["/RegistryName"] != "u:http://www.color.org" {
		t.Errorf("output intent %v has no registry", oi)
	}
	prof, ok := objs[oi["/DestOutputProfile"].(string)].(map[string]any)
	if !ok || prof["/N"] != float64(4) {
		t.Errorf("output profile %v", prof)
	}
	xmp := validate.PDFInfo(t, file, "-meta")
	for _, want := range []string{"<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>", "<dc:title>", "<xmp:CreateDate>", "<xmpMM:DocumentID>uuid:", "<xmpMM:InstanceID>uuid:", "<pdf:Trapped>False</pdf:Trapped>"} {
		if !strings.Contains(xmp, want) {
			t.Errorf("XMP metadata lacks %s", want)
		}
	}
	// every page: boxes, no RGB page group, RGB tagged as sRGB
	pages := 0
	for ref, o := range objs {
		d, ok := o.(map[string]any)
		if !ok || d["/Type"] != "/Page" {
			continue
		}
		pages++
		if d["/TrimBox"] == nil || d["/BleedBox"] == nil {
			t.Errorf("page %s has no TrimBox or BleedBox", ref)
		}
		if d["/Group"] != nil {
			t.Errorf("page %s has a page group %v", ref, d["/Group"])
		}
		res, _ := objs[d["/Resources"].(string)].(map[string]any)
		cs, _ := res["/ColorSpace"].(map[string]any)
		def, _ := cs["/DefaultRGB"].([]any)
		if len(def) != 2 || def[0] != "/ICCBased" {
			t.Errorf("page %s: RGB is not tagged (DefaultRGB %v)", ref, cs)
			continue
		}
		if icc, _ := objs[def[1].(string)].(map[string]any); icc["/N"] != float64(3) {
			t.Errorf("DefaultRGB profile %v is not RGB", icc)
		}
	}
	if pages == 0 || pages%4 != 0 {
		t.Errorf("%d pages", pages)
	}
	checkTextInk(t, file)
}

var (
	fillCMYK = regexp.MustCompile(`(?m)^([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) k$`)
	showText = regexp.MustCompile(`\bT[jJ]\b`)
)

// checkTextInk reads the content streams: every piece of text is set in a
// process colour (k), and dark text is black ink alone or black with one
// other ink (a small text in a deep colour), never a rich black of three
// or four inks.
func checkTextInk(t *testing.T, file string) {
	t.Helper()
	kOnly, texts := 0, 0
	for pi, content := range validate.PDFContent(t, file) {
		var fill []float64
		for _, line := range strings.Split(content, "\n") {
			if m := fillCMYK.FindStringSubmatch(line); m != nil {
				fill = fill[:0]
				for _, v := range m[1:] {
					f, _ := strconv.ParseFloat(v, 64)
					fill = append(fill, f)
				}
				continue
			}
			if !showText.MatchString(line) {
				continue
			}
			texts++
			if fill == nil {
				t.Fatalf("page %d: text with no process colour set: %q", pi+1, line)
			}
			chromatic := 0
			for _, v := range fill[:3] {
				if v > 0 {
					chromatic++
				}
			}
			if chromatic == 0 {
				kOnly++
			} else if chromatic > 1 && fill[3] >= 0.5 {
				t.Errorf("page %d: rich black text (%v): %q", pi+1, fill, line)
			}
		}
	}
	if texts == 0 || kOnly*100/texts < 85 {
		t.Errorf("%d of %d text runs are in black ink alone; body text should be", kOnly, texts)
	}
}

// checkInk renders every page as the output profile separates it and
// checks the total ink.
func checkInk(t *testing.T, file, profile string, limit int) {
	t.Helper()
	pages := validate.RenderCMYK(t, file, profile, 50)
	if len(pages) == 0 {
		t.Fatal("no pages rendered")
	}
	most := 0
	for i, p := range pages {
		ink := p.MaxInk()
		most = max(most, ink)
		if ink > limit {
			t.Errorf("page %d: %d %% of ink, more than %d %%", i+1, ink, limit)
		}
	}
	t.Logf("%s: most ink on any page %d %% (limit %d %%)", filepath.Base(file), most, limit)
}

// TestMagazineOfItsOwn: a magazine with its own magazine.yaml, colours
// and TrueType typeface (files magz has never seen) gets editions set in
// that typeface and printed in those colours, the print forms in print.
func TestMagazineOfItsOwn(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	dir := filepath.Join(root, "issues", "issue-1")
	if err := testissue.Write(dir, txtar.Parse([]byte(`-- issue.yaml --
number: 1
date: 2026-05-01
-- articles/a.md --
---
title: Nelayan Pulang Pagi
section: Laporan
---
Perahu-perahu merapat ketika matahari belum tinggi. Ikan dibawa ke pasar.
`))); err != nil {
		t.Fatal(err)
	}
	mag := `magazine: Suara Teluk
publisher: Dinas Kominfo
theme:
  columns: 3
  colours:
    accent: "#1e6b3a cmyk 80 20 90 10"
  typefaces:
    display_files:
      regular: fonts/Teluk-Regular.ttf
      italic: fonts/Teluk-Italic.ttf
      bold: fonts/Teluk-Bold.ttf
      black: fonts/Teluk-Black.ttf
`
	if err := os.WriteFile(filepath.Join(root, "magazine.yaml"), []byte(mag), 0o644); err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(root, "fonts"), 0o755)
	for _, s := range []string{"Regular", "Italic", "Bold", "Black"} {
		data, err := os.ReadFile("../../fonts/Lato-" + s + ".ttf")
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(root, "fonts", "Teluk-"+s+".ttf"), data, 0o644)
	}
	out := t.TempDir()
	res, err := Run(context.Background(), dir, Options{Formats: AllFormats, OutDir: out})
	if err != nil {
		t.Fatal(err)
	}
	if res.Issue.Magazine != "Suara Teluk" || res.Issue.Articles[0].Columns != 3 {
		t.Errorf("magazine %q, columns %d", res.Issue.Magazine, res.Issue.Articles[0].Columns)
	}
	screen, print := filepath.Join(out, "issue-1-screen.pdf"), filepath.Join(out, "issue-1-print.pdf")
	fonts := strings.Join(validate.PDFFonts(t, screen), "\n")
	if !strings.Contains(fonts, "teluk-black") || !strings.Contains(fonts, "teluk-bold") || strings.Contains(fonts, "lato-black") {
		t.Errorf("the screen PDF's fonts:\n%s", fonts)
	}
	if c := strings.Join(validate.PDFContent(t, screen), ""); !strings.Contains(c, "0.118 0.420 0.227 rg") {
		t.Error("the screen PDF does not use the accent colour #1e6b3a")
	}
	if c := strings.Join(validate.PDFContent(t, print), ""); !strings.Contains(c, "0.80 0.20 0.90 0.10 k") {
		t.Error("the print PDF does not use the accent's print form, cmyk 80 20 90 10")
	}
	if css := epubFiles(t, filepath.Join(out, "issue-1.epub"))["OEBPS/style.css"]; !strings.Contains(css, "#1e6b3a") {
		t.Error("the EPUB's style sheet does not use the accent colour")
	}
}

// TestSecondExample: the example magazine in docs/examples builds with its
// own look in all three editions: its typeface, its logo on a framed
// cover, three columns, its colours; and its editions pass the validators.
func TestSecondExample(t *testing.T) {
	t.Parallel()
	ed := telukEditions.get(t)
	res, out := ed.res, ed.dir
	if len(res.Warnings) > 0 {
		t.Errorf("warnings: %v", res.Warnings)
	}
	iss := res.Issue
	if iss.Logo == nil || iss.Theme.Cover.Layout != "frame" || iss.Articles[1].Columns != 3 {
		t.Fatalf("logo %v, cover %q, columns %d", iss.Logo, iss.Theme.Cover.Layout, iss.Articles[1].Columns)
	}
	screen, print := filepath.Join(out, "issue-1-screen.pdf"), filepath.Join(out, "issue-1-print.pdf")
	fonts := strings.Join(validate.PDFFonts(t, screen), "\n")
	if !strings.Contains(fonts, "dejavuserifcondensed-bold") || strings.Contains(fonts, "caladea") {
		t.Errorf("the screen PDF's fonts:\n%s", fonts)
	}
	if c := validate.PDFContent(t, print); !strings.Contains(c[0], "1 0.75 0.30 0.25 K") {
		t.Error("the print cover does not use the deep colour's print form, cmyk 100 75 30 25")
	}
	if imgs := validate.PDFImages(t, screen); len(imgs) < 4 {
		t.Errorf("%d images in the screen PDF, want the logo, the cover and two photos at least", len(imgs))
	}
	validate.QPDFCheck(t, print)
	validate.QPDFCheck(t, screen)
	epub := filepath.Join(out, "issue-1.epub")
	files := epubFiles(t, epub)
	css := files["OEBPS/style.css"]
	if cover := files["OEBPS/cover.xhtml"]; !strings.Contains(cover, `<h1 class="masthead"><img src="images/`) || !strings.Contains(cover, `alt="Suara Teluk"/></h1>`) {
		t.Errorf("the EPUB's cover has no logo masthead:\n%s", cover)
	}
	if _, ok := files["OEBPS/fonts/DejaVuSerifCondensed-Bold.ttf"]; !ok || !strings.Contains(css, `font-family: "Magazine Display", sans-serif`) ||
		!strings.Contains(css, "src: url(fonts/DejaVuSerifCondensed-Bold.ttf)") || !strings.Contains(css, "body { margin: 0 4%; line-height: 1.5; font-family: sans-serif; }") {
		t.Errorf("the EPUB does not carry the magazine's typefaces:\n%s", css)
	}
	validate.EPUBCheck(t, epub)
}
